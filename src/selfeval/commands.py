"""What each command does, given its settings: build, run, return the exit code.

The command line only turns options into settings (:mod:`selfeval.settings` and the frozen
records here). Every ``run_*`` function returns the exit code: 0 all well, 1 bad content (or
a threshold not met), 2 usage. Errors the user can act on are raised as
:class:`~selfeval.errors.SelfevalError` and printed by :func:`execute`; what a command has
to say besides its result goes to standard error through :class:`Say`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import IO, Generic, TextIO, TypeVar

from selfeval import resources
from selfeval.audit import CHECKS
from selfeval.batch import (
    Ranking,
    ledger_problems,
    ledger_problems_for,
    refused_of,
    reviewed,
    score_many,
    split_findings,
)
from selfeval.cache import Cache, keep
from selfeval.choices import Format, Scores, Sort
from selfeval.cliframe import wrap_cells
from selfeval.compare import compare
from selfeval.errors import InputError, OutputError, SelfevalError, UsageError, os_reason
from selfeval.explain import explain
from selfeval.forms import FORMS, ReportOptions
from selfeval.heading import Heading
from selfeval.i18n import msg, speaking, suggest_msg, t
from selfeval.inputs import STDIN, Library, check_file, expand
from selfeval.models.rubric import RubricBase
from selfeval.numbers import fmt, span
from selfeval.outputs import (
    COMPARISON,
    EXPLANATION,
    FINDINGS,
    FORMATS,
    GAPS,
    RANKING,
    REPORT,
    SCORE,
    Checked,
    Findings,
    Options,
    Output,
    Report,
    Writer,
    choose,
)
from selfeval.outputs.base import inert
from selfeval.outputs.parsable import line
from selfeval.outputs.sink import check_target, opened
from selfeval.pipeline import evaluate
from selfeval.problems import Severity, counts
from selfeval.review import LedgerFile, load_ledger
from selfeval.rules import RULES
from selfeval.settings import Settings

P = TypeVar("P")


@dataclass(frozen=True)
class Say:
    """What a command tells the person running it, on standard error (``-q`` keeps it quiet)."""

    err: TextIO
    quiet: bool = False
    verbose: bool = False

    @classmethod
    def to(cls, err: TextIO, run: Settings) -> Say:
        return cls(err, quiet=run.quiet, verbose=run.verbose)

    def info(self, key: str, /, **args: object) -> None:
        """A message for the person (not with ``-q``)."""
        if not self.quiet:
            print(inert(t(key, **args)), file=self.err)

    def detail(self, key: str, /, **args: object) -> None:
        """More than is usually wanted (only with ``-v``)."""
        if self.verbose and not self.quiet:
            print(inert(t(key, **args)), file=self.err)

    def problem_lines(self, lines: Iterable[str]) -> None:
        """Problems that explain a failure: always printed."""
        for text in lines:
            print(inert(text), file=self.err)


def _given(*paths: Path | None) -> list[Path]:
    """The files a run reads, which its output may never replace, even with ``--force``."""
    return [p for p in paths if p is not None]


@dataclass(frozen=True, kw_only=True)
class OutputSettings:
    """Where and how a command writes its result: ``--format``, ``--out``, ``--force``."""

    format: Format | None = None
    out: Path | None = None
    """A file to write atomically; None for standard output."""
    force: bool = False


@dataclass(frozen=True)
class Destination(Generic[P]):
    """A result's writer, chosen and checked before any work is done."""

    format: Format
    writer: Writer[P]
    options: Options
    settings: OutputSettings

    @classmethod
    def prepare(
        cls, output: Output[P], default: Format, o: OutputSettings, run: Settings, inputs: Iterable[Path] = ()
    ) -> Destination[P]:
        """The writer for ``output`` in the format asked for, after checking that it may be written."""
        format = choose(output, default, o.format, o.out)
        if FORMATS[format].binary and o.out is None and run.stdout_terminal:
            raise UsageError(msg("binary-to-terminal", format=format.value))
        if o.out is not None:
            check_target(o.out, force=o.force, inputs=inputs)
        options = Options(width=run.width, ids=run.ids, to_file=o.out is not None)
        return cls(format, output.writers[format], options, o)

    def write(self, payload: P, stdout: IO[bytes], say: Say, inputs: Iterable[Path] = ()) -> None:
        """Write the result to standard output, or atomically to ``--out``."""
        o = self.settings
        options = replace(self.options, notes=[])
        with opened(o.out, stdout, force=o.force, inputs=inputs) as fh:
            self.writer(payload, fh, options)
        # a value the format could not hold whole was shortened: said even with -q, the file differs from the input
        say.problem_lines(note.text() for note in options.notes)
        if o.out is not None:
            say.info("wrote", path=o.out)


