"""The rubric side: the indicator tree's nodes and everything a rubric of any form declares."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from functools import cached_property
from pathlib import PurePosixPath
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from selfeval.errors import InvalidValue
from selfeval.expr import checked, parse_expr
from selfeval.numbers import ZERO
from selfeval.rules import Rule

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_.\-]*$"
RESERVED_IDS = frozenset({"total"})
"""Ids with a meaning of their own in data files (``claims: {total: …}``)."""

Loc = tuple[int | str, ...]


class Strict(BaseModel):
    """Base for input models: unknown keys are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", defer_build=True)  # built when first used, not at import


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

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, v: str) -> str:
        if v in RESERVED_IDS:
            raise InvalidValue("reserved-id", id=v)
        return v

    @model_validator(mode="after")
    def _leaf_or_branch(self) -> Node:
        if self.rule is not None and self.children:
            raise InvalidValue("rule-and-children")
        if self.rule is None and not self.children:
            raise InvalidValue("leaf-without-rule")
        if self.assumed and not self.note:
            raise InvalidValue("assumed-without-note")
        return self


Walked = list[tuple[Node, Loc, NodeType]]


def walk_tree(sections: list[Node], base: Loc = ("sections",)) -> Walked:
    """Every node, depth first, with its location under ``base`` and its effective type."""
    out: Walked = []

    def visit(node: Node, loc: Loc, inherited: NodeType) -> None:
        kind = node.type or inherited
        out.append((node, loc, kind))
        for i, child in enumerate(node.children):
            visit(child, (*loc, "children", i), kind)

    for i, s in enumerate(sections):
        visit(s, (*base, i), s.type or NodeType.STANDARD)
    return out


class Grade(Strict):
    """A grade band: a total of at least ``min`` earns ``name``."""

    name: str = Field(min_length=1)
    min: Decimal = Field(ge=0)


DEFAULT_GRADES = [
    Grade(name="优", min=Decimal(90)),
    Grade(name="良", min=Decimal(80)),
    Grade(name="中", min=Decimal(60)),
    Grade(name="差", min=ZERO),
]


class FigureSpec(Strict):
    """A figure the rubric knows: what it means and its unit."""

    title: str = Field(min_length=1)
    unit: str | None = None
    signed: bool = False
    """True when the figure may be negative (a change, a difference); counts and money may not."""
    aliases: list[str] = Field(default_factory=list)
    """Other names reports give the figure (满意率, 群众满意度 for 救助对象满意度): the audit reads a
    number in the text beside one of them as this figure."""


class MetricSpec(Strict):
    """A derived figure defined by safe arithmetic over figures and other metrics."""

    title: str = Field(min_length=1)
    unit: str | None = None
    expr: str

    _v = field_validator("expr")(lambda cls, v: checked(v))


class Tolerance(Strict):
    """How close a stated derived figure must be to its recomputation."""

    relative: Decimal | None = Field(default=None, ge=0)
    absolute: Decimal | None = Field(default=None, ge=0)


class DerivedRelation(Strict):
    """A stated figure that must be reproducible from others: ``figure ≈ expr``."""

    kind: Literal["derived"]
    id: str = Field(pattern=ID_PATTERN)
    title: str
    figure: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    """The stated figure's name (a name, not a formula)."""
    expr: str
    tolerance: Tolerance | None = None
    node: str | None = None

    _v = field_validator("expr")(lambda cls, v: checked(v))

    def exprs(self) -> dict[str, str]:
        """The expressions it reads, by key."""
        return {"figure": self.figure, "expr": self.expr}


class SubsetRelation(Strict):
    """A part that may not exceed its whole: ``part ≤ whole`` (either may be an expression)."""

    kind: Literal["subset"]
    id: str = Field(pattern=ID_PATTERN)
    title: str
    part: str
    whole: str
    node: str | None = None

    _v = field_validator("part", "whole")(lambda cls, v: checked(v))

    def exprs(self) -> dict[str, str]:
        """The expressions it reads, by key."""
        return {"part": self.part, "whole": self.whole}


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
            raise InvalidValue("veto-without-effect")
        return self


class Rounding(Strict):
    """Where and how the total is rounded (once)."""

    places: int = Field(default=2, ge=0, le=6)


TemplateKind = Literal["markdown", "docx", "docx-reference"]


def inside(name: str) -> str:
    """A file a rubric names, as a path inside the rubric's own folder: a rubric arrives from the
    same hands as a county's data, so it may not reach /etc/passwd or ../ anything."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if not name.strip() or name.startswith(("/", "\\", "~")) or ":" in name or ".." in parts:
        raise InvalidValue("template-outside", name=name)
    if any(ord(c) < 32 or ord(c) == 127 for c in name) or any(len(p.encode("utf-8")) > 255 for p in parts):
        raise InvalidValue("template-name-bad", name=name)
    return name


Inside = Annotated[str, AfterValidator(inside)]


class RubricBase(Strict):
    """What every evaluation standard declares, whatever its form."""

    form: str
    """The document family (:mod:`selfeval.forms`) this rubric is for."""
    template: Inside | None = None
    """The Markdown report template: a file next to the rubric or a bundled one (default: the form's)."""
    templates: dict[TemplateKind, Inside] = Field(default_factory=dict)
    """Templates by kind (``markdown``, ``docx``, ``docx-reference``), as ``template`` is for Markdown."""
    id: str = Field(pattern=ID_PATTERN)
    version: str = Field(min_length=1)
    title: str
    issuer: str
    document_number: str
    document_title: str | None = None
    year: int = Field(ge=2000, le=2100)
    total: Decimal = Field(default=Decimal(100), gt=0)
    bonus_cap: Decimal = Field(default=ZERO, ge=0)
    deduction_cap: Decimal = Field(default=ZERO, ge=0)
    grades: list[Grade] = Field(default_factory=lambda: list(DEFAULT_GRADES))
    rounding: Rounding = Field(default_factory=Rounding)
    tolerance: Tolerance = Field(default_factory=lambda: Tolerance(relative=Decimal("0.005")))
    figures: dict[str, FigureSpec] = Field(default_factory=dict)
    facts: dict[str, str] = Field(default_factory=dict)
    evidence: dict[str, str] = Field(default_factory=dict)
    metrics: dict[str, MetricSpec] = Field(default_factory=dict)
    relations: list[Relation] = Field(default_factory=list)
    vetoes: list[Veto] = Field(default_factory=list)

    @cached_property
    def known_names(self) -> frozenset[str]:
        """Every figure and metric name the rubric defines."""
        return frozenset(self.figures) | frozenset(self.metrics)

    @cached_property
    def _reads(self) -> dict[str, list[str]]:
        return {}

    @cached_property
    def memo(self) -> dict[object, object]:
        """What checks work out from the rubric alone, kept for every file of a batch."""
        return {}

    def figures_read(self, name: str) -> list[str]:
        """The figures a figure-or-metric name reads in the end, metrics expanded, in rubric order
        (worked out once per name: a rubric is read by every file of a batch)."""
        cache = self._reads
        if name not in cache:
            cache[name] = self._figures_read(name)
        return list(cache[name])

    def _figures_read(self, name: str) -> list[str]:
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
