"""Find and load what a command works on: rubrics (each once per run) and data files.

Loading a file means reading it, parsing it with positions, validating it against its
form's model and checking it beyond the schema: a file either loads whole or raises
:class:`~selfeval.errors.InputError` with every problem found in it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic

from typing_extensions import TypeVar

from selfeval import resources
from selfeval.errors import InputError, SelfevalError, UsageError, os_reason
from selfeval.forms import DEFAULT_FORM, FORMS, RUBRIC_KEYS, Form
from selfeval.i18n import msg, suggest_msg
from selfeval.load import Document, decode, load_document, parse, read_bytes, read_header, shown_as
from selfeval.models.data import DataBase, RubricRef
from selfeval.models.rubric import RubricBase, TemplateKind, Walked
from selfeval.problems import Problem, Severity
from selfeval.schema import validate_model
from selfeval.validate import check_data, check_rubric, left_to_fill, missing_inputs
from selfeval.zipped import docx_problem

STDIN = Path("-")
"""A data file read from standard input."""

R = TypeVar("R", bound=RubricBase, covariant=True, default=RubricBase)
D = TypeVar("D", bound=DataBase, covariant=True, default=DataBase)


@dataclass(frozen=True)
class RubricFile(Generic[R, D]):
    """A checked rubric, its form and where it came from."""

    doc: Document
    path: Path
    rubric: R
    form: Form[R, D, Any]

    def template(self, kind: TemplateKind) -> Path:
        """A report template (``markdown``, ``docx``, ``docx-reference``): the rubric's own, next to it
        or bundled, else its form's."""
        named = self.rubric.templates.get(kind) or (self.rubric.template if kind == "markdown" else None)
        name = named or self.form.templates[kind]
        beside = self.path.parent / name
        at = ("templates", kind) if kind in self.rubric.templates else ("template",)
        try:
            if not (named and beside.is_file()):
                return resources.TEMPLATES / name
            folder, real = self.path.parent.resolve(), beside.resolve()
        except (OSError, RuntimeError) as e:  # a path too long, a loop of links
            problem = msg("in-file", path=name, detail=os_reason(e))
            raise InputError([self.doc.problem(at, problem, "rubric")]) from e
        if not real.is_relative_to(folder):  # the name stays inside (checked at loading); a link may not
            raise InputError([self.doc.problem(at, msg("template-link-outside", name=name, target=real), "rubric")])
        return beside

    def files(self) -> list[Path]:
        """Every file this rubric brings into a run: itself and what it names."""
        return [self.path, *self.named.values()]

    @functools.cached_property
    def named(self) -> dict[TemplateKind, Path]:
        """The templates and reference document this rubric names, as they resolve (found once: a
        batch asks for them with every county); a reference document that is no real .docx of a
        sane size is refused at its line."""
        kinds: set[TemplateKind] = {*self.rubric.templates, *(("markdown",) if self.rubric.template else ())}
        found = {kind: self.template(kind) for kind in sorted(kinds)}
        if "docx-reference" in found and (problem := docx_problem(found["docx-reference"])) is not None:
            at = ("templates", "docx-reference")
            detail = msg("in-file", path=found["docx-reference"].name, detail=problem)
            raise InputError([self.doc.problem(at, detail, "rubric")])
        return found


@dataclass(frozen=True)
class DataFile(Generic[D]):
    """A county's checked data file."""

    doc: Document
    path: Path
    data: D


def _form_of(doc: Document) -> Form[Any, Any, Any]:
    name = doc.data.get("form", DEFAULT_FORM)
    if not isinstance(name, str):  # a list, a number, ~: said as the kind it is, never joined up
        raise InputError([doc.problem(("form",), msg("expect-one-of", choices=", ".join(FORMS)), "schema")])
    form = FORMS.get(name)
    if form is None:
        unknown = msg("unknown-form", name=name, known=", ".join(FORMS), hint=suggest_msg(name, FORMS))
        raise InputError([doc.problem(("form",), unknown, "schema")])
    return form


def rubric_from(doc: Document, path: Path) -> RubricFile:
    """A parsed document as a fully checked rubric; raises :class:`InputError` listing every problem."""
    form = _form_of(doc)
    rubric = validate_model(doc, form.rubric_model)
    problems = [*check_rubric(rubric, doc), *form.check_rubric(rubric, doc)]
    if problems:
        raise InputError(problems)
    found = RubricFile(doc, path, rubric, form)
    found.named  # noqa: B018 - a template that links out of the rubric's folder is refused now, at its line
    return found


@functools.lru_cache(maxsize=16)
def _checked(raw: bytes, shown: str, path: Path) -> RubricFile:
    """A rubric's bytes parsed and checked. A memo of a pure function, not state: the same bytes
    at the same path give the same rubric, so a process checks each rubric once however many runs
    or batches read it (a rubric is never changed by what reads it)."""
    return rubric_from(parse(raw, shown), path)


