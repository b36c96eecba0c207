"""The ``per_unit`` rule kind."""

from __future__ import annotations

import math
from decimal import ROUND_FLOOR, Decimal
from typing import Literal

from pydantic import Field, field_validator

from selfeval.expr import checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in
from selfeval.wording import points


class PerUnitRule(RuleBase):
    """按数量计分并封顶：指标每达到 unit 个单位得 per 分（只计整数个单位），最高为本项分值。
    写作「1个部门0.5分，满分2分」。

    Points per unit with a cap: ``per`` points for every ``unit`` of the metric
    (whole units only), capped at the node's points. Written as 「1个部门0.5分，满分2分」.

    PASS: 5个部门接入救助信息共享平台，封顶得2分
        points: 2
        rule: {kind: per_unit, metric: sharing_departments, per: 0.5}
        figures: {sharing_departments: 5}
        rubric: {figures: {sharing_departments: {title: 信息共享部门, unit: 个}}}
        score: 2
    FAIL: 3个部门，每个0.5分，得1.5分
        points: 2
        rule: {kind: per_unit, metric: sharing_departments, per: 0.5}
        figures: {sharing_departments: 3}
        rubric: {figures: {sharing_departments: {title: 信息共享部门, unit: 个}}}
        score: 1.5
    FAIL: 每培训50人次得0.5分，培训180人次只计3个50人次
        points: 2
        rule: {kind: per_unit, metric: trainees, per: 0.5, unit: 50}
        figures: {trainees: 180}
        rubric: {figures: {trainees: {title: 基层经办人员培训, unit: 人次}}}
        score: 1.5
    """

    kind: Literal["per_unit"]
    metric: str
    """计数的指标：figures 或 metrics 中的名称，也可写成算式。

    The figure or metric counted (or an expression)."""
    per: Decimal = Field(gt=0)
    """每 unit 个单位得的分数。

    Points for every ``unit``."""
    unit: Decimal = Field(default=Decimal(1), gt=0)
    """每多少个单位计一次分（只计整数个）。

    How many of the metric earn ``per`` once (whole units only)."""

    _v_metric = field_validator("metric")(lambda cls, v: checked(v))

    def names(self) -> set[str]:
        return names_in(self.metric)

    def _each(self, ctx: Context) -> str:
        unit = ctx.unit(self.metric) or "个"
        return f"每{unit}" if self.unit == 1 else f"每{fmt(self.unit)}{unit}"

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        x = ctx.value(self.metric)
        units = max(ZERO, (x / self.unit).to_integral_value(rounding=ROUND_FLOOR))
        got = min(units * self.per, clause.points)
        need = Decimal(math.ceil(clause.points / self.per)) * self.unit
        return Outcome(
            amount=got,
            explanation=(
                f"{ctx.label(self.metric)}为{ctx.amount(self.metric, x)}，{self._each(ctx)}得{fmt(self.per)}分，"
                f"最高{fmt(clause.points)}分，{points(got)}"
            ),
            used=sorted(self.names()),
            gap=None if got >= clause.points else f"需{ctx.label(self.metric)}达到{ctx.amount(self.metric, need)}",
        )

    def describe(self, ctx: Context, clause: Clause) -> str:
        return f"{ctx.label(self.metric)}{self._each(ctx)}得{fmt(self.per)}分，最高{fmt(clause.points)}分"
