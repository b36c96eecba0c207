"""The ``evidence_tiers`` rule kind."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase


class Tier(BaseModel):
    """One tier of an evidence-tiers rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    requires: list[str] = Field(min_length=1)
    points: Decimal = Field(ge=0)


class EvidenceTiersRule(RuleBase):
    """Evidence-dependent tiers: the first tier (highest first) whose ``requires`` are all
    present gives its points; no tier met gives none.
    Written as 「有机制且有文件得2分；有机制无文件得1分；否则不得分」."""

    kind: Literal["evidence_tiers"]
    tiers: list[Tier] = Field(min_length=1)

    def slots(self) -> set[str]:
        return {s for t in self.tiers for s in t.requires}

    def check(self, points: Decimal) -> list[str]:
        out = [
            f"tier {i + 1} gives {fmt(t.points)} points, more than the node's {fmt(points)}"
            for i, t in enumerate(self.tiers)
            if t.points > points
        ]
        if all(t.points < points for t in self.tiers):
            out.append(f"no tier reaches the node's {fmt(points)} points")
        if any(a.points < b.points for a, b in pairwise(self.tiers)):
            out.append("tiers must be listed from the highest points down")
        return out

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        for i, tier in enumerate(self.tiers):
            if all(ctx.has_evidence(s) for s in tier.requires):
                names = "、".join(ctx.evidence_label(s) for s in tier.requires)
                gap = None
                if tier.points < clause.points:
                    need = [s for s in self.tiers[0].requires if not ctx.has_evidence(s)]
                    gap = "提供" + "、".join(ctx.evidence_label(s) for s in need)
                return Outcome(
                    min(tier.points, clause.points),
                    f"满足第{i + 1}档（{names}），得{fmt(tier.points)}分",
                    used=list(tier.requires),
                    gap=gap,
                )
        need = [s for s in self.tiers[-1].requires if not ctx.has_evidence(s)]
        label = "、".join(ctx.evidence_label(s) for s in need)
        return Outcome(ZERO, f"任何一档均不满足（缺少{label}），不得分", missing=need, gap=f"提供{label}")
