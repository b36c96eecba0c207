"""The command line: options in, settings out, then run and exit. Nothing else lives here.

Only light modules are imported at start-up, so ``-h`` is quick; each command imports what
it runs. The app speaks no language of its own: its help texts are catalogue keys put into
words when shown (:mod:`selfeval.cliframe`), in the language the run was given.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, Optional

import typer

from selfeval import __version__
from selfeval.choices import Format, Scores, Sort
from selfeval.cliframe import LANG, Command, Group, guard_streams, said, speak, stream_failed
from selfeval.i18n import Lang, Msg, t
from selfeval.problems import Severity
from selfeval.settings import Settings

if TYPE_CHECKING:
    from selfeval.commands import OutputSettings, Say

app = typer.Typer(
    name="selfeval",
    cls=Group,
    help=said("help-app"),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Optional[...] below: typer reads the annotations at run time, and needs Optional on Python 3.10.
RubricOpt = Annotated[Optional[Path], typer.Option("--rubric", "-r", help=said("help-rubric"))]  # noqa: UP045
LedgerOpt = Annotated[Optional[Path], typer.Option("--adjustments", "-a", help=said("help-adjustments"))]  # noqa: UP045
OutOpt = Annotated[Optional[Path], typer.Option("--out", "-o", help=said("help-out"))]  # noqa: UP045
ForceOpt = Annotated[bool, typer.Option("--force", help=said("help-force"))]
RubricPathOpt = Annotated[Optional[list[Path]], typer.Option("--rubric-path", help=said("help-rubric-path"))]  # noqa: UP045
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help=said("help-no-cache"))]

FORMAT_HELP = {
    "validate": "table, json, csv, xlsx, parsable, github",
    "score": "table, json, csv, xlsx, html",
    "audit": "table, json, csv, xlsx, parsable, github",
    "report": "markdown, docx, xlsx",
    "compare": "table, json, csv",
    "explain": "table, json",
    "test": "table, json, csv, xlsx, parsable, github",
}
"""The formats each command offers, for its help (a test keeps them true to the output layer)."""


def _format_opt(command: str) -> Any:
    formats: list[object] = [FORMAT_HELP[command]]
    if "html" in FORMAT_HELP[command]:
        formats.append(Msg("help-html-many"))
    return typer.Option("--format", "-f", help=said("help-format", formats=formats))


def _settings(ctx: typer.Context) -> Settings:
    """The run's settings, which the group's options built (the environment's, for a command that a
    program invokes without the group, as typer's test runner can)."""
    run = ctx.find_root().obj
    return run if isinstance(run, Settings) else Settings.build(os.environ)


def _uncached(run: Settings, no_cache: bool) -> Settings:
    """The run's settings without the result cache, for ``--no-cache``."""
    return dataclasses.replace(run, cache=None) if no_cache else run


def _replayed(run: Settings, files: tuple[str, ...], rubric: Path | None, format: Format) -> bool:
    """One county's output read back from the result cache and written as the run that kept it
    wrote it (:meth:`Settings.county_entry`), before the modules that score are imported."""
    from selfeval.cache import replay

    found = run.county_entry(files, rubric, format.value, plain=True)
    kept = None if found is None else replay(found)
    if kept is None:
        return False
    try:
        sys.stdout.buffer.write(kept[0])
        sys.stdout.flush()
    except BrokenPipeError:  # as a run that scores says it (_run)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(141) from None
    sys.stderr.write(kept[1])
    return True


def _output(format: Format | None, out: Path | None, force: bool) -> OutputSettings:
    from selfeval.commands import OutputSettings

    to = None if out is not None and str(out) == "-" else out  # `--out -`: standard output, as is usual
    return OutputSettings(format=format, out=to, force=force)


def _run(run: Settings, fn: Callable[[IO[bytes], Say], int]) -> None:
    from selfeval.commands import Say, execute

    try:
        sys.stdout.flush()
        with _terminations_unwind():
            code = execute(lambda: fn(sys.stdout.buffer, Say.to(sys.stderr, run)), run, sys.stderr)
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except BrokenPipeError:
        # The reader went away (`selfeval score … | head`): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(141) from None
    except typer.Exit:
        raise
    except Exception as e:
        if run.debug or stream_failed(e):
            raise  # --debug: the traceback; a failed standard stream: said as the run ends (cliframe.settle)
        print(t("internal-error", detail=f"{type(e).__name__}: {e}"), file=sys.stderr)
        raise typer.Exit(3) from None
    raise typer.Exit(code)


@contextlib.contextmanager
def _terminations_unwind() -> Iterator[None]:
    """SIGTERM and SIGHUP unwind the command as Ctrl-C does (so a half-written output is removed);
    the handlers before it are back when it ends."""
    import signal
    import threading

    from selfeval.errors import HungUp, Terminated

    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread (a test runner may use others)
        return

    def stop(signum: int, frame: object) -> None:
        raise HungUp() if signum == getattr(signal, "SIGHUP", None) else Terminated()

    names = [n for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
    before = {n: signal.signal(getattr(signal, n), stop) for n in names}
    try:
        yield
    finally:
        for n, handler in before.items():
            signal.signal(getattr(signal, n), handler)


def _version(value: bool) -> None:
    if value:
        print(f"selfeval {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    ctx: typer.Context,
    lang: Annotated[
        Optional[Lang],  # noqa: UP045
        typer.Option("--lang", help=said("help-lang"), is_eager=True, callback=speak),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=said("help-quiet"))] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=said("help-verbose"))] = False,
    ids: Annotated[bool, typer.Option("--ids", help=said("help-ids"))] = False,
    debug: Annotated[bool, typer.Option("--debug", help=said("help-debug"))] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=said("help-version"))
    ] = False,
) -> None:
    """Global options: the run's settings, built once for every command."""
    ctx.obj = Settings.build(
        os.environ,
        # typer gives this function None for an option whose callback returns its value; the
        # callback (cliframe.speak) has kept --lang in the context's meta
        lang=ctx.meta.get(LANG, lang),
        quiet=quiet,
        verbose=verbose,
        ids=ids,
        debug=debug,
        width=shutil.get_terminal_size((80, 24)).columns,
        stdout_terminal=sys.stdout.isatty(),
        stderr_terminal=sys.stderr.isatty(),
    )


