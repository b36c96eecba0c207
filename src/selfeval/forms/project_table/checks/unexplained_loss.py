"""unexplained-loss: 表中指标已达到年度指标值，自评却扣了分，且未写偏差原因。

a row of a performance table met its target, yet its claimed score is below its points
and no reason for the deviation (偏差原因分析及改进措施) is given. Replaces the row's
claim-differs finding.

PASS: 满意度达到95%，扣1分并写明了原因
    data:
      rubric: {id: caiyu-2020-project, version: "2020.1"}
      project: {name: 建档立卡个人缴费县级配套资金, department: 稷山县医疗保障局}
      funding: {budget: 65.66, spent: 65.07, points: 10}
      indicators:
        - {level: 满意度指标（10分）, category: 服务对象满意度指标, name: 是否满意, target: 95%, actual: 95%,
           points: 10, score: 9, reason: 部分群众反映异地就医报销手续繁琐，已简化办理流程}
FAIL: 满意度达到95%，自评扣1分，未写偏差原因
    data:
      rubric: {id: caiyu-2020-project, version: "2020.1"}
      project: {name: 建档立卡个人缴费县级配套资金, department: 稷山县医疗保障局}
      funding: {budget: 65.66, spent: 65.07, points: 10}
      indicators:
        - {level: 满意度指标（10分）, category: 服务对象满意度指标, name: 是否满意, target: 95%, actual: 95%,
           points: 10, score: 9}
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit
from selfeval.forms.project_table.checks.rows import claimed_rows
from selfeval.forms.project_table.messages import msg
from selfeval.forms.project_table.models import TableData, TableRubric
from selfeval.numbers import fmt
from selfeval.problems import Problem, Severity

ID = "unexplained-loss"
SUPERSEDES = ("claim-differs",)


def check(audit: Audit[TableRubric, TableData]) -> Iterator[Problem]:
    for row, r, claimed in claimed_rows(audit.result):
        if r.ranged or (row.reason or "").strip() or not (r.score == r.max and claimed < r.max):
            continue
        what = msg(
            "unexplained-loss",
            node=r.node.title,
            actual=row.actual.text,
            target=row.target.text,
            claimed=fmt(claimed),
            lost=fmt(r.max - claimed),
            computed=fmt(r.rounded),
        )
        values = {"stated": fmt(claimed), "expected": fmt(r.rounded)}
        yield audit.finding(Severity.ERROR, ID, r.id, what, ("claims", r.id), values=values)
