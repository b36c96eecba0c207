"""CSV: one row per node, county, finding or compared quantity, for spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import IO, Any

from selfeval.batch import Ranking
from selfeval.choices import Format
from selfeval.compare import Comparison, RubricComparison
from selfeval.i18n import t
from selfeval.numbers import fmt
from selfeval.outputs import records
from selfeval.outputs.base import Findings, FormatSpec, Options, formula_like, write_text
from selfeval.pipeline import Evaluation
from selfeval.problems import Problem
from selfeval.wording import grades

SCORE_FIELDS = [
    "id",
    "number",
    "title",
    "type",
    "depth",
    "max",
    "score",
    "score_max",
    "claimed",
    "differs",
    "assumed",
    "status",
    "explanation",
]
FINDING_FIELDS = ["file", "line", "col", "severity", "code", "subject", "message", "stated", "expected"]


BOM = "\ufeff"
"""Excel on a Chinese Windows reads a CSV as GBK unless it starts with this."""


def _compared(p: Problem) -> tuple[str, str]:
    return p.values.get("stated", ""), p.values.get("expected", "")


def _inert_cell(value: Any) -> Any:
    """A cell for a spreadsheet, header or data: text that Excel would run as a formula gets a
    leading apostrophe, as spreadsheets themselves mark text; numbers stay numbers."""
    return "'" + value if formula_like(value) else value


def _cell(field: str, value: Any) -> Any:
    """A ranking field flat for a spreadsheet: lists joined, an adjustment as before→after (why)."""
    if field in ("duplicate_of", "duplicates"):
        return ";".join(value)
    if field == "adjustments":
        return ";".join(f"{a['label']}: {a['before']}→{a['after']}（{a['reason']}）" for a in value)
    if field == "not_applied":
        return ";".join(f"{x['node'] or '—'}: {t('adjust-refused', why=x['why'])}（{x['ledger']}）" for x in value)
    return value


SPEC = FormatSpec(format=Format.CSV, suffixes=(".csv",), binary=False)
"""Comma-separated values, a header row first. On standard output the header is the stable
    field names, for programs; in a file (``--out``) it is in the run's language and the file
    starts with a byte-order mark, so Excel opens it as UTF-8."""


def _table(options: Options, fields: Sequence[str], rows: Iterable[Sequence[Any]], header: Sequence[str] = ()) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n" if options.to_file else "\n")
    head = header or ([t(f"csv-{f}") for f in fields] if options.to_file else fields)
    # a header cell is as inert as any other: a ranking's columns are titles from a rubric
    w.writerow([_inert_cell(h) for h in head] if options.to_file else head)
    for row in rows:
        w.writerow(["" if v is None else (_inert_cell(v) if options.to_file else v) for v in row])
    return (BOM if options.to_file else "") + out.getvalue()


def score(ev: Evaluation, out: IO[bytes], options: Options) -> None:
    r = ev.result
    p = r.rubric.rounding.places
    rows: list[list[Any]] = [
        [
            n.id,
            n.node.number or "",
            n.node.title,
            n.type.value,
            n.depth,
            fmt(n.max),
            fmt(n.score, p),
            fmt(n.top, p),
            None if n.claimed is None else fmt(n.claimed),
            "yes" if n.differs else "",
            "yes" if n.node.assumed else "",
            n.status,
            n.explanation,
        ]
        for n in r.walk()
    ]
    claimed = None if r.claimed_total is None else fmt(r.claimed_total)
    grade = grades(r.grade, r.grade_high)
    total = ["total", "", "总分", "", "", fmt(r.total_max), fmt(r.total, p), fmt(r.total_high, p), claimed]
    rows.append([*total, "", "", "", grade])
    write_text(out, _table(options, SCORE_FIELDS, rows))


def ranking(ranking: Ranking, out: IO[bytes], options: Options) -> None:
    fields = records.RANK_FIELDS
    rows = records.ranking_rows(ranking)
    parts = list(dict.fromkeys(s["label"] for r in rows for s in r["sections"]))  # each rubric's, in order
    lines = []
    for row in rows:
        cells = [_cell(k, row[k]) for k in fields]
        got = {s["label"]: _span(s["score"], s["score_max"]) for s in row["sections"]}
        lines.append([*cells, *(got.get(label) for label in parts)])
    header = [t(f"csv-{f}") for f in fields] if options.to_file else fields
    write_text(out, _table(options, fields, lines, [*header, *parts]))


def findings(findings: Findings, out: IO[bytes], options: Options) -> None:
    rows = (
        [p.path, p.line, p.col, p.severity.value, p.code, p.subject, p.message, *_compared(p)]
        for p in findings.problems
    )
    write_text(out, _table(options, FINDING_FIELDS, rows))


RUBRIC_CHANGE_FIELDS = ["kind", "id", "title", "before", "after", "detail"]


def comparison(comparison: Comparison | RubricComparison, out: IO[bytes], options: Options) -> None:
    if isinstance(comparison, RubricComparison):
        changes = ([getattr(x, f) for f in RUBRIC_CHANGE_FIELDS] for x in comparison.changes)
        write_text(out, _table(options, RUBRIC_CHANGE_FIELDS, changes))
        return
    fields = records.COMPARE_FIELDS
    spans = {"a": "a_range", "b": "b_range", "change": "change_range"}  # a range as 44.9–99.9, never its low end
    rows = (
        [_span(*row[spans[k]]) if k in spans and row[spans[k]] else row[k] for k in fields]
        for row in records.comparison_rows(comparison)
    )
    write_text(out, _table(options, fields, rows))


def _span(low: Any, high: Any) -> Any:
    """A subtotal as a number, or when unknown inputs leave a range, the range as text."""
    return low if low == high else f"{low}–{high}"
