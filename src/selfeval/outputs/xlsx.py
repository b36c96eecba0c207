"""Excel: the county's workbooks as an office prints and files them.

``score --out 评分表.xlsx`` writes the 评分表: a title row (「平罗县2020年度困难群众救助工作绩效自评评分表」,
from the county, the year and the work the rubric's title names), the county, year and 成文日期, then
the scored tree, shown by indentation, and the totals. ``report --out 自评表.xlsx`` writes a form's own
table where the form is a table (the project table), in the printed form's proportions.

Every sheet is set up for print: A4, one page wide (unless that would shrink the text past
reading), the header row on every page, centred, 「第 1 页 共 2 页」 in the footer, and a draft's
【草稿：尚有N处待填】 in the header of every page. XlsxWriter does not fit row heights to wrapped
text (Excel does not either when it opens a file, nor LibreOffice under merged cells), so each
row's height is reckoned from its text's length over its cell's width.

Numbers stay numbers, in the format ``General``: 18, 6.5 and 0.25 show as written in Excel and
LibreOffice alike, where ``0.##`` shows 「18.」 in Excel.

Written with XlsxWriter, whose files carry no clock when their creation date is given:
the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
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

NUMBER_FORMAT = "General"
"""How a number shows: 18, 6.5, 0.25 as written, in Microsoft Excel and LibreOffice alike. ``0.##``
leaves a bare point in Excel (「18.」); General never does, and a score's few places are far
within the 11 digits it shows. One format for every cell, so a column of mixed values stays one style."""

A4 = 9
"""XlsxWriter's paper code for A4."""
PAGE_UNITS = {False: 140.0, True: 95.0}
"""Column-width units a landscape (False) or portrait (True) A4 page holds at full size, within
the margins set below (a unit is a digit's width at 11 points, with each column's padding)."""
SMALLEST = 0.5
"""The smallest scale a sheet is fitted to one page wide at; wider sheets print across pages."""
LINE_POINTS = 16.0
"""The height of one line of 11-point text in a row, with a CJK font's line spacing (Excel's
default row is 15 points for Latin text; Chinese fonts need a little more)."""
WIDE = 2.1
"""Column-width units a CJK character takes at 11 points (a digit takes one): Excel shows one
at 15 pixels beside a digit's 7. LibreOffice draws it narrower (about 1.75), so its rows have a
little room to spare: never a line cut off in either."""


