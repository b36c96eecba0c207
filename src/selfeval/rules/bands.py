"""The ``bands`` rule kind."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from selfeval.expr import checked
from selfeval.i18n import msg
from selfeval.numbers import ZERO, exact, fmt
from selfeval.rules.base import Clause, Context, Flaw, Outcome, RuleBase, names_in
from selfeval.wording import points

_INF = Decimal("Infinity")


class Band(BaseModel):
    """One band: ``min`` ≤ value < ``max`` gives ``points``; a missing bound is open."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    min: Decimal | None = None
    """本档下限（含）；省略为不设下限。

    The band's lower bound, included; left out, none."""
    max: Decimal | None = None
    """本档上限（不含）；省略为不设上限。

    The band's upper bound, excluded; left out, none."""
    points: Decimal = Field(ge=0)
    """指标落在本档时得的分数。

    Points for a value in this band."""


def span(low: Decimal | None, high: Decimal | None, unit: str = "") -> str:
    """A band in words: 「30%以上」, 「20%至30%（不含30%）」, 「低于20%」."""
    if low is None and high is None:
        return "任意值"
    if high is None:
        return f"{fmt(low or ZERO)}{unit}以上"
    if low is None:
        return f"低于{fmt(high)}{unit}"
    return f"{fmt(low)}{unit}至{fmt(high)}{unit}（不含{fmt(high)}{unit}）"


def _low(b: Band) -> Decimal:
    return b.min if b.min is not None else -_INF


def _high(b: Band) -> Decimal:
    return b.max if b.max is not None else _INF


def _range(b: Band) -> str:
    """A band for a rubric author: 20～30 (the upper bound excluded), 30～."""
    return f"{'' if b.min is None else fmt(b.min)}～{'' if b.max is None else fmt(b.max)}"


class BandsRule(RuleBase):
    """分档得分：指标落在 min ≤ 值 < max 的一档（含下限、不含上限）得该档分数，不在任何一档不得分。各档不得重叠，
    相邻两档须首尾相接（90–95 之后接 95–100，而非 96–100，否则95.5不得分）；得分最高的一档不写上限（越少越好时
    不写下限），否则更好的值反而不得分：这些 validate 都报为错误。写作「95%以上得3分，90%–95%得2分，低于90%不得分」。

    Tiered bands on a metric: the band with ``min`` ≤ value < ``max`` gives its points;
    a value in no band gives none. Bands may not overlap, neighbouring bands must meet (90–95
    then 95–100, not 96–100, where 95.5 would score nothing), and the best band has no ``max``
    (no ``min`` where less is better), or a better value would score nothing: validate
    refuses each. Written as 「达到95%以上得3分，90%-95%得2分，低于90%不得分」.

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
    FAIL: 两档之间留了空：95至96之间没有分档，满意度95.5%不得分，validate 报错
        points: 3
        rule:
          kind: bands
          metric: satisfaction
          bands: [{min: 96, points: 3}, {min: 90, max: 95, points: 2}]
        figures: {satisfaction: 95.5}
        rubric: {figures: {satisfaction: {title: 救助对象满意度, unit: "%"}}}
        score: 0
        validate: 95至96之间没有分档：95或95.5会得0分（每档含下限、不含上限）
    FAIL: 最高一档写了上限100：满意度100%反而不得分，validate 报错
        points: 3
        rule:
          kind: bands
          metric: satisfaction
          bands: [{min: 95, max: 100, points: 3}, {min: 90, max: 95, points: 2}]
        figures: {satisfaction: 100}
        rubric: {figures: {satisfaction: {title: 救助对象满意度, unit: "%"}}}
        score: 0
        validate: 得分最高的一档止于100（不含100）：100及以上反而会得0分；去掉这一档的 max，或在其上再加一档
    """

    kind: Literal["bands"]
    metric: str
    """分档的指标：figures 或 metrics 中的名称，也可写成算式。

    The figure or metric banded (or an expression)."""
    bands: list[Band] = Field(min_length=1)
    """各档，每档写 min、max、points。

    The bands, each with ``min``, ``max`` and ``points``."""

    _v_metric = field_validator("metric")(lambda cls, v: checked(v))

    def names(self) -> set[str]:
        return names_in(self.metric)

    def check(self, points: Decimal) -> list[Flaw]:
        out = []
        empty = False
        for i, b in enumerate(self.bands):
            if b.min is not None and b.max is not None and b.min >= b.max:
                empty = True
                out.append(Flaw(msg("band-empty", n=i + 1, min=fmt(b.min), max=fmt(b.max)), ("bands", i)))
            if b.points > points:
                out.append(Flaw(msg("band-too-many", n=i + 1, got=fmt(b.points), points=fmt(points)), ("bands", i)))
        ordered = sorted(self.bands, key=_low)
        if ordered != list(self.bands) and ordered[::-1] != list(self.bands):
            out.append(Flaw(msg("band-order")))
        overlaps = [(a, b) for a, b in pairwise(ordered) if _high(a) > _low(b)]
        out += [Flaw(msg("band-overlap", a=_range(a), b=_range(b))) for a, b in overlaps]
        if all(b.points < points for b in self.bands):
            out.append(Flaw(msg("band-unreachable", points=fmt(points))))
        if not empty and not overlaps:  # each value has at most one band: which have none by mistake?
            out += self._uncovered()
        return out

    def _uncovered(self) -> list[Flaw]:
        """Values the bands leave out where the author surely meant one: between two bands, and
        beyond the best band on the side that scores better (a percentage's 100 when the best band
        is written ``max: 100``). Below the lowest band (or above the highest, where fewer is
        better) nothing is the rule's own 「其余不得分」."""
        live = sorted(enumerate(self.bands), key=lambda ib: _low(ib[1]))
        out = []
        for (i, a), (j, b) in pairwise(live):
            if a.max is not None and b.min is not None and a.max < b.min:
                # at the later of the two in the file: the bound written second is the one to check
                gap = msg("band-gap", low=exact(a.max), high=exact(b.min), mid=exact((a.max + b.min) / 2))
                out.append(Flaw(gap, ("bands", max(i, j))))
        gains = [b.points for _, b in live]
        if len(set(gains)) > 1:
            (bottom_at, bottom), (top_at, top) = live[0], live[-1]
            if gains == sorted(gains) and top.max is not None:
                out.append(Flaw(msg("band-ceiling", max=exact(top.max)), ("bands", top_at, "max")))
            elif gains == sorted(gains, reverse=True) and bottom.min is not None and bottom.min > 0:
                out.append(Flaw(msg("band-floor", min=exact(bottom.min)), ("bands", bottom_at, "min")))
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