def require_files(paths: list[Path]) -> None:
    """Each path names a file that exists (standard input aside): else a usage error naming it."""
    for path in paths:
        if path == STDIN:
            continue
        try:
            if path.is_dir():
                raise UsageError(msg("is-directory", path=path))
            path.stat()
        except FileNotFoundError as e:
            raise UsageError(msg("no-such-file", path=path)) from e
        except OSError as e:
            raise UsageError(msg("os-error", path=path, reason=os_reason(e))) from e


# ----------------------------------------------------------------------------- validate


@dataclass(frozen=True, kw_only=True)
class ValidateSettings:
    """Options of ``selfeval validate``."""

    run: Settings = field(default_factory=Settings)
    files: tuple[str, ...]
    rubric: Path | None = None
    output: OutputSettings = field(default_factory=OutputSettings)
    only: tuple[str, ...] = ()
    """``rubric``, ``data`` or both: check only files of these kinds, skipping the others with a note
    (a pre-commit hook's files are chosen by name, which cannot tell a rubric from a data file, nor
    either from another program's YAML); empty: every file given."""


def _only(paths: list[Path], kinds: tuple[str, ...], say: Say) -> list[Path]:
    """The files of the kinds asked for, by their top-level keys; the others said and skipped. A file
    that cannot be read stays, so that what is wrong with it is said."""
    if not kinds:
        return paths
    from selfeval.inputs import kind_of
    from selfeval.load import load_document

    kept = []
    for p in paths:
        try:
            found = kind_of(load_document(p))
        except SelfevalError:
            found = kinds[0]
        if found in kinds:
            kept.append(p)
        else:
            say.info("only-skipped", path=p, what=msg(f"only-kind-{found or 'other'}"))
    return kept


def run_validate(s: ValidateSettings, stdout: IO[bytes], say: Say) -> int:
    """Check rubric and data files; exit 1 when any has an error."""
    paths = _only(expand(s.files), s.only, say)
    require_files(paths)
    inputs = _given(*paths, s.rubric)
    dest = Destination.prepare(FINDINGS, Format.PARSABLE, s.output, s.run, inputs)
    library = Library(s.rubric, search=s.run.rubric_path)
    checked = [Checked(str(p), check_file(p, library)) for p in paths]
    dest.write(Findings(checked), stdout, say, [*inputs, *library.read()])
    total = counts([p for c in checked for p in c.problems])
    bad = sum(1 for c in checked if c.problems)
    say.info(
        "validate-summary", files=len(paths), bad=bad, errors=total[Severity.ERROR], warnings=total[Severity.WARNING]
    )
    return 1 if total[Severity.ERROR] else 0


# ----------------------------------------------------------------------------- score


@dataclass(frozen=True, kw_only=True)
class BatchSettings:
    """How many files are scored together: the order of the ranking and the work's spread."""

    sort: Sort = Sort.TOTAL
    jobs: int = 0
    """Processes for a large batch (0: as many as the machine has)."""
    separate: bool = False
    """Rank the files of each rubric apart instead of refusing a batch that mixes rubrics."""


@dataclass(frozen=True, kw_only=True)
class ScoreSettings:
    """Options of ``selfeval score``."""

    run: Settings = field(default_factory=Settings)
    files: tuple[str, ...]
    rubric: Path | None = None
    output: OutputSettings = field(default_factory=OutputSettings)
    fail_under: Decimal | None = None
    gaps: bool = False
    batch: BatchSettings = field(default_factory=BatchSettings)
    adjustments: Path | None = None
    """A reviewer's ledger, applied after the rules."""
    heading: Heading = field(default_factory=Heading)
    """The province's title, reviewer and date, as given on the command line."""


def rubric_groups(ranking: Ranking) -> str:
    """Which rubric each file of a mixed batch was scored against, in a line."""
    parts = []
    for rubric in ranking.rubrics:
        rows = [r for r in ranking.rows if r.rubric == rubric]
        parts.append(msg("rubric-group", rubric=rubric, n=len(rows), example=rows[0].path).text())
    return "；".join(parts)


