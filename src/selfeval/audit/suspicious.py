"""suspicious-value: 数值像是写错了单位或格式：百分比写成小数（0.97 当作 0.97%，本意多为 97%），人数、户数等
计数带小数。按所写数值计分，请核对。

a value that looks mistyped: a percentage written as a fraction (0.97 read as 0.97%, most likely
meant as 97%), or a count (persons, households, times) with a fraction. Scored as written; check it.

PASS: 满意度写作 97
    rubric:
      sections:
        - {id: s1, number: 一, title: 群众满意度, points: 2, children: [
            {id: a, number: "40", title: 救助对象满意度, points: 2,
             rule: {kind: threshold, metric: satisfaction, op: ">=", value: 90}}]}
      figures: {satisfaction: {title: 救助对象满意度, unit: "%"}}
    data:
      figures: {satisfaction: 97}
FAIL: 满意度写作 0.97（本意多为 97%）
    rubric:
      sections:
        - {id: s1, number: 一, title: 群众满意度, points: 2, children: [
            {id: a, number: "40", title: 救助对象满意度, points: 2,
             rule: {kind: threshold, metric: satisfaction, op: ">=", value: 90}}]}
      figures: {satisfaction: {title: 救助对象满意度, unit: "%"}}
    data:
      figures: {satisfaction: 0.97}
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit
from selfeval.i18n import msg
from selfeval.numbers import as_written, fmt
from selfeval.problems import Problem, Severity
from selfeval.units import split

ID = "suspicious-value"

COUNTED = frozenset("人 户 个 次 人次 户次 家 名 件 本 册 张 份 所 村 乡镇 处 场 期".split())
"""Units of things counted whole: a fraction of one is a typing slip (or a 万 left out)."""


def check(audit: Audit) -> Iterator[Problem]:
    rubric, data = audit.result.rubric, audit.result.data
    for key, fig in data.figures.items():
        spec = rubric.figures.get(key)
        unit = fig.unit or (spec.unit if spec else None)
        if fig.value is None or not unit or fig.approx:
            continue
        title = (spec.title if spec else None) or fig.title or key
        base, factor = split(unit)
        written = as_written(fig.value)
        if base == "%" and factor == 1 and 0 < fig.value < 1:
            likely = fmt(fig.value * 100)
            what = msg("suspicious-fraction", title=title, value=written, likely=likely)
            yield audit.finding(Severity.WARNING, ID, key, what, ("figures", key), values={"stated": written})
        elif base in COUNTED and factor == 1 and fig.value != fig.value.to_integral_value():
            what = msg("suspicious-count", title=title, value=written, unit=unit)
            yield audit.finding(Severity.WARNING, ID, key, what, ("figures", key), values={"stated": written})
