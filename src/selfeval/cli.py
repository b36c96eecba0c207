"""The command line: options in, settings out, then run and exit. Nothing else lives here.

Only light modules are imported at start-up, so ``-h`` is quick; each command imports what
it runs. Help is in the run's language, which is known before the commands are built
(``--lang en`` on the command line, or ``SELFEVAL_LANG=en``).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, Optional

import typer

from selfeval import __version__, i18n
from selfeval.choices import Format, Scores, Sort
from selfeval.cliframe import Command, Group
from selfeval.i18n import Lang, t
from selfeval.problems import Severity

if TYPE_CHECKING:
    from selfeval.commands import Output, Say


def _lang_of(argv: list[str]) -> Lang:
    """``--lang`` as given on the command line, else the environment's, for the help texts."""
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        elif arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        else:
            continue
        return Lang.EN if value.lower().startswith("en") else Lang.ZH
    return i18n.current()


i18n.use(_lang_of(sys.argv[1:]))

app = typer.Typer(
    name="selfeval",
    cls=Group,
    help=t("help-app"),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state: dict[str, Any] = {"debug": False, "quiet": False, "verbose": False, "ids": False}

# Optional[...] below: typer reads the annotations at run time, and needs Optional on Python 3.10.
RubricOpt = Annotated[Optional[Path], typer.Option("--rubric", "-r", help=t("help-rubric"))]  # noqa: UP045
LedgerOpt = Annotated[Optional[Path], typer.Option("--adjustments", "-a", help=t("help-adjustments"))]  # noqa: UP045
OutOpt = Annotated[Optional[Path], typer.Option("--out", "-o", help=t("help-out"))]  # noqa: UP045
ForceOpt = Annotated[bool, typer.Option("--force", help=t("help-force"))]

FORMAT_HELP = {
    "validate": "table, json, csv, xlsx, parsable, github",
    "score": "table, json, csv, xlsx, html",
    "audit": "table, json, csv, xlsx, parsable, github",
    "report": "markdown, docx, xlsx",
    "compare": "table, json, csv",
    "explain": "table, json",
}
"""The formats each command offers, for its help (a test keeps them true to the output layer)."""


def _format_opt(command: str) -> Any:
    formats = FORMAT_HELP[command] + (t("help-html-many") if "html" in FORMAT_HELP[command] else "")
    return typer.Option("--format", "-f", help=t("help-format", formats=formats))


def _output(format: Format | None, out: Path | None, force: bool) -> Output:
    from selfeval.commands import Output
    from selfeval.outputs import Options

    width = shutil.get_terminal_size((80, 24)).columns
    to = None if out is not None and str(out) == "-" else out  # `--out -`: standard output, as is usual
    options = Options(width=max(width, 40), ids=_state["ids"], terminal=sys.stdout.isatty())
    return Output(format, to, force, options)


def _run(fn: Callable[[IO[bytes], Say], int]) -> None:
    from selfeval.commands import Say, guarded

    debug = _state["debug"] or bool(os.environ.get("SELFEVAL_DEBUG"))
    say = Say(sys.stderr, quiet=_state["quiet"], verbose=_state["verbose"])
    _on_termination()
    try:
        sys.stdout.flush()
        code = guarded(lambda: fn(sys.stdout.buffer, say), sys.stderr, debug)
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
        print(t("internal-error", detail=f"{type(e).__name__}: {e}"), file=sys.stderr)
        raise typer.Exit(3) from None
    raise typer.Exit(code)


def _on_termination() -> None:
    import signal
    import threading

    from selfeval.errors import Terminated

    if threading.current_thread() is not threading.main_thread():
        return  # signal handlers belong to the main thread (a test runner may use others)

    def stop(signum: int, frame: object) -> None:
        raise Terminated(signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)


def _version(value: bool) -> None:
    if value:
        print(f"selfeval {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    lang: Annotated[Optional[Lang], typer.Option("--lang", help=t("help-lang"))] = None,  # noqa: UP045
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=t("help-quiet"))] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=t("help-verbose"))] = False,
    ids: Annotated[bool, typer.Option("--ids", help=t("help-ids"))] = False,
    debug: Annotated[bool, typer.Option("--debug", help=t("help-debug"))] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help=t("help-version"))] = (
        False
    ),
) -> None:
    """Global options."""
    i18n.use(lang if lang is not None else i18n.from_env())
    _state.update(debug=debug, quiet=quiet, verbose=verbose, ids=ids)


@app.command(cls=Command, help=t("help-validate"))
def validate(
    files: Annotated[list[str], typer.Argument(help=t("help-files-any"))],
    format: Annotated[Optional[Format], _format_opt("validate")] = None,  # noqa: UP045
    rubric: RubricOpt = None,
    out: OutOpt = None,
    force: ForceOpt = False,
) -> None:
    from selfeval.commands import ValidateSettings, run_validate

    settings = ValidateSettings(files, rubric, _output(format, out, force))
    _run(lambda o, e: run_validate(settings, o, e))


def _decimal(value: Optional[str]) -> Optional[Decimal]:  # noqa: UP045
    if value is None:
        return None
    try:
        d = Decimal(value)
    except InvalidOperation:
        raise typer.BadParameter(t("not-a-number", value=value), param_hint="--fail-under") from None
    if not d.is_finite():
        raise typer.BadParameter(t("not-a-number", value=value), param_hint="--fail-under")
    return d


