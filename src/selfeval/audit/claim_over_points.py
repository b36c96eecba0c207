"""claim-over-points: 其下各项自评得分之和超过本项分值。评分标准规定封顶（children_exceed）时，封顶说明的是得分而非
自评，此时为警告。

the children's claimed scores add up to more than the node's points.
Where the rubric caps the children's sum (``children_exceed``) the cap explains the score, not
the claim: the finding is then a warning.

PASS: 两项自评合计2分，未超过指标分值3分
    rubric:
      sections:
        - {id: s1, number: 一, title: 兜底保障, points: 3, children_exceed: true, children: [
            {id: a, number: "1", title: 印发兜底脱贫实施方案, points: 2, rule: {kind: fact, fact: plan}},
            {id: b, number: "2", title: 开展“四查四补”, points: 2, rule: {kind: fact, fact: checks}}]}
      facts: {plan: 印发社会救助兜底脱贫行动实施方案, checks: 开展脱贫攻坚“四查四补”工作}
    data:
      facts: {plan: 是, checks: 否}
      claims: {s1: 2, a: 2, b: 0}
FAIL: 两项各自评2分，合计4分，超过指标分值3分（封顶，为警告）
    rubric:
      sections:
        - {id: s1, number: 一, title: 兜底保障, points: 3, children_exceed: true, children: [
            {id: a, number: "1", title: 印发兜底脱贫实施方案, points: 2, rule: {kind: fact, fact: plan}},
            {id: b, number: "2", title: 开展“四查四补”, points: 2, rule: {kind: fact, fact: checks}}]}
      facts: {plan: 印发社会救助兜底脱贫行动实施方案, checks: 开展脱贫攻坚“四查四补”工作}
    data:
      facts: {plan: 是, checks: 是}
      claims: {s1: 3, a: 2, b: 2}
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, effective_claim, label
from selfeval.i18n import msg
from selfeval.numbers import ZERO, fmt
from selfeval.problems import Problem, Severity

ID = "claim-over-points"


def check(audit: Audit) -> Iterator[Problem]:
    for r in audit.result.walk():
        if not r.children:
            continue
        claims = [v for v, _ in map(effective_claim, r.children) if v is not None]
        total = sum(claims, ZERO)
        if total > r.max:
            capped = r.node.children_exceed
            note = msg("capped-note", points=fmt(r.max)) if capped else msg("nothing")
            yield audit.finding(
                Severity.WARNING if capped else Severity.ERROR,
                ID,
                r.id,
                msg("claim-over-points", node=label(r), total=fmt(total), points=fmt(r.max), note=note),
                ("claims", r.id),
                *(("claims", c.id) for c in r.children),
                ("items", r.id),
                values={"stated": fmt(total), "expected": fmt(r.max)},
            )
