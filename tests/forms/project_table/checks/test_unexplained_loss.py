"""unexplained-loss: a row that met its target, claiming less than its points without saying why."""

from __future__ import annotations

from helpers import TABLE_DATA, check, evaluate_file
from selfeval.problems import Severity

HEAD = """\
subject: {name: 稷山县, year: 2020}
rubric: {id: caiyu-2020-project, version: "2020.1"}
project: {name: 建档立卡个人缴费县级配套资金, department: 稷山县医疗保障局}
funding: {budget: 65.66, spent: 65.07, points: 10}
indicators:
  - level: 满意度指标（10分）
    category: 服务对象满意度指标
    name: 是否满意
    target: 95%
    actual: 96%
    points: 10
"""


def test_a_met_target_with_a_lost_point_and_no_reason() -> None:
    (f,) = check(HEAD + "    score: 9\n", None, "unexplained-loss", (12, 5))
    assert f.subject == "r1" and f.severity is Severity.ERROR
    assert f.values == {"stated": "9", "expected": "10"}
    assert "是否满意实际完成96%，已达到年度指标值95%，自评却扣1分（得9分），且未写偏差原因" in f.message
    # The row is named once: this finding replaces its claim-differs.
    check(HEAD + "    score: 9\n", None, "claim-differs")


def test_a_reason_given_leaves_the_claim_to_claim_differs() -> None:
    reason = "    score: 9\n    reason: 部分群众反映异地就医报销手续繁琐，已简化办理流程\n"
    check(HEAD + reason, None, "unexplained-loss")
    check(HEAD + reason, None, "claim-differs", (12, 5))


def test_a_missed_target_is_not_this_check() -> None:
    check(HEAD.replace("actual: 96%", "actual: 90%") + "    score: 9\n", None, "unexplained-loss")


def test_jishans_rows_five_and_six() -> None:
    found = evaluate_file(TABLE_DATA).findings
    by = {(f.code, f.subject): f for f in found}
    assert sorted(s for c, s in by if c == "unexplained-loss") == ["r5", "r6"]
    assert by[("unexplained-loss", "r5")].values == {"stated": "27", "expected": "30"}
    assert by[("unexplained-loss", "r6")].values == {"stated": "9", "expected": "10"}
    assert ("claim-differs", "r5") not in by and ("claim-differs", "r6") not in by
