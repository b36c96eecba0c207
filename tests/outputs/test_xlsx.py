"""Excel (:mod:`selfeval.outputs.xlsx`): the score as a 评分表, the project table as its sheet, the
findings located; numbers as numbers, text never a formula, the same bytes every time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from helpers import DATA, TABLE_DATA
from selfeval.cli import app


def test_score_as_excel(runner: Any, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "s.xlsx"
    assert runner.invoke(app, ["score", str(DATA), "--format", "xlsx", "--out", str(out)]).exit_code == 0
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:5] == ("编号", "指标", "分值", "得分", "自评")
    by_title = {r[1]: r for r in rows[1:] if r[1]}
    assert by_title["工作保障与管理"][3] == 37 and by_title["工作保障与管理"][4] == 38
    assert by_title["工作保障与管理"][5] == 1  # claimed − computed
    assert by_title["总分"][3] == 104 and isinstance(by_title["总分"][3], (int, float))
    assert ws.freeze_panes == "A2"
    again = tmp_path / "again.xlsx"
    assert runner.invoke(app, ["score", str(DATA), "--out", str(again)]).exit_code == 0
    assert again.read_bytes() == out.read_bytes()


def test_the_score_sheet_shows_the_tree_by_style(runner: Any, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "s.xlsx"
    assert runner.invoke(app, ["score", str(DATA), "--out", str(out)]).exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["评分表"]
    assert book.properties.creator == "selfeval" and book.properties.created == dt.datetime(2000, 1, 1)
    assert book.properties.title == "平罗县 2020 2020年度县（市、区）困难群众救助工作绩效考评指标及评分标准"
    ws = book.active
    cells = {row[0].value: row for row in ws.iter_rows() if row[0].value}
    section, indicator, item = cells["一"], cells["（一）"], cells["1"]
    assert section[1].value == "年度重点工作任务" and indicator[1].value == item[1].value == "社会救助兜底脱贫行动"
    assert section[1].font.b and section[2].font.b and not indicator[1].font.b  # sections in bold
    indents = [r[1].alignment.indent for r in (section, indicator, item)]
    assert indents == [0, 1, 2]  # the tree by indentation
    assert section[3].number_format == "0.##" and section[3].data_type == "n"
    assert [r[1].value for r in list(ws.iter_rows())[-5:]] == ["基本分", "加分", "扣分", "总分", "等次"]
    assert [r[3].value for r in list(ws.iter_rows())[-5:]] == [99, 5, 0, 104, "优"]
    assert ws.auto_filter.ref == "A1:G90"  # the nodes, not the totals under them
    assert ws.column_dimensions["B"].width > ws.column_dimensions["C"].width


def test_findings_as_excel(runner: Any, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "a.xlsx"
    assert runner.invoke(app, ["audit", str(DATA), "--out", str(out)]).exit_code == 1
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["审核发现"] and book.properties.title == "审核发现"
    ws = book.active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("文件", "行", "级别", "代码", "说明", "所述", "核算")
    assert len(rows) == 16 and ws.auto_filter.ref == "A1:G16" and ws.freeze_panes == "A2"
    assert [r[1] for r in rows[1:]] == sorted(r[1] for r in rows[1:])  # in file order
    care = next(r for r in rows if r[3] == "subset-exceeded" and "委托照料" in r[4])
    assert care[0] == str(DATA) and isinstance(care[1], int) and care[2] == "错误"
    lines = DATA.read_text(encoding="utf-8").splitlines()
    assert lines[care[1] - 1].strip() == "care_agreements: 474"
    s2 = next(r for r in rows if r[3] == "claim-differs" and "工作保障与管理" in r[4])
    assert s2[5:] == ("38", "37")  # as stated and as computed: text, as the report writes them


def test_report_excel_has_the_table(runner: Any, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "t.xlsx"
    result = runner.invoke(app, ["report", str(TABLE_DATA), "--out", str(out)])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out).active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert ["产出指标（50分）", "数量指标", "全县参合人数", "8755", "8676", 15, 14.86] == next(
        r[:7] for r in rows if r[2] == "全县参合人数"
    )
    assert ["年度资金总额", "未知", 65.66, 65.07, 10, "99%", 9.91] == next(
        r[:7] for r in rows if r[0] == "年度资金总额"
    )


def test_the_table_sheet_is_laid_out_as_the_printed_form(runner: Any, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "t.xlsx"
    assert runner.invoke(app, ["report", str(TABLE_DATA), "--out", str(out)]).exit_code == 0
    book = openpyxl.load_workbook(out)
    ws = book.active
    title = "稷山县项目支出绩效自评表（2020年度）：建档立卡个人缴费县级配套资金"
    assert ws.title == "自评表" and book.properties.title == title and ws["A1"].value == title
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:H1", "B2:H2", "A12:A15"} <= merged  # the title, 项目名称, 产出指标 over its four rows
    header = next(i for i, r in enumerate(ws.iter_rows(values_only=True), 1) if r[0] == "一级指标")
    assert ws.print_title_rows == f"${header}:${header}"  # the header on every printed page
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9  # A4
    assert ws.cell(header, 1).font.b and ws.cell(header + 1, 6).number_format == "0.##"
    total = next(r for r in ws.iter_rows() if r[0].value == "总分")
    assert (total[5].value, total[6].value, total[6].data_type) == (100, 99.77, "n")
