"""A project table to fill in (:mod:`selfeval.forms.project_table.skeleton`): blank from the rubric,
a row per 一级指标, or next year's started from this year's rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from helpers import TABLE_DATA, evaluate_file
from selfeval.cli import app
from selfeval.forms import FORMS
from selfeval.forms.project_table.skeleton import skeleton
from selfeval.inputs import Library, check_file


def run(runner: Any, *args: str) -> Any:
    return runner.invoke(app, list(args))


def test_init_a_blank_table_by_the_rubric_id(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    result = run(runner, "init", str(out), "--rubric", "caiyu-2020-project", "--name", "某县", "--year", "2021")
    assert result.exit_code == 0, result.output
    checked = run(runner, "validate", str(out))
    assert checked.exit_code == 0, checked.output
    assert "indicators[1].target（年度指标值） 待填" in checked.stdout + checked.stderr


def test_a_blank_table_has_a_row_per_level_and_validates(tmp_path: Path) -> None:
    rubric = evaluate_file(TABLE_DATA).rubric.rubric
    text = skeleton(rubric, "某县", 2021)
    assert FORMS["project_table"].skeleton(rubric, "某县", 2021) == text
    data = yaml.safe_load(text)
    assert data["subject"] == {"name": "某县", "year": 2021}
    assert data["rubric"] == {"id": "caiyu-2020-project", "version": "2020.1"}
    assert data["project"] == {"name": None, "department": None, "unit": None}
    assert data["funding"] == {"initial": None, "budget": None, "spent": None, "rate": None, "points": 10}
    rows = data["indicators"]
    assert [(r["level"], r["points"]) for r in rows] == [
        ("产出指标（50分）", 50),
        ("效益指标（30分）", 30),
        ("满意度指标（10分）", 10),
    ]
    assert all(r[k] is None for r in rows for k in ("category", "name", "target", "actual"))
    assert data["total"] == {"points": 100}
    path = tmp_path / "blank.yaml"
    path.write_text(text, encoding="utf-8")
    problems = check_file(path, Library())
    assert problems and all(p.code == "to-fill" for p in problems)  # nothing wrong, only left to fill
    lines = text.splitlines()
    assert {lines[p.line - 1].split(":")[0].strip().lstrip("- ") for p in problems} == {
        "name",
        "budget",
        "spent",
        "category",
        "target",
        "actual",
    }


def test_next_year_keeps_the_project_and_its_rows_but_no_result() -> None:
    ev = evaluate_file(TABLE_DATA)
    text = skeleton(ev.rubric.rubric, "稷山县", 2021, ev.result.data)
    data = yaml.safe_load(text)
    assert data["project"] == {
        "name": "建档立卡个人缴费县级配套资金",
        "department": "稷山县医疗保障局",
        "unit": "稷山县医疗保险服务中心",
    }
    assert data["goals"] == {"expected": "提高医疗保障水平,推进因病致贫问题的根本性解决", "achieved": None}
    rows = data["indicators"]
    assert [(r["name"], r["target"], r["points"]) for r in rows][:2] == [
        ("全县参合人数", "8755", 15),
        ("资金是否全部纳入医保统筹", "100%", 15),
    ]
    assert all(r["actual"] is None and "score" not in r for r in rows)  # this year's results to enter
    assert "    actual: ~    # 实际完成值；去年 8676" in text.splitlines()
    assert all(v is None for k, v in data["funding"].items() if k != "points")
    assert "score" not in data["total"]
