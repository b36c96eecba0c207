"""Workbooks laid out as counties and provinces lay them out, read cell by cell: every value in
the data file and the cell its comment names."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from helpers import TABLE_RUBRIC
from selfeval.forms.interface import Imported
from selfeval.forms.project_table import FORM
from selfeval.forms.project_table.models import TableData
from selfeval.inputs import Library, data_from
from selfeval.load import parse
from selfeval.pipeline import evaluate


def rubric() -> Any:
    return Library().load(TABLE_RUBRIC).rubric


def read(path: Path, **kw: Any) -> list[Imported]:
    return FORM.import_table(path, rubric(), shown=str(path), **kw)


def one(path: Path, **kw: Any) -> Imported:
    parts = read(path, **kw)
    assert len(parts) == 1
    return parts[0]


def loaded(text: str, tmp_path: Path) -> TableData:
    """The data file as selfeval loads it: it validates."""
    out = tmp_path / "imported.yaml"
    df, _, _ = data_from(parse(text, str(out)), out, Library())
    assert isinstance(df.data, TableData)
    return df.data


def entries(text: str) -> dict[str, tuple[str, str]]:
    """Each value of the data file by its path (``indicators[0].target``): its YAML and its comment."""
    out: dict[str, tuple[str, str]] = {}
    top, item, sub_item = "", -1, -1
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body, _, comment = line.partition("    # ")
        indent = len(body) - len(body.lstrip())
        stripped = body.strip()
        if indent == 0:
            top, item = stripped.split(":")[0], -1
            if ": " in stripped:
                out[top] = (stripped.split(": ", 1)[1], comment)
            continue
        if stripped.startswith("- "):
            if indent == 2:
                item += 1
            else:
                sub_item += 1
            stripped = stripped[2:]
            indent += 2
        key, _, value = stripped.partition(":")
        value = value.strip()
        if top == "indicators":
            out[f"indicators[{item}].{key}"] = (value, comment)
        elif top == "funding" and indent >= 6:
            out[f"funding.lines[{sub_item}].{key}"] = (value, comment)
        elif value:
            out[f"{top}.{key}"] = (value, comment)
        else:
            sub_item = -1
    return out


# ----------------------------------------------------------------------------- a province's layout


def provincial(path: Path, *, weight_as_number: bool = False) -> Path:
    """万荣县's table as a province lays it out: the title and 「单位：万元」 on lines of their own,
    项目资金 and 绩效指标 merged down the left edge, 一级指标 merged over its rows, the columns in
    another order (权重 before the targets, 得分 before 分值) and 「年度目标值」「全年实际值」."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效自评表"
    ws["A1"] = "2020年度万荣县项目支出绩效自评表"
    ws.merge_cells("A1:J1")
    ws["J2"] = "单位：万元"
    ws["A3"], ws["B3"], ws["F3"], ws["G3"] = "项目名称", "农村低保资金", "实施单位", "万荣县民政局"
    ws.merge_cells("B3:E3")
    ws["A4"], ws["B4"] = "主管部门", "万荣县民政局"
    ws["A5"] = "项目资金"
    ws.merge_cells("A5:A8")
    for col, head in zip("CDEFGH", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], strict=True):
        ws[f"{col}5"] = head
    ws["B6"], ws["C6"], ws["D6"], ws["E6"], ws["F6"], ws["G6"], ws["H6"] = (
        "年度资金总额",
        1200,
        1250.5,
        1180.25,
        10,
        0.9438,
        9.4,
    )
    ws["G6"].number_format = "0.00%"
    ws["B7"], ws["C7"], ws["D7"], ws["E7"] = "其中：当年财政拨款", 1200, 1250.5, 1180.25
    ws["B8"], ws["C8"], ws["D8"], ws["E8"] = "其他资金", "—", "—", "—"
    ws["A9"], ws["B9"], ws["F9"] = "年度总体目标", "预期目标", "实际完成情况"
    ws.merge_cells("A9:A10")
    ws.merge_cells("B9:E9")
    ws.merge_cells("F9:J9")
    ws["B10"], ws["F10"] = "保障困难群众基本生活", "全年保障困难群众基本生活，应保尽保"
    ws.merge_cells("B10:E10")
    ws.merge_cells("F10:J10")
    heads = ["绩效指标", "一级指标", "二级指标", "三级指标", "权重", "年度目标值", "全年实际值", "得分", "分值"]
    heads.append("未完成原因及拟采取的改进措施")
    for col, head in zip("ABCDEFGHIJ", heads, strict=True):
        ws[f"{col}11"] = head
    ws.merge_cells("A11:A17")
    rows = [
        ("产出指标", "数量指标", "保障人数", "20%", "≥8000人", "8120人", 20, 20, None),
        (None, "质量指标", "资金发放准确率", "15%", "100%", "99%", 14, 15, "个别错发，已追回"),
        (None, "时效指标", "按月足额发放", "15%", "每月10日前", "已完成", 15, 15, None),
        ("效益指标", "社会效益指标", "困难群众基本生活", "20%", "持续提高", "有所提高", 18, 20, None),
        (None, "可持续影响指标", "保障机制", "10%", "长期", "长期", 10, 10, None),
        ("满意度指标", "服务对象满意度指标", "受助群众满意度", "10%", "≥90%", "95%", 10, 10, None),
    ]
    for r, row in enumerate(rows, 12):
        for col, value in zip("BCDEFGHIJ", row, strict=True):
            if value is not None:
                ws[f"{col}{r}"] = value
        if weight_as_number:
            ws[f"E{r}"] = float(Decimal(str(row[3]).rstrip("%")) / 100)
            ws[f"E{r}"].number_format = "0%"
    ws.merge_cells("B12:B14")
    ws.merge_cells("B15:B16")
    ws["A18"], ws["H18"], ws["I18"] = "总分", 87, 90
    wb.save(path)
    return path


