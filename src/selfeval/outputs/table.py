"""Tables and text for people at a terminal (and in ``.txt`` files).

Everything is fitted to the terminal's width (a CJK character takes two columns): long
titles wrap, and a ranking keeps its least needed columns for wider screens. Internal ids
are shown only with ``--ids``. Data text is handed to rich as plain text, never as markup.
"""

from __future__ import annotations

import io
from typing import IO, TYPE_CHECKING

from selfeval.batch import Ranking, refused_of
from selfeval.choices import Format
from selfeval.compare import Comparison, RubricComparison
from selfeval.explain import Explanation
from selfeval.i18n import t
from selfeval.models.rubric import NodeType
from selfeval.numbers import fmt, span
from selfeval.outputs.base import Findings, FormatSpec, Options, write_text
from selfeval.pipeline import Evaluation
from selfeval.problems import Problem, Severity
from selfeval.review import Refused
from selfeval.scoring import Applied
from selfeval.scoring import gaps as lost_points

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table


def render(*parts: RenderableType, width: int) -> str:
    """Rich renderables and plain lines as text of at most ``width`` columns, without colour or codes."""
    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=False, color_system=None, markup=False, highlight=False, emoji=False
    )
    for part in parts:
        console.print(Text(part, overflow="fold") if isinstance(part, str) else part)
    return out.getvalue()


