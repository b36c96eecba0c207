"""The ``evidence`` rule kind."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from selfeval.errors import InvalidValue
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase


class EvidenceRule(RuleBase):
    """提供证明材料即得分：数据文件列出 requires 中的每一项（以及 any_of 中的至少一项）得满分，否则不得分。
    评分标准中写作「印发文件得2分」。

    Evidence present: full points when the data names every document or record in
    ``requires`` (and at least one of ``any_of``, when given); otherwise none.
    Written in rubrics as 「印发文件得2分」.

    PASS: 印发低保工作实施方案，得满分
        points: 2
        rule: {kind: evidence, requires: [plan]}
        evidence: {plan: [{title: 平罗县最低生活保障工作实施方案, number: 平民发〔2020〕34号}]}
        score: 2
    PASS: 有实施方案，并有联席会议纪要或工作通报之一
        points: 2
        rule: {kind: evidence, requires: [plan], any_of: [meeting, bulletin]}
        evidence:
          plan: [{title: 平罗县最低生活保障工作实施方案, number: 平民发〔2020〕34号}]
          bulletin: [{title: 2020年第三季度社会救助工作通报, kind: record}]
        score: 2
    FAIL: 方案文号待填（number: ~），不算已提供，不得分
        points: 2
        rule: {kind: evidence, requires: [plan]}
        evidence: {plan: [{title: 平罗县最低生活保障工作实施方案, number: ~}]}
        score: 0
    FAIL: 有实施方案，但联席会议纪要和工作通报都没有，不得分
        points: 2
        rule: {kind: evidence, requires: [plan], any_of: [meeting, bulletin]}
        evidence: {plan: [{title: 平罗县最低生活保障工作实施方案, number: 平民发〔2020〕34号}]}
        score: 0
    """

    kind: Literal["evidence"]
    requires: list[str] = Field(default_factory=list)
    """须全部具备的证明材料（评分标准 evidence 中的名称）。

    Evidence slots that must all be present (names under the rubric's ``evidence``)."""
    any_of: list[str] = Field(default_factory=list)
    """至少具备其一的证明材料；省略则不要求。

    Evidence slots of which at least one must be present; left out, none is asked."""

    @model_validator(mode="after")
    def _something(self) -> EvidenceRule:
        if not self.requires and not self.any_of:
            raise InvalidValue("evidence-rule-empty")
        return self

    def slots(self) -> set[str]:
        return set(self.requires) | set(self.any_of)

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        order = [*self.requires, *self.any_of]
        have = sorted((s for s in self.slots() if ctx.has_evidence(s)), key=order.index)
        lacking = [ctx.slot_title(s) for s in self.requires if not ctx.has_evidence(s)]
        if self.any_of and not any(ctx.has_evidence(s) for s in self.any_of):
            lacking.append("或".join(ctx.slot_title(s) for s in self.any_of))
        if not lacking:
            shown = "、".join(ctx.evidence_label(s) for s in have)
            return Outcome(amount=clause.points, explanation=f"已提供{shown}，得{fmt(clause.points)}分", used=have)
        missing = [s for s in order if not ctx.has_evidence(s)]
        miss = "、".join(lacking)
        return Outcome(amount=ZERO, explanation=f"缺少{miss}，不得分", used=have, missing=missing, gap=f"提供{miss}")

    def describe(self, ctx: Context, clause: Clause) -> str:
        parts = ["、".join(ctx.slot_title(s) for s in self.requires)] if self.requires else []
        if self.any_of:
            parts.append("或".join(ctx.slot_title(s) for s in self.any_of))
        return f"提供{'，并提供'.join(parts)}得{fmt(clause.points)}分，否则不得分"
