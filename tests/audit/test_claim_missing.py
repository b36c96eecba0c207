"""claim-missing: a numbered item that states no score of its own or below."""

from __future__ import annotations

from collections.abc import Callable

from helpers import check, leaf, mini_rubric
from selfeval.problems import Problem, Severity

Small = Callable[..., list[Problem]]

RUBRIC = mini_rubric(
    [
        {
            "id": "s1",
            "number": "二",
            "title": "临时救助",
            "points": 2,
            "children": [
                leaf("c04", 1, {"kind": "fact", "fact": "reserve"}, number="4", title="建立备用金制度"),
                leaf("c05", 1, {"kind": "fact", "fact": "channel"}, number="5", title="开通“先行救助”绿色通道"),
            ],
        }
    ],
    facts={"reserve": "建立临时救助备用金制度", "channel": "开通急难对象“先行救助”绿色通道"},
)


def test_missing_claim(small: Small) -> None:
    f = small(facts={"a": True}, claims={"c1": 3})
    assert ("claim-missing", "c2") in [(x.code, x.subject) for x in f]


def test_placed_at_the_items_text_else_at_the_claims() -> None:
    # 第5项 has a narrative: the finding is there; 第4项 has none: it goes to the claims.
    found = check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {reserve: 是, channel: 是}
        claims:
          s1: 2
        items:
          c05:
            narrative:
              - {text: 开通了急难对象“先行救助”绿色通道}
        """,
        RUBRIC,
        "claim-missing",
        (4, 1),
        (7, 3),
    )
    assert [(f.subject, f.severity, f.values["points"]) for f in found] == [
        ("c04", Severity.WARNING, "1"),
        ("c05", Severity.WARNING, "1"),
    ]
    assert "第4项（建立备用金制度，1分）未写自评得分" in found[0].message


def test_a_claim_below_counts_and_headings_are_not_items() -> None:
    # 二 states no claim, but it is a heading, not a numbered item; both items claim.
    check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {reserve: 是, channel: 是}
        claims: {c04: 1, c05: 1}
        """,
        RUBRIC,
        "claim-missing",
    )