@app.command(cls=Command, help=said("help-validate"))
def validate(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(help=said("help-files-any"))],
    format: Annotated[Optional[Format], _format_opt("validate")] = None,  # noqa: UP045
    rubric: RubricOpt = None,
    out: OutOpt = None,
    force: ForceOpt = False,
    rubric_path: RubricPathOpt = None,
    only: Annotated[Optional[list[Only]], typer.Option("--only", help=said("help-only"))] = None,  # noqa: UP045
) -> None:
    from selfeval.commands import ValidateSettings, run_validate

    run = _settings(ctx).searching(rubric_path)
    s = ValidateSettings(
        run=run,
        files=tuple(files),
        rubric=rubric,
        output=_output(format, out, force),
        only=tuple(k.value for k in only or ()),
    )
    _run(run, lambda o, say: run_validate(s, o, say))


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


@app.command("score", cls=Command, help=said("help-score"))
def score_cmd(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(help=said("help-files-data"))],
    rubric: RubricOpt = None,
    format: Annotated[Optional[Format], _format_opt("score")] = None,  # noqa: UP045
    out: OutOpt = None,
    force: ForceOpt = False,
    fail_under: Annotated[Optional[str], typer.Option("--fail-under", help=said("help-fail-under"))] = None,  # noqa: UP045
    gaps: Annotated[bool, typer.Option("--gaps", help=said("help-gaps"))] = False,
    sort: Annotated[Sort, typer.Option("--sort", help=said("help-sort"))] = Sort.TOTAL,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help=said("help-jobs"))] = 0,
    separate: Annotated[bool, typer.Option("--separate", help=said("help-separate"))] = False,
    adjustments: LedgerOpt = None,
    title: Annotated[str, typer.Option("--title", help=said("help-title"))] = "",
    province: Annotated[str, typer.Option("--province", help=said("help-province"))] = "",
    reviewer: Annotated[str, typer.Option("--reviewer", help=said("help-reviewer"))] = "",
    date: Annotated[Optional[str], typer.Option("--date", help=said("help-date"))] = None,  # noqa: UP045
    no_cache: NoCacheOpt = False,
    rubric_path: RubricPathOpt = None,
) -> None:
    run = _uncached(_settings(ctx), no_cache).searching(rubric_path)
    to_stdout = out is None or str(out) == "-"  # as _output reads it, without importing what scores
    plain = not gaps and fail_under is None and adjustments is None and to_stdout
    if plain and _replayed(run, tuple(files), rubric, format or Format.TABLE):
        raise typer.Exit(0)
    from selfeval.commands import BatchSettings, ScoreSettings, run_score
    from selfeval.heading import Heading

    s = ScoreSettings(
        run=run,
        files=tuple(files),
        rubric=rubric,
        output=_output(format, out, force),
        fail_under=_decimal(fail_under),
        gaps=gaps,
        batch=BatchSettings(sort=sort, jobs=jobs, separate=separate),
        adjustments=adjustments,
        heading=Heading(title=title, province=province, reviewer=reviewer, date=_date(date)),
    )
    _run(run, lambda o, say: run_score(s, o, say))