def _ledger(path: Path | None) -> LedgerFile | None:
    """The reviewer's ledger: its entries that read, and its problems, said once the run knows
    which counties it scored (only a file that is no YAML at all stops the run)."""
    return None if path is None else load_ledger(path)


def _batch(
    paths: list[Path],
    rubric: Path | None,
    ledger: LedgerFile | None,
    say: Say,
    *,
    batch: BatchSettings,
    progress: bool = False,
    detail: bool = True,
    cache: Path | None = None,
    search: tuple[Path, ...] = (),
) -> Ranking:
    """Every file scored and audited, ranked; a batch that mixes rubrics refused unless separated;
    the copies of a county's year left unranked, and every problem of the ledger, said."""
    rows = score_many(
        paths, rubric, jobs=batch.jobs, progress=progress, ledger=ledger, detail=detail, cache=cache, search=search
    )
    ranking = Ranking.sorted(rows, batch.sort)
    if len(ranking.rubrics) > 1 and not batch.separate:
        raise SelfevalError(msg("rubrics-mixed", groups=rubric_groups(ranking)))
    for row in ranking.duplicated:
        say.problem_lines([t("duplicate-unranked", path=row.path, ranked=row.duplicate_of)])
    ranking.ledger = ledger_problems(ledger, ranking.rows)
    say.problem_lines(line(p) for p in ranking.ledger)
    return ranking


def _heading(given: Heading, ledger: LedgerFile | None) -> Heading:
    """The province's heading: what the command line says, else the ledger's reviewer and date."""
    if ledger is None:
        return given
    header = ledger.ledger
    return replace(given, reviewer=given.reviewer or header.reviewer or "", date=given.date or header.date)


def one_county_of(s: ScoreSettings, format: Format) -> tuple[Cache, str] | None:
    """Where the output of ``score FILE`` is kept in the result cache (see :meth:`Settings.county_entry`)."""
    plain = not s.gaps and s.fail_under is None and s.adjustments is None and s.output.out is None
    return s.run.county_entry(s.files, s.rubric, format.value, plain=plain)


def run_score(s: ScoreSettings, stdout: IO[bytes], say: Say) -> int:
    """Score one file in detail, or many as a ranking."""
    paths = expand(s.files)
    ledger = _ledger(s.adjustments)
    inputs = _given(*paths, s.adjustments, s.rubric)
    if len(paths) == 1:
        dest = Destination.prepare(GAPS if s.gaps else SCORE, Format.TABLE, s.output, s.run, inputs)
        kept = one_county_of(s, dest.format)  # keyed by the bytes as read before scoring
        ev = reviewed(evaluate(paths[0], Library(s.rubric, search=s.run.rubric_path), ledger), ledger)
        say.detail("scored-against", path=paths[0], id=ev.rubric.rubric.id, version=ev.rubric.rubric.version)
        if ledger is not None and not ev.result.adjustments and not refused_of(ev):
            say.info("adjust-none", who=ev.label, path=s.adjustments)
        wrong = ledger_problems_for(ledger, ev)
        say.problem_lines(line(p) for p in wrong)
        if kept is None:
            dest.write(ev, stdout, say, [*inputs, *ev.rubric.files()])
        else:  # written here first, then kept whole: the next run of the same inputs reads it back
            out, err = io.BytesIO(), io.StringIO()
            dest.write(ev, out, replace(say, err=err), [*inputs, *ev.rubric.files()])
            stdout.write(out.getvalue())
            stdout.flush()
            say.err.write(err.getvalue())
            keep(kept, out.getvalue(), err.getvalue(), ev.rubric.files())
        r = ev.result
        if s.fail_under is not None and r.total_high < s.fail_under:  # below however the unknowns turn out
            say.info("below-fail-under", total=span(r.total, r.total_high), limit=s.fail_under)
            return 1
        if s.fail_under is not None and r.total < s.fail_under:
            say.info("maybe-below-fail-under", total=span(r.total, r.total_high), limit=s.fail_under)
        return 1 if any(p.severity is Severity.ERROR for p in wrong) else 0
    if s.gaps:
        raise UsageError(msg("gaps-one-file"))
    ranked = Destination.prepare(RANKING, Format.TABLE, s.output, s.run, inputs)
    ranked = replace(ranked, options=replace(ranked.options, heading=_heading(s.heading, ledger)))
    # every node and finding only for the outputs that show them: the workbook and the page
    detail = ranked.format in (Format.XLSX, Format.HTML)
    ranking = _batch(
        paths,
        s.rubric,
        ledger,
        say,
        batch=s.batch,
        progress=s.run.progress,
        detail=detail,
        cache=s.run.cache,
        search=s.run.rubric_path,
    )
    ranked.write(ranking, stdout, say, [*inputs, *ranking.read])
    for row in ranking.failed:
        say.problem_lines(line(p) for p in row.problems)
    below = [
        r
        for r in ranking.rows
        if s.fail_under is not None and r.total is not None and (r.total_high or r.total) < s.fail_under
    ]
    if ranking.failed:
        say.info("files-failed", failed=len(ranking.failed), files=len(ranking.rows))
    if below:
        say.info("totals-below", n=len(below), limit=s.fail_under)
    ledger_wrong = any(p.severity is Severity.ERROR for p in ranking.ledger)
    return 1 if ranking.failed or below or ranking.duplicated or ledger_wrong else 0


