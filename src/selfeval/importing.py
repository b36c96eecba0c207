"""``selfeval import``: a table a county already keeps (an Excel workbook, a Word table) read into a
data file, by the form whose document it is.

The forms are asked which of them reads such a file (:attr:`Form.import_suffixes`); the form
reads it into data files, each value with a comment naming its cell. Each file is then loaded as
any data file is, against the rubric it names, so what is written validates and scores. Cells
that could not be read are listed ``path:cell: message``; unless ``--partial`` accepts them
(written 未知), the run ends with exit 1 and writes nothing. Nothing is written either when any
target may not be written: every file of a run is written, or none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from selfeval.commands import Say, _files
from selfeval.errors import InputError, UsageError
from selfeval.forms import FORMS
from selfeval.forms.interface import Form, Imported
from selfeval.i18n import msg
from selfeval.inputs import Library, RubricFile, data_from
from selfeval.load import parse
from selfeval.outputs.parsable import line
from selfeval.outputs.sink import check_target, opened
from selfeval.problems import Problem
from selfeval.settings import Settings


@dataclass(frozen=True, kw_only=True)
class ImportSettings:
    """Options of ``selfeval import``."""

    run: Settings = field(default_factory=Settings)
    file: Path
    out: Path | None
    """The data file to write (``None``: standard output, for a file of one table)."""
    sheet: str | None = None
    table: int | None = None
    partial: bool = False
    """Write the data file even where cells could not be read (as 未知)."""
    force: bool = False
    rubric: Path | None = None


def _rubric(form: Form[Any, Any, Any], library: Library) -> RubricFile:
    """The rubric an imported table is read against: --rubric, else the latest bundled one of its form."""
    if library.explicit is not None:
        given = library.default()
        if given.form is not form:
            raise UsageError(msg("import-rubric-form", rubric=given.rubric.id, form=given.form.title, table=form.title))
        return given
    found = [library.load(p) for p in library.bundled().values()]
    mine = sorted((rf for rf in found if rf.form is form), key=lambda rf: (rf.rubric.id, rf.rubric.version))
    if not mine:
        raise UsageError(msg("import-no-rubric", form=form.title))
    return mine[-1]


def _safe(name: str) -> str:
    """A sheet's or table's name as part of a file name."""
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", name).strip("._") or "table"


def targets(out: Path | None, parts: list[Imported]) -> list[Path | None]:
    """Where each data file goes: ``--out`` for one; for several, ``--out``'s name with the sheet's or
    table's after it (data.yaml → data-自评表.yaml, data-表1–表3.yaml)."""
    if len(parts) == 1 or out is None:
        return [out] * len(parts)
    names: list[Path | None] = []
    for imp in parts:
        candidate = out.with_name(f"{out.stem}-{_safe(imp.part)}{out.suffix or '.yaml'}")
        n = 2
        while candidate in names:
            candidate = out.with_name(f"{out.stem}-{_safe(imp.part)}-{n}{out.suffix or '.yaml'}")
            n += 1
        names.append(candidate)
    return names


def run_import(s: ImportSettings, stdout: IO[bytes], say: Say) -> int:
    """Read the table into data files; exit 1 when a cell could not be read (unless ``--partial``)."""
    if s.sheet is not None and s.table is not None:
        raise UsageError(msg("import-sheet-and-table"))
    _files([s.file])
    suffix = s.file.suffix.lower()
    forms = [f for f in FORMS.values() if suffix in f.import_suffixes]
    if not forms:
        known = " ".join(sorted({x for f in FORMS.values() for x in f.import_suffixes}))
        raise UsageError(msg("import-kind", suffix=suffix or "—", known=known))
    if s.out is not None:  # a bad --out fails before the table is read
        check_target(s.out, force=s.force, inputs=[s.file])
    library = Library(s.rubric)
    errors: list[InputError] = []
    for form in forms:
        rubric = _rubric(form, library)
        try:
            parts = form.import_table(s.file, rubric.rubric, shown=str(s.file), sheet=s.sheet, table=s.table)
            break
        except InputError as e:  # another form may know the file
            errors.append(e)
    else:
        raise errors[0]
    if s.out is None and len(parts) > 1:
        raise UsageError(msg("import-several-to-stdout", n=len(parts), parts="、".join(p.part for p in parts)))
    outs = targets(s.out, parts)
    inputs = [s.file, *library.read()]
    for out in outs:
        if out is not None:
            check_target(out, force=s.force, inputs=inputs)
    unread: list[Problem] = []
    broken: list[Problem] = []
    for imp, out in zip(parts, outs, strict=True):
        unread += imp.problems
        shown = str(out or "<stdout>")
        try:  # what is written loads, validates and scores as any data file does
            data_from(parse(imp.text, shown), out or Path(shown), library)
        except InputError as e:
            broken += e.problems
    say.problem_lines(line(p) for p in [*unread, *broken])
    for imp in parts:
        say.info("import-said", summary=imp.summary)
    if (unread or broken) and not s.partial:
        say.problem_lines([msg("import-refused", n=len(unread) + len(broken)).text()])
        return 1
    for imp, out in zip(parts, outs, strict=True):
        with opened(out, stdout, force=s.force, inputs=inputs) as fh:
            fh.write(imp.text.encode("utf-8"))
        if out is not None:
            say.info("import-wrote", path=out, part=imp.part)
    if unread or broken:
        say.info("import-partial", n=len(unread) + len(broken))
    return 0
