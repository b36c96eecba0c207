"""table-cells: 表中单元格自相矛盾或可能写错：实际完成值未写单位（按年度指标值的单位计）；数量指标的年度指标值写成
百分比；全年预算数为0、执行率无法计算，表中却写了执行率；全年执行数大于全年预算数；折算得分不等于单项指标得分×权重
（权重乘了两次的，指明）；权重占比与同一行所写分值不符。

a table's cells contradict each other or look mistyped: an actual value
without the unit its target has (read in the target's unit); a 数量指标 whose target is a
percentage; an execution rate stated where the budget is 0 and no rate can be computed; more
spent than budgeted; a 折算得分 other than 单项指标得分 × 权重 (named as such when the weight
was applied twice); a 权重占比 and a 分值 on one row that disagree.

PASS: 单位齐全，折算得分90×10%=9
    data:
      rubric: {id: caiyu-2020-project, version: "2020.1"}
      project: {name: 城乡医疗救助资金, department: 阜城县医疗保障局}
      funding: {budget: 420, spent: 415, points: 10}
      indicators:
        - {level: 产出指标, category: 数量指标, name: 资助参保人数, target: ≥11000人, actual: 11024人, points: 50}
        - {level: 效果指标, category: 社会效果指标, name: 救助政策落实, target: 全面落实, actual: 全面落实,
           weight: 30%, item_score: 100, weighted: 30}
        - {level: 满意度指标, category: 满意度, name: 救助对象满意度, target: ≥90%, actual: 95%,
           weight: 10%, item_score: 90, weighted: 9}
FAIL: 实际完成值“110406”未写单位；折算得分把权重乘了两次
    data:
      rubric: {id: caiyu-2020-project, version: "2020.1"}
      project: {name: 城乡医疗救助资金, department: 阜城县医疗保障局}
      funding: {budget: 420, spent: 415, points: 10}
      indicators:
        - {level: 产出指标, category: 数量指标, name: 资助参保人数, target: ≥110000人, actual: 110406, points: 50}
        - {level: 效果指标, category: 社会效果指标, name: 救助政策落实, target: 全面落实, actual: 全面落实,
           weight: 30%, item_score: 100, weighted: 30}
        - {level: 满意度指标, category: 满意度, name: 救助对象满意度, target: ≥90%, actual: 95%,
           weight: 10%, item_score: 90, weighted: 0.9}
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from selfeval.audit.base import Audit
from selfeval.forms.project_table.messages import msg
from selfeval.forms.project_table.models import TableData, TableRubric, level_name, unitless_in
from selfeval.numbers import ZERO, fmt, quantize
from selfeval.problems import Problem, Severity
from selfeval.units import convert, same_kind, split

ID = "table-cells"

_COUNTS = {"人", "户", "次", "个", "家", "所", "件", "项", "人次", "户次"}
"""Units that count things: a 数量指标 measured in them is not a percentage."""


def check(audit: Audit[TableRubric, TableData]) -> Iterator[Problem]:
    data = audit.result.data
    for i, row in enumerate(data.indicators):
        rid, name = data.row_id(i), level_name(row.name or data.row_id(i))
        target, actual = row.target, row.actual
        if target.quantitative and actual.quantitative and bool(target.unit) != bool(actual.unit):
            bare, unit = (actual, target.unit) if target.unit else (target, actual.unit)
            what = msg("cell-no-unit", node=name, text=bare.text, unit=unit)
            read_as = unitless_in(target, actual) if bare is actual else unit
            if read_as != unit:  # 8676 under 0.9万: read as the plain number, and said so
                unit = read_as or ""
                what = msg("cell-no-unit-plain", node=name, text=bare.text, target=target.text, unit=target.unit)
            at = ("figures", f"{rid}_actual") if bare is actual else ("items", rid)
            values = {"stated": bare.text, "expected": f"{bare.text}{unit}"}
            yield audit.finding(Severity.WARNING, ID, rid, what, at, values=values)
        counted = (actual.unit and split(actual.unit)[0] in _COUNTS) or "数量" in (row.category or "")
        if target.unit in ("%", "％") and counted:
            what = msg("cell-percent-count", node=name, target=target.text, actual=actual.text)
            yield audit.finding(Severity.WARNING, ID, rid, what, ("items", rid), values={"stated": target.text})
        if row.item_score is not None and row.weight is not None and row.weighted is not None:
            yield from _weighted(audit, rid, name, row.item_score, row.weight, row.weighted)
        if row.weight is not None and row.points is not None and row.weight * 100 != row.points:
            share, points = fmt(row.weight * 100), fmt(row.points)
            what = msg("cell-weight-points", node=name, weight=share, share=share, points=points)
            values = {"stated": points, "expected": share}
            yield audit.finding(Severity.WARNING, ID, rid, what, ("indicators", i, "points"), values=values)
    money = data.funding
    if money.budget.value == 0 and money.rate is not None and money.rate.value is not None:
        what = msg("cell-rate-undefined", rate=fmt(money.rate.value), spent=fmt(money.spent.value or ZERO))
        stated = {"stated": f"{fmt(money.rate.value)}%"}
        yield audit.finding(Severity.ERROR, ID, "funding", what, ("funding", "rate"), values=stated)
    budget, spent = data.figures.get("funding_budget"), data.figures.get("funding_spent")
    if budget and spent and budget.value is not None and spent.value is not None:
        if same_kind(spent.unit, budget.unit) and convert(spent.value, spent.unit, budget.unit) > budget.value:
            said = {"budget": _written(budget.value, budget.unit), "spent": _written(spent.value, spent.unit)}
            what = msg("cell-spent-over", **said)
            yield audit.finding(
                Severity.WARNING, ID, "funding", what, ("funding", "spent"), values={"stated": said["spent"]}
            )


def _weighted(
    audit: Audit[TableRubric, TableData], rid: str, name: str, item: Decimal, weight: Decimal, weighted: Decimal
) -> Iterator[Problem]:
    """折算得分 against 单项指标得分 × 权重, and the weight applied twice named as such."""
    expected = quantize(item * weight, 2)
    if quantize(weighted, 2) == expected:
        return
    twice = quantize(item * weight * weight, 2) == quantize(weighted, 2)
    key = "cell-weighted-twice" if twice else "cell-weighted"
    args = {"item": fmt(item), "weight": fmt(weight * 100), "weighted": fmt(weighted), "expected": fmt(expected)}
    values = {"stated": fmt(weighted), "expected": fmt(expected)}
    yield audit.finding(Severity.ERROR, ID, rid, msg(key, node=name, **args), ("claims", rid), values=values)


def _written(value: Decimal, unit: str | None) -> str:
    """An amount with the unit it was written in (3412万), as the reader will find it in the table."""
    return f"{fmt(value)}{unit or ''}"
