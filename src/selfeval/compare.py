"""Two data files side by side: every node's score and every figure, with the change; and two
rubrics side by side: what a new version adds, removes, moves, re-points or rewords.

Two data files may be scored against different rubrics (a county's 2020 against its 2021): their
nodes are matched by id, else by number and title, and what matches nothing is listed.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel

from selfeval.errors import InvalidValue, MissingValue, SelfevalError, Undefined
from selfeval.forms import FORMS
from selfeval.i18n import msg
from selfeval.models.data import Figure
from selfeval.models.rubric import Node, NodeType, RubricBase
from selfeval.numbers import fmt
from selfeval.pipeline import Evaluation
from selfeval.rules import Clause, Judged
from selfeval.scoring import NodeResult
from selfeval.units import convert

LineKind = Literal["node", "score", "figure"]

_TOTALS = {
    "standard": ("基本分", "standard", "standard_high"),
    "bonus": ("加分", "bonus", "bonus_high"),
    "deduction": ("扣分", "deduction_low", "deduction"),  # the least taken off, then the most
    "total": ("总分", "total", "total_high"),
}
"""Each total's title and where a result keeps the low and the high end of its range."""


@dataclass(frozen=True, kw_only=True)
class Line:
    """One compared quantity: ``a``/``b`` the lowest, ``a_high``/``b_high`` the highest it could be
    when an unknown input leaves a range (None: the same as the lowest)."""

    kind: LineKind
    id: str
    title: str
    a: Decimal | None
    b: Decimal | None
    unit: str = ""
    a_high: Decimal | None = None
    b_high: Decimal | None = None

    @property
    def a_top(self) -> Decimal | None:
        return self.a if self.a_high is None else self.a_high

    @property
    def b_top(self) -> Decimal | None:
        return self.b if self.b_high is None else self.b_high

    @property
    def ranged(self) -> bool:
        return (self.a_top, self.b_top) != (self.a, self.b)

    @property
    def change_range(self) -> tuple[Decimal, Decimal] | None:
        """The least and the most the change could be: B's lowest less A's highest, and the reverse."""
        if self.a is None or self.b is None or self.a_top is None or self.b_top is None:
            return None
        return self.b - self.a_top, self.b_top - self.a

    @property
    def change(self) -> Decimal | None:
        """The change when it is one number; None when either side is missing or a range."""
        both = self.change_range
        return None if both is None or both[0] != both[1] else both[0]


@dataclass(frozen=True)
class Unmatched:
    """A node of one side's rubric that no node of the other's matches."""

    side: Literal["a", "b"]
    id: str
    title: str


@dataclass(kw_only=True)
class Comparison:
    """The result of comparing two scored data files."""

    a: Evaluation
    b: Evaluation
    lines: list[Line]
    unmatched: list[Unmatched] = field(default_factory=list)
    """Nodes of either rubric the other has nothing for (when the rubrics differ)."""
    renamed: list[tuple[str, str]] = field(default_factory=list)
    """Nodes matched by number and title whose ids differ: (A's id, B's id)."""
    changed_only: bool = False
    """Only the lines whose value changed are kept (and the total, always)."""

    @property
    def same_rubric(self) -> bool:
        ra, rb = self.a.result.rubric, self.b.result.rubric
        return (ra.id, ra.version) == (rb.id, rb.version)


def _key(node: Node) -> tuple[str, str]:
    """A node's number and title as people write them, for matching across versions."""
    number = (node.number or "").strip().strip("（）()、.．")
    return number, "".join(node.title.split())


def match_nodes(na: dict[str, Node], nb: dict[str, Node]) -> list[tuple[str | None, str | None]]:
    """A's nodes paired with B's: by id, else by number and title (else by a title only one node of
    each side has); in A's order, then B's nodes that match none. None: no counterpart."""
    pairs: dict[str, str] = {k: k for k in na if k in nb}
    left = [k for k in na if k not in pairs]
    free = {k: r for k, r in nb.items() if k not in pairs}
    by_key = {_key(r): k for k, r in free.items()}
    for k in list(left):
        other = by_key.get(_key(na[k]))
        if other is not None and other in free:
            pairs[k] = other
            del free[other]
    titles_a = [_key(na[k])[1] for k in na if k not in pairs]
    titles_b = [_key(r)[1] for r in free.values()]
    for k in [k for k in na if k not in pairs]:
        title = _key(na[k])[1]
        other = next((o for o, r in free.items() if _key(r)[1] == title), None)
        if other is not None and titles_a.count(title) == 1 and titles_b.count(title) == 1:
            pairs[k] = other
            del free[other]
    out: list[tuple[str | None, str | None]] = [(k, pairs.get(k)) for k in na]
    matched = set(pairs.values())
    return out + [(None, k) for k in nb if k not in matched]


