"""A workbook's sheets as grids, read with openpyxl.

A cell is read as Excel shows it: a number as the 15 digits Excel keeps (65.66, never
65.659999999999997), a percentage-formatted 0.95 as ``95%``, a date as ``2020-12-31``. A
formula is read by its saved result (the workbook is opened twice: once for the results, once
for the formulas, so a value can say which formula gave it); a formula saved without its result
is never worked out here: the cell is said to be unread, and why.

Before openpyxl builds a sheet in memory each sheet is counted row by row in its read-only mode,
so a workbook of 100,000 rows is refused after :data:`MAX_ROWS`, not read whole.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from selfeval.errors import InputError
from selfeval.forms.project_table.importer.grid import Cell, Grid, too_many
from selfeval.forms.project_table.messages import msg
from selfeval.numbers import as_written
from selfeval.problems import Problem, Severity

MAX_ROWS = 2_000
"""Most rows a sheet may have (a self-evaluation table has a few dozen)."""
MAX_SCANNED = 50_000
"""Most rows looked at, values or not."""
MAX_COLUMNS = 200
"""Columns read (a self-evaluation table has about ten); a value beyond them is refused, never dropped."""
MAX_MERGES = 5_000


def _number(value: float | int) -> Decimal:
    """A cell's number as Excel shows it: a double read to 15 significant digits."""
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(format(value, ".15g")).normalize() if value else Decimal(0)


def _plain(d: Decimal) -> str:
    text = as_written(d)
    return text.rstrip("0").rstrip(".") if "." in text else text


def shown(value: Any, number_format: str | None) -> tuple[str, Decimal | None]:
    """A cell's value as Excel shows it, and its number if it holds one."""
    if value is None:
        return "", None
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), None
    if isinstance(value, (int, float)):
        d = _number(value)
        if "%" in (number_format or ""):
            d = (d * 100).normalize()
            return f"{_plain(d)}%", d
        return _plain(d), d
    if isinstance(value, (dt.datetime, dt.date)):
        day = value.date() if isinstance(value, dt.datetime) else value
        return day.isoformat(), None
    if isinstance(value, dt.time):
        return value.isoformat(), None
    return str(value).strip(), None


def _formula(value: Any) -> str | None:
    """The formula a cell of the formula-keeping load holds, if any."""
    text = getattr(value, "text", value)  # an array formula keeps its text in .text
    if isinstance(text, str) and text.startswith("="):
        return text
    return None


def _count(path: Path, shown_as: str) -> dict[str, int]:
    """The last row holding a value in each sheet, counted as the rows stream by; a sheet with
    more rows of values than a self-evaluation table has is refused before any sheet is built in
    memory (rows only formatted, as when a clerk formats whole columns, are not counted)."""
    import openpyxl

    book = openpyxl.load_workbook(_opened(path), read_only=True, data_only=True, keep_links=False)
    last: dict[str, int] = {}
    try:
        for ws in book.worksheets:
            filled, last[ws.title] = 0, 0
            for n, row in enumerate(ws.iter_rows(max_col=MAX_COLUMNS, values_only=True), 1):
                if n > MAX_SCANNED:
                    raise _refused(shown_as, too_many("行", MAX_SCANNED, ws.title))
                if any(v is not None for v in row):
                    filled, last[ws.title] = filled + 1, n
                    if filled > MAX_ROWS:
                        raise _refused(shown_as, too_many("行", MAX_ROWS, ws.title))
    finally:
        book.close()
    return last


def _opened(path: Path) -> io.BytesIO:
    """The file's bytes, so that openpyxl reads what the file is, whatever its name ends in (it
    refuses a workbook named .docx by its suffix alone)."""
    return io.BytesIO(path.read_bytes())


def _refused(shown_as: str, why: Any) -> InputError:
    return InputError([Problem.of(shown_as, 0, 0, why, "import", Severity.ERROR)])


def read(path: Path, shown_as: str) -> list[Grid]:
    """Every sheet of the workbook as a grid, in the workbook's order."""
    import openpyxl

    last = _count(path, shown_as)
    values = openpyxl.load_workbook(_opened(path), data_only=True, keep_links=False)
    formulas = openpyxl.load_workbook(_opened(path), data_only=False, keep_links=False)
    several = len(values.worksheets) > 1
    grids = []
    for ws, wf in zip(values.worksheets, formulas.worksheets, strict=True):
        if len(ws.merged_cells.ranges) > MAX_MERGES:
            raise _refused(shown_as, too_many("处合并单元格", MAX_MERGES, ws.title))
        beyond = [c for (_, col), c in ws._cells.items() if col > MAX_COLUMNS and c.value is not None]
        if beyond:
            raise _refused(shown_as, too_many("列", MAX_COLUMNS, f"{ws.title}!{beyond[0].coordinate}"))
        height, width = last.get(ws.title, 0), min(ws.max_column, MAX_COLUMNS)
        rows: list[list[Cell]] = []
        for r in range(1, height + 1):
            row = []
            for c in range(1, width + 1):
                cell, kept = ws.cell(r, c), wf.cell(r, c)
                formula = _formula(kept.value)
                text, number = shown(cell.value, cell.number_format)
                unread = None
                if formula is not None and cell.value is None:
                    unread = msg("import-formula-unsaved", formula=formula)
                percent = number is not None and "%" in (cell.number_format or "")
                row.append(
                    Cell(text=text, number=number, percent=percent, at=cell.coordinate, formula=formula, unread=unread)
                )
            rows.append(row)
        for merged in ws.merged_cells.ranges:
            top, left = merged.min_row - 1, merged.min_col - 1
            if top >= height or left >= width:
                continue
            first = rows[top][left]
            for r in range(top, min(merged.max_row, height)):
                for c in range(left, min(merged.max_col, width)):
                    if (r, c) != (top, left):
                        rows[r][c] = Cell(
                            text=first.text,
                            number=first.number,
                            percent=first.percent,
                            at=first.at,
                            formula=first.formula,
                            unread=first.unread,
                            first=False,
                        )
        grids.append(Grid(name=ws.title, rows=rows, prefix=f"{ws.title}!" if several else "", sheet=ws.title))
    return grids
