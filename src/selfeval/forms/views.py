"""What every form's view model shares: the audit's findings and the reviewer's changes as a
template sees them, the base of each form's view, and a document as a spreadsheet table.

Loaded with a form's view module, only when a document is made: scoring and auditing never
build a view.
"""

from __future__ import annotations

from dataclasses import dataclass

from selfeval.numbers import fmt, quantize
from selfeval.problems import Problem
from selfeval.provenance import Provenance
from selfeval.scoring import ScoreResult


@dataclass(frozen=True, kw_only=True)
class FindingView:
    """An audit finding as a report template sees it."""

    severity: str
    code: str
    subject: str
    message: str
    stated: str
    expected: str


@dataclass(frozen=True, kw_only=True)
class AdjustmentView:
    """A reviewer's change as a report template sees it."""

    node: str
    before: str
    after: str
    reason: str
    reviewer: str
    date: str
    evidence: str


@dataclass(frozen=True, kw_only=True)
class ReportView:
    """What every form's report template may use; each form's view adds its own document."""

    scores: str
    """``computed`` or ``claimed``: which scores the report carries."""
    with_audit: bool
    findings: list[FindingView]
    adjustments: list[AdjustmentView]
    provenance: Provenance


SheetCell = str | float
"""A spreadsheet cell: text, or a number Excel can add up."""


@dataclass(frozen=True, kw_only=True)
class Sheet:
    """A form's document as one spreadsheet table: the form's header block, then its rows."""

    title: str
    header: list[str]
    """The column headings of the rows."""
    before: list[list[SheetCell]]
    """The lines above the rows (项目名称, the budget block…): a line's last cell spans the rest."""
    rows: list[list[SheetCell]]
    """The rows; an empty first cell continues the one above (一级指标 over its rows)."""


def findings_view(findings: list[Problem]) -> list[FindingView]:
    """The audit findings as a report template sees them."""
    return [
        FindingView(
            severity=f.severity.value,
            code=f.code,
            subject=f.subject,
            message=f.message,
            stated=f.values.get("stated", ""),
            expected=f.values.get("expected", ""),
        )
        for f in findings
    ]


def adjustments_view(result: ScoreResult) -> list[AdjustmentView]:
    """The reviewer's changes as a report template sees them."""
    p = result.rubric.rounding.places
    return [
        AdjustmentView(
            node=a.label,
            before=fmt(quantize(a.before, p)),
            after=fmt(quantize(a.after, p)),
            reason=a.change.entry.reason,
            reviewer=a.change.reviewer,
            date=a.change.date,
            evidence=a.change.entry.evidence or "",
        )
        for a in result.adjustments
    ]
