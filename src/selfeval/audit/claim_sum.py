"""claim-sum: a heading's claimed score differs from what its items' claims add up to
(capped at the heading's points where the rubric caps it). The total claim is checked
against the section headings (standard + bonus − deduction)."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, effective_claim, label
from selfeval.models.rubric import NodeType
from selfeval.numbers import ZERO, fmt
from selfeval.problems import Problem, Severity

ID = "claim-sum"


def check(audit: Audit) -> Iterator[Problem]:
    result = audit.result
    for r in result.walk():
        if r.claimed is None or not r.children:
            continue
        parts, absent = ZERO, []
        for c in r.children:
            v, miss = effective_claim(c)
            absent += miss
            parts += v or ZERO
        expected = min(parts, r.max) if r.node.children_exceed else parts
        if expected == r.claimed:
            continue
        note = f"（{'、'.join(absent)}未写得分）" if absent else ""
        yield audit.finding(
            Severity.WARNING if absent else Severity.ERROR,
            ID,
            r.id,
            f"{label(r)}自评{fmt(r.claimed)}分，但其下各项自评得分合计{fmt(expected)}分{note}",
            f"{r.id} claims {fmt(r.claimed)} but its items' claims add up to {fmt(expected)}",
            {"stated": fmt(r.claimed), "expected": fmt(expected), "absent": ",".join(absent)},
            ("claims", r.id),
        )
    if result.claimed_total is None:
        return
    total, terms, absent = ZERO, [], []
    for s in result.sections:
        v, miss = effective_claim(s)
        absent += miss
        v = v or ZERO
        sign = -1 if s.type is NodeType.DEDUCTION else 1
        total += sign * v
        derived = "（未写，按各项合计）" if s.claimed is None and v else ""
        terms.append(f"{' − ' if sign < 0 else ' + '}{s.node.number or s.id}{fmt(v)}{derived}")
    if total != result.claimed_total:
        shown = "".join(terms).removeprefix(" + ")
        yield audit.finding(
            Severity.ERROR,
            ID,
            "total",
            f"自评总分{fmt(result.claimed_total)}分，但各部分自评得分合计{fmt(total)}分（{shown}）",
            f"total claim {fmt(result.claimed_total)} but the sections' claims add up to {fmt(total)}",
            {"stated": fmt(result.claimed_total), "expected": fmt(total)},
            ("claims", "total"),
        )
