"""The narrative form's models: a rubric that holds its indicator tree, and a report's text."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import Field

from selfeval.models.data import DataBase, Date
from selfeval.models.rubric import Node, RubricBase, Strict, Walked, walk_tree


class Wording(Strict):
    """The report's fixed words, as the province's own reports write them. Each ``{…}`` is filled
    in: ``{max}`` a heading's points, ``{score}`` its score, ``{n}`` an item's number. The defaults
    say nothing any one province says; the bundled Ningxia rubric gives Ningxia's."""

    letterhead: str = "文件"
    """After the issuers in the 发文机关标志 (GB/T 9704: 机关名称加“文件”二字), or "" for none."""
    bonus: str = "加分"
    """What the opening sentence calls the bonus points (自评标准分值100分，{bonus}5分); not said
    when the rubric has none."""
    points: str = "{max}分"
    """A heading's points: （{points}，{score}）."""
    score: str = "自评得{score}分"
    deduction_points: str = "最多扣{max}分"
    """A deduction heading's points."""
    deduction_score: str = "自评扣{score}分"
    item_number: str = "{n}．"
    """How an item is numbered: 1． (GB/T 9704's 第四层), or Ningxia's 1. """
    item_titles: bool = True
    """Whether an item placed directly under a section (no indicator above it) is introduced by
    its title, which no heading gives it."""


class WordingOverride(Strict):
    """A county's own changes to its rubric's wording (``document.wording`` in its data file)."""

    letterhead: str | None = None
    bonus: str | None = None
    points: str | None = None
    score: str | None = None
    deduction_points: str | None = None
    deduction_score: str | None = None
    item_number: str | None = None
    item_titles: bool | None = None


class NarrativeRubric(RubricBase):
    """A rubric whose indicator tree (sections, indicators, criteria, clauses) is fixed in the file."""

    form: Literal["narrative"] = "narrative"
    sections: list[Node] = Field(min_length=1)
    wording: Wording = Field(default_factory=Wording)

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
    """The report's letterhead, addressee, opening and closing, and its 版记."""

    issuers: list[str] = Field(min_length=1)
    number: str | None = None
    signer: str | list[str] | None = None
    """签发人 of a report to a higher office (上行文): one name, or one per issuer in their order;
    printed right of the 发文字号. None: no 签发人, the 发文字号 centred."""
    title: str
    addressee: str
    preamble: str | None
    """Opening text up to the score sentence, which the report adds from the scores (``~``: to write)."""
    date: Date
    attachments_title: str | None = None
    cc: list[str] = Field(default_factory=list)
    """抄送机关, in their order; none: the 版记 has no 抄送 line."""
    printed_by: str | None = None
    """印发机关 in the 版记; None: the first issuer's office (平罗县民政局办公室)."""
    printed_on: Date | None = None
    """印发日期 in the 版记; None: the report's date."""
    wording: WordingOverride | None = None
    """Words this report writes otherwise than its rubric's."""


class NarrativeData(DataBase):
    """A county's figures and evidence, and the text of its narrative report."""

    document: ReportDocument | None = None
    items: dict[str, Item] = Field(default_factory=dict)
    attachments: list[Attachment] = Field(default_factory=list)
