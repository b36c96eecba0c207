"""The ``threshold`` rule kind."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from selfeval.expr import checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in


class Op(str, Enum):
    """Comparison operators for thresholds."""

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "=="


OPS: dict[Op, Callable[[Decimal, Decimal], bool]] = {
    Op.GE: lambda a, b: a >= b,
    Op.GT: lambda a, b: a > b,
    Op.LE: lambda a, b: a <= b,
    Op.LT: lambda a, b: a < b,
    Op.EQ: lambda a, b: a == b,
}
OP_WORDS = {Op.GE: "≥", Op.GT: ">", Op.LE: "≤", Op.LT: "<", Op.EQ: "="}


class ThresholdRule(RuleBase):
    """A threshold on a metric: ``metric op value`` (or ``metric op against``, another
    expression) gives ``points`` (default: the node's), otherwise ``else_points`` (default 0).
    Written as 「高于自治区标准得4分」."""

    kind: Literal["threshold"]
    metric: Annotated[str, Field(min_length=1)]
    op: Op
    value: Decimal | None = None
    against: str | None = None
    points: Decimal | None = Field(default=None, ge=0)
    else_points: Decimal = Field(default=ZERO, ge=0)

    _v_metric = field_validator("metric", "against")(lambda cls, v: v if v is None else checked(v))

    @model_validator(mode="after")
    def _one_bound(self) -> ThresholdRule:
        if (self.value is None) == (self.against is None):
            raise ValueError("a threshold needs exactly one of 'value' or 'against'")
        return self

    def names(self) -> set[str]:
        return names_in(self.metric, self.against)

    def check(self, points: Decimal) -> list[str]:
        got = self.points if self.points is not None else points
        out = []
        if got > points:
            out.append(f"threshold gives {fmt(got)} points, more than the node's {fmt(points)}")
        if got <= 0 or got <= self.else_points:
            out.append("threshold has no reachable points: meeting it gives nothing more")
        if self.else_points > points:
            out.append("else_points exceed the node's points")
        return out

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        points = clause.points
        got = min(self.points if self.points is not None else points, points)
        x = ctx.value(self.metric)
        if self.against is not None:
            bound = ctx.value(self.against)
            bound_text = ctx.describe(self.against, bound)
        else:
            bound = self.value if self.value is not None else ZERO
            bound_text = fmt(bound)
        desc = ctx.describe(self.metric, x)
        sym = OP_WORDS[self.op]
        used = sorted(self.names())
        if OPS[self.op](x, bound):
            return Outcome(got, f"{desc}，满足 {sym} {bound_text}，{clause.verb}{fmt(got)}分", used=used)
        amount = min(self.else_points, points)
        return Outcome(
            amount,
            f"{desc}，未达到 {sym} {bound_text}，{clause.verb}{fmt(amount)}分",
            used=used,
            gap=None
            if clause.deduction
            else f"需 {ctx.label(self.metric)} {sym} {bound_text}（当前 {fmt(x)}）可得{fmt(got)}分",
        )