# ----------------------------------------------------------------------------- audit


@dataclass(frozen=True, kw_only=True)
class AuditSettings:
    """Options of ``selfeval audit``."""

    run: Settings = field(default_factory=Settings)
    files: tuple[str, ...]
    rubric: Path | None = None
    output: OutputSettings = field(default_factory=OutputSettings)
    fail_on: Severity = Severity.ERROR
    adjustments: Path | None = None


def run_audit(s: AuditSettings, stdout: IO[bytes], say: Say) -> int:
    """List every claim that does not hold, in one file or many; exit 1 at or above ``fail_on``
    (a file that cannot be loaded counts as an error: it was never checked). A finding placed in a
    rubric is listed once, under the rubric, and is no county's: ``fail_on`` counts the counties'."""
    paths = expand(s.files)
    ledger = _ledger(s.adjustments)
    inputs = _given(*paths, s.adjustments, s.rubric)
    dest = Destination.prepare(FINDINGS, Format.TABLE, s.output, s.run, inputs)
    if len(paths) == 1:
        ev = reviewed(evaluate(paths[0], Library(s.rubric, search=s.run.rubric_path), ledger), ledger)
        subject = ev.result.data.subject
        own, of_rubric = split_findings(ev)
        counties = [Checked(str(paths[0]), own, (subject.name, subject.year))]
        rubrics = {f.path: [x for x in of_rubric if x.path == f.path] for f in of_rubric}
        wrong = ledger_problems_for(ledger, ev)
        say.problem_lines(line(p) for p in wrong)
        inputs += ev.rubric.files()
    else:
        # findings need no common rubric
        separate = BatchSettings(separate=True)
        ranking = _batch(paths, s.rubric, ledger, say, batch=separate, cache=s.run.cache, search=s.run.rubric_path)
        by_path = sorted(ranking.rows, key=lambda r: r.path)
        counties = [
            Checked(r.path, r.problems if r.failed else r.findings, None if r.failed else (r.name, r.year or 0))
            for r in by_path
        ]
        rubrics = ranking.rubric_findings
        wrong = ranking.ledger
        inputs += ranking.read
    checked = [*counties, *(Checked(path, found) for path, found in rubrics.items())]
    dest.write(Findings(checked), stdout, say, inputs)
    if len(counties) > 1:
        found = counts([p for c in counties for p in c.problems])
        say.info(
            "audit-many-summary",
            files=len(counties),
            bad=sum(1 for c in counties if c.problems),
            errors=found[Severity.ERROR],
            warnings=found[Severity.WARNING],
        )
    if rubrics:
        n = sum(len(found) for found in rubrics.values())
        say.info("audit-rubric-findings", n=n, rubrics="、".join(rubrics))
    failing = any(p.severity.at_least(s.fail_on) for c in counties for p in c.problems)
    return 1 if failing or any(p.severity is Severity.ERROR for p in wrong) else 0


# ----------------------------------------------------------------------------- report


@dataclass(frozen=True, kw_only=True)
class ReportSettings:
    """Options of ``selfeval report``."""

    run: Settings = field(default_factory=Settings)
    file: str | None = None
    """The data file (default: the bundled example)."""
    rubric: Path | None = None
    output: OutputSettings = field(default_factory=OutputSettings)
    template: Path | None = None
    options: ReportOptions = field(default_factory=ReportOptions)
    fail_on: Severity | None = None
    final: bool = False
    """Refuse a data file that still leaves places to fill, instead of marking the report a draft."""
    adjustments: Path | None = None


