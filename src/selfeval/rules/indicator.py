"""The ``indicator`` rule kind."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator

from selfeval.expr import checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in
from selfeval.wording import points

_WORDS = {">=": "不低于", "<=": "不高于", "=": "等于"}


class IndicatorRule(RuleBase):
    """绩效指标：实际完成值对照年度指标值。达到（≥ 不低于、≤ 不高于、= 在容差之内）得满分；未达到按比例：
    ≥ 为实际 ÷ 指标，≤（如成本上限）为指标 ÷ 实际，= 为两者中较小者 ÷ 较大者；partial: none 则不得分。

    A performance indicator: the actual value against the year's target. Met (``>=`` at
    least, ``<=`` at most, ``=`` within ``tolerance``) scores full; missed scores in
    proportion: actual ÷ target for ``>=``, target ÷ actual for ``<=`` (cost ceilings), the
    smaller over the larger for ``=``; none with ``partial: none``.

    PASS: 特困人员救助供养8812人，不低于年度指标8755人
        points: 4
        rule: {kind: indicator, actual: supported, target: supported_target}
        figures: {supported: 8812, supported_target: 8755}
        rubric:
          figures:
            supported: {title: 特困人员救助供养人数, unit: 人}
            supported_target: {title: 特困人员救助供养人数指标, unit: 人}
        score: 4
    PASS: 资金发放准确率99.5%，与指标100%相差在容差1个百分点之内
        points: 4
        rule: {kind: indicator, actual: accuracy, target: accuracy_target, comparator: "=", tolerance: 1}
        figures: {accuracy: 99.5, accuracy_target: 100}
        rubric:
          figures:
            accuracy: {title: 资金发放准确率, unit: "%"}
            accuracy_target: {title: 资金发放准确率指标, unit: "%"}
        score: 4
    FAIL: 人均救助成本80元，高于上限75元，按指标÷实际得3.75分
        points: 4
        rule: {kind: indicator, actual: unit_cost, target: unit_cost_cap, comparator: "<="}
        figures: {unit_cost: 80, unit_cost_cap: 75}
        rubric:
          figures:
            unit_cost: {title: 人均救助成本, unit: 元}
            unit_cost_cap: {title: 人均救助成本上限, unit: 元}
        score: 3.75
    FAIL: 供养8000人，未达到指标8755人，partial: none 不得分
        points: 4
        rule: {kind: indicator, actual: supported, target: supported_target, partial: none}
        figures: {supported: 8000, supported_target: 8755}
        score: 0
    """

    kind: Literal["indicator"]
    actual: str
    """实际完成值：figures 或 metrics 中的名称，也可写成算式。

    The actual value: a figure or metric name, or an expression."""
    target: str
    """年度指标值：名称、算式或数字。

    The year's target: a name, an expression or a number."""
    comparator: Literal[">=", "<=", "="] = ">="
    """达到的含义：>= 不低于、<= 不高于（如成本上限）、= 在容差之内。

    What meeting it means: ``>=`` at least, ``<=`` at most (cost ceilings), ``=`` within ``tolerance``."""
    tolerance: Decimal = Field(default=ZERO, ge=0)
    """comparator 为 = 时允许的偏差，按指标值的单位。

    How far an ``=`` target may be missed and still count as met, in the target's unit."""
    partial: Literal["proportional", "none"] = "proportional"
    """未达到时：proportional 按比例得分，none 不得分。

    When missed: ``proportional`` scores in proportion, ``none`` scores nothing."""

    _v = field_validator("actual", "target")(lambda cls, v: checked(v))

    def names(self) -> set[str]:
        return names_in(self.actual, self.target)

    def _met(self, a: Decimal, t: Decimal) -> bool:
        if self.comparator == ">=":
            return a >= t
        if self.comparator == "<=":
            return a <= t
        return abs(a - t) <= self.tolerance

    def _share(self, a: Decimal, t: Decimal) -> Decimal:
        if self.comparator == ">=":
            return a / t if t > 0 else ZERO
        if self.comparator == "<=":
            return t / a if a > 0 else ZERO
        low, high = min(a, t), max(a, t)
        return low / high if high > 0 else ZERO

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        a, t = ctx.value(self.actual), ctx.value(self.target)
        said = f"实际完成{ctx.amount(self.actual, a)}，年度指标值{_WORDS[self.comparator]}{ctx.amount(self.target, t)}"
        used = sorted(self.names())
        if self._met(a, t):
            return Outcome(amount=clause.points, explanation=f"{said}，已完成，得{fmt(clause.points)}分", used=used)
        share = max(ZERO, min(self._share(a, t), Decimal(1)))
        got = ZERO if self.partial == "none" else clause.points * share
        how = "不得分" if self.partial == "none" else f"完成{fmt(share * 100, 1)}%，按比例{points(got)}"
        return Outcome(
            amount=got,
            explanation=f"{said}，未完成，{how}",
            used=used,
            gap=f"需{_WORDS[self.comparator]}{ctx.amount(self.target, t)}",
        )

    def describe(self, ctx: Context, clause: Clause) -> str:
        rest = "未完成按比例计分" if self.partial == "proportional" else "未完成不得分"
        return f"实际完成值{_WORDS[self.comparator]}年度指标值得{fmt(clause.points)}分，{rest}"
