"""claim-missing: 编号的评分项（其本身及下级）都没有写自评得分。

a numbered criterion states no claimed score, at its own level or below."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, effective_claim, label
from selfeval.i18n import msg
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
                msg("claim-missing", node=label(r), title=r.node.title, points=fmt(r.max)),
                ("items", r.id),
                ("claims",),
                values={"points": fmt(r.max)},
            )