def _date(value: Optional[str]) -> Any:  # noqa: UP045
    """``--date`` read as a data file's dates are (2022-03-01, 2022年3月1日, 二〇二二年三月一日)."""
    from selfeval.errors import InvalidValue
    from selfeval.models.data import read_date

    if value is None:
        return None
    try:
        return read_date(value)
    except InvalidValue:
        raise typer.BadParameter(t("not-a-date", value=value), param_hint="--date") from None


@app.command("audit", cls=Command, help=said("help-audit"))
def audit_cmd(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(help=said("help-files-data"))],
    rubric: RubricOpt = None,
    format: Annotated[Optional[Format], _format_opt("audit")] = None,  # noqa: UP045
    out: OutOpt = None,
    force: ForceOpt = False,
    fail_on: Annotated[Severity, typer.Option("--fail-on", help=said("help-fail-on"))] = Severity.ERROR,
    adjustments: LedgerOpt = None,
    no_cache: NoCacheOpt = False,
    rubric_path: RubricPathOpt = None,
) -> None:
    from selfeval.commands import AuditSettings, run_audit

    run = _uncached(_settings(ctx), no_cache).searching(rubric_path)
    s = AuditSettings(
        run=run,
        files=tuple(files),
        rubric=rubric,
        output=_output(format, out, force),
        fail_on=fail_on,
        adjustments=adjustments,
    )
    _run(run, lambda o, say: run_audit(s, o, say))


@app.command(cls=Command, help=said("help-report"))
def report(
    ctx: typer.Context,
    file: Annotated[Optional[str], typer.Argument(help=said("help-file-example"))] = None,  # noqa: UP045
    out: OutOpt = None,
    format: Annotated[Optional[Format], _format_opt("report")] = None,  # noqa: UP045
    rubric: RubricOpt = None,
    template: Annotated[Optional[Path], typer.Option("--template", "-t", help=said("help-template"))] = None,  # noqa: UP045
    with_audit: Annotated[bool, typer.Option("--with-audit", help=said("help-with-audit"))] = False,
    scores: Annotated[Scores, typer.Option("--scores", help=said("help-scores"))] = Scores.COMPUTED,
    fail_on: Annotated[Optional[Severity], typer.Option("--fail-on", help=said("help-report-fail-on"))] = None,  # noqa: UP045
    final: Annotated[bool, typer.Option("--final", help=said("help-final"))] = False,
    force: ForceOpt = False,
    rubric_path: RubricPathOpt = None,
    adjustments: LedgerOpt = None,
) -> None:
    from selfeval.commands import ReportSettings, run_report
    from selfeval.forms import ReportOptions

    run = _settings(ctx).searching(rubric_path)
    s = ReportSettings(
        run=run,
        file=file,
        rubric=rubric,
        output=_output(format, out, force),
        template=template,
        options=ReportOptions(with_audit, scores),
        fail_on=fail_on,
        final=final,
        adjustments=adjustments,
    )
    _run(run, lambda o, say: run_report(s, o, say))


