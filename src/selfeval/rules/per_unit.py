"""The ``per_unit`` rule kind."""

from __future__ import annotations

import math
from decimal import ROUND_FLOOR, Decimal
from typing import Literal

from pydantic import Field, field_validator

from selfeval.expr import checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in


class PerUnitRule(RuleBase):
    """Points per unit with a cap: ``per`` points for every ``unit`` of the metric
    (whole units only), capped at the node's points. Written as 「1个部门0.5分，满分2分」."""

    kind: Literal["per_unit"]
    metric: str
    per: Decimal = Field(gt=0)
    unit: Decimal = Field(default=Decimal(1), gt=0)

    _v_metric = field_validator("metric")(lambda cls, v: checked(v))

    def names(self) -> set[str]:
        return names_in(self.metric)

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        points = clause.points
        x = ctx.value(self.metric)
        units = max(ZERO, (x / self.unit).to_integral_value(rounding=ROUND_FLOOR))
        got = min(units * self.per, points)
        need = math.ceil(points / self.per) * self.unit
        return Outcome(
            got,
            f"{ctx.describe(self.metric, x)}，每{fmt(self.unit)}计{fmt(self.per)}分，"
            f"最高{fmt(points)}分，得{fmt(got)}分",
            used=sorted(self.names()),
            gap=None if got >= points else f"需 {ctx.label(self.metric)} 达到 {fmt(Decimal(need))}（当前 {fmt(x)}）",
        )
