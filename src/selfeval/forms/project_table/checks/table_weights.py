"""table-weights: 表中一级指标所写分值（如“产出指标（50分）”）与评分标准的权重不符，或其下各行分值之和不等于该权重。

a table's 一级指标 states a weight (产出指标（50分）) other than the rubric's, or the
points of its rows do not add up to that weight.

PASS: 产出指标写（50分），其下两行30＋20＝50分
    data:
      rubric: {id: caiyu-2020-project, version: "2020.1"}
      project: {name: 建档立卡个人缴费县级配套资金, department: 稷山县医疗保障局}
      funding: {budget: 65.66, spent: 65.07, points: 10}
      indicators:
        - {level: 产出指标（50分）, category: 数量指标, name: 全县参合人数, target: 8755, actual: 8755, points: 30}
        - {level: 产出指标（50分）, category: 成本指标, name: 配套资金每人每年, target: 75元, actual: 75元, points: 20}
FAIL: 产出指标写（40分），评分标准为50分
    data:
      rubric: {id: caiyu-2020-project, version: "2020.1"}
      project: {name: 建档立卡个人缴费县级配套资金, department: 稷山县医疗保障局}
      funding: {budget: 65.66, spent: 65.07, points: 10}
      indicators:
        - {level: 产出指标（40分）, category: 数量指标, name: 全县参合人数, target: 8755, actual: 8755, points: 30}
        - {level: 产出指标（40分）, category: 成本指标, name: 配套资金每人每年, target: 75元, actual: 75元, points: 20}
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit
from selfeval.forms.project_table.messages import msg
from selfeval.forms.project_table.models import TableData, TableRubric, stated_weight
from selfeval.numbers import ZERO, fmt
from selfeval.problems import Problem, Severity

ID = "table-weights"


def check(audit: Audit[TableRubric, TableData]) -> Iterator[Problem]:
    data, rubric = audit.result.data, audit.result.rubric
    for level in rubric.levels:
        rows = [i for i, row in enumerate(data.indicators) if level.matches(row.level)]
        if not rows:
            continue
        said = {stated_weight(data.indicators[i].level): i for i in rows}
        for weight, i in said.items():
            if weight is not None and weight != level.points:
                yield audit.finding(
                    Severity.ERROR,
                    ID,
                    level.id,
                    msg("table-weight-stated", level=level.name, stated=fmt(weight), points=fmt(level.points)),
                    ("items", data.row_id(i)),
                    values={"stated": fmt(weight), "expected": fmt(level.points)},
                )
        total = sum((data.indicators[i].points for i in rows), ZERO)
        if total != level.points:
            yield audit.finding(
                Severity.ERROR,
                ID,
                level.id,
                msg("table-weight-rows", level=level.name, total=fmt(total), points=fmt(level.points), rows=len(rows)),
                ("items", data.row_id(rows[0])),
                values={"stated": fmt(total), "expected": fmt(level.points)},
            )
