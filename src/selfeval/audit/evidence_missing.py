"""evidence-missing: 评分规则需要的数据、事实、证明材料或评审评定，数据文件中没有。

a rule needs a figure, fact, document or judgement the data lacks.

PASS: 数据写明按月公示
    rubric:
      sections:
        - {id: s1, number: 一, title: 对象管理, points: 2, children: [
            {id: a, number: "10", title: 按月公示, points: 2, rule: {kind: fact, fact: publicity}}]}
      facts: {publicity: 按月公示保障对象家庭成员及保障金额}
    data:
      facts: {publicity: 是}
FAIL: 数据未说明是否按月公示
    rubric:
      sections:
        - {id: s1, number: 一, title: 对象管理, points: 2, children: [
            {id: a, number: "10", title: 按月公示, points: 2, rule: {kind: fact, fact: publicity}}]}
      facts: {publicity: 按月公示保障对象家庭成员及保障金额}
    data:
      facts: {}
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, label
from selfeval.i18n import msg
from selfeval.problems import Problem, Severity

ID = "evidence-missing"


def check(audit: Audit) -> Iterator[Problem]:
    for r in audit.result.walk():
        for name in r.missing:
            yield audit.finding(
                Severity.WARNING,
                ID,
                r.id,
                msg("evidence-missing", node=label(r), name=name, why=r.explanation),
                ("items", r.id),
                ("figures",),
                values={"missing": name},
            )
