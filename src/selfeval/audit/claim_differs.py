"""claim-differs: 自评得分与按证据计算的得分不符。

a claimed score differs from the score computed from the evidence.

PASS: 城市低保人均补助高于自治区标准，自评4分与计算一致
    rubric:
      sections:
        - {id: s1, number: 一, title: 标准制定, points: 4, children: [
            {id: a, number: "5", title: 城市低保人均补助水平, points: 4,
             rule: {kind: threshold, metric: urban_pc, op: ">", against: region_pc}}]}
      figures:
        urban_pc: {title: 城市低保人均补助水平, unit: 元}
        region_pc: {title: 自治区规定的人均补助水平, unit: 元}
    data:
      figures: {urban_pc: 559.9, region_pc: 444}
      claims: {a: 4}
FAIL: 人均补助低于自治区标准，仍自评4分
    rubric:
      sections:
        - {id: s1, number: 一, title: 标准制定, points: 4, children: [
            {id: a, number: "5", title: 城市低保人均补助水平, points: 4,
             rule: {kind: threshold, metric: urban_pc, op: ">", against: region_pc}}]}
      figures:
        urban_pc: {title: 城市低保人均补助水平, unit: 元}
        region_pc: {title: 自治区规定的人均补助水平, unit: 元}
    data:
      figures: {urban_pc: 420, region_pc: 444}
      claims: {a: 4}
"""

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