@app.command(cls=Command, help=said("help-init"))
def init(
    ctx: typer.Context,
    out: Annotated[Path, typer.Argument(help=said("help-init-out"))],
    previous: Annotated[Optional[Path], typer.Option("--from", help=said("help-from"))] = None,  # noqa: UP045
    name: Annotated[Optional[str], typer.Option("--name", help=said("help-name"))] = None,  # noqa: UP045
    year: Annotated[Optional[int], typer.Option("--year", help=said("help-year"), min=2000, max=2100)] = None,  # noqa: UP045
    rubric: RubricOpt = None,
    example: Annotated[bool, typer.Option("--example", help=said("help-example"))] = False,
    force: ForceOpt = False,
) -> None:
    from selfeval.commands import InitSettings, run_init

    run = _settings(ctx)
    s = InitSettings(
        run=run, out=out, name=name, year=year, rubric=rubric, force=force, example=example, previous=previous
    )
    _run(run, lambda o, say: run_init(s, o, say))


@app.command("import", cls=Command, help=said("help-import"))
def import_cmd(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=said("help-import-file"))],
    out: Annotated[Path, typer.Option("--out", "-o", help=said("help-import-out"))],
    sheet: Annotated[Optional[str], typer.Option("--sheet", help=said("help-sheet"))] = None,  # noqa: UP045
    table: Annotated[Optional[int], typer.Option("--table", help=said("help-table"), min=1)] = None,  # noqa: UP045
    partial: Annotated[bool, typer.Option("--partial", help=said("help-partial"))] = False,
    rubric: Annotated[Optional[Path], typer.Option("--rubric", "-r", help=said("help-import-rubric"))] = None,  # noqa: UP045
    force: ForceOpt = False,
) -> None:
    from selfeval.importing import ImportSettings, run_import

    run = _settings(ctx)
    to = None if str(out) == "-" else out  # `--out -`: standard output
    s = ImportSettings(
        run=run, file=file, out=to, sheet=sheet, table=table, partial=partial, force=force, rubric=rubric
    )
    _run(run, lambda o, say: run_import(s, o, say))


@app.command("compare", cls=Command, help=said("help-compare"))
def compare_cmd(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help=said("help-compare-a"))],
    b: Annotated[str, typer.Argument(help=said("help-compare-b"))],
    rubric: RubricOpt = None,
    rubric_a: Annotated[Optional[Path], typer.Option("--rubric-a", help=said("help-rubric-a"))] = None,  # noqa: UP045
    rubric_b: Annotated[Optional[Path], typer.Option("--rubric-b", help=said("help-rubric-b"))] = None,  # noqa: UP045
    changed: Annotated[bool, typer.Option("--changed", help=said("help-compare-changed"))] = False,
    rubrics: Annotated[bool, typer.Option("--rubrics", help=said("help-compare-rubrics"))] = False,
    format: Annotated[Optional[Format], _format_opt("compare")] = None,  # noqa: UP045
    out: OutOpt = None,
    force: ForceOpt = False,
    rubric_path: RubricPathOpt = None,
) -> None:
    from selfeval.commands import CompareSettings, run_compare

    run = _settings(ctx).searching(rubric_path)
    s = CompareSettings(
        run=run,
        a=a,
        b=b,
        rubric=rubric,
        rubric_a=rubric_a,
        rubric_b=rubric_b,
        output=_output(format, out, force),
        changed=changed,
        rubrics=rubrics,
    )
    _run(run, lambda o, say: run_compare(s, o, say))


