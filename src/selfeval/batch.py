"""Score many counties at once: each rubric loaded once per process, output in a stable order.

A file that fails is a row with its problems, never the end of the batch.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from selfeval.choices import Sort
from selfeval.errors import InputError, SelfevalError
from selfeval.i18n import t
from selfeval.inputs import Library
from selfeval.pipeline import Evaluation, evaluate
from selfeval.problems import Problem, Severity

PARALLEL_FROM = 200
"""Below this many files a second process costs more than it saves."""

PROGRESS_FROM = 20
"""A progress bar (on a terminal only) for batches at least this large."""


@dataclass
class Row:
    """One county in a batch: its scores, or the problems that kept its file from loading."""

    path: str
    name: str = ""
    year: int | None = None
    standard: Decimal | None = None
    bonus: Decimal | None = None
    deduction: Decimal | None = None
    total: Decimal | None = None
    grade: str = ""
    claimed_total: Decimal | None = None
    audit_errors: int = 0
    places: int = 2
    problems: list[Problem] = field(default_factory=list)
    rubric: str = ""
    """The rubric it was scored against (id and version): only rows of one rubric rank together."""

    @property
    def failed(self) -> bool:
        """Whether the file could not be scored."""
        return self.total is None

    @classmethod
    def of(cls, path: Path, ev: Evaluation) -> Row:
        """The row of a scored file."""
        r = ev.result
        errors = sum(1 for f in ev.findings if f.severity is Severity.ERROR)
        return cls(
            str(path),
            r.data.subject.name,
            r.data.subject.year,
            r.standard,
            r.bonus,
            r.deduction,
            r.total,
            r.grade,
            r.claimed_total,
            errors,
            r.rubric.rounding.places,
            rubric=f"{r.rubric.id} {r.rubric.version}",
        )

    @classmethod
    def failure(cls, path: Path, error: SelfevalError) -> Row:
        """The row of a file that could not be scored."""
        if isinstance(error, InputError):
            problems = error.problems
        else:
            problems = [Problem.of(str(path), 0, 0, error.message, "usage", Severity.ERROR)]
        return cls(str(path), problems=problems)


SORTS: dict[Sort, Callable[[Row], tuple[object, ...]]] = {
    Sort.TOTAL: lambda r: (r.failed, -(r.total or 0), r.name, r.path),
    Sort.NAME: lambda r: (r.failed, r.name, r.year or 0, r.path),
    Sort.PATH: lambda r: (r.path,),
    Sort.AUDIT: lambda r: (r.failed, -r.audit_errors, r.name, r.path),
}
"""Each order of a ranking, within the rows of one rubric; files that failed come last."""


@dataclass
class Ranking:
    """Many counties, in the order to print them."""

    rows: list[Row]

    @classmethod
    def sorted(cls, rows: list[Row], key: Sort) -> Ranking:
        """The rows in the chosen order, those of each rubric together (failed files last)."""
        order = SORTS[key]
        return cls(sorted(rows, key=lambda r: (r.failed, r.rubric, *order(r))))

    @property
    def rubrics(self) -> list[str]:
        """The rubrics the scored rows were scored against, in order."""
        return sorted({r.rubric for r in self.rows if not r.failed})

    def ranked(self) -> Iterator[tuple[int | None, Row]]:
        """Each row with its place among the rows of its rubric (None for a file that failed)."""
        rank, rubric = 0, None
        for row in self.rows:
            if row.failed:
                yield None, row
                continue
            if row.rubric != rubric:
                rank, rubric = 0, row.rubric
            rank += 1
            yield rank, row

    @property
    def failed(self) -> list[Row]:
        """The rows whose files could not be scored."""
        return [r for r in self.rows if r.failed]


_library: Library | None = None


def _init(rubric: Path | None) -> None:
    global _library
    _library = Library(rubric)


def score_row(path: Path, library: Library | None = None) -> Row:
    """Score one file into a ranking row; a file that fails becomes a row with its problems."""
    library = library or _library or Library()
    try:
        return Row.of(path, evaluate(path, library))
    except SelfevalError as e:
        return Row.failure(path, e)


def score_many(paths: list[Path], rubric: Path | None = None, *, jobs: int = 0, progress: bool = False) -> list[Row]:
    """Rows for every path, in the order given; uses several processes for large batches."""
    if jobs <= 0:
        jobs = min(os.cpu_count() or 1, 4) if len(paths) >= PARALLEL_FROM else 1
    bar = _Bar(len(paths)) if progress and len(paths) >= PROGRESS_FROM else None
    rows: list[Row] = []
    try:
        if jobs == 1:
            library = Library(rubric)
            for p in paths:
                rows.append(score_row(p, library))
                if bar:
                    bar.advance()
        else:
            chunk = max(1, len(paths) // (jobs * 8))
            with ProcessPoolExecutor(jobs, initializer=_init, initargs=(rubric,)) as pool:
                for row in pool.map(score_row, paths, chunksize=chunk):
                    rows.append(row)
                    if bar:
                        bar.advance()
    finally:
        if bar:
            bar.stop()
    return rows


class _Bar:
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self.progress = Progress(console=Console(stderr=True), transient=True)
        self.task = self.progress.add_task(t("progress-scoring"), total=total)
        self.progress.start()

    def advance(self) -> None:
        self.progress.advance(self.task)

    def stop(self) -> None:
        self.progress.stop()
