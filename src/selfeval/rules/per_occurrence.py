"""The ``per_occurrence`` rule kind."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator

from selfeval.expr import checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in
from selfeval.wording import points


class PerOccurrenceRule(RuleBase):
    """按次数扣分：每发生一次扣 deduct 分。扣分项中最多扣本项分值；基本分项中扣到0为止。写作「每发生1起扣5分，扣完为
    止」。

    A deduction per occurrence with a floor: ``deduct`` points for each counted
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
        each = ctx.unit(self.metric) or "次"
        said = f"{ctx.label(self.metric)}为{ctx.amount(self.metric, n)}，每{each}扣{fmt(self.deduct)}分"
        used = sorted(self.names())
        if clause.deduction:
            return Outcome(amount=taken, explanation=f"{said}，{points(taken, deduction=True)}", used=used)
        got = clause.points - taken
        return Outcome(
            amount=got,
            explanation=f"{said}，{points(taken, deduction=True)}，{points(got)}",
            used=used,
            gap=None if taken == 0 else f"需{ctx.label(self.metric)}为0",
        )

    def describe(self, ctx: Context, clause: Clause) -> str:
        each = ctx.unit(self.metric) or "次"
        limit = f"最多扣{fmt(clause.points)}分" if clause.deduction else "扣完为止"
        return f"{ctx.label(self.metric)}每发生1{each}扣{fmt(self.deduct)}分，{limit}"
