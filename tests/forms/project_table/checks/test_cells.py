"""table-cells, and the other cells counties type: 万 in a 元 column, a figure without its unit,
a percentage target for a count, a rate over a zero budget, hebei's 单项得分 / 权重 / 折算得分,
效果指标 and the newer form's 成本指标."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

from helpers import write_yaml
from selfeval.inputs import Library, check_file
from selfeval.pipeline import evaluate

D = Decimal

# 阜城县 2021, 城乡医疗救助资金, laid out as Hebei lays it out (a table of our own).
HEBEI: dict[str, Any] = {
    "subject": {"name": "阜城县", "year": 2021, "province": "河北省"},
    "rubric": {"id": "caiyu-2020-project", "version": "2020.1"},
    "project": {"name": "城乡医疗救助资金", "department": "阜城县医疗保障局"},
    "funding": {"budget": "3359.62万", "spent": "3359.62万", "unit": "元", "points": 10},
    "indicators": [
        {
            "level": "产出指标",
            "category": "数量指标",
            "name": "资助参保人数",
            "target": "≥110000人",
            "actual": "110406人",
            "weight": "30%",
            "item_score": 100,
            "weighted": 30,
        },
        {
            "level": "成本指标",
            "category": "经济成本指标",
            "name": "人均资助标准",
            "target": "≤280元",
            "actual": "280元",
            "weight": "20%",
            "item_score": 100,
            "weighted": 20,
        },
        {
            "level": "效果指标",
            "category": "社会效果指标",
            "name": "困难群众医疗负担减轻",
            "target": "有效减轻",
            "actual": "有效减轻",
            "weight": "30%",
            "item_score": 90,
            "weighted": 27,
            "judgement": {"tier": "达成", "points": 27, "reason": "政策范围内住院费用报销比例提高5个百分点"},
        },
        {
            "level": "满意度指标",
            "category": "满意度指标",
            "name": "救助对象满意度",
            "target": "≥90%",
            "actual": "93%",
            "weight": "10%",
            "item_score": 100,
            "weighted": 10,
        },
    ],
}


def run(tmp_path: Path, data: dict[str, Any], name: str = "t.yaml") -> Any:
    return evaluate(write_yaml(tmp_path / name, data), Library())


def test_hebeis_table_reads_its_levels_weights_and_amounts(tmp_path: Path) -> None:
    ev = run(tmp_path, HEBEI)
    nodes = ev.result.by_id()
    assert (nodes["r1"].max, nodes["r2"].max, nodes["r3"].max, nodes["r4"].max) == (30, 20, 30, 10)
    assert nodes["output"].children == [nodes["r1"]] and nodes["cost"].children == [nodes["r2"]]  # the newer form
    assert nodes["outcome"].children == [nodes["r3"]]  # 效果指标 is 效益指标
    assert nodes["r1"].claimed == 30 and ev.result.total == 97
    assert ev.result.context.value("funding_budget") == D("3359.62")  # 3359.62万 (元) in the rubric's 万元
    assert [f for f in ev.findings if f.code == "table-cells"] == []
    weights = {f.subject: f.severity.value for f in ev.findings if f.code == "table-weights"}
    assert weights == {"output": "warning", "cost": "warning"}  # 30 and 20 against the form's 40 and 10


def test_a_weighted_score_is_checked_and_the_weight_applied_twice_named(tmp_path: Path) -> None:
    data = copy.deepcopy(HEBEI)
    data["indicators"][3]["weighted"] = 1  # 100 × 10% × 10%
    data["indicators"][0]["weighted"] = 28  # 100 × 30% is 30
    found = {f.subject: f for f in run(tmp_path, data).findings if f.code == "table-cells"}
    assert found["r4"].severity.value == "error" and "乘了两次权重10%" in found["r4"].message
    assert found["r1"].values == {"stated": "28", "expected": "30"} and "乘了两次" not in found["r1"].message


def test_a_figure_without_the_unit_its_row_has_is_a_warning(tmp_path: Path) -> None:
    data = copy.deepcopy(HEBEI)
    data["indicators"][0]["actual"] = "110406"
    path = write_yaml(tmp_path / "t.yaml", data)
    (f,) = [f for f in evaluate(path, Library()).findings if f.code == "table-cells"]
    assert f.severity.value == "warning" and "“110406”未写单位，按同一行的单位“人”计" in f.message
    assert path.read_text(encoding="utf-8").splitlines()[f.line - 1].strip().startswith("actual:")


def test_a_plain_number_under_a_target_in_wan_is_read_as_itself_and_said(tmp_path: Path) -> None:
    data = copy.deepcopy(HEBEI)
    data["indicators"][0].update(target="≥11万", actual="110406")  # 110406万 would be 10,000 times 11万
    ev = run(tmp_path, data)
    (f,) = [f for f in ev.findings if f.code == "table-cells"]
    assert "按110406本身计" in f.message and f.values == {"stated": "110406", "expected": "110406"}
    assert ev.result.context.value("r1_actual") == D("11.0406")  # in the target's 万


def test_a_percentage_target_for_a_count_is_a_warning(tmp_path: Path) -> None:
    data = copy.deepcopy(HEBEI)
    data["indicators"][0].update(target="100%", actual="98%")  # 资助参保人数, a 数量指标, as percentages
    (f,) = [f for f in run(tmp_path, data).findings if f.code == "table-cells"]
    assert "是数量指标（实际完成98%），年度指标值却写成百分比“100%”" in f.message
    data["indicators"][0].update(target="100%", actual="110406人")  # units of two kinds: refused at loading
    problems = check_file(write_yaml(tmp_path / "u.yaml", data), Library())
    assert [p.code for p in problems] == ["unit"]


def test_a_rate_over_a_zero_budget_is_refused(tmp_path: Path) -> None:
    data = copy.deepcopy(HEBEI)
    data["funding"] = {"budget": 0, "spent": 0, "rate": "100%", "points": 10}
    ev = run(tmp_path, data)
    (f,) = [f for f in ev.findings if f.code == "table-cells"]
    assert f.severity.value == "error" and "执行率无法计算，表中却写100%" in f.message
    assert ev.result.by_id()["funding"].score == 0 and "除数为0" in ev.result.by_id()["funding"].explanation


def test_every_spelling_still_validates(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "t.yaml", HEBEI)
    assert [p for p in check_file(path, Library()) if p.severity.value == "error"] == []


def test_more_spent_than_budgeted_is_a_warning_in_either_unit(tmp_path: Path) -> None:
    data = copy.deepcopy(HEBEI)
    data["funding"] = {"budget": "3359.62万", "spent": "3412万", "unit": "元", "points": 10}
    ev = run(tmp_path, data)
    (f,) = [f for f in ev.findings if f.code == "table-cells"]
    assert f.severity.value == "warning" and "全年执行数3412万大于全年预算数3359.62万" in f.message  # as written
    assert ev.result.by_id()["funding"].score == 10  # the rate is capped at 100%, as the message says
    data["funding"]["spent"] = "3359.62万"
    assert not [f for f in run(tmp_path, data, "b.yaml").findings if f.code == "table-cells"]


def test_a_weight_and_points_that_disagree_on_one_row(tmp_path: Path) -> None:
    data = copy.deepcopy(HEBEI)
    data["indicators"][0] |= {"points": 25, "item_score": 80, "weighted": 24}  # 权重 30% says 30
    path = write_yaml(tmp_path / "t.yaml", data)
    ev = evaluate(path, Library())
    (f,) = [f for f in ev.findings if f.code == "table-cells"]
    assert "资助参保人数权重占比30%即30分，表中分值却写25分；按分值25分计" in f.message
    assert ev.result.by_id()["r1"].max == 25
    assert path.read_text(encoding="utf-8").splitlines()[f.line - 1].strip().startswith("points:")
