"""The ``bands`` rule kind."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from selfeval.expr import checked
from selfeval.i18n import Msg, msg
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in
from selfeval.wording import points

_INF = Decimal("Infinity")


class Band(BaseModel):
    """One band: ``min`` ≤ value < ``max`` gives ``points``; a missing bound is open."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    min: Decimal | None = None
    max: Decimal | None = None
    points: Decimal = Field(ge=0)


def span(low: Decimal | None, high: Decimal | None, unit: str = "") -> str:
    """A band in words: 「30%以上」, 「20%至30%（不含30%）」, 「低于20%」."""
    if low is None and high is None:
        return "任意值"
    if high is None:
        return f"{fmt(low or ZERO)}{unit}以上"
    if low is None:
        return f"低于{fmt(high)}{unit}"
    return f"{fmt(low)}{unit}至{fmt(high)}{unit}（不含{fmt(high)}{unit}）"


def _range(b: Band) -> str:
    """A band for a rubric author: 20～30 (the upper bound excluded), 30～."""
    return f"{'' if b.min is None else fmt(b.min)}～{'' if b.max is None else fmt(b.max)}"


class BandsRule(RuleBase):
    """分档得分：指标落在 min ≤ 值 < max 的一档得该档分数，不在任何一档不得分；各档不得重叠。
    写作「95%以上得3分，90%–95%得2分，低于90%不得分」。

    Tiered bands on a metric: the band with ``min`` ≤ value < ``max`` gives its points;
    a value in no band gives none. Bands may not overlap. Written as
    「达到95%以上得3分，90%-95%得2分，低于90%不得分」.

    PASS: 救助对象满意度96.5%，在95%以上一档
        points: 3
        rule:
          kind: bands
          metric: satisfaction
          bands: [{min: 95, points: 3}, {min: 90, max: 95, points: 2}]
        figures: {satisfaction: 96.5}
        rubric: {figures: {satisfaction: {title: 救助对象满意度, unit: "%"}}}
        score: 3
    PASS: 满意度恰为95%：下限含在本档之内
        points: 3
        rule:
          kind: bands
          metric: satisfaction
          bands: [{min: 95, points: 3}, {min: 90, max: 95, points: 2}]
        figures: {satisfaction: 95}
        rubric: {figures: {satisfaction: {title: 救助对象满意度, unit: "%"}}}
        score: 3
    FAIL: 满意度94.9%：上限不含，落在90%至95%一档
        points: 3
        rule:
          kind: bands
          metric: satisfaction
          bands: [{min: 95, points: 3}, {min: 90, max: 95, points: 2}]
        figures: {satisfaction: 94.9}
        rubric: {figures: {satisfaction: {title: 救助对象满意度, unit: "%"}}}
        score: 2
    FAIL: 满意度86%，不在任何一档，不得分
        points: 3
        rule:
          kind: bands
          metric: satisfaction
          bands: [{min: 95, points: 3}, {min: 90, max: 95, points: 2}]
        figures: {satisfaction: 86}
        rubric: {figures: {satisfaction: {title: 救助对象满意度, unit: "%"}}}
        score: 0
    """

    kind: Literal["bands"]
    metric: str
    bands: list[Band] = Field(min_length=1)

    _v_metric = field_validator("metric")(lambda cls, v: checked(v))

    def names(self) -> set[str]:
        return names_in(self.metric)

    def check(self, points: Decimal) -> list[Msg]:
        out = []
        for i, b in enumerate(self.bands):
            if b.min is not None and b.max is not None and b.min >= b.max:
                out.append(msg("band-empty", n=i + 1, min=fmt(b.min), max=fmt(b.max)))
            if b.points > points:
                out.append(msg("band-too-many", n=i + 1, got=fmt(b.points), points=fmt(points)))
        ordered = sorted(self.bands, key=lambda b: b.min if b.min is not None else -_INF)
        if ordered != list(self.bands) and ordered[::-1] != list(self.bands):
            out.append(msg("band-order"))
        for a, b in pairwise(ordered):
            a_max = a.max if a.max is not None else _INF
            b_min = b.min if b.min is not None else -_INF
            if a_max > b_min:
                out.append(msg("band-overlap", a=_range(a), b=_range(b)))
        if all(b.points < points for b in self.bands):
            out.append(msg("band-unreachable", points=fmt(points)))
        return out

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        x = ctx.value(self.metric)
        unit = ctx.unit(self.metric)
        said = f"{ctx.label(self.metric)}为{ctx.amount(self.metric, x)}"
        best = max(self.bands, key=lambda b: b.points)
        used = sorted(self.names())
        for b in self.bands:
            if (b.min is None or x >= b.min) and (b.max is None or x < b.max):
                got = min(b.points, clause.points)
                best_band = span(best.min, best.max, unit)
                gap = None if got >= clause.points else f"需{ctx.label(self.metric)}达到{best_band}"
                return Outcome(
                    amount=got,
                    explanation=f"{said}，在{span(b.min, b.max, unit)}一档，{points(got)}",
                    used=used,
                    gap=gap,
                )
        return Outcome(
            amount=ZERO,
            explanation=f"{said}，不在任何得分档内，不得分",
            used=used,
            gap=f"需{ctx.label(self.metric)}达到{span(best.min, best.max, unit)}",
        )

    def describe(self, ctx: Context, clause: Clause) -> str:
        unit = ctx.unit(self.metric)
        tiers = "，".join(f"{span(b.min, b.max, unit)}得{fmt(b.points)}分" for b in self.bands)
        return f"{ctx.label(self.metric)}{tiers}，其余不得分"
