"""claim-differs: a claimed score against the score computed from the evidence."""

from __future__ import annotations

from collections.abc import Callable

from helpers import check, leaf, mini_rubric
from selfeval.problems import Problem

Small = Callable[..., list[Problem]]

# 第5项: 4 points when the county's per-capita 低保 subsidy is above the region's.
RUBRIC = mini_rubric(
    [
        {
            "id": "s1",
            "number": "一",
            "title": "标准制定",
            "points": 4,
            "children": [
                leaf(
                    "a",
                    4,
                    {"kind": "threshold", "metric": "urban_pc", "op": ">", "against": "region_pc"},
                    number="5",
                    title="城市低保人均补助水平",
                ),
            ],
        }
    ],
    figures={
        "urban_pc": {"title": "城市低保人均补助水平", "unit": "元"},
        "region_pc": {"title": "自治区规定的人均补助水平", "unit": "元"},
    },
)


def test_item_claim_against_its_evidence(small: Small) -> None:
    f = small(facts={"a": True, "b": True}, claims={"c1": 3, "c2": 2, "i1": 6})
    assert ("claim-differs", "c2") in [(x.code, x.subject) for x in f]


def test_item_and_total_placed_at_their_claims() -> None:
    found = check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        figures:
          urban_pc: 420
          region_pc: 444
        claims:
          total: 4
          s1: 4
          a: 4
        """,
        RUBRIC,
        "claim-differs",
        (7, 3),
        (8, 3),
        (9, 3),
    )
    by = {f.subject: f for f in found}
    assert by["a"].values == {"stated": "4", "expected": "0"}
    assert "第5项自评得4分，按证据计算应得0分" in by["a"].message and "420" in by["a"].message
    assert by["total"].values == {"stated": "4", "expected": "0"}


def test_a_claim_the_evidence_bears_out() -> None:
    check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        figures: {urban_pc: 559.9, region_pc: 444}
        claims: {total: 4, s1: 4, a: 4}
        """,
        RUBRIC,
        "claim-differs",
    )
