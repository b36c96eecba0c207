"""The ``fact`` rule kind."""

from __future__ import annotations

from typing import Literal

from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase


class FactRule(RuleBase):
    """A yes/no fact: on a standard or bonus node, full points when the fact is ``expect``
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
                ZERO,
                f"数据未说明“{title}”，" + ("不扣分" if clause.deduction else "不得分"),
                missing=[self.fact],
                gap=f"在数据文件中说明“{title}”",
            )
        said = "是" if value else "否"
        hit = value is self.expect
        amount = clause.points if hit else ZERO
        if clause.deduction:
            return Outcome(
                amount, f"“{title}”：{said}，" + (f"扣{fmt(amount)}分" if hit else "不扣分"), used=[self.fact]
            )
        return Outcome(
            amount,
            f"“{title}”：{said}，" + (f"得{fmt(amount)}分" if hit else "不得分"),
            used=[self.fact],
            gap=None if hit else f"需“{title}”为{'是' if self.expect else '否'}",
        )
