"""A table as its reader found it: rows of cells, each with its text and the address a person
finds it by (``B12`` in a sheet, ``表1 第5行第3列`` in a Word table).

The Excel and Word readers each fill a :class:`Grid`; :mod:`.place` reads the form out of it by
its header texts, whatever reader made it. A merged cell is its first cell's text in every cell
it covers, each pointing at that first cell, so a 一级指标 written once over five rows is read
in each of them and said to come from the one cell that holds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from selfeval.forms.project_table.messages import msg
from selfeval.i18n import Msg

Number = Decimal
"""A cell's number as the file holds it (Excel's doubles read to the 15 digits Excel shows)."""


@dataclass(frozen=True, kw_only=True)
class Cell:
    """One cell: its text as shown, its number when the file holds one, and where it is."""

    text: str
    """As a person sees it: ``95%`` for a cell that holds 0.95 formatted as a percentage."""
    number: Number | None = None
    """The number behind the text, when the cell holds a number rather than text (for a
    percentage-formatted cell the percentage shown: 95 for a cell holding 0.95)."""
    percent: bool = False
    """Whether the cell holds a number formatted as a percentage (shown ×100 with %)."""
    at: str
    """Its address: ``B12``, ``表1 第5行第3列``; a merged cell's is that of its first cell."""
    formula: str | None = None
    """The formula whose saved result this is, if any."""
    unread: Msg | None = None
    """Why the cell has no value a person could check (a formula saved without its result)."""
    first: bool = True
    """Whether this is the cell itself, not one a merge covers (a merged cell is read once)."""

    @property
    def blank(self) -> bool:
        return not self.text.strip() and self.unread is None


EMPTY = Cell(text="", at="")


@dataclass(kw_only=True)
class Grid:
    """One table: its rows of cells (every row as long as the widest), and the lines around it."""

    name: str
    """What the table is called in messages: a sheet's name, 表1."""
    rows: list[list[Cell]]
    lines: list[Cell] = field(default_factory=list)
    """Text outside the table that may carry its title, year or unit (a Word file's paragraphs)."""
    tables: tuple[int, ...] = ()
    """For a Word file: the numbers of the Word tables the grid was stacked from."""
    prefix: str = ""
    """What a cell's address is preceded by in messages where the file has several sheets (``绩效表!``)."""
    sheet: str = ""
    """The sheet it was read from (a workbook's grid), for the data file's header."""
    span: str = ""
    """Which rows of the sheet it is, where a sheet holds several tables (``第21–40行``)."""

    def cell(self, r: int, c: int) -> Cell:
        row = self.rows[r] if 0 <= r < len(self.rows) else []
        return row[c] if 0 <= c < len(row) else EMPTY

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def too_many(what: str, limit: int, where: str) -> Msg:
    """A table larger than any self-evaluation table is: refused before it is read whole."""
    return msg("import-too-big", what=what, limit=f"{limit:,}", where=where)
