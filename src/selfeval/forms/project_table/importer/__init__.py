"""A 项目支出绩效自评表 a county already keeps, as an Excel workbook or a Word table, read into
this form's data file (``selfeval import``).

The file is judged before any reader opens it: its size, what kind of file it really is (an
old .xls or .doc, a workbook with a password to open it, something else named .xlsx), and
what its zip parts would expand to. Then :mod:`.xlsx` or :mod:`.docx` reads it into grids
of cells, :mod:`.place` finds the form in each grid by its header texts, and :mod:`.write`
writes the data file with each value's cell beside it.

A workbook gives a data file for each table of each sheet that holds the form (or of the one
``--sheet`` names): tables one below the other on a sheet are each a data file of their own. A
Word document gives one for each table with an indicator header, together with the tables
before it (a header block and the goals may be tables of their own), or the one holding the
table ``--table`` names. What stands after a table's 总分 row and is not another table is said,
cell by cell, as not read.

What a reader or the zip module raises is never shown: the person is told in words what is
wrong with the file (``--debug`` shows the exception behind it).
"""

from __future__ import annotations

from pathlib import Path

from selfeval.errors import InputError, UsageError
from selfeval.forms.interface import Imported
from selfeval.forms.project_table.importer import docx, xlsx
from selfeval.forms.project_table.importer.grid import Cell, Grid
from selfeval.forms.project_table.importer.place import Placed, Placer, headed, split
from selfeval.forms.project_table.importer.write import data_text
from selfeval.forms.project_table.messages import msg
from selfeval.forms.project_table.models import TableRubric
from selfeval.i18n import Msg
from selfeval.problems import Problem, Severity
from selfeval.zipped import listing

MAX_FILE = 32 * 2**20
"""Largest file read (a self-evaluation table's workbook is some tens of KB)."""
MAX_PARTS = 2_000
MAX_EXPANDED = 128 * 2**20
MAX_XML = 48 * 2**20
"""Most bytes the XML parts may expand to: a 2,000-row sheet is a few MB (a 100,000-row one, 17 MB,
is refused by its rows, which are counted as they stream)."""
MAX_WHOLE = 16 * 2**20
"""Most bytes of a part that is read into memory whole: a workbook's shared strings, a document's body."""
WHOLE = ("xl/sharedStrings.xml", "word/document.xml")


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The start of an old Office file (.xls, .doc) and of an Office file encrypted with a password."""


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _refuse(shown: str, why: Msg) -> InputError:
    return InputError([Problem.of(shown, 0, 0, why, "import", Severity.ERROR)])


def kind(path: Path, shown: str) -> str:
    """``xlsx`` or ``docx``, judged by what the file is, not its name; anything else is refused
    with what it is and how to make an .xlsx or .docx of it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise _refuse(shown, msg("import-file-large", size=f"{size:,}", limit=f"{MAX_FILE:,}"))
        with path.open("rb") as fh:
            start = fh.read(8)
            if start == _OLE:
                body = start + fh.read(MAX_FILE)
                if _utf16("EncryptedPackage") in body or _utf16("EncryptionInfo") in body:
                    raise _refuse(shown, msg("import-encrypted"))
                if _utf16("WordDocument") in body or path.suffix.lower() in (".doc", ".wps"):
                    raise _refuse(shown, msg("import-doc"))
                raise _refuse(shown, msg("import-xls"))
        parts = listing(path)
    except InputError:
        raise
    except OSError as e:
        raise UsageError(msg("import-unreadable", reason=str(e))) from e
    except Exception as e:  # not a zip, or a damaged one: zipfile's errors are several kinds
        if path.suffix.lower() in (".xls", ".et"):
            raise _refuse(shown, msg("import-xls")) from e
        if path.suffix.lower() in (".doc", ".wps"):
            raise _refuse(shown, msg("import-doc")) from e
        raise _refuse(shown, msg("import-not-office")) from e
    names = {p.filename for p in parts}
    total = sum(p.file_size for p in parts)
    xml = sum(p.file_size for p in parts if p.filename.endswith((".xml", ".rels")))
    whole = max((p.file_size for p in parts if p.filename in WHOLE), default=0)
    if len(parts) > MAX_PARTS or total > MAX_EXPANDED or xml > MAX_XML or whole > MAX_WHOLE:
        raise _refuse(shown, msg("import-expands", parts=len(parts), size=f"{total:,}", limit=f"{MAX_XML:,}"))
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    return _not_table(shown)


def _not_table(shown: str) -> str:
    raise _refuse(shown, msg("import-not-office-zip"))


def _read(reader: str, path: Path, shown: str) -> list[Grid]:
    """The grids a reader finds; a file the reader cannot make sense of is refused, saying why."""
    try:
        return xlsx.read(path, shown) if reader == "xlsx" else docx.read(path, shown)
    except (InputError, UsageError):
        raise
    except MemoryError as e:
        raise _refuse(shown, msg("import-too-much")) from e
    except Exception as e:  # openpyxl and python-docx raise many kinds for a damaged file
        raise _refuse(shown, msg("import-damaged", kind=msg(f"import-kind-{reader}").text())) from e