def text_units(text: str) -> float:
    """The width of ``text`` in column-width units: a CJK or full-width character about two."""
    return sum(WIDE if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def lines_in(text: str, width: float, size: float = 11) -> int:
    """How many lines ``text`` wraps to in a cell ``width`` units wide at ``size`` points: each
    paragraph over the width less the cell's padding."""
    room = max(width - 1.0, 1.0)
    scale = size / 11
    return sum(max(1, math.ceil(text_units(part) * scale / room)) for part in text.split("\n")) if text else 1


def row_height(cells: Iterable[tuple[str, float]], size: float = 11) -> float:
    """The height in points a row needs for its tallest wrapped cell (text, width in units)."""
    most = max((lines_in(text, width, size) for text, width in cells), default=1)
    return round(most * LINE_POINTS * size / 11 + 2, 1)


_YEAR = re.compile(r"^\s*\d{4}\s*年度?")
_WHOSE = re.compile(r"^(?:全[省区市])?(?:各)?(?:县[（(][^）)]*[）)]|县市区|市县区?|县区|市、县)")
_AFTER_WORK = re.compile("绩效|考评|考核|评价|评分|指标|细则|办法")


def work_of(rubric_title: str) -> str:
    """The work a rubric scores, as a title names it: 困难群众救助工作 from
    「2020年度县（市、区）困难群众救助工作绩效考评指标及评分标准」 (the year and whose work taken off)."""
    text = _WHOSE.sub("", _YEAR.sub("", rubric_title.strip()))
    return _AFTER_WORK.split(text, maxsplit=1)[0].strip()


def sheet_title(name: str, year: int, rubric_title: str) -> str:
    """「平罗县2020年度困难群众救助工作绩效自评评分表」."""
    return t("xlsx-score-title", name=name, year=year, work=work_of(rubric_title))


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
        self._boxed: dict[int, CellFormat] = {}
        self.head = self.format(
            {"bold": True, "bottom": 1, "bg_color": "#F2F2F2", "text_wrap": True, "valign": "vcenter"}
        )
        self.number = self.format({"num_format": NUMBER_FORMAT, "valign": "top"})
        self.bold_number = self.format({"num_format": NUMBER_FORMAT, "bold": True, "valign": "top"})
        self.text = self.format({"text_wrap": True, "valign": "top"})
        self.indents = [self.format({"indent": i, "text_wrap": True, "valign": "top"}) for i in range(6)]
        self.bold = self.format({"bold": True, "text_wrap": True, "valign": "top"})
        self.title = self.format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
        self.byline = self.format({"valign": "vcenter"})
        self.byline_right = self.format({"align": "right", "valign": "vcenter"})
        self.mark = self.format({"bold": True, "font_color": "#FF0000"})

    def format(self, props: dict[str, Any]) -> CellFormat:
        """A cell format, remembered so that :meth:`string` can add the quote prefix to it."""
        made: CellFormat = self.book.add_format(props)
        self._props[id(made)] = props
        return made

    def sheet(
        self,
        name: str,
        headers: list[str],
        widths: Sequence[float],
        *,
        top: int = 0,
        draft: int = 0,
        boxed: bool = False,
    ) -> Worksheet:
        """A sheet whose header row is row ``top`` (the rows above are the caller's: a title),
        frozen under it, set up for print with it on every page; ``boxed``: ruled, as a printed table."""
        ws = self.book.add_worksheet(name)
        head = self.boxed(self.head) if boxed else self.head
        for col, (header, width) in enumerate(zip(headers, widths, strict=True)):
            self.string(ws, top, col, header, head)  # a county's name heads a column
            ws.set_column(col, col, width)
        ws.set_row(top, row_height(zip(headers, widths, strict=True)))
        ws.freeze_panes(top + 1, 0)
        self.page(ws, widths, head=top, draft=draft)
        return ws

    def page(
        self,
        ws: Worksheet,
        widths: Sequence[float],
        *,
        head: int | tuple[int, int] | None,
        portrait: bool = False,
        draft: int = 0,
        fit: bool | None = None,
    ) -> None:
        """Print set-up: A4, margins of about 1 cm, centred, one page wide unless that would
        shrink the text past reading (``fit`` decides it where the caller knows better), row
        ``head`` (or the rows from first to last) on every page, page numbers in the footer, and a
        draft's mark in the header of every page."""
        ws.set_paper(A4)
        if portrait:
            ws.set_portrait()
        else:
            ws.set_landscape()
        ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.7)
        ws.center_horizontally()
        if sum(widths) <= PAGE_UNITS[portrait] / SMALLEST if fit is None else fit:
            ws.fit_to_pages(1, 0)  # one page wide, as many pages long as it takes
        if isinstance(head, tuple):
            ws.repeat_rows(*head)
        elif head is not None:
            ws.repeat_rows(head)
        ws.set_footer("&C" + t("xlsx-page-of"))
        if draft:  # on every printed page: a draft must not pass for the copy to file
            ws.set_header('&C&"Bold"&14&KFF0000' + t("draft-mark", n=draft))

    def fit_row(self, ws: Worksheet, row: int, cells: Iterable[tuple[str, float]], size: float = 11) -> None:
        """Set row ``row`` tall enough for its wrapped text (each cell's text and width in units)."""
        ws.set_row(row, row_height(cells, size))

    def string(self, ws: Worksheet, row: int, col: int, text: str, fmt: CellFormat) -> None:
        """Text in a cell. ``write_string`` keeps "=…" text, never a formula; the quote prefix
        keeps it text when someone edits the cell, as a typed apostrophe would."""
        from xlsxwriter.utility import xl_rowcol_to_cell

        where = msg("limit-xlsx-cell", sheet=ws.name, cell=xl_rowcol_to_cell(row, col))
        text = fit(text, CELL_LIMIT, where, self.options)
        ws.write_string(row, col, text, self._quote(fmt) if formula_like(text) else fmt)

    def boxed(self, fmt: CellFormat) -> CellFormat:
        """``fmt`` with a thin border all round: a printed table's ruled cells."""
        key = id(fmt)
        if key not in self._boxed:
            self._boxed[key] = self.format({**self._props[key], "border": 1})
        return self._boxed[key]

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

WIDTHS = [8, 40, 7, 7, 7, 7, 60]
"""The 评分表's columns: 编号, 指标, 分值, 得分, 自评, 差额, 说明."""
BYLINE_COLUMNS = 3
"""The county and year take the first three columns of the line under the title; the date the rest."""