def test_a_provincial_layout_is_found_by_its_headers_and_each_value_names_its_cell(tmp_path: Path) -> None:
    imp = one(provincial(tmp_path / "wanrong.xlsx"))
    assert imp.problems == []
    e = entries(imp.text)
    assert e["subject.name"] == ('"万荣县"', "A1")
    assert e["subject.year"] == ("2020", "A1")
    assert e["project.name"] == ('"农村低保资金"', "B3")
    assert e["project.department"] == ('"万荣县民政局"', "B4")
    assert e["project.unit"] == ('"万荣县民政局"', "G3")
    assert e["funding.unit"] == ('"万元"', "J2")
    assert e["funding.budget"] == ('"1250.5"', "D6")
    assert e["funding.spent"] == ('"1180.25"', "E6")
    assert e["funding.rate"] == ('"94.38%"', "G6")
    assert e["funding.points"] == ("10", "F6")
    assert e["funding.score"] == ("9.4", "H6")
    assert e["funding.lines[1].name"] == ('"其中：当年财政拨款"', "B7")
    assert e["funding.lines[2].budget"] == ("~", "D8")
    assert e["goals.expected"] == ('"保障困难群众基本生活"', "B10")
    assert e["goals.achieved"] == ('"全年保障困难群众基本生活，应保尽保"', "F10")
    # 一级指标 merged over its rows: each row reads it, from the one cell that holds it
    assert [e[f"indicators[{i}].level"] for i in range(3)] == [('"产出指标"', "B12")] * 3
    assert e["indicators[3].level"] == ('"效益指标"', "B15")
    assert e["indicators[4].level"] == ('"效益指标"', "B15")
    row = {k.split(".", 1)[1]: v for k, v in e.items() if k.startswith("indicators[1].")}
    assert row == {
        "level": ('"产出指标"', "B12"),
        "category": ('"质量指标"', "C13"),
        "name": ('"资金发放准确率"', "D13"),
        "target": ('"100%"', "F13"),
        "actual": ('"99%"', "G13"),
        "points": ("15", "I13"),
        "score": ("14", "H13"),
        "weight": ('"15%"', "E13"),
        "reason": ('"个别错发，已追回"', "J13"),
    }
    assert e["indicators[2].actual"] == ('"已完成"', "G14")
    assert e["total.points"] == ("90", "I18")
    assert e["total.score"] == ("87", "H18")


def test_the_provincial_layout_validates_and_scores(tmp_path: Path) -> None:
    imp = one(provincial(tmp_path / "wanrong.xlsx"))
    data = loaded(imp.text, tmp_path)
    assert data.subject.name == "万荣县" and data.subject.year == 2020
    assert data.funding.budget.value == Decimal("1250.5") and data.funding.unit == "万元"
    assert [r.weight for r in data.indicators] == [Decimal(x) for x in ("0.2", "0.15", "0.15", "0.2", "0.1", "0.1")]
    assert data.indicators[0].target.comparator == ">=" and data.indicators[0].target.value == 8000
    assert data.indicators[2].actual.status == "met"
    out = tmp_path / "wanrong.yaml"
    out.write_text(imp.text, encoding="utf-8")
    result = evaluate(out).result
    assert result.claimed_total == 87


