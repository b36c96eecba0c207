"""Checks beyond the schema: a rubric must be coherent, and data must fit its rubric.

Each check collects problems rather than stopping at the first, so one run shows a
rubric author or a clerk everything that is wrong with a file. Forms add their own
(:meth:`selfeval.forms.interface.Form.check_rubric`); these hold for every form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from selfeval.expr import parse_expr
from selfeval.i18n import Msg, msg, suggest_msg
from selfeval.load import Document, Loc
from selfeval.models.data import DataBase
from selfeval.models.rubric import Node, NodeType, Relation, RubricBase, Walked
from selfeval.numbers import ZERO, fmt
from selfeval.problems import Problem, Severity
from selfeval.rules.tiers import TiersRule
from selfeval.units import same_kind


def duplicate_ids(ids: Iterable[tuple[str, Loc]], doc: Document, what: str) -> Iterator[Problem]:
    """A problem for every id that an earlier entry of the same list already has."""
    seen: dict[str, Loc] = {}
    for ident, loc in ids:
        if ident in seen:
            first = doc.locate(seen[ident])[0]
            yield doc.problem(loc, msg("duplicate-id", what=msg(f"what-{what}"), id=ident, line=first), "duplicate-id")
        else:
            seen[ident] = loc


def check_rubric(rubric: RubricBase, doc: Document) -> Iterator[Problem]:
    """Every problem of a schema-valid rubric that does not depend on its form."""
    for name in set(rubric.metrics) & set(rubric.figures):
        yield doc.problem(("metrics", name), msg("metric-is-figure", name=name), "duplicate-id")
    yield from _check_metrics(rubric, doc)
    yield from check_relations(rubric.relations, rubric.known_names, doc, ("relations",))
    yield from duplicate_ids(((v.id, ("vetoes", i, "id")) for i, v in enumerate(rubric.vetoes)), doc, "veto")
    for i, veto in enumerate(rubric.vetoes):
        if veto.fact not in rubric.facts:
            hint = suggest_msg(veto.fact, rubric.facts)
            yield doc.problem(("vetoes", i, "fact"), msg("unknown-fact", name=veto.fact, hint=hint), "unknown-name")
        if veto.max_grade is not None and veto.max_grade not in {g.name for g in rubric.grades}:
            yield doc.problem(("vetoes", i, "max_grade"), msg("unknown-grade", name=veto.max_grade), "unknown-name")
    mins = [g.min for g in rubric.grades]
    if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
        yield doc.problem(("grades",), msg("grades-order"), "bands")
    if rubric.grades and rubric.grades[-1].min != 0:
        yield doc.problem(("grades",), msg("grades-floor"), "bands")


def check_tree(walked: Walked, sections: list[Node], rubric: RubricBase, doc: Document) -> Iterator[Problem]:
    """An indicator tree: unique ids, points that add up, rules that read what the rubric defines."""
    yield from duplicate_ids(((n.id, (*loc, "id")) for n, loc, _ in walked), doc, "node")
    yield from _check_sums(walked, sections, rubric, doc)
    for node, loc, kind in walked:
        if node.rule is None:
            continue
        rloc = (*loc, "rule")
        if kind is NodeType.DEDUCTION and not node.rule.deducts:
            yield doc.problem(rloc, msg("rule-not-deduction", id=node.id, kind=node.rule.kind), "rule")
        for name in sorted(node.rule.names() - rubric.known_names):
            hint = suggest_msg(name, rubric.known_names)
            yield doc.problem(rloc, msg("rule-unknown-figure", id=node.id, name=name, hint=hint), "unknown-name")
        for slot in sorted(node.rule.slots() - set(rubric.evidence)):
            hint = suggest_msg(slot, rubric.evidence)
            yield doc.problem(rloc, msg("rule-unknown-evidence", id=node.id, name=slot, hint=hint), "unknown-name")
        for fact in sorted(node.rule.facts() - set(rubric.facts)):
            hint = suggest_msg(fact, rubric.facts)
            yield doc.problem(rloc, msg("rule-unknown-fact", id=node.id, name=fact, hint=hint), "unknown-name")
        for flaw in node.rule.check(node.points):
            yield doc.problem((*rloc, *flaw.at), msg("at-key", where=node.id, what=flaw.message), "rule")
    yield from check_relation_nodes(rubric.relations, [n.id for n, _, _ in walked], doc, ("relations",))


def check_relations(relations: list[Relation], known: Iterable[str], doc: Document, base: Loc) -> Iterator[Problem]:
    """Relations have unique ids and read only known figures and metrics."""
    yield from duplicate_ids(((r.id, (*base, i, "id")) for i, r in enumerate(relations)), doc, "relation")
    names = set(known)
    for i, rel in enumerate(relations):
        for key, text in rel.exprs().items():
            for name in sorted(parse_expr(text).names - names):
                hint = suggest_msg(name, names)
                yield doc.problem((*base, i, key), msg("relation-unknown", name=name, hint=hint), "unknown-name")


def check_relation_nodes(
    relations: list[Relation], ids: Iterable[str], doc: Document, base: Loc, where: Callable[[Loc], Loc] | None = None
) -> Iterator[Problem]:
    """A relation's ``node`` names a node of the tree: one that names none would tie its findings to
    nothing a reader can find."""
    known = list(dict.fromkeys(ids))
    for i, rel in enumerate(relations):
        if rel.node is not None and rel.node not in known:
            loc: Loc = (*base, i, "node")
            hint = suggest_msg(rel.node, known)
            yield doc.problem(
                where(loc) if where else loc, msg("relation-unknown-node", id=rel.node, hint=hint), "unknown-node"
            )


def _check_sums(walked: Walked, sections: list[Node], rubric: RubricBase, doc: Document) -> Iterator[Problem]:
    for node, loc, kind in walked:
        for i, child in enumerate(node.children):
            if child.type is not None and child.type != kind:
                yield doc.problem(
                    (*loc, "children", i, "type"),
                    msg("type-inside", id=child.id, type=child.type.value, parent=kind.value),
                    "type",
                )
        if not node.children:
            continue
        total = sum((c.points for c in node.children), ZERO)
        if node.children_exceed:
            if total <= node.points:
                yield doc.problem(
                    (*loc, "children_exceed"),
                    msg("exceed-not-exceeded", id=node.id, total=fmt(total), points=fmt(node.points)),
                    "sum",
                )
        elif total != node.points:
            hint = msg("sum-hint-exceed") if total > node.points else msg("nothing")
            yield doc.problem(
                (*loc, "points"),
                msg("children-sum", id=node.id, total=fmt(total), points=fmt(node.points), hint=hint),
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
                (key,),
                msg("sections-sum", type=msg(f"type-{t.value}"), total=fmt(by_type[t]), key=key, want=fmt(want)),
                "sum",
            )


MAX_METRIC_CHAIN = 32
"""Most metrics one metric may read through (a reads b reads c …): deeper is a mistake."""


def _check_metrics(rubric: RubricBase, doc: Document) -> Iterator[Problem]:
    graph = {name: parse_expr(m.expr).names for name, m in rubric.metrics.items()}
    for name, reads in graph.items():
        for ref in sorted(reads - rubric.known_names):
            hint = suggest_msg(ref, rubric.known_names)
            yield doc.problem(
                ("metrics", name, "expr"), msg("metric-unknown", metric=name, name=ref, hint=hint), "unknown-name"
            )
    # Depth-first search for cycles among metrics, reporting each cycle once, and the longest
    # chain of metrics reading metrics; iterative, so no rubric can exhaust the stack.
    state: dict[str, int] = {}
    depth: dict[str, int] = {}
    reported: set[frozenset[str]] = set()
    for start in graph:
        if start in state:
            continue
        trail: list[str] = [start]
        todo: list[list[str]] = [sorted(r for r in graph[start] if r in graph)]
        state[start] = 1
        while trail:
            if todo[-1]:
                ref = todo[-1].pop()
                if state.get(ref) == 1:
                    cycle = [*trail[trail.index(ref) :], ref]
                    if frozenset(cycle) not in reported:
                        reported.add(frozenset(cycle))
                        yield doc.problem(
                            ("metrics", ref, "expr"), msg("metric-cycle", cycle=" → ".join(cycle)), "cycle"
                        )
                elif ref not in state:
                    state[ref] = 1
                    trail.append(ref)
                    todo.append(sorted(r for r in graph[ref] if r in graph))
                continue
            done = trail.pop()
            todo.pop()
            state[done] = 2
            depth[done] = 1 + max((depth.get(r, 0) for r in graph[done] if state.get(r) == 2), default=0)
    read = {r for refs in graph.values() for r in refs}
    for name, d in depth.items():
        if d > MAX_METRIC_CHAIN and name not in read:  # once per chain, at its top
            chain = msg("metric-chain", metric=name, depth=d, limit=MAX_METRIC_CHAIN)
            yield doc.problem(("metrics", name, "expr"), chain, "metric-chain")


def check_data(data: DataBase, doc: Document, rubric: RubricBase, walked: Walked) -> Iterator[Problem]:
    """Problems with a data file as scored against ``rubric`` over the tree ``walked``."""
    ids = {n.id: n for n, _, _ in walked}
    if data.rubric.id != rubric.id or data.rubric.version != rubric.version:
        yield doc.problem(
            data.where(("rubric",)),
            msg("rubric-mismatch", id=data.rubric.id, version=data.rubric.version, rid=rubric.id, rv=rubric.version),
            "rubric",
        )
    for key, value in data.claims.items():
        if key != "total" and key not in ids:
            yield doc.problem(data.where(("claims", key)), unknown_node(key, ids), "unknown-node")
        elif key in ids and not 0 <= value <= ids[key].points:
            yield doc.problem(
                data.where(("claims", key)),
                msg("claim-range", claimed=fmt(value), node=label_of(ids[key]), points=fmt(ids[key].points)),
                "claim-range",
            )
    for key in data.points:
        if key != "total" and key not in ids:
            yield doc.problem(data.where(("points", key)), unknown_node(key, ids), "unknown-node")
    for section in ("judgements", "not_applicable"):
        for key in getattr(data, section):
            if key not in ids:
                yield doc.problem(data.where((section, key)), unknown_node(key, ids), "unknown-node")
    for key, j in data.judgements.items():
        if key in ids and j.points is not None and j.points > ids[key].points:
            yield doc.problem(
                data.where(("judgements", key, "points")),
                msg("judged-too-many", given=fmt(j.points), node=label_of(ids[key]), points=fmt(ids[key].points)),
                "claim-range",
            )
        rule = ids[key].rule if key in ids else None
        if key in ids and not (rule is not None and rule.reads_judgement):
            yield doc.problem(
                data.where(("judgements", key)), msg("judged-not-judged", node=label_of(ids[key])), "not-judged"
            )
    for name, fig in data.figures.items():
        spec = rubric.figures.get(name)
        if name in rubric.metrics:
            yield doc.problem(data.where(("figures", name)), msg("figure-is-metric", name=name), "unknown-name")
        if spec is not None and not same_kind(fig.unit, spec.unit):
            yield doc.problem(
                data.where(("figures", name, "value")),
                msg("figure-unit", name=name, unit=fig.unit, expected=spec.unit),
                "unit",
            )
        if fig.value is not None and fig.value < 0 and not (spec is not None and spec.signed):
            negative = msg("figure-negative", name=name, value=fmt(fig.value))
            yield doc.problem(data.where(("figures", name, "value")), negative, "range")
        if spec is None and not fig.title:
            hint = suggest_msg(name, rubric.figures)
            yield doc.problem(
                data.where(("figures", name)), msg("figure-unknown", name=name, hint=hint), "unknown-name"
            )
    for key in data.facts:
        if key not in rubric.facts:
            hint = suggest_msg(key, rubric.facts)
            yield doc.problem(data.where(("facts", key)), msg("unknown-fact", name=key, hint=hint), "unknown-name")
    for key in data.evidence:
        if key not in rubric.evidence:
            hint = suggest_msg(key, rubric.evidence)
            yield doc.problem(data.where(("evidence", key)), msg("unknown-slot", name=key, hint=hint), "unknown-name")
    ours = {r.id for r in rubric.relations}
    for i, rel in enumerate(data.relations):
        if rel.id in ours:
            yield doc.problem(data.where(("relations", i, "id")), msg("relation-id-taken", id=rel.id), "duplicate-id")
    yield from check_relations(data.relations, rubric.known_names | set(data.figures), doc, ("relations",))
    yield from check_relation_nodes(data.relations, ids, doc, ("relations",), data.where)
    for key, j in data.judgements.items():
        rule = ids[key].rule if key in ids else None
        at = ("judgements", key, "tier")
        # a form that reads judgements out of its own cells checks their tiers there
        if isinstance(rule, TiersRule) and j.tier is not None and data.where(at) == at:
            names = [t.name for t in rule.tiers]
            if j.tier not in names:
                hint = suggest_msg(j.tier, names)
                problem = msg(
                    "judged-unknown-tier", tier=j.tier, node=label_of(ids[key]), known="、".join(names), hint=hint
                )
                yield doc.problem(at, problem, "unknown-name")


def missing_inputs(data: DataBase, doc: Document, rubric: RubricBase, walked: Walked) -> Iterator[Problem]:
    """Warnings for what the rubric's rules read but the data file does not give, one per input,
    at the line of the section to add it to (or the top, when the file has no such section).

    Not errors: a county may lack a figure, and then the rule scores nothing; but a clerk
    checking a file wants to know before the score does.
    """
    needed: dict[tuple[str, str], list[str]] = {}
    for node, _, _ in walked:
        if node.rule is None or node.id in data.not_applicable:
            continue
        wants = [("figures", f) for n in node.rule.names() for f in rubric.figures_read(n) if f not in data.figures]
        wants += [("evidence", s) for s in node.rule.slots() if s not in data.evidence]
        wants += [("facts", f) for f in node.rule.facts() if f not in data.facts]
        if node.rule.reads_judgement and node.id not in data.judgements:
            wants.append(("judgements", node.id))
        for want in wants:
            needed.setdefault(want, []).append(label_of(node))
    titles = {
        **{("figures", k): v.title for k, v in rubric.figures.items()},
        **{("facts", k): v for k, v in rubric.facts.items()},
        **{("evidence", k): v for k, v in rubric.evidence.items()},
    }
    for (section, key), nodes in sorted(needed.items(), key=lambda kv: (_SECTIONS.index(kv[0][0]), kv[0][1])):
        title = titles.get((section, key), "")
        yield doc.problem(
            (section,),
            msg(
                "missing-input",
                where=f"{section}.{key}",
                title=f"（{title}）" if title else "",
                nodes="、".join(dict.fromkeys(nodes)),
                section=section,
            ),
            "missing-input",
            Severity.WARNING,
        )


_SECTIONS = ["figures", "facts", "evidence", "judgements"]


def label_of(node: Node) -> str:
    """How a clerk finds a node: 第19项（开展社会救助知识培训）, （六）对象管理, or its title."""
    n = node.number or ""
    if n.isdigit():
        return f"第{n}项（{node.title}）"
    if n.startswith("（"):
        return f"{n}{node.title}"
    if n:
        return f"{n}、{node.title}"
    return f"“{node.title}”（{node.id}）"


def unknown_node(key: str, ids: dict[str, Node]) -> Msg:
    """「未知的节点“c99”；是否应为“c09”？」."""
    return msg("unknown-node", id=key, hint=suggest_msg(key, ids))


def left_to_fill(data: DataBase, doc: Document, rubric: RubricBase) -> Iterator[Problem]:
    """A warning at every value written ``~`` (still to fill): figures, facts, evidence and its 文号."""

    def named(key: str, title: str | None) -> str:
        return f"{key}（{title}）" if title else key

    for name, fig in data.figures.items():
        derived = data.where(("figures", name)) != ("figures", name)  # read from a form's cell: the form says
        if fig.value is None and not fig.unknown and not derived:
            spec = rubric.figures.get(name)
            where = named(f"figures.{name}", spec.title if spec else fig.title)
            yield doc.problem(data.where(("figures", name)), msg("to-fill", where=where), "to-fill", Severity.WARNING)
    for name, fact in data.facts.items():
        if fact.value is None:
            where = named(f"facts.{name}", rubric.facts.get(name))
            yield doc.problem(
                data.where(("facts", name)), msg("to-fill-fact", where=where), "to-fill", Severity.WARNING
            )
    raw = doc.data.get("evidence")
    for slot, docs in data.evidence.items():
        if isinstance(raw, dict) and raw.get(slot) is None:
            where = named(f"evidence.{slot}", rubric.evidence.get(slot))
            yield doc.problem(data.where(("evidence", slot)), msg("to-fill", where=where), "to-fill", Severity.WARNING)
        for i, e in enumerate(docs):
            listed = isinstance(raw, dict) and isinstance(raw.get(slot), list)
            loc: Loc = ("evidence", slot, i) if listed else ("evidence", slot)
            if e.pending:
                yield doc.problem(
                    (*loc, "number"), msg("to-fill-number", where=f"evidence.{slot}"), "to-fill", Severity.WARNING
                )
