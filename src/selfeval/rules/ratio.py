"""The ``ratio`` rule kind."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from selfeval.errors import Undefined
from selfeval.expr import checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in
from selfeval.wording import points


class RatioRule(RuleBase):
    """按比例计分：numerator ÷ denominator × 本项分值，限在0到本项分值之间。写作「完成数/应完成数×2」。

    A ratio times the points: ``numerator / denominator × points``, kept within
    ``[0, points]``. Written as 「完成数/应完成数×2」.

    PASS: 应核查的1250户低保家庭全部完成年度核查
        points: 2
        rule: {kind: ratio, numerator: checked_households, denominator: due_households}
        figures: {checked_households: 1250, due_households: 1250}
        score: 2
    PASS: 超额完成，得分不超过本项分值
        points: 2
        rule: {kind: ratio, numerator: checked_households, denominator: due_households}
        figures: {checked_households: 1300, due_households: 1250}
        score: 2
    FAIL: 完成1200户，占96%，按比例得1.92分
        points: 2
        rule: {kind: ratio, numerator: checked_households, denominator: due_households}
        figures: {checked_households: 1200, due_households: 1250}
        score: 1.92
    FAIL: 应核查户数为0，无法计算，不得分
        points: 2
        rule: {kind: ratio, numerator: checked_households, denominator: due_households}
        figures: {checked_households: 1200, due_households: 0}
        score: 0
    """

    kind: Literal["ratio"]
    numerator: str
    """分子：名称或算式（如完成数）。

    The numerator: a name or an expression (done)."""
    denominator: str
    """分母：名称或算式（如应完成数）。

    The denominator: a name or an expression (due)."""

    _v = field_validator("numerator", "denominator")(lambda cls, v: checked(v))

    def names(self) -> set[str]:
        return names_in(self.numerator, self.denominator)

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        n = ctx.value(self.numerator)
        d = ctx.value(self.denominator)
        if d == 0:
            raise Undefined(f"{self.denominator} = 0")
        got = max(ZERO, min(clause.points, n / d * clause.points))
        share = fmt(n / d * 100, 1)
        return Outcome(
            amount=got,
            explanation=f"{ctx.label(self.numerator)}{ctx.amount(self.numerator, n)}，为{ctx.label(self.denominator)}"
            f"{ctx.amount(self.denominator, d)}的{share}%，按比例{points(got)}",
            used=sorted(self.names()),
            gap=None if got >= clause.points else f"需{ctx.label(self.numerator)}达到{ctx.amount(self.numerator, d)}",
        )

    def describe(self, ctx: Context, clause: Clause) -> str:
        return (
            f"按{ctx.label(self.numerator)}占{ctx.label(self.denominator)}的比例计分，全部完成得{fmt(clause.points)}分"
        )
