"""Checks beyond the schema: a rubric must be coherent, and data must fit its rubric.

Each check collects problems rather than stopping at the first, so one run shows a
rubric author or a clerk everything that is wrong with a file.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from selfeval.errors import InputError
from selfeval.expr import parse_expr
from selfeval.load import Document, load_document, validate_model
from selfeval.models import CountyData, DerivedRelation, NodeType, Rubric
from selfeval.numbers import fmt
from selfeval.problems import Level, Problem
from selfeval.rules import JudgedRule

Loc = tuple[int | str, ...]


def load_rubric(path: Path | str, display: str | None = None) -> tuple[Rubric, Document]:
    """Load and fully check a rubric; raises :class:`InputError` listing every problem."""
    doc = load_document(path, display)
    return rubric_from(doc), doc


def rubric_from(doc: Document) -> Rubric:
    """A parsed document as a fully checked rubric; raises :class:`InputError` listing every problem."""
    rubric = validate_model(doc, Rubric)
    problems = list(check_rubric(rubric, doc))
    if problems:
        raise InputError(problems)
    return rubric


def check_rubric(rubric: Rubric, doc: Document) -> Iterator[Problem]:
    """Every semantic problem of a schema-valid rubric."""
    nodes = rubric.walk()
    seen: dict[str, Loc] = {}
    for node, loc, _ in nodes:
        if node.id in seen:
            first = doc.locate((*seen[node.id], "id"))[0]
            yield doc.problem((*loc, "id"), f"duplicate node id {node.id!r} (first at line {first})", "duplicate-id")
        else:
            seen[node.id] = loc
    for name in set(rubric.metrics) & set(rubric.figures):
        yield doc.problem(("metrics", name), f"metric {name!r} has the name of a figure", "duplicate-id")

    yield from _check_sums(rubric, doc)
    known = set(rubric.figures) | set(rubric.metrics)
    yield from _check_metrics(rubric, doc, known)

    for node, loc, _ in nodes:
        if node.rule is None:
            continue
        rloc = (*loc, "rule")
        for name in sorted(node.rule.names() - known):
            yield doc.problem(rloc, f"rule of {node.id!r} reads unknown figure or metric {name!r}", "unknown-name")
        for slot in sorted(node.rule.slots() - set(rubric.evidence)):
            yield doc.problem(rloc, f"rule of {node.id!r} names unknown evidence {slot!r}", "unknown-name")
        for fact in sorted(node.rule.facts() - set(rubric.facts)):
            yield doc.problem(rloc, f"rule of {node.id!r} names unknown fact {fact!r}", "unknown-name")
        for message in node.rule.check(node.points):
            yield doc.problem(rloc, f"{node.id}: {message}", "rule")

    for i, rel in enumerate(rubric.relations):
        yield from check_relation(rel, known, doc, ("relations", i))
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


def check_relation(rel: object, known: set[str], doc: Document, loc: Loc) -> Iterator[Problem]:
    """A relation may only read known figures and metrics."""
    if isinstance(rel, DerivedRelation):
        exprs = {"figure": rel.figure, "expr": rel.expr}
    else:
        exprs = {"part": rel.part, "whole": rel.whole}  # type: ignore[attr-defined]
    for key, text in exprs.items():
        for name in sorted(parse_expr(text).names - known):
            yield doc.problem((*loc, key), f"relation reads unknown figure or metric {name!r}", "unknown-name")


def _check_sums(rubric: Rubric, doc: Document) -> Iterator[Problem]:
    for node, loc, kind in rubric.walk():
        for i, child in enumerate(node.children):
            if child.type is not None and child.type != kind:
                yield doc.problem(
                    (*loc, "children", i, "type"),
                    f"{child.id} is {child.type.value} inside a {kind.value} node",
                    "type",
                )
        if not node.children:
            continue
        total = sum((c.points for c in node.children), Decimal(0))
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
    by_type: dict[NodeType, Decimal] = {t: Decimal(0) for t in NodeType}
    for s in rubric.sections:
        by_type[s.type or NodeType.STANDARD] += s.points
    expected = {
        NodeType.STANDARD: rubric.total,
        NodeType.BONUS: rubric.bonus_cap,
        NodeType.DEDUCTION: rubric.deduction_cap,
    }
    keys = {NodeType.STANDARD: "total", NodeType.BONUS: "bonus_cap", NodeType.DEDUCTION: "deduction_cap"}
    for t, want in expected.items():
        if by_type[t] != want:
            yield doc.problem(
                (keys[t],), f"{t.value} sections add up to {fmt(by_type[t])}, but {keys[t]} is {fmt(want)}", "sum"
            )


def _check_metrics(rubric: Rubric, doc: Document, known: set[str]) -> Iterator[Problem]:
    graph = {name: parse_expr(m.expr).names for name, m in rubric.metrics.items()}
    for name, reads in graph.items():
        for ref in sorted(reads - known):
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


def load_data(path: Path | str, display: str | None = None) -> tuple[CountyData, Document]:
    """Load a county data file (schema only; see :func:`check_data` for the rubric fit)."""
    doc = load_document(path, display)
    return validate_model(doc, CountyData), doc


def check_data(data: CountyData, doc: Document, rubric: Rubric) -> list[Problem]:
    """Problems with a data file as scored against ``rubric``."""
    out: list[Problem] = []
    ids = {n.id: (n, kind) for n, _, kind in rubric.walk()}
    if data.rubric.id != rubric.id or data.rubric.version != rubric.version:
        out.append(
            doc.problem(
                ("rubric",),
                f"data is for rubric {data.rubric.id} {data.rubric.version}, "
                f"but scored against {rubric.id} {rubric.version}",
                "rubric",
            )
        )
    for key in data.claims:
        if key != "total" and key not in ids:
            out.append(doc.problem(("claims", key), f"claim for unknown node {key!r}", "unknown-node"))
        elif key in ids:
            node, _ = ids[key]
            value = data.claims[key]
            if value < 0 or value > node.points:
                out.append(
                    doc.problem(
                        ("claims", key), f"claimed {fmt(value)} for {key}, outside 0–{fmt(node.points)}", "claim-range"
                    )
                )
    for section in ("items", "judgements", "not_applicable"):
        for key in getattr(data, section):
            if key not in ids:
                out.append(doc.problem((section, key), f"unknown node {key!r}", "unknown-node"))
    for key, j in data.judgements.items():
        if key in ids and j.points > ids[key][0].points:
            out.append(
                doc.problem(
                    ("judgements", key, "points"),
                    f"judged {fmt(j.points)} for {key}, more than its {fmt(ids[key][0].points)} points",
                    "claim-range",
                )
            )
    for key, item in data.items.items():
        for i, seg in enumerate(item.narrative):
            if seg.score is not None and seg.score not in ids:
                out.append(
                    doc.problem(("items", key, "narrative", i, "score"), f"unknown node {seg.score!r}", "unknown-node")
                )
    for name, fig in data.figures.items():
        spec = rubric.figures.get(name)
        if name in rubric.metrics:
            out.append(
                doc.problem(
                    ("figures", name),
                    f"{name!r} is a metric the rubric computes; it cannot be given as a figure",
                    "unknown-name",
                )
            )
        if spec is not None and spec.unit and fig.unit and fig.unit != spec.unit:
            out.append(
                doc.problem(
                    ("figures", name, "value"),
                    f"{name}: unit {fig.unit!r} where the rubric expects {spec.unit!r}",
                    "unit",
                )
            )
        if fig.value < 0 and not (spec is not None and spec.signed):
            out.append(
                doc.problem(
                    ("figures", name, "value") if _is_mapping(doc, name) else ("figures", name),
                    f"{name}: {fmt(fig.value)} is negative; this figure cannot be below zero (数值不能为负)",
                    "range",
                )
            )
        if spec is None and not fig.title:
            out.append(
                doc.problem(("figures", name), f"figure {name!r} is not in the rubric; give it a title", "unknown-name")
            )
    for key in data.facts:
        if key not in rubric.facts:
            out.append(doc.problem(("facts", key), f"unknown fact {key!r}", "unknown-name"))
    for key in data.evidence:
        if key not in rubric.evidence:
            out.append(doc.problem(("evidence", key), f"unknown evidence slot {key!r}", "unknown-name"))
    known = set(rubric.figures) | set(rubric.metrics) | set(data.figures)
    for i, rel in enumerate(data.relations):
        out.extend(check_relation(rel, known, doc, ("relations", i)))
    return out


def missing_inputs(data: CountyData, doc: Document, rubric: Rubric) -> list[Problem]:
    """Warnings for what the rubric's rules read but the data file does not give.

    Not errors: a county may lack a figure, and then the rule scores nothing; but a clerk
    checking a file wants to know before the score does.
    """
    out: list[Problem] = []

    for node, _, _ in rubric.walk():
        if node.rule is None or node.id in data.not_applicable:
            continue
        lacking = sorted({f for n in node.rule.names() for f in rubric.figures_read(n)} - set(data.figures))
        lacking += sorted(s for s in node.rule.slots() if s not in data.evidence)
        lacking += sorted(f for f in node.rule.facts() if f not in data.facts)
        if isinstance(node.rule, JudgedRule) and node.id not in data.judgements:
            lacking.append(f"judgements.{node.id}")
        if lacking:
            out.append(
                Problem(
                    doc.display,
                    *doc.locate(("items", node.id)) if node.id in data.items else (1, 1),
                    f"{node.id}（{node.title}）needs {', '.join(lacking)}, which the file does not give; "
                    "the item cannot be scored without it (缺少评分所需数据)",
                    "missing-input",
                    Level.WARNING,
                )
            )
    return out


def _is_mapping(doc: Document, name: str) -> bool:
    figures = doc.data.get("figures")
    return isinstance(figures, dict) and isinstance(figures.get(name), dict)
