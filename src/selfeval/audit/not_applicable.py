"""not-applicable: 某项被声明为不适用；说明得分如何处理。

a node was declared not applicable; says how the score treated it.

PASS: 各项均适用，无须说明
    rubric:
      sections:
        - {id: s1, number: 一, title: 特困供养, points: 4, children: [
            {id: a, number: "6", title: 农村特困供养, points: 2, rule: {kind: fact, fact: rural}},
            {id: b, number: "7", title: 城市特困供养, points: 2, rule: {kind: fact, fact: urban}}]}
      facts: {rural: 农村特困供养标准达标, urban: 城市特困供养标准达标}
    data:
      facts: {rural: 是, urban: 是}
FAIL: 本县无城市特困供养人员，第7项声明不适用
    rubric:
      sections:
        - {id: s1, number: 一, title: 特困供养, points: 4, children: [
            {id: a, number: "6", title: 农村特困供养, points: 2, rule: {kind: fact, fact: rural}},
            {id: b, number: "7", title: 城市特困供养, points: 2, rule: {kind: fact, fact: urban}}]}
      facts: {rural: 农村特困供养标准达标, urban: 城市特困供养标准达标}
    data:
      facts: {rural: 是}
      not_applicable: {b: 本县无城市特困供养人员}
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, label
from selfeval.i18n import msg
from selfeval.problems import Problem, Severity

ID = "not-applicable"


def check(audit: Audit) -> Iterator[Problem]:
    declared = audit.result.data.not_applicable
    for r in audit.result.walk():
        if r.status == "not_applicable" and r.id in declared:
            policy = r.na_policy.value if r.na_policy else ""
            yield audit.finding(
                Severity.INFO,
                ID,
                r.id,
                msg("not-applicable", node=label(r), why=r.explanation),
                ("not_applicable", r.id),
                values={"policy": policy},
            )