def score(ev: Evaluation, out: IO[bytes], options: Options) -> None:
    """The 评分表: title, county, year and date, then every node scored, and the totals."""
    r = ev.result
    subject = r.data.subject
    title = sheet_title(subject.name, subject.year, r.rubric.title)
    book = Book(title, options)
    headers = [t(k) for k in ("col-number", "col-title", "col-points", "col-score", "col-claimed")]
    headers += [t("col-differs"), t("col-explanation")]
    draft = len(ev.to_fill)
    ws = book.sheet(t("sheet-score"), headers, WIDTHS, top=2, draft=draft, boxed=True)
    _heading(book, ws, title, ev, draft)
    row = 3
    box = book.boxed
    for n in r.walk():
        top = n.depth == 0
        sign = -1 if n.type is NodeType.DEDUCTION else 1
        low, high = sorted((n.rounded * sign, quantize(n.top, n.places) * sign))
        score = score_cell(low, high, n.places) if n.status == "scored" else t("not-applicable-short")
        claimed = None if n.claimed is None else as_number(n.claimed * sign)
        differs = None if n.claimed is None or n.ranged else as_number((n.claimed - n.rounded) * sign)
        title = n.node.title + (" *" if n.node.assumed else "")
        indent = min(n.depth, 5)
        number = box(book.bold_number if top else book.number)
        book.cell(ws, row, 0, n.node.number or "", box(book.bold if top else book.text))
        book.cell(ws, row, 1, title, box(book.bold if top else book.indents[indent]))
        book.cell(ws, row, 2, as_number(n.max), number)
        book.cell(ws, row, 3, score, number)
        book.cell(ws, row, 4, claimed, number)
        book.cell(ws, row, 5, differs or None, box(book.number))
        book.cell(ws, row, 6, n.explanation, box(book.text))
        # an indent level takes about a character and a half of the title's column
        book.fit_row(ws, row, [(title, WIDTHS[1] - 1.5 * indent), (n.explanation, WIDTHS[6])])
        row += 1
    last_node = row - 1
    p = r.rubric.rounding.places
    totals: list[tuple[str, Decimal, Decimal, Decimal, Decimal | None]] = [
        ("col-standard", r.standard_max, r.standard, r.standard_high, None),
        ("col-bonus", r.bonus_max, r.bonus, r.bonus_high, None),
        ("col-deduction", r.deduction_max, -r.deduction, -r.deduction_low, None),
        ("col-total", r.total_max, r.total, r.total_high, r.claimed_total),
    ]
    bold, bold_number = box(book.bold), box(book.bold_number)
    for key, points, value, other, stated in totals:
        low, high = sorted((quantize(value, p), quantize(other, p)))
        gap = stated - r.total if stated is not None and stated != r.total and not r.ranged else None
        line = [None, t(key), as_number(points), score_cell(low, high, p), as_number(stated), as_number(gap), None]
        for col, cell in enumerate(line):
            book.cell(ws, row, col, cell, bold if col < 2 or col == 6 else bold_number)
        row += 1
    grade = [None, t("col-grade"), None, grades(r.grade, r.grade_high), None, None, None]
    for col, cell in enumerate(grade):
        book.cell(ws, row, col, cell, bold)
    ws.autofilter(2, 0, last_node, len(headers) - 1)
    out.write(book.close())


def _heading(book: Book, ws: Worksheet, title: str, ev: Evaluation, draft: int) -> None:
    """The title row across the sheet, and under it the county and year (left) and the date
    (right), a draft's mark before the date in red."""
    last = len(WIDTHS) - 1
    ws.merge_range(0, 0, 0, last, "", book.title)
    book.string(ws, 0, 0, title, book.title)
    book.fit_row(ws, 0, [(title, sum(WIDTHS))], size=16)
    subject = ev.result.data.subject
    ws.merge_range(1, 0, 1, BYLINE_COLUMNS - 1, "", book.byline)
    book.string(ws, 1, 0, t("xlsx-byline", name=subject.name, year=subject.year), book.byline)
    ws.merge_range(1, BYLINE_COLUMNS, 1, last, "", book.byline_right)
    day = ev.form.properties(ev.result).date
    dated = "" if day is None else t("xlsx-dated", year=day.year, month=day.month, day=day.day)
    if draft:
        mark = t("draft-mark", n=draft)
        parts = [book.mark, mark, "　" + dated] if dated else [book.mark, mark, " "]
        ws.write_rich_string(1, BYLINE_COLUMNS, *parts, book.byline_right)
    elif dated:
        book.string(ws, 1, BYLINE_COLUMNS, dated, book.byline_right)
    ws.set_row(1, LINE_POINTS + 4)


