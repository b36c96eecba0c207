"""not-applicable: a node declared not applicable (不适用), and how the score treated it."""

from __future__ import annotations

from helpers import check, leaf, mini_rubric
from selfeval.problems import Severity

RUBRIC = mini_rubric(
    [
        {
            "id": "s1",
            "number": "二",
            "title": "特困供养",
            "points": 4,
            "children": [
                leaf("c06", 2, {"kind": "fact", "fact": "rural"}, number="6", title="农村特困供养"),
                leaf("c07", 1, {"kind": "fact", "fact": "urban"}, number="7", title="城市特困供养"),
                leaf(
                    "c08",
                    1,
                    {"kind": "fact", "fact": "orphans"},
                    number="8",
                    title="孤儿基本生活保障",
                    not_applicable="zero",
                ),
            ],
        }
    ],
    facts={"rural": "农村特困供养标准达标", "urban": "城市特困供养标准达标", "orphans": "孤儿基本生活费按时发放"},
)


def test_a_note_at_each_declaration_with_its_policy() -> None:
    found = check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {rural: 是}
        not_applicable:
          c07: 本县无城市特困供养人员
          c08: 本县无孤儿
        """,
        RUBRIC,
        "not-applicable",
        (5, 3),
        (6, 3),
    )
    by = {f.subject: f for f in found}
    assert by["c07"].values == {"policy": "rescale"} and by["c08"].values == {"policy": "zero"}
    assert "第7项不适用（本县无城市特困供养人员）" in by["c07"].message
    assert all(f.severity is Severity.INFO for f in found)


def test_nothing_when_every_node_applies() -> None:
    check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {rural: 是, urban: 是, orphans: 是}
        """,
        RUBRIC,
        "not-applicable",
    )
