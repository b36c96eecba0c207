"""Excel: the score as a 评分表, numbers as numbers, the tree shown by indentation.

Written with XlsxWriter, whose files carry no clock when their creation date is given:
the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

from selfeval.batch import Ranking, Row, matrix
from selfeval.choices import Format
from selfeval.i18n import t
from selfeval.models.rubric import NodeType
from selfeval.numbers import quantize, span
from selfeval.outputs.base import Findings, FormatSpec, Options, Report, xml_safe
from selfeval.pipeline import Evaluation
from selfeval.problems import Problem
from selfeval.wording import grades

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

EPOCH = dt.datetime(2000, 1, 1)
"""The creation date written into every workbook: a fixed one, so files are reproducible."""


def _n(value: Decimal | None) -> float | None:
    """Excel holds numbers as doubles; scores have few places, so nothing is lost."""
    return None if value is None else float(value)


def _score(low: Decimal, high: Decimal, places: int = 2) -> float | str:
    """A score as a number, or when an unknown input leaves a range, the range as text (people
    read it; a number would be a wrong one)."""
    return float(low) if low == high else span(low, high, places)


class _Book:
    """A workbook with the formats a 评分表 uses. Every text goes in with ``write_string``: a
    value from a file that starts with ``=`` stays text, never a formula."""

    def __init__(self, title: str) -> None:
        import xlsxwriter

        self.buffer = io.BytesIO()
        self.book: Workbook = xlsxwriter.Workbook(self.buffer, {"in_memory": True})
        self.book.set_properties({"title": xml_safe(title), "author": "selfeval", "created": EPOCH})
        self.head = self.book.add_format({"bold": True, "bottom": 1, "bg_color": "#F2F2F2", "text_wrap": True})
        self.number = self.book.add_format({"num_format": "0.##"})
        self.bold_number = self.book.add_format({"num_format": "0.##", "bold": True})
        self.text = self.book.add_format({"text_wrap": True, "valign": "top"})
        self.indents = [self.book.add_format({"indent": i, "text_wrap": True, "valign": "top"}) for i in range(6)]
        self.bold = self.book.add_format({"bold": True, "text_wrap": True, "valign": "top"})

    def sheet(self, name: str, headers: list[str], widths: list[int]) -> Worksheet:
        ws = self.book.add_worksheet(name)
        for col, (header, width) in enumerate(zip(headers, widths, strict=True)):
            ws.write_string(0, col, header, self.head)  # a county's name is text, never a formula
            ws.set_column(col, col, width)
        ws.freeze_panes(1, 0)
        return ws

    def cell(self, ws: Worksheet, row: int, col: int, value: Any, fmt: Any = None) -> None:
        if value is None or value == "":
            ws.write_blank(row, col, None, fmt)
        elif isinstance(value, (int, float)):
            ws.write_number(row, col, value, fmt or self.number)
        else:
            ws.write_string(row, col, str(value), fmt or self.text)

    def close(self) -> bytes:
        self.book.close()
        return self.buffer.getvalue()


def _findings_sheet(book: _Book, problems: list[Problem]) -> None:
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


SPEC = FormatSpec(format=Format.XLSX, suffixes=(".xlsx",), binary=True)
"""Excel workbooks: a county's 评分表, its table, or the province's workbook."""


def findings(findings: Findings, out: IO[bytes], options: Options) -> None:
    book = _Book(t("sheet-findings"))
    _findings_sheet(book, sorted(findings.problems, key=Problem.position_key))
    out.write(book.close())


def ranking(ranking: Ranking, out: IO[bytes], options: Options) -> None:
    """The province's workbook: the ranking, an indicator × county matrix per rubric, every
    finding and the reviewer's adjustments."""
    book = _Book(t("ranking-title"))
    scored = [r for r in ranking.rows if not r.failed]
    headers = [t(k) for k in ("col-rank", "col-county", "col-year", "col-total", "col-grade", "col-claimed")]
    headers += [t("col-claimed-minus"), t("col-audit-errors"), t("col-adjust-count"), t("col-note")]
    headers += [t("csv-rubric"), t("col-file")]
    ws = book.sheet(t("sheet-ranking"), headers, [6, 14, 6, 8, 6, 8, 10, 8, 8, 30, 26, 30])
    for i, row in enumerate(ranking.rows, 1):
        note = t("ranking-failed-short") if row.failed else ""
        if row.duplicates:
            note = t("duplicate-of", others="、".join(row.duplicates))
        total = None if row.total is None else _score(row.total, row.total_high or row.total, row.places)
        cells = [row.rank, row.name or None, row.year, total, row.grade, _n(row.claimed_total)]
        cells += [_n(row.claimed_minus_computed), row.audit_errors, len(row.adjustments) or None, note]
        cells += [row.rubric, row.path]
        for col, value in enumerate(cells):
            book.cell(ws, i, col, value)
    ws.autofilter(0, 0, max(len(ranking.rows), 1), len(headers) - 1)
    for n, rubric in enumerate(ranking.rubrics, 1):
        rows = [r for r in scored if r.rubric == rubric]
        name = t("sheet-matrix") if len(ranking.rubrics) == 1 else f"{t('sheet-matrix')}{n}"
        _matrix(book, name, rubric, rows)
    _findings_sheet(book, [p for r in ranking.rows for p in (r.problems if r.failed else r.findings)])
    _ledger(book, ranking)
    out.write(book.close())


