"""The ``tiers`` rule kind."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from selfeval.i18n import Msg, msg
from selfeval.numbers import ZERO, exact, fmt
from selfeval.rules.base import Clause, Context, Flaw, Outcome, RuleBase
from selfeval.wording import points, quote


class Tier(BaseModel):
    """One tier of achievement and the share of the points it allows: [low, high]."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    name: str = Field(min_length=1)
    """档次名称，评审在 judgements 中写这个名称（如“部分达成”）。

    The tier's name, which the assessor writes in ``judgements`` (部分达成)."""
    low: Decimal = Field(ge=0, le=1)
    """本档得分下限，占本项分值的比例（0 至 1，含）。

    The least share of the points this tier allows (0 to 1, included)."""
    high: Decimal = Field(ge=0, le=1)
    """本档得分上限，占本项分值的比例（0 至 1，含）。

    The most share of the points this tier allows (0 to 1, included)."""


class TiersRule(RuleBase):
    """定性指标按档评定：评审写明完成档次（如达成、部分达成、未达成）和理由，得分在该档所占分值比例之内；
    评审给了分数的，取该分数（超出本档的按本档界限计）；只评了档次的，得分为该档的区间；
    尚未评定的，得分在0至满分之间。各档两端都含在档内，须合起来覆盖0至100%：相邻两档首尾相接
    （可共用端点，如80%），不得留空、不得重叠，名称不得重复，否则 validate 报错。

    A qualitative indicator judged in tiers: the assessor names the tier of achievement (达成,
    部分达成, 未达成) with the reason, and the score lies within the tier's share of the points:
    the assessor's points when given (kept within the tier), else the tier's range, and the
    whole range before anyone has judged. A tier holds both its ends, and the tiers together
    cover 0 to 100%: neighbours meet (they may share an end, such as 80%), with no gap, no
    overlap and no name twice, or validate refuses them.

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
    FAIL: 两档之间留了空（70%至80%）：评为“部分达成”给2.9分，按本档上限计2.8分；validate 报错
        points: 4
        rule:
          kind: tiers
          tiers:
            - {name: 达成, low: 0.8, high: 1}
            - {name: 部分达成, low: 0.5, high: 0.7}
            - {name: 未达成, low: 0, high: 0.5}
        judgements: {x: {tier: 部分达成, points: 2.9, reason: 部分乡镇救助时效未达要求}}
        score: 2.8
        validate: 70%至80%之间没有档次：得分为本项分值的75%时无档可归，会被改到所评档次的界限
    """

    reads_judgement: ClassVar[bool] = True

    kind: Literal["tiers"]
    tiers: list[Tier] = Field(min_length=1)
    """各档，每档写 name、low、high，合起来覆盖0至1。

    The tiers, each with ``name``, ``low`` and ``high``, covering 0 to 1 together."""

    def check(self, points: Decimal) -> list[Flaw]:
        return check_tiers(self.tiers, ("tiers",))

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


def check_tiers(tiers: list[Tier], base: tuple[str | int, ...]) -> list[Flaw]:
    """Tiers that leave a share of the points to no tier, or to two, or a name twice, each at its
    tier under ``base`` (a rule's ``tiers``, a project table rubric's ``qualitative.tiers``)."""
    out = []
    first: dict[str, int] = {}
    for i, t in enumerate(tiers):
        if t.name in first:
            out.append(Flaw(msg("tiers-name-twice", name=t.name, n=first[t.name] + 1), (*base, i, "name")))
        first.setdefault(t.name, i)
        if t.low > t.high:
            out.append(Flaw(msg("tiers-empty", name=t.name, low=_pct(t.low), high=_pct(t.high)), (*base, i)))
    if any(t.low > t.high for t in tiers):
        return out
    live = sorted(enumerate(tiers), key=lambda it: (it[1].low, it[1].high))
    at, reach = live[0]
    if reach.low > 0:
        out.append(Flaw(_gap(ZERO, reach.low), (*base, at)))
    for i, t in live[1:]:
        # both ends are in a tier: neighbours may share one, but not a stretch between
        if t.low > reach.high:
            out.append(Flaw(_gap(reach.high, t.low), (*base, max(at, i))))
        elif t.low < reach.high:
            both = {"a": reach.name, "a_range": _share(reach), "b": t.name, "b_range": _share(t)}
            out.append(Flaw(msg("tiers-overlap", **both), (*base, max(at, i))))
        if t.high > reach.high:
            at, reach = i, t
    if reach.high < 1:
        out.append(Flaw(_gap(reach.high, Decimal(1)), (*base, at)))
    return out


def _gap(low: Decimal, high: Decimal) -> Msg:
    return msg("tiers-gap", low=_pct(low), high=_pct(high), mid=_pct((low + high) / 2))


def _pct(share: Decimal) -> str:
    return f"{exact(share * 100)}%"


def _share(t: Tier) -> str:
    return f"{_pct(t.low)}–{_pct(t.high)}"
