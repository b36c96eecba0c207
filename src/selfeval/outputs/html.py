"""HTML: the province's page, one self-contained file (no scripts, no network).

From :func:`selfeval.province.summary`, as the workbook: the title (province, year, reviewer,
date), the grade distribution, the figures, the 地级市 subtotals, the ranking, a bar chart of
the totals (inline SVG, its axis starting near the lowest total so that 96 and 105 look
different, the scale said), where the counties lost points, a heat map of indicator × county,
the counties whose files have errors and what they are, the reviewer's adjustments and every
finding, from ``templates/province.html.j2``; printed, A4 landscape, a section to a page. The
section headings are catalogue entries (``head-*``), in the language of the run.

A page of any number of counties: the long lists are cut at a size a person reads (the
ranking, the bars, the heat map, the findings), each saying so and where the rest is (the
workbook, the CSV), so that a province of 15,000 counties makes a page of a few megabytes,
well inside the template's output limit. Every value is HTML-escaped as the template prints
it (Jinja2's autoescape in the sandbox); geometry and colours are numbers computed here,
never text from a file.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import IO, TYPE_CHECKING, Any

from selfeval import resources
from selfeval.batch import Ranking, Row
from selfeval.choices import Format
from selfeval.i18n import Lang, current, t
from selfeval.load import read_text
from selfeval.numbers import fmt, span
from selfeval.outputs import template
from selfeval.outputs.base import FormatSpec, Options, write_text

if TYPE_CHECKING:  # the summary is built only when a page is written: not on every command's start
    from selfeval.province import Finding, Group, Indicator, Province

TEMPLATE = "province.html.j2"
BAR_WIDTH = 560
"""The width of the longest bar, in SVG units."""
BAR_LEFT = 160
"""Where the bars start: the county names stand to the left of it."""
BAR_PITCH = 24
"""The height of one bar's row."""
RANKING_ROWS = 500
"""Counties the page's ranking lists; a larger province's full ranking is in the workbook and the CSV."""
BARS = 60
"""Bars the chart draws; of a larger province, the highest and the lowest half as many each."""
HEAT_COUNTIES = 40
"""Counties the heat map shows; of a larger province, those of the lowest totals."""
ERROR_COUNTIES = 300
"""Counties with errors the page lists, those with the most errors first; the rest in the workbook."""
LIST_ROWS = 500
"""Rows each other list (findings, adjustments, failed and duplicate files) shows."""


def heat(share: Decimal | None) -> str:
    """The colour of how good a score is (:meth:`Cell.share`): red at worst, yellow at half, green at best."""
    if share is None:
        return "#eeeeee"
    x = float(max(Decimal(0), min(share, Decimal(1))))
    low, mid, high = (248, 105, 107), (255, 235, 132), (99, 190, 123)
    a, b, f = (low, mid, x * 2) if x < 0.5 else (mid, high, (x - 0.5) * 2)
    return "#" + "".join(f"{round(p + (q - p) * f):02x}" for p, q in zip(a, b, strict=True))


def _step(raw: Decimal) -> Decimal:
    """The least of 1, 2, 5 × a power of ten that is at least ``raw``: a tick people count in."""
    base = Decimal(1).scaleb(raw.adjusted())
    return next(m * base for m in (1, 2, 5, 10) if m * base >= raw)


