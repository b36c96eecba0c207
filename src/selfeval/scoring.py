"""Apply every rule to a county's evidence and add the scores up the tree.

Arithmetic is exact (``Decimal``); the only rounding is of the total, once, at the
places the rubric names. Scores never come from the county's claims: claims are carried
alongside for comparison only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property
from typing import Generic, Literal

from typing_extensions import TypeVar

from selfeval.errors import MissingValue, Undefined, UnknownValue
from selfeval.expr import parse_expr
from selfeval.models.data import DataBase
from selfeval.models.review import Change
from selfeval.models.rubric import NAPolicy, Node, NodeType, RubricBase, Veto
from selfeval.numbers import ZERO, fmt, quantize
from selfeval.rules import Clause, Judged
from selfeval.units import convert
from selfeval.wording import book, quote

Status = Literal["scored", "not_applicable"]

R = TypeVar("R", bound=RubricBase, covariant=True, default=RubricBase)
D = TypeVar("D", bound=DataBase, covariant=True, default=DataBase)
"""A result is typed by its form's rubric and data; shared code, which knows no form, reads the bases."""
RubricT = TypeVar("RubricT", bound=RubricBase)
DataT = TypeVar("DataT", bound=DataBase)

NA_WORDS = {
    NAPolicy.RESCALE: "分值从满分中剔除，其余各项按比例折算",
    NAPolicy.ZERO: "按0分计",
    NAPolicy.FULL: "按满分计",
}


@dataclass(frozen=True)
class Applied:
    """A reviewer's change as applied: the score the rules gave and the score after review."""

    change: Change
    before: Decimal
    after: Decimal
    label: str
    """The node as a report names it (40. 救助对象满意度)."""


