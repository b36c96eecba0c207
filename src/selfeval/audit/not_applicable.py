"""not-applicable: 某项被声明为不适用；说明得分如何处理。

a node was declared not applicable; says how the score treated it."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, label
from selfeval.i18n import msg
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
                msg("not-applicable", node=label(r), why=r.explanation),
                ("not_applicable", r.id),
                values={"policy": policy},
            )
