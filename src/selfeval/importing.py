"""``selfeval import``: a table a county already keeps (an Excel workbook, a Word table) read into a
data file, by the form whose document it is.

The forms are asked which of them reads such a file (:attr:`Form.import_suffixes`); the form
reads it into data files, each value with a comment naming its cell. Each file is then loaded as
any data file is, against the rubric it names, so what is written validates and scores. Cells
that could not be read are listed ``path:cell: message``; so is what the loading finds wrong,
at the cell the value came from (never in the data file, which is not written then), and a
cell read already said is said once: one count of what was not read. Unless ``--partial``
accepts them (written 未知), the run ends with exit 1 and writes nothing. Nothing is written
either when any target may not be written: every file of a run is written, or none. Warnings
(a value that may mean something else) are listed and do not stop the run.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from selfeval.commands import Say, require_files
from selfeval.errors import InputError, UsageError
from selfeval.forms import FORMS
from selfeval.forms.interface import Form, Imported
from selfeval.i18n import msg
from selfeval.inputs import Library, RubricFile, data_from
from selfeval.load import parse
from selfeval.outputs.parsable import line
from selfeval.outputs.sink import check_target, opened
from selfeval.problems import Problem, Severity
from selfeval.settings import Settings

CONVERTED = {".xls": ".xlsx", ".et": ".xlsx", ".doc": ".docx", ".wps": ".docx"}
"""Kinds of office file a form takes only to say how to convert them (an old or a WPS format)."""


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
    require_files([s.file])
    suffix = s.file.suffix.lower()
    forms = [f for f in FORMS.values() if suffix in f.import_suffixes]
    if not forms:
        taken = {x for f in FORMS.values() for x in f.import_suffixes}
        known = " ".join(sorted(taken - CONVERTED.keys()))
        news = sorted({CONVERTED[x] for x in taken & CONVERTED.keys()})
        convert = "；".join(
            msg("import-convert", old=" ".join(sorted(x for x in taken if CONVERTED.get(x) == new)), new=new).text()
            for new in news
        )
        raise UsageError(msg("import-kind", suffix=suffix or "—", known=known, convert=convert))
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
    warned: list[Problem] = []
    counted: list[list[Problem]] = []
    for imp, out in zip(parts, outs, strict=True):
        mine = [p for p in imp.problems if p.severity is Severity.ERROR]
        shown = str(out or "<stdout>")
        try:  # what is written loads, validates and scores as any data file does
            data_from(parse(imp.text, shown), out or Path(shown), library)
        except InputError as e:
            mine += _at_source(e.problems, imp.where, s.file, mine)
        unread += mine
        warned += [p for p in imp.problems if p.severity is not Severity.ERROR]
        counted.append(mine)
    say.problem_lines(line(p) for p in [*unread, *warned])
    for imp, mine in zip(parts, counted, strict=True):
        which = "、".join(_cell(p, s.file) for p in mine[:8]) + ("…" if len(mine) > 8 else "")
        say.info("import-said-unread", summary=imp.summary, n=len(mine), which=which or "—")
    if unread and not s.partial:
        say.problem_lines([msg("import-refused", n=len(unread)).text()])
        return 1
    for imp, out in zip(parts, outs, strict=True):
        with opened(out, stdout, force=s.force, inputs=inputs) as fh:
            fh.write(imp.text.encode("utf-8"))
        if out is not None:
            say.info("import-wrote", path=out, part=imp.part)
    if unread:
        say.info("import-partial", n=len(unread))
    return 0


def _at_source(found: list[Problem], where: Mapping[int, str], source: Path, said: list[Problem]) -> list[Problem]:
    """What loading the data file found, said at the table's cell its line came from (the file
    itself where the line names none): never in the data file, which is not written when the run
    fails. A cell whose problem was said already is said once."""
    before = {p.path for p in said}
    out: list[Problem] = []
    for p in found:
        at = where.get(p.line, str(source))
        if at in before and at != str(source):
            continue
        before.add(at)
        out.append(replace(p, path=at, line=0, col=0))
    return out


def _cell(p: Problem, source: Path) -> str:
    """``B12`` of ``t.xlsx:B12``, for the summary's list."""
    prefix = f"{source}:"
    return p.path[len(prefix) :] if p.path.startswith(prefix) else "—"