TABLE_WIDTHS = (16, 13, 24, 11, 11, 6, 7, 32)
"""The project table's columns, as the printed form proportions them."""


def spans(count: int, widths: Sequence[float]) -> list[tuple[int, int]]:
    """Where each cell of a line above a form's rows goes (first and last column), as the printed
    form lays it out: a label in the first column, then one value across the rest (项目名称); two
    values in halves of the rest (预期目标 and 实际完成情况); a value, a label and a value as two
    halves each led by its label (主管部门…实施单位…); more cells one column each, the last across
    the rest (the budget block)."""
    last = len(widths) - 1
    if count <= 1 or last < 2:
        return [(c, c if c < count - 1 else last) for c in range(count)]
    rest = widths[1:]
    half = sum(rest) / 2
    # the halves meet where the widths on either side are nearest equal
    split = min(range(2, last + 1), key=lambda k: abs(sum(widths[1:k]) - half))
    if count == 2:
        return [(0, 0), (1, last)]
    if count == 3:
        return [(0, 0), (1, split - 1), (split, last)]
    if count == 4 and split < last:
        return [(0, 0), (1, split - 1), (split, split), (split + 1, last)]
    return [(c, c) for c in range(count - 1)] + [(count - 1, last)]


def report(report: Report, out: IO[bytes], options: Options) -> None:
    """The document a form files as a sheet (the project table), as the printed form: one table
    under its title, on A4 portrait, one page wide; else the 评分表."""
    ev = report.evaluation
    sheet = ev.form.sheet(ev.form.view_model(ev.result, ev.findings, ev.provenance, report.options))
    if sheet is None:
        score(ev, out, options)
        return
    book = Book(sheet.title, options)
    ws = book.book.add_worksheet(t("sheet-table"))
    header = sheet.header
    last = len(header) - 1
    widths = [*TABLE_WIDTHS, *(12 for _ in range(len(header) - len(TABLE_WIDTHS)))][: len(header)]
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    title = book.format({"bold": True, "font_size": 14, "align": "center", "valign": "vcenter", "text_wrap": True})
    boxed = book.format({"border": 1, "text_wrap": True, "valign": "vcenter", "align": "center"})
    boxed_number = book.format({"border": 1, "num_format": NUMBER_FORMAT, "align": "center", "valign": "vcenter"})
    head = book.format(
        {"border": 1, "bold": True, "text_wrap": True, "align": "center", "valign": "vcenter", "bg_color": "#F2F2F2"}
    )

    def boxes(value: object) -> CellFormat:
        return boxed_number if isinstance(value, (int, float)) else boxed

    # a merged range is made blank, then its text goes in as any other's
    ws.merge_range(0, 0, 0, last, "", title)
    book.string(ws, 0, 0, sheet.title, title)
    book.fit_row(ws, 0, [(sheet.title, sum(widths))], size=14)
    row = 1
    for cells in sheet.before:  # 项目名称…, the budget block, 年度总体目标, as the form places them
        placed = spans(len(cells), widths)
        for value, (first, end) in zip(cells, placed, strict=True):
            if end > first:
                ws.merge_range(row, first, row, end, "", boxes(value))
            book.cell(ws, row, first, value, boxes(value))
        book.fit_row(ws, row, [(str(v), sum(widths[a : b + 1])) for v, (a, b) in zip(cells, placed, strict=True)])
        row += 1
    for col, name in enumerate(header):
        book.string(ws, row, col, name, head)
    book.fit_row(ws, row, zip(header, widths, strict=True))
    book.page(ws, widths, head=row, portrait=True, draft=report.options.draft)
    row += 1
    start = row
    for cells in sheet.rows:
        for col, value in enumerate(cells):
            book.cell(ws, row, col, value, boxes(value))
        book.fit_row(ws, row, [(str(v), w) for v, w in zip(cells[1:], widths[1:], strict=False)])
        row += 1
    top = start  # 一级指标 over its rows, as on the printed form: an empty first cell continues the one above
    for r in range(start + 1, row + 1):
        if r == row or sheet.rows[r - start][0]:
            if r - 1 > top:
                ws.merge_range(top, 0, r - 1, 0, "", boxed)
                book.string(ws, top, 0, str(sheet.rows[top - start][0]), boxed)
            top = r
    out.write(book.close())