def _matrix(book: _Book, name: str, rubric: str, rows: list[Row]) -> None:
    """Each node's score per county, coloured by the share of its points: weak indicators
    stand out across the province."""
    headers = [t("col-number"), t("col-title"), t("col-points"), *(r.name for r in rows)]
    ws = book.sheet(name, headers, [8, 40, 6, *(10 for _ in rows)])
    lines = matrix(rows)
    first = [cell for cell, _ in lines]
    for i, (cell, theirs) in enumerate(lines, 1):
        book.cell(ws, i, 0, cell.label.split(" ", 1)[0] if cell.label[:1].isdigit() else "")
        book.cell(ws, i, 1, cell.label, book.bold if cell.depth == 0 else book.indents[min(cell.depth, 5)])
        book.cell(ws, i, 2, _n(cell.max))
        for col, (row, mine) in enumerate(zip(rows, theirs, strict=True), 3):
            book.cell(ws, i, col, None if mine is None else _score(mine.score, mine.high, row.places))
    if rows and first:
        # green for full marks, red for none: a colour scale over each node's share of its points
        last = len(first)
        for i, cell in enumerate(first, 1):
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
                        "min_color": "#F8696B",
                        "mid_color": "#FFEB84",
                        "max_color": "#63BE7B",
                    },
                )
        ws.freeze_panes(1, 3)
        ws.write_string(last + 2, 1, rubric, book.text)


def _ledger(book: _Book, ranking: Ranking) -> None:
    headers = [t("col-county"), t("col-year"), t("col-title"), t("col-before"), t("col-after"), t("col-reason")]
    headers += [t("col-reviewer"), t("col-date"), t("col-evidence"), t("col-ledger")]
    ws = book.sheet(t("sheet-ledger"), headers, [12, 6, 36, 8, 8, 50, 16, 12, 30, 24])
    i = 1
    for row in ranking.rows:
        for a in row.adjustments:
            c = a.change
            cells = [row.name, row.year, a.label, _n(a.before), _n(a.after), c.entry.reason, c.reviewer, c.date]
            cells += [c.entry.evidence or "", c.where]
            for col, value in enumerate(cells):
                book.cell(ws, i, col, value)
            i += 1