@dataclass
class _Read:
    """What a :class:`Library` has read: each rubric once, and the headers of the rubrics it may choose from."""

    by_path: dict[Path, RubricFile] = field(default_factory=dict)
    as_given: dict[Path, RubricFile] = field(default_factory=dict)
    bundled: dict[tuple[str, str], Path] | None = None
    headers: dict[Path, dict[tuple[str, str], list[Path]]] = field(default_factory=dict)
    """A search-path folder's rubrics by (id, version)."""


@dataclass
class Library:
    """Finds the rubric of each data file, loading each rubric once per run."""

    explicit: Path | None = None
    """A rubric given on the command line (``--rubric``): every data file is scored against it."""
    search: tuple[Path, ...] = ()
    """The rubric search path (``--rubric-path``, ``SELFEVAL_RUBRIC_PATH``): folders whose rubrics a
    data file may name by id and version, or by a ``path`` relative to the folder."""
    _read: _Read = field(default_factory=_Read)

    def load(self, path: Path) -> RubricFile:
        """The checked rubric at ``path``, or the bundled one whose id ``path`` is (``caiyu-2020-project``)."""
        read = self._read
        if path in read.as_given:  # every file of a batch names the same rubric: no system calls
            return read.as_given[path]
        path = self.named(path)
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a loop of links: reading it says so, with the path
            load_document(path)
            raise
        if key not in read.by_path:
            shown = shown_as(path)
            read.by_path[key] = _checked(read_bytes(path, shown), shown, path)
        read.as_given[path] = read.by_path[key]
        return read.by_path[key]

    def read(self) -> list[Path]:
        """Every rubric file loaded so far, with the files each names: inputs of the run."""
        return [p for rf in self._read.by_path.values() for p in rf.files()]

    def bundled(self) -> dict[tuple[str, str], Path]:
        """Bundled rubrics by (id, version), read from their headers only."""
        if self._read.bundled is None:
            self._read.bundled = {}
            for p in sorted(resources.RUBRICS.glob("*.yaml")):
                head = read_header(p.read_text(encoding="utf-8"), ("id", "version"))
                self._read.bundled[(head.get("id", ""), head.get("version", ""))] = p
        return self._read.bundled

    def named(self, path: Path) -> Path:
        """A rubric file, or for a name that is no file but a bundled rubric's id, that rubric
        (its latest version)."""
        if path.suffix or _exists(path):
            return path
        for folder in self.search:  # the author's own rubrics before the bundled ones
            mine = sorted((v, ps[0]) for (i, v), ps in self._in_folder(folder).items() if i == str(path))
            if mine:
                return mine[-1][1]
        versions = sorted((v, p) for (i, v), p in self.bundled().items() if i == str(path))
        return versions[-1][1] if versions else path

    def _in_folder(self, folder: Path) -> dict[tuple[str, str], list[Path]]:
        """The rubrics of a search-path folder by (id, version), read from their headers only
        (once per run); a file that cannot be read is no rubric here (named, it says why)."""
        headers = self._read.headers
        if folder not in headers:
            found: dict[tuple[str, str], list[Path]] = {}
            try:
                files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
            except OSError:
                files = []
            for p in files:
                try:
                    head = read_header(decode(read_bytes(p), str(p)), ("id", "version"))
                except (OSError, SelfevalError):
                    continue
                if "id" in head and "version" in head:
                    found.setdefault((head["id"], head["version"]), []).append(p)
            headers[folder] = found
        return headers[folder]

    def _searched(self, ref: RubricRef, doc: Document) -> Path | None:
        """The rubric a data file names, found on the search path: its ``path`` inside a folder,
        else a rubric whose id and version are the ones named. Two different files are refused."""
        hits: list[Path] = []
        for folder in self.search:
            if ref.path and not Path(ref.path).is_absolute() and _exists(folder / ref.path):
                hits.append(folder / ref.path)
            hits += self._in_folder(folder).get((ref.id, ref.version), [])
        distinct: dict[bytes, Path] = {}
        for p in hits:
            try:
                distinct.setdefault(read_bytes(p), p)
            except SelfevalError:
                continue
        if len(distinct) > 1:
            paths = "、".join(str(p) for p in distinct.values())
            clash = msg("rubric-ambiguous", id=ref.id, version=ref.version, paths=paths)
            raise InputError([doc.problem(("rubric",), clash, "rubric")])
        return next(iter(distinct.values()), None)

    def default(self) -> RubricFile:
        """The rubric to use when no data file names one: --rubric, else the example's."""
        return self.load(self.explicit if self.explicit is not None else resources.DEFAULT_RUBRIC)

    def for_data(self, doc: Document) -> RubricFile:
        """The rubric a data file is scored against: --rubric, else bundled, else its ``rubric.path``."""
        if self.explicit is not None:
            return self.load(self.explicit)
        ref = validate_model(doc, RubricRef, ("rubric",)) if "rubric" in doc.data else None
        if ref is None:
            raise InputError([doc.problem((), msg("missing-key", key="rubric"), "schema")])
        found = self.bundled().get((ref.id, ref.version))
        if found is not None:
            return self.load(found)
        if ref.path:
            candidate = Path(ref.path) if Path(ref.path).is_absolute() else Path(doc.display).parent / ref.path
            if _exists(candidate):
                return self.load(candidate)
        searched = self._searched(ref, doc) if self.search else None
        if searched is not None:
            return self.load(searched)
        versions = sorted(v for (i, v) in self.bundled() if i == ref.id)
        hint = msg("bundled-versions", id=ref.id, versions=", ".join(versions)) if versions else msg("nothing")
        beside = msg("looked-beside", path=ref.path) if ref.path else msg("nothing")
        dirs = "、".join(str(d) for d in self.search)
        where = [beside, msg("looked-in-path", dirs=dirs) if self.search else msg("nothing")]
        not_found = msg("rubric-not-found", id=ref.id, version=ref.version, where=where, hint=hint)
        raise InputError([doc.problem(("rubric",), not_found, "rubric")])


