"""unmet-full: 表中指标未达到年度指标值，自评却得满分。

a row of a performance table missed its target, yet claims its full points. Replaces the
row's claim-differs finding.

PASS: 参合8676人未达到8755人，按比例自评14.86分
    data:
      rubric: {id: caiyu-2020-project, version: "2020.1"}
      project: {name: 建档立卡个人缴费县级配套资金, department: 稷山县医疗保障局}
      funding: {budget: 65.66, spent: 65.07, points: 10}
      indicators:
        - {level: 产出指标（50分）, category: 数量指标, name: 全县参合人数, target: 8755, actual: 8676,
           points: 15, score: 14.86, reason: 建档立卡中有新增死亡人员，导致有偏差}
FAIL: 参合8676人未达到8755人，仍自评满分15分
    data:
      rubric: {id: caiyu-2020-project, version: "2020.1"}
      project: {name: 建档立卡个人缴费县级配套资金, department: 稷山县医疗保障局}
      funding: {budget: 65.66, spent: 65.07, points: 10}
      indicators:
        - {level: 产出指标（50分）, category: 数量指标, name: 全县参合人数, target: 8755, actual: 8676,
           points: 15, score: 15}
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit
from selfeval.forms.project_table.checks.rows import claimed_rows
from selfeval.forms.project_table.messages import msg
from selfeval.forms.project_table.models import TableData, TableRubric
from selfeval.numbers import fmt
from selfeval.problems import Problem, Severity

ID = "unmet-full"
SUPERSEDES = ("claim-differs",)


def check(audit: Audit[TableRubric, TableData]) -> Iterator[Problem]:
    for row, r, claimed in claimed_rows(audit.result):
        if not row.target.quantitative or r.top >= r.max or claimed < r.max:
            continue
        what = msg(
            "unmet-full",
            node=r.node.title,
            actual=row.actual.text,
            target=row.target.text,
            claimed=fmt(claimed),
            computed=fmt(r.rounded),
        )
        values = {"stated": fmt(claimed), "expected": fmt(r.rounded)}
        yield audit.finding(Severity.ERROR, ID, r.id, what, ("claims", r.id), values=values)
