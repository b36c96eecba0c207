"""A Word document's tables as grids, read with python-docx, each with the paragraphs before it.

Tables are numbered as a person counts them in the document (表1, 表2, …) and a cell is named
by its row and the cells a person sees in that row, counted from the left (``表1 第5行第3列``):
a merged cell is one cell however many grid columns it spans, and a cell merged down from the
row above counts in each row it covers; a merged cell is named by its first cell. A table
nested in a cell has no place in the form: the document is refused, saying where.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from selfeval.errors import InputError
from selfeval.forms.project_table.importer.grid import Cell, Grid, too_many
from selfeval.forms.project_table.messages import msg
from selfeval.problems import Problem, Severity

MAX_TABLES = 200
MAX_ROWS = 2_000
MAX_COLUMNS = 200
MAX_PARAGRAPHS = 20_000


def address(table: int, row: int, col: int) -> str:
    """How a person finds a cell of a Word table: 表1 第5行第3列 (counting from 1 the cells seen)."""
    return f"表{table} 第{row}行第{col}列"


def _refused(shown_as: str, why: Any) -> InputError:
    return InputError([Problem.of(shown_as, 0, 0, why, "import", Severity.ERROR)])


def _table(table: Any, number: int, shown_as: str) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    above: list[Any] = []
    for r, row in enumerate(table.rows, 1):
        cells = list(row.cells)  # held, so that a merged cell is the same object wherever it spans
        if len(cells) > MAX_COLUMNS:
            raise _refused(shown_as, too_many("列", MAX_COLUMNS, f"表{number}"))
        out: list[Cell] = []
        seen = 0  # the cells a person sees in this row so far (a merged one once)
        for c, cell in enumerate(cells, 1):
            if c > 1 and cell._tc is cells[c - 2]._tc:  # spans the column before: a merge
                out.append(Cell(text=out[-1].text, at=out[-1].at, first=False))
                continue
            seen += 1
            if c <= len(above) and cell._tc is above[c - 1]._tc:  # continues the row above
                first = rows[-1][c - 1]
                out.append(Cell(text=first.text, at=first.at, first=False))
                continue
            if cell.tables:
                raise _refused(shown_as, msg("import-nested", where=address(number, r, seen)))
            out.append(Cell(text=cell.text.strip(), at=address(number, r, seen)))
        rows.append(out)
        above = cells
    return rows


def read(path: Path, shown_as: str) -> list[Grid]:
    """Every table of the document as a grid, with the paragraphs since the table before it."""
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(path.read_bytes()))  # by what it is, whatever its name
    grids: list[Grid] = []
    lines: list[Cell] = []
    paragraphs = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            number = len(grids) + 1
            if number > MAX_TABLES:
                raise _refused(shown_as, too_many("张表格", MAX_TABLES, shown_as))
            if len(block._tbl.tr_lst) > MAX_ROWS:
                raise _refused(shown_as, too_many("行", MAX_ROWS, f"表{number}"))
            rows = _table(block, number, shown_as)
            grids.append(Grid(name=f"表{number}", rows=rows, lines=lines, tables=(number,)))
            lines = []
        else:
            paragraphs += 1
            if paragraphs > MAX_PARAGRAPHS:
                raise _refused(shown_as, too_many("段", MAX_PARAGRAPHS, shown_as))
            text = block.text.strip()
            if text:
                lines.append(Cell(text=text, at=f"第{paragraphs}段"))
    return grids


def stacked(grids: list[Grid]) -> Grid:
    """Tables that together make one form (the budget block, the goals, the indicators), as one grid."""
    width = max(g.width for g in grids)
    rows = [row + [Cell(text="", at="")] * (width - len(row)) for g in grids for row in g.rows]
    numbers = tuple(n for g in grids for n in g.tables)
    name = f"表{numbers[0]}" if len(numbers) == 1 else f"表{numbers[0]}–表{numbers[-1]}"
    return Grid(name=name, rows=rows, lines=[line for g in grids for line in g.lines], tables=numbers)