def test_a_weight_held_as_a_percentage_formatted_number_reads_as_its_percentage(tmp_path: Path) -> None:
    imp = one(provincial(tmp_path / "wanrong.xlsx", weight_as_number=True))
    e = entries(imp.text)
    assert e["indicators[0].weight"] == ('"20%"', "E12")
    assert loaded(imp.text, tmp_path).indicators[0].weight == Decimal("0.2")


# ----------------------------------------------------------------------------- spellings and columns


def simple(
    path: Path, head: list[str], rows: list[list[Any]], *, title: str = "稷山县项目支出绩效自评表（2020年度）"
) -> Path:
    """A table with its budget block at the top and the given indicator header and rows under it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([title])
    ws.append(["项目名称", "建档立卡个人缴费县级配套资金"])
    ws.append(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    ws.append(["年度资金总额", 65.66, 65.66, 65.07, 10, "99%", 9])
    ws.append([])
    ws.append(head)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("target", "actual", "reason"),
    [
        ("年度指标值", "实际完成值", "偏差原因分析及改进措施"),
        ("年度目标值", "全年实际值", "未完成原因及拟采取的改进措施"),
        ("指标值", "实际值", "偏差原因分析及改进措施"),
        ("年度 指标值", "实际\n完成值", "偏差原因\n分析及改进措施"),
    ],
)
def test_each_spelling_of_the_headers_is_read(tmp_path: Path, target: str, actual: str, reason: str) -> None:
    head = ["一级指标", "二级指标", "三级指标", target, actual, "分值", "得分", reason]
    row = ["产出指标", "数量指标", "指标1：全县参合人数", "≥8755人", "8676人", 15, 13, "新增死亡人员"]
    imp = one(simple(tmp_path / "t.xlsx", head, [row]))
    e = entries(imp.text)
    assert imp.problems == []
    assert e["indicators[0].name"] == ('"全县参合人数"', "C7")  # the form's own numbering set aside
    assert e["indicators[0].target"] == ('"≥8755人"', "D7")
    assert e["indicators[0].actual"] == ('"8676人"', "E7")
    assert e["indicators[0].reason"] == ('"新增死亡人员"', "H7")


def test_a_table_without_points_leaves_them_to_the_weights(tmp_path: Path) -> None:
    head = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"]
    rows = [
        ["产出指标", "数量指标", "参合人数", "8755", "8755", 50],
        ["效益指标", "社会效益指标", "看病难问题", "95%", "95%", 30],
        ["满意度指标", "服务对象满意度指标", "满意度", "95%", "90%", 9],
    ]
    imp = one(simple(tmp_path / "t.xlsx", head, rows))
    e = entries(imp.text)
    assert "indicators[0].points" not in e and e["indicators[0].score"] == ("50", "F7")
    data = loaded(imp.text, tmp_path)
    assert [r.points for r in data.indicators] == [None, None, None]


def test_numbers_as_numbers_as_text_and_full_width_read_alike(tmp_path: Path) -> None:
    head = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    rows = [
        ["产出指标", "数量指标", "参合人数", 8755, "８６７６", "15", "13分"],
        ["产出指标", "成本指标", "配套资金", "≦75元", 75, 10.0, 10],
    ]
    imp = one(simple(tmp_path / "t.xlsx", head, rows))
    e = entries(imp.text)
    assert e["indicators[0].target"] == ('"8755"', "D7")
    assert e["indicators[0].actual"] == ('"８６７６"', "E7")
    assert e["indicators[0].points"] == ("15", "F7")
    assert e["indicators[0].score"] == ("13", "G7")
    assert e["indicators[1].points"] == ("10", "F8")
    data = loaded(imp.text, tmp_path)
    assert data.indicators[0].actual.value == 8676
    assert data.indicators[1].target.comparator == "<="


def test_the_newer_forms_cost_level_and_an_extra_column_of_scores(tmp_path: Path) -> None:
    head = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "权重", "单项指标得分", "折算得分"]
    rows = [
        ["产出指标", "数量指标", "参合人数", "8755人", "8755人", "40%", 100, 40],
        ["成本指标", "经济成本指标", "配套资金", "≤75元", "75元", "10%", 100, 10],
        ["效益指标", "社会效益指标", "看病难问题", "95%", "95%", "30%", 100, 30],
        ["满意度指标", "服务对象满意度指标", "满意度", "95%", "95%", "10%", 90, 9],
    ]
    imp = one(simple(tmp_path / "t.xlsx", head, rows))
    e = entries(imp.text)
    assert e["indicators[1].level"] == ('"成本指标"', "A8")
    assert e["indicators[1].item_score"] == ("100", "G8")
    assert e["indicators[3].weighted"] == ("9", "H10")
    data = loaded(imp.text, tmp_path)
    assert data.indicators[3].score == 9 and data.indicators[1].points == 10


# ----------------------------------------------------------------------------- formulas


def test_a_formula_is_read_by_its_saved_result_and_one_without_is_unread(tmp_path: Path) -> None:
    """openpyxl saves a formula without its result, as a program that is not Excel does: such a
    cell is said and written 未知, never worked out here."""
    path = simple(
        tmp_path / "t.xlsx",
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        [
            ["产出指标", "数量指标", "参合人数", "8755", "8676", 50, "=50*0.9"],
            ["总分", None, None, None, None, "=SUM(F7:F7)", 45],
        ],
    )
    imp = one(path)
    e = entries(imp.text)
    assert e["indicators[0].score"][0] == "未知" and e["indicators[0].score"][1].startswith("G7 ")
    assert [p.where for p in imp.problems] == [f"{path}:G7", f"{path}:F8"]
    assert "=50*0.9" in imp.problems[0].message
    # the same workbook as Excel saves it: each formula with its result beside it
    _with_results(path, {"G7": 45, "F8": 50})
    imp = one(path)
    e = entries(imp.text)
    assert imp.problems == []
    assert e["indicators[0].score"] == ("45", "G7 公式 =50*0.9 的计算结果")
    assert e["total.points"] == ("50", "F8 公式 =SUM(F7:F7) 的计算结果")


def _with_results(path: Path, results: dict[str, Any]) -> None:
    """Write each formula's cached result into the sheet's XML, as Excel does when it saves."""
    import re
    import shutil
    import zipfile

    src = path.with_suffix(".src.xlsx")
    shutil.move(path, src)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                for ref, value in results.items():
                    text = re.sub(
                        rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?',
                        lambda m, v=value: f"{m.group(1)}{m.group(2)}<v>{v}</v>",
                        text,
                    )
                data = text.encode("utf-8")
            zout.writestr(item, data)


# ----------------------------------------------------------------------------- what cannot be read


def test_an_unreadable_cell_is_written_unknown_and_listed_at_its_cell(tmp_path: Path) -> None:
    head = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "备注"]
    rows = [
        ["产出指标", "数量指标", "参合人数", "≥八千人", "8676人", "十五", 13, "见附件"],
        ["效益指标", "社会效益指标", "看病难问题", "95%", "良好", 30, 27, None],
    ]
    path = simple(tmp_path / "t.xlsx", head, rows)
    imp = one(path)
    where = [p.where for p in imp.problems]
    assert where == [f"{path}:D7", f"{path}:F7", f"{path}:E8", f"{path}:H6"]
    e = entries(imp.text)
    assert e["indicators[0].target"][0] == "未知" and e["indicators[0].target"][1].startswith("D7 读不出“≥八千人”")
    assert e["indicators[0].points"][0] == "未知"
    assert e["indicators[1].actual"][0] == "未知"
    assert "备注" in imp.problems[-1].message and "H7" in imp.problems[-1].message
    data = loaded(imp.text, tmp_path)  # what could be read still validates
    assert data.indicators[0].target.unknown and data.indicators[0].points is None


def test_several_sheets_give_one_data_file_each_and_a_sheet_can_be_named(tmp_path: Path) -> None:
    path = provincial(tmp_path / "two.xlsx")
    wb = openpyxl.load_workbook(path)
    copy = wb.copy_worksheet(wb["绩效自评表"])
    copy.title = "项目二"
    wb.create_sheet("说明")["A1"] = "填表说明"
    wb.save(path)
    parts = read(path)
    assert [p.part for p in parts] == ["绩效自评表", "项目二"]
    named = one(path, sheet="项目二")
    assert named.part == "项目二" and named.problems == []


@pytest.mark.parametrize(
    ("department", "county"),
    [
        ("稷山县医疗保障局", "稷山县"),
        ("山西省运城市万荣县民政局", "万荣县"),
        ("银川市兴庆区民政局", "兴庆区"),
        ("运城市民政局", "运城市"),
    ],
)
def test_a_title_without_the_county_takes_it_from_the_department(tmp_path: Path, department: str, county: str) -> None:
    head = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"]
    path = simple(
        tmp_path / "t.xlsx",
        head,
        [["产出指标", "数量指标", "参合人数", "8755", "8755"]],
        title="项目支出绩效自评表（2020年度）",
    )
    wb = openpyxl.load_workbook(path)
    wb.active["C2"], wb.active["D2"] = "主管部门", department
    wb.save(path)
    e = entries(one(path).text)
    assert e["subject.name"][0] == f'"{county}"' and e["subject.name"][1].startswith("D2 ")
    assert e["subject.year"] == ("2020", "A1")


def test_no_year_anywhere_is_listed(tmp_path: Path) -> None:
    head = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"]
    path = simple(
        tmp_path / "t.xlsx",
        head,
        [["产出指标", "数量指标", "参合人数", "8755", "8755"]],
        title="稷山县项目支出绩效自评表",
    )
    imp = one(path)
    # said at the table's first cell, in the workbook: the data file is not written
    assert [p.where for p in imp.problems] == [f"{path}:A1"] and "年度" in imp.problems[0].message
    named = tmp_path / "稷山2021.xlsx"
    path.rename(named)
    assert entries(one(named).text)["subject.year"][0] == "2021"


# ----------------------------------------------------------------------------- a county's own sheet


def county_table(
    ws: Any, top: int = 1, *, title: str = "项目支出绩效自评表", rows: list[list[Any]] | None = None
) -> int:
    """稷山县's table as the county lays it out from row ``top``: the title and （2020年度） merged
    across, 填报单位 and 单位：万元 on a line, the budget block with its lines, the goals, the
    indicators with 一级指标 merged over its rows, and 总分. Returns the 总分 row."""
    r = top
    ws.cell(r, 1, title)
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=8)
    ws.cell(r + 1, 1, "（2020年度）")
    ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=8)
    ws.cell(r + 2, 1, "填报单位：稷山县医疗保障局")
    ws.cell(r + 2, 7, "单位：万元")
    ws.cell(r + 3, 1, "项目名称")
    ws.cell(r + 3, 2, "建档立卡个人缴费县级配套资金")
    ws.cell(r + 4, 1, "主管部门")
    ws.cell(r + 4, 2, "稷山县医疗保障局")
    ws.cell(r + 4, 5, "实施单位")
    ws.cell(r + 4, 6, "稷山县医疗保险服务中心")
    for c, head in enumerate(
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], 1
    ):
        ws.cell(r + 5, c, head)
    for c, v in enumerate(["年度资金总额", 60, 65.66, 65.07, 10, 0.99, 9], 1):
        ws.cell(r + 6, c, v)
    ws.cell(r + 6, 6).number_format = "0%"
    for c, v in enumerate(["其中：当年财政拨款", 60, 65.66, 65.07, None, 0.99], 1):
        ws.cell(r + 7, c, v)
    ws.cell(r + 7, 6).number_format = "0%"
    ws.cell(r + 8, 1, "年度总体目标")
    ws.cell(r + 8, 2, "预期目标：提高医疗保障水平")
    ws.cell(r + 8, 5, "实际完成情况：推进了因病致贫问题的基本性解决")
    head = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    for c, text in enumerate(head, 1):
        ws.cell(r + 9, c, text)
    rows = rows or [
        ["产出指标（50分）", "数量指标", "全县参合人数", "≥8,755人", "8676人", 15, 13, "有新增死亡人员"],
        ["产出指标（50分）", "质量指标", "资金是否全部纳入医保统筹", "＞＝90％", "100%", 15, 15],
        ["产出指标（50分）", "时效指标", "资金是否全部及时纳入", "已完成", "已完成", 10, 10],
        ["效益指标（30分）", "社会效益指标", "惠及人数", "1.2万", "1.15万", 30, 27],
        ["满意度指标（10分）", "服务对象满意度指标", "是否满意", "≥95%", "96%", 10, 9],
    ]
    for i, row in enumerate(rows):
        for c, v in enumerate(row, 1):
            if v is not None:
                ws.cell(r + 10 + i, c, v)
    ws.merge_cells(start_row=r + 10, start_column=1, end_row=r + 12, end_column=1)
    end = r + 10 + len(rows)
    ws.cell(end, 1, "总分")
    ws.cell(end, 6, 100)
    ws.cell(end, 7, 94)
    return end


def county_book(path: Path, **kw: Any) -> tuple[Path, Any]:
    wb = openpyxl.Workbook()
    county_table(wb.active, **kw)
    wb.save(path)
    return path, wb


def test_a_plain_number_in_the_rate_column_is_the_percentage_it_shows(tmp_path: Path) -> None:
    path, wb = county_book(tmp_path / "稷山.xlsx")
    ws = wb.active
    ws["F7"], ws["F7"].number_format = 99, "General"  # typed 99 into a cell with no % format
    wb.save(path)
    imp = one(path)
    e = entries(imp.text)
    assert e["funding.rate"] == ('"99%"', "F7")
    assert e["funding.lines[1].rate"] == ('"99%"', "F8")  # 0.99 formatted 0%: the fraction
    assert imp.problems == []
    assert loaded(imp.text, tmp_path).funding.rate.value == 99  # type: ignore[union-attr]


def test_a_percentage_typed_into_a_cell_formatted_for_fractions_is_read_as_typed_and_doubted(tmp_path: Path) -> None:
    path, wb = county_book(tmp_path / "稷山.xlsx")
    wb.active["F7"] = 99  # keeps its 0% format: Excel shows 9900%
    wb.save(path)
    imp = one(path)
    value, comment = entries(imp.text)["funding.rate"]
    assert value == '"99%"' and comment.startswith("F7 ") and "9900%" in comment
    [warning] = imp.problems
    assert warning.severity == "warning" and warning.where == f"{path}:F7"
    assert "存疑1处（F7）" in imp.summary


@pytest.mark.parametrize("written", [0.99, "0.99", "１"])
def test_a_bare_fraction_in_the_rate_column_is_written_as_it_shows_and_doubted(tmp_path: Path, written: Any) -> None:
    path, wb = county_book(tmp_path / "稷山.xlsx")
    ws = wb.active
    ws["F7"], ws["F7"].number_format = written, "General"
    wb.save(path)
    imp = one(path)
    value, comment = entries(imp.text)["funding.rate"]
    assert value.startswith('"') and value.endswith('%"') and "%" not in str(written)
    assert comment.startswith("F7 ") and "请核对" in comment
    assert [(p.where, p.severity) for p in imp.problems] == [(f"{path}:F7", "warning")]
    assert "存疑1处（F7）" in imp.summary and "存疑" in imp.text.splitlines()[2]
    loaded(imp.text, tmp_path)  # still loads: a warning, not an error


def test_a_bare_fraction_beside_a_percentage_target_is_doubted(tmp_path: Path) -> None:
    rows = [
        ["产出指标（50分）", "数量指标", "全县参合人数", "≥8,755人", "8676人", 15, 13],
        ["产出指标（50分）", "质量指标", "资金纳入率", "95%以上", "0.99", 15, 15],
        ["产出指标（50分）", "时效指标", "及时率", 0.95, "98%", 10, 10],
        ["效益指标（30分）", "社会效益指标", "覆盖率", "100%", 98, 30, 27],
        ["满意度指标（10分）", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 9],
    ]
    path, _ = county_book(tmp_path / "稷山.xlsx", rows=rows)
    imp = one(path)
    e = entries(imp.text)
    assert e["indicators[1].actual"][0] == '"0.99"' and "请核对" in e["indicators[1].actual"][1]
    assert e["indicators[2].target"][0] == '"0.95"' and "请核对" in e["indicators[2].target"][1]
    assert "请核对" not in e["indicators[3].actual"][1]  # 98 under 100%: 98%, as it shows
    assert [p.where for p in imp.problems] == [f"{path}:E12", f"{path}:D13"]
    assert {p.severity for p in imp.problems} == {"warning"}


def test_two_tables_one_below_the_other_on_a_sheet_are_each_a_data_file(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "汇总"
    end = county_table(ws)
    second = county_table(ws, end + 3, title="稷山县项目支出绩效自评表")
    ws.cell(end + 3 + 3, 2, "城乡居民医保县级补助资金")  # the second project's name
    wb.save(tmp_path / "两个项目.xlsx")
    first, other = read(tmp_path / "两个项目.xlsx")
    assert (first.part, other.part) == ("汇总-1", "汇总-2")
    assert entries(first.text)["project.name"] == ('"建档立卡个人缴费县级配套资金"', "B4")
    assert entries(other.text)["project.name"] == ('"城乡居民医保县级补助资金"', f"B{end + 6}")
    assert entries(other.text)["total.score"] == ("94", f"G{second}")
    assert f"工作表“汇总”第{end + 3}–{second}行" in other.text.splitlines()[0]
    assert first.problems == other.problems == []
    assert len(loaded(other.text, tmp_path).indicators) == 5


def test_what_stands_after_the_total_row_is_not_read_and_said_cell_by_cell(tmp_path: Path) -> None:
    path, wb = county_book(tmp_path / "稷山.xlsx")
    ws = wb.active
    ws["A18"], ws["C18"] = "填表人：张三", "联系电话：0359-5522011"
    ws["B20"] = "备注：资金已全部拨付"
    wb.save(path)
    imp = one(path)
    # 填表人 and 备注 under a table are common and no part of it: said, never blocking the import
    assert [p.where for p in imp.problems] == [f"{path}:A18", f"{path}:B20"]
    assert {p.severity.value for p in imp.problems} == {"warning"}
    assert "C18" in imp.problems[0].message and "张三" in imp.problems[0].message
    assert "总分行以下2行不属于自评表（A18、B20），未读入" in imp.summary


def test_a_row_cut_off_after_its_target_has_its_empty_cells_counted_to_fill(tmp_path: Path) -> None:
    rows = [
        ["产出指标（50分）", "数量指标", "全县参合人数", "8755", "8676", 15, 13],
        ["产出指标（50分）", "质量指标", "资金纳入率", "95%"],
        ["产出指标（50分）", "时效指标", "及时率", "已完成", "已完成", 10, 10],
        ["效益指标（30分）", "社会效益指标", "惠及人数", "1.2万", "1.15万", 30, 27],
        ["满意度指标（10分）", "服务对象满意度指标", "是否满意", "≥95%", "96%", 10, 9],
    ]
    path, _ = county_book(tmp_path / "稷山.xlsx", rows=rows)
    imp = one(path)
    e = entries(imp.text)
    assert e["indicators[1].actual"][0] == e["indicators[1].points"][0] == e["indicators[1].score"][0] == "~"
    assert e["indicators[1].points"][1].startswith("F12 ")
    assert "空格3处（E12、F12、G12），已写作 ~ 待填" in imp.summary
    assert imp.problems == []
    assert loaded(imp.text, tmp_path).indicators[1].points is None


@pytest.mark.parametrize(
    ("title", "province", "city", "county"),
    [
        ("山西省稷山县项目支出绩效自评表", "山西省", None, "稷山县"),
        ("山西省运城市稷山县项目支出绩效自评表", "山西省", "运城市", "稷山县"),
        ("宁夏回族自治区平罗县项目支出绩效自评表", "宁夏回族自治区", None, "平罗县"),
    ],
)
def test_a_province_in_the_title_is_kept(
    tmp_path: Path, title: str, province: str, city: str | None, county: str
) -> None:
    path, _ = county_book(tmp_path / "t.xlsx", title=title)
    e = entries(one(path).text)
    assert e["subject.name"] == (f'"{county}"', "A1")
    assert e["subject.province"] == (f'"{province}"', "A1")
    assert e.get("subject.city", (None,))[0] == (f'"{city}"' if city else None)
    data = loaded(one(path).text, tmp_path)
    assert data.subject.province == province


def test_a_province_in_a_cell_of_its_own_or_in_the_departments_name_is_kept(tmp_path: Path) -> None:
    path, wb = county_book(tmp_path / "t.xlsx")
    wb.active["D4"], wb.active["E4"] = "省份", "山西省"
    wb.save(path)
    assert entries(one(path).text)["subject.province"] == ('"山西省"', "E4")
    path, wb = county_book(tmp_path / "u.xlsx")
    wb.active["B5"] = "山西省稷山县医疗保障局"
    wb.save(path)
    assert entries(one(path).text)["subject.province"] == ('"山西省"', "B5")
