"""The project table's view model (:mod:`selfeval.forms.project_table.view`): the table itself as
frozen records, each a name the bundled templates use, and the same table as a spreadsheet's rows."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOT, TABLE_DATA, assert_names_exist, evaluate_file, load_yaml, write_yaml
from selfeval.choices import Scores
from selfeval.cli import app
from selfeval.forms import FORMS, ReportOptions
from selfeval.forms.project_table.view import HEADER, TableView, sheet
from selfeval.inputs import Library
from selfeval.outputs import template
from selfeval.outputs.docx import word_text
from selfeval.outputs.markdown import md_escape
from selfeval.pipeline import evaluate
from selfeval.review import load_ledger

FORM = FORMS["project_table"]
OPTIONS = [
    ReportOptions(),
    ReportOptions(with_audit=True),
    ReportOptions(scores=Scores.CLAIMED),
    ReportOptions(with_audit=True, scores=Scores.CLAIMED),
]


def jishan() -> dict[str, Any]:
    return load_yaml(TABLE_DATA)


def view_of(ev: Any, options: ReportOptions | None = None) -> TableView:
    view = FORM.view_model(ev.result, ev.findings, ev.provenance, options or ReportOptions())
    assert isinstance(view, TableView)
    return view


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """稷山 with a reviewer's adjustment, so that every part of the view has something in it."""
    folder = tmp_path_factory.mktemp("review")
    entry = {"county": "稷山县", "year": 2020, "node": "全县参合人数", "score": 14, "reason": "按人数复核"}
    ledger = write_yaml(folder / "REVIEW.yaml", {"reviewer": "财政厅", "date": "2021-03-10", "adjustments": [entry]})
    return evaluate(TABLE_DATA, Library(), load_ledger(ledger))


# ----------------------------------------------------------------------------- the templates' names


@pytest.mark.parametrize("kind", ["markdown", "docx"])
def test_each_name_the_bundled_templates_use_is_on_the_view(reviewed: Any, kind: str) -> None:
    source = (ROOT / "templates" / FORM.templates[kind]).read_text(encoding="utf-8")
    extra = frozenset({"tab"} if kind == "docx" else ())
    assert assert_names_exist(source, view_of(reviewed), extra) > 40  # the template was read


@pytest.mark.parametrize(
    "source",
    ["{{ nope }}", "{{ funding.rat }}", "{{ total.points.x }}", "{% for l in levels %}{{ l.rows.nam }}{% endfor %}"],
)
def test_a_name_the_view_lacks_is_caught(source: str) -> None:
    view = view_of(evaluate_file(TABLE_DATA))
    assert assert_names_exist("{{ total.score }}{% for l in levels %}{{ l.name }}{% endfor %}", view) == 2
    with pytest.raises(AssertionError):
        assert_names_exist(source, view)


@pytest.mark.parametrize("options", OPTIONS, ids=["computed", "audit", "claimed", "claimed-audit"])
def test_the_bundled_templates_render_every_view(reviewed: Any, options: ReportOptions) -> None:
    view = view_of(reviewed, options)
    md = ROOT / "templates" / FORM.templates["markdown"]
    text = template.render(md.read_text(encoding="utf-8"), str(md), template.each_string(md_escape, view))
    assert "| 全县参合人数 | 14 | 按人数复核 | 财政厅 |" not in text  # the appendix has its own columns
    assert "| 全县参合人数 | 14.86 | 14 | 按人数复核 | 财政厅 | 2021-03-10 |  |" in text
    assert ("## 附录：审核发现" in text) is options.with_audit
    assert ("评定等级：优。" in text) is (options.scores is Scores.COMPUTED)
    docx = ROOT / "templates" / FORM.templates["docx"]
    context = {**template.each_string(word_text, view), "tab": "\t"}
    lines = template.render(docx.read_text(encoding="utf-8"), str(docx), context).splitlines()
    assert lines and all(line.startswith("@") for line in lines if line.strip())


