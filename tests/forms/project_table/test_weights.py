"""A table's own 分值 are used when they add up to the total; each departure from the national
weights is a warning naming both; the national weights cap only a table whose own do not add up."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from helpers import write_yaml
from selfeval.cli import app
from selfeval.inputs import Library
from selfeval.pipeline import evaluate

# 泗县 2021, 医疗救助资金: the province weights 满意度 at 20 and 产出 at 40 (a table of our own).
OWN: dict[str, Any] = {
    "subject": {"name": "泗县", "year": 2021},
    "rubric": {"id": "caiyu-2020-project", "version": "2020.1"},
    "project": {"name": "医疗救助资金", "department": "泗县医疗保障局"},
    "funding": {"budget": "1530", "spent": "1530", "points": 10},
    "indicators": [
        {
            "level": "产出指标（40分）",
            "category": "数量指标",
            "name": "资助参保人数",
            "target": "≥23100人",
            "actual": "23180人",
            "points": 25,
        },
        {
            "level": "产出指标（40分）",
            "category": "时效指标",
            "name": "救助资金及时拨付率",
            "target": "100%",
            "actual": "100%",
            "points": 15,
        },
        {
            "level": "效益指标（30分）",
            "category": "社会效益指标",
            "name": "因病致贫返贫情况",
            "target": "有效遏制",
            "actual": "有效遏制",
            "points": 30,
            "judgement": {"tier": "达成", "points": 30, "reason": "全年无因病返贫"},
        },
        {
            "level": "满意度指标（20分）",
            "category": "服务对象满意度指标",
            "name": "救助对象满意度",
            "target": "≥90%",
            "actual": "94%",
            "points": 20,
        },
    ],
}


def test_the_tables_own_points_are_scored_with_a_warning_per_departure(tmp_path: Path, runner: Any) -> None:
    path = write_yaml(tmp_path / "泗县.yaml", OWN)
    result = evaluate(path, Library()).result
    nodes = result.by_id()
    assert (nodes["output"].max, nodes["satisfaction"].max, nodes["satisfaction"].score) == (40, 20, 20)
    assert result.total == 100  # 满意度 counts 20, not capped at 10
    found = json.loads(runner.invoke(app, ["audit", str(path), "-f", "json"]).stdout)["findings"]
    weights = sorted(
        (f["subject"], f["severity"], f["values"]["stated"], f["values"]["expected"])
        for f in found
        if f["code"] == "table-weights"
    )
    assert weights == [("output", "warning", "40", "50"), ("satisfaction", "warning", "20", "10")]
    assert any("满意度指标的分值为20分，与全国通用权重10分不同" in f["message"] for f in found)


def test_own_points_that_do_not_add_up_are_capped_by_the_national_weights(tmp_path: Path) -> None:
    data = copy.deepcopy(OWN)
    data["indicators"][3]["points"] = 25  # 10 + 40 + 30 + 25 = 105
    data["indicators"][3]["level"] = "满意度指标"
    result = evaluate(write_yaml(tmp_path / "t.yaml", data), Library()).result
    nodes = result.by_id()
    assert (nodes["satisfaction"].max, nodes["satisfaction"].score, nodes["output"].max) == (10, 10, 50)
    codes = {
        (f.subject, f.severity.value)
        for f in evaluate(tmp_path / "t.yaml", Library()).findings
        if f.code == "table-weights"
    }
    assert codes == {("output", "error"), ("satisfaction", "error")}


def test_a_level_cell_its_rows_contradict_is_an_error(tmp_path: Path) -> None:
    data = copy.deepcopy(OWN)
    for row in data["indicators"][:2]:
        row["level"] = "产出指标（45分）"  # the rows add up to 40
    found = [
        f for f in evaluate(write_yaml(tmp_path / "t.yaml", data), Library()).findings if f.code == "table-weights"
    ]
    assert ("output", "error") in {(f.subject, f.severity.value) for f in found}
    assert any("表中写产出指标为45分，但其下各行分值合计40分" in f.message for f in found)


def test_the_newer_forms_cost_level_takes_its_weight_from_output(tmp_path: Path, runner: Any) -> None:
    data = copy.deepcopy(OWN)
    data["indicators"][1].update(
        level="成本指标（10分）",
        category="经济成本指标",
        name="人均救助成本",
        target="≤660元",
        actual="640元",
        points=10,
    )
    for r in data["indicators"][:1]:
        r["level"] = "产出指标（30分）"
    data["indicators"][0]["points"] = 30
    result = evaluate(write_yaml(tmp_path / "t.yaml", data), Library())
    nodes = result.result.by_id()
    assert (nodes["output"].max, nodes["cost"].max) == (30, 10)
    weights = {
        (f.subject, f.values["stated"], f.values["expected"]) for f in result.findings if f.code == "table-weights"
    }
    assert weights == {("output", "30", "40"), ("satisfaction", "20", "10")}  # 成本 10 is the form's own
