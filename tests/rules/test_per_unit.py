"""The ``per_unit`` rule kind: points for every whole unit of a count, capped at the node's points."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D

from helpers import one_leaf

DEPTS = {"figures": {"n": {"title": "信息共享部门", "unit": "个"}}}
TRAINED = {"figures": {"n": {"title": "基层经办人员培训", "unit": "人次"}}}
RULE = {"kind": "per_unit", "metric": "n", "per": "0.5"}


def test_per_unit_caps() -> None:
    rule = {"kind": "per_unit", "metric": "n", "per": "0.5"}
    assert one_leaf(rule, 2, figures={"n": 3}).score == D("1.5")
    assert one_leaf(rule, 2, figures={"n": 9}).score == 2
    assert one_leaf({**rule, "unit": 2}, 2, figures={"n": 3}).score == D("0.5")


def test_the_explanation_counts_and_the_gap_says_how_many_reach_the_cap() -> None:
    r = one_leaf(RULE, 2, rubric_extra=DEPTS, figures={"n": 3})
    assert r.explanation == "信息共享部门为3个，每个得0.5分，最高2分，得1.5分"
    assert r.used == ["n"] and r.gap == "需信息共享部门达到4个"
    full = one_leaf(RULE, 2, rubric_extra=DEPTS, figures={"n": 4})
    assert full.score == 2 and full.gap is None


def test_only_whole_units_count() -> None:
    rule = {**RULE, "unit": 50}
    r = one_leaf(rule, 2, rubric_extra=TRAINED, figures={"n": 199})
    assert r.score == D("1.5")
    assert r.explanation == "基层经办人员培训为199人次，每50人次得0.5分，最高2分，得1.5分"
    assert r.gap == "需基层经办人员培训达到200人次"
    assert one_leaf(rule, 2, rubric_extra=TRAINED, figures={"n": 49}).score == 0
    assert one_leaf(RULE, 2, rubric_extra=DEPTS, figures={"n": D("2.9")}).score == 1


def test_an_unknown_count_scores_a_range_and_a_missing_one_nothing() -> None:
    unknown = one_leaf(RULE, 2, rubric_extra=DEPTS, figures={"n": "未知"})
    assert (unknown.score, unknown.top, unknown.ranged) == (0, 2, True)
    assert unknown.explanation == "“信息共享部门”未知，本项得分在0至2分之间"
    missing = one_leaf(RULE, 2, rubric_extra=DEPTS, figures={"n": None})
    assert (missing.score, missing.missing) == (0, ["n"])


def test_describe(describe: Callable[..., str]) -> None:
    assert describe(RULE, 2, rubric_extra=DEPTS) == "信息共享部门每个得0.5分，最高2分"
    assert describe({**RULE, "unit": 50}, 2, rubric_extra=TRAINED) == "基层经办人员培训每50人次得0.5分，最高2分"
    assert describe(RULE, 2, rubric_extra={"figures": {"n": {"title": "部门"}}}) == "部门每个得0.5分，最高2分"