def axis(low: Decimal, high: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    """The start, end and step of a bar chart's axis for totals from ``low`` to ``high``: from a
    step below the lowest (never below 0 for totals that are not), so that differences of a few
    points show, to the highest rounded up; about five steps, each of at least a point."""
    spread = high - low
    step = _step(max(spread / 5, Decimal(1)) if spread > 0 else max(abs(high) / 20, Decimal(1)))  # whole points
    start = (low / step).to_integral_value(ROUND_FLOOR) * step - step
    if low >= 0 > start:
        start = Decimal(0)
    end = max((high / step).to_integral_value(ROUND_CEILING) * step, start + step)
    return start, end, step


def _x(value: Decimal, start: Decimal, end: Decimal) -> float:
    return round(float((value - start) / (end - start)) * BAR_WIDTH, 1)


def _chart(rows: list[Row]) -> dict[str, Any]:
    """The bars (at most :data:`BARS`, the highest and the lowest of a larger province), the
    axis and its ticks."""
    totals = [r for r in rows if r.total is not None]
    if not totals:
        return {"bars": [], "ticks": [], "height": 0, "scale": "", "cut": 0}
    low = min(r.total for r in totals if r.total is not None)
    high = max(r.total_high if r.total_high is not None else r.total for r in totals if r.total is not None)
    start, end, step = axis(low, high)
    half = BARS // 2
    shown: list[Row | None] = list(totals) if len(totals) <= BARS else [*totals[:half], None, *totals[-half:]]
    bars: list[dict[str, Any]] = []
    for i, r in enumerate(shown):
        y = i * BAR_PITCH
        if r is None or r.total is None:
            bars.append({"gap": len(totals) - 2 * half, "y": y})
            continue
        top = r.total_high if r.total_high is not None else r.total
        bars.append(
            {
                "gap": 0,
                "y": y,
                "name": r.name,
                "total": span(r.total, top, r.places),
                "width": _x(r.total, start, end),
                "range": round(_x(top, start, end) - _x(r.total, start, end), 1),
            }
        )
    ticks = []
    value = start
    while value <= end:
        ticks.append({"x": BAR_LEFT + _x(value, start, end), "label": fmt(value)})
        value += step
    return {
        "bars": bars,
        "ticks": ticks,
        "height": len(shown) * BAR_PITCH,
        "start": fmt(start),
        "step": fmt(step),
        "from_zero": start == 0,
        "cut": len(totals) if len(totals) > BARS else 0,
    }


def _heat(group: Group) -> dict[str, Any]:
    """The heat map of the whole province, or of the counties of the lowest totals."""
    rows = group.rows
    index = list(range(len(rows)))
    if len(rows) > HEAT_COUNTIES:
        index = sorted(sorted(index, key=lambda i: rows[i].total or Decimal(0))[:HEAT_COUNTIES])
    nodes = []
    for cell, theirs in group.lines:
        cells = []
        for i in index:
            mine, row = theirs[i], rows[i]
            share = None if mine is None else mine.share()
            shown = "" if mine is None else span(mine.score, mine.high, row.places)
            cells.append({"score": shown, "color": heat(share)})
        nodes.append({"label": cell.label, "depth": cell.depth, "max": fmt(cell.max), "cells": cells})
    return {"counties": [rows[i].name for i in index], "nodes": nodes, "of": len(rows) if len(index) < len(rows) else 0}


def _group(group: Group, many: bool) -> dict[str, Any]:
    rows = group.rows
    return {
        "title": group.standard.title if many else "",
        "named": group.standard.named,
        "grades": group.grades,
        "undecided": [f"{name}：{n}" for name, n in group.undecided],
        "averages": group.averages,
        "cities": group.cities,
        "grade_names": [n for n, _ in group.standard.grades],
        "rows": [
            {
                "rank": r.rank,
                "name": r.name,
                "city": r.city,
                "year": r.year,
                "total": span(r.total or Decimal(0), r.total_high or r.total or Decimal(0), r.places),
                "grade": r.grade,
                "claimed": "" if r.claimed_total is None else fmt(r.claimed_total, r.places),
                "diff": "" if not r.claimed_minus_computed else fmt(r.claimed_minus_computed, r.places),
                "errors": r.audit_errors,
                "duplicates": r.duplicates,
                "adjustments": len(r.adjustments),
                "path": r.path,
            }
            for r in rows[:RANKING_ROWS]
        ],
        "ranking_cut": len(rows) if len(rows) > RANKING_ROWS else 0,
        "chart": _chart(rows),
        "most_lost": [_indicator(x) for x in group.most_lost],
        "most_lost_heading": t("head-most-lost", n=len(group.most_lost)),
        "indicators": [_indicator(x) for x in group.indicators],
        "heat": _heat(group),
    }


def _indicator(x: Indicator) -> dict[str, Any]:
    return {
        "rank": x.lost_rank or "",
        "label": x.label,
        "depth": x.depth,
        "max": fmt(x.max),
        "counties": x.counties,
        "mean": x.mean,
        "rate": x.rate,
        "lost": x.lost,
        "undecided": x.undecided,
        "full": x.full,
        "lost_points": fmt(x.lost_points),
        "deduction": x.deduction,
    }


HEADINGS = (
    "grades",
    "overview",
    "cities",
    "ranking",
    "totals",
    "indicators",
    "matrix",
    "error-counties",
    "duplicates",
    "failed",
    "adjustments",
    "ledger-problems",
    "findings",
    "rubric-findings",
)
"""The page's section headings, each the catalogue's ``head-<key>`` in the run's language."""

SPEC = FormatSpec(format=Format.HTML, suffixes=(".html", ".htm"), binary=False)
"""The province's page."""


def _cut(items: list[Any], most: int = LIST_ROWS) -> tuple[list[Any], int]:
    """At most ``most`` of ``items``, and how many there are when some are left out (else 0)."""
    return items[:most], (len(items) if len(items) > most else 0)


def view(p: Province) -> dict[str, Any]:
    """What the template prints: the province's summary, the long lists cut to a readable size."""
    many = len(p.groups) > 1
    errors = sorted(p.error_counties, key=lambda e: (not e.failed and -len(e.errors), e.rank or 0))
    errors_shown, errors_cut = _cut(errors, ERROR_COUNTIES)
    findings, findings_cut = _cut(p.findings)
    adjustments, adjustments_cut = _cut(p.adjustments)
    failed, failed_cut = _cut(p.failed)
    duplicates, duplicates_cut = _cut(p.duplicates)
    return {
        "lang": "zh-CN" if current() is Lang.ZH else "en",
        "h": {key.replace("-", "_"): t(f"head-{key}") for key in HEADINGS},
        "title": p.title,
        "facts": p.facts,
        "cities": p.cities,
        "groups": [_group(g, many) for g in p.groups],
        "error_counties": [
            {
                "county": e.county,
                "city": e.city,
                "path": e.path,
                "rank": e.rank,
                "failed": e.failed,
                "errors": [_finding(f) for f in e.errors[:20]],
                "more": max(len(e.errors) - 20, 0),
            }
            for e in errors_shown
        ],
        "error_counties_cut": errors_cut,
        "findings": [_finding(f) for f in findings],
        "findings_cut": findings_cut,
        "rubric_findings": [_finding(f) for f in p.rubric_findings],
        "ledger": [_finding(f) for f in p.ledger],
        "failed": [{"path": r.path, "why": r.problems[0].message if r.problems else ""} for r in failed],
        "failed_cut": failed_cut,
        "duplicates": [{"path": r.path, "ranked": r.duplicate_of} for r in duplicates],
        "duplicates_cut": duplicates_cut,
        "adjustments": [
            {
                "county": f"{a.county} {a.year}",
                "node": a.node,
                "before": "" if a.before is None else fmt(a.before, a.places),
                "after": "" if a.after is None else fmt(a.after, a.places),
                "reason": a.reason,
                "reviewer": a.reviewer,
                "date": a.date,
                "status": a.status if a.applied else f"{a.status}（{a.where}）",
                "applied": a.applied,
            }
            for a in adjustments
        ],
        "adjustments_cut": adjustments_cut,
        "bar_width": BAR_WIDTH,
        "bar_left": BAR_LEFT,
        "bar_pitch": BAR_PITCH,
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "county": f.county,
        "city": f.city,
        "file": f.path,
        "line": f.line or "",
        "severity": f.severity,
        "level": f.level,
        "kind": f.kind,
        "message": f.message,
    }


def ranking(ranking: Ranking, out: IO[bytes], options: Options) -> None:
    path = resources.TEMPLATES / TEMPLATE
    from selfeval.province import summary

    page = view(summary(ranking, options.heading))
    write_text(out, template.render(read_text(path), str(path), page, html=True))