def test_a_table_without_budget_lines_renders_its_total_line(tmp_path: Path) -> None:
    data = jishan()
    del data["funding"]["lines"]
    ev = evaluate_file(write_yaml(tmp_path / "t.yaml", data))
    view = view_of(ev)
    md = ROOT / "templates" / FORM.templates["markdown"]
    text = template.render(md.read_text(encoding="utf-8"), str(md), template.each_string(md_escape, view))
    assert "| 年度资金总额 | 未知 | 65.66 | 65.07 | 10 | 99% | 9.91 |" in text.splitlines()
    assert sheet(view).before[3] == ["年度资金总额", "未知", 65.66, 65.07, 10.0, "99%", 9.91]


# ----------------------------------------------------------------------------- the view itself


def test_the_view_is_frozen_records_of_the_table_as_written() -> None:
    view = view_of(evaluate_file(TABLE_DATA))
    assert dataclasses.is_dataclass(view) and type(view).__dataclass_params__.frozen  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.total = view.total  # type: ignore[misc]
    assert [(lv.name, lv.points, lv.score, len(lv.rows)) for lv in view.levels] == [
        ("产出指标", "50", "49.86", 4),
        ("效益指标", "30", "30", 1),
        ("满意度指标", "10", "10", 1),
    ]
    r1 = view.levels[0].rows[0]
    assert (r1.target, r1.actual, r1.points, r1.score, r1.computed, r1.claimed) == (
        "8755",
        "8676",
        "15",
        "14.86",
        "14.86",
        "13",
    )
    assert not r1.met and view.levels[0].rows[1].met
    f = view.funding
    assert (f.initial, f.budget, f.spent, f.rate, f.rate_computed, f.score) == (
        "未知",
        "65.66",
        "65.07",
        "99%",
        "99.1%",
        "9.91",
    )
    assert (view.total.points, view.total.score, view.total.grade) == ("100", "99.77", "优")
    assert view.project.name == "建档立卡个人缴费县级配套资金" and view.rubric.id == "caiyu-2020-project"


def test_a_range_and_what_is_left_to_fill_are_shown(tmp_path: Path) -> None:
    data = jishan()
    data["indicators"][0]["actual"] = "未知"
    data["indicators"][1]["actual"] = None
    data["indicators"][2]["reason"] = "第一行\n  第二行"
    view = view_of(evaluate_file(write_yaml(tmp_path / "t.yaml", data)))
    r1, r2, r3 = view.levels[0].rows[:3]
    assert (r1.actual, r1.score) == ("未知", "0–15")  # a range, never a silent zero
    assert r2.actual == "待填"
    assert r3.reason == "第一行 第二行"  # one cell, one line
    assert view.total.score.count("–") == 1


def test_sheet_is_the_table_with_numbers_as_numbers() -> None:
    got = sheet(view_of(evaluate_file(TABLE_DATA)))
    assert got.header == HEADER and len(got.header) == 8
    assert got.before[0] == ["项目名称", "建档立卡个人缴费县级配套资金"]
    assert got.before[3] == ["年度资金总额", "未知", 65.66, 65.07, 10.0, "99%", 9.91]
    assert got.before[4][4:] == ["—", "99%", "—"]  # later budget lines as written
    assert got.rows[0] == ["产出指标（50分）", "数量指标", "全县参合人数", "8755", "8676", 15.0, 14.86, got.rows[0][7]]
    assert [r[0] for r in got.rows] == [
        "产出指标（50分）",
        "",
        "",
        "",
        "效益指标（30分）",
        "满意度指标（10分）",
        "总分",
    ]
    assert got.rows[-1] == ["总分", "", "", "", "", 100.0, 99.77, ""]


# ----------------------------------------------------------------------------- the report


def test_report_markdown_is_the_table(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "t.md"
    result = runner.invoke(app, ["report", str(TABLE_DATA), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "| 全县参合人数 | 8755 | 8676 | 15 | 14.86 | 建档立卡中有新增死亡人员,导致有偏差 |" in text
    assert "| 年度资金总额 | 未知 | 65.66 | 65.07 | 10 | 99% | 9.91 |" in text
    assert "| 总分 | | | | | 100 | 99.77 | |" in text
    assert "自评报告" not in text and "现将自评情况报告如下" not in text  # not the narrative wording


def test_report_claimed_scores_are_the_countys(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "t.md"
    assert runner.invoke(app, ["report", str(TABLE_DATA), "--scores", "claimed", "--out", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "| 8755 | 8676 | 15 | 13 |" in text and "| 100 | 94 |" in text
