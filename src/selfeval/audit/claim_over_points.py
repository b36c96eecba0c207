"""claim-over-points: 其下各项自评得分之和超过本项分值。评分标准规定封顶（children_exceed）时，封顶说明的是得分而非
自评，此时为警告。

the children's claimed scores add up to more than the node's points.
Where the rubric caps the children's sum (``children_exceed``) the cap explains the score, not
the claim: the finding is then a warning."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, effective_claim, label
from selfeval.i18n import msg
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
            note = msg("capped-note", points=fmt(r.max)) if capped else msg("nothing")
            yield audit.finding(
                Severity.WARNING if capped else Severity.ERROR,
                ID,
                r.id,
                msg("claim-over-points", node=label(r), total=fmt(total), points=fmt(r.max), note=note),
                ("claims", r.id),
                *(("claims", c.id) for c in r.children),
                ("items", r.id),
                values={"stated": fmt(total), "expected": fmt(r.max)},
            )
