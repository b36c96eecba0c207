"""veto: 一票否决的情形成立，等次或总分被封顶。

a one-vote veto (一票否决) applies and caps the grade or the total."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit
from selfeval.i18n import msg
from selfeval.numbers import ZERO, fmt
from selfeval.problems import Problem, Severity

ID = "veto"


def check(audit: Audit) -> Iterator[Problem]:
    for v in audit.result.vetoes:
        if v.max_grade:
            effect = msg("veto-grade", grade=v.max_grade)
        else:
            effect = msg("veto-total", total=fmt(v.max_total or ZERO))
        yield audit.finding(
            Severity.ERROR,
            ID,
            v.id,
            msg("veto", title=v.title, effect=effect),
            ("facts", v.fact),
            values={"fact": v.fact},
        )
