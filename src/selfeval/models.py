"""Pydantic models of the two inputs: a rubric and a county's data file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from selfeval.expr import ExprSyntaxError, parse_expr
from selfeval.numbers import check_finite, parse_quantity
from selfeval.rules import Rule

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_.\-]*$"


class Strict(BaseModel):
    """Base for input models: unknown keys are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid")


class NodeType(str, Enum):
    """Which part of the score a node belongs to."""

    STANDARD = "standard"
    BONUS = "bonus"
    DEDUCTION = "deduction"


class NAPolicy(str, Enum):
    """What a not-applicable (不适用) node does to the score."""

    RESCALE = "rescale"
    """Its points leave the maximum and its siblings are scaled up to fill it."""
    ZERO = "zero"
    """It scores zero."""
    FULL = "full"
    """It scores its full points."""


class Node(Strict):
    """A node of the indicator tree: a section, an indicator, a criterion or a clause."""

    id: str = Field(pattern=ID_PATTERN)
    number: str | None = None
    title: str = Field(min_length=1)
    points: Decimal = Field(gt=0)
    type: NodeType | None = None
    rule: Rule | None = None
    children: list[Node] = Field(default_factory=list)
    children_exceed: bool = False
    """True when the children's points add up to more than this node's (the sum is capped)."""
    not_applicable: NAPolicy = NAPolicy.RESCALE
    assumed: bool = False
    """True when the rule was inferred, not stated by the source document."""
    note: str | None = None
    source: str | None = None
    """The source document's own wording for this node."""

    @model_validator(mode="after")
    def _leaf_or_branch(self) -> Node:
        if self.rule is not None and self.children:
            raise ValueError("a node has either a rule or children, not both")
        if self.rule is None and not self.children:
            raise ValueError("a leaf node needs a rule")
        if self.assumed and not self.note:
            raise ValueError("an assumed node needs a note saying what was assumed")
        return self


class Grade(Strict):
    """A grade band: a total of at least ``min`` earns ``name``."""

    name: str = Field(min_length=1)
    min: Decimal = Field(ge=0)


DEFAULT_GRADES = [
    Grade(name="优", min=Decimal(90)),
    Grade(name="良", min=Decimal(80)),
    Grade(name="中", min=Decimal(60)),
    Grade(name="差", min=Decimal(0)),
]


class FigureSpec(Strict):
    """A figure the rubric knows: what it means and its unit."""

    title: str = Field(min_length=1)
    unit: str | None = None
    signed: bool = False
    """True when the figure may be negative (a change, a difference); counts and money may not."""


class MetricSpec(Strict):
    """A derived figure defined by safe arithmetic over figures and other metrics."""

    title: str = Field(min_length=1)
    unit: str | None = None
    expr: str

    @field_validator("expr")
    @classmethod
    def _parse(cls, v: str) -> str:
        try:
            parse_expr(v)
        except ExprSyntaxError as e:
            raise ValueError(f"invalid expression {v!r}: {e} (at character {e.pos + 1})") from e
        return v


class Tolerance(Strict):
    """How close a stated derived figure must be to its recomputation."""

    relative: Decimal | None = Field(default=None, ge=0)
    absolute: Decimal | None = Field(default=None, ge=0)


class DerivedRelation(Strict):
    """A stated figure that must be reproducible from others: ``figure ≈ expr``."""

    kind: Literal["derived"]
    id: str = Field(pattern=ID_PATTERN)
    title: str
    figure: str
    expr: str
    tolerance: Tolerance | None = None
    node: str | None = None

    _v = field_validator("expr")(lambda cls, v: MetricSpec._parse(v))


class SubsetRelation(Strict):
    """A part that may not exceed its whole: ``part ≤ whole`` (either may be an expression)."""

    kind: Literal["subset"]
    id: str = Field(pattern=ID_PATTERN)
    title: str
    part: str
    whole: str
    node: str | None = None

    _v = field_validator("part", "whole")(lambda cls, v: MetricSpec._parse(v))


Relation = DerivedRelation | SubsetRelation


class Veto(Strict):
    """一票否决: when the fact is true, the grade or the total is capped."""

    id: str = Field(pattern=ID_PATTERN)
    title: str
    fact: str
    max_grade: str | None = None
    max_total: Decimal | None = Field(default=None, ge=0)
    assumed: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _effect(self) -> Veto:
        if self.max_grade is None and self.max_total is None:
            raise ValueError("a veto needs 'max_grade' or 'max_total'")
        return self


class Rounding(Strict):
    """Where and how the total is rounded (once)."""

    places: int = Field(default=2, ge=0, le=6)


