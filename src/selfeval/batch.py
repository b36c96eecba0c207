"""Score many counties at once: each rubric loaded once per process, output in a stable order.

A file that fails is a row with its problems, never the end of the batch, and never clean.
Ranks are fair: by total within one rubric, equal totals sharing a rank, each county and year
ranked once.
"""

from __future__ import annotations

import bisect
import decimal
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from selfeval.cache import Cache, decode, encode, rubrics_found, sha256
from selfeval.choices import Sort
from selfeval.errors import InputError, SelfevalError
from selfeval.i18n import Lang, current, msg, speaking, t
from selfeval.inputs import STDIN, Library
from selfeval.load import read_bytes, shown_as
from selfeval.models.rubric import NodeType
from selfeval.numbers import ZERO, quantize
from selfeval.pipeline import ARITHMETIC, Evaluation, evaluate
from selfeval.problems import Problem, Severity
from selfeval.review import LedgerFile, Refused
from selfeval.scoring import Applied, NodeResult, ScoreResult, score
from selfeval.wording import grades

PARALLEL_FROM = 200
"""Below this many files a second process costs more than it saves."""

PROGRESS_FROM = 20
"""A progress bar (on a terminal only) for batches at least this large."""

CHUNKS_PER_JOB = 4
"""Chunks each process gets: enough to even out uneven files, few enough that each chunk's rows
come back in few messages."""

CHUNK_SIZES = (8, 256)
"""Fewest and most files a chunk holds: a small batch still spreads, a large one still shows progress."""


