"""The command line: options in, settings out, then run and exit. Nothing else lives here.

Only light modules are imported at start-up, so ``--help`` is quick; each command imports
what it runs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Optional, TextIO

import typer

from selfeval import __version__
from selfeval.choices import Format, Scores, Sort
from selfeval.problems import Severity

if TYPE_CHECKING:
    from selfeval.commands import Output

app = typer.Typer(
    name="selfeval",
    help="Score a county's social-assistance self-evaluation (自评) against a YAML rubric, "
    "audit its claims, and render the Chinese report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state = {"debug": False}

# Optional[...] below: typer reads the annotations at run time, and needs Optional on Python 3.10.
RubricOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--rubric", "-r", help="Rubric file to score against (default: the one the data names)."),
]
OutOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--out", "-o", help="Write the result to this file, atomically (default: print it)."),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite an existing --out file.")]

FORMAT_HELP = {
    "validate": "table, json, csv, parsable, github (default: parsable)",
    "score": "table, json, csv (default: from --out's suffix, else table)",
    "audit": "table, json, csv, parsable, github (default: from --out's suffix, else table)",
    "report": "markdown (default)",
    "compare": "table, json, csv (default: from --out's suffix, else table)",
}
"""The formats each command offers, for its help (a test keeps them true to the output layer)."""


def _format_opt(command: str) -> object:
    return typer.Option("--format", "-f", help=f"Output format: {FORMAT_HELP[command]}.")


def _output(format: Format | None, out: Path | None, force: bool) -> Output:
    from selfeval.commands import Output

    return Output(format, out, force)


def _run(fn: Callable[[IO[bytes], TextIO], int]) -> None:
    from selfeval.commands import guarded

    debug = _state["debug"] or bool(os.environ.get("SELFEVAL_DEBUG"))
    try:
        sys.stdout.flush()
        code = guarded(lambda: fn(sys.stdout.buffer, sys.stderr), sys.stderr, debug)
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except BrokenPipeError:
        # The reader went away (`selfeval score … | head`): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(141) from None
    except typer.Exit:
        raise
    except Exception as e:
        if debug:
            raise
        print(f"selfeval: internal error: {type(e).__name__}: {e} (run with --debug for details)", file=sys.stderr)
        raise typer.Exit(3) from None
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        print(f"selfeval {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Global options."""
    _state["debug"] = debug


@app.command()
def validate(
    files: Annotated[list[str], typer.Argument(help="Rubric or data files, folders or globs.")],
    format: Annotated[Optional[Format], _format_opt("validate")] = None,  # noqa: UP045
    rubric: RubricOpt = None,
    out: OutOpt = None,
    force: ForceOpt = False,
) -> None:
    """Check rubric (and data) files; print path:line:col: severity: message for every problem."""
    from selfeval.commands import ValidateSettings, run_validate

    settings = ValidateSettings(files, rubric, _output(format, out, force))
    _run(lambda o, e: run_validate(settings, o, e))


def _decimal(value: Optional[str]) -> Optional[Decimal]:  # noqa: UP045
    if value is None:
        return None
    try:
        d = Decimal(value)
    except InvalidOperation:
        raise typer.BadParameter(f"{value!r} is not a number", param_hint="--fail-under") from None
    if not d.is_finite():
        raise typer.BadParameter(f"{value!r} is not a finite number", param_hint="--fail-under")
    return d


@app.command("score")
def score_cmd(
    files: Annotated[list[str], typer.Argument(help="Data files, folders or globs.")],
    rubric: RubricOpt = None,
    format: Annotated[Optional[Format], _format_opt("score")] = None,  # noqa: UP045
    out: OutOpt = None,
    force: ForceOpt = False,
    fail_under: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--fail-under", help="Exit 1 when a total is below this."),
    ] = None,
    gaps: Annotated[bool, typer.Option("--gaps", help="List the points lost and how to recover them.")] = False,
    sort: Annotated[Sort, typer.Option("--sort", help="Ranking order.")] = Sort.TOTAL,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Processes for large batches (0: automatic).")] = 0,
) -> None:
    """Score county data: one file in detail, several as a ranking."""
    from selfeval.commands import ScoreSettings, run_score

    settings = ScoreSettings(
        files,
        rubric,
        _output(format, out, force),
        _decimal(fail_under),
        gaps,
        sort,
        jobs,
        progress=sys.stderr.isatty(),
    )
    _run(lambda o, e: run_score(settings, o, e))


