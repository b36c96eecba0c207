"""claim-differs: 自评得分与按证据计算的得分不符。

a claimed score differs from the score computed from the evidence."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, label
from selfeval.i18n import msg
from selfeval.models.rubric import NodeType
from selfeval.numbers import fmt
from selfeval.problems import Problem, Severity

ID = "claim-differs"


def check(audit: Audit) -> Iterator[Problem]:
    result = audit.result
    for r in result.walk():
        if not r.differs or r.claimed is None:
            continue
        key = "claim-differs-deduction" if r.type is NodeType.DEDUCTION else "claim-differs"
        yield audit.finding(
            Severity.ERROR,
            ID,
            r.id,
            msg(key, node=label(r), claimed=fmt(r.claimed), computed=fmt(r.rounded), why=r.explanation),
            ("claims", r.id),
            values={"stated": fmt(r.claimed), "expected": fmt(r.rounded)},
        )
    if result.total_differs and result.claimed_total is not None:
        yield audit.finding(
            Severity.ERROR,
            ID,
            "total",
            msg("claim-differs-total", claimed=fmt(result.claimed_total), computed=fmt(result.total)),
            ("claims", "total"),
            values={"stated": fmt(result.claimed_total), "expected": fmt(result.total)},
        )