@app.command("score", cls=Command, help=t("help-score"))
def score_cmd(
    files: Annotated[list[str], typer.Argument(help=t("help-files-data"))],
    rubric: RubricOpt = None,
    format: Annotated[Optional[Format], _format_opt("score")] = None,  # noqa: UP045
    out: OutOpt = None,
    force: ForceOpt = False,
    fail_under: Annotated[Optional[str], typer.Option("--fail-under", help=t("help-fail-under"))] = None,  # noqa: UP045
    gaps: Annotated[bool, typer.Option("--gaps", help=t("help-gaps"))] = False,
    sort: Annotated[Sort, typer.Option("--sort", help=t("help-sort"))] = Sort.TOTAL,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help=t("help-jobs"))] = 0,
    separate: Annotated[bool, typer.Option("--separate", help=t("help-separate"))] = False,
    adjustments: LedgerOpt = None,
) -> None:
    from selfeval.commands import ScoreSettings, run_score

    settings = ScoreSettings(
        files,
        rubric,
        _output(format, out, force),
        _decimal(fail_under),
        gaps,
        sort,
        jobs,
        progress=sys.stderr.isatty() and not _state["quiet"],
        separate=separate,
        adjustments=adjustments,
    )
    _run(lambda o, e: run_score(settings, o, e))


@app.command("audit", cls=Command, help=t("help-audit"))
def audit_cmd(
    files: Annotated[list[str], typer.Argument(help=t("help-files-data"))],
    rubric: RubricOpt = None,
    format: Annotated[Optional[Format], _format_opt("audit")] = None,  # noqa: UP045
    out: OutOpt = None,
    force: ForceOpt = False,
    fail_on: Annotated[Severity, typer.Option("--fail-on", help=t("help-fail-on"))] = Severity.ERROR,
    adjustments: LedgerOpt = None,
) -> None:
    from selfeval.commands import AuditSettings, run_audit

    settings = AuditSettings(files, rubric, _output(format, out, force), fail_on, adjustments)
    _run(lambda o, e: run_audit(settings, o, e))


@app.command(cls=Command, help=t("help-report"))
def report(
    file: Annotated[Optional[str], typer.Argument(help=t("help-file-example"))] = None,  # noqa: UP045
    out: OutOpt = None,
    format: Annotated[Optional[Format], _format_opt("report")] = None,  # noqa: UP045
    rubric: RubricOpt = None,
    template: Annotated[Optional[Path], typer.Option("--template", "-t", help=t("help-template"))] = None,  # noqa: UP045
    with_audit: Annotated[bool, typer.Option("--with-audit", help=t("help-with-audit"))] = False,
    scores: Annotated[Scores, typer.Option("--scores", help=t("help-scores"))] = Scores.COMPUTED,
    fail_on: Annotated[Optional[Severity], typer.Option("--fail-on", help=t("help-report-fail-on"))] = None,  # noqa: UP045
    force: ForceOpt = False,
    adjustments: LedgerOpt = None,
) -> None:
    from selfeval.commands import ReportSettings, run_report
    from selfeval.forms import ReportOptions

    options = ReportOptions(with_audit, scores)
    settings = ReportSettings(file, rubric, _output(format, out, force), template, options, fail_on, adjustments)
    _run(lambda o, e: run_report(settings, o, e))


@app.command(cls=Command, help=t("help-init"))
def init(
    out: Annotated[Path, typer.Argument(help=t("help-init-out"))],
    previous: Annotated[Optional[Path], typer.Option("--from", help=t("help-from"))] = None,  # noqa: UP045
    name: Annotated[Optional[str], typer.Option("--name", help=t("help-name"))] = None,  # noqa: UP045
    year: Annotated[Optional[int], typer.Option("--year", help=t("help-year"), min=2000, max=2100)] = None,  # noqa: UP045
    rubric: RubricOpt = None,
    example: Annotated[bool, typer.Option("--example", help=t("help-example"))] = False,
    force: ForceOpt = False,
) -> None:
    from selfeval.commands import InitSettings, run_init

    settings = InitSettings(out, name, year, rubric, force, example, previous)
    _run(lambda o, e: run_init(settings, o, e))


@app.command("compare", cls=Command, help=t("help-compare"))
def compare_cmd(
    a: Annotated[str, typer.Argument(help=t("help-compare-a"))],
    b: Annotated[str, typer.Argument(help=t("help-compare-b"))],
    rubric: RubricOpt = None,
    format: Annotated[Optional[Format], _format_opt("compare")] = None,  # noqa: UP045
    out: OutOpt = None,
    force: ForceOpt = False,
) -> None:
    from selfeval.commands import CompareSettings, run_compare

    settings = CompareSettings(a, b, rubric, _output(format, out, force))
    _run(lambda o, e: run_compare(settings, o, e))


@app.command(cls=Command, help=t("help-explain"))
def explain(
    node: Annotated[str, typer.Argument(help=t("help-node"))],
    file: Annotated[Optional[str], typer.Argument(help=t("help-file-example"))] = None,  # noqa: UP045
    rubric: RubricOpt = None,
    format: Annotated[Optional[Format], _format_opt("explain")] = None,  # noqa: UP045
    out: OutOpt = None,
    force: ForceOpt = False,
) -> None:
    from selfeval.commands import ExplainSettings, run_explain

    settings = ExplainSettings(node, file, rubric, _output(format, out, force))
    _run(lambda o, e: run_explain(settings, o, e))


@app.command(cls=Command, help=t("help-rules"))
def rules() -> None:
    from selfeval.commands import run_rules

    _run(run_rules)


def main() -> None:
    """Console-script entry point."""
    app()
