"""veto: a one-vote veto (一票否决) that applies, capping the grade or the total."""

from __future__ import annotations

from helpers import check, leaf, mini_rubric
from selfeval.problems import Severity

RUBRIC = mini_rubric(
    [
        {
            "id": "s1",
            "number": "四",
            "title": "安全管理",
            "points": 2,
            "children": [
                leaf("c42", 2, {"kind": "fact", "fact": "safety"}, number="42", title="特困供养服务机构安全管理")
            ],
        }
    ],
    facts={
        "safety": "落实特困供养服务机构安全管理制度",
        "accident": "发生造成人员死亡的重大安全责任事故",
        "fraud": "骗取、套取救助资金",
    },
    vetoes=[
        {"id": "veto-safety", "title": "发生造成人员死亡的重大安全责任事故", "fact": "accident", "max_grade": "差"},
        {"id": "veto-fraud", "title": "骗取、套取救助资金", "fact": "fraud", "max_total": 59},
    ],
)


def test_each_veto_that_applies_placed_at_its_fact() -> None:
    found = check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts:
          safety: 是
          accident: 是
          fraud: 是
        """,
        RUBRIC,
        "veto",
        (5, 3),
        (6, 3),
    )
    by = {f.subject: f for f in found}
    assert by["veto-safety"].values == {"fact": "accident"}
    assert "等次最高为差" in by["veto-safety"].message
    assert "59" in by["veto-fraud"].message
    assert all(f.severity is Severity.ERROR for f in found)


def test_no_veto_when_the_facts_are_false_or_unstated() -> None:
    check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {safety: 是, accident: 否}
        """,
        RUBRIC,
        "veto",
    )
