"""Excel (:mod:`selfeval.outputs.xlsx`): the score as a 评分表 an office prints (title, county, year,
date, A4 landscape one page wide, the header on every page), the project table as the printed form,
the findings located; numbers as numbers that never show a bare point, text never a formula, row
heights that hold their wrapped text, the same bytes every time."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, TABLE_DATA, load_yaml, table, write_yaml
from selfeval.cli import app
from selfeval.outputs.xlsx import LINE_POINTS, lines_in, row_height, spans, work_of

TITLE = "平罗县2020年度困难群众救助工作绩效自评评分表"


def _book(runner: Any, tmp_path: Path, *args: str, name: str = "s.xlsx", code: int = 0) -> Any:
    import openpyxl

    out = tmp_path / name
    result = runner.invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == code, result.output
    return openpyxl.load_workbook(out)


def _fit(ws: Any) -> tuple[bool, int, int]:
    """Fit to page on, pages wide, pages tall (0: as many as it takes); 1 is the file's default for both."""
    setup = ws.page_setup
    return bool(ws.sheet_properties.pageSetUpPr.fitToPage), setup.fitToWidth or 1, setup.fitToHeight


def _row_of(ws: Any, first: str) -> int:
    return next(i for i, r in enumerate(ws.iter_rows(values_only=True), 1) if r[0] == first)


# ----------------------------------------------------------------------------- the 评分表


def test_score_as_excel(runner: Any, tmp_path: Path) -> None:
    ws = _book(runner, tmp_path, "score", str(DATA), "--format", "xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[2][:5] == ("编号", "指标", "分值", "得分", "自评")  # under the title and the byline
    by_title = {r[1]: r for r in rows[3:] if r[1]}
    assert by_title["工作保障与管理"][3] == 37 and by_title["工作保障与管理"][4] == 38
    assert by_title["工作保障与管理"][5] == 1  # claimed − computed
    assert by_title["总分"][3] == 104 and isinstance(by_title["总分"][3], (int, float))
    assert ws.freeze_panes == "A4"  # scrolling keeps the header in sight
    out, again = tmp_path / "s.xlsx", tmp_path / "again.xlsx"
    assert runner.invoke(app, ["score", str(DATA), "--out", str(again)]).exit_code == 0
    assert again.read_bytes() == out.read_bytes()


def test_the_score_sheet_shows_the_tree_by_style(runner: Any, tmp_path: Path) -> None:
    book = _book(runner, tmp_path, "score", str(DATA))
    assert book.sheetnames == ["评分表"]
    assert book.properties.creator == "selfeval" and book.properties.created == dt.datetime(2000, 1, 1)
    assert book.properties.title == TITLE
    ws = book.active
    cells = {row[0].value: row for row in ws.iter_rows(min_row=4) if row[0].value}
    section, indicator, item = cells["一"], cells["（一）"], cells["1"]
    assert section[1].value == "年度重点工作任务" and indicator[1].value == item[1].value == "社会救助兜底脱贫行动"
    assert section[1].font.b and section[2].font.b and not indicator[1].font.b  # sections in bold
    indents = [r[1].alignment.indent for r in (section, indicator, item)]
    assert indents == [0, 1, 2]  # the tree by indentation
    assert section[3].data_type == "n" and section[3].value == 18
    assert section[1].border.left.style == "thin" and item[5].border.bottom.style == "thin"  # ruled, blanks too
    assert [r[1].value for r in list(ws.iter_rows())[-5:]] == ["基本分", "加分", "扣分", "总分", "等次"]
    assert [r[3].value for r in list(ws.iter_rows())[-5:]] == [99, 5, 0, 104, "优"]
    assert ws.auto_filter.ref == "A3:G92"  # the nodes, not the totals under them
    assert ws.column_dimensions["B"].width > ws.column_dimensions["C"].width


def test_the_score_sheet_is_headed_with_county_year_and_date(runner: Any, tmp_path: Path) -> None:
    ws = _book(runner, tmp_path, "score", str(DATA)).active
    assert ws["A1"].value == TITLE and "A1:G1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A1"].font.b and ws["A1"].alignment.horizontal == "center"
    byline = [c.value for c in ws[2] if c.value]
    assert byline == ["被评单位：平罗县　　年度：2020年", "成文日期：2021年3月29日"]  # the document's date
    assert ws["D2"].alignment.horizontal == "right"


def test_the_title_names_the_county_and_year_of_any_file(runner: Any, tmp_path: Path) -> None:
    data = load_yaml(DATA)
    data["subject"]["name"] = "=盐池县"  # text from a file is text, never a formula
    data["document"]["date"] = "2021年4月2日"
    ws = _book(runner, tmp_path, "score", str(write_yaml(tmp_path / "d.yaml", data))).active
    assert ws["A1"].value == "=盐池县2020年度困难群众救助工作绩效自评评分表" and ws["A1"].data_type == "s"
    assert ws["A2"].value.startswith("被评单位：=盐池县") and ws["D2"].value == "成文日期：2021年4月2日"
    table_sheet = _book(runner, tmp_path, "score", str(TABLE_DATA), name="t.xlsx").active
    assert table_sheet["A1"].value == "稷山县2020年度项目支出绩效自评评分表"  # a form without a date
    assert [c.value for c in table_sheet[2] if c.value] == ["被评单位：稷山县　　年度：2020年"]


