"""The ``bands`` rule kind: the band a figure falls in (min ≤ value < max) gives its points."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D
from typing import Any

import pytest
from pydantic import ValidationError

from helpers import mini_rubric, one_leaf
from selfeval.forms.narrative.models import NarrativeRubric as Rubric
from selfeval.i18n import Lang
from selfeval.rules.bands import BandsRule

RATE = {"figures": {"rate": {"title": "满意度", "unit": "%"}}}
RULE = {"kind": "bands", "metric": "rate", "bands": [{"min": 95, "points": 3}, {"min": 90, "max": 95, "points": 2}]}


def test_bands() -> None:
    rule = {"kind": "bands", "metric": "rate", "bands": [{"min": 95, "points": 3}, {"min": 90, "max": 95, "points": 2}]}
    assert one_leaf(rule, 3, figures={"rate": 98}).score == 3
    assert one_leaf(rule, 3, figures={"rate": 95}).score == 3
    assert one_leaf(rule, 3, figures={"rate": D("94.9")}).score == 2
    assert one_leaf(rule, 3, figures={"rate": 80}).score == 0


def test_the_explanation_names_the_band_and_the_gap_the_best_one() -> None:
    top = one_leaf(RULE, 3, rubric_extra=RATE, figures={"rate": D("96.5")})
    assert (top.explanation, top.used, top.gap) == ("满意度为96.5%，在95%以上一档，得3分", ["rate"], None)
    middle = one_leaf(RULE, 3, rubric_extra=RATE, figures={"rate": 90})
    assert middle.score == 2
    assert middle.explanation == "满意度为90%，在90%至95%（不含95%）一档，得2分"
    assert middle.gap == "需满意度达到95%以上"
    below = one_leaf(RULE, 3, rubric_extra=RATE, figures={"rate": D("89.99")})
    assert below.score == 0
    assert below.explanation == "满意度为89.99%，不在任何得分档内，不得分"
    assert below.gap == "需满意度达到95%以上"


def test_an_open_lower_band_and_a_band_above_the_node() -> None:
    rule = {"kind": "bands", "metric": "rate", "bands": [{"max": 5, "points": 5}, {"min": 5, "points": 1}]}
    low = one_leaf(rule, 4, rubric_extra=RATE, figures={"rate": 2})
    assert low.score == 4 and low.explanation == "满意度为2%，在低于5%一档，得4分"
    assert one_leaf(rule, 4, rubric_extra=RATE, figures={"rate": 5}).score == 1


def test_an_unknown_figure_scores_a_range_and_a_missing_one_nothing() -> None:
    unknown = one_leaf(RULE, 3, rubric_extra=RATE, figures={"rate": "未知"})
    assert (unknown.score, unknown.top, unknown.ranged) == (0, 3, True)
    missing = one_leaf(RULE, 3, rubric_extra=RATE)
    assert (missing.score, missing.ranged, missing.missing) == (0, False, ["rate"])
    assert missing.explanation == "缺少数据“满意度”（figures.rate），不得分"


def _check(bands: list[dict[str, Any]], node: int = 3) -> list[str]:
    return [m.key for m in BandsRule.model_validate({"kind": "bands", "metric": "rate", "bands": bands}).check(D(node))]


def test_check_finds_empty_overlapping_disordered_and_unreachable_bands() -> None:
    assert _check(RULE["bands"]) == []
    assert _check([{"min": 90, "max": 95, "points": 2}, {"min": 95, "points": 3}]) == []  # rising is fine too
    assert _check([{"min": 95, "max": 90, "points": 3}]) == ["band-empty"]
    assert _check([{"min": 95, "points": 4}]) == ["band-too-many"]
    overlapping = [{"min": 90, "points": 3}, {"min": 80, "max": 95, "points": 2}]
    assert _check(overlapping) == ["band-overlap"]
    disordered = [{"min": 90, "max": 95, "points": 2}, {"min": 95, "points": 3}, {"max": 90, "points": 1}]
    assert _check(disordered) == ["band-order"]
    assert _check([{"min": 90, "max": 95, "points": 2}]) == ["band-unreachable"]
    rule = BandsRule.model_validate({"kind": "bands", "metric": "rate", "bands": overlapping})
    (overlap,) = rule.check(D(3))
    assert overlap.text(Lang.ZH) == "两档重叠：80～95 与 90～"


def test_describe(describe: Callable[..., str]) -> None:
    assert describe(RULE, 3, rubric_extra=RATE) == "满意度95%以上得3分，90%至95%（不含95%）得2分，其余不得分"


def test_no_bands_is_a_schema_error() -> None:
    rule = {"kind": "bands", "metric": "x", "bands": []}
    with pytest.raises(ValidationError, match="at least 1 item"):
        Rubric.model_validate(mini_rubric([{"id": "s", "title": "t", "points": 1, "rule": rule}]))
