"""claim-over-points: the children's claimed scores add up to more than the node's points,
where the rubric does not say that the children are capped."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, effective_claim, label
from selfeval.numbers import ZERO, fmt
from selfeval.problems import Problem, Severity

ID = "claim-over-points"


def check(audit: Audit) -> Iterator[Problem]:
    for r in audit.result.walk():
        if not r.children or r.node.children_exceed:
            continue
        claims = [v for v, _ in map(effective_claim, r.children) if v is not None]
        total = sum(claims, ZERO)
        if total > r.max:
            yield audit.finding(
                Severity.ERROR,
                ID,
                r.id,
                f"{label(r)}下各项自评合计{fmt(total)}分，超过本项分值{fmt(r.max)}分",
                f"{r.id}: children claim {fmt(total)}, more than its {fmt(r.max)} points",
                {"stated": fmt(total), "expected": fmt(r.max)},
                ("claims", r.id),
                *(("claims", c.id) for c in r.children),
                ("items", r.id),
            )
