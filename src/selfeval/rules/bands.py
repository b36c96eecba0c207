"""The ``bands`` rule kind."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from selfeval.expr import checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in

_INF = Decimal("Infinity")


class Band(BaseModel):
    """One band: ``min`` ≤ value < ``max`` gives ``points``; a missing bound is open."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    min: Decimal | None = None
    max: Decimal | None = None
    points: Decimal = Field(ge=0)


def _bound(v: Decimal | None) -> str:
    return "∞" if v is None else fmt(v)


class BandsRule(RuleBase):
    """Tiered bands on a metric: the band with ``min`` ≤ value < ``max`` gives its points;
    a value in no band gives none. Bands may not overlap. Written as
    「达到95%以上得3分，90%-95%得2分，低于90%不得分」."""

    kind: Literal["bands"]
    metric: str
    bands: list[Band] = Field(min_length=1)

    _v_metric = field_validator("metric")(lambda cls, v: checked(v))

    def names(self) -> set[str]:
        return names_in(self.metric)

    def check(self, points: Decimal) -> list[str]:
        out = []
        for i, b in enumerate(self.bands):
            if b.min is not None and b.max is not None and b.min >= b.max:
                out.append(f"band {i + 1}: min {fmt(b.min)} is not below max {fmt(b.max)}")
            if b.points > points:
                out.append(f"band {i + 1} gives {fmt(b.points)} points, more than the node's {fmt(points)}")
        ordered = sorted(self.bands, key=lambda b: b.min if b.min is not None else -_INF)
        if ordered != list(self.bands) and ordered[::-1] != list(self.bands):
            out.append("bands are out of order: list them by their bounds, rising or falling")
        for a, b in pairwise(ordered):
            a_max = a.max if a.max is not None else _INF
            b_min = b.min if b.min is not None else -_INF
            if a_max > b_min:
                out.append(f"bands overlap: [{_bound(a.min)}, {_bound(a.max)}) and [{_bound(b.min)}, {_bound(b.max)})")
        if all(b.points < points for b in self.bands):
            out.append(f"no band reaches the node's {fmt(points)} points")
        return out

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        x = ctx.value(self.metric)
        desc = ctx.describe(self.metric, x)
        best = max(self.bands, key=lambda b: b.points)
        used = sorted(self.names())
        for b in self.bands:
            if (b.min is None or x >= b.min) and (b.max is None or x < b.max):
                got = min(b.points, clause.points)
                gap = (
                    None
                    if got >= clause.points
                    else f"需 {ctx.label(self.metric)} 达到 {_bound(best.min)} 以上（当前 {fmt(x)}）"
                )
                return Outcome(
                    got, f"{desc}，落在 [{_bound(b.min)}, {_bound(b.max)}) 区间，得{fmt(got)}分", used=used, gap=gap
                )
        return Outcome(
            ZERO,
            f"{desc}，不在任何得分区间，不得分",
            used=used,
            gap=f"需 {ctx.label(self.metric)} 落在 [{_bound(best.min)}, {_bound(best.max)}) 区间",
        )
