"""Excel: the score as a 评分表, numbers as numbers, the tree shown by indentation.

Written with XlsxWriter, whose files carry no clock when their creation date is given:
the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

from selfeval.choices import Format
from selfeval.i18n import msg, t
from selfeval.models.rubric import NodeType
from selfeval.numbers import quantize, span
from selfeval.outputs.base import (
    CELL_LIMIT,
    PROPERTY_LIMIT,
    FormatSpec,
    Options,
    Report,
    fit,
    formula_like,
    xml_safe,
)
from selfeval.pipeline import Evaluation
from selfeval.wording import grades

if TYPE_CHECKING:
    from xlsxwriter.format import Format as CellFormat
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

EPOCH = dt.datetime(2000, 1, 1)
"""The creation date written into every workbook: a fixed one, so files are reproducible."""


def as_number(value: Decimal | None) -> float | None:
    """Excel holds numbers as doubles; scores have few places, so nothing is lost."""
    return None if value is None else float(value)


def score_cell(low: Decimal, high: Decimal, places: int = 2) -> float | str:
    """A score as a number, or when an unknown input leaves a range, the range as text (people
    read it; a number would be a wrong one)."""
    return float(low) if low == high else span(low, high, places)


class Book:
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


SPEC = FormatSpec(format=Format.XLSX, suffixes=(".xlsx",), binary=True)
"""Excel workbooks: a county's 评分表, its table, or the province's workbook."""


def score(ev: Evaluation, out: IO[bytes], options: Options) -> None:
    r = ev.result
    book = Book(f"{ev.label} {r.rubric.title}", options)
    headers = [t(k) for k in ("col-number", "col-title", "col-points", "col-score", "col-claimed")]
    headers += [t("col-differs"), t("col-explanation")]
    ws = book.sheet(t("sheet-score"), headers, [8, 46, 8, 8, 8, 8, 70])
    row = 1
    for n in r.walk():
        top = n.depth == 0
        sign = -1 if n.type is NodeType.DEDUCTION else 1
        low, high = sorted((n.rounded * sign, quantize(n.top, n.places) * sign))
        score = score_cell(low, high, n.places) if n.status == "scored" else t("not-applicable-short")
        claimed = None if n.claimed is None else as_number(n.claimed * sign)
        differs = None if n.claimed is None or n.ranged else as_number((n.claimed - n.rounded) * sign)
        title = n.node.title + (" *" if n.node.assumed else "")
        book.cell(ws, row, 0, n.node.number or "", book.bold if top else book.text)
        book.cell(ws, row, 1, title, book.bold if top else book.indents[min(n.depth, 5)])
        book.cell(ws, row, 2, as_number(n.max), book.bold_number if top else None)
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
        book.cell(ws, row, 2, as_number(points), book.bold_number)
        book.cell(ws, row, 3, score_cell(low, high, p), book.bold_number)
        book.cell(ws, row, 4, as_number(stated), book.bold_number)
        if stated is not None and stated != r.total and not r.ranged:
            book.cell(ws, row, 5, as_number(stated - r.total))
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
    book = Book(sheet.title, options)
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