def start_method() -> str:
    """How worker processes start, chosen here rather than left to the Python version's default:
    a fork inherits the rubric, its validators and compiled patterns already built in this
    process; where there is no fork (Windows, macOS's default), a fresh interpreter."""
    import multiprocessing

    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def chunk_size(files: int, jobs: int) -> int:
    """Files per chunk: about :data:`CHUNKS_PER_JOB` chunks a process, within :data:`CHUNK_SIZES`."""
    low, high = CHUNK_SIZES
    return max(low, min(high, -(-files // (jobs * CHUNKS_PER_JOB))))


@dataclass(frozen=True, kw_only=True)
class Cell:
    """One node of a county's tree in a batch: enough for an indicator × county matrix."""

    id: str
    label: str
    """How the report names it: 一、年度重点工作任务, 27. 年终人均…"""
    depth: int
    max: Decimal
    score: Decimal
    high: Decimal
    """The highest the score could be (the score itself unless an input is unknown)."""
    key: tuple[str, ...]
    """The labels from its section down to it: what the same indicator is called in every county's
    tree (a table's rows are numbered by position, which differs from county to county)."""
    deduction: bool = False
    """A deduction node: its score is points taken off, so none is the best."""

    def share(self) -> Decimal | None:
        """How good the score is, from 0 (none of the points earned, or all of them taken off) to 1;
        None for a node of no points."""
        if not self.max:
            return None
        part = self.score / self.max
        return 1 - part if self.deduction else part


def _cells(result: ScoreResult, places: int, detail: bool) -> list[Cell]:
    """The tree's nodes (with ``detail``) or its sections, each with its key, depth first."""
    out: list[Cell] = []

    def visit(n: NodeResult, above: tuple[str, ...]) -> None:
        key = (*above, n.label)
        high = quantize(n.top, places)
        out.append(
            Cell(
                id=n.id,
                label=n.label,
                depth=n.depth,
                max=n.max,
                score=quantize(n.score, places),
                high=high,
                key=key,
                deduction=n.type is NodeType.DEDUCTION,
            )
        )
        if detail:
            for c in n.children:
                visit(c, key)

    for s in result.sections:
        visit(s, ())
    return out


def matrix(rows: list[Row]) -> list[tuple[Cell, list[Cell | None]]]:
    """Every indicator of the rows' trees, each once and under its parent, with each row's cell of
    it (None where a county's tree has no such node): what a province's matrix shows."""
    first: dict[tuple[str, ...], Cell] = {}
    # each indicator after its parent and whatever is already under it, a section at the end: the
    # children of each key in the order first met, read depth first (linear in the cells)
    children: dict[tuple[str, ...], list[tuple[str, ...]]] = {(): []}
    for row in rows:
        for cell in row.nodes:
            if cell.key in first:
                continue
            first[cell.key] = cell
            parent = cell.key[:-1]
            children.setdefault(parent if parent in children else (), []).append(cell.key)
            children[cell.key] = []
    keys: list[tuple[str, ...]] = []
    stack = list(reversed(children[()]))
    while stack:
        k = stack.pop()
        keys.append(k)
        stack += reversed(children[k])
    by_row = [{c.key: c for c in row.nodes} for row in rows]
    return [(first[k], [mine.get(k) for mine in by_row]) for k in keys]


@dataclass(frozen=True)
class Reviewed(Evaluation):
    """A county's evaluation under a reviewer's ledger: the ledger's entries for it that could not
    apply, and its audit, which holds the county's own claims against the rules' scores: a
    reviewer's change is listed as a change, never as the county's error."""

    refused: tuple[Refused, ...] = ()
    rules: ScoreResult | None = None
    """The scores by the rules alone, before the reviewer's changes (None when nothing changed)."""

    @cached_property
    def findings(self) -> list[Problem]:
        """The county's own claims against what the rules give from its evidence."""
        return Evaluation(self.data, self.rubric, self.rules or self.result).findings

    @cached_property
    def tally(self) -> list[Problem]:
        """The county's own claims' findings, for counting (see :attr:`Evaluation.tally`)."""
        if "findings" in self.__dict__:
            return self.findings
        return Evaluation(self.data, self.rubric, self.rules or self.result).tally


def reviewed(ev: Evaluation, ledger: LedgerFile | None) -> Evaluation:
    """``ev`` with what the ``ledger`` did to it: the entries for its county and year that did not
    apply, and an audit of the county's claims that no change of the reviewer's enters."""
    if ledger is None:
        return ev
    subject = ev.result.data.subject
    rubric, data = ev.rubric.rubric, ev.data.data
    refused = ledger.review(subject.name, subject.year, ev.form.walked(rubric, data)).refused
    rules = None
    if ev.result.adjustments:
        with decimal.localcontext(ARITHMETIC):  # scored once already with the same numbers
            rules = score(rubric, data, ev.form.tree(rubric, data))
    return Reviewed(ev.data, ev.rubric, ev.result, tuple(refused), rules)


def refused_of(ev: Evaluation) -> tuple[Refused, ...]:
    """The ledger's entries for ``ev``'s county that were not applied."""
    return ev.refused if isinstance(ev, Reviewed) else ()


def split_findings(ev: Evaluation, *, placed: bool = True) -> tuple[list[Problem], list[Problem]]:
    """The county's findings (in its own file) and those of its rubric (placed in the rubric or a
    file it names: the same for every county scored with it); without ``placed``, the county's
    only counted (see :attr:`Evaluation.tally`), the rubric's placed and worded all the same."""
    mine = ev.data.doc.display
    if not placed:
        tally = ev.tally
        if all(f.path == mine for f in tally):
            return tally, []
    findings = ev.findings
    return [f for f in findings if f.path == mine], [f for f in findings if f.path != mine]


@dataclass(kw_only=True)
class Row:
    """One county in a batch: its scores, or the problems that kept its file from loading."""

    path: str
    name: str = ""
    year: int | None = None
    city: str = ""
    """The county's 地级市, where its file names it (a province groups its counties by it)."""
    province: str = ""
    """The province its file names (宁夏回族自治区): the summary's title, where all agree."""
    standard: Decimal | None = None
    """Each part's subtotal, or when unknown inputs leave a range, the end that gives the lowest
    total; the other end follows it."""
    standard_high: Decimal | None = None
    bonus: Decimal | None = None
    bonus_high: Decimal | None = None
    deduction: Decimal | None = None
    deduction_low: Decimal | None = None
    total: Decimal | None = None
    """The total, or when unknown inputs leave a range, its lowest."""
    total_high: Decimal | None = None
    """The highest the total could be."""
    grade: str = ""
    """The grade, or the grades a range of totals spans (中至优)."""
    claimed_total: Decimal | None = None
    audit_errors: int | None = None
    """The errors the audit finds in the county's own file; None for a file that failed: it was
    never audited, so it is not clean."""
    places: int = 2
    problems: list[Problem] = field(default_factory=list)
    rubric: str = ""
    """The rubric it was scored against (id and version): only rows of one rubric rank together."""
    identity: tuple[str, ...] = ()
    """Who and which year (and which project, for a project table): two rows alike are a duplicate."""
    nodes: list[Cell] = field(default_factory=list)
    findings: list[Problem] = field(default_factory=list)
    """The audit's findings in the county's own file."""
    rubric_findings: list[Problem] = field(default_factory=list)
    """Findings placed in its rubric: the rubric's, said once for all its counties."""
    adjustments: list[Applied] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    """The ledger's entries for it that were not applied: it is scored without them."""
    rank: int | None = None
    """Its place among the rows of its rubric by total, equal totals sharing one (1, 1, 3)."""
    duplicates: list[str] = field(default_factory=list)
    """For the copy of a county and year that is ranked: the other files of it, not ranked."""
    duplicate_of: str | None = None
    """For another copy: the file of the same county and year that is ranked instead."""
    read: tuple[Path, ...] = ()
    """The files scoring it read besides itself (its rubric, and what the rubric names)."""

    @property
    def failed(self) -> bool:
        """Whether the file could not be scored."""
        return self.total is None

    @property
    def ranked(self) -> bool:
        """Whether it takes a place in the ranking: scored, and not a second copy of a county's year."""
        return not self.failed and self.duplicate_of is None

    @property
    def sections(self) -> list[Cell]:
        """The top-level parts: 一、二、… or the table's budget block and 一级指标."""
        return [c for c in self.nodes if c.depth == 0]

    @property
    def claimed_minus_computed(self) -> Decimal | None:
        """How far the county's own total is above (or below) the computed one: when unknown inputs
        leave a range, how far outside it (None inside it, where nothing is known to differ)."""
        if self.total is None or self.claimed_total is None:
            return None
        high = self.total_high if self.total_high is not None else self.total
        if self.total <= self.claimed_total <= high:
            return None if high != self.total else ZERO
        return self.claimed_total - (high if self.claimed_total > high else self.total)

    @classmethod
    def of(cls, path: Path, ev: Evaluation, detail: bool = True) -> Row:
        """The row of a scored file: with ``detail`` every node and finding (for a workbook, a
        page or an audit of many files), else the sections and counts only, which keeps a
        batch of thousands small."""
        r = ev.result
        own, of_rubric = split_findings(ev, placed=detail)
        p = r.rubric.rounding.places
        return cls(
            path=str(path),
            name=r.data.subject.name,
            year=r.data.subject.year,
            city=r.data.subject.city or "",
            province=r.data.subject.province or "",
            standard=r.standard,
            standard_high=r.standard_high,
            bonus=r.bonus,
            bonus_high=r.bonus_high,
            deduction=r.deduction,
            deduction_low=r.deduction_low,
            total=r.total,
            total_high=r.total_high,
            grade=grades(r.grade, r.grade_high),
            claimed_total=r.claimed_total,
            audit_errors=sum(1 for f in own if f.severity is Severity.ERROR),
            places=p,
            rubric=f"{r.rubric.id} {r.rubric.version}",
            identity=ev.form.identity(r.data),
            nodes=_cells(r, p, detail),
            findings=own if detail else [],
            rubric_findings=of_rubric,
            adjustments=r.adjustments,
            refused=list(refused_of(ev)),
            read=tuple(ev.rubric.files()),
        )

    @classmethod
    def failure(cls, path: Path, error: SelfevalError) -> Row:
        """The row of a file that could not be scored."""
        if isinstance(error, InputError):
            problems = error.problems
        else:
            problems = [Problem.of(str(path), 0, 0, error.message, "usage", Severity.ERROR)]
        return cls(path=str(path), problems=problems)


CACHED: dict[str, type] = {"Row": Row, "Cell": Cell}
"""The records the result cache keeps of a row, field by field."""

SORTS: dict[Sort, Callable[[Row], tuple[object, ...]]] = {
    Sort.TOTAL: lambda r: (-(r.total or 0), r.audit_errors or 0, r.name, r.path),
    Sort.NAME: lambda r: (r.name, r.year or 0, r.path),
    Sort.PATH: lambda r: (r.path,),
    Sort.AUDIT: lambda r: (-(r.audit_errors or 0), r.name, r.path),
}
"""Each order of a ranking, within the rows of one rubric (copies not ranked after, failed files
last). The order never changes a rank: ranks come from the totals alone. Equal totals list the
cleaner audit first."""


@dataclass
class Ranking:
    """Many counties, in the order to print them, each with its rank."""

    rows: list[Row]
    ledger: list[Problem] = field(default_factory=list)
    """What is wrong with the reviewer's ledger, found scoring these rows (see :func:`ledger_problems`)."""

    @classmethod
    def sorted(cls, rows: list[Row], key: Sort) -> Ranking:
        """The rows ranked by total (ties share a rank), then put in the chosen order, those of
        each rubric together and failed files last. Of several files of one county and year the
        first by path is ranked, and the others are listed as its copies, with no rank: a
        county takes one place however many times its file is given."""
        alike: dict[tuple[str, ...], list[Row]] = {}
        for row in rows:
            row.rank, row.duplicates, row.duplicate_of = None, [], None
            if not row.failed:
                alike.setdefault((row.rubric, *row.identity), []).append(row)
        for same in alike.values():
            first, *others = sorted(same, key=lambda r: r.path)
            first.duplicates = [o.path for o in others]
            for o in others:
                o.duplicate_of = first.path
        groups: dict[str, list[Row]] = {}
        for row in rows:
            if row.ranked:
                groups.setdefault(row.rubric, []).append(row)
        for group in groups.values():
            # one sort, then a binary search per row: a nation of counties ranks in n log n
            totals = sorted(r.total for r in group if r.total is not None)
            for row in group:
                if row.total is not None:
                    row.rank = 1 + len(totals) - bisect.bisect_right(totals, row.total)
        order = SORTS[key]
        return cls(sorted(rows, key=lambda r: (r.failed, r.rubric, r.duplicate_of is not None, *order(r))))

    @property
    def read(self) -> list[Path]:
        """Every rubric and template the rows were scored with: inputs of the run."""
        return sorted({p for r in self.rows for p in r.read})

    @property
    def rubrics(self) -> list[str]:
        """The rubrics the scored rows were scored against, in order."""
        return sorted({r.rubric for r in self.rows if not r.failed})

    def ranked(self) -> Iterator[tuple[int | None, Row]]:
        """Each row with its rank (None for a file that failed or a copy not ranked)."""
        for row in self.rows:
            yield row.rank, row

    @property
    def failed(self) -> list[Row]:
        """The rows whose files could not be scored."""
        return [r for r in self.rows if r.failed]

    @property
    def duplicated(self) -> list[Row]:
        """The copies of a county and year that another file gives, and that are not ranked."""
        return [r for r in self.rows if r.duplicate_of is not None]

    @property
    def rubric_findings(self) -> dict[str, list[Problem]]:
        """The findings placed in each rubric (or a file it names), each once: by the file they are in."""
        out: dict[str, list[Problem]] = {}
        for f in dict.fromkeys(f for r in self.rows for f in r.rubric_findings):
            out.setdefault(f.path, []).append(f)
        return {path: sorted(found, key=Problem.severity_key) for path, found in sorted(out.items())}


def ledger_problems(ledger: LedgerFile | None, rows: list[Row]) -> list[Problem]:
    """Everything wrong with the ledger in a run over ``rows``, each once, in the ledger's order."""
    if ledger is None:
        return []
    scored = {(r.name, r.year or 0) for r in rows if not r.failed}
    return ledger.all_problems([x for r in rows for x in r.refused], scored)


def ledger_problems_for(ledger: LedgerFile | None, ev: Evaluation) -> list[Problem]:
    """Everything wrong with the ledger in a run over one county's file."""
    if ledger is None:
        return []
    subject = ev.result.data.subject
    return ledger.all_problems(refused_of(ev), {(subject.name, subject.year)})


@dataclass(frozen=True, kw_only=True)
class Chunk:
    """Files to score in one go, in one process, and what scoring them needs: each rubric is
    loaded once per chunk, and the chunk carries the run's language to the process it runs in."""

    paths: list[Path]
    rubric: Path | None
    ledger: LedgerFile | None
    detail: bool
    lang: Lang
    cache: Cache | None = None
    search: tuple[Path, ...] = ()


def row_cache(
    root: Path | None, rubric: Path | None, ledger: LedgerFile | None, detail: bool, search: tuple[Path, ...] = ()
) -> Cache | None:
    """The result cache of a batch (None when it is off): its keys hold the run's language, the
    rubric given, the rubric search path and the rubrics in it, the ledger's bytes and whether
    rows keep every node and finding."""
    if root is None:
        return None
    library = Library(rubric, search=search)
    given = None if rubric is None else os.fspath(library.named(rubric))
    base = {
        **rubrics_found(search),
        "kind": "row",
        "rubric": given,
        "ledger": None if ledger is None else ledger.doc.sha256,
        "lang": current().value,
        "detail": detail,
    }
    return Cache(root=root, base=base)


def _cached_row(path: Path, library: Library, ledger: LedgerFile | None, detail: bool, cache: Cache) -> Row:
    """A file's row from the cache, else scored and kept there (a row a reviewer's entries changed
    or refused is scored afresh every time: its ledger is said again with the run)."""
    shown = shown_as(path)
    raw = read_bytes(path, shown)
    key = cache.key(data=sha256(raw), path=shown)
    found = cache.get(key)
    if found is not None:
        try:
            row = decode(found, CACHED)
            if isinstance(row, Row) and row.path == str(path) and not row.failed:
                return row
        except (ValueError, TypeError, KeyError, ArithmeticError):
            pass  # an entry that does not read is scored again and written anew
    row = Row.of(path, reviewed(evaluate(path, library, ledger, raw=raw), ledger), detail)
    if not row.adjustments and not row.refused:
        try:
            payload = encode(row, CACHED)
        except TypeError:
            return row
        cache.put(key, payload, row.read)
    return row


def score_row(
    path: Path, library: Library, ledger: LedgerFile | None = None, detail: bool = True, cache: Cache | None = None
) -> Row:
    """Score and audit one file into a ranking row; a file that fails becomes a row with its problems."""
    try:
        if cache is not None and path != STDIN:
            return _cached_row(path, library, ledger, detail, cache)
        return Row.of(path, reviewed(evaluate(path, library, ledger), ledger), detail)
    except SelfevalError as e:
        return Row.failure(path, e)
    except Exception as e:
        # One file must never sink a batch: an unexpected failure is that file's, said as such.
        why = msg("file-failed", detail=f"{type(e).__name__}: {e}")
        return Row(path=str(path), problems=[Problem.of(str(path), 0, 0, why, "internal", Severity.ERROR)])


def score_chunk(chunk: Chunk) -> tuple[list[Row], int]:
    """The rows of a chunk's files, in order, and how many it wrote to the cache."""
    library = Library(chunk.rubric, search=chunk.search)
    before = chunk.cache.written if chunk.cache is not None else 0  # as the chunk was sent
    with speaking(chunk.lang):
        rows = [score_row(p, library, chunk.ledger, chunk.detail, chunk.cache) for p in chunk.paths]
    return rows, (chunk.cache.written if chunk.cache is not None else 0) - before


def score_many(
    paths: list[Path],
    rubric: Path | None = None,
    *,
    jobs: int = 0,
    progress: bool = False,
    ledger: LedgerFile | None = None,
    detail: bool = True,
    cache: Path | None = None,
    search: tuple[Path, ...] = (),
) -> list[Row]:
    """Rows for every path, in the order given; uses several processes for large batches, and the
    result cache in the folder ``cache`` (None: none); ``search``: the rubric search path.

    Standard input is scored in this process, whatever the batch: a worker process has its own
    standard input (empty), and the data can be read only once."""
    kept = row_cache(cache, rubric, ledger, detail, search)
    if jobs <= 0:
        jobs = (os.cpu_count() or 1) if len(paths) >= PARALLEL_FROM else 1
    jobs = max(1, min(jobs, len(paths), os.cpu_count() or 1))  # more processes than files or cores help no one
    bar = _Bar(len(paths)) if progress and len(paths) >= PROGRESS_FROM else None
    rows: list[Row] = []
    try:
        if jobs == 1:
            library = Library(rubric, search=search)
            for p in paths:
                rows.append(score_row(p, library, ledger, detail, kept))
                if bar:
                    bar.advance()
        else:
            library = Library(rubric, search=search)
            # standard input, and the first file here: its rubric (checked, with its validators) is
            # then built before the workers start, and a forked worker finds it already made
            first = next((i for i, p in enumerate(paths) if p != STDIN), None)
            here = {
                i: score_row(p, library, ledger, detail, kept) for i, p in enumerate(paths) if p == STDIN or i == first
            }
            if bar and here:
                bar.advance(len(here))
            files = [p for i, p in enumerate(paths) if i not in here]
            size = chunk_size(len(files), jobs)
            chunks = [
                Chunk(
                    paths=files[i : i + size],
                    rubric=rubric,
                    ledger=ledger,
                    detail=detail,
                    lang=current(),
                    cache=kept,
                    search=search,
                )
                for i in range(0, len(files), size)
            ]
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor  # only a large batch pays for it

            scored: list[Row] = []
            with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(start_method())) as pool:
                for done, written in pool.map(score_chunk, chunks):
                    scored += done
                    if kept is not None:
                        kept.written += written
                    if bar:
                        bar.advance(len(done))
            rest = iter(scored)
            rows = [here[i] if i in here else next(rest) for i in range(len(paths))]
    finally:
        if bar:
            bar.stop()
    if kept is not None:
        kept.settle()
    return rows


class _Bar:
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self.progress = Progress(console=Console(stderr=True), transient=True)
        self.task = self.progress.add_task(t("progress-scoring"), total=total)
        self.progress.start()

    def advance(self, n: int = 1) -> None:
        self.progress.advance(self.task, n)

    def stop(self) -> None:
        self.progress.stop()
