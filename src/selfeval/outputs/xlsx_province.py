"""Excel for many counties: the province's workbook (ranking, indicator × county matrix,
findings, the reviewer's ledger) and the findings of an audit as a sheet.

Shares the workbook and its formats with :mod:`selfeval.outputs.xlsx`.
"""

from __future__ import annotations

from typing import IO, Any

from selfeval.batch import Ranking, Row, matrix
from selfeval.i18n import t
from selfeval.outputs.base import Findings, Options
from selfeval.outputs.xlsx import Book, as_number, score_cell
from selfeval.problems import Problem


def _findings_sheet(book: Book, problems: list[Problem]) -> None:
    """Every finding, located, one per row."""
    headers = [t(k) for k in ("col-file", "col-line", "col-severity", "col-code", "col-message")]
    headers += [t("col-stated"), t("col-expected")]
    ws = book.sheet(t("sheet-findings"), headers, [28, 6, 8, 18, 80, 10, 10])
    for row, f in enumerate(problems, 1):
        cells = [f.path, f.line or None, t(f"sev-{f.severity.value}"), f.code, f.message]
        cells += [f.values.get("stated", ""), f.values.get("expected", "")]
        for col, value in enumerate(cells):
            book.cell(ws, row, col, value)
    ws.autofilter(0, 0, max(len(problems), 1), len(headers) - 1)


def findings(findings: Findings, out: IO[bytes], options: Options) -> None:
    book = Book(t("sheet-findings"), options)
    _findings_sheet(book, sorted(findings.problems, key=Problem.position_key))
    out.write(book.close())


def ranking(ranking: Ranking, out: IO[bytes], options: Options) -> None:
    """The province's workbook: the ranking, an indicator × county matrix per rubric, every
    finding and the reviewer's adjustments."""
    book = Book(t("ranking-title"), options)
    scored = [r for r in ranking.rows if r.ranked]  # a copy of a county's year is listed, not mapped
    headers = [t(k) for k in ("col-rank", "col-county", "col-year", "col-total", "col-grade", "col-claimed")]
    headers += [t("col-claimed-minus"), t("col-audit-errors"), t("col-adjust-count"), t("col-note")]
    headers += [t("csv-rubric"), t("col-file")]
    ws = book.sheet(t("sheet-ranking"), headers, [6, 14, 6, 8, 6, 8, 10, 8, 8, 30, 26, 30])
    for i, row in enumerate(ranking.rows, 1):
        notes = [t("ranking-failed-short")] if row.failed else []
        if row.duplicate_of is not None:
            notes.append(t("duplicate-unranked-short", ranked=row.duplicate_of))
        if row.duplicates:
            notes.append(t("duplicates-note", others="、".join(row.duplicates)))
        if row.refused and row.ranked:
            notes.append(t("refused-note", n=len(row.refused)))
        note = "；".join(notes)
        total = None if row.total is None else score_cell(row.total, row.total_high or row.total, row.places)
        cells = [row.rank, row.name or None, row.year, total, row.grade, as_number(row.claimed_total)]
        cells += [as_number(row.claimed_minus_computed), row.audit_errors, len(row.adjustments) or None, note]
        cells += [row.rubric, row.path]
        for col, value in enumerate(cells):
            book.cell(ws, i, col, value)
    ws.autofilter(0, 0, max(len(ranking.rows), 1), len(headers) - 1)
    for n, rubric in enumerate(ranking.rubrics, 1):
        rows = [r for r in scored if r.rubric == rubric]
        name = t("sheet-matrix") if len(ranking.rubrics) == 1 else f"{t('sheet-matrix')}{n}"
        _matrix(book, name, rubric, rows)
    found = [p for r in ranking.rows for p in (r.problems if r.failed else r.findings)]
    _findings_sheet(book, [*found, *(p for of_rubric in ranking.rubric_findings.values() for p in of_rubric)])
    _ledger(book, ranking)
    out.write(book.close())


def _matrix(book: Book, name: str, rubric: str, rows: list[Row]) -> None:
    """Each node's score per county, coloured by the share of its points: weak indicators
    stand out across the province."""
    headers = [t("col-number"), t("col-title"), t("col-points"), *(r.name for r in rows)]
    ws = book.sheet(name, headers, [8, 40, 6, *(10 for _ in rows)])
    lines = matrix(rows)
    first = [cell for cell, _ in lines]
    for i, (cell, theirs) in enumerate(lines, 1):
        book.cell(ws, i, 0, cell.label.split(" ", 1)[0] if cell.label[:1].isdigit() else "")
        book.cell(ws, i, 1, cell.label, book.bold if cell.depth == 0 else book.indents[min(cell.depth, 5)])
        book.cell(ws, i, 2, as_number(cell.max))
        for col, (row, mine) in enumerate(zip(rows, theirs, strict=True), 3):
            book.cell(ws, i, col, None if mine is None else score_cell(mine.score, mine.high, row.places))
    if rows and first:
        # green for full marks, red for none: a colour scale over each node's share of its points;
        # on a deduction node the score is points taken off, so none taken off is green
        last = len(first)
        for i, cell in enumerate(first, 1):
            good, bad = ("#F8696B", "#63BE7B") if cell.deduction else ("#63BE7B", "#F8696B")
            if cell.max:
                ws.conditional_format(
                    i,
                    3,
                    i,
                    2 + len(rows),
                    {
                        "type": "3_color_scale",
                        "min_type": "num",
                        "min_value": 0,
                        "mid_type": "num",
                        "mid_value": float(cell.max) / 2,
                        "max_type": "num",
                        "max_value": float(cell.max),
                        "min_color": bad,
                        "mid_color": "#FFEB84",
                        "max_color": good,
                    },
                )
        ws.freeze_panes(1, 3)
        book.string(ws, last + 2, 1, rubric, book.text)


def _ledger(book: Book, ranking: Ranking) -> None:
    """The ledger as applied: each change before → after, and each entry not applied with why."""
    headers = [t("col-county"), t("col-year"), t("col-title"), t("col-before"), t("col-after"), t("col-reason")]
    headers += [t("col-reviewer"), t("col-date"), t("col-evidence"), t("col-ledger"), t("csv-status")]
    ws = book.sheet(t("sheet-ledger"), headers, [12, 6, 36, 8, 8, 50, 16, 12, 30, 24, 40])
    lines: list[list[Any]] = []
    for row in ranking.rows:
        if not row.ranked:
            continue
        for a in row.adjustments:
            c = a.change
            cells = [row.name, row.year, a.label, as_number(a.before), as_number(a.after), c.entry.reason]
            cells += [c.reviewer, c.date]
            lines.append([*cells, c.entry.evidence or "", c.where, t("adjust-applied")])
        for x in row.refused:
            cells = [row.name, row.year, x.node, None, None, x.reason, "", "", ""]
            lines.append([*cells, x.where, t("adjust-refused", why=x.why)])
    for i, cells in enumerate(lines, 1):
        for col, value in enumerate(cells):
            book.cell(ws, i, col, value)