def run_report(s: ReportSettings, stdout: IO[bytes], say: Say) -> int:
    """Render the document a county files, written atomically; say what the audit found."""
    path = Path(s.file) if s.file else resources.EXAMPLE_DATA
    inputs = _given(path, s.template, s.adjustments, s.rubric)
    dest = Destination.prepare(REPORT, Format.MARKDOWN, s.output, s.run, inputs)
    ledger = _ledger(s.adjustments)
    ev = reviewed(evaluate(path, Library(s.rubric, search=s.run.rubric_path), ledger), ledger)
    wrong = ledger_problems_for(ledger, ev)
    say.problem_lines(line(p) for p in wrong)
    own, _ = split_findings(ev)  # the rubric's own findings are no county's to answer for
    c = counts(own)
    summary = msg(
        "audit-summary", errors=c[Severity.ERROR], warnings=c[Severity.WARNING], notes=c[Severity.INFO], path=path
    )
    if s.fail_on is not None and any(f.severity.at_least(s.fail_on) for f in own):
        say.problem_lines([msg("report-refused", summary=summary, level=s.fail_on.value).text()])
        return 1
    todo = ev.to_fill
    if todo and s.final:
        say.problem_lines([t("report-not-final", who=ev.label, n=len(todo)), *(line(p) for p in todo)])
        return 1
    if todo:
        say.info("report-draft", who=ev.label, n=len(todo), path=path)
    options = replace(s.options, draft=len(todo))
    dest.write(Report(ev, s.template, options), stdout, say, [*inputs, *ev.rubric.files()])
    claimed = s.options.scores is Scores.CLAIMED
    r = ev.result
    total = (None if r.claimed_total is None else fmt(r.claimed_total)) if claimed else span(r.total, r.total_high)
    say.info(
        "report-written",
        who=ev.label,
        scores=msg("scores-claimed" if claimed else "scores-computed"),
        total="—" if total is None else total,
        summary=summary,
    )
    return 1 if any(p.severity is Severity.ERROR for p in wrong) else 0


# ----------------------------------------------------------------------------- init


@dataclass(frozen=True, kw_only=True)
class InitSettings:
    """Options of ``selfeval init``."""

    run: Settings = field(default_factory=Settings)
    out: Path
    name: str | None = None
    year: int | None = None
    rubric: Path | None = None
    force: bool = False
    example: bool = False
    previous: Path | None = None


