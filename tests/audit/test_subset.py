"""subset-exceeded: a part larger than the whole it belongs to."""

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
            "points": 1,
            "children": [leaf("c11", 1, {"kind": "fact", "fact": "care"}, number="11", title="委托照料")],
        }
    ],
    facts={"care": "与分散供养特困人员监护人签订委托照料协议"},
    figures={
        "tekun_dispersed": {"title": "分散供养特困人员", "unit": "人"},
        "care_agreements": {"title": "签订委托照料协议数", "unit": "份"},
        "migrant_households": {"title": "劳务移民常住户", "unit": "户"},
        "migrant_dibao_households": {"title": "劳务移民纳入低保户数", "unit": "户"},
    },
    relations=[
        {
            "kind": "subset",
            "id": "care-agreements",
            "title": "委托照料协议数不超过分散供养特困人员数",
            "part": "care_agreements",
            "whole": "tekun_dispersed",
            "node": "c11",
        }
    ],
)


def test_part_exceeds_whole(small: Small) -> None:
    f = small(figures={"part": 6, "whole": 5})
    (s,) = [x for x in f if x.code == "subset-exceeded"]
    assert s.values == {"stated": "6", "expected": "5", "node": ""}
    assert (s.path, s.line) == ("data.yaml", 8)  # the line of figures.part
    assert not [x for x in small(figures={"part": 5, "whole": 5}) if x.code == "subset-exceeded"]


def test_placed_at_the_part_for_the_rubrics_relations_and_the_datas() -> None:
    # 474 agreements for 461 persons (the rubric's relation); 86 of 51 households on 低保 (the data's own).
    found = check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {care: 是}
        figures:
          tekun_dispersed: 461
          care_agreements: 474
          migrant_households: 51
          migrant_dibao_households: 86
        relations:
          - kind: subset
            id: migrant-dibao-households
            title: 劳务移民纳入低保户数不超过劳务移民常住户数
            part: migrant_dibao_households
            whole: migrant_households
        """,
        RUBRIC,
        "subset-exceeded",
        (6, 3),
        (8, 3),
    )
    by = {f.subject: f for f in found}
    assert by["care-agreements"].values == {"stated": "474", "expected": "461", "node": "c11"}
    assert "签订委托照料协议数474份，超过分散供养特困人员461人" in by["care-agreements"].message
    assert by["migrant-dibao-households"].values == {"stated": "86", "expected": "51", "node": ""}
    assert all(f.severity is Severity.ERROR for f in found)


def test_a_part_equal_to_its_whole() -> None:
    check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {care: 是}
        figures: {tekun_dispersed: 461, care_agreements: 461}
        """,
        RUBRIC,
        "subset-exceeded",
    )