@pytest.mark.parametrize(
    ("title", "work"),
    [
        ("2020年度县（市、区）困难群众救助工作绩效考评指标及评分标准", "困难群众救助工作"),
        ("2021年度县(市、区)养老服务工作绩效评价指标", "养老服务工作"),
        ("2021年全省市县社会救助工作考核细则", "社会救助工作"),
        ("项目支出绩效自评表", "项目支出"),
        ("低保工作评分办法", "低保工作"),
    ],
)
def test_the_work_is_read_from_the_rubric_title(title: str, work: str) -> None:
    assert work_of(title) == work


def test_the_score_sheet_prints_on_a4_landscape_one_page_wide(runner: Any, tmp_path: Path) -> None:
    ws = _book(runner, tmp_path, "score", str(DATA)).active
    setup = ws.page_setup
    assert setup.orientation == "landscape" and setup.paperSize == 9
    assert _fit(ws) == (True, 1, 0)
    assert ws.print_title_rows == "$3:$3"  # the header on every page
    assert ws.print_options.horizontalCentered
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert not ws.oddHeader.center.text  # a whole file is no draft


def test_a_draft_score_sheet_says_so(runner: Any, tmp_path: Path) -> None:
    raw = DATA.read_bytes()[: len(DATA.read_bytes()) * 2 // 5]
    path = tmp_path / "盐池县.yaml"
    path.write_bytes(raw[: raw.rfind(b"\n") + 1])  # a copy cut short: many items still to write
    out = tmp_path / "s.xlsx"
    assert runner.invoke(app, ["score", str(path), "--out", str(out)]).exit_code == 0
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    mark = re.search(r"【草稿：尚有(\d+)处待填】", sheet)
    assert mark and int(mark[1]) > 30
    assert "<oddHeader>" in sheet and sheet.count("【草稿") == 1  # the header of every page…
    with zipfile.ZipFile(out) as z:
        strings = z.read("xl/sharedStrings.xml").decode("utf-8")
    assert f"【草稿：尚有{mark[1]}处待填】" in strings  # …and on the sheet, beside the date


_BARE_POINT = re.compile(r"\.#*(;|$)")
"""A number format whose places are all optional: Excel shows an integer with a bare point (「18.」)."""


@pytest.mark.parametrize(
    ("command", "data"),
    [("score", DATA), ("score", TABLE_DATA), ("report", TABLE_DATA)],
    ids=["评分表", "表的评分表", "自评表"],
)
def test_no_number_shows_a_bare_point(runner: Any, tmp_path: Path, command: str, data: Path) -> None:
    ws = _book(runner, tmp_path, command, str(data)).active
    numbers = [c for row in ws.iter_rows() for c in row if c.data_type == "n" and c.value is not None]
    assert any(float(c.value).is_integer() for c in numbers) and any(not float(c.value).is_integer() for c in numbers)
    assert not [c.coordinate for c in numbers if _BARE_POINT.search(c.number_format)]
    assert {c.number_format for c in numbers} == {"General"}  # 18, 6.5 and 0.25 as written


def test_the_row_heights_hold_the_explanations(runner: Any, tmp_path: Path) -> None:
    ws = _book(runner, tmp_path, "score", str(DATA)).active
    rows = {r[1].value: r[0].row for r in ws.iter_rows(min_row=4) if r[1].value}
    short = ws.row_dimensions[rows["开通线上申请渠道"]]
    long = ws.row_dimensions[rows["转发疫情期间社会救助文件，优化审核审批程序"]]
    assert short.customHeight and long.customHeight and long.ht >= 3 * LINE_POINTS > short.ht


def test_findings_as_excel(runner: Any, tmp_path: Path) -> None:
    book = _book(runner, tmp_path, "audit", str(DATA), name="a.xlsx", code=1)
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
    # a sheet of any workbook is set up for print: landscape A4, one page wide, its header repeated
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    assert _fit(ws) == (True, 1, 0)


# ----------------------------------------------------------------------------- the project table


def test_report_excel_has_the_table(runner: Any, tmp_path: Path) -> None:
    ws = _book(runner, tmp_path, "report", str(TABLE_DATA), name="t.xlsx").active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert ["产出指标（50分）", "数量指标", "全县参合人数", "8755", "8676", 15, 14.86] == next(
        r[:7] for r in rows if r[2] == "全县参合人数"
    )
    assert ["年度资金总额", "未知", 65.66, 65.07, 10, "99%", 9.91] == next(
        r[:7] for r in rows if r[0] == "年度资金总额"
    )


def test_the_table_sheet_is_laid_out_as_the_printed_form(runner: Any, tmp_path: Path) -> None:
    book = _book(runner, tmp_path, "report", str(TABLE_DATA), name="t.xlsx")
    ws = book.active
    title = "稷山县项目支出绩效自评表（2020年度）：建档立卡个人缴费县级配套资金"
    assert ws.title == "自评表" and book.properties.title == title and ws["A1"].value == title
    merged = {str(r) for r in ws.merged_cells.ranges}
    header = _row_of(ws, "一级指标")
    assert ws.cell(header - 1, 1).value == "年度总体目标"  # the table runs on: no gap before the indicators
    assert {"A1:H1", "B2:H2", f"A{header + 1}:A{header + 4}"} <= merged  # title, 项目名称, 产出指标 over its rows
    assert ws.print_title_rows == f"${header}:${header}"  # the header on every printed page
    assert ws.page_setup.orientation == "portrait" and ws.page_setup.paperSize == 9  # A4, as the form
    assert _fit(ws) == (True, 1, 0)
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert ws.cell(header, 1).font.b and ws.cell(header + 1, 6).number_format == "General"
    total = next(r for r in ws.iter_rows() if r[0].value == "总分")
    assert (total[5].value, total[6].value, total[6].data_type) == (100, 99.77, "n")


def test_the_goals_take_half_the_table_each(runner: Any, tmp_path: Path) -> None:
    ws = _book(runner, tmp_path, "report", str(TABLE_DATA), name="t.xlsx").active
    merged = {str(r) for r in ws.merged_cells.ranges}
    goals = _row_of(ws, "年度总体目标")
    assert {f"B{goals}:D{goals}", f"E{goals}:H{goals}"} <= merged
    assert ws[f"B{goals}"].value.startswith("预期目标：") and ws[f"E{goals}"].value.startswith("实际完成情况：")
    widths = [ws.column_dimensions[c].width for c in "BCDEFGH"]
    assert abs(sum(widths[:3]) - sum(widths[3:])) <= 0.15 * sum(widths)  # halves, not a narrow column and the rest
    unit = _row_of(ws, "主管部门")
    assert {f"B{unit}:D{unit}", f"F{unit}:H{unit}"} <= merged and ws[f"E{unit}"].value == "实施单位"


def test_the_table_rows_are_as_tall_as_their_text(runner: Any, tmp_path: Path) -> None:
    reason = (
        "受疫情影响，部分建档立卡人员外出务工未能按时参保，经乡镇逐户核实后补缴，下一年度将提前摸底、动态调整参保名单。"
        * 2
    )
    achieved = (
        "提高医疗保障水平，推进了因病致贫问题的基本性解决；全年资助参保8676人，资助资金65.07万元，兑现率99.1%。" * 3
    )
    path = table(tmp_path, r1={"reason": reason}, goals={**load_yaml(TABLE_DATA)["goals"], "achieved": achieved})
    ws = _book(runner, tmp_path, "report", str(path), name="t.xlsx").active
    goals, header = _row_of(ws, "年度总体目标"), _row_of(ws, "一级指标")
    first, second = ws.row_dimensions[header + 1], ws.row_dimensions[header + 2]
    assert first.customHeight and first.ht >= 6 * LINE_POINTS  # 偏差原因: 111 characters in a column of 32
    assert second.customHeight and second.ht < 3 * LINE_POINTS
    assert ws.row_dimensions[goals].ht >= 4 * LINE_POINTS  # across its half of the table
    assert all(ws.row_dimensions[r].customHeight for r in range(1, header + 8))


# ----------------------------------------------------------------------------- the reckoning of widths


def test_a_cjk_character_takes_two_widths_and_a_digit_one() -> None:
    assert lines_in("平" * 9, 20) == 1 and lines_in("平" * 10, 20) == 2  # 9 × 2.1 fits 19, 10 × 2.1 does not
    assert lines_in("0" * 19, 20) == 1 and lines_in("0" * 20, 20) == 2
    assert lines_in("第一行\n第二行", 40) == 2 and lines_in("", 10) == 1
    assert lines_in("平" * 9, 20, size=16) == 2  # larger type, fewer to a line
    assert row_height([("平" * 30, 20), ("短", 10)]) == round(4 * LINE_POINTS + 2, 1)


def test_spans_lay_a_line_out_as_the_form() -> None:
    widths = [16, 13, 24, 11, 11, 6, 7, 32]
    assert spans(2, widths) == [(0, 0), (1, 7)]  # 项目名称 | the name
    assert spans(3, widths) == [(0, 0), (1, 3), (4, 7)]  # 年度总体目标 | 预期目标 | 实际完成情况
    assert spans(4, widths) == [(0, 0), (1, 3), (4, 4), (5, 7)]  # 主管部门 | … | 实施单位 | …
    assert spans(7, widths) == [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 7)]  # the budget block
