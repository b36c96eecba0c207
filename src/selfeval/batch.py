"""Score many counties at once: each rubric loaded once per process, output in a stable order."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from selfeval.choices import Severity
from selfeval.commands import score_one
from selfeval.errors import InputError, SelfevalError
from selfeval.inputs import RubricCache
from selfeval.reporters import Row

PARALLEL_FROM = 200
"""Below this many files a second process costs more than it saves."""

PROGRESS_FROM = 20
"""A progress bar (on a terminal only) for batches at least this large."""

_cache: RubricCache | None = None


def _init(rubric: Path | None) -> None:
    global _cache
    _cache = RubricCache(rubric)


def score_row(path: Path, cache: RubricCache | None = None) -> Row:
    """Score one file into a ranking row; a file that fails becomes a row with its error."""
    cache = cache or _cache or RubricCache()
    try:
        _, result, findings = score_one(path, cache)
    except SelfevalError as e:
        lines = e.lines()
        if not isinstance(e, InputError):
            lines = [line if line.startswith(str(path)) else f"{path}: {line}" for line in lines]
        first = lines[0] if lines else str(e)
        return Row(str(path), error=first.removeprefix(f"{path}:").strip(), problems=lines)
    return Row(
        str(path),
        result.data.subject.name,
        result.data.subject.year,
        result.standard,
        result.bonus,
        result.deduction,
        result.total,
        result.grade,
        result.claimed_total,
        sum(1 for f in findings if f.severity is Severity.ERROR),
    )


def score_many(paths: list[Path], rubric: Path | None = None, *, jobs: int = 0, progress: bool = False) -> list[Row]:
    """Rows for every path, in the order given; uses several processes for large batches."""
    if jobs <= 0:
        jobs = min(os.cpu_count() or 1, 4) if len(paths) >= PARALLEL_FROM else 1
    bar = _Bar(len(paths)) if progress and len(paths) >= PROGRESS_FROM else None
    rows: list[Row] = []
    try:
        if jobs == 1:
            cache = RubricCache(rubric)
            for p in paths:
                rows.append(score_row(p, cache))
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
        self.task = self.progress.add_task("scoring", total=total)
        self.progress.start()

    def advance(self) -> None:
        self.progress.advance(self.task)

    def stop(self) -> None:
        self.progress.stop()
