"""The data side: what every county's data file holds, whatever its form."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, PrivateAttr, field_validator, model_validator

from selfeval.errors import InvalidValue
from selfeval.models.rubric import Loc, Relation, Strict
from selfeval.numbers import check_finite, normalise, parse_approx


def quantity(v: Any) -> Any:
    """Accept ``910.38``, ``"910.38万元"`` or ``{value: ..., unit: ...}`` for a figure (``~``: still to fill).

    A number written approximately (``约260人次``, ``200余人``, ``260左右``) is read with ``approx: true``."""
    if v is None:
        return {"value": None}
    if isinstance(v, str) and v.strip().lower() in UNKNOWN:
        return {"value": None, "unknown": True}
    if isinstance(v, dict) and isinstance(v.get("value"), str) and v["value"].strip().lower() in UNKNOWN:
        return {**v, "value": None, "unknown": True}
    if isinstance(v, bool):
        raise InvalidValue("number-not-bool")
    if isinstance(v, (int, Decimal)):
        return {"value": v}
    if isinstance(v, float):  # only from Python callers; YAML floats arrive as Decimal
        return {"value": Decimal(repr(v))}
    if isinstance(v, str):
        value, unit, approx = parse_approx(v)
        return {"value": value, **({"unit": unit} if unit else {}), **({"approx": True} if approx else {})}
    if isinstance(v, dict) and isinstance(v.get("value"), str):
        value, unit, approx = parse_approx(v["value"])
        if unit and v.get("unit") not in (None, unit):
            raise InvalidValue("unit-disagrees", written=unit, unit=v.get("unit"))
        if approx and v.get("approx") is False:
            raise InvalidValue("approx-disagrees", text=v["value"])
        return {**v, "value": value, **({"unit": unit} if unit else {}), **({"approx": True} if approx else {})}
    return v


YES_NO = {
    **dict.fromkeys(("是", "有", "对", "√", "✓", "✔"), True),
    **dict.fromkeys(("否", "无", "错", "×", "✗", "✘"), False),
}
"""How a clerk writes yes and no, besides true and false (the ticks and crosses of a printed form)."""


def _fact(v: Any) -> Any:
    """``true``, ``是``, ``对``, ``√``, ``~`` or ``{value: 否, note: …}`` for a fact."""
    if isinstance(v, str):
        if v.strip() in YES_NO:
            return {"value": YES_NO[v.strip()]}
        raise InvalidValue("expect-yes-no", text=v)  # a word, not a mapping: say what a fact may be
    if v is None or isinstance(v, bool):
        return {"value": v}
    if isinstance(v, (int, Decimal)):  # 1 and 0 are counts here, not yes and no
        raise InvalidValue("expect-yes-no", text=str(v))
    if isinstance(v, dict) and isinstance(v.get("value"), str) and v["value"].strip() in YES_NO:
        return {**v, "value": YES_NO[v["value"].strip()]}
    return v


def _stated(v: Any) -> Any:
    """A score or points as written: ``5``, ``"5分"``; each checked where it stands in the file."""
    if isinstance(v, bool):
        raise InvalidValue("number-not-bool")
    if not isinstance(v, str):
        return v
    read = quantity(v)
    if read.get("approx"):  # 约5分 is no score a rule can be checked against
        raise InvalidValue("stated-approx", text=v)
    return read["value"]


_DATE = re.compile(r"(\d{4})([-./])(\d{1,2})\2(\d{1,2})|(\d{4})年(\d{1,2})月(\d{1,2})日?")
_DATE_HAN = re.compile("([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_HAN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
MAX_DATE = 40
"""Longest text read as a date (二〇二一年十二月三十一日 even with blanks between is shorter)."""


def _han(text: str) -> int | None:
    """一 … 三十一 as a number (a month or a day), or None."""
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _HAN_DIGITS.get(text) if len(text) == 1 else None
    if len(tens) > 1 or len(units) > 1:
        return None
    high = 1 if not tens else _HAN_DIGITS.get(tens)
    low = 0 if not units else _HAN_DIGITS.get(units)
    return None if high is None or low is None else high * 10 + low


def read_date(v: Any) -> Any:
    """A date as clerks write it: ``2021-03-29`` (YAML reads it), ``2021-3-29``, ``2021.3.29``,
    ``2021/3/29``, ``2021年3月29日`` and ``二〇二一年三月二十九日``. A date that does not exist
    (``2021年2月30日``) and a number (which pydantic would take for seconds since 1970) are refused."""
    if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
        raise InvalidValue("expect-date-written", text=str(v))
    if not isinstance(v, str):
        return v
    text = re.sub(r"\s+", "", normalise(v)) if len(v) <= MAX_DATE else ""
    parts: list[int | None] = []
    if (m := _DATE.fullmatch(text)) is not None:
        parts = [int(x) for x in (m.group(1, 3, 4) if m[1] else m.group(5, 6, 7))]
    elif (h := _DATE_HAN.fullmatch(text)) is not None:
        parts = [int("".join(str(_HAN_DIGITS[c]) for c in h[1])), _han(h[2]), _han(h[3])]
    year, month, day = parts if len(parts) == 3 else [None] * 3
    if year is None or month is None or day is None:
        raise InvalidValue("expect-date-written", text=v)
    try:
        return dt.date(year, month, day)
    except ValueError as e:
        raise InvalidValue("bad-date", text=v, year=year, month=month, day=day) from e


Date = Annotated[dt.date, BeforeValidator(read_date)]
"""A date in a data file (成文日期), however a clerk writes it."""


Stated = Annotated[Decimal, BeforeValidator(_stated), AfterValidator(check_finite)]
"""A number a report states (自评得分, 分值)."""


UNKNOWN = frozenset({"unknown", "未知", "不详", "?", "？"})
"""How a value the source does not show is written: the score that reads it becomes a range."""


class Figure(Strict):
    """A figure from the county's report, with its unit. A value of ``~`` is still to fill; one
    written ``未知`` (or ``unknown``) is not shown by the source, and what reads it scores a range."""

    value: Decimal | None
    unknown: bool = False
    unit: str | None = None
    title: str | None = None
    approx: bool = False
    """The report says 约/近/以上: the stated value is not exact."""
    note: str | None = None

    _v = field_validator("value")(lambda cls, v: v if v is None else check_finite(v))
    _words: str | None = PrivateAttr(default=None)
    """Set by a form that codes words as a number (部分完成 as 0.5): what a reader is shown."""

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, v: object) -> object:
        return quantity(v)

    @classmethod
    def coded(cls, value: Decimal, words: str, **kw: Any) -> Figure:
        """A figure a form read from words (已完成), shown as those words."""
        fig = cls(value=value, **kw)
        fig._words = words
        return fig

    @property
    def words(self) -> str | None:
        return self._words


NO_NUMBER = frozenset({"无", "无文号", "没有", "没有文号", "/", "／", "—", "——", "-"})
"""How a clerk says a document has no 文号 (``number: 无``): said, so never still to fill."""


def unnumbered(number: str | None) -> bool:
    """Whether a 文号 as written says the document has none."""
    return number is not None and number.strip() in NO_NUMBER


class Evidence(Strict):
    """A document or record offered as evidence."""

    title: str = Field(min_length=1)
    number: str | None = None
    """The document number (文号), e.g. 平民发〔2020〕34号; None when there is none (``无``) or it is
    still to fill (``~``)."""
    issuer: str | None = None
    kind: Literal["document", "record", "meeting", "other"] = "document"
    note: str | None = None

    _no_number: bool = PrivateAttr(default=False)

    @model_validator(mode="after")
    def _unnumbered(self) -> Evidence:
        # 无 is not a 文号: no output prints it where a 文号 goes, and nothing asks for one
        if unnumbered(self.number):
            self.number, self._no_number = None, True
        return self

    @property
    def no_number(self) -> bool:
        """Written ``number: 无``: the document has no 文号."""
        return self._no_number

    @property
    def pending(self) -> bool:
        """Written with ``number: ~``: its 文号 is still to fill, so it does not count as evidence yet."""
        return self.number is None and "number" in self.model_fields_set and not self._no_number


class Fact(Strict):
    """A yes/no fact with an optional note; ``~`` when still to fill."""

    value: bool | None
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, v: object) -> object:
        return _fact(v)  # here, not on the whole section, so a refusal lands on the fact's own line


class Judgement(Strict):
    """An assessor's judgement of a node: points, or a tier of achievement (定性指标), and the reason in writing."""

    points: Decimal | None = Field(default=None, ge=0)
    tier: str | None = None
    reason: str = Field(min_length=2)
    by: str | None = None


