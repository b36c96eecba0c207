"""Rule kinds: how a leaf criterion turns evidence into points.

Each kind is a small pydantic model whose docstring is its user documentation
(``selfeval rules`` prints them). All kinds are registered once, in :data:`RULES`
and in the :data:`Rule` union below; a test keeps the two in step.

Every rule returns an :class:`Outcome` whose ``amount`` lies in ``[0, points]``:
points earned on a standard or bonus node, points taken off on a deduction node.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from itertools import pairwise
from typing import Annotated, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from selfeval.expr import ExprSyntaxError, MissingValue, Undefined, parse_expr
from selfeval.numbers import fmt

ZERO = Decimal(0)


class Context(Protocol):
    """What a rule may ask of the county's data."""

    def value(self, expr: str) -> Decimal:
        """Evaluate an expression over figures and metrics (raises MissingValue/Undefined)."""

    def describe(self, expr: str, value: Decimal) -> str:
        """``标题 = 值 单位`` for an expression, for explanations."""

    def label(self, expr: str) -> str:
        """The title of a figure or metric, or the expression itself."""

    def unit(self, expr: str) -> str:
        """The unit of a figure or metric, or ``""``."""

    def has_evidence(self, slot: str) -> bool:
        """Whether the data file names evidence for this slot."""

    def evidence_label(self, slot: str) -> str:
        """How to name the evidence of a slot in an explanation."""

    def fact(self, name: str) -> bool | None:
        """A yes/no fact, or None when the data does not state it."""

    def fact_title(self, name: str) -> str:
        """The title of a fact."""

    def judgement(self, node_id: str) -> tuple[Decimal, str] | None:
        """An assessor's judged points and reason for a node."""


@dataclass
class Outcome:
    """What a rule made of the evidence."""

    amount: Decimal
    explanation: str
    used: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    gap: str | None = None


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    note: str | None = None

    def names(self) -> set[str]:
        """Figures and metrics this rule reads."""
        return set()

    def slots(self) -> set[str]:
        """Evidence slots this rule reads."""
        return set()

    def facts(self) -> set[str]:
        """Facts this rule reads."""
        return set()

    def check(self, points: Decimal) -> list[str]:
        """Problems with the rule itself, given its node's points."""
        return []

    def apply(self, ctx: Context, points: Decimal, deduction: bool, node_id: str) -> Outcome:
        """Score the rule. Subclasses implement :meth:`_apply`; missing figures are handled here."""
        try:
            return self._apply(ctx, points, deduction, node_id)
        except MissingValue as e:
            return Outcome(ZERO, f"缺少数据：{e.name}，无法计分", missing=[e.name], gap=f"在数据文件中填报 {e.name}")
        except Undefined as e:
            return Outcome(ZERO, f"无法计算（{e}），不得分", gap="核对相关数据")

    def _apply(self, ctx: Context, points: Decimal, deduction: bool, node_id: str) -> Outcome:
        raise NotImplementedError


def _expr_field(value: str) -> str:
    try:
        parse_expr(value)
    except ExprSyntaxError as e:
        raise ValueError(f"invalid expression {value!r}: {e} (at character {e.pos + 1})") from e
    return value


def _names(*exprs: str | None) -> set[str]:
    out: set[str] = set()
    for e in exprs:
        if e is not None:
            out |= set(parse_expr(e).names)
    return out


class EvidenceRule(_Rule):
    """Evidence present: full points when the data names every document or record in
    ``requires`` (and at least one of ``any_of``, when given); otherwise none.
    Written in rubrics as 「印发文件得2分」."""

    kind: Literal["evidence"]
    requires: list[str] = Field(default_factory=list)
    any_of: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _something(self) -> EvidenceRule:
        if not self.requires and not self.any_of:
            raise ValueError("an evidence rule needs 'requires' or 'any_of'")
        return self

    def slots(self) -> set[str]:
        return set(self.requires) | set(self.any_of)

    def _apply(self, ctx: Context, points: Decimal, deduction: bool, node_id: str) -> Outcome:
        lacking = [s for s in self.requires if not ctx.has_evidence(s)]
        have = [s for s in self.slots() if ctx.has_evidence(s)]
        if self.any_of and not any(ctx.has_evidence(s) for s in self.any_of):
            lacking.append(" 或 ".join(self.any_of))
        shown = "、".join(ctx.evidence_label(s) for s in sorted(have, key=self._order))
        if not lacking:
            return Outcome(points, f"已提供{shown}，得{fmt(points)}分", used=sorted(have, key=self._order))
        miss = "、".join(ctx.evidence_label(s) if s in self.slots() else s for s in lacking)
        return Outcome(ZERO, f"缺少{miss}，不得分", used=have, missing=lacking, gap=f"提供{miss}")

    def _order(self, slot: str) -> int:
        order = [*self.requires, *self.any_of]
        return order.index(slot) if slot in order else len(order)