@app.command("audit")
def audit_cmd(
    file: Annotated[str, typer.Argument(help="A county data file.")],
    rubric: RubricOpt = None,
    format: Annotated[Optional[Format], _format_opt("audit")] = None,  # noqa: UP045
    out: OutOpt = None,
    force: ForceOpt = False,
    fail_on: Annotated[Severity, typer.Option("--fail-on", help="Exit 1 on findings at this level or worse.")] = (
        Severity.ERROR
    ),
) -> None:
    """List every claim in a report that its own evidence does not support."""
    from selfeval.commands import AuditSettings, run_audit

    settings = AuditSettings(file, rubric, _output(format, out, force), fail_on)
    _run(lambda o, e: run_audit(settings, o, e))


@app.command()
def report(
    file: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(help="County data file (default: the bundled Pingluo example)."),
    ] = None,
    out: OutOpt = None,
    format: Annotated[Optional[Format], _format_opt("report")] = None,  # noqa: UP045
    rubric: RubricOpt = None,
    template: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--template", "-t", help="Your own Jinja2 template (rendered sandboxed)."),
    ] = None,
    with_audit: Annotated[bool, typer.Option("--with-audit", help="Append the audit findings.")] = False,
    scores: Annotated[
        Scores, typer.Option("--scores", help="computed: the scores the evidence gives; claimed: the county's own.")
    ] = Scores.COMPUTED,
    fail_on: Annotated[
        Optional[Severity],  # noqa: UP045
        typer.Option("--fail-on", help="Write nothing when the audit finds problems at this level or worse."),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Render the Chinese self-evaluation report (自评报告); the audit's summary goes to stderr."""
    from selfeval.commands import ReportSettings, run_report
    from selfeval.forms import ReportOptions

    options = ReportOptions(with_audit, scores)
    settings = ReportSettings(file, rubric, _output(format, out, force), template, options, fail_on)
    _run(lambda o, e: run_report(settings, o, e))


@app.command()
def init(
    out: Annotated[Path, typer.Argument(help="The data file to create.")],
    previous: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--from", help="Last year's data file: keep the county, evidence list and text."),
    ] = None,
    name: Annotated[Optional[str], typer.Option("--name", help="County name (县名).")] = None,  # noqa: UP045
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--year", help="Year evaluated (default: the one after --from's, else last year).", min=2000, max=2100
        ),
    ] = None,
    rubric: RubricOpt = None,
    example: Annotated[bool, typer.Option("--example", help="Write the bundled Pingluo example instead.")] = False,
    force: ForceOpt = False,
) -> None:
    """Write a data file to fill in: blank, or next year's started from this year's (--from)."""
    from selfeval.commands import InitSettings, run_init

    settings = InitSettings(out, name, year, rubric, force, example, previous)
    _run(lambda o, e: run_init(settings, o, e))


@app.command("compare")
def compare_cmd(
    a: Annotated[str, typer.Argument(help="First data file (e.g. last year).")],
    b: Annotated[str, typer.Argument(help="Second data file (e.g. this year).")],
    rubric: RubricOpt = None,
    format: Annotated[Optional[Format], _format_opt("compare")] = None,  # noqa: UP045
    out: OutOpt = None,
    force: ForceOpt = False,
) -> None:
    """Compare two data files node by node, with the key figures and their change."""
    from selfeval.commands import CompareSettings, run_compare

    settings = CompareSettings(a, b, rubric, _output(format, out, force))
    _run(lambda o, e: run_compare(settings, o, e))


@app.command()
def rules() -> None:
    """List the rule kinds a rubric can use, and the audit checks."""
    from selfeval.commands import run_rules

    _run(run_rules)


def main() -> None:
    """Console-script entry point."""
    app()
