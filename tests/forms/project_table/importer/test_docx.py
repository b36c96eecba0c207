"""Word tables as counties type them, read cell by cell: one table holding the whole form (its
title rows too), merged cells, a form in several tables, several forms in one document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest

from helpers import TABLE_RUBRIC
from selfeval.errors import InputError, UsageError
from selfeval.forms.interface import Imported
from selfeval.forms.project_table import FORM
from selfeval.forms.project_table.models import TableData
from selfeval.inputs import Library, data_from
from selfeval.load import parse


def read(path: Path, **kw: Any) -> list[Imported]:
    return FORM.import_table(path, Library().load(TABLE_RUBRIC).rubric, shown=str(path), **kw)


def values(text: str) -> dict[str, tuple[str, str]]:
    """``key: value    # comment`` lines by their key, the last of each key winning."""
    out = {}
    for line in text.splitlines():
        body, _, comment = line.partition("    # ")
        key, sep, value = body.strip().removeprefix("- ").partition(": ")
        if sep:
            out[key] = (value, comment)
    return out


def lines(text: str) -> list[str]:
    return [line.strip().removeprefix("- ") for line in text.splitlines()]


def whole_form(doc: Any, *, county: str = "万荣县", nested: bool = False) -> None:
    """One Word table holding the whole form: the title and unit in rows of their own, 年度总体目标
    merged down two rows, 一级指标 merged over its rows."""
    rows = [
        [f"{county}项目支出绩效自评表（2020年度）"] * 8,
        ["单位：万元"] * 8,
        ["项目名称", "农村低保资金", "农村低保资金", "农村低保资金", "主管部门", "民政局", "民政局", "民政局"],
        ["项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["项目资金", "年度资金总额", "1200", "1250", "1180", "10", "94.4%", "9"],
        [
            "年度总体目标",
            "预期目标",
            "预期目标",
            "预期目标",
            "实际完成情况",
            "实际完成情况",
            "实际完成情况",
            "实际完成情况",
        ],
        ["年度总体目标", "应保尽保", "应保尽保", "应保尽保", "已应保尽保", "已应保尽保", "已应保尽保", "已应保尽保"],
        ["一级指标", "二级指标", "三级指标", "指标值", "实际值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标（50分）", "数量指标", "保障人数", "≥8000人", "8120人", "30", "30", ""],
        ["产出指标（50分）", "时效指标", "按月发放", "每月10日前", "已完成", "20", "20", ""],
        ["效益指标（30分）", "社会效益指标", "基本生活", "有效保障", "有效保障", "30", "28", "个别延误"],
        ["满意度指标（10分）", "服务对象满意度指标", "满意度", "≥90%", "95%", "10", "10", ""],
        ["总分", "", "", "", "", "100", "97", ""],
    ]
    table = doc.add_table(rows=len(rows), cols=8)
    merges = [(0, 0, 0, 7), (1, 0, 1, 7), (2, 1, 2, 3), (2, 5, 2, 7), (3, 0, 4, 0), (5, 0, 6, 0)]
    merges += [(5, 1, 5, 3), (5, 4, 5, 7), (6, 1, 6, 3), (6, 4, 6, 7), (8, 0, 9, 0)]
    done: set[tuple[int, int]] = set()
    for r1, c1, r2, c2 in merges:
        cell = table.cell(r1, c1).merge(table.cell(r2, c2))
        cell.text = rows[r1][c1]
        done |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) not in done:
                table.cell(r, c).text = text
    if nested:
        table.cell(10, 7).add_table(rows=1, cols=2)


def test_one_word_table_holding_the_whole_form(tmp_path: Path) -> None:
    doc = docx.Document()
    whole_form(doc)
    path = tmp_path / "wanrong.docx"
    doc.save(str(path))
    [imp] = read(path)
    assert imp.problems == []
    text = lines(imp.text)
    for expected in [
        'name: "万荣县"    # 表1 第1行第1列',
        "year: 2020    # 表1 第1行第1列",
        'name: "农村低保资金"    # 表1 第3行第2列',
        'department: "民政局"    # 表1 第3行第4列',  # the fourth cell seen: 农村低保资金 spans three
        'unit: "万元"    # 表1 第2行第1列',
        'budget: "1250"    # 表1 第5行第4列',
        'spent: "1180"    # 表1 第5行第5列',
        "points: 10    # 表1 第5行第6列",
        'expected: "应保尽保"    # 表1 第7行第2列',
        'achieved: "已应保尽保"    # 表1 第7行第3列',
        'level: "产出指标（50分）"    # 表1 第9行第1列',
        'target: "≥8000人"    # 表1 第9行第4列',
        'actual: "已完成"    # 表1 第10行第5列',
        'reason: "个别延误"    # 表1 第11行第8列',
        "score: 97    # 表1 第13行第7列",
    ]:
        assert expected in text, expected
    # 一级指标 merged over two rows: both read from the first cell
    assert text.count('level: "产出指标（50分）"    # 表1 第9行第1列') == 2
    out = tmp_path / "wanrong.yaml"
    df, _, _ = data_from(parse(imp.text, str(out)), out, Library())
    assert isinstance(df.data, TableData) and len(df.data.indicators) == 4


def test_a_nested_table_is_refused_at_its_cell(tmp_path: Path) -> None:
    doc = docx.Document()
    whole_form(doc, nested=True)
    path = tmp_path / "nested.docx"
    doc.save(str(path))
    with pytest.raises(InputError) as e:
        read(path)
    assert "表1 第11行第8列" in e.value.problems[0].message
    assert "嵌套" in e.value.problems[0].message


