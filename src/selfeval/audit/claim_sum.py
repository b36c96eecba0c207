"""claim-sum: 标题的自评得分与其下各项自评得分之和不符（评分标准封顶的，按封顶后比较）；自评总分与各部分（基本分＋加
分－扣分）之和不符。

a heading's claimed score differs from what its items' claims add up to
(capped at the heading's points where the rubric caps it). The total claim is checked
against the section headings (standard + bonus − deduction).

PASS: 一的自评得分等于其下两项之和
    rubric:
      sections:
        - {id: s1, number: 一, title: 工作部署, points: 4, children: [
            {id: a, number: "1", title: 印发方案, points: 2, rule: {kind: fact, fact: plan}},
            {id: b, number: "2", title: 召开会议, points: 2, rule: {kind: fact, fact: meeting}}]}
      facts: {plan: 印发方案, meeting: 召开会议}
    data:
      facts: {plan: 是, meeting: 否}
      claims: {s1: 2, a: 2, b: 0}
FAIL: 一自评4分，其下两项合计只有2分
    rubric:
      sections:
        - {id: s1, number: 一, title: 工作部署, points: 4, children: [
            {id: a, number: "1", title: 印发方案, points: 2, rule: {kind: fact, fact: plan}},
            {id: b, number: "2", title: 召开会议, points: 2, rule: {kind: fact, fact: meeting}}]}
      facts: {plan: 印发方案, meeting: 召开会议}
    data:
      facts: {plan: 是, meeting: 否}
      claims: {s1: 4, a: 2, b: 0}
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, effective_claim, label
from selfeval.i18n import Msg, msg
from selfeval.models.rubric import NodeType
from selfeval.numbers import ZERO, fmt
from selfeval.problems import Problem, Severity
from selfeval.scoring import NodeResult

ID = "claim-sum"


def check(audit: Audit) -> Iterator[Problem]:
    result = audit.result
    for r in result.walk():
        if r.claimed is None or not r.children:
            continue
        parts, absent = ZERO, list[NodeResult]()
        for c in r.children:
            v, miss = effective_claim(c)
            absent += miss
            parts += v or ZERO
        expected = min(parts, r.max) if r.node.children_exceed else parts
        if expected == r.claimed:
            continue
        note = _absent(absent)
        yield audit.finding(
            Severity.WARNING if absent else Severity.ERROR,
            ID,
            r.id,
            msg("claim-sum", node=label(r), claimed=fmt(r.claimed), parts=fmt(expected), note=note),
            ("claims", r.id),
            values={"stated": fmt(r.claimed), "expected": fmt(expected), "absent": ",".join(a.id for a in absent)},
        )
    if result.claimed_total is None:
        return
    total, terms, absent = ZERO, list[Msg](), list[NodeResult]()
    for s in result.sections:
        v, miss = effective_claim(s)
        absent += miss
        v = v or ZERO
        sign = -1 if s.type is NodeType.DEDUCTION else 1
        total += sign * v
        derived = msg("claim-term-summed") if s.claimed is None and v else msg("nothing")
        op = " − " if sign < 0 else (" + " if terms else "")
        terms.append(msg("claim-term", op=op, name=s.node.number or s.node.title, value=fmt(v), summed=derived))
    if total != result.claimed_total:
        # parts that state no score cannot refute the total: a warning naming them, as for a heading
        note = _absent(absent)
        yield audit.finding(
            Severity.WARNING if absent else Severity.ERROR,
            ID,
            "total",
            msg("claim-sum-total", claimed=fmt(result.claimed_total), parts=fmt(total), terms=terms, note=note),
            ("claims", "total"),
            values={
                "stated": fmt(result.claimed_total),
                "expected": fmt(total),
                **({"absent": ",".join(a.id for a in absent)} if absent else {}),
            },
        )


def _absent(absent: list[NodeResult]) -> Msg:
    """The items that state no score, by the names a reader knows them by (第12项, 低保对象满意度)."""
    return msg("claims-absent", ids="、".join(label(a) for a in absent)) if absent else msg("nothing")