def _table(title: str, columns: list[tuple[str, str]], wrap: int = 1) -> Table:
    """A table whose ``wrap``-th column takes the slack and folds long text."""
    from rich import box
    from rich.table import Table

    table = Table(title=title, header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    for i, (name, justify) in enumerate(columns):
        wide = i == wrap
        table.add_column(name, justify=justify, overflow="fold", ratio=1 if wide else None, no_wrap=not wide)  # type: ignore[arg-type]
    return table


def adjusted(a: Applied, places: int) -> str:
    """† 40. 救助对象满意度：评审调整 3→1分（why；who，when；ledger:line）."""
    c = a.change
    by = "，".join(x for x in (c.reviewer, c.date) if x)
    return t(
        "adjusted-line",
        node=a.label,
        before=fmt(a.before, places),
        after=fmt(a.after, places),
        reason=c.entry.reason,
        by=f"；{by}" if by else "",
        where=c.where,
    )


def not_applied(x: Refused) -> str:
    """✗ 救助满意：评审调整未采用（why；ledger:line）."""
    return t("adjust-not-applied", node=x.node or "—", why=x.why, where=x.where)


def _short(label: str) -> str:
    """A section's column heading: its number (一), else its title cut to four characters."""
    head = label.split("、", 1)[0]
    return head if head != label else label[:4]


def _chg(v: object) -> str:
    if v is None:
        return "—"
    return "" if v == 0 else (f"+{fmt(v)}" if v > 0 else fmt(v))  # type: ignore[operator,arg-type]


SPEC = FormatSpec(format=Format.TABLE, suffixes=(".txt",), binary=False)
"""Human-readable tables and text."""


def _text(options: Options, *parts: RenderableType) -> str:
    return render(*parts, width=options.width)


def score(ev: Evaluation, out: IO[bytes], options: Options) -> None:
    r = ev.result
    p = r.rubric.rounding.places
    ids = options.ids
    columns = [(t("col-number"), "left"), (t("col-title"), "left")]
    columns += [(t("col-id"), "left")] if ids else []
    columns += [(t("col-points"), "right"), (t("col-score"), "right"), (t("col-claimed"), "right"), ("", "left")]
    table = _table(f"{ev.label} · {r.rubric.title}", columns)
    for n in r.walk():
        title = "  " * n.depth + n.node.title + (" *" if n.node.assumed else "") + (" †" if n.adjusted else "")
        shown = span(n.score, n.top, p) if n.status == "scored" else t("not-applicable-short")
        if n.type is NodeType.DEDUCTION:
            shown = f"-{shown}" if n.score or n.ranged else "0"
        row = [n.node.number or "", title, *([n.id] if ids else [])]
        row += [fmt(n.max), shown, "" if n.claimed is None else fmt(n.claimed), "≠" if n.differs else ""]
        table.add_row(*row, style="bold" if n.depth == 0 else "")
    errors = sum(1 for f in ev.findings if f.severity is Severity.ERROR)
    claimed = "" if r.claimed_total is None else t("score-claimed", claimed=fmt(r.claimed_total))
    lines = [
        t(
            "score-summary",
            standard=span(r.standard, r.standard_high, p),
            standard_max=fmt(r.standard_max),
            bonus=span(r.bonus, r.bonus_high, p),
            bonus_max=fmt(r.bonus_max),
            deduction=span(r.deduction_low, r.deduction, p),
            deduction_max=fmt(r.deduction_max),
            total=span(r.total, r.total_high, p),
            claimed=claimed,
            grade=f"{r.grade}–{r.grade_high}" if r.ranged and r.grade != r.grade_high else r.grade,
        )
    ]
    summary = ev.form.summary(r)
    lines += summary.lines if summary is not None else []
    if r.vetoes:
        lines.append(t("score-vetoes", titles="；".join(v.title for v in r.vetoes)))
    lines += [adjusted(a, p) for a in r.adjustments]
    lines += [not_applied(x) for x in refused_of(ev)]
    lines.append(t("score-footnote", errors=errors, others=len(ev.findings) - errors))
    write_text(out, _text(options, table, *lines))


def gaps(ev: Evaluation, out: IO[bytes], options: Options) -> None:
    r = ev.result
    p = r.rubric.rounding.places
    found = lost_points(r)
    lines = [t("gaps-head", who=ev.label, total=span(r.total, r.total_high, p), n=len(found))]
    if not found:
        lines.append(t("gaps-none"))
    for g in found:
        n = g.result
        capped = fmt(g.effect, p) != fmt(g.lost, p)  # as printed: 0.137 lost, 0.14 off the total is no cap
        absorbed = t("gap-absorbed", effect=fmt(g.effect, p)) if capped else ""
        where = " › ".join(a.label for a in g.path[1:])
        node = n.label + (f"（{where}）" if where and not (n.node.number or "").isdigit() else "")
        node += f"  [{n.id}]" if options.ids else ""
        if n.ranged:  # an unknown input: what it could cost, and what settles it
            shown = span(n.score, n.top, p)
            lines.append(t("gap-unknown", range=shown, lost=fmt(g.lost, p), absorbed=absorbed, node=node))
            lines.append(t("gap-decide", what="、".join(n.decide)))
            continue
        key = "gap-deducted" if n.type is NodeType.DEDUCTION else "gap-lost"
        lines.append(t(key, lost=fmt(g.lost, p), absorbed=absorbed, node=node))
        lines.append(t("gap-why", why=n.explanation))
        if n.gap:
            lines.append(t("gap-fix", fix=n.gap))
    write_text(out, _text(options, *lines))


def ranking(ranking: Ranking, out: IO[bytes], options: Options) -> None:
    width = options.width
    parts = width >= 100 or options.ids
    files = width >= 140 or options.ids
    tables: list[Table] = []
    failures = []
    several = len(ranking.rubrics) > 1
    rubric = None
    copies = []
    for rank, row in ranking.ranked():
        if row.duplicate_of is not None:
            copies.append(t("duplicate-unranked", path=row.path, ranked=row.duplicate_of))
            continue
        if rank is None:
            failures.append(t("ranking-failed", path=row.path, why=row.problems[0].message if row.problems else ""))
            continue
        if row.rubric != rubric or not tables:  # files of another rubric rank in their own table
            rubric = row.rubric
            title = t("ranking-title-rubric", rubric=rubric) if several else t("ranking-title")
            columns = [(t("col-rank"), "right"), (t("col-county"), "left"), (t("col-year"), "right")]
            columns += [(_short(c.label), "right") for c in row.sections] if parts else []
            columns += [(t("col-total"), "right"), (t("col-grade"), "left"), (t("col-claimed"), "right")]
            columns += [(t("col-claimed-minus"), "right"), (t("col-audit-errors"), "right")]
            columns += [(t("col-file"), "left")] if files else []
            tables.append(_table(title, columns))
        p = row.places
        name = row.name + (t("duplicate-mark") if row.duplicates else "")
        cells = [str(rank), name, str(row.year)]
        cells += [span(c.score, c.high, p) for c in row.sections] if parts else []
        total = "" if row.total is None else span(row.total, row.total_high or row.total, p)
        cells += [total, row.grade]
        cells += ["" if row.claimed_total is None else fmt(row.claimed_total, p)]
        cells += [_chg(row.claimed_minus_computed), str(row.audit_errors)]
        cells += [row.path] if files else []
        tables[-1].add_row(*cells)
    scored = [row for row in ranking.rows if row.ranked]
    changes = [f"{row.name} {row.year} · " + adjusted(a, row.places) for row in scored for a in row.adjustments]
    changes += [f"{row.name} {row.year} · " + not_applied(x) for row in scored for x in row.refused]
    write_text(out, _text(options, *(tables or [_table(t("ranking-title"), [])]), *changes, *copies, *failures))


def findings(findings: Findings, out: IO[bytes], options: Options) -> None:
    lines: list[str] = []
    for f in findings.files:
        if not f.problems:
            lines.append(t("findings-none", label=f.label))
            continue
        c = f.counts()
        lines.append(
            t(
                "findings-head",
                label=f.label,
                errors=c[Severity.ERROR],
                warnings=c[Severity.WARNING],
                notes=c[Severity.INFO],
            )
        )
        for p in sorted(f.problems, key=Problem.severity_key):
            at = t("finding-line", line=p.line) if p.line else ""
            code = f"{p.code} {p.subject}：" if options.ids else ""
            severity = t(f"sev-{p.severity.value}")
            lines.append(t("finding", severity=severity, at=at, code=code, message=p.message))
    write_text(out, _text(options, *lines))


def comparison(comparison: Comparison | RubricComparison, out: IO[bytes], options: Options) -> None:
    if isinstance(comparison, RubricComparison):
        return rubric_changes(comparison, out, options)
    c = comparison
    head_a, head_b = c.a.label, c.b.label
    if head_a == head_b:  # the same county and year: told apart by rubric, else by file
        ra, rb = c.a.result.rubric, c.b.result.rubric
        head_a, head_b = (
            (f"{head_a}（{ra.version}）", f"{head_b}（{rb.version}）")
            if not c.same_rubric
            else (f"{head_a}（{c.a.data.path.name}）", f"{head_b}（{c.b.data.path.name}）")
        )
    columns = [
        (t("col-kind"), "left"),
        (t("col-item"), "left"),
        (head_a, "right"),
        (head_b, "right"),
        (t("col-change"), "right"),
        (t("col-unit"), "left"),
    ]
    table = _table(f"{head_a} → {head_b}", columns)
    for x in c.lines:
        item = x.title + (f" [{x.id}]" if options.ids else "")
        a = "—" if x.a is None or x.a_top is None else span(x.a, x.a_top)
        b = "—" if x.b is None or x.b_top is None else span(x.b, x.b_top)
        both = x.change_range
        change = _chg(x.change)
        if both is not None and x.change is None:  # a range: each end signed, 0 written out
            low, high = (_chg(v) or "0" for v in both)
            change = t("change-range", low=low, high=high)
        table.add_row(t(f"line-{x.kind}"), item, a, b, change, x.unit)
    notes = [t("compare-changed-only")] if c.changed_only else []
    versions = {"a": c.a.result.rubric, "b": c.b.result.rubric}
    for side, other in (("a", "b"), ("b", "a")):
        label = f"{versions[side].id} {versions[side].version}"
        other = f"{versions[other].id} {versions[other].version}"
        nodes = [u.title + (f" [{u.id}]" if options.ids else "") for u in c.unmatched if u.side == side]
        if nodes:
            notes.append(t(f"compare-unmatched-{side}", rubric=label, other=other, nodes="；".join(nodes)))
    if c.renamed:
        notes.append(t("compare-renamed", pairs="；".join(f"{x} → {y}" for x, y in c.renamed)))
    write_text(out, _text(options, table, *notes))


def rubric_changes(c: RubricComparison, out: IO[bytes], options: Options) -> None:
    """What changed from one rubric to the other, a row per change: before → after."""
    from rich import box
    from rich.table import Table

    table = Table(
        title=f"{c.a_label} → {c.b_label}",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column(t("col-kind"), no_wrap=True)
    for key, share in (("col-item", 2), ("col-before", 3), ("col-after", 3), ("col-what", 2)):
        table.add_column(t(key), overflow="fold", ratio=share)
    for x in c.changes:
        item = x.title + (f" [{x.id}]" if options.ids and x.id != x.title else "")
        table.add_row(t(f"change-{x.kind}"), item, x.before or "—", x.after or "—", x.detail)
    write_text(out, _text(options, table if c.changes else t("compare-no-changes")))


def explanation(explanation: Explanation, out: IO[bytes], options: Options) -> None:
    e = explanation
    r = e.result
    key = "explain-deduction-points" if r.type is NodeType.DEDUCTION else "explain-points"
    lines = [t(key, node=r.label + (f"  [{r.id}]" if options.ids else ""), points=fmt(r.max))]
    if e.path:
        lines.append(t("explain-where", path=" › ".join(a.label for a in e.path)))
    lines.append(t("explain-rule", rule=e.rule))
    if r.node.note:
        lines.append(t("explain-note", note=r.node.note))
    if r.node.assumed:
        lines.append(t("explain-assumed"))
    if e.inputs:
        lines.append(t("explain-inputs"))
        for i in e.inputs:
            at = t("explain-line", line=i.line) if i.line else ""
            lines.append(t("explain-input", title=i.title, key=i.key, line=at, value=i.value))
    claimed = "" if r.claimed is None else t("explain-claimed", claimed=fmt(r.claimed))
    shown = span(r.score, r.top, r.places) if r.status == "scored" else t("not-applicable-short")
    lines += [t("explain-score", score=shown, claimed=claimed), t("explain-why", why=r.explanation)]
    if r.gap:
        lines.append(t("explain-fix", fix=r.gap))
    write_text(out, _text(options, *lines))
