"""The pipeline every command goes through: load → check → score → review, with the audit on demand.

:func:`evaluate` takes a data file and returns one :class:`Evaluation`: the loaded data and
rubric, the computed result, the provenance (hashes of the bytes actually read) and the
audit findings, computed the first time they are asked for.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Generic

from typing_extensions import TypeVar

from selfeval import __version__
from selfeval.audit import audit
from selfeval.errors import InputError
from selfeval.forms import Form
from selfeval.i18n import msg
from selfeval.inputs import DataFile, Library, RubricFile, data_from, to_fill
from selfeval.load import load_document, parse, shown_as
from selfeval.models.data import DataBase
from selfeval.models.rubric import RubricBase
from selfeval.problems import Problem, Severity
from selfeval.provenance import Provenance
from selfeval.review import LedgerFile
from selfeval.scoring import ScoreResult, score

R = TypeVar("R", bound=RubricBase, covariant=True, default=RubricBase)
D = TypeVar("D", bound=DataBase, covariant=True, default=DataBase)


@dataclass(frozen=True)
class Evaluation(Generic[R, D]):
    """One county's data file, scored against its rubric (typed by its form's rubric and data)."""

    data: DataFile[D]
    rubric: RubricFile[R, D]
    result: ScoreResult[R, D]

    @property
    def form(self) -> Form[R, D, Any]:
        """The document family of the rubric."""
        return self.rubric.form

    @property
    def label(self) -> str:
        """``平罗县 2020``: who and which year, for people."""
        s = self.result.data.subject
        return f"{s.name} {s.year}"

    @cached_property
    def findings(self) -> list[Problem]:
        """Every claim the county's own evidence does not support (computed once, when asked)."""
        return self._audit(placed=True)

    @cached_property
    def tally(self) -> list[Problem]:
        """The findings as counting needs them (file, code, subject, severity), neither placed on a
        line nor put in words: what a ranking of many counties shows is how many there are."""
        if "findings" in self.__dict__:
            return self.findings
        return self._audit(placed=False)

    def _audit(self, *, placed: bool) -> list[Problem]:
        with decimal.localcontext(ARITHMETIC):
            try:
                return audit(self.result, self.data.doc, self.form.checks, placed=placed)
            except decimal.DecimalException as e:  # numbers are bounded at loading; the last guard
                bad = msg("arithmetic", detail=type(e).__name__)
                raise InputError([Problem.of(self.data.doc.display, 0, 0, bad, "arithmetic", Severity.ERROR)]) from e

    @cached_property
    def to_fill(self) -> list[Problem]:
        """Every place the data file still leaves to fill (a report of it is a draft)."""
        return to_fill(self.data, self.rubric)

    @property
    def provenance(self) -> Provenance:
        """Hashes of the bytes read and the tool's version: what a result can be reproduced from."""
        r = self.rubric.rubric
        return Provenance(
            rubric_id=r.id,
            rubric_version=r.version,
            rubric_sha256=self.rubric.doc.sha256,
            data_sha256=self.data.doc.sha256,
            selfeval_version=__version__,
        )


def evaluate(
    path: Path, library: Library | None = None, ledger: LedgerFile | None = None, *, raw: bytes | None = None
) -> Evaluation:
    """Load, check and score one data file (its rubric loaded once per ``library``), then apply
    the reviewer's ``ledger`` entries for its county and year; ``raw``: the file's bytes, already read."""
    doc = load_document(path) if raw is None else parse(raw, shown_as(path))
    data, rubric, walked = data_from(doc, path, library or Library())
    tree = rubric.form.tree(rubric.rubric, data.data)
    subject = data.data.subject
    changes = ledger.changes(subject.name, subject.year, walked) if ledger is not None else None
    with decimal.localcontext(ARITHMETIC):
        try:
            result = score(rubric.rubric, data.data, tree, changes)
        except decimal.DecimalException as e:  # numbers are bounded at loading; this is the last guard
            bad = msg("arithmetic", detail=type(e).__name__)
            raise InputError([Problem.of(doc.display, 0, 0, bad, "arithmetic", Severity.ERROR)]) from e
    return Evaluation(data, rubric, result)


ARITHMETIC = decimal.Context(
    prec=28,
    rounding=decimal.ROUND_HALF_EVEN,
    Emax=999,
    Emin=-999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
"""Scoring's arithmetic: the usual 28 digits (inputs have at most 20), and a trap, not a crash, at its edges."""
