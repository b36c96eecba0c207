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
    and is reported as missing. ``guidance`` tells the assessor what to look at.

    PASS: 评审认定救助改革创新成效显著，给满分
        points: 5
        rule: {kind: judged, guidance: 社会救助改革创新成效}
        judgements: {x: {points: 5, reason: 推行“一门受理、协同办理”，经验被自治区民政厅推广}}
        score: 5
    FAIL: 评审给3分并写明理由
        points: 5
        rule: {kind: judged, guidance: 社会救助改革创新成效}
        judgements: {x: {points: 3, reason: 有创新举措，尚未形成可复制推广的经验}}
        score: 3
    FAIL: 尚未评定，暂不得分
        points: 5
        rule: {kind: judged, guidance: 社会救助改革创新成效}
        score: 0
    """

    reads_judgement: ClassVar[bool] = True

    kind: Literal["judged"]
    deducts: ClassVar[bool] = True
    guidance: str = Field(min_length=1)
    """写给评审的评定要点：看什么、如何给分。

    What the assessor looks at and how points are given."""

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
