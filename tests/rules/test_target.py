"""The ``target`` rule kind: full points at the target, in proportion (or none) below it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D

from helpers import one_leaf

AID = {"figures": {"x": {"title": "临时救助", "unit": "人次"}}}
FUNDS = {"figures": {"spent": {"title": "救助资金支出", "unit": "万元"}, "budget": {"title": "预算", "unit": "万元"}}}
SPEND = {"kind": "target", "metric": "spent", "target": "budget * 0.9"}


def test_target() -> None:
    rule = {"kind": "target", "metric": "x", "target": 80}
    assert one_leaf(rule, 2, figures={"x": 80}).score == 2
    assert one_leaf(rule, 2, figures={"x": 60}).score == D("1.5")
    assert one_leaf({**rule, "partial": "none"}, 2, figures={"x": 60}).score == 0


def test_the_explanation_and_the_gap() -> None:
    rule = {"kind": "target", "metric": "x", "target": 300}
    met = one_leaf(rule, 4, rubric_extra=AID, figures={"x": 326})
    assert (met.score, met.explanation, met.gap) == (4, "临时救助为326人次，达到目标300人次，得4分", None)
    short = one_leaf(rule, 4, rubric_extra=AID, figures={"x": 240})
    assert short.score == D("3.2")
    assert short.explanation == "临时救助为240人次，未达到目标300人次，按完成比例得3.2分"
    assert short.gap == "需临时救助达到300人次"
    none = one_leaf({**rule, "partial": "none"}, 4, rubric_extra=AID, figures={"x": 299})
    assert none.explanation == "临时救助为299人次，未达到目标300人次，不得分"


def test_a_target_may_be_an_expression_over_figures() -> None:
    assert one_leaf(SPEND, 3, rubric_extra=FUNDS, figures={"spent": 900, "budget": 1000}).score == 3
    short = one_leaf(SPEND, 3, rubric_extra=FUNDS, figures={"spent": 450, "budget": 1000})
    assert short.score == D("1.5") and short.used == ["budget", "spent"]
    assert short.explanation == "救助资金支出为450万元，未达到目标900万元，按完成比例得1.5分"


def test_an_unknown_figure_scores_a_range_and_a_missing_one_nothing() -> None:
    unknown = one_leaf(SPEND, 3, rubric_extra=FUNDS, figures={"spent": 900, "budget": "未知"})
    assert (unknown.score, unknown.top, unknown.ranged) == (0, 3, True)
    assert unknown.explanation == "“预算”未知，本项得分在0至3分之间"
    missing = one_leaf(SPEND, 3, rubric_extra=FUNDS, figures={"budget": 1000})
    assert (missing.score, missing.missing) == (0, ["spent"])


def test_describe(describe: Callable[..., str]) -> None:
    rule = {"kind": "target", "metric": "x", "target": 300}
    assert describe(rule, 4, rubric_extra=AID) == "临时救助达到300人次得4分，未达到按完成比例计分"
    assert describe({**rule, "partial": "none"}, 4, rubric_extra=AID) == "临时救助达到300人次得4分，未达到不得分"
    assert describe(SPEND, 3, rubric_extra=FUNDS) == "救助资金支出达到budget * 0.9得3分，未达到按完成比例计分"
    named = {"kind": "target", "metric": "spent", "target": "budget"}
    assert describe(named, 3, rubric_extra=FUNDS) == "救助资金支出达到预算得3分，未达到按完成比例计分"
