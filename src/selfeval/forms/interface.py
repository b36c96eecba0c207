"""What a document form is: the one interface shared code knows a form by.

A form is a folder under ``forms/`` (its rubric and data models, its own audit checks in
``checks/``, its typed view model, its blank file) with one :class:`Form` subclass, registered
by one line in :mod:`selfeval.forms`. A rubric names its form (``form: narrative``); the form
decides how a data file for that rubric is read, which tree of nodes is scored, which checks
beyond the shared ones its data gets, and what its documents look like. Loading, scoring, the
shared audit and the outputs know forms only through this interface, and no form imports
another. What every form's view model shares is in :mod:`selfeval.forms.views`, loaded with a
form's view only when a document is made.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from selfeval.audit.base import Check
from selfeval.choices import Scores
from selfeval.load import Document
from selfeval.models.data import DataBase
from selfeval.models.rubric import Node, RubricBase, Walked, walk_tree
from selfeval.problems import Problem
from selfeval.provenance import Provenance
from selfeval.scoring import ScoreResult

if TYPE_CHECKING:  # a form's documents are loaded when a document is asked for, not on every run
    from selfeval.forms.views import ReportView, Sheet

R = TypeVar("R", bound=RubricBase)
D = TypeVar("D", bound=DataBase)
V = TypeVar("V", bound="ReportView")
"""A form's view model (:mod:`selfeval.forms.views`)."""


@dataclass(frozen=True)
class ReportOptions:
    """What a report shows beyond the county's text."""

    with_audit: bool = False
    """Append the audit findings."""
    scores: Scores = Scores.COMPUTED
    """The computed scores, or the county's claims as written."""
    draft: int = 0
    """Places the data file still leaves to fill: a report of a file not yet whole says so on every page."""


@dataclass(frozen=True, kw_only=True)
class Properties:
    """What an office file says about itself (title, author, date), not in its body."""

    title: str
    author: str
    date: dt.date | None = None


@dataclass(frozen=True)
class Summary:
    """What a form says about a scored file beyond the tree: lines for people under the score
    table, and the same as data for JSON."""

    lines: list[str]
    data: dict[str, object]


@dataclass(frozen=True, kw_only=True)
class Imported:
    """A data file read from a table a county already keeps (a sheet of a workbook, a Word table)."""

    part: str
    """The sheet or table it was read from, for people (自评表, 表1–表3)."""
    text: str
    """The data file, each value with a comment naming the cell it came from."""
    problems: list[Problem]
    """What could not be read or placed (written 未知 in the file), each at its cell."""
    summary: str
    """How many rows and cells were read, and which were not, in a line."""
    where: dict[int, str] = field(default_factory=dict)
    """The data file's line (from 1) → where its value is in the table (``t.xlsx:B12``): a
    problem the loading finds is said at the table's cell, never in the file not yet written."""


class Form(ABC, Generic[R, D, V]):
    """A document family: the Ningxia narrative report, the project self-evaluation table…"""

    name: ClassVar[str]
    """The value of ``form:`` in a rubric."""
    title: ClassVar[str]
    """What the document is called, for people (自评报告)."""
    rubric_model: type[R]
    data_model: type[D]
    templates: ClassVar[dict[str, str]]
    """The bundled templates the report is rendered with, by kind, unless the rubric names others."""
    checks: ClassVar[Sequence[Check]] = ()
    """The audit checks only this form's data gets, after the shared ones (:mod:`selfeval.audit`)."""

    TEMPLATE_KINDS: ClassVar[tuple[str, ...]] = ("markdown", "docx", "docx-reference")
    """The templates every form names: its report as Markdown, its Word wording, its Word layout."""

    def __init__(self) -> None:
        # A form that lacks a part fails here, when it is registered, not in a user's run.
        missing = [a for a in ("name", "title", "rubric_model", "data_model", "templates") if not hasattr(self, a)]
        missing += [f"templates[{k!r}]" for k in self.TEMPLATE_KINDS if k not in getattr(self, "templates", {})]
        if missing:
            raise TypeError(f"the form {type(self).__name__} does not say its {', '.join(missing)}")

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

    def left_to_fill(self, rubric: R, data: D, doc: Document) -> Iterator[Problem]:
        """Warnings at the values of this form's own parts still written ``~``, or not written at all."""
        return iter(())

    @abstractmethod
    def view_model(
        self, result: ScoreResult[R, D], findings: list[Problem], provenance: Provenance, options: ReportOptions
    ) -> V:
        """Everything the report template may use, typed; templates see its fields as names."""

    def sheet(self, view: V) -> Sheet | None:
        """The document as a spreadsheet table, for a form whose document is a table; None files the
        score as a 评分表 instead."""
        return None

    def summary(self, result: ScoreResult[R, D]) -> Summary | None:
        """What to say under the score beyond the tree (a table's completion, row by row), if anything."""
        return None

    def identity(self, data: D) -> tuple[str, ...]:
        """Who and which year a data file is about: two files alike in a batch are a duplicate."""
        return (data.subject.name, str(data.subject.year))

    def properties(self, result: ScoreResult[R, D]) -> Properties:
        """The document's title, author and date for a Word file's properties."""
        s = result.data.subject
        return Properties(title=f"{s.name}{s.year}年度{self.title}", author=s.name)

    import_suffixes: ClassVar[tuple[str, ...]] = ()
    """The kinds of file (``.xlsx``) this form's document is kept in that :meth:`import_table` reads."""

    def import_table(
        self, path: Path, rubric: R, *, shown: str, sheet: str | None = None, table: int | None = None
    ) -> list[Imported]:
        """The data files a table someone already keeps reads as, one per table found, or the one
        ``sheet`` or Word ``table`` asked for; a file that cannot be read raises ``InputError``."""
        raise NotImplementedError

    @abstractmethod
    def skeleton(self, rubric: R, name: str, year: int, previous: D | None = None) -> str:
        """The text of a data file for ``rubric`` with every input listed where a clerk fills it in:
        blank, or started from ``previous`` (last year's file)."""
