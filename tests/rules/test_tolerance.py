"""The ``tolerance`` rule kind: full points inside a band, a deduction per step outside it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pydantic import ValidationError

from helpers import mini_rubric, one_leaf
from selfeval.forms.narrative.models import NarrativeRubric as Rubric

GAP = {"figures": {"gap": {"title": "支出进度差", "unit": "%"}}}
RULE = {"kind": "tolerance", "metric": "gap", "max": 5, "step": 2, "deduct": 1}


def test_tolerance_steps_and_floor() -> None:
    # 相差5个百分点内得10分，每超2个百分点扣1分，扣完为止
    rule = {"kind": "tolerance", "metric": "gap", "max": 5, "step": 2, "deduct": 1}
    assert one_leaf(rule, 10, figures={"gap": 5}).score == 10
    assert one_leaf(rule, 10, figures={"gap": 6}).score == 9
    assert one_leaf(rule, 10, figures={"gap": 9}).score == 8
    assert one_leaf({**rule, "partial_step": False}, 10, figures={"gap": 8}).score == 9
    assert one_leaf(rule, 10, figures={"gap": 100}).score == 0


def test_the_explanation_counts_the_steps_in_percentage_points() -> None:
    inside = one_leaf(RULE, 10, rubric_extra=GAP, figures={"gap": 5})
    assert (inside.explanation, inside.gap) == ("支出进度差为5%，不高于5%，得10分", None)
    over = one_leaf(RULE, 10, rubric_extra=GAP, figures={"gap": 8})
    assert over.explanation == (
        "支出进度差为8%，高于5%的上限3个百分点，每超2个百分点扣1分（不足2个百分点按2个百分点计），扣2分，得8分"
    )
    assert over.gap == "需支出进度差不高于5%"
    whole = one_leaf({**RULE, "partial_step": False}, 10, rubric_extra=GAP, figures={"gap": 8})
    assert whole.explanation.endswith("每超2个百分点扣1分，扣1分，得9分")


def test_the_deduction_stops_at_nothing() -> None:
    r = one_leaf(RULE, 10, rubric_extra=GAP, figures={"gap": 100})
    assert r.score == 0
    assert r.explanation.endswith("扣10分（扣完为止），不得分")


def test_below_a_lower_bound_and_within_both() -> None:
    rule = {"kind": "tolerance", "metric": "gap", "min": 90, "max": 100, "step": 2, "deduct": 1}
    assert one_leaf(rule, 10, rubric_extra=GAP, figures={"gap": 90}).score == 10
    low = one_leaf(rule, 10, rubric_extra=GAP, figures={"gap": 85})
    assert low.score == 7
    assert low.explanation.startswith("支出进度差为85%，低于90%的下限5个百分点，每低2个百分点扣1分")
    assert low.gap == "需支出进度差在90%至100%之间"
    assert one_leaf(rule, 10, rubric_extra=GAP, figures={"gap": 101}).score == 9
    floor_only = {"kind": "tolerance", "metric": "gap", "min": 90, "step": 2, "deduct": 1}
    assert one_leaf(floor_only, 10, rubric_extra=GAP, figures={"gap": 1000}).score == 10


def test_an_unknown_figure_scores_a_range_and_a_missing_one_nothing() -> None:
    unknown = one_leaf(RULE, 10, rubric_extra=GAP, figures={"gap": "未知"})
    assert (unknown.score, unknown.top, unknown.ranged) == (0, 10, True)
    missing = one_leaf(RULE, 10, rubric_extra=GAP)
    assert (missing.score, missing.missing) == (0, ["gap"])


def test_describe(describe: Callable[..., str]) -> None:
    assert describe(RULE, 10, rubric_extra=GAP) == (
        "支出进度差不高于5%得10分，每超2个百分点扣1分（不足2个百分点按2个百分点计），扣完为止"
    )
    floor_only = {"kind": "tolerance", "metric": "gap", "min": 90, "step": 2, "deduct": 1, "partial_step": False}
    assert describe(floor_only, 10, rubric_extra=GAP) == "支出进度差不低于90%得10分，每低2个百分点扣1分，扣完为止"


@pytest.mark.parametrize(
    ("rule", "says"),
    [
        ({"kind": "tolerance", "metric": "x", "step": 1, "deduct": 1}, "tolerance 规则须写 min 或 max"),
        ({"kind": "tolerance", "metric": "x", "min": 5, "max": 1, "step": 1, "deduct": 1}, "min 大于 max"),
        ({"kind": "tolerance", "metric": "x", "max": 5, "step": 0, "deduct": 1}, "greater than 0"),
    ],
)
def test_malformed_rules_are_schema_errors(rule: dict[str, object], says: str) -> None:
    with pytest.raises(ValidationError, match=says):
        Rubric.model_validate(mini_rubric([{"id": "s", "title": "t", "points": 1, "rule": rule}]))