class Tier(BaseModel):
    """One tier of an evidence-tiers rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    requires: list[str] = Field(min_length=1)
    points: Decimal = Field(ge=0)


class EvidenceTiersRule(_Rule):
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

    def _apply(self, ctx: Context, points: Decimal, deduction: bool, node_id: str) -> Outcome:
        for i, tier in enumerate(self.tiers):
            if all(ctx.has_evidence(s) for s in tier.requires):
                names = "、".join(ctx.evidence_label(s) for s in tier.requires)
                gap = None
                if tier.points < points:
                    better = self.tiers[0]
                    need = [s for s in better.requires if not ctx.has_evidence(s)]
                    gap = "提供" + "、".join(ctx.evidence_label(s) for s in need)
                return Outcome(
                    min(tier.points, points),
                    f"满足第{i + 1}档（{names}），得{fmt(tier.points)}分",
                    used=list(tier.requires),
                    gap=gap,
                )
        need = [s for s in self.tiers[-1].requires if not ctx.has_evidence(s)]
        label = "、".join(ctx.evidence_label(s) for s in need)
        return Outcome(ZERO, f"任何一档均不满足（缺少{label}），不得分", missing=need, gap=f"提供{label}")


class FactRule(_Rule):
    """A yes/no fact: on a standard or bonus node, full points when the fact is ``expect``
    (default true); on a deduction node, the full deduction when it is. A fact the data does
    not state earns nothing and deducts nothing, and is reported as missing."""

    kind: Literal["fact"]
    fact: str
    expect: bool = True

    def facts(self) -> set[str]:
        return {self.fact}

    def _apply(self, ctx: Context, points: Decimal, deduction: bool, node_id: str) -> Outcome:
        value = ctx.fact(self.fact)
        title = ctx.fact_title(self.fact)
        if value is None:
            return Outcome(
                ZERO,
                f"数据未说明“{title}”，" + ("不扣分" if deduction else "不得分"),
                missing=[self.fact],
                gap=f"在数据文件中说明“{title}”",
            )
        said = "是" if value else "否"
        hit = value is self.expect
        if deduction:
            return Outcome(
                points if hit else ZERO,
                f"“{title}”：{said}，" + (f"扣{fmt(points)}分" if hit else "不扣分"),
                used=[self.fact],
            )
        return Outcome(
            points if hit else ZERO,
            f"“{title}”：{said}，" + (f"得{fmt(points)}分" if hit else "不得分"),
            used=[self.fact],
            gap=None if hit else f"需“{title}”为{'是' if self.expect else '否'}",
        )


class Op(str, Enum):
    """Comparison operators for thresholds."""

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "=="


OPS: dict[Op, Callable[[Decimal, Decimal], bool]] = {
    Op.GE: lambda a, b: a >= b,
    Op.GT: lambda a, b: a > b,
    Op.LE: lambda a, b: a <= b,
    Op.LT: lambda a, b: a < b,
    Op.EQ: lambda a, b: a == b,
}
OP_WORDS = {Op.GE: "≥", Op.GT: ">", Op.LE: "≤", Op.LT: "<", Op.EQ: "="}


class ThresholdRule(_Rule):
    """A threshold on a metric: ``metric op value`` (or ``metric op against``, another
    expression) gives ``points`` (default: the node's), otherwise ``else_points`` (default 0).
    Written as 「高于自治区标准得4分」."""

    kind: Literal["threshold"]
    metric: Annotated[str, Field(min_length=1)]
    op: Op
    value: Decimal | None = None
    against: str | None = None
    points: Decimal | None = Field(default=None, ge=0)
    else_points: Decimal = Field(default=ZERO, ge=0)

    _v_metric = field_validator("metric", "against")(lambda cls, v: v if v is None else _expr_field(v))

    @model_validator(mode="after")
    def _one_bound(self) -> ThresholdRule:
        if (self.value is None) == (self.against is None):
            raise ValueError("a threshold needs exactly one of 'value' or 'against'")
        return self

    def names(self) -> set[str]:
        return _names(self.metric, self.against)

    def check(self, points: Decimal) -> list[str]:
        got = self.points if self.points is not None else points
        out = []
        if got > points:
            out.append(f"threshold gives {fmt(got)} points, more than the node's {fmt(points)}")
        if got <= 0 or got <= self.else_points:
            out.append("threshold has no reachable points: meeting it gives nothing more")
        if self.else_points > points:
            out.append("else_points exceed the node's points")
        return out

    def _apply(self, ctx: Context, points: Decimal, deduction: bool, node_id: str) -> Outcome:
        got = min(self.points if self.points is not None else points, points)
        x = ctx.value(self.metric)
        if self.against is not None:
            bound = ctx.value(self.against)
            bound_text = ctx.describe(self.against, bound)
        else:
            bound = self.value if self.value is not None else ZERO
            bound_text = fmt(bound)
        ok = OPS[self.op](x, bound)
        desc = ctx.describe(self.metric, x)
        sym = OP_WORDS[self.op]
        if ok:
            return Outcome(
                got,
                f"{desc}，满足 {sym} {bound_text}，" + (f"扣{fmt(got)}分" if deduction else f"得{fmt(got)}分"),
                used=sorted(self.names()),
            )
        amount = min(self.else_points, points)
        return Outcome(
            amount,
            f"{desc}，未达到 {sym} {bound_text}，" + (f"扣{fmt(amount)}分" if deduction else f"得{fmt(amount)}分"),
            used=sorted(self.names()),
            gap=None
            if deduction
            else f"需 {ctx.label(self.metric)} {sym} {bound_text}（当前 {fmt(x)}）可得{fmt(got)}分",
        )


class Band(BaseModel):
    """One band: ``min`` ≤ value < ``max`` gives ``points``; a missing bound is open."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    min: Decimal | None = None
    max: Decimal | None = None
    points: Decimal = Field(ge=0)


class BandsRule(_Rule):
    """Tiered bands on a metric: the band with ``min`` ≤ value < ``max`` gives its points;
    a value in no band gives none. Bands may not overlap. Written as
    「达到95%以上得3分，90%-95%得2分，低于90%不得分」."""

    kind: Literal["bands"]
    metric: str
    bands: list[Band] = Field(min_length=1)

    _v_metric = field_validator("metric")(lambda cls, v: _expr_field(v))

    def names(self) -> set[str]:
        return _names(self.metric)

    def check(self, points: Decimal) -> list[str]:
        out = []
        inf = Decimal("Infinity")
        for i, b in enumerate(self.bands):
            if b.min is not None and b.max is not None and b.min >= b.max:
                out.append(f"band {i + 1}: min {fmt(b.min)} is not below max {fmt(b.max)}")
            if b.points > points:
                out.append(f"band {i + 1} gives {fmt(b.points)} points, more than the node's {fmt(points)}")
        ordered = sorted(self.bands, key=lambda b: b.min if b.min is not None else -inf)
        if ordered != list(self.bands) and ordered[::-1] != list(self.bands):
            out.append("bands are out of order: list them by their bounds, rising or falling")
        for a, b in pairwise(ordered):
            a_max = a.max if a.max is not None else inf
            b_min = b.min if b.min is not None else -inf
            if a_max > b_min:
                out.append(f"bands overlap: [{_fmt_b(a.min)}, {_fmt_b(a.max)}) and [{_fmt_b(b.min)}, {_fmt_b(b.max)})")
        if all(b.points < points for b in self.bands):
            out.append(f"no band reaches the node's {fmt(points)} points")
        return out

    def _apply(self, ctx: Context, points: Decimal, deduction: bool, node_id: str) -> Outcome:
        x = ctx.value(self.metric)
        desc = ctx.describe(self.metric, x)
        best = max(self.bands, key=lambda b: b.points)
        for b in self.bands:
            if (b.min is None or x >= b.min) and (b.max is None or x < b.max):
                got = min(b.points, points)
                gap = (
                    None
                    if got >= points
                    else f"需 {ctx.label(self.metric)} 达到 {_fmt_b(best.min)} 以上（当前 {fmt(x)}）"
                )
                return Outcome(
                    got,
                    f"{desc}，落在 [{_fmt_b(b.min)}, {_fmt_b(b.max)}) 区间，得{fmt(got)}分",
                    used=sorted(self.names()),
                    gap=gap,
                )
        return Outcome(
            ZERO,
            f"{desc}，不在任何得分区间，不得分",
            used=sorted(self.names()),
            gap=f"需 {ctx.label(self.metric)} 落在 [{_fmt_b(best.min)}, {_fmt_b(best.max)}) 区间",
        )


def _fmt_b(v: Decimal | None) -> str:
    return "∞" if v is None else fmt(v)


class PerUnitRule(_Rule):
    """Points per unit with a cap: ``per`` points for every ``unit`` of the metric
    (whole units only), capped at the node's points. Written as 「1个部门0.5分，满分2分」."""

    kind: Literal["per_unit"]
    metric: str
    per: Decimal = Field(gt=0)
    unit: Decimal = Field(default=Decimal(1), gt=0)

    _v_metric = field_validator("metric")(lambda cls, v: _expr_field(v))

    def names(self) -> set[str]:
        return _names(self.metric)

    def _apply(self, ctx: Context, points: Decimal, deduction: bool, node_id: str) -> Outcome:
        x = ctx.value(self.metric)
        units = max(ZERO, (x / self.unit).to_integral_value(rounding="ROUND_FLOOR"))
        got = min(units * self.per, points)
        need = math.ceil(points / self.per) * self.unit
        return Outcome(
            got,
            f"{ctx.describe(self.metric, x)}，每{fmt(self.unit)}计{fmt(self.per)}分，"
            f"最高{fmt(points)}分，得{fmt(got)}分",
            used=sorted(self.names()),
            gap=None if got >= points else f"需 {ctx.label(self.metric)} 达到 {fmt(Decimal(need))}（当前 {fmt(x)}）",
        )


class RatioRule(_Rule):
    """A ratio times the points: ``numerator / denominator × points``, kept within
    ``[0, points]``. Written as 「完成数/应完成数×2」."""

    kind: Literal["ratio"]
    numerator: str
    denominator: str

    _v = field_validator("numerator", "denominator")(lambda cls, v: _expr_field(v))

    def names(self) -> set[str]:
        return _names(self.numerator, self.denominator)

    def _apply(self, ctx: Context, points: Decimal, deduction: bool, node_id: str) -> Outcome:
        n = ctx.value(self.numerator)
        d = ctx.value(self.denominator)
        if d == 0:
            raise Undefined(f"{self.denominator} = 0")
        got = max(ZERO, min(points, n / d * points))
        return Outcome(
            got,
            f"{ctx.describe(self.numerator, n)} ÷ {ctx.describe(self.denominator, d)} × {fmt(points)}，得{fmt(got)}分",
            used=sorted(self.names()),
            gap=None if got >= points else f"需 {ctx.label(self.numerator)} 达到 {fmt(d)}（当前 {fmt(n)}）",
        )


class TargetRule(_Rule):
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

    _v = field_validator("metric", "target")(lambda cls, v: _expr_field(v))

    def names(self) -> set[str]:
        return _names(self.metric, self.target)

    def _apply(self, ctx: Context, points: Decimal, deduction: bool, node_id: str) -> Outcome:
        x = ctx.value(self.metric)
        t = ctx.value(self.target)
        desc = ctx.describe(self.metric, x)
        if x >= t:
            return Outcome(points, f"{desc}，达到目标 {fmt(t)}，得{fmt(points)}分", used=sorted(self.names()))
        got = ZERO if self.partial == "none" or t <= 0 else max(ZERO, points * x / t)
        how = "按完成比例" if self.partial == "proportional" else "未完成"
        return Outcome(
            got,
            f"{desc}，未达到目标 {fmt(t)}，{how}得{fmt(got)}分",
            used=sorted(self.names()),
            gap=f"需 {ctx.label(self.metric)} 达到 {fmt(t)}（当前 {fmt(x)}）",
        )


class ToleranceRule(_Rule):
    """A tolerance band with a deduction per step outside it and a floor of zero: inside
    ``[min, max]`` full points; every ``step`` beyond takes ``deduct`` off (a started step
    counts unless ``partial_step: false``), down to nothing. Written as
    「相差5个百分点内得10分，每超2个百分点扣1分，扣完为止」."""

    kind: Literal["tolerance"]
    metric: str
    min: Decimal | None = None
    max: Decimal | None = None
    step: Decimal = Field(gt=0)
    deduct: Decimal = Field(gt=0)
    partial_step: bool = True

    _v = field_validator("metric")(lambda cls, v: _expr_field(v))

    @model_validator(mode="after")
    def _bounds(self) -> ToleranceRule:
        if self.min is None and self.max is None:
            raise ValueError("a tolerance needs 'min' or 'max' (or both)")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("tolerance 'min' is above 'max'")
        return self

    def names(self) -> set[str]:
        return _names(self.metric)

    def _apply(self, ctx: Context, points: Decimal, deduction: bool, node_id: str) -> Outcome:
        x = ctx.value(self.metric)
        desc = ctx.describe(self.metric, x)
        excess = ZERO
        if self.max is not None and x > self.max:
            excess = x - self.max
        elif self.min is not None and x < self.min:
            excess = self.min - x
        u = ctx.unit(self.metric)
        if self.min is not None and self.max is not None:
            band = f"{fmt(self.min)}{u}至{fmt(self.max)}{u}之间"
        elif self.max is not None:
            band = f"不高于{fmt(self.max)}{u}"
        else:
            band = f"不低于{fmt(self.min or ZERO)}{u}"
        if excess == 0:
            return Outcome(points, f"{desc}，{band}，得{fmt(points)}分", used=sorted(self.names()))
        rounding = "ROUND_CEILING" if self.partial_step else "ROUND_FLOOR"
        steps = (excess / self.step).to_integral_value(rounding=rounding)
        taken = min(points, steps * self.deduct)
        got = points - taken
        above = self.max is not None and x > self.max
        side = (
            f"高于上限{fmt(self.max)}{u}" if above and self.max is not None else f"低于下限{fmt(self.min or ZERO)}{u}"
        )
        partial = f"（不足{fmt(self.step)}{u}按{fmt(self.step)}{u}计）" if self.partial_step else ""
        return Outcome(
            got,
            f"{desc}，{side}，相差{fmt(excess)}{u}；每{fmt(self.step)}{u}扣{fmt(self.deduct)}分{partial}，"
            f"扣{fmt(taken)}分，得{fmt(got)}分",
            used=sorted(self.names()),
            gap=f"需 {ctx.label(self.metric)} {band}（当前 {fmt(x)}{u}）",
        )


class PerOccurrenceRule(_Rule):
    """A deduction per occurrence with a floor: ``deduct`` points for each counted
    occurrence. On a deduction node the deduction is capped at its points; on a standard
    node the points go down to zero. Written as 「每发生1起扣5分，扣完为止」."""

    kind: Literal["per_occurrence"]
    metric: str
    deduct: Decimal = Field(gt=0)

    _v = field_validator("metric")(lambda cls, v: _expr_field(v))

    def names(self) -> set[str]:
        return _names(self.metric)

    def _apply(self, ctx: Context, points: Decimal, deduction: bool, node_id: str) -> Outcome:
        n = max(ZERO, ctx.value(self.metric))
        taken = min(points, n * self.deduct)
        desc = ctx.describe(self.metric, n)
        if deduction:
            text = f"{desc}，每起扣{fmt(self.deduct)}分，" + (f"扣{fmt(taken)}分" if taken else "不扣分")
            return Outcome(taken, text, used=sorted(self.names()))
        got = points - taken
        return Outcome(
            got,
            f"{desc}，每起扣{fmt(self.deduct)}分，得{fmt(got)}分",
            used=sorted(self.names()),
            gap=None if taken == 0 else f"需 {ctx.label(self.metric)} 为 0（当前 {fmt(n)}）",
        )


class JudgedRule(_Rule):
    """An assessor's judgement: the points come from the data file's ``judgements`` entry for
    the node, which must give a written reason. Without a judgement the node scores nothing
    and is reported as missing. ``guidance`` tells the assessor what to look at."""

    kind: Literal["judged"]
    guidance: str = Field(min_length=1)

    def _apply(self, ctx: Context, points: Decimal, deduction: bool, node_id: str) -> Outcome:
        j = ctx.judgement(node_id)
        if j is None:
            return Outcome(
                ZERO,
                f"须由评审人员按“{self.guidance}”评定，尚无评定，暂不计分",
                missing=[f"judgements.{node_id}"],
                gap="由评审人员评定并写明理由",
            )
        given, reason = j
        got = min(max(given, ZERO), points)
        verb = "扣" if deduction else "得"
        return Outcome(got, f"评审评定{verb}{fmt(got)}分：{reason}", used=[f"judgements.{node_id}"])


Rule = Annotated[
    EvidenceRule
    | EvidenceTiersRule
    | FactRule
    | ThresholdRule
    | BandsRule
    | PerUnitRule
    | RatioRule
    | TargetRule
    | ToleranceRule
    | PerOccurrenceRule
    | JudgedRule,
    Field(discriminator="kind"),
]

RULES: dict[str, type[_Rule]] = {
    "evidence": EvidenceRule,
    "evidence_tiers": EvidenceTiersRule,
    "fact": FactRule,
    "threshold": ThresholdRule,
    "bands": BandsRule,
    "per_unit": PerUnitRule,
    "ratio": RatioRule,
    "target": TargetRule,
    "tolerance": ToleranceRule,
    "per_occurrence": PerOccurrenceRule,
    "judged": JudgedRule,
}
"""Every rule kind, by the ``kind`` value that selects it in a rubric."""
