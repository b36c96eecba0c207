"""Cells as counties type them: every spelling of a comparator read as meant, directions and
states read as such, and a cell with a number that cannot be read refused at its line."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from helpers import write_yaml
from selfeval.errors import InvalidValue
from selfeval.forms.project_table.cells import read_cell
from selfeval.inputs import Library, check_file
from selfeval.pipeline import evaluate

D = Decimal

# 萧县 2021, 临时救助资金 (a table of our own): 救助人次 against a target, the row the tests vary.
BASE: dict[str, Any] = {
    "subject": {"name": "萧县", "year": 2021},
    "rubric": {"id": "caiyu-2020-project", "version": "2020.1"},
    "project": {"name": "临时救助资金", "department": "萧县民政局"},
    "funding": {"budget": "812", "spent": "812", "points": 10},
    "indicators": [
        {
            "level": "产出指标",
            "category": "数量指标",
            "name": "临时救助人次",
            "target": "≥1200人次",
            "actual": "1150人次",
            "points": 50,
        },
        {
            "level": "效益指标",
            "category": "社会效益指标",
            "name": "救助对象基本生活得到保障",
            "target": "有效保障",
            "actual": "有效保障",
            "points": 30,
        },
        {
            "level": "满意度指标",
            "category": "服务对象满意度指标",
            "name": "救助对象满意度",
            "target": "≥90%",
            "actual": "96%",
            "points": 10,
        },
    ],
}


def scored(tmp_path: Path, name: str = "t.yaml", **row: Any) -> Any:
    data = copy.deepcopy(BASE)
    data["indicators"][0].update(row)
    return evaluate(write_yaml(tmp_path / name, data), Library()).result.by_id()["r1"]


AT_LEAST = [
    "≥1200人次",
    "≧1200人次",
    ">=1200人次",
    "≥ 1200 人次",
    "＞＝１２００人次",
    "不低于1200人次",
    "不少于1200人次",
    "1200人次以上",
    "1200人次（含）以上",
    "达到1200人次",
    "大于等于1200人次",
    ">1200人次",
    "达到1200人次以上",
    "≥1200人次（含）",
    "1200人次以上(含)",
    "≥1200人次。",
    "≥1200人次（省定标准）",
    "不少于1200人次；",
]


@pytest.mark.parametrize("target", AT_LEAST)
def test_every_spelling_of_at_least_scores_the_same(tmp_path: Path, target: str) -> None:
    r = scored(tmp_path, target=target)
    assert (r.rounded, r.node.rule.comparator) == (D("47.92"), ">=")  # 50 × 1150 ÷ 1200  # type: ignore[union-attr]
    assert not r.node.assumed  # the comparator is the table's own, not the rubric's default


AT_MOST = [
    "≤5300元/户",
    "≦5300元/户",
    "<=5300元/户",
    "不高于5300元/户",
    "不超过5300元/户",
    "5300元/户以内",
    "5300元/户以下",
    "＜５３００元/户",
    "控制在5300元/户以内",
    "5300元/户（含）以内",
]


@pytest.mark.parametrize("target", AT_MOST)
def test_every_spelling_of_at_most_scores_the_same(tmp_path: Path, target: str) -> None:
    r = scored(tmp_path, target=target, actual="5600元/户")
    assert (r.node.rule.comparator, r.rounded) == ("<=", D("47.32"))  # 50 × 5300 ÷ 5600  # type: ignore[union-attr]


@pytest.mark.parametrize("target", ["=100%", "═100%", "＝100%", "==100%", "等于100%"])
def test_every_spelling_of_equal_scores_the_same(tmp_path: Path, target: str) -> None:
    r = scored(tmp_path, target=target, actual="100%")
    assert (r.node.rule.comparator, r.score) == ("=", D(50))  # type: ignore[union-attr]


@pytest.mark.parametrize("target", ["提高", "=提高", "持续提高", "有所提升", "逐步改善", "稳步提升", "有所下降"])
def test_a_direction_is_judged_with_its_own_words(tmp_path: Path, target: str) -> None:
    r = scored(tmp_path, target=target, actual="较上年提高")
    assert r.node.rule.kind == "tiers" and (r.score, r.top) == (0, 50)  # type: ignore[union-attr]
    assert f"年度指标值为“{target}”" in (r.node.note or "") and "评定完成档次" in (r.node.note or "")


def test_states_are_values_not_missing_data(tmp_path: Path) -> None:
    met, unmet, partly = (scored(tmp_path, f"{s}.yaml", actual=s) for s in ("已完成", "未完成", "部分完成"))
    assert (met.score, met.ranged, met.missing) == (50, False, [])
    assert (unmet.score, unmet.ranged) == (0, False) and "未给实际数值" in unmet.explanation
    assert (partly.score, partly.top) == (0, 50) and partly.decide == ["“临时救助人次（完成情况）”的实际数值"]
    assert scored(tmp_path, "done.yaml", actual="完成").score == 50
    assert scored(tmp_path, "reached.yaml", actual="未达到").score == 0


@pytest.mark.parametrize("target", ["≥很多", "≥1200人次，另有200户", "1,20,0人次", "≥", "约1200人次以上几"])
def test_an_unreadable_target_is_an_error_at_its_cell(tmp_path: Path, target: str) -> None:
    data = copy.deepcopy(BASE)
    data["indicators"][0]["target"] = target
    path = write_yaml(tmp_path / "bad.yaml", data)
    (p,) = check_file(path, Library())
    assert p.code == "schema" and "读不出" in p.message and target in p.message
    assert path.read_text(encoding="utf-8").splitlines()[p.line - 1].strip().startswith("target:")


def test_words_with_dates_are_words_and_a_bare_number_is_a_number() -> None:
    assert read_cell("2021年12月底前完成") == {"text": "2021年12月底前完成"}
    assert read_cell("第一季度完成") == {"text": "第一季度完成"}
    assert read_cell("95%") == {"text": "95%", "comparator": None, "value": D(95), "unit": "%"}
    assert read_cell(1200)["value"] == 1200
    assert read_cell("已完成", actual=True) == {"text": "已完成", "status": "met"}
    assert read_cell("已完成") == {"text": "已完成"}  # a target that says 已完成 is words, judged
    with pytest.raises(InvalidValue):
        read_cell("≧九十五%")


@pytest.mark.parametrize("target", ["3日内", "3日以内", "3天内", "≤3日", "不超过3个工作日"])
def test_a_time_limit_is_at_most_and_not_a_date(target: str) -> None:
    cell = read_cell(target)
    assert (cell["comparator"], cell["value"]) == ("<=", 3)


def test_what_surrounds_a_reading_is_set_aside_and_a_bracketed_unit_is_read() -> None:
    assert read_cell("≥500（万元）")["unit"] == "万元"  # brackets after a bare number: its unit
    assert read_cell("≥95%（2020年为93%）")["value"] == 95  # a remark, even one with numbers
    assert read_cell("2021年内") == {"text": "2021年内"}  # a year, not at most 2021
    with pytest.raises(InvalidValue):  # two comparators that disagree
        read_cell("不低于5%以内")


@pytest.mark.parametrize("actual", ["良好", "八十五%", "基本满意"])
def test_words_where_the_target_is_a_quantity_are_refused_at_the_cell(tmp_path: Path, actual: str) -> None:
    data = copy.deepcopy(BASE)
    data["indicators"][0]["actual"] = actual
    path = write_yaml(tmp_path / "bad.yaml", data)
    (p,) = check_file(path, Library())
    assert f"实际完成值“{actual}”读不出数" in p.message and "≥1200人次" in p.message
    assert path.read_text(encoding="utf-8").splitlines()[p.line - 1].strip().startswith("actual:")


def test_more_ways_of_saying_done_and_not_done(tmp_path: Path) -> None:
    assert scored(tmp_path, "a.yaml", actual="按时完成").score == 50
    assert scored(tmp_path, "b.yaml", actual="已完成。").score == 50
    assert scored(tmp_path, "c.yaml", actual="未按期完成").score == 0


def test_an_assessors_judgement_decides_a_row_written_as_a_state_or_unknown(tmp_path: Path) -> None:
    judged = {"tier": "部分达成", "points": 35, "reason": "抽查3个乡镇，部分人次未录入系统"}
    for name, actual in (("partly.yaml", "部分完成"), ("unknown.yaml", "未知")):
        r = scored(tmp_path, name, actual=actual, judgement=judged)
        assert (r.node.rule.kind, r.score, r.ranged) == ("tiers", 35, False), name  # type: ignore[union-attr]


def test_a_claim_or_weight_the_source_does_not_show_is_not_stated(tmp_path: Path) -> None:
    data = copy.deepcopy(BASE)
    data["funding"] |= {"points": "未知", "score": "未知"}
    data["indicators"][0] |= {"score": "未知", "weight": "未知", "item_score": "?", "weighted": "不详"}
    data["total"] = {"points": "未知", "score": "未知"}
    ev = evaluate(write_yaml(tmp_path / "t.yaml", data), Library())
    assert not ev.result.data.claims and ev.result.by_id()["funding"].max == 10  # the rubric's weight


def test_a_number_yaml_reads_as_a_tiny_decimal_or_infinity() -> None:
    from decimal import Decimal

    from selfeval.errors import InvalidValue
    from selfeval.forms.project_table.cells import read_cell

    assert read_cell(Decimal("5E-7"))["value"] == Decimal("5E-7")
    assert read_cell(Decimal("5E-7"))["text"] == "0.0000005"
    for bad in (Decimal("Infinity"), Decimal("-Infinity"), Decimal("NaN")):
        with pytest.raises(InvalidValue):
            read_cell(bad, actual=True)
