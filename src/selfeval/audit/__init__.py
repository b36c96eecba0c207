"""Check a report's claims against its own evidence.

One module per check; this is the one place the checks every form shares are registered. A
form's own checks live in its folder (``forms/<form>/checks/``) and run after these. Each
module's docstring documents its check and starts with its finding code.
"""

from __future__ import annotations

from collections.abc import Iterable

from selfeval.audit import (
    claim_differs,
    claim_missing,
    claim_over_points,
    claim_sum,
    derived,
    evidence_missing,
    not_applicable,
    points,
    subset,
    suspicious,
    veto,
)
from selfeval.audit.base import Audit, Check
from selfeval.load import Document
from selfeval.problems import Problem
from selfeval.scoring import ScoreResult

CHECKS: tuple[Check, ...] = tuple(
    Check.of(m)
    for m in (
        claim_sum,
        claim_over_points,
        claim_differs,
        claim_missing,
        points,
        evidence_missing,
        derived,
        subset,
        veto,
        not_applicable,
        suspicious,
    )
)
"""Every check all forms share, in the order they run."""


def audit(result: ScoreResult, doc: Document, own: Iterable[Check] = (), *, placed: bool = True) -> list[Problem]:
    """Run the shared checks, then the form's ``own``, on a scored data file; findings most serious
    first, then in file order (unordered, unplaced and unworded without ``placed``: for counting)."""
    checks = [*CHECKS, *own]
    ctx = Audit(result, doc, placed)
    found = [f for check in checks for f in check.run(ctx)]
    supersedes = {c.id: c.supersedes for c in checks}
    replaced = {(code, f.subject) for f in found for code in supersedes.get(f.code, ())}
    kept = [f for f in found if (f.code, f.subject) not in replaced]
    return sorted(kept, key=Problem.severity_key) if placed else kept


__all__ = ["CHECKS", "Audit", "Check", "audit"]
