"""claim-missing: 编号的评分项（其本身及下级）都没有写自评得分。

a numbered criterion states no claimed score, at its own level or below.

PASS: 第1、2项都写了“得X分”
    rubric:
      sections:
        - {id: s1, number: 一, title: 临时救助, points: 2, children: [
            {id: a, number: "1", title: 建立备用金制度, points: 1, rule: {kind: fact, fact: reserve}},
            {id: b, number: "2", title: 开通“先行救助”绿色通道, points: 1, rule: {kind: fact, fact: channel}}]}
      facts: {reserve: 建立临时救助备用金制度, channel: 开通急难对象“先行救助”绿色通道}
    data:
      facts: {reserve: 是, channel: 是}
      claims: {a: 1, b: 1}
FAIL: 第2项没有写自评得分
    rubric:
      sections:
        - {id: s1, number: 一, title: 临时救助, points: 2, children: [
            {id: a, number: "1", title: 建立备用金制度, points: 1, rule: {kind: fact, fact: reserve}},
            {id: b, number: "2", title: 开通“先行救助”绿色通道, points: 1, rule: {kind: fact, fact: channel}}]}
      facts: {reserve: 建立临时救助备用金制度, channel: 开通急难对象“先行救助”绿色通道}
    data:
      facts: {reserve: 是, channel: 是}
      claims: {a: 1}
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, effective_claim, label
from selfeval.i18n import msg
from selfeval.numbers import fmt
from selfeval.problems import Problem, Severity

ID = "claim-missing"


def check(audit: Audit) -> Iterator[Problem]:
    for r in audit.result.walk():
        if not (r.node.number or "").isdigit():
            continue
        claim, _ = effective_claim(r)
        if claim is None:
            yield audit.finding(
                Severity.WARNING,
                ID,
                r.id,
                msg("claim-missing", node=label(r), title=r.node.title, points=fmt(r.max)),
                ("items", r.id),
                ("claims",),
                values={"points": fmt(r.max)},
            )