def changed(line: Line) -> bool:
    """Whether a compared quantity differs between A and B."""
    return (line.a, line.a_top) != (line.b, line.b_top)


def compare(a: Evaluation, b: Evaluation, *, changed_only: bool = False) -> Comparison:
    """Nodes (in A's rubric order, then B's extras), then the totals, then figures."""
    ra, rb = a.result, b.result
    lines: list[Line] = []
    na, nb = ra.by_id(), rb.by_id()
    pairs = match_nodes({k: r.node for k, r in na.items()}, {k: r.node for k, r in nb.items()})
    same = (ra.rubric.id, ra.rubric.version) == (rb.rubric.id, rb.rubric.version)
    unmatched: list[Unmatched] = []
    renamed: list[tuple[str, str]] = []
    for ka, kb in pairs:
        x, y = (na[ka] if ka else None), (nb[kb] if kb else None)
        node = (x or y).node  # type: ignore[union-attr]
        if not same and (x is None or y is None):
            unmatched.append(Unmatched("a" if y is None else "b", node.id, (x or y).label))  # type: ignore[union-attr]
        if ka and kb and ka != kb:
            renamed.append((ka, kb))
        title = f"{node.number + ' ' if node.number else ''}{node.title}"
        lines.append(
            Line(
                kind="node",
                id=ka or kb or "",
                title=title,
                a=x.score if x else None,
                b=y.score if y else None,
                a_high=x.top if x else None,
                b_high=y.top if y else None,
                unit="分",
            )
        )
    for key, (title, low, high) in _TOTALS.items():
        lines.append(
            Line(
                kind="score",
                id=key,
                title=title,
                a=getattr(ra, low),
                b=getattr(rb, low),
                a_high=getattr(ra, high),
                b_high=getattr(rb, high),
                unit="分",
            )
        )
    fa, fb = ra.data.figures, rb.data.figures
    for key in [*fa, *(k for k in fb if k not in fa)]:
        x2, y2 = fa.get(key), fb.get(key)
        spec = ra.rubric.figures.get(key) or rb.rubric.figures.get(key)
        either = x2 or y2
        title = spec.title if spec else ((either.title if either else None) or key)
        unit = (spec.unit if spec else None) or (either.unit if either else None) or ""
        lines.append(Line(kind="figure", id=key, title=title, a=_in(x2, unit), b=_in(y2, unit), unit=unit))
    if changed_only:
        lines = [x for x in lines if changed(x) or (x.kind, x.id) == ("score", "total")]
    return Comparison(a=a, b=b, lines=lines, unmatched=unmatched, renamed=renamed, changed_only=changed_only)


def _in(fig: Figure | None, unit: str) -> Decimal | None:
    """A figure's value in the unit the comparison shows (33596200元 as 3359.62万元)."""
    if fig is None or fig.value is None:
        return None
    try:
        return convert(fig.value, fig.unit, unit or None)
    except InvalidValue:  # another kind of unit: refused at loading, never compared
        return None


# ----------------------------------------------------------------------------- two rubrics


ChangeKind = Literal["added", "removed", "moved", "points", "rule", "title", "type", "cap", "node", "key"]


@dataclass(frozen=True, kw_only=True)
class Change:
    """One difference between two rubrics: a node or a key, what it was and what it is."""

    kind: ChangeKind
    id: str
    """The node's id (B's, when B has it), or the key (``figures.towns``)."""
    title: str
    before: str
    """As A has it, in words ("" when B adds it)."""
    after: str
    """As B has it, in words ("" when B removes it)."""
    detail: str = ""
    """For a rule: what of it changed (``value：90 → 95``); for a node's other keys: the key."""


@dataclass
class RubricComparison:
    """What changed from rubric A to rubric B."""

    a: RubricBase
    b: RubricBase
    changes: list[Change]

    @property
    def a_label(self) -> str:
        return f"{self.a.id} {self.a.version}"

    @property
    def b_label(self) -> str:
        return f"{self.b.id} {self.b.version}"


