"""A table without 分值 (a 区域绩效自评表, a 低保 re-evaluation table): it validates, each row is
scored by whether it was completed, counted per level and overall, and a stated overall score
that cannot follow from the rows is an audit error."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from helpers import write_yaml
from selfeval.cli import app
from selfeval.inputs import Library, check_file
from selfeval.pipeline import evaluate


def row(level: str, category: str, name: str, target: str, actual: str) -> dict[str, str]:
    return {"level": level, "category": category, "name": name, "target": target, "actual": actual}


# 宿州市埇桥区 2021, 困难群众救助补助资金 区域绩效自评表: no 分值 or 得分 column, ten rows, four not met.
NO_POINTS: dict[str, Any] = {
    "subject": {"name": "埇桥区", "year": 2021},
    "rubric": {"id": "caiyu-2020-project", "version": "2020.1"},
    "project": {"name": "困难群众救助补助资金", "department": "宿州市埇桥区民政局"},
    "funding": {"budget": "9876.5", "spent": "9876.5"},
    "indicators": [
        row("产出指标", "数量指标", "城市低保对象人数", "≥3200人", "已完成"),
        row("产出指标", "数量指标", "农村低保对象人数", "≥21000人", "未完成"),
        row("产出指标", "数量指标", "特困人员人数", "≥4100人", "已完成"),
        row("产出指标", "质量指标", "资金社会化发放率", "100%", "完成"),
        row("产出指标", "时效指标", "资金按时发放率", "100%", "未完成"),
        row("产出指标", "成本指标", "农村低保平均补助水平", "≥380元/人·月", "已完成"),
        row("效益指标", "社会效益指标", "困难群众基本生活保障", "有效保障", "未完成"),
        row("效益指标", "社会效益指标", "低保动态管理", "应保尽保", "部分完成"),
        row("满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "未完成"),
        row("满意度指标", "服务对象满意度指标", "社会公众满意度", "≥85%", "已完成"),
    ],
    "total": {"score": 97.4},
}


def test_it_validates_and_scores_each_row_by_completion(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "埇桥区.yaml", NO_POINTS)
    assert [p for p in check_file(path, Library()) if p.severity.value == "error"] == []
    result = evaluate(path, Library()).result
    rows = {r.node.title: r for r in result.walk() if r.id.startswith("r")}
    assert rows["城市低保对象人数"].max == rows["农村低保对象人数"].max == 50 / __import__("decimal").Decimal(6)
    assert rows["城市低保对象人数"].node.assumed and "平均分得" in (rows["城市低保对象人数"].node.note or "")
    assert (rows["城市低保对象人数"].score, rows["农村低保对象人数"].score) == (rows["城市低保对象人数"].max, 0)
    assert rows["救助对象满意度"].score == 0 and rows["社会公众满意度"].score == 5  # 10 shared by two rows
    assert result.total == __import__("decimal").Decimal("48.33")  # 10 + 4 × 50/6 + 5, rounded by the rubric


def test_the_completion_is_counted_per_level_and_overall(tmp_path: Path, runner: Any) -> None:
    path = write_yaml(tmp_path / "埇桥区.yaml", NO_POINTS)
    doc = json.loads(runner.invoke(app, ["score", str(path), "-f", "json"]).stdout)
    s = doc["summary"]
    assert (s["rows"], s["met"], s["partly"], s["unmet"], s["undecided"]) == (10, 5, 1, 4, 0)
    assert [(lv["name"], lv["met"], lv["partly"], lv["unmet"], lv["undecided"]) for lv in s["levels"]] == [
        ("产出指标", 4, 0, 2, 0),
        ("效益指标", 0, 1, 1, 0),
        ("满意度指标", 1, 0, 1, 0),
    ]
    assert [(u["name"], u["state"]) for u in s["unmet_rows"]] == [
        ("农村低保对象人数", "unmet"),
        ("资金按时发放率", "unmet"),
        ("困难群众基本生活保障", "unmet"),
        ("低保动态管理", "partly"),
        ("救助对象满意度", "unmet"),
    ]
    out = runner.invoke(app, ["score", str(path)], env={"COLUMNS": "200"}).stdout
    assert (
        "完成情况：共10项，完成5项，部分完成1项，未完成4项（产出指标6项：完成4、未完成2；效益指标2项：完成0、部分完成1、未完成1；"
        in out
    )
    assert "部分完成：低保动态管理——" in out


def test_a_judged_row_counts_by_its_tier_and_explain_shows_the_words(tmp_path: Path, runner: Any) -> None:
    data = copy.deepcopy(NO_POINTS)
    judged = {
        "困难群众基本生活保障": {"tier": "达成", "reason": "抽查120户，生活均有保障"},
        "低保动态管理": {"tier": "部分达成", "reason": "两个乡镇未按季度复核"},
        "资金按时发放率": {"tier": "未达成", "reason": "第四季度延迟发放"},
    }
    for r in data["indicators"]:
        if r["name"] in judged:
            r["judgement"] = judged[r["name"]]
    data["indicators"].append(row("满意度指标", "服务对象满意度指标", "社区满意度", "≥85%", "未知"))
    path = write_yaml(tmp_path / "埇桥区.yaml", data)
    s = json.loads(runner.invoke(app, ["score", str(path), "-f", "json"]).stdout)["summary"]
    states = {u["name"]: u["state"] for u in s["unmet_rows"]}
    assert "困难群众基本生活保障" not in states  # 达成, the top tier: met
    assert (states["低保动态管理"], states["资金按时发放率"]) == ("partly", "unmet")
    assert (s["met"], s["partly"], s["unmet"], s["undecided"]) == (6, 1, 3, 1)
    shown = runner.invoke(app, ["explain", "r8", str(path)]).stdout
    assert "：“部分达成”：两个乡镇未按季度复核" in shown and "None" not in shown
    del data["indicators"][7]["judgement"]
    shown = runner.invoke(app, ["explain", "r8", str(write_yaml(tmp_path / "b.yaml", data))]).stdout
    assert "（完成情况）（indicators[8].actual，第" in shown and "：部分完成\n" in shown and "0.5" not in shown


def test_a_stated_score_the_rows_cannot_give_is_an_error(tmp_path: Path, runner: Any) -> None:
    path = write_yaml(tmp_path / "埇桥区.yaml", NO_POINTS)
    found = json.loads(runner.invoke(app, ["audit", str(path), "-f", "json"]).stdout)["findings"]
    (total,) = [f for f in found if f["code"] == "claim-differs" and f["subject"] == "total"]
    assert total["severity"] == "error" and total["values"]["stated"] == "97.4"
    _, high = (float(x) for x in total["values"]["expected"].split("–"))
    assert high < 97.4  # 4 of 10 not met: even the undecided rows at full cannot reach it
    plausible = copy.deepcopy(NO_POINTS)
    plausible["total"] = {"score": 55}
    found = json.loads(
        runner.invoke(app, ["audit", str(write_yaml(tmp_path / "p.yaml", plausible)), "-f", "json"]).stdout
    )
    assert [f["severity"] for f in found["findings"] if f["code"] == "claim-differs"] == ["info"]


def test_a_row_whose_points_are_unknown_shares_what_its_level_leaves(tmp_path: Path) -> None:
    data = copy.deepcopy(NO_POINTS)
    for r in data["indicators"]:
        r["points"] = 8
    data["indicators"][0]["points"] = "未知"
    data["funding"]["points"] = 10
    rows = {r.id: r for r in evaluate(write_yaml(tmp_path / "t.yaml", data), Library()).result.walk()}
    assert rows["r1"].max == 50 - 5 * 8 and rows["r1"].node.assumed and not rows["r2"].node.assumed
