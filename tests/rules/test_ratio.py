"""The ``ratio`` rule kind: the share done of what was due, times the node's points."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D

from helpers import one_leaf

HOUSEHOLDS = {"figures": {"done": {"title": "已核查户数", "unit": "户"}, "due": {"title": "应核查户数", "unit": "户"}}}
RULE = {"kind": "ratio", "numerator": "done", "denominator": "due"}


def test_ratio_is_clamped() -> None:
    rule = {"kind": "ratio", "numerator": "done", "denominator": "due"}
    assert one_leaf(rule, 2, figures={"done": 3, "due": 4}).score == D("1.5")
    assert one_leaf(rule, 2, figures={"done": 5, "due": 4}).score == 2
    zero = one_leaf(rule, 2, figures={"done": 5, "due": 0})
    assert zero.score == 0 and "无法计算" in zero.explanation


def test_the_explanation_gives_the_share_and_the_gap_what_was_due() -> None:
    r = one_leaf(RULE, 2, rubric_extra=HOUSEHOLDS, figures={"done": 1200, "due": 1250})
    assert r.score == D("1.92")
    assert r.explanation == "已核查户数1200户，为应核查户数1250户的96%，按比例得1.92分"
    assert r.used == ["done", "due"] and r.gap == "需已核查户数达到1250户"
    third = one_leaf(RULE, 2, rubric_extra=HOUSEHOLDS, figures={"done": 1, "due": 3})
    assert third.explanation.endswith("为应核查户数3户的33.3%，按比例得0.67分")
    assert abs(third.score - D(2) / 3) < D("1e-20")


def test_nothing_done_scores_nothing_and_all_done_leaves_no_gap() -> None:
    none = one_leaf(RULE, 2, rubric_extra=HOUSEHOLDS, figures={"done": 0, "due": 1250})
    assert none.score == 0 and none.explanation.endswith("按比例不得分")
    done = one_leaf(RULE, 2, rubric_extra=HOUSEHOLDS, figures={"done": 1250, "due": 1250})
    assert done.score == 2 and done.gap is None


def test_a_zero_denominator_cannot_be_computed() -> None:
    r = one_leaf(RULE, 2, rubric_extra=HOUSEHOLDS, figures={"done": 5, "due": 0})
    assert r.explanation == "除数为0，无法计算，不得分" and r.gap == "核对相关数据"


def test_an_unknown_part_scores_a_range_and_a_missing_one_nothing() -> None:
    unknown = one_leaf(RULE, 2, rubric_extra=HOUSEHOLDS, figures={"done": 1200, "due": "未知"})
    assert (unknown.score, unknown.top, unknown.ranged) == (0, 2, True)
    assert unknown.explanation == "“应核查户数”未知，本项得分在0至2分之间"
    missing = one_leaf(RULE, 2, rubric_extra=HOUSEHOLDS, figures={"due": 1250})
    assert (missing.score, missing.missing) == (0, ["done"])
    assert missing.gap == "在数据文件中填写“已核查户数”（figures.done）"


def test_describe(describe: Callable[..., str]) -> None:
    assert describe(RULE, 2, rubric_extra=HOUSEHOLDS) == "按已核查户数占应核查户数的比例计分，全部完成得2分"
