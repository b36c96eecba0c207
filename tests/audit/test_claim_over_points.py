"""claim-over-points: the claims under a node adding up to more than the node's points."""

from __future__ import annotations

from collections.abc import Callable

from helpers import check, leaf, mini_rubric
from selfeval.problems import Problem, Severity

Small = Callable[..., list[Problem]]

# (一) is worth 3 points, its two items 2 each: the rubric caps their sum (children_exceed).
CAPPED = mini_rubric(
    [
        {
            "id": "s1",
            "number": "（一）",
            "title": "兜底保障",
            "points": 3,
            "children_exceed": True,
            "children": [
                leaf("a", 2, {"kind": "fact", "fact": "plan"}, number="1", title="印发兜底脱贫实施方案"),
                leaf("b", 2, {"kind": "fact", "fact": "checks"}, number="2", title="开展“四查四补”"),
            ],
        }
    ],
    facts={"plan": "印发社会救助兜底脱贫行动实施方案", "checks": "开展脱贫攻坚“四查四补”工作"},
)


def test_children_claim_more_than_points(small: Small) -> None:
    f = small(facts={"a": True, "b": True}, claims={"c1": 3, "c2": 3, "i1": 6}, relations=[])
    assert not [x for x in f if x.code == "claim-over-points"]
    f = small(facts={"a": True, "b": True}, claims={"c1": 3, "c2": 3})
    assert not [x for x in f if x.code == "claim-over-points"]


def test_capped_sum_is_a_warning_at_the_heading_claim() -> None:
    (f,) = check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {plan: 是, checks: 是}
        claims:
          s1: 3
          a: 2
          b: 2
        """,
        CAPPED,
        "claim-over-points",
        (5, 3),
    )
    assert f.severity is Severity.WARNING and f.subject == "s1"
    assert f.values == {"stated": "4", "expected": "3"}
    assert "（一）兜底保障下各项自评合计4分，超过本项分值3分" in f.message


def test_without_a_heading_claim_it_is_placed_at_the_first_item() -> None:
    check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {plan: 是, checks: 是}
        claims:
          a: 2
          b: 2
        """,
        CAPPED,
        "claim-over-points",
        (5, 3),
    )


def test_claims_within_the_points() -> None:
    check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {plan: 是, checks: 否}
        claims: {s1: 2, a: 2, b: 1}
        """,
        CAPPED,
        "claim-over-points",
    )
