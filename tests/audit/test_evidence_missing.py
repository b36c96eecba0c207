"""evidence-missing: a rule needs a figure, fact, document or judgement the data file lacks."""

from __future__ import annotations

from collections.abc import Callable

from helpers import check, leaf, mini_rubric
from selfeval.problems import Problem, Severity

Small = Callable[..., list[Problem]]

RUBRIC = mini_rubric(
    [
        {
            "id": "s1",
            "number": "三",
            "title": "对象管理",
            "points": 4,
            "children": [
                leaf("c10", 2, {"kind": "fact", "fact": "publicity"}, number="10", title="按月公示"),
                leaf("c14", 2, {"kind": "evidence", "requires": ["reserve_rules"]}, number="14", title="备用金制度"),
            ],
        }
    ],
    facts={"publicity": "按月公示保障对象家庭成员及保障金额"},
    evidence={"reserve_rules": "临时救助备用金管理制度"},
)


def test_missing_evidence(small: Small) -> None:
    f = small(facts={"a": True}, claims={"c1": 3})
    assert ("evidence-missing", "c2") in [(x.code, x.subject) for x in f]


def test_placed_at_the_items_text_else_at_the_figures() -> None:
    # Neither the fact nor the document is given; 第10项 has a narrative, 第14项 does not.
    found = check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        figures: {}
        items:
          c10:
            narrative:
              - {text: 按月公示保障对象家庭成员及保障金额}
        claims: {c10: 2, c14: 2}
        """,
        RUBRIC,
        "evidence-missing",
        (3, 1),
        (5, 3),
    )
    assert sorted((f.subject, f.values["missing"]) for f in found) == [("c10", "publicity"), ("c14", "reserve_rules")]
    assert all(f.severity is Severity.WARNING for f in found)


def test_a_fact_stated_false_is_not_missing() -> None:
    check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {publicity: 否}
        evidence:
          reserve_rules: {title: 平罗县临时救助备用金管理制度}
        """,
        RUBRIC,
        "evidence-missing",
    )
