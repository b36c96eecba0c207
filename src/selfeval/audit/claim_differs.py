"""claim-differs: a claimed score differs from the score computed from the evidence."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, label
from selfeval.numbers import fmt
from selfeval.problems import Problem, Severity

ID = "claim-differs"


def check(audit: Audit) -> Iterator[Problem]:
    result = audit.result
    for r in result.walk():
        if not r.differs or r.claimed is None:
            continue
        verb = "扣" if r.type.value == "deduction" else "得"
        yield audit.finding(
            Severity.ERROR,
            ID,
            r.id,
            f"{label(r)}自评{verb}{fmt(r.claimed)}分，按证据计算应{verb}{fmt(r.rounded)}分：{r.explanation}",
            f"{r.id} claims {fmt(r.claimed)}, computed {fmt(r.rounded)}",
            {"stated": fmt(r.claimed), "expected": fmt(r.rounded)},
            ("claims", r.id),
        )
    if result.total_differs and result.claimed_total is not None:
        yield audit.finding(
            Severity.ERROR,
            ID,
            "total",
            f"自评总分{fmt(result.claimed_total)}分，按证据计算总分为{fmt(result.total)}分",
            f"total claims {fmt(result.claimed_total)}, computed {fmt(result.total)}",
            {"stated": fmt(result.claimed_total), "expected": fmt(result.total)},
            ("claims", "total"),
        )