def run_init(s: InitSettings, stdout: IO[bytes], say: Say) -> int:
    """Write a data file to fill in: blank for a rubric, next year's from this year's, or the example."""
    import difflib
    import re
    from collections import Counter
    from os.path import relpath

    from selfeval.problems import Problem

    target = None if str(s.out) == "-" else s.out  # `-`: standard output
    if target is not None:
        check_target(target, force=s.force, inputs=[p for p in (s.previous, s.rubric) if p])
    read = [p for p in (s.previous, s.rubric) if p]
    said: list[Problem] = []
    if s.example:
        text = resources.EXAMPLE_DATA.read_text(encoding="utf-8")
        what = msg("init-example")
    elif s.previous is not None:
        last = evaluate(s.previous, Library())
        rf = Library(s.rubric).default() if s.rubric else last.rubric
        if rf.form is not last.form:
            raise UsageError(msg("init-other-form", path=s.previous, form=last.form.name, other=rf.form.name))
        data = last.result.data
        year, old = s.year or data.subject.year + 1, data.subject.name
        name = s.name or old
        # The rubric named by path: last year's, or the one given; the path leads there from the new folder.
        ref = data.rubric
        if s.rubric is None:
            named = s.previous.parent / ref.path if ref.path else None
        else:
            bundled = {p.resolve() for p in Library().bundled().values()}
            named = None if rf.path.resolve() in bundled else rf.path
        if named is not None and not (s.rubric is None and Path(ref.path or "").is_absolute()):
            named = Path(relpath(named.absolute(), (target.parent if target else Path()).absolute()))
        path = None if named is None else named.as_posix()
        data = data.model_copy(update={"rubric": ref.model_copy(update={"path": path})})
        text = rf.form.skeleton(rf.rubric, name, year, data)
        what = msg("init-from", year=year, path=s.previous)
        read += [*last.rubric.files(), *rf.files()]
        # Nothing renamed or left unrenamed silently: what --name changed, line by line (the file as
        # it reads under the old name against this one), then each line still naming the old county.
        shown, lines = str(target or "-"), text.splitlines()
        head = old[:2]  # where every form of the name starts: 平罗县, 平罗
        if name != old:
            before = rf.form.skeleton(rf.rubric, old, year, data).splitlines()
            for n, (was, now) in enumerate(zip(before, lines, strict=False), 1):
                ops = difflib.SequenceMatcher(None, was, now, autojunk=False).get_opcodes() if was != now else []
                spans = []
                for op, i1, i2, j1, j2 in ops:
                    if op == "equal":
                        continue
                    # widen over what the names share, so 永宁县 → 永安县 is said so, not 宁 → 安
                    while i1 and j1 and was[i1 - 1] == now[j1 - 1] and was[i1 - 1 : i2] in old:
                        i1, j1 = i1 - 1, j1 - 1
                    while i2 < len(was) and j2 < len(now) and was[i2] == now[j2] and was[i1 : i2 + 1] in old:
                        i2, j2 = i2 + 1, j2 + 1
                    spans.append((was[i1:i2], now[j1:j2], j1))
                for (a, b), times in Counter((a, b) for a, b, _ in spans).items():
                    col = next(j for x, y, j in spans if (x, y) == (a, b)) + 1
                    renamed = msg("init-renamed", old=a, new=b, n=times)
                    said.append(Problem.of(shown, n, col, renamed, "init-renamed", Severity.INFO))
            left = re.escape(old if head in name else head)
            for n, now in enumerate(lines, 1):
                for m in re.finditer(rf"[^\x00-\x7f]{{0,4}}(?P<name>{left})[^\x00-\x7f]{{0,4}}", now):
                    still = msg("init-name-left", text=m.group(0), old=old, new=name)
                    said.append(Problem.of(shown, n, m.start("name") + 1, still, "init-name-left", Severity.WARNING))
        elif s.name is None:
            naming = [n for n, now in enumerate(lines, 1) if head in now and not now.lstrip().startswith("#")]
            if naming:
                kept = msg("init-name-kept", old=old, n=len(naming))
                said.append(Problem.of(shown, naming[0], 1, kept, "init-name-kept", Severity.WARNING))
    else:
        rf = Library(s.rubric).default()
        year = s.year or dt.date.today().year - 1
        text = rf.form.skeleton(rf.rubric, s.name or "某县", year)
        what = msg("init-blank", id=rf.rubric.id, version=rf.rubric.version)
        read += rf.files()
    schema = None
    if target is not None:  # the editor's schema beside the file, named on its first line (a comment)
        from selfeval.json_schema import schema_file

        rubric = Library().load(resources.DEFAULT_RUBRIC) if s.example else rf
        schema = schema_file(target, rubric.rubric)
        text = f"# yaml-language-server: $schema={schema.relative_to(target.parent).as_posix()}\n{text}"
        said = [replace(p, line=p.line + 1) for p in said]
    with opened(target, stdout, force=s.force, inputs=read) as fh:
        fh.write(text.encode("utf-8"))
    if not say.quiet:
        say.problem_lines(line(p) for p in said)
    if target is not None:
        say.info("init-wrote", path=target, what=what)
    if schema is not None:
        _write_schema(schema, rubric.rubric, s.force, say)
    return 0


def _write_schema(path: Path, rubric: RubricBase, force: bool, say: Say) -> None:
    """The data schema of ``rubric`` at ``path``: written when new, left alone when the same, and an
    existing different one kept unless ``force`` (an author may have made it their own)."""
    import json

    from selfeval.json_schema import data_schema

    text = json.dumps(data_schema(rubric), ensure_ascii=False, indent=2) + "\n"
    try:
        old = path.read_text(encoding="utf-8") if path.is_file() else None
    except (OSError, UnicodeDecodeError):
        old = ""
    if old == text:
        return
    if old is not None and not force:
        say.info("init-schema-kept", path=path)
        return
    try:
        path.parent.mkdir(exist_ok=True)
    except OSError as e:
        raise OutputError(msg("os-error", path=path.parent, reason=os_reason(e))) from e
    with opened(path, io.BytesIO(), force=True) as fh:
        fh.write(text.encode("utf-8"))
    say.info("init-schema-wrote", path=path)


