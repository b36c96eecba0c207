"""The ``tolerance`` rule kind."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Literal

from pydantic import Field, field_validator, model_validator

from selfeval.errors import InvalidValue
from selfeval.expr import checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in
from selfeval.wording import difference_unit, points


class ToleranceRule(RuleBase):
    """容差扣分：指标在 [min, max] 之内得满分；超出部分每 step 扣 deduct 分（不足一个 step 按一个计，
    除非 partial_step: false），扣完为止。写作「相差5个百分点内得10分，每超2个百分点扣1分，扣完为止」。

    A tolerance band with a deduction per step outside it and a floor of zero: inside
    ``[min, max]`` full points; every ``step`` beyond takes ``deduct`` off (a started step
    counts unless ``partial_step: false``), down to nothing. Written as
    「相差5个百分点内得10分，每超2个百分点扣1分，扣完为止」.

    PASS: 资金支出进度与序时进度相差3.5个百分点，在5个百分点之内
        points: 10
        rule: {kind: tolerance, metric: progress_gap, max: 5, step: 2, deduct: 1}
        figures: {progress_gap: 3.5}
        rubric: {figures: {progress_gap: {title: 支出进度与序时进度之差, unit: "%"}}}
        score: 10
    FAIL: 相差8个百分点，超3个百分点，不足2个百分点的也计一次，扣2分
        points: 10
        rule: {kind: tolerance, metric: progress_gap, max: 5, step: 2, deduct: 1}
        figures: {progress_gap: 8}
        rubric: {figures: {progress_gap: {title: 支出进度与序时进度之差, unit: "%"}}}
        score: 8
    FAIL: 同样超3个百分点，partial_step: false 只计满2个百分点的一次，扣1分
        points: 10
        rule: {kind: tolerance, metric: progress_gap, max: 5, step: 2, deduct: 1, partial_step: false}
        figures: {progress_gap: 8}
        rubric: {figures: {progress_gap: {title: 支出进度与序时进度之差, unit: "%"}}}
        score: 9
    """

    kind: Literal["tolerance"]
    metric: str
    """对照容差范围的指标：figures 或 metrics 中的名称，也可写成算式。

    The figure or metric held to the band (or an expression)."""
    min: Decimal | None = None
    """不扣分范围的下限；省略为不设下限。

    The lower end of the band without deduction; left out, none."""
    max: Decimal | None = None
    """不扣分范围的上限；省略为不设上限。

    The upper end of the band without deduction; left out, none."""
    step: Decimal = Field(gt=0)
    """超出范围后每多少计一步。

    How far beyond the band one step is."""
    deduct: Decimal = Field(gt=0)
    """每一步扣的分数。

    Points taken off per step."""
    partial_step: bool = True
    """不足一步是否按一步计：true 计，false 不计。

    Whether a started step counts as a whole one."""

    _v = field_validator("metric")(lambda cls, v: checked(v))

    @model_validator(mode="after")
    def _bounds(self) -> ToleranceRule:
        if self.min is None and self.max is None:
            raise InvalidValue("tolerance-bounds")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise InvalidValue("tolerance-order")
        return self

    def names(self) -> set[str]:
        return names_in(self.metric)

    def _band(self, unit: str) -> str:
        if self.min is not None and self.max is not None:
            return f"在{fmt(self.min)}{unit}至{fmt(self.max)}{unit}之间"
        if self.max is not None:
            return f"不高于{fmt(self.max)}{unit}"
        return f"不低于{fmt(self.min or ZERO)}{unit}"

    def _steps(self, unit: str, above: bool) -> str:
        d = difference_unit(unit)
        more = "超" if above else "低"
        partial = f"（不足{fmt(self.step)}{d}按{fmt(self.step)}{d}计）" if self.partial_step else ""
        return f"每{more}{fmt(self.step)}{d}扣{fmt(self.deduct)}分{partial}"

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        x = ctx.value(self.metric)
        unit = ctx.unit(self.metric)
        said = f"{ctx.label(self.metric)}为{ctx.amount(self.metric, x)}"
        above, excess = False, ZERO
        if self.max is not None and x > self.max:
            above, excess = True, x - self.max
        elif self.min is not None and x < self.min:
            excess = self.min - x
        used = sorted(self.names())
        if excess == 0:
            return Outcome(
                amount=clause.points, explanation=f"{said}，{self._band(unit)}，得{fmt(clause.points)}分", used=used
            )
        steps = (excess / self.step).to_integral_value(rounding=ROUND_CEILING if self.partial_step else ROUND_FLOOR)
        taken = min(clause.points, steps * self.deduct)
        got = clause.points - taken
        bound = self.max if above else self.min
        side = f"高于{fmt(bound or ZERO)}{unit}的上限" if above else f"低于{fmt(bound or ZERO)}{unit}的下限"
        floor = "（扣完为止）" if taken < steps * self.deduct else ""
        return Outcome(
            amount=got,
            explanation=f"{said}，{side}{fmt(excess)}{difference_unit(unit)}，{self._steps(unit, above)}，"
            f"扣{fmt(taken)}分{floor}，{points(got)}",
            used=used,
            gap=f"需{ctx.label(self.metric)}{self._band(unit)}",
        )

    def describe(self, ctx: Context, clause: Clause) -> str:
        unit = ctx.unit(self.metric)
        above = self.max is not None
        return (
            f"{ctx.label(self.metric)}{self._band(unit)}得{fmt(clause.points)}分，{self._steps(unit, above)}，扣完为止"
        )
