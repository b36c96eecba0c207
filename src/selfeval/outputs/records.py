"""Results as plain records (dicts of strings and numbers): what JSON and CSV both write.

Numbers are rounded half up at the rubric's places, like every score selfeval shows.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from selfeval.batch import Ranking, Reviewed, Row, refused_of
from selfeval.compare import Comparison
from selfeval.explain import Explanation
from selfeval.numbers import quantize
from selfeval.outputs.base import Findings
from selfeval.pipeline import Evaluation
from selfeval.problems import Problem
from selfeval.review import Refused
from selfeval.scoring import Applied, NodeResult, gaps
from selfeval.wording import grades


def number(value: Decimal, places: int = 2) -> int | float:
    """A JSON number for a score: an integer when whole."""
    q = quantize(value, places)
    return int(q) if q == q.to_integral_value() else float(q)


def opt(value: Decimal | None, places: int = 2) -> int | float | None:
    """:func:`number`, or None."""
    return None if value is None else number(value, places)


def _head(r: NodeResult) -> dict[str, Any]:
    """What names a node in every record of it: id, number, title, type and points."""
    return {
        "id": r.id,
        "number": r.node.number,
        "title": r.node.title,
        "type": r.type.value,
        "max": number(r.max, r.places),
    }


def node(r: NodeResult) -> dict[str, Any]:
    """One node of the score contract, with its children."""
    p = r.places
    return {
        **_head(r),
        "score": number(r.score, p),
        "score_range": [number(r.score, p), number(r.top, p)] if r.ranged else None,
        "score_min": number(r.score, p),
        "score_max": number(r.top, p),
        "decide": r.decide if r.ranged else [],
        "claimed": opt(r.claimed, p),
        "explanation": r.explanation,
        "status": r.status,
        "not_applicable_policy": r.na_policy.value if r.na_policy else None,
        "assumed": r.node.assumed,
        "evidence": r.used,
        "missing": r.missing,
        "adjustment": None if r.adjusted is None else adjustment(r.adjusted, p),
        "children": [node(c) for c in r.children],
    }


def adjustment(a: Applied, places: int = 2) -> dict[str, Any]:
    """A reviewer's change as applied: before → after, why, by whom, and where the ledger says so."""
    e = a.change.entry
    return {
        "node": a.change.node,
        "label": a.label,
        "before": number(a.before, places),
        "after": number(a.after, places),
        "reason": e.reason,
        "reviewer": a.change.reviewer or None,
        "date": a.change.date or None,
        "evidence": e.evidence,
        "ledger": a.change.where,
    }


def refused(x: Refused) -> dict[str, Any]:
    """A ledger entry not applied: the node and reason as written, why not, and where the ledger has it."""
    return {
        "node": x.node or None,
        "reason": x.reason or None,
        "why": x.why,
        "ledger": x.where,
    }


def problem(p: Problem) -> dict[str, Any]:
    """One problem or finding, located."""
    return {
        "file": p.path,
        "line": p.line,
        "col": p.col,
        "severity": p.severity.value,
        "code": p.code,
        "subject": p.subject,
        "message": p.message,
        "message_en": p.message_en,
        "values": dict(p.values),
    }


def _part(points: Decimal, score: Decimal, other: Decimal, places: int) -> dict[str, Any]:
    """A part of the total: its points, its score (as the lowest total counts it) and the range."""
    low, high = sorted((score, other))
    return {
        "max": number(points, places),
        "score": number(score, places),
        "score_min": number(low, places),
        "score_max": number(high, places),
    }


def score(ev: Evaluation) -> dict[str, Any]:
    """The stable contract of ``selfeval score``."""
    r = ev.result
    p = r.rubric.rounding.places
    return {
        "rubric": {"id": r.rubric.id, "version": r.rubric.version},
        "subject": {"name": r.data.subject.name, "year": r.data.subject.year},
        "standard": _part(r.standard_max, r.standard, r.standard_high, p),
        "bonus": _part(r.bonus_max, r.bonus, r.bonus_high, p),
        "deduction": _part(r.deduction_max, r.deduction, r.deduction_low, p),
        "total": number(r.total, p),
        "total_range": [number(r.total, p), number(r.total_high, p)] if r.ranged else None,
        "total_min": number(r.total, p),
        "total_max": number(r.total_high, p),
        "decide": r.decide,
        "claimed_total": opt(r.claimed_total, p),
        "grade": grades(r.grade, r.grade_high),
        "grade_range": [r.grade, r.grade_high] if r.ranged else None,
        "vetoes": [v.id for v in r.vetoes],
        "summary": None if (summary := ev.form.summary(r)) is None else summary.data,
        "nodes": [node(s) for s in r.sections],
        "adjustments": [adjustment(a, p) for a in r.adjustments],
        # only under a ledger (-a): the entries for this county that were not applied
        **({"not_applied": [refused(x) for x in refused_of(ev)]} if isinstance(ev, Reviewed) else {}),
        "findings": [problem(f) for f in ev.findings],
    }


