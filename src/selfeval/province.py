"""The province's summary, worked out once from a ranking for the workbook and the page alike.

What a 民政厅 reviewer files or sends to a leader: a title naming the province (``--province``,
else the one every county's file names as ``subject.province``; none where they differ), year,
reviewer and date; each rubric by its title (never its internal id); how many counties earned each
grade; the averages; where the counties lost points, indicator by indicator; the counties
whose files have errors, and what they are, in words; the reviewer's ledger; and, where the
data files name their 地级市 (``subject.city``), the counties grouped by it with subtotals.

It knows no form: it reads the rows' scores and cells, and the rubrics' titles and grades.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from selfeval.batch import Cell, Ranking, Row, matrix
from selfeval.errors import SelfevalError
from selfeval.heading import Heading
from selfeval.i18n import Lang, current, t
from selfeval.inputs import Library
from selfeval.messages import MESSAGES
from selfeval.numbers import fmt, span
from selfeval.problems import Problem, Severity

MOST_LOST = 10
"""How many of the indicators that lost the most points are named."""


def said_date(day: dt.date) -> str:
    """2021年3月10日 in Chinese, 2021-03-10 in English."""
    return f"{day.year}年{day.month}月{day.day}日" if current() is Lang.ZH else day.isoformat()


# ----------------------------------------------------------------------------- the records


@dataclass(frozen=True, kw_only=True)
class Standard:
    """A rubric as people know it: its title and document number, and its grades (best first)."""

    key: str
    """The rows' ``rubric`` (id and version): for matching rows only, never shown."""
    title: str
    number: str = ""
    """The document number it was issued under (宁民字〔2020〕83号)."""
    grades: tuple[tuple[str, Decimal | None], ...] = ()
    """Each grade and the least total that earns it (None where the rubric could not be read)."""

    @property
    def named(self) -> str:
        """The title, with its document number."""
        return f"{self.title}（{self.number}）" if self.number else self.title


