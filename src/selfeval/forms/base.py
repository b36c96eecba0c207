"""What a document family provides: its models, its indicator tree, its checks, its report.

A rubric names its form (``form: narrative``); the form decides how a data file for that
rubric is read, which tree of nodes is scored, and what the report looks like. Everything
else (loading, scoring, the audit, the outputs) is shared.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from selfeval.choices import Scores
from selfeval.load import Document
from selfeval.models.data import DataBase
from selfeval.models.rubric import Node, RubricBase, Walked, walk_tree
from selfeval.numbers import fmt, quantize
from selfeval.problems import Problem
from selfeval.scoring import ScoreResult

R = TypeVar("R", bound=RubricBase)
D = TypeVar("D", bound=DataBase)


@dataclass(frozen=True)
class ReportOptions:
    """What a report shows beyond the county's text."""

    with_audit: bool = False
    """Append the audit findings."""
    scores: Scores = Scores.COMPUTED
    """The computed scores, or the county's claims as written."""


@dataclass(frozen=True)
class Properties:
    """What an office file says about itself (title, author, date), not in its body."""

    title: str
    author: str
    date: dt.date | None = None


@dataclass(frozen=True)
class Provenance:
    """Which inputs a result came from: enough to reproduce it, and nothing that varies by machine."""

    rubric_id: str
    rubric_version: str
    rubric_sha256: str
    data_sha256: str
    selfeval_version: str


class Form(ABC, Generic[R, D]):
    """A document family: the Ningxia narrative report, the project self-evaluation table…"""

    name: ClassVar[str]
    """The value of ``form:`` in a rubric."""
    title: ClassVar[str]
    """What the document is called, for people (自评报告)."""
    rubric_model: type[R]
    data_model: type[D]
    templates: ClassVar[dict[str, str]]
    """The bundled templates the report is rendered with, by kind, unless the rubric names others."""

    @abstractmethod
    def tree(self, rubric: R, data: D) -> list[Node]:
        """The indicator tree to score: fixed by the rubric, or built from the data's rows."""

    def walked(self, rubric: R, data: D) -> Walked:
        """Every node of :meth:`tree`, depth first, with its effective type."""
        return walk_tree(self.tree(rubric, data))

    def check_rubric(self, rubric: R, doc: Document) -> Iterator[Problem]:
        """Problems of a schema-valid rubric that only this form knows about."""
        return iter(())

    def check_data(self, data: D, doc: Document, rubric: R) -> Iterator[Problem]:
        """Problems of a schema-valid data file that only this form knows about."""
        return iter(())

    def left_to_fill(self, data: D, doc: Document) -> Iterator[Problem]:
        """Warnings at the values of this form's own parts still written ``~``."""
        return iter(())

    @abstractmethod
    def view_model(
        self, result: ScoreResult, findings: list[Problem], provenance: Provenance, options: ReportOptions
    ) -> dict[str, Any]:
        """Everything the report template may use, as plain data (strings, numbers, lists, dicts)."""

    def identity(self, data: D) -> tuple[str, ...]:
        """Who and which year a data file is about: two files alike in a batch are a duplicate."""
        return (data.subject.name, str(data.subject.year))

    def properties(self, result: ScoreResult) -> Properties:
        """The document's title, author and date for a Word file's properties."""
        s = result.data.subject
        return Properties(title=f"{s.name}{s.year}年度{self.title}", author=s.name)

    @abstractmethod
    def skeleton(self, rubric: R, name: str, year: int, previous: D | None = None) -> str:
        """The text of a data file for ``rubric`` with every input listed where a clerk fills it in:
        blank, or started from ``previous`` (last year's file)."""


def findings_view(findings: list[Problem]) -> list[dict[str, str]]:
    """The audit findings as a report template sees them."""
    return [
        {
            "severity": f.severity.value,
            "code": f.code,
            "subject": f.subject,
            "message": f.message,
            "stated": f.values.get("stated", ""),
            "expected": f.values.get("expected", ""),
        }
        for f in findings
    ]


def provenance_view(p: Provenance) -> dict[str, str]:
    """Where a report came from, as a template sees it."""
    return {
        "rubric_id": p.rubric_id,
        "rubric_version": p.rubric_version,
        "rubric_sha256": p.rubric_sha256,
        "data_sha256": p.data_sha256,
        "selfeval_version": p.selfeval_version,
    }


def adjustments_view(result: ScoreResult) -> list[dict[str, str]]:
    """The reviewer's changes as a report template sees them."""
    p = result.rubric.rounding.places
    return [
        {
            "node": a.label,
            "before": fmt(quantize(a.before, p)),
            "after": fmt(quantize(a.after, p)),
            "reason": a.change.entry.reason,
            "reviewer": a.change.reviewer,
            "date": a.change.date,
            "evidence": a.change.entry.evidence or "",
        }
        for a in result.adjustments
    ]
