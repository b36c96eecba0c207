"""points-differ: the report states points (分值) for a heading or the total that differ from
the rubric's: the report was written against another version of the standard, or miscopied it."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, label
from selfeval.numbers import fmt
from selfeval.problems import Problem, Severity

ID = "points-differ"


def check(audit: Audit) -> Iterator[Problem]:
    result = audit.result
    nodes = result.by_id()
    for key, stated in result.data.points.items():
        if key == "total":
            what, points = "自评标准分值", result.standard_max
        elif key in nodes:
            what, points = f"{label(nodes[key])}的指标分值", nodes[key].max
        else:
            continue  # loading refuses an unknown node
        if abs(stated) != points:
            yield audit.finding(
                Severity.ERROR,
                ID,
                key,
                f"报告写{what}为{fmt(stated)}分，评分标准为{fmt(points)}分",
                f"{key}: the report states {fmt(stated)} points, the rubric {fmt(points)}",
                {"stated": fmt(stated), "expected": fmt(points)},
                ("points", key),
            )