@dataclass(kw_only=True)
class NodeResult:
    """The computed score of one node, with why."""

    node: Node
    type: NodeType
    depth: int
    places: int
    """Decimal places the rubric rounds to, for comparing with a claim."""
    max: Decimal
    score: Decimal
    """Points earned; on a deduction node, points taken off (both within ``[0, max]``)."""
    claimed: Decimal | None
    explanation: str
    status: Status = "scored"
    na_policy: NAPolicy | None = None
    used: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    gap: str | None = None
    children: list[NodeResult] = field(default_factory=list)
    raw: Decimal | None = None
    """For a parent: the children's (rescaled) sum before the cap."""
    high: Decimal | None = None
    """The highest the score could be when an input is unknown (``score`` is then the lowest)."""
    scale: Decimal = Decimal(1)
    """For a parent: the factor that rescales its children for not-applicable ones."""
    adjusted: Applied | None = None
    """The reviewer's change, when the ledger has one for this node."""
    decide: list[str] = field(default_factory=list)
    """What would settle the score when it is a range: the unknown inputs, a judgement to make."""

    @property
    def label(self) -> str:
        """The node as a report names it: 一、年度重点工作任务, （一）社会救助…, 27. 年终人均…"""
        n, title = self.node.number or "", self.node.title
        if not n:
            return title
        if n.isdigit():
            return f"{n}. {title}"
        return f"{n}{title}" if n.startswith("（") else f"{n}、{title}"

    @property
    def id(self) -> str:
        return self.node.id

    @property
    def rounded(self) -> Decimal:
        """The score as the rubric rounds it: what a claim is compared with."""
        return quantize(self.score, self.places)

    @property
    def top(self) -> Decimal:
        """The highest the score could be (the score itself unless an input is unknown)."""
        return self.score if self.high is None else self.high

    @property
    def ranged(self) -> bool:
        """Whether an unknown input leaves the score a range."""
        return self.high is not None and self.high != self.score

    @property
    def rounded_top(self) -> Decimal:
        """The highest the score could be, as the rubric rounds it."""
        return quantize(self.top, self.places)

    @property
    def differs(self) -> bool:
        """Whether the county claimed a score the evidence cannot give: other than the computed
        one, or outside its range when an input is unknown."""
        return self.claimed is not None and not self.rounded <= self.claimed <= self.rounded_top

    @property
    def undecided(self) -> bool:
        """Whether a claim lies inside a range that an unknown input leaves: neither held nor refuted."""
        return self.claimed is not None and self.ranged and not self.differs

    @property
    def lost(self) -> Decimal:
        """Points this node did not earn (a deduction node: points taken off)."""
        if self.status == "not_applicable" and self.na_policy is NAPolicy.RESCALE:
            return ZERO
        return self.score if self.type is NodeType.DEDUCTION else self.max - self.score

    def walk(self) -> Iterator[NodeResult]:
        """This node and all below it, depth first."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


@dataclass(frozen=True, kw_only=True)
class ScoreResult(Generic[R, D]):
    """A county's whole computed score, typed by its form's rubric and data."""

    rubric: R
    data: D
    sections: list[NodeResult]
    standard_max: Decimal
    standard: Decimal
    bonus_max: Decimal
    bonus: Decimal
    deduction_max: Decimal
    deduction: Decimal
    total_exact: Decimal
    total: Decimal
    grade: str
    vetoes: list[Veto]
    claimed_total: Decimal | None
    context: DataContext
    """The figures and metrics the rules read, for the audit to reuse."""
    total_high: Decimal = ZERO
    """The highest the total could be when inputs are unknown (``total`` is then the lowest)."""
    grade_high: str = ""
    standard_high: Decimal = ZERO
    """The highest the standard part could be (``standard`` is then the lowest)."""
    bonus_high: Decimal = ZERO
    """The highest the bonus could be."""
    deduction_low: Decimal = ZERO
    """The least the deductions could take off (``deduction`` is then the most)."""

    @property
    def total_max(self) -> Decimal:
        """The highest total the rubric allows: standard plus the bonus cap."""
        return self.standard_max + self.bonus_max

    @cached_property
    def _flat(self) -> list[NodeResult]:
        return [r for s in self.sections for r in s.walk()]

    def walk(self) -> Iterator[NodeResult]:
        """Every node result, depth first."""
        return iter(self._flat)

    def by_id(self) -> dict[str, NodeResult]:
        """Node results by id."""
        return {r.id: r for r in self.walk()}

    @property
    def adjustments(self) -> list[Applied]:
        """The reviewer's changes applied, in the tree's order."""
        return [r.adjusted for r in self.walk() if r.adjusted is not None]

    @property
    def ranged(self) -> bool:
        """Whether unknown inputs leave the total a range."""
        return self.total_high != self.total

    @property
    def decide(self) -> list[str]:
        """What would settle the total when it is a range."""
        return undecided(self.sections)

    @property
    def total_differs(self) -> bool:
        """Whether the county claimed a total the evidence cannot give (outside the range, if any)."""
        return self.claimed_total is not None and not self.total <= self.claimed_total <= self.total_high

    @property
    def total_undecided(self) -> bool:
        """Whether the claimed total lies inside the range unknown inputs leave."""
        return self.claimed_total is not None and self.ranged and not self.total_differs


class DataContext:
    """The :class:`~selfeval.rules.Context` rules read: figures, metrics, evidence, facts."""

    def __init__(self, rubric: RubricBase, data: DataBase, changes: Mapping[str, Change] | None = None) -> None:
        self.rubric = rubric
        self.data = data
        self.changes = changes or {}
        self.places = rubric.rounding.places
        self._metrics: dict[str, Decimal] = {}
        self._busy: set[str] = set()

    def lookup(self, name: str) -> Decimal:
        """The value of a figure or metric."""
        fig = self.data.figures.get(name)
        if fig is not None:
            if fig.unknown:
                raise UnknownValue(name)
            if fig.value is None:  # still to fill
                raise MissingValue(name)
            known = self.rubric.figures.get(name)
            # In the rubric's unit: 50000元 where it counts 万元 is read as 5 (units of one kind convert exactly).
            return convert(fig.value, fig.unit, known.unit) if known is not None and known.unit else fig.value
        if name in self._metrics:
            return self._metrics[name]
        spec = self.rubric.metrics.get(name)
        if spec is None or name in self._busy or len(self._busy) > 64:  # validate bounds chains at 32
            raise MissingValue(name)
        self._busy.add(name)
        try:
            value = parse_expr(spec.expr).evaluate(self.lookup)
        finally:
            self._busy.discard(name)
        self._metrics[name] = value
        return value

    def value(self, expr: str) -> Decimal:
        return parse_expr(expr).evaluate(self.lookup)

    def try_value(self, expr: str) -> Decimal | None:
        """The value, or None when a figure is missing or it cannot be computed."""
        try:
            return self.value(expr)
        except (MissingValue, Undefined):
            return None

    def title(self, name: str) -> tuple[str, str]:
        """Title and unit of a figure or metric."""
        fig = self.data.figures.get(name)
        spec = self.rubric.figures.get(name)
        if spec is not None:
            return spec.title, spec.unit or (fig.unit if fig else None) or ""
        if name in self.rubric.metrics:
            m = self.rubric.metrics[name]
            return m.title, m.unit or ""
        if fig is not None:
            return fig.title or name, fig.unit or ""
        return name, ""

    def _named(self, expr: str) -> bool:
        """Whether ``expr`` is a single figure or metric name (not a formula)."""
        return expr in self.data.figures or expr in self.rubric.figures or expr in self.rubric.metrics

    def amount(self, expr: str, value: Decimal) -> str:
        return f"{fmt(value)}{self.unit(expr)}"

    def label(self, expr: str) -> str:
        if self._named(expr):
            return self.title(expr)[0]
        return expr

    def unit(self, expr: str) -> str:
        if self._named(expr):
            return self.title(expr)[1]
        return ""

    def has_evidence(self, slot: str) -> bool:
        return any(not d.pending for d in self.data.evidence.get(slot, ()))

    def evidence_label(self, slot: str) -> str:
        docs = [d for d in self.data.evidence.get(slot, ()) if not d.pending]
        if not docs:
            return self.slot_title(slot)
        return "、".join(self._document(d.title, d.number, d.kind) for d in docs)

    @staticmethod
    def _document(title: str, number: str | None, kind: str) -> str:
        if number:
            return f"{book(title)}（{number}）"
        return book(title) if kind == "document" else quote(title)

    def slot_title(self, slot: str) -> str:
        return quote(self.rubric.evidence.get(slot, slot))

    def fact(self, name: str) -> bool | None:
        f = self.data.facts.get(name)
        return None if f is None else f.value

    def fact_title(self, name: str) -> str:
        return self.rubric.facts.get(name, name)

    def judgement(self, node_id: str) -> Judged | None:
        j = self.data.judgements.get(node_id)
        return None if j is None else Judged(j.points, j.tier, j.reason)


def _score_node(node: Node, kind: NodeType, depth: int, ev: DataContext, na_reason: str | None) -> NodeResult:
    r = _by_rules(node, kind, depth, ev, na_reason)
    change = ev.changes.get(node.id)
    return r if change is None else _review(r, change)


def _review(r: NodeResult, change: Change) -> NodeResult:
    """The reviewer's change, after the rules and within the node's points: its parents add it up
    and cap it as they would the rules' score."""
    e = change.entry
    before = r.score
    if e.score is not None:
        after = min(e.score, r.max)
    elif r.type is NodeType.DEDUCTION:  # more taken off the total
        after = min(before + (e.deduct or ZERO), r.max)
    else:
        after = max(before - (e.deduct or ZERO), ZERO)
    why = f"{r.explanation}；评审调整：{fmt(before)}分→{fmt(after)}分（{e.reason}）"
    applied = Applied(change, before, after, r.label)
    return replace(r, score=after, high=None, decide=[], explanation=why, status="scored", adjusted=applied)