def gap_rows(ev: Evaluation) -> list[dict[str, Any]]:
    """The points lost, largest effect on the total first."""
    p = ev.result.rubric.rounding.places
    return [
        {
            "id": g.result.id,
            "title": g.result.node.title,
            "lost": number(g.lost, p),
            "lost_min": number(g.result.max - g.result.top if g.result.ranged else g.lost, p),
            "effect_on_total": number(g.effect, p),
            "decide": g.result.decide if g.result.ranged else [],
            "explanation": g.result.explanation,
            "recover": g.result.gap,
        }
        for g in gaps(ev.result)
    ]


RANK_FIELDS = [
    "rank",
    "name",
    "year",
    "status",
    "standard",
    "standard_max",
    "bonus",
    "bonus_max",
    "deduction",
    "deduction_min",
    "total",
    "total_max",
    "grade",
    "claimed_total",
    "claimed_minus_computed",
    "audit_errors",
    "adjustments",
    "not_applied",
    "duplicate_of",
    "duplicates",
    "rubric",
    "path",
    "error",
]
"""The fields of a ranking row that every rubric has; each section's subtotal follows."""


def ranking_rows(ranking: Ranking) -> list[dict[str, Any]]:
    """One record per file, in the ranking's order: the fields of :data:`RANK_FIELDS`, and
    ``sections``, each top-level part's subtotal."""
    return [
        {
            "rank": rank,
            "name": row.name,
            "year": row.year,
            "status": _status(row),
            "standard": opt(row.standard, row.places),
            "standard_max": opt(row.standard_high, row.places),
            "bonus": opt(row.bonus, row.places),
            "bonus_max": opt(row.bonus_high, row.places),
            "deduction": opt(row.deduction, row.places),
            "deduction_min": opt(row.deduction_low, row.places),
            "total": opt(row.total, row.places),
            "total_max": opt(row.total_high, row.places),
            "grade": row.grade,
            "claimed_total": opt(row.claimed_total, row.places),
            "claimed_minus_computed": opt(row.claimed_minus_computed, row.places),
            "audit_errors": row.audit_errors,
            "adjustments": [adjustment(a, row.places) for a in row.adjustments],
            "not_applied": [refused(x) for x in row.refused],
            "duplicate_of": [] if row.duplicate_of is None else [row.duplicate_of],
            "duplicates": row.duplicates,
            "rubric": row.rubric or None,
            "path": row.path,
            "error": row.problems[0].message if row.failed and row.problems else None,
            "sections": [
                {
                    "id": c.id,
                    "label": c.label,
                    "max": number(c.max, row.places),
                    "score": number(c.score, row.places),
                    "score_max": number(c.high, row.places),
                }
                for c in row.sections
            ],
        }
        for rank, row in ranking.ranked()
    ]


def _status(row: Row) -> str:
    """``scored``; ``duplicate`` for a copy of a county's year that another file is ranked for; ``failed``."""
    if row.failed:
        return "failed"
    return "scored" if row.duplicate_of is None else "duplicate"


def findings(f: Findings) -> dict[str, Any]:
    """Files checked, with their counts, and every problem found."""
    files = []
    for checked in f.files:
        entry: dict[str, Any] = {"path": checked.path}
        if checked.subject:
            entry["subject"] = {"name": checked.subject[0], "year": checked.subject[1]}
        entry.update({f"{s.value}s": n for s, n in checked.counts().items()})
        files.append(entry)
    return {"files": files, "findings": [problem(p) for p in f.problems]}


COMPARE_FIELDS = ["kind", "id", "title", "a", "b", "change", "unit"]


def comparison_rows(c: Comparison) -> list[dict[str, Any]]:
    """One record per compared quantity; where an unknown input leaves a range, ``a``/``b`` hold the
    lowest (as a score's ``total`` does), ``change`` is null, and the ``*_range`` pairs the whole of it."""
    rows = []
    for x in c.lines:
        both = x.change_range
        rows.append(
            {
                "kind": x.kind,
                "id": x.id,
                "title": x.title,
                "a": opt(x.a, 4),
                "b": opt(x.b, 4),
                "change": opt(x.change, 4),
                "unit": x.unit,
                "a_range": [opt(x.a, 4), opt(x.a_top, 4)],
                "b_range": [opt(x.b, 4), opt(x.b_top, 4)],
                "change_range": None if both is None else [opt(both[0], 4), opt(both[1], 4)],
            }
        )
    return rows


def explanation(e: Explanation) -> dict[str, Any]:
    """One node explained."""
    r = e.result
    return {
        **_head(r),
        "path": [a.id for a in e.path],
        "rule": e.rule,
        "note": r.node.note,
        "assumed": r.node.assumed,
        "inputs": [{"key": i.key, "title": i.title, "value": i.value, "line": i.line} for i in e.inputs],
        "score": number(r.score, r.places),
        "score_min": number(r.score, r.places),
        "score_max": number(r.top, r.places),
        "claimed": opt(r.claimed, r.places),
        "explanation": r.explanation,
        "recover": r.gap,
        "decide": r.decide if r.ranged else [],
    }
