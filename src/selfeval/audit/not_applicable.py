"""not-applicable: a node was declared not applicable; says how the score treated it."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, label
from selfeval.problems import Problem, Severity

ID = "not-applicable"


def check(audit: Audit) -> Iterator[Problem]:
    declared = audit.result.data.not_applicable
    for r in audit.result.walk():
        if r.status == "not_applicable" and r.id in declared:
            policy = r.na_policy.value if r.na_policy else ""
            yield audit.finding(
                Severity.INFO,
                ID,
                r.id,
                f"{label(r)}{r.explanation}",
                f"{r.id} is not applicable ({policy})",
                {"policy": policy},
                ("not_applicable", r.id),
            )
