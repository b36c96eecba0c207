"""The ``judged`` rule kind."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase
from selfeval.wording import points, quote


class JudgedRule(RuleBase):
    """评审评定：分数取自数据文件 judgements 中对本项的评定，且须写明理由；没有评定则本项不得分并列为缺少。
    guidance 写明评审应看什么。

    An assessor's judgement: the points come from the data file's ``judgements`` entry for
    the node, which must give a written reason. Without a judgement the node scores nothing
    and is reported as missing. ``guidance`` tells the assessor what to look at."""

    reads_judgement: ClassVar[bool] = True

    kind: Literal["judged"]
    guidance: str = Field(min_length=1)

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        j = ctx.judgement(clause.id)
        if j is None or j.points is None:
            return Outcome(
                amount=ZERO,
                explanation=f"须由评审人员按{quote(self.guidance)}评定，尚未评定，暂{points(ZERO, clause.deduction)}",
                missing=[f"judgements.{clause.id}"],
                gap="由评审人员评定并写明理由",
            )
        got = min(max(j.points, ZERO), clause.points)
        return Outcome(
            amount=got,
            explanation=f"评审评定{points(got, clause.deduction)}：{j.reason}",
            used=[f"judgements.{clause.id}"],
        )

    def describe(self, ctx: Context, clause: Clause) -> str:
        return f"由评审人员按{quote(self.guidance)}评定，最高{fmt(clause.points)}分，须写明理由"
