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
    """县（市、区）名称，与其数据文件的 subject.name 一字不差（如 平罗县）。

    The county, exactly as its data file's ``subject.name`` (平罗县)."""
    year: int = Field(ge=2000, le=2100)
    """年度，与其数据文件的 subject.year 相同（如 2020）。

    The year, as its data file's ``subject.year`` (2020)."""
    node: str = Field(min_length=1)
    """所调整的指标：评分标准中的编号或序号（如 30、（六）、r1）。

    The node's id or number, as the rubric gives it (``30``, ``（六）``, ``r1``)."""
    score: Decimal | None = Field(default=None, ge=0)
    """评审后该项的得分（不小于0）；score 与 deduct 必须写且只写一个。

    The node's score after review (0 or more); exactly one of ``score`` and ``deduct``."""
    deduct: Decimal | None = Field(default=None, gt=0)
    """在规则所给得分上再扣的分数（大于0；扣分项则为从总分中多扣）；score 与 deduct 必须写且只写一个。

    Points taken off what the rules give (for a deduction node: more taken off the total);
    exactly one of ``score`` and ``deduct``."""
    reason: str
    """调整的理由（至少两个字），必填。

    Why (two characters at least); required."""
    reviewer: str | None = None
    """评审人；不写则用整个记录的 reviewer。

    Who reviewed; left out, the ledger's ``reviewer``."""
    date: dt.date | None = None
    """调整日期，写作 2021-05-10；不写则用整个记录的 date。

    When, written 2021-05-10; left out, the ledger's ``date``."""
    evidence: str | None = None
    """核查依据：抽检记录、第三方评价报告等。

    What was checked: 抽检记录, 第三方评价报告…"""

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
    """评审人，各条未另写时用它。

    Who reviewed, unless an entry says otherwise."""
    date: dt.date | None = None
    """评审日期，写作 2021-05-10，各条未另写时用它。

    When, written 2021-05-10, unless an entry says otherwise."""
    adjustments: list[Entry] = Field(default_factory=list)
    """各条调整，每条写明县、年度、指标、新得分（score）或扣分（deduct）及理由。

    The adjustments, each naming the county, year and node, the new score or the points taken
    off, and why."""


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
