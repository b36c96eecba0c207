"""The ``target`` rule kind."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import field_validator

from selfeval.expr import checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in


class TargetRule(RuleBase):
    """A target: full points when the metric reaches ``target`` (a number or an expression);
    below it, points in proportion to completion (``partial: proportional``) or none
    (``partial: none``)."""

    kind: Literal["target"]
    metric: str
    target: str
    partial: Literal["proportional", "none"] = "proportional"

    @field_validator("target", mode="before")
    @classmethod
    def _target_text(cls, v: object) -> object:
        return str(v) if isinstance(v, (int, Decimal)) else v

    _v = field_validator("metric", "target")(lambda cls, v: checked(v))

    def names(self) -> set[str]:
        return names_in(self.metric, self.target)

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        points = clause.points
        x = ctx.value(self.metric)
        t = ctx.value(self.target)
        desc = ctx.describe(self.metric, x)
        used = sorted(self.names())
        if x >= t:
            return Outcome(points, f"{desc}，达到目标 {fmt(t)}，得{fmt(points)}分", used=used)
        got = ZERO if self.partial == "none" or t <= 0 else max(ZERO, points * x / t)
        how = "按完成比例" if self.partial == "proportional" else "未完成"
        return Outcome(
            got,
            f"{desc}，未达到目标 {fmt(t)}，{how}得{fmt(got)}分",
            used=used,
            gap=f"需 {ctx.label(self.metric)} 达到 {fmt(t)}（当前 {fmt(x)}）",
        )
