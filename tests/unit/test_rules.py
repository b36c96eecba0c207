"""Each rule kind on its own: the points it gives and the explanation it writes."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from pydantic import ValidationError

from helpers import one_leaf
from selfeval.forms.narrative.models import NarrativeRubric as Rubric
from selfeval.rules import RULES, Rule

EV = {"evidence": {"plan": "实施方案", "center": "核对中心"}}


def test_every_kind_is_in_the_union_and_the_registry() -> None:
    from typing import get_args

    union = get_args(get_args(Rule)[0])
    assert {cls.model_fields["kind"].annotation.__args__[0] for cls in union} == set(RULES)
    assert set(union) == set(RULES.values())
    for cls in RULES.values():
        assert cls.__doc__ and len(cls.__doc__) > 40, f"{cls.__name__} needs user documentation"


def test_evidence() -> None:
    r = one_leaf(
        {"kind": "evidence", "requires": ["plan"]},
        2,
        rubric_extra=EV,
        evidence={"plan": {"title": "实施方案", "number": "平民发〔2020〕34号"}},
    )
    assert r.score == 2
    assert "《实施方案》（平民发〔2020〕34号）" in r.explanation
    r = one_leaf({"kind": "evidence", "requires": ["plan"]}, 2, rubric_extra=EV)
    assert r.score == 0
    assert r.missing == ["plan"]
    assert "缺少“实施方案”" in r.explanation


def test_evidence_tiers() -> None:
    rule = {
        "kind": "evidence_tiers",
        "tiers": [{"requires": ["plan", "center"], "points": 2}, {"requires": ["plan"], "points": 1}],
    }
    both = {"plan": {"title": "方案"}, "center": {"title": "中心"}}
    assert one_leaf(rule, 2, rubric_extra=EV, evidence=both).score == 2
    one = one_leaf(rule, 2, rubric_extra=EV, evidence={"plan": {"title": "方案"}})
    assert one.score == 1
    assert one.gap == "提供“核对中心”"
    assert one_leaf(rule, 2, rubric_extra=EV).score == 0


def test_fact_standard_and_deduction() -> None:
    extra = {"facts": {"ok": "按时发放"}}
    assert one_leaf({"kind": "fact", "fact": "ok"}, 3, rubric_extra=extra, facts={"ok": True}).score == 3
    assert one_leaf({"kind": "fact", "fact": "ok"}, 3, rubric_extra=extra, facts={"ok": False}).score == 0
    missing = one_leaf({"kind": "fact", "fact": "ok"}, 3, rubric_extra=extra)
    assert missing.score == 0 and missing.missing == ["ok"]
    d = one_leaf({"kind": "fact", "fact": "ok"}, 5, section_type="deduction", rubric_extra=extra, facts={"ok": True})
    assert d.score == 5 and "扣5分" in d.explanation


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


def test_bands() -> None:
    rule = {"kind": "bands", "metric": "rate", "bands": [{"min": 95, "points": 3}, {"min": 90, "max": 95, "points": 2}]}
    assert one_leaf(rule, 3, figures={"rate": 98}).score == 3
    assert one_leaf(rule, 3, figures={"rate": 95}).score == 3
    assert one_leaf(rule, 3, figures={"rate": D("94.9")}).score == 2
    assert one_leaf(rule, 3, figures={"rate": 80}).score == 0


def test_per_unit_caps() -> None:
    rule = {"kind": "per_unit", "metric": "n", "per": "0.5"}
    assert one_leaf(rule, 2, figures={"n": 3}).score == D("1.5")
    assert one_leaf(rule, 2, figures={"n": 9}).score == 2
    assert one_leaf({**rule, "unit": 2}, 2, figures={"n": 3}).score == D("0.5")


def test_ratio_is_clamped() -> None:
    rule = {"kind": "ratio", "numerator": "done", "denominator": "due"}
    assert one_leaf(rule, 2, figures={"done": 3, "due": 4}).score == D("1.5")
    assert one_leaf(rule, 2, figures={"done": 5, "due": 4}).score == 2
    zero = one_leaf(rule, 2, figures={"done": 5, "due": 0})
    assert zero.score == 0 and "无法计算" in zero.explanation


def test_target() -> None:
    rule = {"kind": "target", "metric": "x", "target": 80}
    assert one_leaf(rule, 2, figures={"x": 80}).score == 2
    assert one_leaf(rule, 2, figures={"x": 60}).score == D("1.5")
    assert one_leaf({**rule, "partial": "none"}, 2, figures={"x": 60}).score == 0


def test_tolerance_steps_and_floor() -> None:
    # 相差5个百分点内得10分，每超2个百分点扣1分，扣完为止
    rule = {"kind": "tolerance", "metric": "gap", "max": 5, "step": 2, "deduct": 1}
    assert one_leaf(rule, 10, figures={"gap": 5}).score == 10
    assert one_leaf(rule, 10, figures={"gap": 6}).score == 9
    assert one_leaf(rule, 10, figures={"gap": 9}).score == 8
    assert one_leaf({**rule, "partial_step": False}, 10, figures={"gap": 8}).score == 9
    assert one_leaf(rule, 10, figures={"gap": 100}).score == 0


def test_per_occurrence() -> None:
    rule = {"kind": "per_occurrence", "metric": "n", "deduct": 5}
    assert one_leaf(rule, 10, section_type="deduction", figures={"n": 1}).score == 5
    assert one_leaf(rule, 10, section_type="deduction", figures={"n": 3}).score == 10
    assert one_leaf(rule, 10, section_type="deduction", figures={"n": 0}).score == 0
    assert one_leaf(rule, 10, figures={"n": 1}).score == 5
    assert one_leaf(rule, 10, figures={"n": 4}).score == 0


def test_judged_needs_a_reason() -> None:
    rule = {"kind": "judged", "guidance": "创新成效"}
    r = one_leaf(rule, 5, judgements={"x": {"points": 4, "reason": "经验被推广"}})
    assert r.score == 4 and "经验被推广" in r.explanation
    none = one_leaf(rule, 5)
    assert none.score == 0 and none.missing == ["judgements.x"]
    with pytest.raises(ValidationError):
        one_leaf(rule, 5, judgements={"x": {"points": 4, "reason": ""}})


@pytest.mark.parametrize(
    "rule",
    [
        {"kind": "nope"},
        {"kind": "threshold", "metric": "x", "op": "=>", "value": 1},
        {"kind": "threshold", "metric": "x", "op": ">="},
        {"kind": "threshold", "metric": "x +", "op": ">=", "value": 1},
        {"kind": "tolerance", "metric": "x", "step": 1, "deduct": 1},
        {"kind": "evidence"},
        {"kind": "bands", "metric": "x", "bands": []},
    ],
)
def test_malformed_rules_are_schema_errors(rule: dict[str, object]) -> None:
    from helpers import mini_rubric

    with pytest.raises(ValidationError):
        Rubric.model_validate(mini_rubric([{"id": "s", "title": "t", "points": 1, "rule": rule}]))
