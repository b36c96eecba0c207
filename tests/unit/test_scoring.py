"""Adding up the tree: caps, not-applicable nodes, bonus and deduction, vetoes, grades, gaps."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from helpers import leaf, run
from selfeval.scoring import gaps

FACTS = {"facts": {"a": "甲", "b": "乙", "c": "丙", "bad": "否决事项"}}


def fact(id: str, points: Any, name: str, **extra: Any) -> dict[str, Any]:
    return leaf(id, points, {"kind": "fact", "fact": name}, **extra)


def tree(na_policy: str = "rescale") -> list[dict[str, Any]]:
    return [
        {
            "id": "s1",
            "title": "一",
            "points": 10,
            "children": [fact("a1", 4, "a"), fact("b1", "2.5", "b", not_applicable=na_policy), fact("c1", "3.5", "c")],
        },
        {"id": "s2", "title": "加分", "points": 5, "type": "bonus", "children": [fact("bonus1", 5, "a")]},
        {"id": "s3", "title": "扣分", "points": 20, "type": "deduction", "children": [fact("ded1", 20, "bad")]},
    ]


def test_sums_are_exact_decimals() -> None:
    r = run(tree(), FACTS, facts={"a": True, "b": True, "c": False})
    assert r.by_id()["s1"].score == D("6.5")
    assert r.standard == D("6.5") and r.bonus == 5 and r.deduction == 0
    assert r.total == D("11.5")


def test_not_applicable_policies() -> None:
    facts = {"a": True, "b": False, "c": True}
    rescaled = run(tree("rescale"), FACTS, facts=facts, not_applicable={"b1": "本县无此类对象"})
    s1 = rescaled.by_id()["s1"]
    assert rescaled.by_id()["b1"].status == "not_applicable"
    assert s1.score == D(10)  # 7.5 of the 7.5 applicable points, scaled to 10
    assert "折算" in s1.explanation
    zero = run(tree("zero"), FACTS, facts=facts, not_applicable={"b1": "无"})
    assert zero.by_id()["s1"].score == D("7.5")
    full = run(tree("full"), FACTS, facts=facts, not_applicable={"b1": "无"})
    assert full.by_id()["s1"].score == D(10)
    assert "按满分计" in full.by_id()["b1"].explanation


def test_children_exceed_is_capped() -> None:
    sections = [
        {
            "id": "s1",
            "title": "一",
            "points": 6,
            "children_exceed": True,
            "children": [fact("a1", 4, "a"), fact("b1", 4, "b")],
        }
    ]
    r = run(sections, FACTS, facts={"a": True, "b": True})
    assert r.by_id()["s1"].score == 6
    assert "封顶" in r.by_id()["s1"].explanation
    # Losing 2 of the 8 available points costs nothing at the capped parent.
    r2 = run(sections, FACTS, facts={"a": True, "b": False})
    assert r2.by_id()["s1"].score == 4
    (g,) = gaps(r2)
    assert g.lost == 4 and g.effect == 2


def test_bonus_and_deduction_caps_and_total() -> None:
    r = run(tree(), FACTS, facts={"a": True, "b": True, "c": True, "bad": True})
    assert r.deduction == 20
    assert r.total == D(0)  # 10 + 5 - 20, floored at zero
    assert r.total_exact == D(-5)


def test_veto_caps_grade_and_total() -> None:
    extra = {**FACTS, "vetoes": [{"id": "v", "title": "重大事故", "fact": "bad", "max_grade": "差", "max_total": 50}]}
    sections = [{"id": "s1", "title": "一", "points": 100, "children": [fact("a1", 100, "a")]}]
    ok = run(sections, extra, facts={"a": True, "bad": False})
    assert ok.grade == "优" and ok.total == 100 and not ok.vetoes
    vetoed = run(sections, extra, facts={"a": True, "bad": True})
    assert vetoed.grade == "差" and vetoed.total == 50
    assert [v.id for v in vetoed.vetoes] == ["v"]


@pytest.mark.parametrize(("points", "grade"), [(100, "优"), (90, "优"), (89, "良"), (80, "良"), (60, "中"), (59, "差")])
def test_grade_bands(points: int, grade: str) -> None:
    sections = [
        {
            "id": "s1",
            "title": "一",
            "points": 100,
            "children": [fact("a1", points, "a"), fact("b1", 100 - points, "b")]
            if points < 100
            else [fact("a1", 100, "a")],
        }
    ]
    assert run(sections, FACTS, facts={"a": True, "b": False}).grade == grade


def test_rounding_happens_once_on_the_total() -> None:
    # Three thirds: each child is 1/3 after rescaling; the total rounds once.
    sections = [
        {
            "id": "s1",
            "title": "一",
            "points": 1,
            "children": [
                fact("a1", "0.25", "a"),
                fact("b1", "0.25", "b"),
                fact("c1", "0.25", "c"),
                fact("d1", "0.25", "a"),
            ],
        }
    ]
    r = run(sections, FACTS, facts={"a": True, "b": True, "c": False}, not_applicable={"d1": "无"})
    assert r.standard == D("0.5") / D("0.75")
    assert r.total == D("0.67")


def test_claims_never_change_scores() -> None:
    a = run(tree(), FACTS, facts={"a": True, "b": True, "c": True})
    b = run(tree(), FACTS, facts={"a": True, "b": True, "c": True}, claims={"a1": 0, "s1": 1, "total": 3})
    assert a.total == b.total
    assert b.by_id()["a1"].claimed == 0