# ----------------------------------------------------------------------------- compare


@dataclass(frozen=True, kw_only=True)
class CompareSettings:
    """Options of ``selfeval compare``."""

    run: Settings = field(default_factory=Settings)
    a: str
    b: str
    rubric: Path | None = None
    rubric_a: Path | None = None
    """A's rubric alone (default: ``rubric``, else the one A names)."""
    rubric_b: Path | None = None
    output: OutputSettings = field(default_factory=OutputSettings)
    changed: bool = False
    """Only the lines whose value changed (and the total)."""
    rubrics: bool = False
    """A and B are rubrics: what changed from one to the other."""


def run_compare(s: CompareSettings, stdout: IO[bytes], say: Say) -> int:
    """Two data files side by side, node by node and figure by figure (their rubrics may differ:
    nodes are matched by id, else by number and title); or, with ``rubrics``, two rubrics."""
    from selfeval.compare import compare_rubrics

    paths = [Path(s.a), Path(s.b)]
    require_files(paths)
    inputs = _given(*paths, s.rubric, s.rubric_a, s.rubric_b)
    dest = Destination.prepare(COMPARISON, Format.TABLE, s.output, s.run, inputs)
    if s.rubrics:
        library = Library()
        fa, fb = library.load(paths[0]), library.load(paths[1])
        dest.write(compare_rubrics(fa.rubric, fb.rubric), stdout, say, inputs)
        return 0
    a = evaluate(paths[0], Library(s.rubric_a or s.rubric, search=s.run.rubric_path))
    b = evaluate(paths[1], Library(s.rubric_b or s.rubric, search=s.run.rubric_path))
    ra, rb = a.result.rubric, b.result.rubric
    full = compare(a, b)
    result = compare(a, b, changed_only=True) if s.changed else full
    if (ra.id, ra.version) != (rb.id, rb.version):
        if not any(x.kind == "node" and x.a is not None and x.b is not None for x in full.lines):
            raise SelfevalError(msg("compare-nothing-matched", a=f"{ra.id} {ra.version}", b=f"{rb.id} {rb.version}"))
        say.info("compare-across", a=f"{ra.id} {ra.version}", b=f"{rb.id} {rb.version}")
    dest.write(result, stdout, say, [*inputs, *a.rubric.files(), *b.rubric.files()])
    return 0


# ----------------------------------------------------------------------------- explain


@dataclass(frozen=True, kw_only=True)
class ExplainSettings:
    """Options of ``selfeval explain``."""

    run: Settings = field(default_factory=Settings)
    node: str
    file: str | None = None
    rubric: Path | None = None
    output: OutputSettings = field(default_factory=OutputSettings)


def run_explain(s: ExplainSettings, stdout: IO[bytes], say: Say) -> int:
    """One node: its rule in words, the inputs it reads with the county's values, the score and why."""
    path = Path(s.file) if s.file else resources.EXAMPLE_DATA
    dest = Destination.prepare(EXPLANATION, Format.TABLE, s.output, s.run, _given(path, s.rubric))
    ev = evaluate(path, Library(s.rubric, search=s.run.rubric_path))
    dest.write(explain(ev, s.node), stdout, say, _given(path, s.rubric, ev.rubric.path))
    return 0


# ----------------------------------------------------------------------------- rules


def _doc(text: str, family: str, width: int) -> list[str]:
    """A check's docstring in the run's language, wrapped to the terminal, then its worked examples."""
    from selfeval.reference import doc_lines

    described, examples = doc_lines(text, family, width)
    return [*described, *examples]


