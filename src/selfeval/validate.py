"""Checks beyond the schema: a rubric must be coherent, and data must fit its rubric.

Each check collects problems rather than stopping at the first, so one run shows a
rubric author or a clerk everything that is wrong with a file. Forms add their own
(:meth:`selfeval.forms.base.Form.check_rubric`); these hold for every form.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from selfeval.expr import parse_expr
from selfeval.load import Document, Loc
from selfeval.models.data import DataBase
from selfeval.models.rubric import Node, NodeType, Relation, RubricBase, Walked
from selfeval.numbers import ZERO, fmt
from selfeval.problems import Problem, Severity
from selfeval.rules import JudgedRule


def duplicate_ids(ids: Iterable[tuple[str, Loc]], doc: Document, what: str) -> Iterator[Problem]:
    """A problem for every id that an earlier entry of the same list already has."""
    seen: dict[str, Loc] = {}
    for ident, loc in ids:
        if ident in seen:
            first = doc.locate(seen[ident])[0]
            yield doc.problem(loc, f"duplicate {what} id {ident!r} (first at line {first})", "duplicate-id")
        else:
            seen[ident] = loc


def check_rubric(rubric: RubricBase, doc: Document) -> Iterator[Problem]:
    """Every problem of a schema-valid rubric that does not depend on its form."""
    for name in set(rubric.metrics) & set(rubric.figures):
        yield doc.problem(("metrics", name), f"metric {name!r} has the name of a figure", "duplicate-id")
    yield from _check_metrics(rubric, doc)
    yield from check_relations(rubric.relations, rubric.known_names, doc, ("relations",))
    yield from duplicate_ids(((v.id, ("vetoes", i, "id")) for i, v in enumerate(rubric.vetoes)), doc, "veto")
    for i, veto in enumerate(rubric.vetoes):
        if veto.fact not in rubric.facts:
            yield doc.problem(
                ("vetoes", i, "fact"), f"veto {veto.id!r} names unknown fact {veto.fact!r}", "unknown-name"
            )
        if veto.max_grade is not None and veto.max_grade not in {g.name for g in rubric.grades}:
            yield doc.problem(
                ("vetoes", i, "max_grade"), f"veto caps at unknown grade {veto.max_grade!r}", "unknown-name"
            )
    mins = [g.min for g in rubric.grades]
    if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
        yield doc.problem(("grades",), "grades must be listed from the highest minimum down, without repeats", "bands")
    if rubric.grades and rubric.grades[-1].min != 0:
        yield doc.problem(("grades",), "the lowest grade must start at 0 so that every total has a grade", "bands")


def check_tree(walked: Walked, sections: list[Node], rubric: RubricBase, doc: Document) -> Iterator[Problem]:
    """An indicator tree: unique ids, points that add up, rules that read what the rubric defines."""
    yield from duplicate_ids(((n.id, (*loc, "id")) for n, loc, _ in walked), doc, "node")
    yield from _check_sums(walked, sections, rubric, doc)
    for node, loc, _ in walked:
        if node.rule is None:
            continue
        rloc = (*loc, "rule")
        for name in sorted(node.rule.names() - rubric.known_names):
            yield doc.problem(rloc, f"rule of {node.id!r} reads unknown figure or metric {name!r}", "unknown-name")
        for slot in sorted(node.rule.slots() - set(rubric.evidence)):
            yield doc.problem(rloc, f"rule of {node.id!r} names unknown evidence {slot!r}", "unknown-name")
        for fact in sorted(node.rule.facts() - set(rubric.facts)):
            yield doc.problem(rloc, f"rule of {node.id!r} names unknown fact {fact!r}", "unknown-name")
        for message in node.rule.check(node.points):
            yield doc.problem(rloc, f"{node.id}: {message}", "rule")


def check_relations(relations: list[Relation], known: Iterable[str], doc: Document, base: Loc) -> Iterator[Problem]:
    """Relations have unique ids and read only known figures and metrics."""
    yield from duplicate_ids(((r.id, (*base, i, "id")) for i, r in enumerate(relations)), doc, "relation")
    names = set(known)
    for i, rel in enumerate(relations):
        for key, text in rel.exprs().items():
            for name in sorted(parse_expr(text).names - names):
                yield doc.problem((*base, i, key), f"relation reads unknown figure or metric {name!r}", "unknown-name")


def _check_sums(walked: Walked, sections: list[Node], rubric: RubricBase, doc: Document) -> Iterator[Problem]:
    for node, loc, kind in walked:
        for i, child in enumerate(node.children):
            if child.type is not None and child.type != kind:
                yield doc.problem(
                    (*loc, "children", i, "type"),
                    f"{child.id} is {child.type.value} inside a {kind.value} node",
                    "type",
                )
        if not node.children:
            continue
        total = sum((c.points for c in node.children), ZERO)
        if node.children_exceed:
            if total <= node.points:
                yield doc.problem(
                    (*loc, "children_exceed"),
                    f"{node.id}: children_exceed is set but the children add up to {fmt(total)}, "
                    f"not more than {fmt(node.points)}",
                    "sum",
                )
        elif total != node.points:
            hint = " (set children_exceed: true if the sum is meant to be capped)" if total > node.points else ""
            yield doc.problem(
                (*loc, "points"),
                f"{node.id}: children add up to {fmt(total)}, not the node's {fmt(node.points)}{hint}",
                "sum",
            )
    by_type: dict[NodeType, Decimal] = {t: ZERO for t in NodeType}
    for s in sections:
        by_type[s.type or NodeType.STANDARD] += s.points
    expected = {
        NodeType.STANDARD: ("total", rubric.total),
        NodeType.BONUS: ("bonus_cap", rubric.bonus_cap),
        NodeType.DEDUCTION: ("deduction_cap", rubric.deduction_cap),
    }
    for t, (key, want) in expected.items():
        if by_type[t] != want:
            yield doc.problem(
                (key,), f"{t.value} sections add up to {fmt(by_type[t])}, but {key} is {fmt(want)}", "sum"
            )


def _check_metrics(rubric: RubricBase, doc: Document) -> Iterator[Problem]:
    graph = {name: parse_expr(m.expr).names for name, m in rubric.metrics.items()}
    for name, reads in graph.items():
        for ref in sorted(reads - rubric.known_names):
            yield doc.problem(
                ("metrics", name, "expr"), f"metric {name!r} reads unknown figure or metric {ref!r}", "unknown-name"
            )
    # Depth-first search for cycles among metrics, reporting each cycle once.
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()

    def visit(name: str, trail: list[str]) -> Iterator[Problem]:
        state[name] = 1
        for ref in sorted(graph.get(name, ())):
            if ref not in graph:
                continue
            if state.get(ref) == 1:
                cycle = [*trail[trail.index(ref) :], ref] if ref in trail else [name, ref]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    yield doc.problem(("metrics", ref, "expr"), "metrics form a cycle: " + " → ".join(cycle), "cycle")
            elif ref not in state:
                yield from visit(ref, [*trail, ref])
        state[name] = 2

    for name in graph:
        if name not in state:
            yield from visit(name, [name])


def check_data(data: DataBase, doc: Document, rubric: RubricBase, walked: Walked) -> Iterator[Problem]:
    """Problems with a data file as scored against ``rubric`` over the tree ``walked``."""
    ids = {n.id: n for n, _, _ in walked}
    if data.rubric.id != rubric.id or data.rubric.version != rubric.version:
        yield doc.problem(
            ("rubric",),
            f"data is for rubric {data.rubric.id} {data.rubric.version}, "
            f"but scored against {rubric.id} {rubric.version}",
            "rubric",
        )
    for key, value in data.claims.items():
        if key != "total" and key not in ids:
            yield doc.problem(("claims", key), f"claim for unknown node {key!r}", "unknown-node")
        elif key in ids and not 0 <= value <= ids[key].points:
            yield doc.problem(
                ("claims", key), f"claimed {fmt(value)} for {key}, outside 0–{fmt(ids[key].points)}", "claim-range"
            )
    for key in data.points:
        if key != "total" and key not in ids:
            yield doc.problem(("points", key), f"points for unknown node {key!r}", "unknown-node")
    for section in ("judgements", "not_applicable"):
        for key in getattr(data, section):
            if key not in ids:
                yield doc.problem((section, key), f"unknown node {key!r}", "unknown-node")
    for key, j in data.judgements.items():
        if key in ids and j.points > ids[key].points:
            yield doc.problem(
                ("judgements", key, "points"),
                f"judged {fmt(j.points)} for {key}, more than its {fmt(ids[key].points)} points",
                "claim-range",
            )
    for name, fig in data.figures.items():
        spec = rubric.figures.get(name)
        if name in rubric.metrics:
            yield doc.problem(
                ("figures", name),
                f"{name!r} is a metric the rubric computes; it cannot be given as a figure",
                "unknown-name",
            )
        if spec is not None and spec.unit and fig.unit and fig.unit != spec.unit:
            yield doc.problem(
                ("figures", name, "value"), f"{name}: unit {fig.unit!r} where the rubric expects {spec.unit!r}", "unit"
            )
        if fig.value is not None and fig.value < 0 and not (spec is not None and spec.signed):
            yield doc.problem(
                ("figures", name, "value"),
                f"{name}: {fmt(fig.value)} is negative; this figure cannot be below zero (数值不能为负)",
                "range",
            )
        if spec is None and not fig.title:
            yield doc.problem(
                ("figures", name), f"figure {name!r} is not in the rubric; give it a title", "unknown-name"
            )
    for key in data.facts:
        if key not in rubric.facts:
            yield doc.problem(("facts", key), f"unknown fact {key!r}", "unknown-name")
    for key in data.evidence:
        if key not in rubric.evidence:
            yield doc.problem(("evidence", key), f"unknown evidence slot {key!r}", "unknown-name")
    ours = {r.id for r in rubric.relations}
    for i, rel in enumerate(data.relations):
        if rel.id in ours:
            yield doc.problem(("relations", i, "id"), f"relation id {rel.id!r} is already the rubric's", "duplicate-id")
    yield from check_relations(data.relations, rubric.known_names | set(data.figures), doc, ("relations",))


def missing_inputs(data: DataBase, doc: Document, rubric: RubricBase, walked: Walked) -> Iterator[Problem]:
    """Warnings for what the rubric's rules read but the data file does not give.

    Not errors: a county may lack a figure, and then the rule scores nothing; but a clerk
    checking a file wants to know before the score does.
    """
    items = doc.data.get("items")
    for node, _, _ in walked:
        if node.rule is None or node.id in data.not_applicable:
            continue
        lacking = sorted({f for n in node.rule.names() for f in rubric.figures_read(n)} - set(data.figures))
        lacking += sorted(s for s in node.rule.slots() if s not in data.evidence)
        lacking += sorted(f for f in node.rule.facts() if f not in data.facts)
        if isinstance(node.rule, JudgedRule) and node.id not in data.judgements:
            lacking.append(f"judgements.{node.id}")
        if lacking:
            at = ("items", node.id) if isinstance(items, dict) and node.id in items else ()
            yield doc.problem(
                at,
                f"{node.id}（{node.title}）needs {', '.join(lacking)}, which the file does not give; "
                "the item cannot be scored without it (缺少评分所需数据)",
                "missing-input",
                Severity.WARNING,
            )


def left_to_fill(data: DataBase, doc: Document) -> Iterator[Problem]:
    """A warning at every value written ``~`` (still to fill): figures, facts, 文号 of evidence."""
    for name, fig in data.figures.items():
        if fig.value is None:
            yield doc.problem(("figures", name), f"figures.{name}: still to fill (待填)", "to-fill", Severity.WARNING)
    for name, fact in data.facts.items():
        if fact.value is None:
            yield doc.problem(
                ("facts", name), f"facts.{name}: still to fill (待填：是/否)", "to-fill", Severity.WARNING
            )
    raw = doc.data.get("evidence")
    for slot, docs in data.evidence.items():
        if isinstance(raw, dict) and raw.get(slot) is None:
            yield doc.problem(("evidence", slot), f"evidence.{slot}: still to fill (待填)", "to-fill", Severity.WARNING)
        for i, _ in enumerate(docs):
            loc: Loc = (
                ("evidence", slot, i)
                if isinstance(raw, dict) and isinstance(raw.get(slot), list)
                else ("evidence", slot)
            )
            if doc.has((*loc, "number")) and docs[i].number is None:
                yield doc.problem(
                    (*loc, "number"), f"evidence.{slot}: 文号 still to fill (待填)", "to-fill", Severity.WARNING
                )
