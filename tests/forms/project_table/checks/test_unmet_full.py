"""unmet-full: a row that missed its target, claiming its full points."""

from __future__ import annotations

from helpers import TABLE_DATA, check, evaluate_file
from selfeval.problems import Severity

HEAD = """\
subject: {name: 稷山县, year: 2020}
rubric: {id: caiyu-2020-project, version: "2020.1"}
project: {name: 建档立卡个人缴费县级配套资金, department: 稷山县医疗保障局}
funding: {budget: 65.66, spent: 65.07, points: 10}
indicators:
  - level: 产出指标（50分）
    category: 数量指标
    name: 全县参合人数
    target: 8755
    actual: 8676
    points: 50
"""


def test_a_missed_target_claiming_full_points() -> None:
    (f,) = check(HEAD + "    score: 50\n", None, "unmet-full", (12, 5))
    assert f.subject == "r1" and f.severity is Severity.ERROR
    assert f.values == {"stated": "50", "expected": "49.55"}
    assert "全县参合人数实际完成8676，未达到年度指标值8755，却自评满分50分" in f.message
    # The row is named once: this finding replaces its claim-differs.
    check(HEAD + "    score: 50\n", None, "claim-differs")


def test_a_claim_below_full_points_is_not_this_check() -> None:
    check(HEAD + "    score: 49\n", None, "unmet-full")
    check(HEAD + "    score: 49\n", None, "claim-differs", (12, 5))


def test_a_cost_row_under_its_ceiling_is_met() -> None:
    # 成本指标 reads as "不高于": 70元 against 75元 met its target, so full points stand.
    row = HEAD.replace("数量指标", "成本指标").replace("target: 8755", "target: 75元")
    check(row.replace("actual: 8676", "actual: 70元") + "    score: 50\n", None, "unmet-full")


def test_jishan_claims_no_full_points_it_missed() -> None:
    # 稷山's only missed row (参合 8676 of 8755) claims 13 of 15: a claim-differs, not this.
    assert not [f for f in evaluate_file(TABLE_DATA).findings if f.code == "unmet-full"]
