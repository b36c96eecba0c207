"""The ``tiers`` rule kind."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase
from selfeval.wording import points, quote


class Tier(BaseModel):
    """One tier of achievement and the share of the points it allows: [low, high]."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    name: str = Field(min_length=1)
    low: Decimal = Field(ge=0, le=1)
    high: Decimal = Field(ge=0, le=1)


class TiersRule(RuleBase):
    """定性指标按档评定：评审写明完成档次（如达成、部分达成、未达成）和理由，得分在该档所占分值比例之内；
    评审给了分数的，取该分数（超出本档的按本档界限计）；只评了档次的，得分为该档的区间；
    尚未评定的，得分在0至满分之间。

    A qualitative indicator judged in tiers: the assessor names the tier of achievement (达成,
    部分达成, 未达成) with the reason, and the score lies within the tier's share of the points:
    the assessor's points when given (kept within the tier), else the tier's range, and the
    whole range before anyone has judged.

    PASS: 评定为“达成”，评审给满分
        points: 4
        rule:
          kind: tiers
          tiers:
            - {name: 达成, low: 0.8, high: 1}
            - {name: 部分达成, low: 0.5, high: 0.8}
            - {name: 未达成, low: 0, high: 0.5}
        judgements: {x: {tier: 达成, points: 4, reason: 困难群众基本生活得到有效保障，回访无投诉}}
        score: 4
    FAIL: 评定为“部分达成”却给3.5分，按本档上限计3.2分
        points: 4
        rule:
          kind: tiers
          tiers:
            - {name: 达成, low: 0.8, high: 1}
            - {name: 部分达成, low: 0.5, high: 0.8}
            - {name: 未达成, low: 0, high: 0.5}
        judgements: {x: {tier: 部分达成, points: 3.5, reason: 部分乡镇救助时效未达要求}}
        score: 3.2
    FAIL: 只评了档次、未给分数：得分为2至3.2分的区间，记其下限
        points: 4
        rule:
          kind: tiers
          tiers:
            - {name: 达成, low: 0.8, high: 1}
            - {name: 部分达成, low: 0.5, high: 0.8}
            - {name: 未达成, low: 0, high: 0.5}
        judgements: {x: {tier: 部分达成, reason: 部分乡镇救助时效未达要求}}
        score: 2
    """

    reads_judgement: ClassVar[bool] = True

    kind: Literal["tiers"]
    tiers: list[Tier] = Field(min_length=1)

    def _tier(self, name: str | None) -> Tier | None:
        return next((t for t in self.tiers if t.name == name), None)

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        j = ctx.judgement(clause.id)
        tier = self._tier(j.tier) if j is not None else None
        used = [f"judgements.{clause.id}"]
        if j is None or tier is None:
            return Outcome(
                amount=ZERO,
                explanation=f"定性指标尚未评定完成档次，得分在0至{fmt(clause.points)}分之间",
                missing=used,
                gap="由评审写明完成档次和理由",
                high=clause.points,
                decide=["评审评定的完成档次"],
            )
        low, high = clause.points * tier.low, clause.points * tier.high
        said = f"评定为{quote(tier.name)}（{fmt(tier.low * 100)}%–{fmt(tier.high * 100)}%）：{j.reason}"
        if j.points is None:
            return Outcome(
                amount=low,
                explanation=f"{said}；未给分数，得分在{fmt(low)}至{fmt(high)}分之间",
                used=used,
                high=high,
                decide=["评审给出的分数"],
            )
        got = min(max(j.points, low), high)
        kept = "" if got == j.points else f"（评定{fmt(j.points)}分超出本档，按本档界限计）"
        return Outcome(amount=got, explanation=f"{said}，{points(got)}{kept}", used=used)

    def describe(self, ctx: Context, clause: Clause) -> str:
        shares = "，".join(f"{t.name}{fmt(t.low * 100)}%–{fmt(t.high * 100)}%" for t in self.tiers)
        return f"按完成档次评定（{shares}），须写明理由"
