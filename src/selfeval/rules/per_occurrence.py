"""The ``per_occurrence`` rule kind."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import Field, field_validator

from selfeval.expr import checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in
from selfeval.wording import points


class PerOccurrenceRule(RuleBase):
    """按次数扣分：每发生一次扣 deduct 分。扣分项中最多扣本项分值；基本分项中扣到0为止。
    写作「每发生1起扣5分，扣完为止」。

    A deduction per occurrence with a floor: ``deduct`` points for each counted
    occurrence. On a deduction node the deduction is capped at its points; on a standard
    node the points go down to zero. Written as 「每发生1起扣5分，扣完为止」.

    PASS: 扣分项：全年未发生造成不良影响的负面舆情，不扣分
        type: deduction
        points: 10
        rule: {kind: per_occurrence, metric: negative_incidents, deduct: 5}
        figures: {negative_incidents: 0}
        rubric: {figures: {negative_incidents: {title: 负面舆情事件, unit: 起}}}
        score: 0
    FAIL: 扣分项：发生1起负面舆情，扣5分
        type: deduction
        points: 10
        rule: {kind: per_occurrence, metric: negative_incidents, deduct: 5}
        figures: {negative_incidents: 1}
        rubric: {figures: {negative_incidents: {title: 负面舆情事件, unit: 起}}}
        score: 5
    FAIL: 基本分项：抽查发现3户违规享受低保，每户扣1分，余1分
        points: 4
        rule: {kind: per_occurrence, metric: irregular_households, deduct: 1}
        figures: {irregular_households: 3}
        rubric: {figures: {irregular_households: {title: 违规享受低保, unit: 户}}}
        score: 1
    """

    kind: Literal["per_occurrence"]
    deducts: ClassVar[bool] = True
    metric: str
    """发生次数：figures 或 metrics 中的名称，也可写成算式。

    The count of occurrences: a figure or metric name, or an expression."""
    deduct: Decimal = Field(gt=0)
    """每发生一次扣的分数。

    Points taken off per occurrence."""

    _v = field_validator("metric")(lambda cls, v: checked(v))

    def names(self) -> set[str]:
        return names_in(self.metric)

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        n = max(ZERO, ctx.value(self.metric))
        taken = min(clause.points, n * self.deduct)
        each = ctx.unit(self.metric) or "次"
        said = f"{ctx.label(self.metric)}为{ctx.amount(self.metric, n)}，每{each}扣{fmt(self.deduct)}分"
        used = sorted(self.names())
        if clause.deduction:
            return Outcome(amount=taken, explanation=f"{said}，{points(taken, deduction=True)}", used=used)
        got = clause.points - taken
        return Outcome(
            amount=got,
            explanation=f"{said}，{points(taken, deduction=True)}，{points(got)}",
            used=used,
            gap=None if taken == 0 else f"需{ctx.label(self.metric)}为0",
        )

    def describe(self, ctx: Context, clause: Clause) -> str:
        each = ctx.unit(self.metric) or "次"
        limit = f"最多扣{fmt(clause.points)}分" if clause.deduction else "扣完为止"
        return f"{ctx.label(self.metric)}每发生1{each}扣{fmt(self.deduct)}分，{limit}"
