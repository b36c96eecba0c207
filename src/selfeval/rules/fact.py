"""The ``fact`` rule kind."""

from __future__ import annotations

from typing import ClassVar, Literal

from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase
from selfeval.wording import points, quote


class FactRule(RuleBase):
    """是/否事实：基本分或加分项中，事实为 expect（默认“是”）得满分；扣分项中为“是”则扣满分。
    数据未说明的事实不得分也不扣分，并列为缺少。

    A yes/no fact: on a standard or bonus node, full points when the fact is ``expect``
    (default true); on a deduction node, the full deduction when it is. A fact the data does
    not state earns nothing and deducts nothing, and is reported as missing.

    PASS: 低保金按月足额发放到户，得满分
        points: 3
        rule: {kind: fact, fact: paid_monthly}
        facts: {paid_monthly: 是}
        score: 3
    PASS: 扣分项：未发生挤占挪用救助资金，不扣分
        type: deduction
        points: 5
        rule: {kind: fact, fact: funds_misused}
        facts: {funds_misused: 否}
        score: 0
    FAIL: 未按月发放，不得分
        points: 3
        rule: {kind: fact, fact: paid_monthly}
        facts: {paid_monthly: 否}
        score: 0
    FAIL: 扣分项：审计发现挤占挪用救助资金，扣满分
        type: deduction
        points: 5
        rule: {kind: fact, fact: funds_misused}
        facts: {funds_misused: 是}
        score: 5
    FAIL: 数据未说明是否按月发放（~ 待填），不得分
        points: 3
        rule: {kind: fact, fact: paid_monthly}
        facts: {paid_monthly: ~}
        score: 0
    """

    kind: Literal["fact"]
    deducts: ClassVar[bool] = True
    fact: str
    """是/否事实的名称（评分标准 facts 中的名称）。

    The yes/no fact (a name under the rubric's ``facts``)."""
    expect: bool = True
    """得分所要求的答案：true 为“是”得分，false 为“否”得分。

    The answer that scores: true for yes, false for no."""

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
