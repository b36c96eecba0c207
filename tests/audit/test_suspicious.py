"""suspicious-value: a percentage written as a fraction, a count with a fraction."""

from __future__ import annotations

from helpers import check, leaf, mini_rubric
from selfeval.problems import Severity

RUBRIC = mini_rubric(
    [
        {
            "id": "s1",
            "number": "六",
            "title": "群众满意度",
            "points": 4,
            "children": [
                leaf("c40", 2, {"kind": "threshold", "metric": "satisfaction", "op": ">=", "value": 90}, number="40"),
                leaf("c41", 2, {"kind": "threshold", "metric": "checked", "op": ">=", "value": 100}, number="41"),
            ],
        }
    ],
    figures={
        "satisfaction": {"title": "救助对象满意度", "unit": "%"},
        "checked": {"title": "入户核查户数", "unit": "户"},
        "funds": {"title": "全年低保资金", "unit": "万元"},
    },
)

HEAD = """\
subject: {name: 盐池县, year: 2021}
rubric: {id: mini, version: "1"}
figures:
"""


def test_a_percentage_written_as_a_fraction_and_a_count_with_one() -> None:
    pct, count = check(
        HEAD
        + """\
  satisfaction: 0.97
  checked: 126.5
  funds: 0.35
""",
        RUBRIC,
        "suspicious-value",
        (4, 3),
        (5, 3),
    )
    assert pct.severity is Severity.WARNING and "若本意是 97%，请写 97" in pct.message
    assert count.values == {"stated": "126.5"} and "计数不应有小数" in count.message


def test_values_as_counties_write_them_are_not_suspicious() -> None:
    check(
        HEAD
        + """\
  satisfaction: 97.5
  checked: 1260户
  funds: 0.35
""",
        RUBRIC,
        "suspicious-value",
    )
    # an approximate value, a whole percentage, 100%, and 1% are as meant
    check(HEAD + "  satisfaction: {value: 0.5, approx: true}\n  checked: 1万户\n", RUBRIC, "suspicious-value")
    check(HEAD + "  satisfaction: 1\n  checked: 3\n", RUBRIC, "suspicious-value")
