"""What each command does, given its settings: build, run, return the exit code.

The CLI only turns options into settings. Every function returns the exit code: 0 all
well, 1 bad content (or a threshold not met), 2 usage. Errors the user can act on are
raised as :class:`~selfeval.errors.SelfevalError` and printed by :func:`guarded`.
"""

from __future__ import annotations

import datetime as dt
import inspect
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, TextIO

from selfeval import resources
from selfeval.audit import DOCS as CHECK_DOCS
from selfeval.batch import Ranking, score_many
from selfeval.choices import Format, Scores, Sort
from selfeval.compare import compare
from selfeval.errors import InputError, SelfevalError, UsageError
from selfeval.forms import ReportOptions
from selfeval.inputs import Library, check_file, expand
from selfeval.numbers import fmt
from selfeval.outputs import Checked, Findings, Kind, Report, Reporter, choose
from selfeval.outputs.parsable import line
from selfeval.outputs.sink import check_target, opened
from selfeval.pipeline import evaluate
from selfeval.problems import Severity, counts
from selfeval.rules import RULES


@dataclass
class Output:
    """Where and how a command writes its result: ``--format``, ``--out``, ``--force``."""

    format: Format | None = None
    out: Path | None = None
    force: bool = False

    def prepare(self, kind: Kind, default: Format, inputs: Iterable[Path] = ()) -> Reporter:
        """The reporter, after checking that the output may be written (before any work is done)."""
        reporter = choose(kind, default, self.format, self.out)()
        if self.out is not None:
            check_target(self.out, force=self.force, inputs=inputs)
        return reporter

    def write(
        self, reporter: Reporter, kind: Kind, payload: Any, stdout: IO[bytes], err: TextIO, inputs: Iterable[Path] = ()
    ) -> None:
        """Write the result to standard output, or atomically to ``--out``."""
        with opened(self.out, stdout, force=self.force, inputs=inputs) as fh:
            reporter.write(kind, payload, fh)
        if self.out is not None:
            print(f"wrote {self.out}", file=err)


# ----------------------------------------------------------------------------- validate


@dataclass
class ValidateSettings:
    """Options of ``selfeval validate``."""

    files: list[str]
    rubric: Path | None = None
    output: Output = field(default_factory=Output)


def run_validate(s: ValidateSettings, stdout: IO[bytes], err: TextIO) -> int:
    """Check rubric and data files; exit 1 when any has an error."""
    paths = expand(s.files)
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file")
        if path.is_dir():
            raise UsageError(f"{path}: is a directory, expected a YAML file")
    reporter = s.output.prepare(Kind.FINDINGS, Format.PARSABLE, paths)
    library = Library(s.rubric)
    checked = [Checked(str(p), check_file(p, library)) for p in paths]
    s.output.write(reporter, Kind.FINDINGS, Findings(checked), stdout, err, paths)
    total = counts([p for c in checked for p in c.problems])
    bad = sum(1 for c in checked if c.problems)
    print(
        f"{len(paths)} file(s) checked, {bad} with problems ({total[Severity.ERROR]} errors, "
        f"{total[Severity.WARNING]} warnings)",
        file=err,
    )
    return 1 if total[Severity.ERROR] else 0


# ----------------------------------------------------------------------------- score


@dataclass
class ScoreSettings:
    """Options of ``selfeval score``."""

    files: list[str]
    rubric: Path | None = None
    output: Output = field(default_factory=Output)
    fail_under: Decimal | None = None
    gaps: bool = False
    sort: Sort = Sort.TOTAL
    jobs: int = 0
    progress: bool = False


def run_score(s: ScoreSettings, stdout: IO[bytes], err: TextIO) -> int:
    """Score one file in detail, or many as a ranking."""
    paths = expand(s.files)
    if len(paths) == 1:
        kind = Kind.GAPS if s.gaps else Kind.SCORE
        reporter = s.output.prepare(kind, Format.TABLE, paths)
        ev = evaluate(paths[0], Library(s.rubric))
        s.output.write(reporter, kind, ev, stdout, err, paths)
        if s.fail_under is not None and ev.result.total < s.fail_under:
            print(f"total {fmt(ev.result.total)} is below --fail-under {s.fail_under}", file=err)
            return 1
        return 0
    if s.gaps:
        raise UsageError("--gaps explains one county; give a single data file")
    reporter = s.output.prepare(Kind.RANKING, Format.TABLE, paths)
    ranking = Ranking.sorted(score_many(paths, s.rubric, jobs=s.jobs, progress=s.progress), s.sort)
    s.output.write(reporter, Kind.RANKING, ranking, stdout, err, paths)
    for row in ranking.failed:
        for p in row.problems:
            print(line(p), file=err)
    below = [r for r in ranking.rows if s.fail_under is not None and r.total is not None and r.total < s.fail_under]
    if ranking.failed:
        print(f"{len(ranking.failed)} of {len(ranking.rows)} file(s) could not be scored", file=err)
    if below:
        print(f"{len(below)} county total(s) below --fail-under {s.fail_under}", file=err)
    return 1 if ranking.failed or below else 0


# ----------------------------------------------------------------------------- audit


@dataclass
class AuditSettings:
    """Options of ``selfeval audit``."""

    file: str
    rubric: Path | None = None
    output: Output = field(default_factory=Output)
    fail_on: Severity = Severity.ERROR


def run_audit(s: AuditSettings, stdout: IO[bytes], err: TextIO) -> int:
    """List every claim that does not hold; exit 1 at or above ``fail_on``."""
    path = Path(s.file)
    reporter = s.output.prepare(Kind.FINDINGS, Format.TABLE, [path])
    ev = evaluate(path, Library(s.rubric))
    subject = ev.result.data.subject
    findings = Findings([Checked(str(path), ev.findings, (subject.name, subject.year))])
    s.output.write(reporter, Kind.FINDINGS, findings, stdout, err, [path])
    return 1 if any(f.severity.at_least(s.fail_on) for f in ev.findings) else 0


