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
from selfeval.i18n import t
from selfeval.models.rubric import NodeType
from selfeval.numbers import quantize
from selfeval.outputs.base import Report, Reporter
from selfeval.pipeline import Evaluation

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

EPOCH = dt.datetime(2000, 1, 1)
"""The creation date written into every workbook: a fixed one, so files are reproducible."""


def _n(value: Decimal | None) -> float | None:
    """Excel holds numbers as doubles; scores have few places, so nothing is lost."""
    return None if value is None else float(value)


class _Book:
    """A workbook with the formats a 评分表 uses."""

    def __init__(self, title: str) -> None:
        import xlsxwriter

        self.buffer = io.BytesIO()
        self.book: Workbook = xlsxwriter.Workbook(self.buffer, {"in_memory": True})
        self.book.set_properties({"title": title, "author": "selfeval", "created": EPOCH})
        self.head = self.book.add_format({"bold": True, "bottom": 1, "bg_color": "#F2F2F2", "text_wrap": True})
        self.number = self.book.add_format({"num_format": "0.##"})
        self.bold_number = self.book.add_format({"num_format": "0.##", "bold": True})
        self.text = self.book.add_format({"text_wrap": True, "valign": "top"})
        self.indents = [self.book.add_format({"indent": i, "text_wrap": True, "valign": "top"}) for i in range(6)]
        self.bold = self.book.add_format({"bold": True, "text_wrap": True, "valign": "top"})

    def sheet(self, name: str, headers: list[str], widths: list[int]) -> Worksheet:
        ws = self.book.add_worksheet(name)
        for col, (header, width) in enumerate(zip(headers, widths, strict=True)):
            ws.write(0, col, header, self.head)
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


class XlsxReporter(Reporter):
    """Excel workbooks."""

    format = Format.XLSX
    suffixes = (".xlsx",)

    def score(self, ev: Evaluation, out: IO[bytes]) -> None:
        r = ev.result
        book = _Book(f"{ev.label} {r.rubric.title}")
        headers = [t(k) for k in ("col-number", "col-title", "col-points", "col-score", "col-claimed")]
        headers += [t("col-differs"), t("col-explanation")]
        ws = book.sheet(t("sheet-score"), headers, [8, 46, 8, 8, 8, 8, 70])
        row = 1
        for n in r.walk():
            top = n.depth == 0
            sign = -1 if n.type is NodeType.DEDUCTION else 1
            score = _n(n.rounded * sign) if n.status == "scored" else t("not-applicable-short")
            claimed = None if n.claimed is None else _n(n.claimed * sign)
            differs = None if n.claimed is None else _n((n.claimed - n.rounded) * sign)
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
        totals: list[tuple[str, Decimal, Decimal, Decimal | None]] = [
            ("col-standard", r.standard_max, r.standard, None),
            ("col-bonus", r.bonus_max, r.bonus, None),
            ("col-deduction", r.deduction_max, -r.deduction, None),
            ("col-total", r.total_max, r.total, r.claimed_total),
        ]
        for key, points, value, stated in totals:
            book.cell(ws, row, 1, t(key), book.bold)
            book.cell(ws, row, 2, _n(points), book.bold_number)
            book.cell(ws, row, 3, _n(quantize(value, p)), book.bold_number)
            book.cell(ws, row, 4, _n(stated), book.bold_number)
            if stated is not None and stated != r.total:
                book.cell(ws, row, 5, _n(stated - r.total))
            row += 1
        book.cell(ws, row, 1, t("col-grade"), book.bold)
        book.cell(ws, row, 3, r.grade, book.bold)
        ws.autofilter(0, 0, row - 5, len(headers) - 1)
        out.write(book.close())

    def report(self, report: Report, out: IO[bytes]) -> None:
        """The document a form files as a sheet (the project table); else the 评分表."""
        ev = report.evaluation
        view = ev.form.view_model(ev.result, ev.findings, ev.provenance, report.options)
        sheet = view.get("sheet")
        if sheet is None:
            self.score(ev, out)
            return
        book = _Book(sheet["title"])
        ws = book.book.add_worksheet(t("sheet-table"))
        header: list[str] = sheet["header"]
        last = len(header) - 1
        title = book.book.add_format({"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"})
        boxed = book.book.add_format({"border": 1, "text_wrap": True, "valign": "vcenter", "align": "center"})
        boxed_number = book.book.add_format({"border": 1, "num_format": "0.##", "align": "center"})
        head = book.book.add_format(
            {"border": 1, "bold": True, "text_wrap": True, "align": "center", "bg_color": "#F2F2F2"}
        )
        ws.merge_range(0, 0, 0, last, sheet["title"], title)
        row = 1
        for cells in sheet["before"]:  # 项目名称…, the budget block: the last cell spans the rest
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
        for cells in sheet["rows"]:
            for col, value in enumerate(cells):
                book.cell(ws, row, col, value, boxed_number if isinstance(value, (int, float)) else boxed)
            row += 1
        top = start  # 一级指标 over its rows, as on the printed form: an empty first cell continues the one above
        for r in range(start + 1, row + 1):
            if r == row or sheet["rows"][r - start][0]:
                if r - 1 > top:
                    ws.merge_range(top, 0, r - 1, 0, sheet["rows"][top - start][0], boxed)
                top = r
        for col, width in enumerate((14, 14, 24, 12, 12, 7, 7, 30)[: len(header)]):
            ws.set_column(col, col, width)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        out.write(book.close())