def _by_rules(node: Node, kind: NodeType, depth: int, ev: DataContext, na_reason: str | None) -> NodeResult:
    data = ev.data
    claimed = data.claims.get(node.id)
    reason = data.not_applicable.get(node.id, na_reason)
    child_kind = node.type or kind
    if reason is not None:
        policy = node.not_applicable
        score = node.points if policy is NAPolicy.FULL else ZERO
        children = [_score_node(c, c.type or child_kind, depth + 1, ev, reason) for c in node.children]
        return NodeResult(
            node=node,
            type=child_kind,
            depth=depth,
            places=ev.places,
            max=node.points,
            score=score,
            claimed=claimed,
            explanation=f"不适用（{reason}）：{NA_WORDS[policy]}",
            status="not_applicable",
            na_policy=policy,
            children=children,
        )
    if node.rule is not None:
        out = node.rule.apply(ev, Clause(node.id, node.points, child_kind is NodeType.DEDUCTION))
        return NodeResult(
            node=node,
            type=child_kind,
            depth=depth,
            places=ev.places,
            max=node.points,
            score=out.amount,
            claimed=claimed,
            explanation=out.explanation,
            used=out.used,
            missing=out.missing,
            gap=out.gap,
            high=out.high,
            decide=out.decide,
        )
    children = [_score_node(c, c.type or child_kind, depth + 1, ev, None) for c in node.children]
    c = combine(children, node.points, child_kind)
    high = combine(children, node.points, child_kind, top=True).score if any(x.ranged for x in children) else None
    text = c.text
    if high is not None and high != c.score:  # the sum of the lowest: say how high it could go
        verb = "扣" if child_kind is NodeType.DEDUCTION else "得"
        text += f"；有未知数据，本项{verb}分在{fmt(c.score)}至{fmt(high)}分之间"
    return NodeResult(
        node=node,
        type=child_kind,
        depth=depth,
        places=ev.places,
        max=node.points,
        score=c.score,
        claimed=claimed,
        explanation=text,
        status=c.status,
        na_policy=NAPolicy.RESCALE if c.status == "not_applicable" else None,
        children=children,
        raw=c.raw,
        scale=c.scale,
        high=high,
        decide=undecided(children),
    )


