"""claim-missing: a numbered criterion states no claimed score, at its own level or below."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, effective_claim, label
from selfeval.numbers import fmt
from selfeval.problems import Problem, Severity

ID = "claim-missing"


def check(audit: Audit) -> Iterator[Problem]:
    for r in audit.result.walk():
        if not (r.node.number or "").isdigit():
            continue
        claim, _ = effective_claim(r)
        if claim is None:
            yield audit.finding(
                Severity.WARNING,
                ID,
                r.id,
                f"{label(r)}（{r.node.title}，{fmt(r.max)}分）未写自评得分",
                f"{r.id} has no claimed score",
                {"points": fmt(r.max)},
                ("items", r.id),
                ("claims",),
            )
