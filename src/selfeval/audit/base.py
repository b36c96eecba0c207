"""What every audit check shares: the scored result, and the data file to place findings in.

A check is a module with an ``ID`` (the finding code), a docstring that documents it for
users (``selfeval rules`` prints it) and a ``check(audit)`` function yielding problems;
:meth:`Check.of` reads such a module into the record the registries hold. Checks every form
shares are registered in :mod:`selfeval.audit`; a form's own in its ``checks/`` folder.
Each finding is placed on the line of the value it is about: the claim, the stated figure,
the narrative text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import ModuleType
from typing import Any, Generic

from typing_extensions import TypeVar

from selfeval.expr import parse_expr
from selfeval.i18n import Msg
from selfeval.load import Document, Loc
from selfeval.models.data import DataBase
from selfeval.models.rubric import RubricBase
from selfeval.numbers import ZERO
from selfeval.problems import Problem, Severity
from selfeval.scoring import NodeResult, ScoreResult

R = TypeVar("R", bound=RubricBase, covariant=True, default=RubricBase)
D = TypeVar("D", bound=DataBase, covariant=True, default=DataBase)


@dataclass(frozen=True)
class Audit(Generic[R, D]):
    """One data file's scored result, for the checks to read (typed by its form's rubric and data)."""

    result: ScoreResult[R, D]
    doc: Document
    placed: bool = True
    """Place each finding on its line and put its message in words; without, a finding keeps only
    what counting needs (its file, code, subject and severity): for an output that shows counts."""

    def finding(
        self,
        severity: Severity,
        code: str,
        subject: str,
        message: Msg,
        *at: Loc,
        values: Mapping[str, str],
    ) -> Problem:
        """A finding placed at the first of ``at`` that is in the file (else the last, or the top)."""
        if not self.placed:
            return Problem(
                path=self.doc.display, line=0, col=0, message="", code=code, severity=severity, subject=subject
            )
        data = self.result.data
        places = [data.where(x) for x in at]
        loc = next((x for x in places if self.doc.has(x)), places[-1] if places else ())
        return self.doc.problem(loc, message, code, severity, subject=subject, values=values)

    def figure_at(self, *exprs: str) -> Loc:
        """Where the first figure that the expressions read is stated in the file."""
        figures = self.result.data.figures
        for e in exprs:
            for name in sorted(parse_expr(e).names):
                if name in figures:
                    return ("figures", name)
        return ("figures",)


def label(r: NodeResult) -> str:
    """How a report names a node: 第12项, (六)对象管理, 二、工作保障与管理."""
    n = r.node.number
    if n is None:
        return r.node.title
    if n.isdigit():
        return f"第{n}项"
    return f"{n}{r.node.title}" if n.startswith("（") else f"{n}、{r.node.title}"


def effective_claim(r: NodeResult) -> tuple[Decimal | None, list[NodeResult]]:
    """A node's claim, or failing that the sum of its children's, with the items lacking one."""
    if r.claimed is not None:
        return r.claimed, []
    if not r.children:
        return None, [r]
    total, absent, any_claim = ZERO, list[NodeResult](), False
    for c in r.children:
        v, miss = effective_claim(c)
        absent += miss
        if v is not None:
            total += v
            any_claim = True
    return (total if any_claim else None), absent


@dataclass(frozen=True, kw_only=True)
class Check:
    """One audit check as the registries hold it."""

    id: str
    """The finding code."""
    doc: str
    """What the check looks for, for people: the module's docstring after its code."""
    run: Callable[[Audit[Any, Any]], Iterator[Problem]]
    supersedes: tuple[str, ...] = ()
    """The codes whose findings on the same subject this more specific check's finding replaces."""

    @classmethod
    def of(cls, module: ModuleType) -> Check:
        """The check a module defines (``ID``, its docstring, ``check``, optionally ``SUPERSEDES``)."""
        doc = (module.__doc__ or "").split(":", 1)[-1].strip()
        return cls(id=module.ID, doc=doc, run=module.check, supersedes=tuple(getattr(module, "SUPERSEDES", ())))
