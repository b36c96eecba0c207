"""The ``ratio`` rule kind."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from selfeval.expr import Undefined, checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in


class RatioRule(RuleBase):
    """A ratio times the points: ``numerator / denominator × points``, kept within
    ``[0, points]``. Written as 「完成数/应完成数×2」."""

    kind: Literal["ratio"]
    numerator: str
    denominator: str

    _v = field_validator("numerator", "denominator")(lambda cls, v: checked(v))

    def names(self) -> set[str]:
        return names_in(self.numerator, self.denominator)

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        points = clause.points
        n = ctx.value(self.numerator)
        d = ctx.value(self.denominator)
        if d == 0:
            raise Undefined(f"{self.denominator} = 0")
        got = max(ZERO, min(points, n / d * points))
        return Outcome(
            got,
            f"{ctx.describe(self.numerator, n)} ÷ {ctx.describe(self.denominator, d)} × {fmt(points)}，得{fmt(got)}分",
            used=sorted(self.names()),
            gap=None if got >= points else f"需 {ctx.label(self.numerator)} 达到 {fmt(d)}（当前 {fmt(n)}）",
        )
