"""The narrative form's models: a rubric that holds its indicator tree, and a report's text."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Literal

from pydantic import Field

from selfeval.models.data import DataBase
from selfeval.models.rubric import Node, RubricBase, Strict, Walked, walk_tree


class NarrativeRubric(RubricBase):
    """A rubric whose indicator tree (sections, indicators, criteria, clauses) is fixed in the file."""

    form: Literal["narrative"] = "narrative"
    sections: list[Node] = Field(min_length=1)

    @cached_property
    def walked(self) -> Walked:
        """Every node, depth first, with its location and effective type (walked once per batch)."""
        return walk_tree(self.sections)


class Segment(Strict):
    """A run of narrative text, optionally followed by the score clause of a node.

    The text refers to figures as ``{key}`` (see :mod:`selfeval.forms.narrative.text`);
    ``~`` marks text still to write."""

    text: str | None
    score: str | None = None
    """The node whose score clause (「得X分」) follows this text in the report."""


class Item(Strict):
    """The narrative of one numbered item of the report."""

    narrative: list[Segment] = Field(min_length=1)


class Attachment(Strict):
    """One entry of the attachment list (材料清单)."""

    title: str = Field(min_length=1)
    number: str | None = None


class ReportDocument(Strict):
    """The report's letterhead, addressee, opening and closing."""

    issuers: list[str] = Field(min_length=1)
    number: str | None = None
    title: str
    addressee: str
    preamble: str | None
    """Opening text up to the score sentence, which the report adds from the scores (``~``: to write)."""
    date: dt.date
    attachments_title: str | None = None


class NarrativeData(DataBase):
    """A county's figures and evidence, and the text of its narrative report."""

    document: ReportDocument | None = None
    items: dict[str, Item] = Field(default_factory=dict)
    attachments: list[Attachment] = Field(default_factory=list)