@app.command(cls=Command, help=said("help-explain"))
def explain(
    ctx: typer.Context,
    node: Annotated[str, typer.Argument(help=said("help-node"))],
    file: Annotated[Optional[str], typer.Argument(help=said("help-file-example"))] = None,  # noqa: UP045
    rubric: RubricOpt = None,
    format: Annotated[Optional[Format], _format_opt("explain")] = None,  # noqa: UP045
    out: OutOpt = None,
    force: ForceOpt = False,
    rubric_path: RubricPathOpt = None,
) -> None:
    from selfeval.commands import ExplainSettings, run_explain

    run = _settings(ctx).searching(rubric_path)
    s = ExplainSettings(run=run, node=node, file=file, rubric=rubric, output=_output(format, out, force))
    _run(run, lambda o, say: run_explain(s, o, say))


@app.command(cls=Command, help=said("help-rules"))
def rules(
    ctx: typer.Context,
    kind: Annotated[Optional[str], typer.Argument(help=said("help-rules-kind"))] = None,  # noqa: UP045
    keys: Annotated[bool, typer.Option("--keys", help=said("help-rules-keys"))] = False,
) -> None:
    from selfeval.commands import RulesSettings, run_rules

    run = _settings(ctx)
    s = RulesSettings(run=run, kind=kind, keys=keys)
    _run(run, lambda o, say: run_rules(s, o, say))


class Only(str, Enum):
    """The kind of file ``validate --only`` checks."""

    RUBRIC = "rubric"
    DATA = "data"


class SchemaKind(str, Enum):
    """What ``selfeval schema`` describes."""

    RUBRIC = "rubric"
    DATA = "data"


@app.command("schema", cls=Command, help=said("help-schema"))
def schema_cmd(
    ctx: typer.Context,
    kind: Annotated[SchemaKind, typer.Argument(help=said("help-schema-kind"))],
    rubric: Annotated[Optional[Path], typer.Option("--rubric", "-r", help=said("help-schema-rubric"))] = None,  # noqa: UP045
    out: OutOpt = None,
    force: ForceOpt = False,
    rubric_path: RubricPathOpt = None,
) -> None:
    from selfeval.commands import SchemaSettings, run_schema

    run = _settings(ctx).searching(rubric_path)
    s = SchemaSettings(run=run, kind=kind.value, rubric=rubric, output=_output(None, out, force))
    _run(run, lambda o, say: run_schema(s, o, say))


@app.command("test", cls=Command, help=said("help-test"))
def test_cmd(
    ctx: typer.Context,
    paths: Annotated[Optional[list[str]], typer.Argument(help=said("help-test-paths"))] = None,  # noqa: UP045
    format: Annotated[Optional[Format], _format_opt("test")] = None,  # noqa: UP045
    out: OutOpt = None,
    force: ForceOpt = False,
    rubric_path: RubricPathOpt = None,
) -> None:
    from selfeval.commands import CaseSettings, run_test

    run = _settings(ctx).searching(rubric_path)
    s = CaseSettings(run=run, paths=tuple(paths or (".",)), output=_output(format, out, force))
    _run(run, lambda o, say: run_test(s, o, say))


def main() -> None:
    """Console-script entry point."""
    # selfeval uses no pydantic plugins; without this, pydantic scans every installed package's
    # entry points on first use, a cost paid on every run. Set for this process, not on import.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # Before anything is written: Chinese in any output encoding, and a stream that fails (a full
    # disk) ends the run with a message and exit 2, not a traceback.
    guard_streams()
    app()