def undecided(results: list[NodeResult]) -> list[str]:
    """What would settle the ranges among ``results``, each once, in the tree's order."""
    return list(dict.fromkeys(d for r in results if r.ranged for d in r.decide))


@dataclass(frozen=True, kw_only=True)
class Combined:
    """A parent's score from its children."""

    score: Decimal
    text: str
    status: Status
    raw: Decimal
    scale: Decimal


def _counted(c: NodeResult) -> bool:
    return not (c.status == "not_applicable" and c.na_policy is NAPolicy.RESCALE)


def combine(children: list[NodeResult], points: Decimal, kind: NodeType, *, top: bool = False) -> Combined:
    """A parent's score: the children's sum, rescaled for not-applicable ones, capped at ``points``
    (with ``top``, from the highest the children could score)."""
    counted = [c for c in children if _counted(c)]
    if not counted:
        return Combined(
            score=ZERO, text="各子项均不适用，本项不适用", status="not_applicable", raw=ZERO, scale=Decimal(1)
        )
    raw = sum((c.top if top else c.score for c in counted), ZERO)
    full = sum((c.max for c in children), ZERO)
    available = sum((c.max for c in counted), ZERO)
    verb = "扣" if kind is NodeType.DEDUCTION else "得"
    text = f"各子项合计{verb}{fmt(raw)}分"
    scale = full / available
    value = raw * full / available  # multiply first: exact whenever the result is
    if available < full:
        text += f"，剔除不适用项后按{fmt(full)}/{fmt(available)}折算为{fmt(value)}分"
    uncapped = value
    if value > points:
        text += f"，超过本项分值，按{fmt(points)}分封顶"
        value = points
    return Combined(score=value, text=text, status="scored", raw=uncapped, scale=scale)