class _Words:
    """What a rule's words need of a rubric alone (no county's data): titles and units."""

    def __init__(self, rubric: RubricBase) -> None:
        self.rubric = rubric

    def value(self, expr: str) -> Decimal:
        try:
            return Decimal(expr)
        except ArithmeticError:
            raise MissingValue(expr) from None

    def amount(self, expr: str, value: Decimal) -> str:
        return f"{fmt(value)}{self.unit(expr)}"

    def _spec(self, expr: str) -> Any:
        return self.rubric.figures.get(expr) or self.rubric.metrics.get(expr)

    def label(self, expr: str) -> str:
        spec = self._spec(expr)
        return spec.title if spec is not None else expr

    def unit(self, expr: str) -> str:
        spec = self._spec(expr)
        return (spec.unit or "") if spec is not None else ""

    def has_evidence(self, slot: str) -> bool:
        return False

    def evidence_label(self, slot: str) -> str:
        return self.slot_title(slot)

    def slot_title(self, slot: str) -> str:
        return f"“{self.rubric.evidence.get(slot, slot)}”"

    def fact(self, name: str) -> bool | None:
        return None

    def fact_title(self, name: str) -> str:
        return self.rubric.facts.get(name, name)

    def judgement(self, node_id: str) -> Judged | None:
        return None


def _words(value: object) -> str:
    from selfeval.reference import value_words

    return value_words(value)


def rule_words(node: Node, kind: NodeType, rubric: RubricBase) -> str:
    """A node's rule as the rubric would write it in words (its keys, where words need data)."""
    if node.rule is None:
        return ""
    try:
        return node.rule.describe(_Words(rubric), Clause(node.id, node.points, kind is NodeType.DEDUCTION))
    except (MissingValue, Undefined, SelfevalError, ArithmeticError):
        return _words(node.rule.model_dump(exclude_defaults=True))


def _rule_detail(a: BaseModel | None, b: BaseModel | None) -> str:
    """Which keys of a rule changed, each before → after."""
    da = a.model_dump(exclude_defaults=True) if a is not None else {}
    db = b.model_dump(exclude_defaults=True) if b is not None else {}
    keys = [*da, *(k for k in db if k not in da)]
    return "；".join(f"{k}：{_words(da.get(k))} → {_words(db.get(k))}" for k in keys if da.get(k) != db.get(k))


@dataclass(frozen=True)
class _Placed:
    node: Node
    parent: str | None
    type: NodeType
    label: str


def _tree(rubric: RubricBase) -> dict[str, _Placed]:
    """Every node a rubric fixes (in each of its keys that is a list of nodes), by id."""
    out: dict[str, _Placed] = {}

    def visit(node: Node, parent: str | None, inherited: NodeType) -> None:
        kind = node.type or inherited
        # a node is named as a scored one is (its label reads only its node): one wording of 27. 标题
        label = NodeResult.label.fget(types.SimpleNamespace(node=node))  # type: ignore[attr-defined]
        out[node.id] = _Placed(node, parent, kind, label)
        for child in node.children:
            visit(child, node.id, kind)

    for name in _node_lists(type(rubric)):
        for node in getattr(rubric, name):
            visit(node, None, node.type or NodeType.STANDARD)
    return out


def _node_lists(model: type[BaseModel]) -> list[str]:
    """The keys of a rubric model that hold a tree of nodes."""
    return [k for k, f in model.model_fields.items() if f.annotation == list[Node] or _is_nodes(f.annotation)]


def _is_nodes(tp: Any) -> bool:
    return typing.get_origin(tp) is list and typing.get_args(tp) == (Node,)


_CAPS = ("total", "bonus_cap", "deduction_cap")


def _templates_used(rubric: RubricBase) -> dict[str, str]:
    """The template of each kind a rubric's reports are written with, by name: the one it names
    (``templates``, else ``template`` for Markdown), else its form's own."""
    form = FORMS.get(rubric.form)
    out: dict[str, str] = dict(form.templates) if form is not None else {}
    if rubric.template:
        out["markdown"] = rubric.template
    for kind, name in rubric.templates.items():
        out[kind] = name
    return out


def _templates(a: RubricBase, b: RubricBase) -> Iterator[Change]:
    """The templates named otherwise: a rubric that names none (or names the form's own) writes
    its reports as one naming them would, which is no change to read."""
    x, y = _templates_used(a), _templates_used(b)
    for k in [*x, *(k for k in y if k not in x)]:
        if x.get(k) != y.get(k):
            kind: ChangeKind = "added" if k not in x else "removed" if k not in y else "key"
            before, after = ("" if k not in x else _words(x[k])), ("" if k not in y else _words(y[k]))
            yield Change(kind=kind, id=f"templates.{k}", title=f"templates.{k}", before=before, after=after)


