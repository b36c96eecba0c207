"""The ``completion`` rule kind."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from selfeval.expr import checked
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase, names_in
from selfeval.wording import quote


class CompletionRule(RuleBase):
    """按完成情况计分：实际完成值写作完成情况而非数值时，“已完成”得满分，“未完成”不得分（未给数值，无从按比例计），
    “部分完成”得分在0至满分之间，填上实际数值即可确定。status 为记录完成情况的数据（1 完成、0 未完成、0.5 部分完成）。

    A row whose actual value is a state, not a number: 已完成 scores full, 未完成 nothing (without
    a number there is nothing to prorate), 部分完成 a range from nothing to full, which the actual
    number would settle. ``status`` names the figure holding the state (1 met, 0 not met, 0.5
    partly).

    PASS: 实际完成值写“已完成”，得满分
        points: 10
        rule: {kind: completion, status: done}
        figures: {done: 1}
        score: 10
    FAIL: 实际完成值写“未完成”，未给数值，不得分
        points: 10
        rule: {kind: completion, status: done}
        figures: {done: 0}
        score: 0
    FAIL: 写“部分完成”，得分在0至10分之间（按最低计）
        points: 10
        rule: {kind: completion, status: done}
        figures: {done: 0.5}
        score: 0
    """

    kind: Literal["completion"]
    status: str
    """记录完成情况的数据名：1 已完成、0 未完成、0.5 部分完成。

    The figure holding the state: 1 met, 0 not met, 0.5 partly."""

    _v = field_validator("status")(lambda cls, v: checked(v))

    def names(self) -> set[str]:
        return names_in(self.status)

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        done = ctx.value(self.status)
        what = ctx.label(self.status)
        used = sorted(self.names())
        if done >= 1:
            return Outcome(amount=clause.points, explanation=f"{what}为“已完成”，得{fmt(clause.points)}分", used=used)
        if done <= 0:
            return Outcome(
                amount=ZERO,
                explanation=f"{what}为“未完成”，未给实际数值，无从按比例计分，不得分",
                used=used,
                gap="填写实际完成的数值，按比例计分",
            )
        return Outcome(
            amount=ZERO,
            explanation=f"{what}为“部分完成”，未给实际数值，得分在0至{fmt(clause.points)}分之间",
            used=used,
            high=clause.points,
            decide=[f"{quote(what)}的实际数值"],
        )

    def describe(self, ctx: Context, clause: Clause) -> str:
        return f"已完成得{fmt(clause.points)}分，未完成不得分，部分完成按实际数值定"