def score(
    rubric: RubricT, data: DataT, tree: list[Node], changes: Mapping[str, Change] | None = None
) -> ScoreResult[RubricT, DataT]:
    """Score ``data`` against ``rubric`` over the indicator ``tree`` (its form gives it):
    every node, the parts, the total and the grade; then a reviewer's ``changes``, by node id."""
    ev = DataContext(rubric, data, changes)
    sections = [_score_node(s, s.type or NodeType.STANDARD, 0, ev, None) for s in tree]
    vetoes = [v for v in rubric.vetoes if ev.fact(v.fact)]

    def parts(top: bool) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        """Standard, bonus, deduction and total, from the lowest scores (or with ``top`` the highest)."""
        std = [s for s in sections if s.type is NodeType.STANDARD]
        standard = combine(std, rubric.total, NodeType.STANDARD, top=top).score if std else ZERO
        bonus = min(
            sum((s.top if top else s.score for s in sections if s.type is NodeType.BONUS), ZERO), rubric.bonus_cap
        )
        # The lowest total takes the most off, the highest the least.
        taken = sum((s.score if top else s.top for s in sections if s.type is NodeType.DEDUCTION), ZERO)
        deduction = min(taken, rubric.deduction_cap)
        total = standard + bonus - deduction
        for v in vetoes:
            if v.max_total is not None:
                total = min(total, v.max_total)
        return standard, bonus, deduction, total

    standard, bonus, deduction, total_exact = parts(top=False)
    high = parts(top=True)
    total = quantize(max(total_exact, ZERO), rubric.rounding.places)
    total_high = quantize(max(high[3], ZERO), rubric.rounding.places)
    grade = grade_for(rubric, total, vetoes)
    return ScoreResult(
        rubric=rubric,
        data=data,
        sections=sections,
        standard_max=rubric.total,
        standard=standard,
        bonus_max=rubric.bonus_cap,
        bonus=bonus,
        deduction_max=rubric.deduction_cap,
        deduction=deduction,
        total_exact=total_exact,
        total=total,
        grade=grade,
        vetoes=vetoes,
        claimed_total=data.claims.get("total"),
        context=ev,
        total_high=total_high,
        grade_high=grade_for(rubric, total_high, vetoes),
        standard_high=high[0],
        bonus_high=high[1],
        deduction_low=high[2],
    )


def grade_for(rubric: RubricBase, total: Decimal, vetoes: list[Veto]) -> str:
    """The grade band the total falls in, lowered by any veto that applies."""
    names = [g.name for g in rubric.grades]
    grade = next((g.name for g in rubric.grades if total >= g.min), names[-1])
    for v in vetoes:
        if v.max_grade is not None and names.index(v.max_grade) > names.index(grade):
            grade = v.max_grade
    return grade


@dataclass
class Gap:
    """Points a leaf lost, what they cost the total, and how to recover them."""

    result: NodeResult
    lost: Decimal
    """Points lost at the leaf itself."""
    effect: Decimal
    """How much the total would rise if the leaf got full marks (caps may absorb some)."""
    path: list[NodeResult]


def gaps(result: ScoreResult) -> list[Gap]:
    """Leaves that lost points (or drew a deduction), largest effect on the total first."""
    out: list[Gap] = []

    def visit(r: NodeResult, ancestors: list[NodeResult]) -> None:
        if r.children:
            for c in r.children:
                visit(c, [*ancestors, r])
            return
        if r.lost <= 0:
            return
        # Walk up, letting each parent's cap absorb what it can. For deductions the
        # "recovery" lowers the amount taken off, so the change runs the other way.
        sign = -1 if r.type is NodeType.DEDUCTION else 1
        delta = r.lost
        for parent in reversed(ancestors):
            if parent.raw is None:
                break
            old = min(parent.raw, parent.max)
            new = min(max(parent.raw + sign * delta * parent.scale, ZERO), parent.max)
            delta = abs(new - old)
        top = ancestors[0] if ancestors else r
        if top.type is NodeType.BONUS:
            delta = min(result.bonus + delta, result.bonus_max) - result.bonus
        elif top.type is NodeType.DEDUCTION:
            delta = result.deduction - max(result.deduction - delta, ZERO)
        out.append(Gap(r, r.lost, delta, ancestors))

    for s in result.sections:
        visit(s, [])
    return sorted(out, key=lambda g: (-g.effect, -g.lost, g.result.id))
