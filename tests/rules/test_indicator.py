"""The ``indicator`` rule kind: a performance indicator's actual value against the year's target."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D

from helpers import one_leaf

PEOPLE = {"figures": {"a": {"title": "供养人数", "unit": "人"}, "t": {"title": "供养人数指标", "unit": "人"}}}
COST = {"figures": {"a": {"title": "人均救助成本", "unit": "元"}, "t": {"title": "成本上限", "unit": "元"}}}
RATE = {"figures": {"a": {"title": "发放准确率", "unit": "%"}, "t": {"title": "准确率指标", "unit": "%"}}}
AT_LEAST = {"kind": "indicator", "actual": "a", "target": "t"}
AT_MOST = {**AT_LEAST, "comparator": "<="}
EQUAL = {**AT_LEAST, "comparator": "=", "tolerance": 1}


def test_at_least_the_target_scores_full_and_below_it_in_proportion() -> None:
    met = one_leaf(AT_LEAST, 4, rubric_extra=PEOPLE, figures={"a": 8755, "t": 8755})
    assert (met.score, met.gap) == (4, None)
    assert met.explanation == "实际完成8755人，年度指标值不低于8755人，已完成，得4分"
    short = one_leaf(AT_LEAST, 4, rubric_extra=PEOPLE, figures={"a": 90, "t": 100})
    assert short.score == D("3.6")
    assert short.explanation == "实际完成90人，年度指标值不低于100人，未完成，完成90%，按比例得3.6分"
    assert short.gap == "需不低于100人" and short.used == ["a", "t"]


def test_at_most_a_ceiling_scores_the_target_over_the_actual() -> None:
    assert one_leaf(AT_MOST, 4, rubric_extra=COST, figures={"a": 75, "t": 75}).score == 4
    over = one_leaf(AT_MOST, 4, rubric_extra=COST, figures={"a": 80, "t": 75})
    assert over.score == D("3.75")
    assert over.explanation == "实际完成80元，年度指标值不高于75元，未完成，完成93.8%，按比例得3.75分"


def test_equal_within_the_tolerance_and_the_smaller_over_the_larger_outside_it() -> None:
    assert one_leaf(EQUAL, 4, rubric_extra=RATE, figures={"a": 99, "t": 100}).score == 4
    assert one_leaf(EQUAL, 4, rubric_extra=RATE, figures={"a": 101, "t": 100}).score == 4
    assert one_leaf(EQUAL, 4, rubric_extra=RATE, figures={"a": 98, "t": 100}).score == D("3.92")
    above = one_leaf(EQUAL, 4, rubric_extra=RATE, figures={"a": 125, "t": 100})
    assert above.score == D("3.2") and above.gap == "需等于100%"


def test_partial_none_scores_nothing_when_missed() -> None:
    r = one_leaf({**AT_LEAST, "partial": "none"}, 4, rubric_extra=PEOPLE, figures={"a": 8754, "t": 8755})
    assert r.score == 0
    assert r.explanation == "实际完成8754人，年度指标值不低于8755人，未完成，不得分"


def test_a_zero_share_when_nothing_can_be_divided() -> None:
    assert one_leaf(AT_MOST, 4, rubric_extra=COST, figures={"a": 0, "t": 0}).score == 4
    assert one_leaf(EQUAL, 4, rubric_extra=RATE, figures={"a": 0, "t": 5}).score == 0


def test_an_unknown_value_scores_a_range_and_a_missing_one_nothing() -> None:
    unknown = one_leaf(AT_LEAST, 4, rubric_extra=PEOPLE, figures={"a": "未知", "t": 8755})
    assert (unknown.score, unknown.top, unknown.ranged) == (0, 4, True)
    assert unknown.explanation == "“供养人数”未知，本项得分在0至4分之间"
    missing = one_leaf(AT_LEAST, 4, rubric_extra=PEOPLE, figures={"a": 8812})
    assert (missing.score, missing.missing) == (0, ["t"])


def test_describe(describe: Callable[..., str]) -> None:
    assert describe(AT_LEAST, 4, rubric_extra=PEOPLE) == "实际完成值不低于年度指标值得4分，未完成按比例计分"
    assert describe({**AT_MOST, "partial": "none"}, 4, rubric_extra=COST) == (
        "实际完成值不高于年度指标值得4分，未完成不得分"
    )
    assert describe(EQUAL, 4, rubric_extra=RATE) == "实际完成值等于年度指标值得4分，未完成按比例计分"