class Subject(Strict):
    """Who is evaluated, and for which year."""

    name: str = Field(min_length=1)
    year: int = Field(ge=2000, le=2100)
    province: str | None = None
    city: str | None = None
    """地级市: a province's page and workbook group and subtotal their counties by it."""
    code: str | None = None


class RubricRef(Strict):
    """Which rubric the data is scored against."""

    id: str = Field(min_length=1)
    version: str = Field(min_length=1)
    path: str | None = None


class DataBase(Strict):
    """What every county reports for one year, whatever the form."""

    subject: Subject
    rubric: RubricRef
    figures: dict[str, Figure] = Field(default_factory=dict)
    facts: dict[str, Fact] = Field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = Field(default_factory=dict)
    judgements: dict[str, Judgement] = Field(default_factory=dict)
    not_applicable: dict[str, str] = Field(default_factory=dict)
    claims: dict[str, Stated] = Field(default_factory=dict)
    """Self-claimed scores (自评得分) by node id; ``total`` for the overall claim."""
    points: dict[str, Stated] = Field(default_factory=dict)
    """The points (分值) the report states for a node, where it states them (a deduction's may be
    written negative); ``total`` for the standard total. Compared with the rubric's by the audit."""
    relations: list[Relation] = Field(default_factory=list)

    _origins: dict[Loc, Loc] = PrivateAttr(default_factory=dict)
    """Where a value a form derives (a row's claim, its target) is written in the file."""

    def where(self, loc: Loc) -> Loc:
        """The place in the file of the value at ``loc`` (``("claims", "r1")`` → the row's 得分 cell)."""
        for n in (2, 1):
            origin = self._origins.get(loc[:n])
            if origin is not None:
                return (*origin, *loc[n:])
        return loc

    @model_validator(mode="before")
    @classmethod
    def _empty_sections(cls, v: object) -> object:
        """A section left empty (``figures:`` with only comments under it) is an empty one."""
        if not isinstance(v, dict):
            return v
        out = {}
        for k, x in v.items():
            field = cls.model_fields.get(k) if isinstance(k, str) else None
            factory = field.default_factory if field is not None else None
            out[k] = factory() if x is None and factory in (dict, list) else x
        return out

    @field_validator("evidence", mode="before")
    @classmethod
    def _evidence(cls, v: object) -> object:
        if isinstance(v, dict):  # one document, or ~ for a slot still to fill
            return {k: [x] if isinstance(x, dict) else [] if x is None else x for k, x in v.items()}
        return v
