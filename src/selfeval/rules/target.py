"""The ``target`` rule kind."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import field_validator

from selfeval.expr import checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in
from selfeval.wording import points


class TargetRule(RuleBase):
    """目标值：指标达到 target（数字或表达式）得满分；未达到时按完成比例计分（partial: proportional）
    或不得分（partial: none）。

    A target: full points when the metric reaches ``target`` (a number or an expression);
    below it, points in proportion to completion (``partial: proportional``) or none
    (``partial: none``).

    PASS: 临时救助326人次，达到年度目标300人次
        points: 4
        rule: {kind: target, metric: temporary_aid, target: 300}
        figures: {temporary_aid: 326}
        rubric: {figures: {temporary_aid: {title: 临时救助, unit: 人次}}}
        score: 4
    FAIL: 临时救助240人次，完成80%，按比例得3.2分
        points: 4
        rule: {kind: target, metric: temporary_aid, target: 300}
        figures: {temporary_aid: 240}
        rubric: {figures: {temporary_aid: {title: 临时救助, unit: 人次}}}
        score: 3.2
    FAIL: 救助资金支出未达到预算的90%，partial: none 不得分
        points: 3
        rule: {kind: target, metric: funds_spent, target: budget * 0.9, partial: none}
        figures: {funds_spent: 850, budget: 1000}
        rubric:
          figures:
            funds_spent: {title: 救助资金支出, unit: 万元}
            budget: {title: 救助资金预算, unit: 万元}
        score: 0
    """

    kind: Literal["target"]
    metric: str
    """对照目标的指标：figures 或 metrics 中的名称，也可写成算式。

    The figure or metric measured against the target (or an expression)."""
    target: str
    """目标值：数字、名称或算式。

    The target: a number, a name or an expression."""
    partial: Literal["proportional", "none"] = "proportional"
    """未达到时：proportional 按完成比例得分，none 不得分。

    Below the target: ``proportional`` scores in proportion, ``none`` scores nothing."""

    @field_validator("target", mode="before")
    @classmethod
    def _target_text(cls, v: object) -> object:
        return str(v) if isinstance(v, (int, Decimal)) else v

    _v = field_validator("metric", "target")(lambda cls, v: checked(v))

    def names(self) -> set[str]:
        return names_in(self.metric, self.target)

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        x = ctx.value(self.metric)
        t = ctx.value(self.target)
        said = f"{ctx.label(self.metric)}为{ctx.amount(self.metric, x)}"
        goal = ctx.amount(self.metric, t)
        used = sorted(self.names())
        if x >= t:
            return Outcome(
                amount=clause.points, explanation=f"{said}，达到目标{goal}，得{fmt(clause.points)}分", used=used
            )
        got = ZERO if self.partial == "none" or t <= 0 else max(ZERO, clause.points * x / t)
        how = f"按完成比例{points(got)}" if self.partial == "proportional" else "不得分"
        gap = f"需{ctx.label(self.metric)}达到{goal}"
        return Outcome(amount=got, explanation=f"{said}，未达到目标{goal}，{how}", used=used, gap=gap)

    def describe(self, ctx: Context, clause: Clause) -> str:
        goal = ctx.amount(self.metric, ctx.value(self.target)) if not names_in(self.target) else ctx.label(self.target)
        rest = "未达到按完成比例计分" if self.partial == "proportional" else "未达到不得分"
        return f"{ctx.label(self.metric)}达到{goal}得{fmt(clause.points)}分，{rest}"