def _keys(a: RubricBase, b: RubricBase) -> Iterator[Change]:
    """The rubric's own keys that differ: caps, then each entry of a mapping, then the rest."""
    trees = set(_node_lists(type(a))) | set(_node_lists(type(b)))
    names = [*type(a).model_fields, *(k for k in type(b).model_fields if k not in type(a).model_fields)]
    da, db = a.model_dump(exclude_none=True), b.model_dump(exclude_none=True)
    for name in names:
        if name == "templates":
            yield from _templates(a, b)
        if name in trees or name in ("id", "version", "template", "templates") or da.get(name) == db.get(name):
            continue
        x, y = da.get(name), db.get(name)
        if isinstance(x, dict) and isinstance(y, dict) and name not in ("rounding", "tolerance"):
            for k in [*x, *(k for k in y if k not in x)]:
                if x.get(k) != y.get(k):
                    kind: ChangeKind = "added" if k not in x else "removed" if k not in y else "key"
                    before = "" if k not in x else _words(x[k])
                    after = "" if k not in y else _words(y[k])
                    yield Change(kind=kind, id=f"{name}.{k}", title=f"{name}.{k}", before=before, after=after)
            continue
        kind = "cap" if name in _CAPS else "key"
        before = "" if name not in da else _words(x)
        after = "" if name not in db else _words(y)
        yield Change(kind=kind, id=name, title=name, before=before, after=after)


def compare_rubrics(a: RubricBase, b: RubricBase) -> RubricComparison:
    """Every difference from ``a`` to ``b``: nodes added, removed, moved, re-pointed, with another
    rule, title or type; then the caps and the rubric's other keys."""
    ta, tb = _tree(a), _tree(b)
    pairs = match_nodes({k: p.node for k, p in ta.items()}, {k: p.node for k, p in tb.items()})
    to_b = {ka: kb for ka, kb in pairs if ka and kb}
    changes: list[Change] = []
    for ka, kb in pairs:
        if ka is not None and kb is not None:
            changes += _node_changes(ta[ka], tb[kb], kb, to_b=to_b, trees=(ta, tb), rubrics=(a, b))
        elif ka is not None:
            x = ta[ka]
            changes.append(Change(kind="removed", id=ka, title=x.label, before=_node_words(x), after=""))
        elif kb is not None:
            y = tb[kb]
            changes.append(Change(kind="added", id=kb, title=y.label, before="", after=_node_words(y)))
    changes += _keys(a, b)
    return RubricComparison(a, b, changes)


def _node_words(p: _Placed) -> str:
    return msg("compare-node-words", points=fmt(p.node.points), type=msg(f"type-{p.type.value}")).text()


def _node_changes(
    x: _Placed,
    y: _Placed,
    kb: str,
    *,
    to_b: dict[str, str],
    trees: tuple[dict[str, _Placed], dict[str, _Placed]],
    rubrics: tuple[RubricBase, RubricBase],
) -> list[Change]:
    """How a node matched in both rubrics changed: its place, points, rule, title, type, cap."""
    (ta, tb), (a, b) = trees, rubrics
    out: list[Change] = []
    title = y.label

    def add(kind: ChangeKind, before: str, after: str, detail: str = "") -> None:
        out.append(Change(kind=kind, id=kb, title=title, before=before, after=after, detail=detail))

    parent_a = to_b.get(x.parent) if x.parent else None
    if parent_a != y.parent:
        where_a = ta[x.parent].label if x.parent else msg("compare-top").text()
        where_b = tb[y.parent].label if y.parent else msg("compare-top").text()
        add("moved", where_a, where_b)
    if x.node.points != y.node.points:
        add("points", fmt(x.node.points), fmt(y.node.points))
    if x.node.rule != y.node.rule:
        add(
            "rule", rule_words(x.node, x.type, a), rule_words(y.node, y.type, b), _rule_detail(x.node.rule, y.node.rule)
        )
    if x.node.title != y.node.title or x.node.number != y.node.number:
        add("title", x.label, y.label)
    if x.type != y.type:
        add("type", x.type.value, y.type.value)
    if x.node.children_exceed != y.node.children_exceed:
        add("cap", _words(x.node.children_exceed), _words(y.node.children_exceed), "children_exceed")
    for key in ("not_applicable", "assumed"):
        before, after = getattr(x.node, key), getattr(y.node, key)
        if before != after:
            add("node", _words(before), _words(after), key)
    return out
