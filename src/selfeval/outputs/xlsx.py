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
from selfeval.i18n import msg, t
from selfeval.models.rubric import NodeType
from selfeval.numbers import quantize, span
from selfeval.outputs.base import (
    CELL_LIMIT,
    PROPERTY_LIMIT,
    Findings,
    FormatSpec,
    Options,
    Report,
    fit,
    formula_like,
    xml_safe,
)
from selfeval.pipeline import Evaluation
from selfeval.problems import Problem
from selfeval.wording import grades

if TYPE_CHECKING:
    from xlsxwriter.format import Format as CellFormat
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
    """A workbook with the formats a 评分表 uses. Every text goes in through :meth:`string`:
    text, never a formula, and no longer than a cell holds."""

    def __init__(self, title: str, options: Options) -> None:
        import xlsxwriter

        self.options = options
        self.buffer = io.BytesIO()
        # write() would make a formula of "=…" and a link of "http…": only string() decides what text is
        settings = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        self.book: Workbook = xlsxwriter.Workbook(self.buffer, settings)
        title = fit(xml_safe(title), PROPERTY_LIMIT, msg("limit-xlsx-property", name=msg("prop-title")), options)
        self.book.set_properties({"title": title, "author": "selfeval", "created": EPOCH})
        self._props: dict[int, dict[str, Any]] = {}
        self._quoted: dict[int, CellFormat] = {}
        self.head = self.format({"bold": True, "bottom": 1, "bg_color": "#F2F2F2", "text_wrap": True})
        self.number = self.format({"num_format": "0.##"})
        self.bold_number = self.format({"num_format": "0.##", "bold": True})
        self.text = self.format({"text_wrap": True, "valign": "top"})
        self.indents = [self.format({"indent": i, "text_wrap": True, "valign": "top"}) for i in range(6)]
        self.bold = self.format({"bold": True, "text_wrap": True, "valign": "top"})

    def format(self, props: dict[str, Any]) -> CellFormat:
        """A cell format, remembered so that :meth:`string` can add the quote prefix to it."""
        made: CellFormat = self.book.add_format(props)
        self._props[id(made)] = props
        return made

    def sheet(self, name: str, headers: list[str], widths: list[int]) -> Worksheet:
        ws = self.book.add_worksheet(name)
        for col, (header, width) in enumerate(zip(headers, widths, strict=True)):
            self.string(ws, 0, col, header, self.head)  # a county's name heads a column
            ws.set_column(col, col, width)
        ws.freeze_panes(1, 0)
        return ws

    def string(self, ws: Worksheet, row: int, col: int, text: str, fmt: CellFormat) -> None:
        """Text in a cell. ``write_string`` keeps "=…" text, never a formula; the quote prefix
        keeps it text when someone edits the cell, as a typed apostrophe would."""
        from xlsxwriter.utility import xl_rowcol_to_cell

        where = msg("limit-xlsx-cell", sheet=ws.name, cell=xl_rowcol_to_cell(row, col))
        text = fit(text, CELL_LIMIT, where, self.options)
        ws.write_string(row, col, text, self._quote(fmt) if formula_like(text) else fmt)

    def _quote(self, fmt: CellFormat) -> CellFormat:
        key = id(fmt)
        if key not in self._quoted:
            self._quoted[key] = self.book.add_format({**self._props[key], "quote_prefix": True})
        return self._quoted[key]

    def cell(self, ws: Worksheet, row: int, col: int, value: Any, fmt: Any = None) -> None:
        if value is None or value == "":
            ws.write_blank(row, col, None, fmt)
        elif isinstance(value, (int, float)):
            ws.write_number(row, col, value, fmt or self.number)
        else:
            self.string(ws, row, col, str(value), fmt or self.text)

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
    book = _Book(t("sheet-findings"), options)
    _findings_sheet(book, sorted(findings.problems, key=Problem.position_key))
    out.write(book.close())


def ranking(ranking: Ranking, out: IO[bytes], options: Options) -> None:
    """The province's workbook: the ranking, an indicator × county matrix per rubric, every
    finding and the reviewer's adjustments."""
    book = _Book(t("ranking-title"), options)
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
    found = [p for r in ranking.rows for p in (r.problems if r.failed else r.findings)]
    _findings_sheet(book, [*found, *(p for of_rubric in ranking.rubric_findings.values() for p in of_rubric)])
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


def _ledger(book: _Book, ranking: Ranking) -> None:
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
            cells = [row.name, row.year, a.label, _n(a.before), _n(a.after), c.entry.reason, c.reviewer, c.date]
            lines.append([*cells, c.entry.evidence or "", c.where, t("adjust-applied")])
        for x in row.refused:
            cells = [row.name, row.year, x.node, None, None, x.reason, "", "", ""]
            lines.append([*cells, x.where, t("adjust-refused", why=x.why)])
    for i, cells in enumerate(lines, 1):
        for col, value in enumerate(cells):
            book.cell(ws, i, col, value)


def score(ev: Evaluation, out: IO[bytes], options: Options) -> None:
    r = ev.result
    book = _Book(f"{ev.label} {r.rubric.title}", options)
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
    book = _Book(sheet.title, options)
    ws = book.book.add_worksheet(t("sheet-table"))
    if report.options.draft:  # on every printed page: a draft must not pass for the copy to file
        ws.set_header('&C&"Bold"&14&KFF0000' + t("draft-mark", n=report.options.draft))
    header = sheet.header
    last = len(header) - 1
    title = book.format({"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"})
    boxed = book.format({"border": 1, "text_wrap": True, "valign": "vcenter", "align": "center"})
    boxed_number = book.format({"border": 1, "num_format": "0.##", "align": "center"})
    head = book.format({"border": 1, "bold": True, "text_wrap": True, "align": "center", "bg_color": "#F2F2F2"})
    # a merged range is made blank, then its text goes in as any other's
    ws.merge_range(0, 0, 0, last, "", title)
    book.string(ws, 0, 0, sheet.title, title)
    row = 1
    for cells in sheet.before:  # 项目名称…, the budget block: the last cell spans the rest
        for col, value in enumerate(cells):
            if col == len(cells) - 1 and col < last:
                ws.merge_range(row, col, row, last, "", boxed)
            book.cell(ws, row, col, value, boxed_number if isinstance(value, (int, float)) else boxed)
        row += 1
    row += 1
    for col, name in enumerate(header):
        book.string(ws, row, col, name, head)
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
                book.string(ws, top, 0, str(sheet.rows[top - start][0]), boxed)
            top = r
    for col, width in enumerate((14, 14, 24, 12, 12, 7, 7, 30)[: len(header)]):
        ws.set_column(col, col, width)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    out.write(book.close())
