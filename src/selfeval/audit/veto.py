"""veto: 一票否决的情形成立，等次或总分被封顶。

a one-vote veto (一票否决) applies and caps the grade or the total.

PASS: 未发生造成人员死亡的重大安全责任事故
    rubric:
      sections:
        - {id: s1, number: 一, title: 安全管理, points: 2, children: [
            {id: a, number: "1", title: 特困供养服务机构安全管理, points: 2, rule: {kind: fact, fact: safety}}]}
      facts: {safety: 落实特困供养服务机构安全管理制度, accident: 发生造成人员死亡的重大安全责任事故}
      vetoes:
        - {id: veto-safety, title: 发生造成人员死亡的重大安全责任事故，等次为差, fact: accident, max_grade: 差}
    data:
      facts: {safety: 是, accident: 否}
FAIL: 发生了重大安全责任事故，等次封顶为差
    rubric:
      sections:
        - {id: s1, number: 一, title: 安全管理, points: 2, children: [
            {id: a, number: "1", title: 特困供养服务机构安全管理, points: 2, rule: {kind: fact, fact: safety}}]}
      facts: {safety: 落实特困供养服务机构安全管理制度, accident: 发生造成人员死亡的重大安全责任事故}
      vetoes:
        - {id: veto-safety, title: 发生造成人员死亡的重大安全责任事故，等次为差, fact: accident, max_grade: 差}
    data:
      facts: {safety: 是, accident: 是}
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit
from selfeval.i18n import msg
from selfeval.numbers import ZERO, fmt
from selfeval.problems import Problem, Severity

ID = "veto"


def check(audit: Audit) -> Iterator[Problem]:
    for v in audit.result.vetoes:
        if v.max_grade:
            effect = msg("veto-grade", grade=v.max_grade)
        else:
            effect = msg("veto-total", total=fmt(v.max_total or ZERO))
        yield audit.finding(
            Severity.ERROR,
            ID,
            v.id,
            msg("veto", title=v.title, effect=effect),
            ("facts", v.fact),
            values={"fact": v.fact},
        )
