"""What each command does, given its settings. The CLI only builds the settings.

Every function returns the exit code: 0 all well, 1 bad content (or a threshold not met),
2 usage. Input errors are raised as :class:`~selfeval.errors.SelfevalError` and turned into
``path:line:col: message`` lines by the CLI.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from selfeval import bundled
from selfeval.audit import Finding, audit
from selfeval.choices import AuditFormat, Format, ProblemFormat, Severity, Sort
from selfeval.errors import InputError, SelfevalError, UsageError
from selfeval.inputs import LoadedData, RubricCache, expand, load_checked
from selfeval.load import load_document, validate_model
from selfeval.models import CountyData
from selfeval.numbers import fmt
from selfeval.output import check_target, write_atomic
from selfeval.problems import Level, Problem
from selfeval.reporters import (
    RANKING_FORMATS,
    SCORE_FORMATS,
    Row,
    audit_table,
    dumps,
    finding_json,
    gaps_json,
    gaps_text,
)
from selfeval.scoring import ScoreResult, score
from selfeval.validate import check_data, missing_inputs, rubric_from

PROBLEM_FORMATS: dict[ProblemFormat, Callable[[Problem], str]] = {
    ProblemFormat.PARSABLE: Problem.parsable,
    ProblemFormat.GITHUB: Problem.github,
}


def print_problems(problems: list[Problem], how: ProblemFormat, out: TextIO) -> None:
    """Print problems one per line in the chosen format."""
    render = PROBLEM_FORMATS[how]
    for p in sorted(problems):
        print(render(p), file=out)


# ----------------------------------------------------------------------------- validate


@dataclass
class ValidateSettings:
    """Options of ``selfeval validate``."""

    files: list[str]
    format: ProblemFormat = ProblemFormat.PARSABLE
    rubric: Path | None = None


def validate_file(path: Path, cache: RubricCache) -> list[Problem]:
    """All problems of one rubric or data file (the kind is told by its keys)."""
    try:
        doc = load_document(path)
        if "sections" in doc.data:
            rubric_from(doc)
            return []
        if "subject" in doc.data:
            data = validate_model(doc, CountyData)
            lr = cache.for_data(data, doc, path)
            return check_data(data, doc, lr.rubric) or missing_inputs(data, doc, lr.rubric)
        return [Problem(str(path), 1, 1, "neither a rubric (no 'sections') nor a data file (no 'subject')", "schema")]
    except InputError as e:
        return e.problems


def run_validate(s: ValidateSettings, out: TextIO, err: TextIO) -> int:
    """Check rubric and data files; exit 1 when any has a problem."""
    paths = expand(s.files)
    cache = RubricCache(s.rubric)
    problems: list[Problem] = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file")
        if path.is_dir():
            raise UsageError(f"{path}: is a directory, expected a YAML file")
    bad = 0
    for path in paths:
        found = validate_file(path, cache)
        bad += bool(found)
        problems += found
    print_problems(problems, s.format, out)
    errors = [p for p in problems if p.level is Level.ERROR]
    print(
        f"{len(paths)} file(s) checked, {bad} with problems ({len(errors)} errors, "
        f"{len(problems) - len(errors)} warnings)",
        file=err,
    )
    return 1 if errors else 0


# ----------------------------------------------------------------------------- score


@dataclass
class ScoreSettings:
    """Options of ``selfeval score``."""

    files: list[str]
    rubric: Path | None = None
    format: Format = Format.TABLE
    fail_under: Decimal | None = None
    gaps: bool = False
    sort: Sort = Sort.TOTAL
    jobs: int = 0
    progress: bool = False


def score_one(path: Path, cache: RubricCache) -> tuple[LoadedData, ScoreResult, list[Finding]]:
    """Load, score and audit one data file."""
    loaded = load_checked(path, cache)
    result = score(loaded.rubric.rubric, loaded.data)
    return loaded, result, audit(result)


def run_score(s: ScoreSettings, out: TextIO, err: TextIO) -> int:
    """Score one file in detail, or many as a ranking."""
    paths = expand(s.files)
    if len(paths) == 1:
        path = paths[0]
        _, result, findings = score_one(path, RubricCache(s.rubric))
        if s.gaps:
            out.write(dumps(gaps_json(result)) if s.format is Format.JSON else gaps_text(result))
        else:
            out.write(SCORE_FORMATS[s.format](result, findings))
        if s.fail_under is not None and result.total < s.fail_under:
            print(f"total {fmt(result.total)} is below --fail-under {s.fail_under}", file=err)
            return 1
        return 0
    if s.gaps:
        raise UsageError("--gaps explains one county; give a single data file")
    from selfeval.batch import score_many

    rows = score_many(paths, s.rubric, jobs=s.jobs, progress=s.progress)
    rows = sort_rows(rows, s.sort)
    out.write(RANKING_FORMATS[s.format](rows))
    failed = [r for r in rows if r.error is not None]
    for r in failed:
        for line in r.problems:
            print(line, file=err)
    below = [r for r in rows if s.fail_under is not None and r.total is not None and r.total < s.fail_under]
    if failed:
        print(f"{len(failed)} of {len(rows)} file(s) could not be scored", file=err)
    if below:
        print(f"{len(below)} county total(s) below --fail-under {s.fail_under}", file=err)
    return 1 if failed or below else 0


SORTS: dict[Sort, Callable[[Row], tuple[object, ...]]] = {
    Sort.TOTAL: lambda r: (r.error is not None, -(r.total or 0), r.name, r.path),
    Sort.NAME: lambda r: (r.error is not None, r.name, r.year or 0, r.path),
    Sort.PATH: lambda r: (r.path,),
    Sort.AUDIT: lambda r: (r.error is not None, -r.audit_errors, r.name, r.path),
}


def sort_rows(rows: list[Row], key: Sort) -> list[Row]:
    """Rows in the chosen order; files that failed always come last (except by path)."""
    return sorted(rows, key=SORTS[key])


# ----------------------------------------------------------------------------- audit


@dataclass
class AuditSettings:
    """Options of ``selfeval audit``."""

    file: str
    rubric: Path | None = None
    format: AuditFormat = AuditFormat.TABLE
    fail_on: Severity = Severity.ERROR


def run_audit(s: AuditSettings, out: TextIO, err: TextIO) -> int:
    """List every claim that does not hold; exit 1 at or above ``fail_on``."""
    path = Path(s.file)
    loaded, _, findings = score_one(path, RubricCache(s.rubric))
    label = f"{loaded.data.subject.name} {loaded.data.subject.year}（{path}）"
    if s.format is AuditFormat.JSON:
        out.write(
            dumps(
                {
                    "subject": {"name": loaded.data.subject.name, "year": loaded.data.subject.year},
                    "findings": [finding_json(f) for f in findings],
                }
            )
        )
    else:
        out.write(audit_table(findings, label))
    order = [Severity.ERROR, Severity.WARNING, Severity.INFO]
    worst = order.index(s.fail_on)
    return 1 if any(order.index(f.severity) <= worst for f in findings) else 0


# ----------------------------------------------------------------------------- report


@dataclass
class ReportSettings:
    """Options of ``selfeval report``."""

    file: str | None
    out: Path | None
    rubric: Path | None = None
    template: Path | None = None
    with_audit: bool = False
    force: bool = False


def run_report(s: ReportSettings, out: TextIO, err: TextIO) -> int:
    """Render the Chinese self-evaluation report, written atomically."""
    from selfeval.render import render_report

    path = Path(s.file) if s.file else bundled.EXAMPLE_DATA
    if s.out is not None:
        check_target(s.out, force=s.force)
    loaded, result, findings = score_one(path, RubricCache(s.rubric))
    text = render_report(loaded, result, findings, template=s.template, with_audit=s.with_audit)
    if s.out is None:
        out.write(text)
        return 0

    write_atomic(s.out, text, force=s.force)
    print(
        f"wrote {s.out}: {loaded.data.subject.name} {loaded.data.subject.year}, total {fmt(result.total)} "
        f"({result.grade})",
        file=err,
    )
    return 0


# ----------------------------------------------------------------------------- init


@dataclass
class InitSettings:
    """Options of ``selfeval init``."""

    out: Path
    name: str
    year: int
    rubric: Path | None = None
    force: bool = False


def run_init(s: InitSettings, out: TextIO, err: TextIO) -> int:
    """Write a blank data file for a rubric, every input listed and commented out."""
    from selfeval.skeleton import skeleton

    cache = RubricCache(s.rubric)
    if s.rubric is not None:
        lr = cache.load(s.rubric)
    else:
        found = sorted(cache.bundled().values())
        if len(found) != 1:
            raise UsageError("several rubrics are bundled; choose one with --rubric")
        lr = cache.load(found[0])
    check_target(s.out, force=s.force)
    write_atomic(s.out, skeleton(lr.rubric, s.name, s.year), force=s.force)
    print(
        f"wrote {s.out}: a blank data file for {lr.rubric.id} {lr.rubric.version}; "
        f"fill it in, then run selfeval validate {s.out}",
        file=err,
    )
    return 0


# ----------------------------------------------------------------------------- compare


@dataclass
class CompareSettings:
    """Options of ``selfeval compare``."""

    a: str
    b: str
    rubric: Path | None = None
    format: Format = Format.TABLE


def run_compare(s: CompareSettings, out: TextIO, err: TextIO) -> int:
    """Two data files side by side, node by node and figure by figure."""
    from selfeval.compare import COMPARE_FORMATS, compare

    cache = RubricCache(s.rubric)
    _, ra, _ = score_one(Path(s.a), cache)
    _, rb, _ = score_one(Path(s.b), cache)
    out.write(COMPARE_FORMATS[s.format](compare(ra, rb)))
    return 0


def guarded(fn: Callable[[], int], err: TextIO = sys.stderr, debug: bool = False) -> int:
    """Run a command, turning user errors into messages and exit codes."""
    try:
        return fn()
    except SelfevalError as e:
        if debug:
            raise
        for line in e.lines():
            print(line, file=err)
        return e.exit_code
