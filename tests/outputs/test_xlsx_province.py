"""The province's workbook (:mod:`selfeval.outputs.xlsx_province`): every sheet headed with the
province and year and set up to print, the rubric by its title, the grade distribution, the
indicators across the province, the findings in words by county, the 地级市 subtotals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import small_province
from selfeval.cli import app
from selfeval.outputs.xlsx_province import sheet_name


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Any:
    import openpyxl
    from typer.testing import CliRunner

    folder = tmp_path_factory.mktemp("province")
    counties = small_province(folder)
    out = folder / "全省汇总.xlsx"
    args = ["score", str(counties), "--rubric", str(folder / "标准.yaml"), "--out", str(out)]
    args += ["--province", "某省", "--reviewer", "某省民政厅社会救助处", "--date", "2022年3月1日"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out)


def values(ws: Any, min_row: int = 1) -> list[tuple[Any, ...]]:
    return list(ws.iter_rows(min_row=min_row, values_only=True))


def test_sheets_are_named_for_people_and_the_matrix_by_the_rubric_title(book: Any) -> None:
    title = "2021年度县（市、区）社会救助工作考评指标及评分标准（试行稿）"
    assert len(title) == 32  # cut to the 31 characters a sheet name holds
    assert book.sheetnames == ["排名", "统计", "指标统计", title[:31], "问题清单", "调整记录"]
    text = " ".join(str(v) for ws in book.worksheets for row in values(ws) for v in row if v is not None)
    assert "test-county-2021" not in text  # the rubric's internal id nowhere


def test_sheet_names_excel_takes() -> None:
    used: set[str] = set()
    assert sheet_name("a[b]:c*d?e/f\\g", used) == "abcdefg"
    long = "很" * 40
    assert sheet_name(long, used) == "很" * 31
    assert sheet_name(long, used) == "很" * 28 + "（2）"  # unique, still 31
    assert sheet_name("'History'", used) == "History1"
    assert sheet_name("ABCDEFG", used) == "ABCDEFG（2）"  # Excel ignores case
    assert all(len(n) <= 31 for n in used)


def test_every_sheet_prints_a4_landscape_one_page_wide_with_its_title_repeated(book: Any) -> None:
    for ws in book.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape" and setup.paperSize == 9, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and setup.fitToHeight == 0, ws.title
        assert setup.fitToWidth in (None, 1), ws.title  # 1 is Excel's default, left out of the file
        assert ws.print_title_rows in ("1:3", "$1:$3", "1:2", "$1:$2"), ws.title
        title = ws["A1"].value
        assert title.startswith("某省2021年度自评结果汇总"), ws.title
        assert "某省民政厅社会救助处" in ws["A2"].value and "2022年3月1日" in ws["A2"].value
        assert "&P" in ws.oddFooter.center.text  # page numbers
    matrix = book.worksheets[3]
    assert matrix.print_title_cols in ("A:C", "$A:$C")  # the labels beside the numbers on every page


def test_the_ranking_has_each_section_and_their_averages(book: Any) -> None:
    rows = values(book["排名"], 3)
    head = rows[0]
    assert head[:4] == ("名次", "县（市、区）", "地级市", "年度")
    assert {"一、工作任务", "二、工作效果", "三、扣分项"} <= set(head)
    data = {r[1]: dict(zip(head, r, strict=False)) for r in rows[1:4]}
    assert [data[n]["名次"] for n in ("甲县", "乙县", "丙县")] == [1, 2, 3]
    assert (data["乙县"]["总分"], data["乙县"]["一、工作任务"], data["乙县"]["自评−核算"]) == (8, 4, 1)
    assert data["丙县"]["地级市"] == "乙市" and data["丙县"]["二、工作效果"] == 0
    average = next(r for r in rows if r[1] == "平均")
    mean = dict(zip(head, average, strict=False))
    assert (
        mean["总分"] == 8
        and mean["一、工作任务"] == pytest.approx(5.33)
        and mean["二、工作效果"] == pytest.approx(2.67)
    )


def test_the_grade_distribution_and_the_figures(book: Any) -> None:
    rows = values(book["统计"])
    at = rows.index(("等次", "分数段", "县数", "占比", None, None, None, None, None, None))
    assert rows[at + 1 : at + 5] == [
        ("优", "≥9", 1, "33.3%", *(None,) * 6),
        ("良", "8–9", 1, "33.3%", *(None,) * 6),
        ("合格", "6–8", 1, "33.3%", *(None,) * 6),
        ("不合格", "0–6", 0, "0%", *(None,) * 6),
    ]
    figures = {r[0]: r[1] for r in rows if r[0]}
    assert figures["平均总分"] == 8 and figures["最高总分"] == 10 and figures["最低总分"] == 6
    assert figures["自评总分高于核算的县数"] == 1 and figures["有审核错误的县数"] == 1
    cities = rows.index(next(r for r in rows if r[0] == "地级市"))
    assert rows[cities][:9] == ("地级市", "县数", "平均总分", "最高", "最低", "优", "良", "合格", "不合格")
    assert rows[cities + 1][:9] == ("乙市", 1, 6, 6, 6, 0, 0, 1, 0)
    assert rows[cities + 2][:9] == ("甲市", 2, 9, 10, 8, 1, 1, 0, 0)


def test_each_indicator_across_the_province(book: Any) -> None:
    rows = {r[1]: r for r in values(book["指标统计"], 4)}
    # 编号 指标 分值 计分县数 平均得分 得分率 失分县数 待定县数 满分县数 失分合计 失分排名
    assert rows["2. 按时上报"][2:] == (2, 3, pytest.approx(1.33), "66.7%", 1, 0, 2, 2, 2)
    assert rows["3. 满意度达标"][2:] == (4, 3, pytest.approx(2.67), "66.7%", 1, 0, 2, 4, 1)
    assert rows["1. 印发实施方案"][2:] == (4, 3, 4, "100%", 0, 0, 3, 0, None)
    assert rows["4. 发生安全责任事故"][6:9] == (0, 0, 3)  # nothing taken off anywhere: no county lost
    assert rows["一、工作任务"][0] == "一"


def test_problems_are_said_in_words_by_county(book: Any) -> None:
    rows = values(book["问题清单"], 3)
    assert rows[0][:5] == ("县（市、区）", "地级市", "级别", "类别", "说明")
    error = next(r for r in rows if r[2] == "错误")
    assert error[:4] == ("乙县 2021", "甲市", "错误", "自评得分与核算不符") and "9分" in error[4]
    assert all(not str(r[3]).isascii() for r in rows[1:])  # a kind in words, never a code like claim-sum


def test_without_cities_no_city_column(tmp_path: Path, runner: Any) -> None:
    import openpyxl

    counties = small_province(tmp_path, cities=False)
    out = tmp_path / "p.xlsx"
    result = runner.invoke(app, ["score", str(counties), "--rubric", str(tmp_path / "标准.yaml"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    assert "地级市" not in values(wb["排名"], 3)[0]
    assert not any(r[0] == "地级市" for r in values(wb["统计"]))
    assert wb["排名"]["A1"].value.startswith("2021年度自评结果汇总")  # no province given: the year still


def test_a_wide_matrix_prints_its_whole_title_on_every_page(tmp_path: Path, runner: Any) -> None:
    # 22 counties print several pages across: the title and facts stay within the label columns,
    # which repeat on each page, so no page starts with a piece of a title cut at a page's edge
    import openpyxl

    more = {f"{n}县": ("丙市", "是", "是", "0起", 10) for n in "丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"}
    counties = small_province(tmp_path, True, **more)
    assert len(list(counties.iterdir())) == 22
    out = tmp_path / "p.xlsx"
    args = ["score", str(counties), "--rubric", str(tmp_path / "标准.yaml"), "--out", str(out), "--province", "某省"]
    assert runner.invoke(app, args).exit_code == 0
    ws = openpyxl.load_workbook(out).worksheets[3]
    assert ws.max_column == 3 + 22
    heading = sorted(str(r) for r in ws.merged_cells.ranges if r.min_row <= 2)
    assert heading == ["A1:C1", "A2:C2"]
    assert ws["A1"].value.startswith("某省2021年度自评结果汇总") and ws["A1"].alignment.wrap_text
    assert ws.print_title_cols in ("A:C", "$A:$C") and ws.print_title_rows in ("1:3", "$1:$3")
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert not ws.sheet_properties.pageSetUpPr.fitToPage  # too wide to shrink to one page
    title_lines = ws.row_dimensions[1].height / 17
    assert title_lines >= 2  # wrapped within the three columns
    ranking = openpyxl.load_workbook(out)["排名"]  # one page wide: its title spans it all
    [top] = [r for r in ranking.merged_cells.ranges if r.min_row == 1]
    assert (top.min_col, top.max_col) == (1, ranking.max_column)