def test_several_forms_in_one_document_and_the_one_a_table_number_names(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("附件1")
    whole_form(doc)
    doc.add_paragraph("附件2")
    whole_form(doc, county="稷山县")
    path = tmp_path / "two.docx"
    doc.save(str(path))
    assert [p.part for p in read(path)] == ["表1", "表2"]
    [second] = read(path, table=2)
    assert values(second.text)["name"][0] != '"万荣县"'
    assert 'name: "稷山县"    # 表2 第1行第1列' in lines(second.text)
    with pytest.raises(UsageError):
        read(path, table=3)
    with pytest.raises(UsageError):
        read(path, sheet="Sheet1")


def test_a_form_in_tables_of_their_own_with_the_title_in_paragraphs(tmp_path: Path) -> None:
    """The header block, the goals and the indicators as three tables, the title above them."""
    doc = docx.Document()
    doc.add_paragraph("稷山县项目支出绩效自评表")
    doc.add_paragraph("（2020年度）")
    head = doc.add_table(rows=2, cols=7)
    for c, text in enumerate(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        head.cell(0, c).text = text
    for c, text in enumerate(["年度资金总额", "—", "65.66", "65.07", "10", "99%", "9"]):
        head.cell(1, c).text = text
    goals = doc.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "预期目标", (0, 1): "实际完成情况", (1, 0): "提高保障", (1, 1): "已提高"}.items():
        goals.cell(r, c).text = text
    rows = doc.add_table(rows=2, cols=8)
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    for c, text in enumerate(header):
        rows.cell(0, c).text = text
    for c, text in enumerate(["产出指标", "数量指标", "参合人数", "8755", "8676", "15", "13", "死亡"]):
        rows.cell(1, c).text = text
    path = tmp_path / "three.docx"
    doc.save(str(path))
    [imp] = read(path)
    assert imp.part == "表1–表3"
    text = lines(imp.text)
    assert 'name: "稷山县"    # 第1段' in text and "year: 2020    # 第2段" in text
    assert 'budget: "65.66"    # 表1 第2行第3列' in text
    assert 'expected: "提高保障"    # 表2 第2行第1列' in text
    assert 'target: "8755"    # 表3 第2行第4列' in text


def test_goals_written_each_on_a_row_of_its_own_beside_their_labels(tmp_path: Path) -> None:
    doc = docx.Document()
    table = doc.add_table(rows=7, cols=4)
    cells = {
        (0, 0): "稷山县项目支出绩效自评表（2020年度）",
        (1, 0): "项目资金（万元）",
        (1, 1): "全年预算数",
        (1, 2): "全年执行数",
        (2, 0): "年度资金总额",
        (2, 1): "65.66",
        (2, 2): "65.07",
        (3, 0): "预期目标",
        (3, 1): "提高保障",
        (4, 0): "实际完成情况",
        (4, 1): "已提高",
        (5, 0): "三级指标",
        (5, 1): "年度指标值",
        (5, 2): "实际完成值",
        (5, 3): "一级指标",
        (6, 0): "参合人数",
        (6, 1): "8755",
        (6, 2): "8755",
        (6, 3): "产出指标",
    }
    for (r, c), text in cells.items():
        table.cell(r, c).text = text
    path = tmp_path / "goals.docx"
    doc.save(str(path))
    [imp] = read(path)
    text = lines(imp.text)
    assert 'expected: "提高保障"    # 表1 第4行第2列' in text
    assert 'achieved: "已提高"    # 表1 第5行第2列' in text
    assert 'level: "产出指标"    # 表1 第7行第4列' in text


def test_a_cell_is_named_by_the_cells_seen_in_its_row_not_by_grid_columns(tmp_path: Path) -> None:
    """The budget block as counties type it in Word: 项目资金（万元） merged down the block and
    年度资金总额 spanning two grid columns, so 年初预算数's figure is the third cell one sees."""
    doc = docx.Document()
    doc.add_paragraph("稷山县项目支出绩效自评表（2020年度）")
    table = doc.add_table(rows=6, cols=9)
    rows = [
        ["项目资金（万元）", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["项目资金（万元）", "年度资金总额", "年度资金总额", "60", "65.66", "65.07", "10", "99%", "9"],
        ["一级指标", "二级指标", "三级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
        ["产出指标", "数量指标", "全县参合人数", "全县参合人数", "≥8755人", "8676人", "15", "13", ""],
        ["满意度指标", "服务对象满意度指标", "是否满意", "是否满意", "≥95%", "96%", "10", "9", ""],
        ["总分", "总分", "总分", "总分", "", "", "25", "22", ""],
    ]
    merges = [(0, 0, 1, 0), (0, 1, 0, 2), (1, 1, 1, 2), (2, 2, 2, 3), (3, 2, 3, 3), (4, 2, 4, 3), (5, 0, 5, 3)]
    done: set[tuple[int, int]] = set()
    for r1, c1, r2, c2 in merges:
        table.cell(r1, c1).merge(table.cell(r2, c2)).text = rows[r1][c1]
        done |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) not in done:
                table.cell(r, c).text = text
    path = tmp_path / "稷山.docx"
    doc.save(str(path))
    [imp] = read(path)
    text = lines(imp.text)
    assert 'initial: "60"    # 表1 第2行第3列' in text  # 项目资金, 年度资金总额, then 60
    assert 'budget: "65.66"    # 表1 第2行第4列' in text
    assert 'target: "≥8755人"    # 表1 第4行第4列' in text  # 全县参合人数 spans two columns
    assert "score: 22    # 表1 第6行第5列" in text  # 总分 spans four: 总分, two empty cells, 25, 22
    assert any("看得见的格子" in line and "合并的格子算一格" in line for line in text[:4])