@dataclass(frozen=True, kw_only=True)
class GradeCount:
    """How many counties earned one grade: ``low`` for certain, up to ``high`` with those whose
    unknown inputs leave a range of grades that reaches it."""

    name: str
    band: str
    """The totals that earn it: ≥90, 80–90."""
    low: int
    high: int
    share: str
    """Of the counties ranked, in per cent (a range when the count is)."""

    @property
    def count(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


@dataclass(frozen=True, kw_only=True)
class Averages:
    """The counties' totals in figures."""

    counties: int
    mean: str
    """The mean total (a range when unknown inputs leave some totals a range)."""
    highest: str
    lowest: str
    claimed_over: int
    """Counties whose own total is above the computed one."""
    claimed_under: int
    mean_claimed_minus: str
    """The mean of claimed − computed over the counties where it is known to differ or not."""
    with_errors: int
    """Counties whose own files have errors in the audit."""
    adjusted: int
    """Counties the reviewer's ledger changed."""


@dataclass(frozen=True, kw_only=True)
class Indicator:
    """One indicator across the province: how it scored and how many counties lost points on it."""

    number: str
    label: str
    depth: int
    max: Decimal
    deduction: bool
    leaf: bool
    counties: int
    """Counties whose tree has it."""
    mean_low: Decimal | None
    """The mean score (for a deduction: the mean taken off), unrounded; None where no county has it."""
    mean_high: Decimal | None
    """The mean of the highest scores unknown inputs allow (the same when none is unknown)."""
    places: int
    lost: int
    """Counties that certainly lost points on it (a deduction: had points taken off)."""
    undecided: int
    """Counties whose unknown inputs leave it open whether they lost any."""
    full: int
    """Counties with every point of it (a deduction: none taken off)."""
    lost_points: Decimal
    """The points lost on it, all counties together (certainly lost)."""
    lost_rank: int | None = None
    """Its place among the indicators that lost the most points (1 the most), within :data:`MOST_LOST`."""

    @property
    def mean(self) -> str:
        """The mean score as people read it: 2.5, or 2.5–3 when unknown inputs leave a range."""
        if self.mean_low is None or self.mean_high is None:
            return ""
        return span(self.mean_low, self.mean_high, self.places)

    @property
    def rate(self) -> str:
        """The mean as a share of the points, in per cent (a deduction: of the most it takes off)."""
        if self.mean_low is None or self.mean_high is None or not self.max:
            return ""
        return span(self.mean_low * 100 / self.max, self.mean_high * 100 / self.max, 1) + "%"


@dataclass(frozen=True, kw_only=True)
class City:
    """The counties of one 地级市 (or those whose files name none), with their subtotals."""

    name: str
    counties: int
    mean: str
    highest: str
    lowest: str
    grades: list[int]
    """Counties of each grade of the rubric, in its order (certain grades only)."""
    with_errors: int


@dataclass(frozen=True, kw_only=True)
class Group:
    """The counties scored against one rubric: the unit a ranking and its statistics are of."""

    standard: Standard
    rows: list[Row]
    """Ranked, in rank order."""
    grades: list[GradeCount]
    undecided: list[tuple[str, int]]
    """Grade ranges (中至优) and how many counties have each."""
    averages: Averages
    indicators: list[Indicator]
    lines: list[tuple[Cell, list[Cell | None]]]
    """The indicator × county matrix, each indicator with each row's cell."""
    sections: list[str]
    """The top-level parts' labels, in order: the ranking's subtotal columns."""
    cities: list[City]

    @property
    def most_lost(self) -> list[Indicator]:
        """The indicators that lost the most points, the most first."""
        return sorted((i for i in self.indicators if i.lost_rank), key=lambda i: i.lost_rank or 0)


@dataclass(frozen=True, kw_only=True)
class Finding:
    """A finding or problem, said for a reader: the county by its name, the kind in words."""

    county: str
    """The county (and year), or for a file that could not be read or a rubric's finding, the file."""
    city: str
    path: str
    line: int
    severity: str
    level: str
    """``error``, ``warning`` or ``info``: how the page colours it."""
    kind: str
    message: str


@dataclass(frozen=True, kw_only=True)
class ErrorCounty:
    """A county whose own file has errors (or could not be scored), and what they are."""

    county: str
    city: str
    path: str
    rank: int | None
    errors: list[Finding]
    failed: bool = False


@dataclass(frozen=True, kw_only=True)
class Adjustment:
    """One line of the reviewer's ledger as it was applied, or why not."""

    county: str
    year: int | None
    node: str
    before: Decimal | None
    after: Decimal | None
    places: int
    reason: str
    reviewer: str
    date: str
    evidence: str
    where: str
    status: str
    applied: bool


@dataclass(frozen=True, kw_only=True)
class Province:
    """Everything the workbook and the page say about the province."""

    title: str
    facts: list[str]
    """The lines under the title: the rubric, the reviewer and date, how many counties."""
    province: str
    years: str
    reviewer: str
    date: str
    groups: list[Group]
    error_counties: list[ErrorCounty]
    findings: list[Finding]
    """Every finding in the counties' own files, and the problems of files that failed, by county."""
    rubric_findings: list[Finding]
    adjustments: list[Adjustment]
    ledger: list[Finding]
    """What is wrong with the ledger itself."""
    failed: list[Row]
    duplicates: list[Row]
    cities: bool = False
    """Whether any data file names its 地级市."""
    counties: int = 0
    """Counties ranked."""
    notes: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------- working it out


def summary(ranking: Ranking, heading: Heading) -> Province:
    """The province's summary of ``ranking``, headed as ``heading`` says."""
    scored = [r for r in ranking.rows if r.ranked]
    standards = _standards(scored)
    groups = [
        _group(standards[key], sorted((r for r in scored if r.rubric == key), key=_rank_order))
        for key in ranking.rubrics
    ]
    years = sorted({r.year for r in scored if r.year is not None})
    year_text = "" if not years else str(years[0]) if len(years) == 1 else f"{years[0]}—{years[-1]}"
    reviewer = heading.reviewer or _only(c.reviewer for r in scored for c in (a.change for a in r.adjustments))
    date = said_date(heading.date) if heading.date else ""
    province = heading.province or _agreed([r.province for r in scored])
    title = heading.title or _title(province, year_text)
    facts = [t("province-standard", title=g.standard.named) for g in groups]
    by = [t("province-reviewer", who=reviewer)] if reviewer else []
    by += [t("province-date", date=date)] if date else []
    if by:
        facts.append("　".join(by))
    counted = [t("province-counties", n=len(scored))]
    counted += [t("province-failed", n=len(ranking.failed))] if ranking.failed else []
    counted += [t("province-duplicates", n=len(ranking.duplicated))] if ranking.duplicated else []
    facts.append("；".join(counted))
    found: list[Finding] = []
    errors: list[ErrorCounty] = []
    for row in sorted(ranking.rows, key=lambda r: (r.failed, not r.ranked, *_rank_order(r))):
        if row.failed:
            mine = [_finding(p, row) for p in row.problems]
        elif row.ranked:
            mine = [_finding(p, row) for p in sorted(row.findings, key=Problem.severity_key)]
        else:
            continue  # a copy's findings are the ranked file's
        found += mine
        wrong = [f for f in mine if f.level == Severity.ERROR.value]
        if wrong or row.failed:
            errors.append(
                ErrorCounty(
                    county=_county(row), city=row.city, path=row.path, rank=row.rank, errors=wrong, failed=row.failed
                )
            )
    of_rubric = [_finding(p, None) for of_one in ranking.rubric_findings.values() for p in of_one]
    return Province(
        title=title,
        facts=facts,
        province=province,
        years=year_text,
        reviewer=reviewer,
        date=date,
        groups=groups,
        error_counties=errors,
        findings=found,
        rubric_findings=of_rubric,
        adjustments=_adjustments(scored),
        ledger=[_finding(p, None, "ledger") for p in ranking.ledger],
        failed=ranking.failed,
        duplicates=ranking.duplicated,
        cities=any(r.city for r in scored),
        counties=len(scored),
    )


def _title(province: str, years: str) -> str:
    if years:
        return t("province-title-year", province=province, years=years).strip()
    return t("province-title", province=province).strip()


def _only(values: Iterable[str]) -> str:
    """The one value all of ``values`` share, else nothing."""
    distinct = {v for v in values if v}
    return distinct.pop() if len(distinct) == 1 else ""


def _agreed(values: list[str]) -> str:
    """The one value every item names, else nothing: a file that names none, or two that differ,
    leave it unsaid rather than guessed."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else ""


def _rank_order(r: Row) -> tuple[object, ...]:
    return (r.rank if r.rank is not None else 1 << 30, r.name, r.path)


def _county(row: Row) -> str:
    """How a row is named for people: the county and year, or its file when it has no name."""
    if not row.name:
        return row.path
    return f"{row.name} {row.year}" if row.year else row.name


def _standards(rows: list[Row]) -> dict[str, Standard]:
    """Each rubric of the rows, read again for its title and grades (once each: a province has
    one or two); a rubric that cannot be read now is named by its place in the list."""
    library = Library(None)
    out: dict[str, Standard] = {}
    for row in rows:
        if row.rubric in out:
            continue
        try:
            rubric = library.load(Path(row.read[0])).rubric if row.read else None
        except (SelfevalError, OSError):
            rubric = None
        if rubric is None:
            names = list(dict.fromkeys(r.grade for r in rows if r.rubric == row.rubric and "至" not in r.grade))
            title = t("province-rubric-n", n=len(out) + 1)
            out[row.rubric] = Standard(key=row.rubric, title=title, grades=tuple((n, None) for n in names))
            continue
        grades = tuple((g.name, g.min) for g in sorted(rubric.grades, key=lambda g: g.min, reverse=True))
        out[row.rubric] = Standard(key=row.rubric, title=rubric.title, number=rubric.document_number, grades=grades)
    return out


def _mean(values: list[Decimal]) -> Decimal:
    return sum(values, Decimal(0)) / len(values)


def _group(standard: Standard, rows: list[Row]) -> Group:
    places = max((r.places for r in rows), default=2)
    lines = matrix(rows)
    return Group(
        standard=standard,
        rows=rows,
        grades=_grades(standard, rows, places),
        undecided=_undecided(standard, rows),
        averages=_averages(rows, places),
        indicators=_indicators(lines, rows),
        lines=lines,
        sections=[cell.label for cell, _ in lines if cell.depth == 0],
        cities=_cities(standard, rows, places),
    )


def _spanned(standard: Standard, grade: str) -> list[str]:
    """The grades a row's grade (优, or 中至优) may be."""
    names = [n for n, _ in standard.grades]
    if grade in names:
        return [grade]
    for i, low in enumerate(names):
        for j, high in enumerate(names):
            if f"{low}至{high}" == grade:
                return names[min(i, j) : max(i, j) + 1]
    return []


def _grades(standard: Standard, rows: list[Row], places: int) -> list[GradeCount]:
    out = []
    above: Decimal | None = None
    for name, least in standard.grades:
        low = sum(1 for r in rows if r.grade == name)
        high = sum(1 for r in rows if name in _spanned(standard, r.grade))
        if least is None:
            band = ""
        elif above is None:
            band = f"≥{fmt(least, places)}"
        else:
            band = f"{fmt(least, places)}–{fmt(above, places)}"
        above = least
        out.append(GradeCount(name=name, band=band, low=low, high=high, share=_shares(low, high, len(rows))))
    return out


def _shares(low: int, high: int, n: int) -> str:
    if not n:
        return ""
    a, b = (fmt(Decimal(x * 100) / n, 1) for x in (low, high))
    return f"{a}%" if a == b else f"{a}%–{b}%"


def _undecided(standard: Standard, rows: list[Row]) -> list[tuple[str, int]]:
    names = {n for n, _ in standard.grades}
    out: dict[str, int] = {}
    for r in rows:
        if r.grade not in names:
            out[r.grade] = out.get(r.grade, 0) + 1
    return sorted(out.items())


def _averages(rows: list[Row], places: int) -> Averages:
    low = [r.total for r in rows if r.total is not None]
    high = [r.total_high if r.total_high is not None else r.total for r in rows if r.total is not None]
    diffs = [r.claimed_minus_computed for r in rows]
    known = [d for d in diffs if d is not None]
    if not low:
        mean = highest = lowest = ""
    else:
        mean = span(_mean(low), _mean([h for h in high if h is not None]), places)
        highest = fmt(max(h for h in high if h is not None), places)
        lowest = fmt(min(low), places)
    return Averages(
        counties=len(rows),
        mean=mean,
        highest=highest,
        lowest=lowest,
        claimed_over=sum(1 for d in known if d > 0),
        claimed_under=sum(1 for d in known if d < 0),
        mean_claimed_minus=fmt(_mean(known), places) if known else "",
        with_errors=sum(1 for r in rows if r.audit_errors),
        adjusted=sum(1 for r in rows if r.adjustments),
    )


def number_of(label: str) -> str:
    """The number a label starts with (``27.``, ``（六）``, ``一、``), or nothing."""
    m = re.match(r"^\s*(\d+[.．、]?|[（(][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+、)", label)
    return m.group(1).rstrip(".．、") if m else ""


def _indicators(lines: list[tuple[Cell, list[Cell | None]]], rows: list[Row]) -> list[Indicator]:
    keys = [cell.key for cell, _ in lines]
    parents = {k[:-1] for k in keys}
    out: list[Indicator] = []
    for cell, theirs in lines:
        mine = [(c, r.places) for c, r in zip(theirs, rows, strict=True) if c is not None]
        top = cell.max
        lost = undecided = full = 0
        lost_points = Decimal(0)
        for c, _ in mine:
            # what is lost for certain and what may be, when unknown inputs leave a range; on a
            # deduction node the score is the points taken off
            certain, possible = (c.score, c.high) if cell.deduction else (top - c.high, top - c.score)
            if certain > 0:
                lost += 1
                lost_points += certain
            elif possible > 0:
                undecided += 1
            else:
                full += 1
        places = max((p for _, p in mine), default=2)
        out.append(
            Indicator(
                number=number_of(cell.label),
                label=cell.label,
                depth=cell.depth,
                max=top,
                deduction=cell.deduction,
                leaf=cell.key not in parents,
                counties=len(mine),
                mean_low=_mean([c.score for c, _ in mine]) if mine else None,
                mean_high=_mean([c.high for c, _ in mine]) if mine else None,
                places=places,
                lost=lost,
                undecided=undecided,
                full=full,
                lost_points=lost_points,
            )
        )
    ranked = sorted(
        (i for i, x in enumerate(out) if x.leaf and x.lost_points > 0),
        key=lambda i: (-out[i].lost_points, -out[i].lost, i),
    )[:MOST_LOST]
    for place, i in enumerate(ranked, 1):
        out[i] = _with_rank(out[i], place)
    return out


def _with_rank(x: Indicator, place: int) -> Indicator:
    return replace(x, lost_rank=place)


def _cities(standard: Standard, rows: list[Row], places: int) -> list[City]:
    if not any(r.city for r in rows):
        return []
    by: dict[str, list[Row]] = {}
    for r in rows:
        by.setdefault(r.city, []).append(r)
    out = []
    for name in sorted(by, key=lambda c: (not c, c)):  # the counties that name none last
        mine = by[name]
        totals = [r.total for r in mine if r.total is not None]
        highs = [r.total_high if r.total_high is not None else r.total for r in mine if r.total is not None]
        out.append(
            City(
                name=name or t("province-no-city"),
                counties=len(mine),
                mean=span(_mean(totals), _mean([h for h in highs if h is not None]), places) if totals else "",
                highest=fmt(max(h for h in highs if h is not None), places) if totals else "",
                lowest=fmt(min(totals), places) if totals else "",
                grades=[sum(1 for r in mine if r.grade == g) for g, _ in standard.grades],
                with_errors=sum(1 for r in mine if r.audit_errors),
            )
        )
    return out


def kind_of(code: str) -> str:
    """A finding's kind in words (自评分合计不符), never its code."""
    key = f"finding-kind-{code}"
    return t(key) if key in MESSAGES else t("finding-kind-other")


def _finding(p: Problem, row: Row | None, other: str = "rubric") -> Finding:
    return Finding(
        county=_county(row) if row is not None else t(f"province-{other}-file"),
        city=row.city if row is not None else "",
        path=p.path,
        line=p.line,
        severity=t(f"sev-{p.severity.value}"),
        level=p.severity.value,
        kind=kind_of(p.code),
        message=p.message,
    )


def _adjustments(rows: list[Row]) -> list[Adjustment]:
    out: list[Adjustment] = []
    for row in rows:
        for a in row.adjustments:
            c = a.change
            out.append(
                Adjustment(
                    county=row.name,
                    year=row.year,
                    node=a.label,
                    before=a.before,
                    after=a.after,
                    places=row.places,
                    reason=c.entry.reason,
                    reviewer=c.reviewer,
                    date=c.date,
                    evidence=c.entry.evidence or "",
                    where=c.where,
                    status=t("adjust-applied"),
                    applied=True,
                )
            )
        for x in row.refused:
            out.append(
                Adjustment(
                    county=row.name,
                    year=row.year,
                    node=x.node,
                    before=None,
                    after=None,
                    places=row.places,
                    reason=x.reason,
                    reviewer="",
                    date="",
                    evidence="",
                    where=x.where,
                    status=t("adjust-refused", why=x.why),
                    applied=False,
                )
            )
    return out
