"""The ``evidence_tiers`` rule kind."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from selfeval.i18n import msg
from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Flaw, Outcome, RuleBase


class Tier(BaseModel):
    """One tier of an evidence-tiers rule."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    requires: list[str] = Field(min_length=1)
    """达到本档须全部具备的证明材料。

    Evidence slots that must all be present for this tier."""
    points: Decimal = Field(ge=0)
    """达到本档得的分数。

    Points this tier gives."""


class EvidenceTiersRule(RuleBase):
    """按证明材料分档：从最高档起，第一个 requires 全部具备的档给出其分数；一档都不满足不得分。
    写作「有机制且有文件得2分；有机制无文件得1分；否则不得分」。

    Evidence-dependent tiers: the first tier (highest first) whose ``requires`` are all
    present gives its points; no tier met gives none.
    Written as 「有机制且有文件得2分；有机制无文件得1分；否则不得分」.

    PASS: 建立困难群众主动发现机制并印发文件，达到第1档
        points: 2
        rule:
          kind: evidence_tiers
          tiers:
            - {requires: [discovery, discovery_notice], points: 2}
            - {requires: [discovery], points: 1}
        evidence:
          discovery: [{title: 困难群众主动发现工作台账, kind: record}]
          discovery_notice: [{title: 关于建立困难群众主动发现机制的通知, number: 平民发〔2020〕12号}]
        score: 2
    FAIL: 有工作台账、没有印发文件，只达到第2档
        points: 2
        rule:
          kind: evidence_tiers
          tiers:
            - {requires: [discovery, discovery_notice], points: 2}
            - {requires: [discovery], points: 1}
        evidence:
          discovery: [{title: 困难群众主动发现工作台账, kind: record}]
        score: 1
    FAIL: 机制和文件都没有，一档都不满足
        points: 2
        rule:
          kind: evidence_tiers
          tiers:
            - {requires: [discovery, discovery_notice], points: 2}
            - {requires: [discovery], points: 1}
        rubric: {evidence: {discovery: 主动发现机制, discovery_notice: 机制文件}}
        score: 0
    """

    kind: Literal["evidence_tiers"]
    tiers: list[Tier] = Field(min_length=1)
    """各档，从最高档写起，每档写 requires 和 points。

    The tiers, highest first, each with ``requires`` and ``points``."""

    def slots(self) -> set[str]:
        return {s for t in self.tiers for s in t.requires}

    def check(self, points: Decimal) -> list[Flaw]:
        out = [
            Flaw(msg("tier-too-many", n=i + 1, got=fmt(t.points), points=fmt(points)), ("tiers", i))
            for i, t in enumerate(self.tiers)
            if t.points > points
        ]
        if all(t.points < points for t in self.tiers):
            out.append(Flaw(msg("tier-unreachable", points=fmt(points))))
        if any(a.points < b.points for a, b in pairwise(self.tiers)):
            out.append(Flaw(msg("tier-order")))
        return out

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        for i, tier in enumerate(self.tiers):
            if all(ctx.has_evidence(s) for s in tier.requires):
                names = "、".join(ctx.evidence_label(s) for s in tier.requires)
                got = min(tier.points, clause.points)
                gap = None
                if got < clause.points:
                    need = [s for s in self.tiers[0].requires if not ctx.has_evidence(s)]
                    gap = "提供" + "、".join(ctx.slot_title(s) for s in need)
                text = f"已提供{names}，达到第{i + 1}档，得{fmt(got)}分"
                return Outcome(amount=got, explanation=text, used=list(tier.requires), gap=gap)
        need = [s for s in self.tiers[-1].requires if not ctx.has_evidence(s)]
        label = "、".join(ctx.slot_title(s) for s in need)
        return Outcome(
            amount=ZERO, explanation=f"缺少{label}，未达到任何一档，不得分", missing=need, gap=f"提供{label}"
        )

    def describe(self, ctx: Context, clause: Clause) -> str:
        tiers = [f"有{'和'.join(ctx.slot_title(s) for s in t.requires)}得{fmt(t.points)}分" for t in self.tiers]
        return "；".join(tiers) + "；否则不得分"
