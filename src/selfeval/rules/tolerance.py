"""The ``tolerance`` rule kind."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Literal

from pydantic import Field, field_validator, model_validator

from selfeval.expr import checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in


class ToleranceRule(RuleBase):
    """A tolerance band with a deduction per step outside it and a floor of zero: inside
    ``[min, max]`` full points; every ``step`` beyond takes ``deduct`` off (a started step
    counts unless ``partial_step: false``), down to nothing. Written as
    「相差5个百分点内得10分，每超2个百分点扣1分，扣完为止」."""

    kind: Literal["tolerance"]
    metric: str
    min: Decimal | None = None
    max: Decimal | None = None
    step: Decimal = Field(gt=0)
    deduct: Decimal = Field(gt=0)
    partial_step: bool = True

    _v = field_validator("metric")(lambda cls, v: checked(v))

    @model_validator(mode="after")
    def _bounds(self) -> ToleranceRule:
        if self.min is None and self.max is None:
            raise ValueError("a tolerance needs 'min' or 'max' (or both)")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("tolerance 'min' is above 'max'")
        return self

    def names(self) -> set[str]:
        return names_in(self.metric)

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        points = clause.points
        x = ctx.value(self.metric)
        desc = ctx.describe(self.metric, x)
        above = False
        excess = ZERO
        if self.max is not None and x > self.max:
            above, excess = True, x - self.max
        elif self.min is not None and x < self.min:
            excess = self.min - x
        u = ctx.unit(self.metric)
        if self.min is not None and self.max is not None:
            band = f"{fmt(self.min)}{u}至{fmt(self.max)}{u}之间"
        elif self.max is not None:
            band = f"不高于{fmt(self.max)}{u}"
        else:
            band = f"不低于{fmt(self.min or ZERO)}{u}"
        used = sorted(self.names())
        if excess == 0:
            return Outcome(points, f"{desc}，{band}，得{fmt(points)}分", used=used)
        steps = (excess / self.step).to_integral_value(rounding=ROUND_CEILING if self.partial_step else ROUND_FLOOR)
        taken = min(points, steps * self.deduct)
        got = points - taken
        side = f"高于上限{fmt(self.max or ZERO)}{u}" if above else f"低于下限{fmt(self.min or ZERO)}{u}"
        partial = f"（不足{fmt(self.step)}{u}按{fmt(self.step)}{u}计）" if self.partial_step else ""
        return Outcome(
            got,
            f"{desc}，{side}，相差{fmt(excess)}{u}；每{fmt(self.step)}{u}扣{fmt(self.deduct)}分{partial}，"
            f"扣{fmt(taken)}分，得{fmt(got)}分",
            used=used,
            gap=f"需 {ctx.label(self.metric)} {band}（当前 {fmt(x)}{u}）",
        )
