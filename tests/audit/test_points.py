"""points-differ: the points (分值) a report states for a heading or the total, against the rubric's."""

from __future__ import annotations

from helpers import check, leaf, mini_rubric
from selfeval.problems import Severity

RUBRIC = mini_rubric(
    [
        {
            "id": "s1",
            "number": "一",
            "title": "特困供养",
            "points": 4,
            "children": [leaf("c06", 4, {"kind": "fact", "fact": "standard"}, number="6", title="特困供养标准")],
        },
        {
            "id": "s5",
            "number": "五",
            "title": "扣分项目",
            "points": 2,
            "type": "deduction",
            "children": [leaf("c43", 2, {"kind": "fact", "fact": "accident"}, number="43", title="安全事故")],
        },
    ],
    facts={"standard": "特困供养标准不低于当地低保标准的1.3倍", "accident": "发生安全责任事故"},
)


def test_heading_and_total_points_placed_where_stated() -> None:
    # Written against last year's standard: 一 was worth 5 points, the whole 105.
    found = check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {standard: 是, accident: 否}
        points:
          total: 105
          s1: 5
          s5: -2
        """,
        RUBRIC,
        "points-differ",
        (5, 3),
        (6, 3),
    )
    by = {f.subject: f for f in found}
    assert by["total"].values == {"stated": "105", "expected": "4"}
    assert by["s1"].values == {"stated": "5", "expected": "4"}
    assert by["s1"].message == "报告写一、特困供养的指标分值为5分，评分标准为4分"
    assert all(f.severity is Severity.ERROR for f in found)


def test_points_as_the_rubric_has_them() -> None:
    # A deduction section's points may be written with their sign (五、扣分项目 −2分).
    check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {standard: 是, accident: 否}
        points: {total: 4, s1: 4, s5: -2, c06: 4}
        """,
        RUBRIC,
        "points-differ",
    )