def score(ev: Evaluation, out: IO[bytes], options: Options) -> None:
    r = ev.result
    book = _Book(f"{ev.label} {r.rubric.title}")
    headers = [t(k) for k in ("col-number", "col-title", "col-points", "col-score", "col-claimed")]
    headers += [t("col-differs"), t("col-explanation")]
    ws = book.sheet(t("sheet-score"), headers, [8, 46, 8, 8, 8, 8, 70])
    row = 1
    for n in r.walk():
        top = n.depth == 0
        sign = -1 if n.type is NodeType.DEDUCTION else 1
        low, high = sorted((n.rounded * sign, quantize(n.top, n.places) * sign))
        score = _score(low, high, n.places) if n.status == "scored" else t("not-applicable-short")
        claimed = None if n.claimed is None else _n(n.claimed * sign)
        differs = None if n.claimed is None or n.ranged else _n((n.claimed - n.rounded) * sign)
        title = n.node.title + (" *" if n.node.assumed else "")
        book.cell(ws, row, 0, n.node.number or "", book.bold if top else book.text)
        book.cell(ws, row, 1, title, book.bold if top else book.indents[min(n.depth, 5)])
        book.cell(ws, row, 2, _n(n.max), book.bold_number if top else None)
        book.cell(ws, row, 3, score, book.bold_number if top else None)
        book.cell(ws, row, 4, claimed, book.bold_number if top else None)
        book.cell(ws, row, 5, differs or None)
        book.cell(ws, row, 6, n.explanation)
        row += 1
    p = r.rubric.rounding.places
    totals: list[tuple[str, Decimal, Decimal, Decimal, Decimal | None]] = [
        ("col-standard", r.standard_max, r.standard, r.standard_high, None),
        ("col-bonus", r.bonus_max, r.bonus, r.bonus_high, None),
        ("col-deduction", r.deduction_max, -r.deduction, -r.deduction_low, None),
        ("col-total", r.total_max, r.total, r.total_high, r.claimed_total),
    ]
    for key, points, value, other, stated in totals:
        low, high = sorted((quantize(value, p), quantize(other, p)))
        book.cell(ws, row, 1, t(key), book.bold)
        book.cell(ws, row, 2, _n(points), book.bold_number)
        book.cell(ws, row, 3, _score(low, high, p), book.bold_number)
        book.cell(ws, row, 4, _n(stated), book.bold_number)
        if stated is not None and stated != r.total and not r.ranged:
            book.cell(ws, row, 5, _n(stated - r.total))
        row += 1
    book.cell(ws, row, 1, t("col-grade"), book.bold)
    book.cell(ws, row, 3, grades(r.grade, r.grade_high), book.bold)
    ws.autofilter(0, 0, row - 5, len(headers) - 1)
    out.write(book.close())


def report(report: Report, out: IO[bytes], options: Options) -> None:
    """The document a form files as a sheet (the project table); else the 评分表."""
    ev = report.evaluation
    sheet = ev.form.sheet(ev.form.view_model(ev.result, ev.findings, ev.provenance, report.options))
    if sheet is None:
        score(ev, out, options)
        return
    book = _Book(sheet.title)
    ws = book.book.add_worksheet(t("sheet-table"))
    header = sheet.header
    last = len(header) - 1
    title = book.book.add_format({"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"})
    boxed = book.book.add_format({"border": 1, "text_wrap": True, "valign": "vcenter", "align": "center"})
    boxed_number = book.book.add_format({"border": 1, "num_format": "0.##", "align": "center"})
    head = book.book.add_format(
        {"border": 1, "bold": True, "text_wrap": True, "align": "center", "bg_color": "#F2F2F2"}
    )
    ws.merge_range(0, 0, 0, last, "", title)
    ws.write_string(0, 0, sheet.title, title)  # write_string: text from a file is never a formula
    row = 1
    for cells in sheet.before:  # 项目名称…, the budget block: the last cell spans the rest
        for col, value in enumerate(cells):
            if col == len(cells) - 1 and col < last:
                ws.merge_range(row, col, row, last, "", boxed)
            book.cell(ws, row, col, value, boxed_number if isinstance(value, (int, float)) else boxed)
        row += 1
    row += 1
    for col, name in enumerate(header):
        ws.write_string(row, col, name, head)
    ws.repeat_rows(row)
    row += 1
    start = row
    for cells in sheet.rows:
        for col, value in enumerate(cells):
            book.cell(ws, row, col, value, boxed_number if isinstance(value, (int, float)) else boxed)
        row += 1
    top = start  # 一级指标 over its rows, as on the printed form: an empty first cell continues the one above
    for r in range(start + 1, row + 1):
        if r == row or sheet.rows[r - start][0]:
            if r - 1 > top:
                ws.merge_range(top, 0, r - 1, 0, "", boxed)
                ws.write_string(top, 0, str(sheet.rows[top - start][0]), boxed)
            top = r
    for col, width in enumerate((14, 14, 24, 12, 12, 7, 7, 30)[: len(header)]):
        ws.set_column(col, col, width)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    out.write(book.close())
