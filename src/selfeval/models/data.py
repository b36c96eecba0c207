"""The data side: what every county's data file holds, whatever its form."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, PrivateAttr, field_validator, model_validator

from selfeval.errors import InvalidValue
from selfeval.models.rubric import Loc, Relation, Strict
from selfeval.numbers import check_finite, parse_quantity


def quantity(v: Any) -> Any:
    """Accept ``910.38``, ``"910.38万元"`` or ``{value: ..., unit: ...}`` for a figure (``~``: still to fill)."""
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
        value, unit = parse_quantity(v)
        return {"value": value, "unit": unit} if unit else {"value": value}
    if isinstance(v, dict) and isinstance(v.get("value"), str):
        value, unit = parse_quantity(v["value"])
        if unit and v.get("unit") not in (None, unit):
            raise InvalidValue("unit-disagrees", written=unit, unit=v.get("unit"))
        return {**v, "value": value, **({"unit": unit} if unit else {})}
    return v


YES_NO = {"是": True, "有": True, "否": False, "无": False}
"""How a clerk writes yes and no, besides true and false."""


def _fact(v: Any) -> Any:
    """``true``, ``是``, ``~`` or ``{value: 否, note: …}`` for a fact."""
    if isinstance(v, str) and v.strip() in YES_NO:
        return {"value": YES_NO[v.strip()]}
    if v is None or isinstance(v, bool):
        return {"value": v}
    if isinstance(v, dict) and isinstance(v.get("value"), str) and v["value"].strip() in YES_NO:
        return {**v, "value": YES_NO[v["value"].strip()]}
    return v


def _stated(v: Any) -> Any:
    """A score or points as written: ``5``, ``"5分"``; each checked where it stands in the file."""
    if isinstance(v, bool):
        raise InvalidValue("number-not-bool")
    return quantity(v)["value"] if isinstance(v, str) else v


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


class Evidence(Strict):
    """A document or record offered as evidence."""

    title: str = Field(min_length=1)
    number: str | None = None
    """The document number (文号), e.g. 平民发〔2020〕34号."""
    issuer: str | None = None
    kind: Literal["document", "record", "meeting", "other"] = "document"
    note: str | None = None

    @property
    def pending(self) -> bool:
        """Written with ``number: ~``: its 文号 is still to fill, so it does not count as evidence yet."""
        return self.number is None and "number" in self.model_fields_set


class Fact(Strict):
    """A yes/no fact with an optional note; ``~`` when still to fill."""

    value: bool | None
    note: str | None = None


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

    @field_validator("facts", mode="before")
    @classmethod
    def _facts(cls, v: object) -> object:
        if isinstance(v, dict):
            return {k: _fact(x) for k, x in v.items()}
        return v

    @field_validator("evidence", mode="before")
    @classmethod
    def _evidence(cls, v: object) -> object:
        if isinstance(v, dict):  # one document, or ~ for a slot still to fill
            return {k: [x] if isinstance(x, dict) else [] if x is None else x for k, x in v.items()}
        return v
