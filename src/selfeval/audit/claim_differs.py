"""claim-differs: 自评得分与按证据计算的得分不符；有未知数据、计算得分为一个区间时，自评在区间之外同样是错误，
在区间之内则列为提示：尚不能判定，并说明查明什么即可判定。

a claimed score differs from the score computed from the evidence. Where an
unknown input leaves the computed score a range, a claim outside it is the same error, and a
claim inside it is a note that it cannot yet be decided, saying what would decide it.

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
from selfeval.numbers import fmt, span
from selfeval.problems import Problem, Severity

ID = "claim-differs"


def check(audit: Audit) -> Iterator[Problem]:
    result = audit.result
    for r in result.walk():
        if r.claimed is None:
            continue
        computed = span(r.rounded, r.rounded_top, r.places)
        values = {"stated": fmt(r.claimed), "expected": computed}
        if r.undecided:  # an unknown input: the claim may hold; say what would settle it
            what = msg(
                "claim-undecided", node=label(r), claimed=fmt(r.claimed), range=computed, decide=_decide(r.decide)
            )
            yield audit.finding(Severity.INFO, ID, r.id, what, ("claims", r.id), values=values)
        elif r.differs:
            key = "claim-differs-deduction" if r.type is NodeType.DEDUCTION else "claim-differs"
            what = msg(key, node=label(r), claimed=fmt(r.claimed), computed=computed, why=r.explanation)
            yield audit.finding(Severity.ERROR, ID, r.id, what, ("claims", r.id), values=values)
    if result.claimed_total is None:
        return
    total = span(result.total, result.total_high)
    values = {"stated": fmt(result.claimed_total), "expected": total}
    if result.total_undecided:
        what = msg(
            "claim-undecided-total", claimed=fmt(result.claimed_total), range=total, decide=_decide(result.decide)
        )
        yield audit.finding(Severity.INFO, ID, "total", what, ("claims", "total"), values=values)
    elif result.total_differs:
        what = msg("claim-differs-total", claimed=fmt(result.claimed_total), computed=total)
        yield audit.finding(Severity.ERROR, ID, "total", what, ("claims", "total"), values=values)


def _decide(what: list[str]) -> str:
    return "、".join(what) or "未知的数据"
