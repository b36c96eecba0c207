"""The ``per_occurrence`` rule kind."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator

from selfeval.expr import checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in


class PerOccurrenceRule(RuleBase):
    """A deduction per occurrence with a floor: ``deduct`` points for each counted
    occurrence. On a deduction node the deduction is capped at its points; on a standard
    node the points go down to zero. Written as 「每发生1起扣5分，扣完为止」."""

    kind: Literal["per_occurrence"]
    metric: str
    deduct: Decimal = Field(gt=0)

    _v = field_validator("metric")(lambda cls, v: checked(v))

    def names(self) -> set[str]:
        return names_in(self.metric)

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        n = max(ZERO, ctx.value(self.metric))
        taken = min(clause.points, n * self.deduct)
        desc = ctx.describe(self.metric, n)
        used = sorted(self.names())
        if clause.deduction:
            text = f"{desc}，每起扣{fmt(self.deduct)}分，" + (f"扣{fmt(taken)}分" if taken else "不扣分")
            return Outcome(taken, text, used=used)
        got = clause.points - taken
        return Outcome(
            got,
            f"{desc}，每起扣{fmt(self.deduct)}分，得{fmt(got)}分",
            used=used,
            gap=None if taken == 0 else f"需 {ctx.label(self.metric)} 为 0（当前 {fmt(n)}）",
        )