def run_rules(s: RulesSettings, stdout: IO[bytes], say: Say) -> int:
    """The rule kinds a rubric can use, each with its keys and examples, and the audit checks;
    one kind or check (``KIND``), or the keys of a rubric and of a node (``--keys``)."""
    from selfeval.reference import keys_lines, kind_lines

    width = s.run.width
    checks = {c.id: c for c in [*CHECKS, *(c for f in FORMS.values() for c in f.checks)]}
    if s.keys:
        lines = keys_lines(width)
    elif s.kind is not None and s.kind in RULES:
        lines = kind_lines(s.kind, RULES[s.kind], width)
    elif s.kind is not None and s.kind in checks:
        lines = [s.kind, *_doc(checks[s.kind].doc, "check", width)]
    elif s.kind is not None:
        hint = suggest_msg(s.kind, [*RULES, *checks])
        raise UsageError(msg("rules-no-such-kind", kind=s.kind, hint=hint, kinds=", ".join(RULES)))
    else:
        lines = [t("rules-heading"), *wrap_cells(t("rules-examples"), width)]
        lines += [*wrap_cells(t("ref-kinds-intro"), width), ""]
        for kind, cls in RULES.items():
            lines += [*kind_lines(kind, cls, width), ""]
        lines += [t("checks-heading"), *wrap_cells(t("checks-examples"), width), ""]
        for check in CHECKS:
            lines += [check.id, *_doc(check.doc, "check", width), ""]
        for form in FORMS.values():
            if form.checks:
                lines += [t("form-checks-heading", form=form.title), ""]
                for check in form.checks:
                    lines += [check.id, *_doc(check.doc, "check", width), ""]
    stdout.write(("\n".join(lines).rstrip("\n") + "\n").encode("utf-8"))
    return 0


@dataclass(frozen=True, kw_only=True)
class RulesSettings:
    """Options of ``selfeval rules``."""

    run: Settings = field(default_factory=Settings)
    kind: str | None = None
    """One rule kind or audit check, instead of all."""
    keys: bool = False
    """The keys of a rubric and of a node, instead of the rule kinds."""


# ----------------------------------------------------------------------------- schema


@dataclass(frozen=True, kw_only=True)
class SchemaSettings:
    """Options of ``selfeval schema``."""

    run: Settings = field(default_factory=Settings)
    kind: str
    """``rubric`` or ``data``."""
    rubric: Path | None = None
    """For ``data``: the rubric whose names the schema knows."""
    output: OutputSettings = field(default_factory=OutputSettings)


def run_schema(s: SchemaSettings, stdout: IO[bytes], say: Say) -> int:
    """The JSON Schema of rubric files, or of data files (for one rubric, or any)."""
    import json

    from selfeval.json_schema import data_schema, rubric_schema

    if s.kind not in ("rubric", "data"):
        raise UsageError(msg("schema-kind-unknown", kind=s.kind, hint=suggest_msg(s.kind, ["rubric", "data"])))
    o = s.output
    if o.out is not None:
        check_target(o.out, force=o.force, inputs=_given(s.rubric))
    library = Library(s.rubric, search=s.run.rubric_path)
    schema = rubric_schema() if s.kind == "rubric" else data_schema(library.default().rubric if s.rubric else None)
    with opened(o.out, stdout, force=o.force, inputs=_given(s.rubric, *library.read())) as fh:
        fh.write((json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    if o.out is not None:
        say.info("wrote", path=o.out)
    return 0


# ----------------------------------------------------------------------------- test


@dataclass(frozen=True, kw_only=True)
class CaseSettings:
    """Options of ``selfeval test``."""

    run: Settings = field(default_factory=Settings)
    paths: tuple[str, ...] = (".",)
    output: OutputSettings = field(default_factory=OutputSettings)


def run_test(s: CaseSettings, stdout: IO[bytes], say: Say) -> int:
    """Run rubric test cases; exit 1 when an expectation does not hold or a case cannot be run."""
    from selfeval.casetests import discover, run_case

    paths = discover(list(s.paths) or ["."])
    dest = Destination.prepare(FINDINGS, Format.PARSABLE, s.output, s.run, paths)
    libraries: dict[Path | None, Library] = {}
    outcomes = [run_case(p, libraries, s.run.rubric_path) for p in paths]
    read = [p for lib in libraries.values() for p in lib.read()]
    dest.write(Findings([Checked(str(o.path), o.problems) for o in outcomes]), stdout, say, [*paths, *read])
    checks = sum(o.checks for o in outcomes)
    failed = sum(o.failed for o in outcomes)
    broken = sum(1 for o in outcomes if o.problems and not o.failed)
    say.info("case-summary", files=len(outcomes), checks=checks, failed=failed)
    return 1 if failed or broken else 0


# ----------------------------------------------------------------------------- running


def execute(fn: Callable[[], int], run: Settings, err: TextIO) -> int:
    """Run a command in the run's language, turning user errors into messages and exit codes."""
    with speaking(run.lang):
        try:
            return fn()
        except SelfevalError as e:
            if run.debug:
                raise
            if isinstance(e, InputError):
                for p in e.problems:
                    print(inert(line(p)), file=err)
            else:
                print(inert(str(e)), file=err)
            return e.exit_code
