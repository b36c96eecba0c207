"""table-weights: 表中自己的分值合计为总分时按表中分值评分，每一处与全国通用权重不同的（如满意度指标20分而非10分）
列为警告；否则按评分标准的权重评分，一级指标所写分值（如“产出指标（50分）”）或其下各行分值之和与之不符的列为错误。
一级指标所写分值与其下各行合计不符的，总是错误。表中没有某个一级指标的任何一行（如没有满意度指标）的，
列为警告：其分值按0分计，表格不全时应写 more: 未知。

a table whose own 分值 add up to the total is scored with them, and each
departure from the national weights (满意度 20 instead of 10) is a warning; otherwise the
rubric's weights apply, and a 一级指标 that states another weight (产出指标（50分）) or whose
rows add up to another is an error. A level cell whose weight its rows do not add up to is
always an error. A 一级指标 with no rows at all is a warning: its points count as lost, which
a table cut off should say with ``more: 未知``.

PASS: 产出指标写（50分），其下两行30＋20＝50分（其余一级指标在未收录的下一页）
    data:
      rubric: {id: caiyu-2020-project, version: "2020.1"}
      project: {name: 建档立卡个人缴费县级配套资金, department: 稷山县医疗保障局}
      funding: {budget: 65.66, spent: 65.07, points: 10}
      indicators:
        - {level: 产出指标（50分）, category: 数量指标, name: 全县参合人数, target: 8755, actual: 8755, points: 30}
        - {level: 产出指标（50分）, category: 成本指标, name: 配套资金每人每年, target: 75元, actual: 75元, points: 20}
      more: 未知   # 效益、满意度指标在下一页
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
from decimal import Decimal

from selfeval.audit.base import Audit
from selfeval.forms.project_table.messages import msg
from selfeval.forms.project_table.models import TableData, TableRubric, stated_weight
from selfeval.forms.project_table.weights import national_levels, weights
from selfeval.load import Loc
from selfeval.numbers import ZERO, fmt
from selfeval.problems import Problem, Severity

ID = "table-weights"


def check(audit: Audit[TableRubric, TableData]) -> Iterator[Problem]:
    data, rubric = audit.result.data, audit.result.rubric
    w, national = weights(rubric, data), national_levels(rubric, data)
    if w.own and w.funding != rubric.funding.points:
        yield _departs(audit, "funding", rubric.funding.title, w.funding, rubric.funding.points, ("funding", "points"))
    for level in rubric.levels:
        rows = [i for i, row in enumerate(data.indicators) if level.matches(row.level)]
        if not rows:
            weight = national.get(level.id)  # None: a level carved out of another, absent here
            if weight and not data.more:  # more: 未知 makes the level unseen, a range, not lost
                key = "table-weight-own" if w.own else "table-level-empty"
                yield audit.finding(
                    Severity.WARNING,
                    ID,
                    level.id,
                    msg(key, level=level.name, own="0", national=fmt(weight), points=fmt(weight)),
                    ("indicators",),
                    values={"stated": "0", "expected": fmt(weight)},
                )
            continue
        expected = w.levels[level.id]
        said = {stated_weight(data.indicators[i].level): i for i in rows}
        for weight, i in said.items():
            if weight is not None and weight != expected:
                key = "table-weight-cell" if w.own else "table-weight-stated"
                yield audit.finding(
                    Severity.ERROR,
                    ID,
                    level.id,
                    msg(key, level=level.name, stated=fmt(weight), points=fmt(expected)),
                    ("items", data.row_id(i)),
                    values={"stated": fmt(weight), "expected": fmt(expected)},
                )
        total = sum((w.rows[i] for i in rows), ZERO)
        weight = national[level.id]
        stated = sum((w.rows[i] for i in rows if i not in w.shared), ZERO)
        if stated < weight and any(i in w.shared for i in rows):
            total = weight  # shares of what the stated rows leave fill it exactly; 50 ÷ 3 × 3 is not 50 in decimals
        if w.own and total != weight:
            yield _departs(audit, level.id, level.name, total, weight, ("items", data.row_id(rows[0])))
        elif not w.own and total != weight and not (data.more and total < weight):  # more: the rest unseen
            yield audit.finding(
                Severity.ERROR,
                ID,
                level.id,
                msg("table-weight-rows", level=level.name, total=fmt(total), points=fmt(weight), rows=len(rows)),
                ("items", data.row_id(rows[0])),
                values={"stated": fmt(total), "expected": fmt(weight)},
            )


def _departs(
    audit: Audit[TableRubric, TableData], subject: str, name: str, own: Decimal, national: Decimal, at: Loc
) -> Problem:
    """A warning that the table weights a part otherwise than the national form, as it may."""
    return audit.finding(
        Severity.WARNING,
        ID,
        subject,
        msg("table-weight-own", level=name, own=fmt(own), national=fmt(national)),
        at,
        values={"stated": fmt(own), "expected": fmt(national)},
    )
