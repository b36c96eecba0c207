"""The ``fact`` rule kind: a yes/no fact earns the points, or on a deduction node takes them off."""

from __future__ import annotations

from collections.abc import Callable

from helpers import one_leaf

FACTS = {"facts": {"ok": "按时发放", "misused": "挤占挪用救助资金"}}


def test_fact_standard_and_deduction() -> None:
    extra = {"facts": {"ok": "按时发放"}}
    assert one_leaf({"kind": "fact", "fact": "ok"}, 3, rubric_extra=extra, facts={"ok": True}).score == 3
    assert one_leaf({"kind": "fact", "fact": "ok"}, 3, rubric_extra=extra, facts={"ok": False}).score == 0
    missing = one_leaf({"kind": "fact", "fact": "ok"}, 3, rubric_extra=extra)
    assert missing.score == 0 and missing.missing == ["ok"]
    d = one_leaf({"kind": "fact", "fact": "ok"}, 5, section_type="deduction", rubric_extra=extra, facts={"ok": True})
    assert d.score == 5 and "扣5分" in d.explanation


def test_the_explanation_says_the_fact_and_the_gap_what_it_must_be() -> None:
    yes = one_leaf({"kind": "fact", "fact": "ok"}, 3, rubric_extra=FACTS, facts={"ok": "是"})
    assert (yes.explanation, yes.used, yes.gap) == ("按时发放：是，得3分", ["ok"], None)
    no = one_leaf({"kind": "fact", "fact": "ok"}, 3, rubric_extra=FACTS, facts={"ok": "否"})
    assert (no.score, no.explanation, no.gap) == (0, "按时发放：否，不得分", "需“按时发放”为是")


def test_expect_false_rewards_a_no() -> None:
    rule = {"kind": "fact", "fact": "misused", "expect": False}
    clean = one_leaf(rule, 2, rubric_extra=FACTS, facts={"misused": "无"})
    assert clean.score == 2 and clean.explanation == "挤占挪用救助资金：否，得2分"
    found = one_leaf(rule, 2, rubric_extra=FACTS, facts={"misused": "有"})
    assert found.score == 0 and found.gap == "需“挤占挪用救助资金”为否"


def test_on_a_deduction_node_a_no_takes_nothing_off_and_leaves_no_gap() -> None:
    r = one_leaf(
        {"kind": "fact", "fact": "misused"}, 5, section_type="deduction", rubric_extra=FACTS, facts={"misused": "否"}
    )
    assert r.score == 0
    assert r.explanation == "挤占挪用救助资金：否，不扣分" and r.gap is None


def test_a_fact_still_to_fill_earns_and_deducts_nothing_and_is_missing() -> None:
    r = one_leaf({"kind": "fact", "fact": "ok"}, 3, rubric_extra=FACTS, facts={"ok": None})
    assert r.score == 0 and r.missing == ["ok"]
    assert r.explanation == "数据未说明是否“按时发放”，不得分"
    assert r.gap == "在数据文件 facts 下说明是否“按时发放”（facts.ok）"
    d = one_leaf({"kind": "fact", "fact": "misused"}, 5, section_type="deduction", rubric_extra=FACTS)
    assert d.score == 0 and d.missing == ["misused"]
    assert d.explanation == "数据未说明是否“挤占挪用救助资金”，不扣分"


def test_describe(describe: Callable[..., str]) -> None:
    assert describe({"kind": "fact", "fact": "ok"}, 3, rubric_extra=FACTS) == "“按时发放”为是得3分，否则不得分"
    assert describe({"kind": "fact", "fact": "ok", "expect": False}, 3, rubric_extra=FACTS) == (
        "“按时发放”为否得3分，否则不得分"
    )
    assert describe({"kind": "fact", "fact": "misused"}, 5, section_type="deduction", rubric_extra=FACTS) == (
        "“挤占挪用救助资金”为是则扣5分"
    )
