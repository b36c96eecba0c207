"""A value longer than its format holds (a Word or Excel property, 255 characters; an Excel cell,
32,767) is shortened with a visible mark at its end and a warning: never a crash, never silently."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from helpers import DATA, TABLE_DATA, load_yaml, table, write_yaml
from selfeval.cli import app
from selfeval.i18n import Lang, msg, speaking
from selfeval.messages import MESSAGES
from selfeval.outputs.base import CELL_LIMIT, PROPERTY_LIMIT, Options, fit

MARK = MESSAGES["shortened-mark"][0]
LONG_NAME = "长" * 300


def warnings_in(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if MARK in line]


def test_a_long_county_name_shortens_the_word_keywords(runner: Any, tmp_path: Path) -> None:
    from docx import Document

    data = load_yaml(DATA)
    data["subject"]["name"] = LONG_NAME
    out = tmp_path / "r.docx"
    result = runner.invoke(app, ["report", str(write_yaml(tmp_path / "d.yaml", data)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    keywords = Document(str(out)).core_properties.keywords
    assert len(keywords) == PROPERTY_LIMIT and keywords.endswith(MARK) and LONG_NAME[:100] in keywords
    with zipfile.ZipFile(out) as z:  # as Word reads it
        assert f"{keywords}</cp:keywords>" in z.read("docProps/core.xml").decode("utf-8")
    (warning,) = warnings_in(result.stderr)
    assert "关键词" in warning and "255" in warning


def test_a_long_project_name_shortens_the_table_title_in_word_and_excel(runner: Any, tmp_path: Path) -> None:
    import openpyxl
    from docx import Document

    project = {**load_yaml(TABLE_DATA)["project"], "name": "项" * 300}
    data = table(tmp_path, project=project)
    word, excel = tmp_path / "t.docx", tmp_path / "t.xlsx"
    result = runner.invoke(app, ["report", str(data), "--out", str(word)])
    assert result.exit_code == 0, result.output
    title = Document(str(word)).core_properties.title
    assert len(title) == PROPERTY_LIMIT and title.startswith("稷山县") and title.endswith(MARK)
    assert [w for w in warnings_in(result.stderr) if "标题" in w]
    result = runner.invoke(app, ["report", str(data), "--out", str(excel)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(excel)
    assert len(book.properties.title) == PROPERTY_LIMIT and book.properties.title.endswith(MARK)
    assert book.active["A1"].value == "稷山县项目支出绩效自评表（2020年度）：" + "项" * 300  # a cell holds it whole
    assert any("Excel 文档属性" in w for w in warnings_in(result.stderr))


def test_a_long_county_name_shortens_the_score_workbook_title(runner: Any, tmp_path: Path) -> None:
    import openpyxl

    data = load_yaml(TABLE_DATA)
    data["subject"]["name"] = LONG_NAME
    out = tmp_path / "s.xlsx"
    result = runner.invoke(app, ["score", str(write_yaml(tmp_path / "d.yaml", data)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    title = openpyxl.load_workbook(out).properties.title
    assert len(title) == PROPERTY_LIMIT and title.startswith(LONG_NAME[:200]) and title.endswith(MARK)
    assert len(warnings_in(result.stderr)) == 1


def test_an_excel_cell_holds_at_most_its_limit_and_says_so(runner: Any, tmp_path: Path) -> None:
    import openpyxl

    goals = {**load_yaml(TABLE_DATA)["goals"], "expected": "目" * 40000}
    out = tmp_path / "t.xlsx"
    result = runner.invoke(app, ["report", str(table(tmp_path, goals=goals)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out).active
    (cell,) = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "目目目" in c.value]
    assert len(cell.value) == CELL_LIMIT and cell.value.endswith(MARK) and cell.value.startswith("预期目标：目目")
    (warning,) = warnings_in(result.stderr)
    assert f"自评表!{cell.coordinate}" in warning and "32,767" in warning


def test_a_warning_is_said_even_when_quiet(runner: Any, tmp_path: Path) -> None:
    goals = {**load_yaml(TABLE_DATA)["goals"], "expected": "目" * 40000}
    out = tmp_path / "t.xlsx"
    result = runner.invoke(app, ["-q", "report", str(table(tmp_path, goals=goals)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert len(warnings_in(result.stderr)) == 1 and "已写出" not in result.stderr


def test_fit_counts_as_office_does_and_never_splits_a_character() -> None:
    options = Options()
    what = msg("limit-xlsx-cell", sheet="S", cell="A1")
    assert fit("字" * 20, 20, what, options) == "字" * 20 and not options.notes  # at the limit: whole
    wide = "😀" * 20  # beyond the BMP: two UTF-16 units each, as Excel counts
    short = fit(wide, 20, what, options)
    assert short == "😀" * 7 + MARK  # 14 units and the mark's 6; no half of a pair
    assert len(options.notes) == 1
    with speaking(Lang.EN):
        english = fit("x" * 30, 20, what, options)
        assert english.endswith(MESSAGES["shortened-mark"][1]) and len(english) == 20
        assert options.notes[-1].text() == (
            "the Excel cell S!A1: 30 characters, more than the 20 it holds; shortened, ending in '… (truncated)'"
        )
