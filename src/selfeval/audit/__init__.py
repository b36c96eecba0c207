"""Check a report's claims against its own evidence.

One module per check; this is the one place they are registered. Each module's docstring
documents its check and starts with its finding code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType

from selfeval.audit import (
    claim_differs,
    claim_missing,
    claim_over_points,
    claim_sum,
    derived,
    document_number,
    evidence_missing,
    narrative_numbers,
    not_applicable,
    points,
    subject,
    subset,
    table_weights,
    unexplained_loss,
    unmet_full,
    veto,
)
from selfeval.audit.base import Audit
from selfeval.load import Document
from selfeval.problems import Problem
from selfeval.scoring import ScoreResult

_MODULES: tuple[ModuleType, ...] = (
    claim_sum,
    claim_over_points,
    claim_differs,
    claim_missing,
    points,
    evidence_missing,
    derived,
    subset,
    narrative_numbers,
    document_number,
    subject,
    veto,
    not_applicable,
    unexplained_loss,
    unmet_full,
    table_weights,
)

CHECKS: dict[str, Callable[[Audit], Iterator[Problem]]] = {m.ID: m.check for m in _MODULES}
"""Every audit check, by its finding code."""

DOCS: dict[str, str] = {m.ID: (m.__doc__ or "").split(":", 1)[-1].strip() for m in _MODULES}
"""What each check looks for, by its finding code (the module's docstring)."""

SUPERSEDES: dict[str, tuple[str, ...]] = {m.ID: getattr(m, "SUPERSEDES", ()) for m in _MODULES}
"""The codes whose findings on the same subject a more specific check's finding replaces."""


def audit(result: ScoreResult, doc: Document) -> list[Problem]:
    """Run every check on a scored data file; findings most serious first, then in file order."""
    ctx = Audit(result, doc)
    found = [f for check in CHECKS.values() for f in check(ctx)]
    replaced = {(code, f.subject) for f in found for code in SUPERSEDES.get(f.code, ())}
    kept = [f for f in found if (f.code, f.subject) not in replaced]
    return sorted(kept, key=Problem.severity_key)


__all__ = ["CHECKS", "DOCS", "Audit", "audit"]
