"""The ``threshold`` rule kind."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Annotated, ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from selfeval.errors import InvalidValue
from selfeval.expr import checked
from selfeval.i18n import msg
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Flaw, Outcome, RuleBase, names_in
from selfeval.wording import points as verdict


class Op(str, Enum):
    """Comparison operators for thresholds."""

    GE = ">="
    """不低于

    at least"""
    GT = ">"
    """高于

    more than"""
    LE = "<="
    """不高于

    at most"""
    LT = "<"
    """低于

    less than"""
    EQ = "=="
    """等于

    equal to"""


OPS: dict[Op, Callable[[Decimal, Decimal], bool]] = {
    Op.GE: lambda a, b: a >= b,
    Op.GT: lambda a, b: a > b,
    Op.LE: lambda a, b: a <= b,
    Op.LT: lambda a, b: a < b,
    Op.EQ: lambda a, b: a == b,
}
WORDS = {
    Op.GE: ("不低于", "低于"),
    Op.GT: ("高于", "未高于"),
    Op.LE: ("不高于", "高于"),
    Op.LT: ("低于", "未低于"),
    Op.EQ: ("等于", "不等于"),
}
"""Each operator in words: when the condition holds, and when it does not."""


class ThresholdRule(RuleBase):
    """达标得分：metric 与 value（或另一指标 against）比较（≥ > ≤ < ==），满足得 points（默认本项分值），
    否则得 else_points（默认0）。写作「高于自治区标准得4分」。

    A threshold on a metric: ``metric op value`` (or ``metric op against``, another
    expression) gives ``points`` (default: the node's), otherwise ``else_points`` (default 0).
    Written as 「高于自治区标准得4分」.

    PASS: 城市低保标准高于自治区标准，得满分
        points: 4
        rule: {kind: threshold, metric: urban_standard, op: ">", against: region_standard}
        figures: {urban_standard: 720, region_standard: 690}
        score: 4
    FAIL: 低于自治区标准，得 else_points
        points: 4
        rule: {kind: threshold, metric: urban_standard, op: ">", against: region_standard, else_points: 1}
        figures: {urban_standard: 680, region_standard: 690}
        score: 1
    """

    kind: Literal["threshold"]
    deducts: ClassVar[bool] = True
    metric: Annotated[str, Field(min_length=1)]
    """比较的指标：figures 或 metrics 中的名称，也可写成算式。

    What is compared: a figure or metric name, or an expression."""
    op: Op
    """比较符，半角书写：>=（不低于）、>（高于）、<=（不高于）、<（低于）、==（等于）。

    The comparator, in ASCII: ``>=``, ``>``, ``<=``, ``<``, ``==``."""
    value: Decimal | None = None
    """与之比较的数值，按指标的单位；value 与 against 二者须写且只写一个。

    The number compared with, in the metric's unit; give exactly one of ``value`` and ``against``."""
    against: str | None = None
    """与之比较的另一指标或算式（如自治区标准）。

    Another metric or expression compared with (the region's standard)."""
    points: Decimal | None = Field(default=None, ge=0)
    """满足条件时得（或扣）的分数；省略为本项分值。

    Points when the condition holds; left out, the node's points."""
    else_points: Decimal = Field(default=ZERO, ge=0)
    """不满足条件时得（或扣）的分数。

    Points when it does not hold."""

    _v_metric = field_validator("metric", "against")(lambda cls, v: v if v is None else checked(v))

    @model_validator(mode="after")
    def _one_bound(self) -> ThresholdRule:
        if (self.value is None) == (self.against is None):
            raise InvalidValue("threshold-bound")
        return self

    def names(self) -> set[str]:
        return names_in(self.metric, self.against)

    def check(self, points: Decimal) -> list[Flaw]:
        got = self.points if self.points is not None else points
        out = []
        if got > points:
            out.append(Flaw(msg("threshold-too-many", got=fmt(got), points=fmt(points)), ("points",)))
        if got <= 0 or got <= self.else_points:
            out.append(Flaw(msg("threshold-unreachable")))
        if self.else_points > points:
            out.append(Flaw(msg("threshold-else-too-many", points=fmt(points)), ("else_points",)))
        return out

    def _bound(self, ctx: Context) -> tuple[Decimal, str]:
        if self.against is not None:
            bound = ctx.value(self.against)
            return bound, f"{ctx.label(self.against)}{ctx.amount(self.against, bound)}"
        bound = self.value if self.value is not None else ZERO
        return bound, ctx.amount(self.metric, bound)

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        points = clause.points
        got = min(self.points if self.points is not None else points, points)
        x = ctx.value(self.metric)
        bound, bound_text = self._bound(ctx)
        met, unmet = WORDS[self.op]
        said = f"{ctx.label(self.metric)}为{ctx.amount(self.metric, x)}"
        used = sorted(self.names())
        if OPS[self.op](x, bound):
            return Outcome(
                amount=got, explanation=f"{said}，{met}{bound_text}，{verdict(got, clause.deduction)}", used=used
            )
        amount = min(self.else_points, points)
        return Outcome(
            amount=amount,
            explanation=f"{said}，{unmet}{bound_text}，{verdict(amount, clause.deduction)}",
            used=used,
            gap=None if clause.deduction else f"需{ctx.label(self.metric)}{met}{bound_text}，可得{fmt(got)}分",
        )

    def describe(self, ctx: Context, clause: Clause) -> str:
        got = min(self.points if self.points is not None else clause.points, clause.points)
        if self.against is not None:
            bound_text = ctx.label(self.against)
        else:
            bound_text = ctx.amount(self.metric, self.value if self.value is not None else ZERO)
        verb = "扣" if clause.deduction else "得"
        if self.else_points:
            other = f"，否则{verb}{fmt(self.else_points)}分"
        else:
            other = "" if clause.deduction else "，否则不得分"
        return f"{ctx.label(self.metric)}{WORDS[self.op][0]}{bound_text}{verb}{fmt(got)}分{other}"
