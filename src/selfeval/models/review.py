"""The reviewer's side: a ledger of adjustments made after spot checks, kept apart from the
counties' own files (抽检、第三方评价后的调整).

One ledger may serve a whole province: each entry names the county and year it is for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from pydantic import Field, field_validator, model_validator

from selfeval.errors import InvalidValue
from selfeval.models.rubric import Strict
from selfeval.numbers import check_finite


class Entry(Strict):
    """One adjustment: the node, its new score or the points taken off, and why."""

    county: str = Field(min_length=1)
    year: int = Field(ge=2000, le=2100)
    node: str = Field(min_length=1)
    """The node's id or number, as the rubric gives it (``30``, ``（六）``, ``r1``)."""
    score: Decimal | None = Field(default=None, ge=0)
    """The node's score after review."""
    deduct: Decimal | None = Field(default=None, gt=0)
    """Points taken off what the rules give (for a deduction node: more taken off the total)."""
    reason: str
    reviewer: str | None = None
    date: dt.date | None = None
    evidence: str | None = None
    """What was checked: 抽检记录, 第三方评价报告…"""

    _finite = field_validator("score", "deduct")(lambda cls, v: v if v is None else check_finite(v))

    @field_validator("node", mode="before")
    @classmethod
    def _node(cls, v: object) -> object:
        return str(v) if isinstance(v, (int, Decimal)) and not isinstance(v, bool) else v  # node: 30

    @field_validator("reason")
    @classmethod
    def _reason(cls, v: str) -> str:
        if len(v.strip()) < 2:
            raise InvalidValue("adjust-no-reason")
        return v.strip()

    @model_validator(mode="after")
    def _one_change(self) -> Entry:
        if (self.score is None) == (self.deduct is None):
            raise InvalidValue("adjust-one-change")
        return self


class Ledger(Strict):
    """A reviewer's adjustments, for one county or many."""

    reviewer: str | None = None
    """Who reviewed, unless an entry says otherwise."""
    date: dt.date | None = None
    """When, unless an entry says otherwise."""
    adjustments: list[Entry] = Field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Change:
    """One entry of the ledger, resolved to a node of a county's tree."""

    node: str
    """The node's id."""
    entry: Entry
    where: str
    """``REVIEW.yaml:12``: where the entry is, for people and the outputs."""
    reviewer: str = ""
    date: str = ""
