"""The ``fact`` rule kind."""

from __future__ import annotations

from typing import Literal

from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase
from selfeval.wording import points, quote


class FactRule(RuleBase):
    """是/否事实：基本分或加分项中，事实为 expect（默认“是”）得满分；扣分项中为“是”则扣满分。数据未说明的事实不得分
    也不扣分，并列为缺少。

    A yes/no fact: on a standard or bonus node, full points when the fact is ``expect``
    (default true); on a deduction node, the full deduction when it is. A fact the data does
    not state earns nothing and deducts nothing, and is reported as missing."""

    kind: Literal["fact"]
    fact: str
    expect: bool = True

    def facts(self) -> set[str]:
        return {self.fact}

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        value = ctx.fact(self.fact)
        title = ctx.fact_title(self.fact)
        if value is None:
            return Outcome(
                amount=ZERO,
                explanation=f"数据未说明是否{quote(title)}，{points(ZERO, clause.deduction)}",
                missing=[self.fact],
                gap=f"在数据文件 facts 下说明是否{quote(title)}（facts.{self.fact}）",
            )
        hit = value is self.expect
        amount = clause.points if hit else ZERO
        return Outcome(
            amount=amount,
            explanation=f"{title}：{'是' if value else '否'}，{points(amount, clause.deduction)}",
            used=[self.fact],
            gap=None if hit or clause.deduction else f"需{quote(title)}为{'是' if self.expect else '否'}",
        )

    def describe(self, ctx: Context, clause: Clause) -> str:
        title = quote(ctx.fact_title(self.fact))
        when = "是" if self.expect else "否"
        if clause.deduction:
            return f"{title}为{when}则扣{fmt(clause.points)}分"
        return f"{title}为{when}得{fmt(clause.points)}分，否则不得分"
