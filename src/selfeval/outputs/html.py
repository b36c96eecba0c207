"""HTML: the province's page, one self-contained file (no scripts, no network).

The ranking, a bar chart of the totals (inline SVG), a heat map of indicator × county (each
county and year once), the reviewer's adjustments (applied or not) and every finding, from
``templates/province.html.j2``. Every value is HTML-escaped as the template prints it
(Jinja2's autoescape in the sandbox); geometry and colours are numbers computed here, never
text from a file.
"""

from __future__ import annotations

from decimal import Decimal
from typing import IO, Any

from selfeval import resources
from selfeval.batch import Ranking, Row, matrix
from selfeval.choices import Format
from selfeval.i18n import t
from selfeval.load import read_text
from selfeval.numbers import fmt, span
from selfeval.outputs import template
from selfeval.outputs.base import FormatSpec, Options, write_text
from selfeval.problems import Problem

TEMPLATE = "province.html.j2"
BAR_WIDTH = 560
"""The width of the longest bar, in SVG units."""


def heat(share: Decimal | None) -> str:
    """The colour of how good a score is (:meth:`Cell.share`): red at worst, yellow at half, green at best."""
    if share is None:
        return "#eeeeee"
    x = float(max(Decimal(0), min(share, Decimal(1))))
    low, mid, high = (248, 105, 107), (255, 235, 132), (99, 190, 123)
    a, b, f = (low, mid, x * 2) if x < 0.5 else (mid, high, (x - 0.5) * 2)
    return "#" + "".join(f"{round(p + (q - p) * f):02x}" for p, q in zip(a, b, strict=True))


def _group(rubric: str, rows: list[Row]) -> dict[str, Any]:
    top = max((r.total or Decimal(0) for r in rows), default=Decimal(0)) or Decimal(1)
    nodes = []
    for cell, theirs in matrix(rows):
        cells = []
        for row, mine in zip(rows, theirs, strict=True):
            share = None if mine is None else mine.share()
            shown = "" if mine is None else span(mine.score, mine.high, row.places)
            cells.append({"score": shown, "color": heat(share)})
        nodes.append({"label": cell.label, "depth": cell.depth, "max": fmt(cell.max), "cells": cells})
    return {
        "rubric": rubric,
        "counties": [r.name for r in rows],
        "rows": [
            {
                "rank": r.rank,
                "name": r.name,
                "year": r.year,
                "total": span(r.total or Decimal(0), r.total_high or r.total or Decimal(0), r.places),
                "grade": r.grade,
                "claimed": "" if r.claimed_total is None else fmt(r.claimed_total, r.places),
                "diff": "" if not r.claimed_minus_computed else fmt(r.claimed_minus_computed, r.places),
                "errors": r.audit_errors,
                "duplicates": r.duplicates,
                "adjustments": len(r.adjustments),
                "path": r.path,
                "bar": round(float((r.total or Decimal(0)) / top) * BAR_WIDTH, 1),
            }
            for r in sorted(rows, key=lambda r: (r.rank or 0, r.name, r.path))
        ],
        "nodes": nodes,
    }


SPEC = FormatSpec(format=Format.HTML, suffixes=(".html", ".htm"), binary=False)
"""The province's page."""


def _finding(f: Problem) -> dict[str, Any]:
    return {
        "file": f.path,
        "line": f.line,
        "severity": t(f"sev-{f.severity.value}"),
        "level": f.severity.value,
        "code": f.code,
        "message": f.message,
    }


def ranking(ranking: Ranking, out: IO[bytes], options: Options) -> None:
    scored = [r for r in ranking.rows if r.ranked]  # a copy of a county's year is listed apart, never mapped
    found = [f for r in ranking.rows if not r.failed for f in r.findings]
    view = {
        "title": t("html-title"),
        "groups": [_group(g, [r for r in scored if r.rubric == g]) for g in ranking.rubrics],
        "failed": [{"path": r.path, "why": r.problems[0].message if r.problems else ""} for r in ranking.failed],
        "duplicates": [{"path": r.path, "ranked": r.duplicate_of} for r in ranking.duplicated],
        "findings": [_finding(f) for f in found],
        "rubric_findings": [_finding(f) for of_rubric in ranking.rubric_findings.values() for f in of_rubric],
        "adjustments": [
            *(
                {
                    "county": f"{r.name} {r.year}",
                    "node": a.label,
                    "before": fmt(a.before, r.places),
                    "after": fmt(a.after, r.places),
                    "reason": a.change.entry.reason,
                    "reviewer": a.change.reviewer,
                    "date": a.change.date,
                    "status": t("adjust-applied"),
                    "applied": True,
                }
                for r in scored
                for a in r.adjustments
            ),
            *(
                {
                    "county": f"{r.name} {r.year}",
                    "node": x.node,
                    "before": "",
                    "after": "",
                    "reason": x.reason,
                    "reviewer": "",
                    "date": "",
                    "status": t("adjust-refused", why=x.why) + f"（{x.where}）",
                    "applied": False,
                }
                for r in scored
                for x in r.refused
            ),
        ],
        "bar_width": BAR_WIDTH,
    }
    path = resources.TEMPLATES / TEMPLATE
    write_text(out, template.render(read_text(path), str(path), view, html=True, rows=len(ranking.rows)))