class Rubric(Strict):
    """A whole evaluation standard."""

    id: str = Field(pattern=ID_PATTERN)
    version: str = Field(min_length=1)
    title: str
    issuer: str
    document_number: str
    document_title: str | None = None
    year: int = Field(ge=2000, le=2100)
    total: Decimal = Field(default=Decimal(100), gt=0)
    bonus_cap: Decimal = Field(default=Decimal(0), ge=0)
    deduction_cap: Decimal = Field(default=Decimal(0), ge=0)
    grades: list[Grade] = Field(default_factory=lambda: list(DEFAULT_GRADES))
    rounding: Rounding = Field(default_factory=Rounding)
    tolerance: Tolerance = Field(default_factory=lambda: Tolerance(relative=Decimal("0.005")))
    figures: dict[str, FigureSpec] = Field(default_factory=dict)
    facts: dict[str, str] = Field(default_factory=dict)
    evidence: dict[str, str] = Field(default_factory=dict)
    metrics: dict[str, MetricSpec] = Field(default_factory=dict)
    relations: list[Relation] = Field(default_factory=list)
    vetoes: list[Veto] = Field(default_factory=list)
    sections: list[Node] = Field(min_length=1)

    def figures_read(self, name: str) -> list[str]:
        """The figures a figure-or-metric name reads in the end, metrics expanded, in rubric order."""
        order = {f: i for i, f in enumerate(self.figures)}
        out: list[str] = []
        pending, seen = [name], set()
        while pending:
            n = pending.pop()
            if n in self.metrics:
                if n not in seen:  # a cycle is validate's to report; stop here
                    seen.add(n)
                    pending += parse_expr(self.metrics[n].expr).names
            elif n not in out:
                out.append(n)
        return sorted(out, key=lambda f: (order.get(f, len(order)), f))

    def walk(self) -> list[tuple[Node, tuple[int | str, ...], NodeType]]:
        """Every node, depth first, with its location in the file and its effective type."""
        return self._walked

    @cached_property
    def _walked(self) -> list[tuple[Node, tuple[int | str, ...], NodeType]]:
        # A rubric scores a whole batch; walk its tree once.
        out: list[tuple[Node, tuple[int | str, ...], NodeType]] = []

        def visit(node: Node, loc: tuple[int | str, ...], inherited: NodeType) -> None:
            kind = node.type or inherited
            out.append((node, loc, kind))
            for i, child in enumerate(node.children):
                visit(child, (*loc, "children", i), kind)

        for i, s in enumerate(self.sections):
            visit(s, ("sections", i), s.type or NodeType.STANDARD)
        return out


# --------------------------------------------------------------------------- data file


def _quantity(v: Any) -> Any:
    """Accept ``910.38``, ``"910.38万元"`` or ``{value: ..., unit: ...}`` for a figure."""
    if isinstance(v, bool):
        raise ValueError("expected a number, got true/false")
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
            raise ValueError(f"value says unit {unit!r} but unit is {v.get('unit')!r}")
        return {**v, "value": value, **({"unit": unit} if unit else {})}
    return v


class Figure(Strict):
    """A figure from the county's report, with its unit."""

    value: Decimal
    unit: str | None = None
    title: str | None = None
    approx: bool = False
    """The report says 约/近/以上: the stated value is not exact."""
    note: str | None = None

    _v = field_validator("value")(lambda cls, v: check_finite(v))

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, v: object) -> object:
        return _quantity(v)


class Evidence(Strict):
    """A document or record offered as evidence."""

    title: str = Field(min_length=1)
    number: str | None = None
    """The document number (文号), e.g. 平民发〔2020〕34号."""
    issuer: str | None = None
    kind: Literal["document", "record", "meeting", "other"] = "document"
    note: str | None = None


class Fact(Strict):
    """A yes/no fact with an optional note."""

    value: bool
    note: str | None = None


class Judgement(Strict):
    """An assessor's judged points for a node, with the reason in writing."""

    points: Decimal = Field(ge=0)
    reason: str = Field(min_length=2)
    by: str | None = None


class Segment(Strict):
    """A run of narrative text, optionally followed by the score clause of a node."""

    text: str
    score: str | None = None
    """The node whose score clause (「得X分」) follows this text in the report."""


class Item(Strict):
    """The narrative of one numbered item of the report."""

    narrative: list[Segment] = Field(min_length=1)


class Attachment(Strict):
    """One entry of the attachment list (材料清单)."""

    title: str = Field(min_length=1)
    number: str | None = None


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


class ReportDocument(Strict):
    """The report's letterhead, addressee, opening and closing."""

    issuers: list[str] = Field(min_length=1)
    number: str | None = None
    title: str
    addressee: str
    preamble: str
    """Opening text up to the score sentence, which the report adds from the scores."""
    date: dt.date
    attachments_title: str | None = None


class CountyData(Strict):
    """Everything a county reports for one year."""

    subject: Subject
    rubric: RubricRef
    document: ReportDocument | None = None
    figures: dict[str, Figure] = Field(default_factory=dict)
    facts: dict[str, Fact] = Field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = Field(default_factory=dict)
    judgements: dict[str, Judgement] = Field(default_factory=dict)
    not_applicable: dict[str, str] = Field(default_factory=dict)
    claims: dict[str, Decimal] = Field(default_factory=dict)
    """Self-claimed scores (自评得分) by node id; ``total`` for the overall claim."""
    items: dict[str, Item] = Field(default_factory=dict)
    attachments: list[Attachment] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _empty_sections(cls, v: object) -> object:
        """A section left empty (``figures:`` with only comments under it) is an empty one."""
        if isinstance(v, dict):
            empty: dict[str, object] = {
                "figures": {},
                "facts": {},
                "evidence": {},
                "judgements": {},
                "not_applicable": {},
                "claims": {},
                "items": {},
                "attachments": [],
                "relations": [],
            }
            return {k: empty[k] if x is None and k in empty else x for k, x in v.items()}
        return v

    @field_validator("facts", mode="before")
    @classmethod
    def _facts(cls, v: object) -> object:
        if isinstance(v, dict):
            return {k: {"value": x} if isinstance(x, bool) else x for k, x in v.items()}
        return v

    @field_validator("evidence", mode="before")
    @classmethod
    def _evidence(cls, v: object) -> object:
        if isinstance(v, dict):
            return {k: [x] if isinstance(x, dict) else x for k, x in v.items()}
        return v

    @field_validator("claims", mode="before")
    @classmethod
    def _claims(cls, v: object) -> object:
        if isinstance(v, dict):
            return {k: _quantity(x)["value"] if isinstance(x, str) else x for k, x in v.items()}
        return v

    @field_validator("claims")
    @classmethod
    def _finite_claims(cls, v: dict[str, Decimal]) -> dict[str, Decimal]:
        for x in v.values():
            check_finite(x)
        return v
