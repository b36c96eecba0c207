"""veto: a one-vote veto (一票否决) applies and caps the grade or the total."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit
from selfeval.numbers import ZERO, fmt
from selfeval.problems import Problem, Severity

ID = "veto"


def check(audit: Audit) -> Iterator[Problem]:
    for v in audit.result.vetoes:
        effect = f"等次最高为{v.max_grade}" if v.max_grade else f"总分最高{fmt(v.max_total or ZERO)}分"
        yield audit.finding(
            Severity.ERROR,
            ID,
            v.id,
            f"一票否决：{v.title}（{effect}）",
            f"veto {v.id} applies",
            {"fact": v.fact},
            ("facts", v.fact),
        )
