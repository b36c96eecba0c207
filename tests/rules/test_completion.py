"""The completion rule kind: a row whose actual value is a state, not a number."""

from __future__ import annotations

from decimal import Decimal as D

from helpers import one_leaf


def test_met_scores_full_and_says_so() -> None:
    r = one_leaf({"kind": "completion", "status": "done"}, D(10), figures={"done": 1})
    assert (r.score, r.ranged) == (10, False) and "“已完成”" in r.explanation


def test_unmet_without_a_number_scores_nothing_and_says_how_to_recover() -> None:
    r = one_leaf({"kind": "completion", "status": "done"}, D(10), figures={"done": 0})
    assert (r.score, r.gap) == (0, "填写实际完成的数值，按比例计分")


def test_partly_met_is_a_range_that_the_number_would_settle() -> None:
    r = one_leaf({"kind": "completion", "status": "done"}, D(10), figures={"done": D("0.5")})
    assert (r.score, r.top, r.ranged) == (0, 10, True)
    assert r.decide == ["“done”的实际数值"] and "0至10分之间" in r.explanation
