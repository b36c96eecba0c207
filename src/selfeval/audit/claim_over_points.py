"""claim-over-points: the children's claimed scores add up to more than the node's points.
Where the rubric caps the children's sum (``children_exceed``) the cap explains the score, not
the claim: the finding is then a warning."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, effective_claim, label
from selfeval.numbers import ZERO, fmt
from selfeval.problems import Problem, Severity

ID = "claim-over-points"


def check(audit: Audit) -> Iterator[Problem]:
    for r in audit.result.walk():
        if not r.children:
            continue
        claims = [v for v, _ in map(effective_claim, r.children) if v is not None]
        total = sum(claims, ZERO)
        if total > r.max:
            capped = r.node.children_exceed
            note = f"；评分标准按{fmt(r.max)}分封顶，所写得分仍多于分值" if capped else ""
            yield audit.finding(
                Severity.WARNING if capped else Severity.ERROR,
                ID,
                r.id,
                f"{label(r)}下各项自评合计{fmt(total)}分，超过本项分值{fmt(r.max)}分{note}",
                f"{r.id}: children claim {fmt(total)}, more than its {fmt(r.max)} points",
                {"stated": fmt(total), "expected": fmt(r.max)},
                ("claims", r.id),
                *(("claims", c.id) for c in r.children),
                ("items", r.id),
            )
