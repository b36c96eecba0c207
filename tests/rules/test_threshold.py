"""The ``threshold`` rule kind: a comparison with a value or another figure gives the points."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D
from typing import Any

import pytest
from pydantic import ValidationError

from helpers import mini_rubric, one_leaf
from selfeval.forms.narrative.models import NarrativeRubric as Rubric
from selfeval.i18n import Lang
from selfeval.rules.threshold import ThresholdRule

RATE = {"figures": {"rate": {"title": "满意度", "unit": "%"}}}
IDLE = {"figures": {"idle": {"title": "资金结存率", "unit": "%"}}}


@pytest.mark.parametrize(
    ("op", "value", "x", "expected"),
    [
        (">=", 90, 90, 4),
        (">=", 90, D("89.9"), 0),
        (">", 90, 90, 0),
        ("<=", 5, 5, 4),
        ("<", 5, 5, 0),
        ("==", 100, 100, 4),
    ],
)
def test_threshold(op: str, value: int, x: D, expected: int) -> None:
    r = one_leaf({"kind": "threshold", "metric": "rate", "op": op, "value": value}, 4, figures={"rate": x})
    assert r.score == expected


def test_threshold_against_metric_and_partial_points() -> None:
    rule = {"kind": "threshold", "metric": "ours", "op": ">", "against": "region", "points": 3, "else_points": 1}
    assert one_leaf(rule, 4, figures={"ours": 5, "region": 4}).score == 3
    low = one_leaf(rule, 4, figures={"ours": 3, "region": 4})
    assert low.score == 1
    assert low.explanation == "ours为3个，未高于region4个，得1分" and low.gap == "需ours高于region4个，可得3分"


def test_threshold_missing_figure_scores_zero_and_says_so() -> None:
    r = one_leaf({"kind": "threshold", "metric": "rate", "op": ">=", "value": 1}, 2)
    assert r.score == 0 and r.missing == ["rate"]


def test_the_explanation_says_the_value_and_the_bound_in_words() -> None:
    rule = {"kind": "threshold", "metric": "rate", "op": ">=", "value": 90}
    met = one_leaf(rule, 4, rubric_extra=RATE, figures={"rate": 90})
    assert (met.explanation, met.used, met.gap) == ("满意度为90%，不低于90%，得4分", ["rate"], None)
    unmet = one_leaf(rule, 4, rubric_extra=RATE, figures={"rate": D("89.9")})
    assert unmet.explanation == "满意度为89.9%，低于90%，不得分"
    assert unmet.gap == "需满意度不低于90%，可得4分"


def test_an_unknown_figure_scores_the_whole_range_and_one_still_to_fill_scores_nothing() -> None:
    rule = {"kind": "threshold", "metric": "rate", "op": ">=", "value": 90}
    unknown = one_leaf(rule, 4, rubric_extra=RATE, figures={"rate": "未知"})
    assert (unknown.score, unknown.top, unknown.ranged) == (0, 4, True)
    assert unknown.explanation == "“满意度”未知，本项得分在0至4分之间" and unknown.missing == []
    to_fill = one_leaf(rule, 4, rubric_extra=RATE, figures={"rate": None})
    assert (to_fill.score, to_fill.ranged, to_fill.missing) == (0, False, ["rate"])
    assert to_fill.gap == "在数据文件中填写“满意度”（figures.rate）"


def test_on_a_deduction_node_meeting_the_condition_takes_the_points_off() -> None:
    rule = {"kind": "threshold", "metric": "idle", "op": ">", "value": 10}
    over = one_leaf(rule, 2, section_type="deduction", rubric_extra=IDLE, figures={"idle": 12})
    assert over.score == 2 and over.explanation == "资金结存率为12%，高于10%，扣2分"
    under = one_leaf(rule, 2, section_type="deduction", rubric_extra=IDLE, figures={"idle": 10})
    assert under.score == 0 and under.explanation == "资金结存率为10%，未高于10%，不扣分"
    assert under.gap is None


def test_points_above_the_node_are_capped() -> None:
    rule = {"kind": "threshold", "metric": "rate", "op": ">=", "value": 90, "points": 6}
    assert one_leaf(rule, 4, rubric_extra=RATE, figures={"rate": 95}).score == 4


def _check(node: int, **extra: Any) -> list[str]:
    rule = ThresholdRule.model_validate({"kind": "threshold", "metric": "rate", "op": ">=", "value": 90, **extra})
    return [f.message.key for f in rule.check(D(node))]


def test_check_names_points_that_cannot_be_given_or_make_no_difference() -> None:
    assert _check(4) == []
    assert _check(4, points=D(3), else_points=D(1)) == []
    assert _check(4, points=D(5)) == ["threshold-too-many"]
    assert _check(4, points=D(2), else_points=D(2)) == ["threshold-unreachable"]
    assert _check(4, else_points=D(5)) == ["threshold-unreachable", "threshold-else-too-many"]
    rule = ThresholdRule.model_validate({"kind": "threshold", "metric": "rate", "op": ">=", "value": 90, "points": 5})
    (flaw,) = rule.check(D(4))
    assert (flaw.message.text(Lang.ZH), flaw.at) == ("达标给 5 分，超过本项分值 4 分", ("points",))


def test_describe(describe: Callable[..., str]) -> None:
    rule = {"kind": "threshold", "metric": "rate", "op": ">=", "value": 90}
    assert describe(rule, 4, rubric_extra=RATE) == "满意度不低于90%得4分，否则不得分"
    assert describe({**rule, "else_points": 1}, 4, rubric_extra=RATE) == "满意度不低于90%得4分，否则得1分"
    against = {"kind": "threshold", "metric": "ours", "op": ">", "against": "region"}
    extra = {"figures": {"ours": {"title": "城市低保标准"}, "region": {"title": "自治区标准"}}}
    assert describe(against, 4, rubric_extra=extra) == "城市低保标准高于自治区标准得4分，否则不得分"
    deduction = {"kind": "threshold", "metric": "idle", "op": ">", "value": 10}
    assert describe(deduction, 2, section_type="deduction", rubric_extra=IDLE) == "资金结存率高于10%扣2分"


@pytest.mark.parametrize(
    ("rule", "says"),
    [
        ({"kind": "threshold", "metric": "x", "op": "=>", "value": 1}, "'>=', '>', '<=', '<' or '=='"),
        ({"kind": "threshold", "metric": "x", "op": ">="}, "threshold 规则须写 value 或 against 之一"),
        ({"kind": "threshold", "metric": "x", "op": ">=", "value": 1, "against": "y"}, "须写 value 或 against 之一"),
        ({"kind": "threshold", "metric": "x +", "op": ">=", "value": 1}, "表达式“x \\+”有误"),
    ],
)
def test_malformed_rules_are_schema_errors(rule: dict[str, object], says: str) -> None:
    with pytest.raises(ValidationError, match=says):
        Rubric.model_validate(mini_rubric([{"id": "s", "title": "t", "points": 1, "rule": rule}]))