def _forms(grids: list[Grid]) -> list[Grid]:
    """A Word document's tables grouped into forms: each table with an indicator header, stacked
    under the tables before it (back to the previous form)."""
    forms, waiting = [], []
    for grid in grids:
        waiting.append(grid)
        if headed(grid):
            forms.append(docx.stacked(waiting))
            waiting = []
    return forms


def import_table(
    path: Path, rubric: TableRubric, *, shown: str, sheet: str | None = None, table: int | None = None
) -> list[Imported]:
    """The data files the table at ``path`` reads as (see the module's docstring)."""
    reader = kind(path, shown)
    if reader == "xlsx" and table is not None:
        raise UsageError(msg("import-table-in-workbook"))
    if reader == "docx" and sheet is not None:
        raise UsageError(msg("import-sheet-in-docx"))
    grids = _read(reader, path, shown)
    if reader == "xlsx":
        names = "、".join(g.name for g in grids)
        if sheet is not None:
            chosen = [g for g in grids if g.name == sheet]
            if not chosen:
                raise UsageError(msg("import-no-sheet", sheet=sheet, sheets=names))
            if not headed(chosen[0]):
                raise _refuse(f"{shown}:{sheet}", msg("import-no-header"))
        else:
            chosen = [g for g in grids if headed(g)]
            if not chosen:
                raise _refuse(shown, msg("import-no-header-anywhere", parts=names or "—"))
    else:
        forms = _forms(grids)
        if not forms:
            raise _refuse(shown, msg("import-no-header-anywhere", parts=f"{len(grids)}张表格"))
        if table is not None:
            chosen = [g for g in forms if table in g.tables]
            if not chosen:
                listed = "、".join(g.name for g in forms)
                raise UsageError(msg("import-no-table", table=table, count=len(grids), forms=listed))
        else:
            chosen = forms
    out: list[Imported] = []
    for grid in chosen:
        parts, after = split(grid)
        out += [_one(part, rubric, shown, path.name, after if part is parts[-1] else []) for part in parts]
    return out


def _one(grid: Grid, rubric: TableRubric, shown: str, file_name: str, after: list[list[Cell]]) -> Imported:
    placed = Placer(grid, rubric, file_name).place()
    if not placed.rows:
        placed.miss(grid.cell(0, 0).at, msg("import-no-rows"))
    for cells in after:  # under the 总分 row: no place in the form, and never dropped unsaid
        texts = "、".join(f"{c.at}“{c.text.strip()[:20]}”" for c in cells[:4]) + ("…" if len(cells) > 4 else "")
        placed.outside.append((cells[0].at, msg("import-after-total", cells=texts)))
    if grid.tables and not grid.sheet:
        where = msg("import-source-table", name=grid.name)
    else:
        where = msg("import-source-sheet", name=grid.sheet or grid.name)
    source = f"{file_name}（{where.text()}{grid.span}）"
    text, lines = data_text(placed, rubric, source, word=bool(grid.tables))
    problems = [
        Problem.of(f"{shown}:{grid.prefix}{at}" if at else shown, 0, 0, why, "import", Severity.ERROR)
        for at, why in placed.unread
    ]
    problems += [
        Problem.of(f"{shown}:{grid.prefix}{at}", 0, 0, why, "import", Severity.WARNING)
        for at, why in (*placed.doubtful, *placed.outside)
    ]
    return Imported(
        part=grid.name,
        text=text,
        problems=problems,
        summary=_summary(grid, placed),
        where={n: f"{shown}:{grid.prefix}{at}" for n, at in lines.items()},
    )


def _summary(grid: Grid, placed: Placed) -> str:
    """What was read, what is doubtful and what is left to fill (what was not read is counted by
    the import, together with what the data file's loading finds)."""
    said = msg(
        "import-summary",
        part=grid.name,
        rows=len(placed.rows),
        lines=len(placed.lines),
        cells=placed.cells(),
        skipped=placed.skipped,
    ).text()
    if placed.doubtful:
        ats = [at for at, _ in placed.doubtful]
        said += msg("import-summary-doubtful", n=len(ats), cells=_listed(grid, ats)).text()
    if placed.empty:
        said += msg("import-summary-empty", n=len(placed.empty), cells=_listed(grid, placed.empty)).text()
    if placed.outside:
        ats = [at for at, _ in placed.outside]
        said += msg("import-summary-outside", n=len(ats), cells=_listed(grid, ats)).text()
    return said


def _listed(grid: Grid, ats: list[str]) -> str:
    return "、".join(grid.prefix + at for at in ats[:8]) + ("…" if len(ats) > 8 else "")
