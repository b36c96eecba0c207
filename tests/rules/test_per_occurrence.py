"""The ``per_occurrence`` rule kind: points off for every occurrence, down to nothing."""

from __future__ import annotations

from collections.abc import Callable

from helpers import one_leaf

NEWS = {"figures": {"n": {"title": "负面舆情事件", "unit": "起"}}}
RULE = {"kind": "per_occurrence", "metric": "n", "deduct": 5}


def test_per_occurrence() -> None:
    rule = {"kind": "per_occurrence", "metric": "n", "deduct": 5}
    assert one_leaf(rule, 10, section_type="deduction", figures={"n": 1}).score == 5
    assert one_leaf(rule, 10, section_type="deduction", figures={"n": 3}).score == 10
    assert one_leaf(rule, 10, section_type="deduction", figures={"n": 0}).score == 0
    assert one_leaf(rule, 10, figures={"n": 1}).score == 5
    assert one_leaf(rule, 10, figures={"n": 4}).score == 0


def test_on_a_deduction_node_the_explanation_says_what_is_taken_off() -> None:
    one = one_leaf(RULE, 10, section_type="deduction", rubric_extra=NEWS, figures={"n": 1})
    assert (one.explanation, one.used, one.gap) == ("负面舆情事件为1起，每起扣5分，扣5分", ["n"], None)
    none = one_leaf(RULE, 10, section_type="deduction", rubric_extra=NEWS, figures={"n": 0})
    assert none.explanation == "负面舆情事件为0起，每起扣5分，不扣分"
    capped = one_leaf(RULE, 10, section_type="deduction", rubric_extra=NEWS, figures={"n": 3})
    assert capped.score == 10 and capped.explanation == "负面舆情事件为3起，每起扣5分，扣10分"


def test_on_a_standard_node_the_points_go_down_to_nothing() -> None:
    rule = {"kind": "per_occurrence", "metric": "n", "deduct": 1}
    extra = {"figures": {"n": {"title": "违规享受低保", "unit": "户"}}}
    r = one_leaf(rule, 4, rubric_extra=extra, figures={"n": 3})
    assert r.score == 1
    assert r.explanation == "违规享受低保为3户，每户扣1分，扣3分，得1分" and r.gap == "需违规享受低保为0"
    clean = one_leaf(rule, 4, rubric_extra=extra, figures={"n": 0})
    assert (clean.score, clean.gap) == (4, None)
    unitless = one_leaf(rule, 4, rubric_extra={"figures": {"n": {"title": "违规"}}}, figures={"n": 5})
    assert unitless.score == 0 and unitless.explanation == "违规为5，每次扣1分，扣4分，不得分"


def test_an_unknown_count_leaves_the_deduction_a_range_and_a_missing_one_takes_nothing() -> None:
    unknown = one_leaf(RULE, 10, section_type="deduction", rubric_extra=NEWS, figures={"n": "未知"})
    assert (unknown.score, unknown.top, unknown.ranged) == (0, 10, True)
    assert unknown.explanation == "“负面舆情事件”未知，本项扣分在0至10分之间"
    missing = one_leaf(RULE, 10, section_type="deduction", rubric_extra=NEWS)
    assert (missing.score, missing.missing) == (0, ["n"])
    assert missing.explanation == "缺少数据“负面舆情事件”（figures.n），不扣分"


def test_describe(describe: Callable[..., str]) -> None:
    assert describe(RULE, 10, section_type="deduction", rubric_extra=NEWS) == "负面舆情事件每发生1起扣5分，最多扣10分"
    assert describe(RULE, 10, rubric_extra=NEWS) == "负面舆情事件每发生1起扣5分，扣完为止"
    assert describe(RULE, 10, rubric_extra={"figures": {"n": {"title": "违规"}}}) == "违规每发生1次扣5分，扣完为止"