# ----------------------------------------------------------------------------- report


@dataclass
class ReportSettings:
    """Options of ``selfeval report``."""

    file: str | None
    rubric: Path | None = None
    output: Output = field(default_factory=Output)
    template: Path | None = None
    options: ReportOptions = field(default_factory=ReportOptions)
    fail_on: Severity | None = None


def run_report(s: ReportSettings, stdout: IO[bytes], err: TextIO) -> int:
    """Render the document a county files, written atomically; say what the audit found."""
    path = Path(s.file) if s.file else resources.EXAMPLE_DATA
    inputs = [path, *([s.template] if s.template else [])]
    reporter = s.output.prepare(Kind.REPORT, Format.MARKDOWN, inputs)
    ev = evaluate(path, Library(s.rubric))
    c = counts(ev.findings)
    summary = f"审核发现 {c[Severity.ERROR]} 个错误、{c[Severity.WARNING]} 个警告、{c[Severity.INFO]} 条提示"
    see = f"（selfeval audit {path} 查看）" if ev.findings else ""
    if s.fail_on is not None and any(f.severity.at_least(s.fail_on) for f in ev.findings):
        print(f"{summary}{see}；按 --fail-on {s.fail_on.value}，未写出报告", file=err)
        return 1
    template = s.template or ev.rubric.template()
    report = Report(ev, template, s.options)
    s.output.write(reporter, Kind.REPORT, report, stdout, err, [*inputs, ev.rubric.path])
    shown = "自评得分（报告所写）" if s.options.scores is Scores.CLAIMED else "按证据计算的得分"
    total = ev.result.claimed_total if s.options.scores is Scores.CLAIMED else ev.result.total
    print(f"{ev.label}：报告载{shown}，总分 {'—' if total is None else fmt(total)}；{summary}{see}", file=err)
    return 0


# ----------------------------------------------------------------------------- init


@dataclass
class InitSettings:
    """Options of ``selfeval init``."""

    out: Path
    name: str | None = None
    year: int | None = None
    rubric: Path | None = None
    force: bool = False
    example: bool = False
    previous: Path | None = None


def run_init(s: InitSettings, stdout: IO[bytes], err: TextIO) -> int:
    """Write a data file to fill in: blank for a rubric, next year's from this year's, or the example."""
    check_target(s.out, force=s.force, inputs=[p for p in (s.previous, s.rubric) if p])
    if s.example:
        text = resources.EXAMPLE_DATA.read_text(encoding="utf-8")
        what = "the Pingluo 2020 example"
    elif s.previous is not None:
        library = Library()
        last = evaluate(s.previous, library)
        rf = Library(s.rubric).only() if s.rubric else last.rubric
        if rf.form is not last.form:
            raise UsageError(f"{s.previous} is a {last.form.name} file; --rubric {s.rubric} is for {rf.form.name}")
        year = s.year or last.result.data.subject.year + 1
        text = rf.form.skeleton(rf.rubric, s.name or last.result.data.subject.name, year, last.result.data)
        what = f"{year} from {s.previous}, every figure, fact and 文号 to fill in again"
    else:
        rf = Library(s.rubric).only()
        year = s.year or dt.date.today().year - 1
        text = rf.form.skeleton(rf.rubric, s.name or "某县", year)
        what = f"a blank data file for {rf.rubric.id} {rf.rubric.version}"
    with opened(s.out, stdout, force=s.force) as fh:
        fh.write(text.encode("utf-8"))
    print(f"wrote {s.out}: {what}; then run selfeval validate {s.out} to see what is left", file=err)
    return 0


# ----------------------------------------------------------------------------- compare


@dataclass
class CompareSettings:
    """Options of ``selfeval compare``."""

    a: str
    b: str
    rubric: Path | None = None
    output: Output = field(default_factory=Output)


def run_compare(s: CompareSettings, stdout: IO[bytes], err: TextIO) -> int:
    """Two data files side by side, node by node and figure by figure."""
    paths = [Path(s.a), Path(s.b)]
    reporter = s.output.prepare(Kind.COMPARISON, Format.TABLE, paths)
    library = Library(s.rubric)
    comparison = compare(evaluate(paths[0], library), evaluate(paths[1], library))
    s.output.write(reporter, Kind.COMPARISON, comparison, stdout, err, paths)
    return 0


# ----------------------------------------------------------------------------- rules


def run_rules(stdout: IO[bytes], err: TextIO) -> int:
    """The rule kinds a rubric can use and the audit checks, each with its documentation."""
    lines = ["Rule kinds (rule.kind):", ""]
    for kind, cls in RULES.items():
        lines += [kind, "    " + inspect.cleandoc(cls.__doc__ or "").replace("\n", "\n    "), ""]
    lines += ["Audit checks (finding codes):", ""]
    for code, doc in CHECK_DOCS.items():
        lines += [code, "    " + inspect.cleandoc(doc).replace("\n", "\n    "), ""]
    stdout.write(("\n".join(lines) + "\n").encode("utf-8"))
    return 0


def guarded(fn: Callable[[], int], err: TextIO = sys.stderr, debug: bool = False) -> int:
    """Run a command, turning user errors into messages and exit codes."""
    try:
        return fn()
    except SelfevalError as e:
        if debug:
            raise
        if isinstance(e, InputError):
            for p in e.problems:
                print(line(p), file=err)
        else:
            print(str(e), file=err)
        return e.exit_code
