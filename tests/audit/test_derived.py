"""derived-mismatch: a stated per-capita amount, rate or share that its base figures do not reproduce."""

from __future__ import annotations

from collections.abc import Callable

from helpers import check, leaf, mini_rubric
from selfeval.problems import Problem, Severity

Small = Callable[..., list[Problem]]

# 第8项 临时救助: 538.5万元 for 3118 people is 1727.07 元 each; 第11项: agreements over dispersed persons.
RUBRIC = mini_rubric(
    [
        {
            "id": "s1",
            "number": "二",
            "title": "临时救助",
            "points": 2,
            "children": [
                leaf("c08", 1, {"kind": "fact", "fact": "aid"}, number="8", title="临时救助水平"),
                leaf("c11", 1, {"kind": "fact", "fact": "care"}, number="11", title="委托照料"),
            ],
        }
    ],
    facts={"aid": "按规定实施临时救助", "care": "签订委托照料协议"},
    figures={
        "temp_aid_persons": {"title": "临时救助人数", "unit": "人"},
        "temp_aid_funds": {"title": "全年支付临时救助资金", "unit": "万元"},
        "temp_aid_pc": {"title": "临时救助人均救助水平（报告所述）", "unit": "元"},
        "tekun_dispersed": {"title": "分散供养特困人员", "unit": "人"},
        "care_agreements": {"title": "签订委托照料协议数", "unit": "份"},
        "care_agreement_rate": {"title": "委托照料协议签订率", "unit": "%"},
    },
    relations=[
        {
            "kind": "derived",
            "id": "temp-aid-pc",
            "title": "人均救助 = 临时救助资金 ÷ 救助人数",
            "figure": "temp_aid_pc",
            "expr": "temp_aid_funds * 10000 / temp_aid_persons",
            "node": "c08",
        },
        {
            "kind": "derived",
            "id": "care-agreement-rate",
            "title": "签订率 = 协议数 ÷ 分散供养人数",
            "figure": "care_agreement_rate",
            "expr": "care_agreements / tekun_dispersed * 100",
            "tolerance": {"absolute": 0.5},
        },
    ],
)


def test_derived_figure_tolerance(small: Small) -> None:
    ok = small(figures={"funds": 1000, "persons": 3, "pc": "333.5"})  # 333.33, within 0.5%
    assert not [x for x in ok if x.code == "derived-mismatch"]
    bad = small(figures={"funds": 1000, "persons": 3, "pc": 350})
    (d,) = [x for x in bad if x.code == "derived-mismatch"]
    assert d.severity is Severity.ERROR and d.values["stated"] == "350" and d.values["expected"] == "333.33"


def test_placed_at_the_stated_figure() -> None:
    # 1827 元 is 5.8 % off 1727.07; 474 agreements for 461 persons is 102.82 %, not 100 %.
    found = check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {aid: 是, care: 是}
        figures:
          temp_aid_persons: 3118
          temp_aid_funds: 538.5
          temp_aid_pc: 1827
          tekun_dispersed: 461
          care_agreements: 474
          care_agreement_rate: 100
        """,
        RUBRIC,
        "derived-mismatch",
        (7, 3),
        (10, 3),
    )
    by = {f.subject: f for f in found}
    pc, rate = by["temp-aid-pc"], by["care-agreement-rate"]
    assert pc.values == {"stated": "1827", "expected": "1727.07", "node": "c08"}
    assert "临时救助人均救助水平报告为1827元" in pc.message and "相差5.8%" in pc.message
    assert rate.values == {"stated": "100", "expected": "102.82", "node": ""}
    assert "2.82个百分点" in rate.message  # a rate is off by percentage points


def test_figures_that_reproduce_within_tolerance() -> None:
    # 1727 is 0.004 % off 1727.07 (within the default 0.5 %); 100.4 % is within 0.5 points of 100.
    check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        facts: {aid: 是, care: 是}
        figures:
          temp_aid_persons: 3118
          temp_aid_funds: 538.5
          temp_aid_pc: 1727
          tekun_dispersed: 500
          care_agreements: 502
          care_agreement_rate: 100
        """,
        RUBRIC,
        "derived-mismatch",
    )
