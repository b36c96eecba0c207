"""What every rule kind shares: the clause it scores, what it may ask of the data, its outcome.

A rule kind is a small pydantic model in a module of its own whose docstring is its user
documentation (``selfeval rules`` prints it). Its :meth:`RuleBase.score` returns an
:class:`Outcome` whose ``amount`` lies in ``[0, points]``: points earned on a standard or
bonus node, points taken off on a deduction node.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar, Protocol

from pydantic import BaseModel, ConfigDict

from selfeval.errors import MissingValue, Undefined, UnknownValue
from selfeval.expr import parse_expr
from selfeval.i18n import Msg
from selfeval.numbers import ZERO, fmt
from selfeval.wording import points, quote


class Context(Protocol):
    """What a rule may ask of the county's data."""

    def value(self, expr: str) -> Decimal:
        """Evaluate an expression over figures and metrics (raises MissingValue/Undefined)."""

    def amount(self, expr: str, value: Decimal) -> str:
        """A value with its unit (``80%``, ``50万元``), for explanations."""

    def label(self, expr: str) -> str:
        """The title of a figure or metric, or the expression itself."""

    def unit(self, expr: str) -> str:
        """The unit of a figure or metric, or ``""``."""

    def has_evidence(self, slot: str) -> bool:
        """Whether the data file names evidence for this slot (a document whose 文号 is ``~`` does not count)."""

    def evidence_label(self, slot: str) -> str:
        """The documents the data names for a slot (《title》（文号）), or the slot's name in quotes."""

    def slot_title(self, slot: str) -> str:
        """The rubric's name for an evidence slot, in quotes."""

    def fact(self, name: str) -> bool | None:
        """A yes/no fact, or None when the data does not state it."""

    def fact_title(self, name: str) -> str:
        """The title of a fact."""

    def judgement(self, node_id: str) -> Judged | None:
        """An assessor's judgement of a node."""


@dataclass(frozen=True)
class Judged:
    """An assessor's judgement: points, or a tier of achievement, or both, and the reason."""

    points: Decimal | None
    tier: str | None
    reason: str


@dataclass(frozen=True)
class Clause:
    """The node a rule scores: its id, its points, and whether its points are taken off."""

    id: str
    points: Decimal
    deduction: bool = False

    @property
    def verb(self) -> str:
        """得 for points earned, 扣 for points taken off."""
        return "扣" if self.deduction else "得"


@dataclass(frozen=True)
class Flaw:
    """A problem with a rule as written: its message, and where in the rule it is (``("bands", 1)``
    for the second band), so a rubric author is sent to the line to change; ``()`` is the rule itself."""

    message: Msg
    at: tuple[str | int, ...] = ()


@dataclass(kw_only=True)
class Outcome:
    """What a rule made of the evidence."""

    amount: Decimal
    explanation: str
    used: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    gap: str | None = None
    high: Decimal | None = None
    """The highest the amount could be, when an input is unknown (``amount`` is then the lowest)."""
    decide: list[str] = field(default_factory=list)
    """What would settle a range, in words: the unknown inputs, a judgement still to make."""


class RuleBase(BaseModel):
    """Base of every rule kind."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    reads_judgement: ClassVar[bool] = False
    """Whether the kind takes its points from an assessor's ``judgements`` entry."""
    deducts: ClassVar[bool] = False
    """Whether the kind can score a deduction node (its amount then the points taken off, its
    words 扣…分). The others give points earned only, which on a deduction node would be read
    as points taken off: validate refuses them there."""

    note: str | None = None
    """评分标准作者的备注，只供阅读，不影响得分。

    The rubric author's remark, for readers; it changes no score."""

    def names(self) -> set[str]:
        """Figures and metrics this rule reads."""
        return set()

    def slots(self) -> set[str]:
        """Evidence slots this rule reads."""
        return set()

    def facts(self) -> set[str]:
        """Facts this rule reads."""
        return set()

    def check(self, points: Decimal) -> list[Flaw]:
        """Problems with the rule itself, given its node's points."""
        return []

    def apply(self, ctx: Context, clause: Clause) -> Outcome:
        """Score the clause; a figure the data lacks, or arithmetic without a value, scores nothing."""
        try:
            return self.score(ctx, clause)
        except UnknownValue as e:
            what = quote(ctx.label(e.name))
            return Outcome(
                amount=ZERO,
                explanation=f"{what}未知，本项{'扣分' if clause.deduction else '得分'}在0至{fmt(clause.points)}分之间",
                used=[e.name],
                high=clause.points,
                decide=[what],
            )
        except MissingValue as e:
            what = f"{quote(ctx.label(e.name))}（figures.{e.name}）"
            nothing = points(ZERO, clause.deduction)
            return Outcome(
                amount=ZERO, explanation=f"缺少数据{what}，{nothing}", missing=[e.name], gap=f"在数据文件中填写{what}"
            )
        except Undefined:
            return Outcome(
                amount=ZERO, explanation=f"除数为0，无法计算，{points(ZERO, clause.deduction)}", gap="核对相关数据"
            )

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        """What the kind gives for the clause (each kind implements this)."""
        raise NotImplementedError

    def describe(self, ctx: Context, clause: Clause) -> str:
        """The rule in words, as a rubric would write it (each kind implements this)."""
        raise NotImplementedError


def names_in(*exprs: str | None) -> set[str]:
    """Every figure or metric name the expressions read."""
    out: set[str] = set()
    for e in exprs:
        if e is not None:
            out |= set(parse_expr(e).names)
    return out
