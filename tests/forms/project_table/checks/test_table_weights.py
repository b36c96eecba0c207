"""table-weights: the weight a table writes for a 一级指标, and its rows' points, against the rubric's."""

from __future__ import annotations

from helpers import TABLE_DATA, check, evaluate_file
from selfeval.problems import Problem, Severity


def at_line(found: list[Problem]) -> list[Problem]:
    return sorted(found, key=lambda p: (p.line, p.col))


HEAD = """\
subject: {name: 稷山县, year: 2020}
rubric: {id: caiyu-2020-project, version: "2020.1"}
project: {name: 建档立卡个人缴费县级配套资金, department: 稷山县医疗保障局}
funding: {budget: 65.66, spent: 65.07, points: 10}
indicators:
"""


def test_a_stated_weight_other_than_the_rubrics() -> None:
    # 效益指标 written as 20分 on its row; the rubric weighs it 30 (the row's 30 points agree with the rubric).
    empty, f = at_line(
        check(
            HEAD
            + """\
  - {level: 产出指标（50分）, category: 数量指标, name: 全县参合人数, target: 8755, actual: 8755, points: 50}
  - {level: 效益指标（20分）, category: 社会效益指标, name: 看病难看病贵问题得到缓解, target: 95%, actual: 95%,
     points: 30}
""",
            None,
            "table-weights",
            (5, 1),
            (7, 5),
        )
    )
    assert empty.subject == "satisfaction" and empty.severity is Severity.WARNING  # no 满意度 row at all
    assert f.subject == "outcome" and f.severity is Severity.ERROR
    assert f.values == {"stated": "20", "expected": "30"}
    assert f.message == "表中写效益指标为20分，评分标准为30分"


def test_rows_that_do_not_add_up_to_the_weight() -> None:
    # 产出指标's rows give 15 + 15 = 30 of its 50: placed at its first row.
    empty, f = at_line(
        check(
            HEAD
            + """\
  - {level: 满意度指标（10分）, category: 服务对象满意度指标, name: 是否满意, target: 95%, actual: 95%, points: 10}
  - {level: 产出指标（50分）, category: 数量指标, name: 全县参合人数, target: 8755, actual: 8755, points: 15}
  - {level: 产出指标（50分）, category: 质量指标, name: 资金是否全部纳入医保统筹, target: 100%, actual: 100%,
     points: 15}
""",
            None,
            "table-weights",
            (5, 1),
            (7, 5),
        )
    )
    assert "表中没有“效益指标”的行：其30分按0分计" in empty.message
    assert f.subject == "output" and f.values == {"stated": "30", "expected": "50"}
    assert "产出指标下2行分值合计30分，不等于该指标的权重50分" in f.message


def test_jishans_weights_hold() -> None:
    assert not [f for f in evaluate_file(TABLE_DATA).findings if f.code == "table-weights"]


ROWS = """\
  - {level: 产出指标, category: 数量指标, name: 全县参合人数, target: 8755, actual: 8755, points: 60}
  - {level: 效益指标, category: 社会效益指标, name: 看病难看病贵问题得到缓解, target: 95%, actual: 95%, points: 30}
"""


def test_a_level_with_no_rows_is_a_departure_or_unseen() -> None:
    # own 分值 10 + 60 + 30 = 100 without 满意度: the table's own weights, 满意度 0 against 10
    (f,) = [x for x in check(HEAD + ROWS, None, "table-weights", (5, 1), (6, 5)) if x.subject == "satisfaction"]
    assert f.severity is Severity.WARNING and f.values == {"stated": "0", "expected": "10"}
    # more: 未知 — the level is unseen, a range, nothing to warn of
    check(HEAD + ROWS.replace("points: 60", "points: 50") + "more: 未知\n", None, "table-weights")


def test_rows_sharing_a_weight_that_does_not_divide_evenly_fill_it() -> None:
    # Three 产出指标 rows with no 分值 share its 50: 50 ÷ 3 × 3 is not 50 in decimals, yet nothing is off.
    check(
        HEAD.replace(", points: 10}", "}")
        + """\
  - {level: 产出指标, category: 数量指标, name: 保障人数, target: ≥100人, actual: 120人}
  - {level: 产出指标, category: 质量指标, name: 发放准确率, target: 100%, actual: 已完成}
  - {level: 产出指标, category: 时效指标, name: 按时发放, target: 按时发放, actual: 部分完成}
  - {level: 效益指标, category: 社会效益指标, name: 生活改善, target: 有所提高, actual: 已完成}
  - {level: 满意度指标, category: 服务对象满意度指标, name: 满意度, target: ≥90%, actual: 95%}
""",
        None,
        "table-weights",
    )
