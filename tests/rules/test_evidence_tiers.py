"""The ``evidence_tiers`` rule kind: the highest tier whose documents are all named gives its points."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D
from typing import Any

from helpers import one_leaf
from selfeval.i18n import Lang
from selfeval.rules.evidence_tiers import EvidenceTiersRule

EV = {"evidence": {"plan": "实施方案", "center": "核对中心"}}
TIERS = [{"requires": ["plan", "center"], "points": 2}, {"requires": ["plan"], "points": 1}]
RULE = {"kind": "evidence_tiers", "tiers": TIERS}


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


def test_the_explanation_names_the_documents_and_the_tier_reached() -> None:
    plan = {"title": "低保工作实施方案", "number": "平民发〔2020〕34号"}
    both = one_leaf(RULE, 2, rubric_extra=EV, evidence={"plan": [plan], "center": [{"title": "核对中心台账"}]})
    assert both.explanation == "已提供《低保工作实施方案》（平民发〔2020〕34号）、《核对中心台账》，达到第1档，得2分"
    assert both.used == ["plan", "center"] and both.gap is None
    second = one_leaf(RULE, 2, rubric_extra=EV, evidence={"plan": [plan]})
    assert second.explanation == "已提供《低保工作实施方案》（平民发〔2020〕34号），达到第2档，得1分"
    assert second.used == ["plan"]


def test_no_tier_met_scores_nothing_and_names_what_the_lowest_tier_needs() -> None:
    r = one_leaf(RULE, 2, rubric_extra=EV, evidence={"center": [{"title": "核对中心台账"}]})
    assert r.score == 0
    assert r.explanation == "缺少“实施方案”，未达到任何一档，不得分"
    assert r.missing == ["plan"] and r.gap == "提供“实施方案”"


def test_a_document_still_to_fill_does_not_reach_a_tier() -> None:
    pending = {"plan": [{"title": "方案"}], "center": [{"title": "核对中心", "number": None}]}
    assert one_leaf(RULE, 2, rubric_extra=EV, evidence=pending).score == 1


def test_a_tier_above_the_node_is_capped_at_its_points() -> None:
    rule = {"kind": "evidence_tiers", "tiers": [{"requires": ["plan"], "points": 3}]}
    r = one_leaf(rule, 2, rubric_extra=EV, evidence={"plan": [{"title": "方案"}]})
    assert r.score == 2 and r.explanation == "已提供《方案》，达到第1档，得2分"


def test_check_names_tiers_above_the_points_out_of_order_or_never_full() -> None:
    def keys(tiers: list[dict[str, Any]], points: int) -> list[str]:
        rule = EvidenceTiersRule.model_validate({"kind": "evidence_tiers", "tiers": tiers})
        return [f.message.key for f in rule.check(D(points))]

    assert keys(TIERS, 2) == []
    assert keys([{"requires": ["plan"], "points": 3}], 2) == ["tier-too-many"]
    assert keys([{"requires": ["plan"], "points": 1}], 2) == ["tier-unreachable"]
    low_first = [{"requires": ["plan"], "points": 1}, {"requires": ["plan", "center"], "points": 2}]
    assert keys(low_first, 2) == ["tier-order"]
    rule = EvidenceTiersRule.model_validate({"kind": "evidence_tiers", "tiers": [{"requires": ["a"], "points": 3}]})
    (too_many,) = rule.check(D(2))
    assert (too_many.message.text(Lang.ZH), too_many.at) == ("第1档给 3 分，超过本项分值 2 分", ("tiers", 0))


def test_describe(describe: Callable[..., str]) -> None:
    assert describe(RULE, 2, rubric_extra=EV) == "有“实施方案”和“核对中心”得2分；有“实施方案”得1分；否则不得分"