def data_from(doc: Document, path: Path, library: Library) -> tuple[DataFile, RubricFile, Walked]:
    """A parsed data document checked against its rubric (whose form gives the data model)."""
    rf = library.for_data(doc)
    data = validate_model(doc, rf.form.data_model)
    walked = rf.form.walked(rf.rubric, data)
    problems = [*check_data(data, doc, rf.rubric, walked), *rf.form.check_data(data, doc, rf.rubric)]
    if problems:
        raise InputError(problems)
    return DataFile(doc, path, data), rf, walked


def _exists(path: Path) -> bool:
    """Whether something is there; a path the system refuses (too long, a loop) is not, and
    reading it then says why."""
    try:
        return path.exists()
    except OSError:
        return False


def kind_of(doc: Document) -> str | None:
    """``"rubric"`` or ``"data"`` by the keys only each has, else None; a county's file that
    also holds rubric keys is data (it names its subject)."""
    if "subject" in doc.data:
        return "data"
    if any(k in doc.data for k in RUBRIC_KEYS):
        return "rubric"
    return "data" if "rubric" in doc.data else None


def to_fill(df: DataFile, rf: RubricFile) -> list[Problem]:
    """Every place a data file still leaves to fill, at its line: what ``validate`` lists and what
    makes a report a draft."""
    return [*left_to_fill(df.data, df.doc, rf.rubric), *rf.form.left_to_fill(rf.rubric, df.data, df.doc)]


def check_file(path: Path, library: Library) -> list[Problem]:
    """Every problem of a rubric or data file, with warnings for inputs a data file still lacks."""
    try:
        doc = load_document(path)
        kind = kind_of(doc)
        if kind == "rubric":
            rubric_from(doc, path)
            return []
        if kind == "data":
            stray = [k for k in RUBRIC_KEYS if k in doc.data]
            if stray:  # one message, not one per field the rubric model misses
                return [doc.problem((stray[0],), msg("data-with-rubric", keys="、".join(stray)), "schema")]
            df, rf, walked = data_from(doc, path, library)
            return [*missing_inputs(df.data, doc, rf.rubric, walked), *to_fill(df, rf)]
        neither = msg("neither-rubric-nor-data", keys="、".join(RUBRIC_KEYS))
        return [Problem.of(str(path), 1, 1, neither, "schema", Severity.ERROR)]
    except InputError as e:
        return e.problems


def expand(paths: Iterable[str]) -> list[Path]:
    """Files, folders (their *.yaml / *.yml) and globs, in a stable order, without repeats.

    A glob's ``**`` does not follow symbolic links to folders, so a link back up the tree
    cannot make it loop; a system error (too many links, a name too long) is a usage error
    naming the path."""
    out: list[Path] = []
    for raw in paths:
        try:
            out += _expand_one(raw)
        except (OSError, RuntimeError) as e:  # RuntimeError: a symlink loop, on older Pythons
            raise UsageError(msg("os-error", path=raw, reason=os_reason(e))) from e
    seen: set[Path] = set()
    unique = []
    for p in out:
        try:
            key = p.resolve() if p.exists() else p
        except (OSError, RuntimeError):
            key = p
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _expand_one(raw: str) -> list[Path]:
    p = Path(raw)
    if p.is_dir():
        found = sorted([*p.glob("*.yaml"), *p.glob("*.yml")])
        if not found:
            raise UsageError(msg("empty-folder", path=raw))
        return found
    if any(ch in raw for ch in "*?[") and not p.exists():
        root = Path(p.anchor) if p.is_absolute() else Path(".")
        pattern = str(p.relative_to(p.anchor)) if p.is_absolute() else raw
        matches = sorted(m for m in root.glob(pattern) if m.is_file())  # pathlib: ** does not follow links
        if not matches:
            raise UsageError(msg("no-match", pattern=raw))
        return matches
    return [p]
