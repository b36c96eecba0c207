"""claim-sum: a heading's claim against the claims of its items, and the total against the headings."""

from __future__ import annotations

from collections.abc import Callable

from helpers import check, leaf, mini_rubric
from selfeval.problems import Problem, Severity

Small = Callable[..., list[Problem]]

RUBRIC = mini_rubric(
    [
        {
            "id": "s1",
            "number": "一",
            "title": "工作部署",
            "points": 4,
            "children": [
                leaf("a", 2, {"kind": "fact", "fact": "plan"}, number="1", title="印发方案"),
                leaf("b", 2, {"kind": "fact", "fact": "meeting"}, number="2", title="召开会议"),
            ],
        }
    ],
    facts={"plan": "印发社会救助兜底脱贫行动实施方案", "meeting": "召开领导小组成员单位会议"},
)
HEAD = """
    subject: {name: 平罗县, year: 2020}
    rubric: {id: mini, version: "1"}
    facts: {plan: 是, meeting: 否}
"""


def test_heading_against_items(small: Small) -> None:
    f = small(facts={"a": True, "b": True}, claims={"c1": 3, "c2": 2, "i1": 6})
    assert ("claim-sum", "i1") in [(x.code, x.subject) for x in f]


def test_heading_and_total_placed_at_their_claims() -> None:
    # 一 claims 4 of items claiming 2 + 0; the total claims 3 of a heading claiming 4.
    found = check(
        HEAD
        + """\
    claims:
      total: 3
      s1: 4
      a: 2
      b: 0
    """,
        RUBRIC,
        "claim-sum",
        (5, 3),
        (6, 3),
    )
    by = {f.subject: f for f in found}
    assert by["s1"].values == {"stated": "4", "expected": "2", "absent": ""}
    assert by["total"].values == {"stated": "3", "expected": "4"}
    assert all(f.severity is Severity.ERROR for f in found)


def test_claims_that_add_up_are_not_reported() -> None:
    check(HEAD + "    claims: {total: 2, s1: 2, a: 2, b: 0}\n", RUBRIC, "claim-sum")


def test_an_item_without_a_claim_makes_it_a_warning() -> None:
    # b states nothing: the heading's 4 may still be right, so the finding is a warning naming b.
    (f,) = check(HEAD + "    claims: {s1: 4, a: 2}\n", RUBRIC, "claim-sum", (4, 10))
    assert f.severity is Severity.WARNING and f.values["absent"] == "b"


def test_a_capped_heading_compares_with_the_cap() -> None:
    capped = mini_rubric(
        [{**RUBRIC["sections"][0], "points": 3, "children_exceed": True}],
        facts=RUBRIC["facts"],
    )
    # The items claim 2 + 2 = 4, capped at the heading's 3 points: 一's 3 adds up.
    check(HEAD.replace("meeting: 否", "meeting: 是") + "    claims: {s1: 3, a: 2, b: 2}\n", capped, "claim-sum")


def test_a_total_over_parts_that_state_no_score_is_a_warning_naming_them() -> None:
    # The total claims 3; no heading or item states a score, so nothing refutes it.
    (found,) = check(HEAD + "    claims:\n      total: 3\n", RUBRIC, "claim-sum", (5, 3))
    assert found.severity is Severity.WARNING
    assert found.values == {"stated": "3", "expected": "0", "absent": "a,b"}
    assert "第1项、第2项未写得分" in found.message  # as a reader knows them, not by id
