"""``selfeval import`` end to end: the round trip through the table's own workbook and Word file,
exit codes, what is said, and that nothing is written when the run fails."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from helpers import RUBRIC, TABLE_DATA
from selfeval.cli import app


def findings(runner: Any, path: Path) -> list[str]:
    """The audit's findings without the file's name and line (they differ between the files)."""
    result = runner.invoke(app, ["audit", "-f", "parsable", str(path)])
    return sorted(re.sub(r"^.*?: (error|warning|info): ", r"\1: ", x) for x in result.stdout.splitlines())


def total(runner: Any, path: Path) -> str:
    result = runner.invoke(app, ["score", "-f", "json", str(path)])
    assert result.exit_code == 0, result.output
    import json

    return str(json.loads(result.stdout)["total"])


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_the_tables_own_workbook_and_word_file_import_to_the_same_score_and_findings(
    runner: Any, tmp_path: Path, suffix: str
) -> None:
    table = tmp_path / f"t{suffix}"
    made = runner.invoke(app, ["report", str(TABLE_DATA), "--scores", "claimed", "--out", str(table)])
    assert made.exit_code == 0, made.output
    out = tmp_path / "j.yaml"
    result = runner.invoke(app, ["import", str(table), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert total(runner, out) == total(runner, TABLE_DATA) == "99.77"
    assert findings(runner, out) == findings(runner, TABLE_DATA) != []


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_a_report_of_computed_scores_imports_to_the_same_score(runner: Any, tmp_path: Path, suffix: str) -> None:
    """The report's 得分 are then the computed ones, which the imported file claims: same total, and
    nothing left for the audit to find in the claims."""
    table = tmp_path / f"t{suffix}"
    assert runner.invoke(app, ["report", str(TABLE_DATA), "--out", str(table)]).exit_code == 0
    out = tmp_path / "j.yaml"
    assert runner.invoke(app, ["import", str(table), "--out", str(out)]).exit_code == 0
    assert total(runner, out) == "99.77"
    assert "# " in out.read_text(encoding="utf-8")


def unreadable(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["稷山县项目支出绩效自评表（2020年度）"])
    ws.append(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数"])
    ws.append(["年度资金总额", 65.66, 65.66, 65.07])
    ws.append(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"])
    ws.append(["产出指标", "数量指标", "参合人数", "8755人", "八千六百人", 50, 45])
    wb.save(path)
    return path


def test_an_unreadable_cell_fails_naming_the_cell_and_writes_nothing(runner: Any, tmp_path: Path) -> None:
    table, out = unreadable(tmp_path / "t.xlsx"), tmp_path / "j.yaml"
    result = runner.invoke(app, ["import", str(table), "--out", str(out)])
    assert result.exit_code == 1
    assert f"{table}:E5: error: " in result.stderr
    assert "八千六百人" in result.stderr and "--partial" in result.stderr
    assert not out.exists()


def test_partial_writes_the_unreadable_cell_as_unknown(runner: Any, tmp_path: Path) -> None:
    table, out = unreadable(tmp_path / "t.xlsx"), tmp_path / "j.yaml"
    result = runner.invoke(app, ["import", str(table), "--out", str(out), "--partial"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert re.search(r"actual: 未知    # E5 ", text)
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0


def test_usage_errors_exit_2(runner: Any, tmp_path: Path) -> None:
    table = unreadable(tmp_path / "t.xlsx")
    out = tmp_path / "j.yaml"
    both = runner.invoke(app, ["import", str(table), "--out", str(out), "--sheet", "x", "--table", "1"])
    assert both.exit_code == 2
    missing = runner.invoke(app, ["import", str(tmp_path / "no.xlsx"), "--out", str(out)])
    assert missing.exit_code == 2
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    kind = runner.invoke(app, ["import", str(pdf), "--out", str(out)])
    assert kind.exit_code == 2 and ".xlsx" in kind.stderr
    sheet = runner.invoke(app, ["import", str(table), "--out", str(out), "--sheet", "没有"])
    assert sheet.exit_code == 2 and "Sheet" in sheet.stderr
    assert not out.exists()


def test_an_existing_file_is_kept_without_force_and_the_input_never_overwritten(runner: Any, tmp_path: Path) -> None:
    table = tmp_path / "t.xlsx"
    assert runner.invoke(app, ["report", str(TABLE_DATA), "--out", str(table)]).exit_code == 0
    out = tmp_path / "j.yaml"
    out.write_text("keep", encoding="utf-8")
    assert runner.invoke(app, ["import", str(table), "--out", str(out)]).exit_code == 2
    assert out.read_text(encoding="utf-8") == "keep"
    assert runner.invoke(app, ["import", str(table), "--out", str(out), "--force"]).exit_code == 0
    assert out.read_text(encoding="utf-8") != "keep"
    before = table.read_bytes()
    assert runner.invoke(app, ["import", str(table), "--out", str(table), "--force"]).exit_code == 2
    assert table.read_bytes() == before


def test_an_old_workbook_fails_with_how_to_convert_it(runner: Any, tmp_path: Path) -> None:
    old = tmp_path / "t.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    out = tmp_path / "j.yaml"
    result = runner.invoke(app, ["import", str(old), "--out", str(out)])
    assert result.exit_code == 1 and "另存为" in result.stderr and "Traceback" not in result.output
    assert not out.exists()


def test_several_tables_are_written_one_file_each_named_after_their_sheets(runner: Any, tmp_path: Path) -> None:
    table = tmp_path / "t.xlsx"
    assert runner.invoke(app, ["report", str(TABLE_DATA), "--out", str(table)]).exit_code == 0
    wb = openpyxl.load_workbook(table)
    wb.copy_worksheet(wb.worksheets[0]).title = "第二个项目"
    wb.save(table)
    out = tmp_path / "data.yaml"
    result = runner.invoke(app, ["import", str(table), "--out", str(out)])
    assert result.exit_code == 0, result.output
    first = tmp_path / f"data-{wb.worksheets[0].title}.yaml"
    assert first.exists() and (tmp_path / "data-第二个项目.yaml").exists() and not out.exists()
    assert str(first) in result.stderr
    one = runner.invoke(app, ["import", str(table), "--out", str(out), "--sheet", "第二个项目"])
    assert one.exit_code == 0 and out.exists()


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_rows_without_points_and_a_cut_off_table_come_back_as_they_were(
    runner: Any, tmp_path: Path, suffix: str
) -> None:
    """A row whose 分值 the table does not state is shown 10（推定）: read back as stating none; the
    row a cut-off table's report adds for the rows not seen is read back as ``more: 未知``."""
    text = TABLE_DATA.read_text(encoding="utf-8")
    text = re.sub(r"\n    points: \d+", "", text, count=2)  # the first two rows state no 分值
    text = re.sub(r"  - level: 满意度指标.*?\ntotal:", "more: 未知\ntotal:", text, flags=re.S)  # a row not seen
    data = tmp_path / "cut.yaml"
    data.write_text(text, encoding="utf-8")
    table = tmp_path / f"t{suffix}"
    assert runner.invoke(app, ["report", str(data), "--scores", "claimed", "--out", str(table)]).exit_code == 0
    out = tmp_path / "j.yaml"
    result = runner.invoke(app, ["import", str(table), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "more: 未知" in out.read_text(encoding="utf-8")
    assert total(runner, out) == total(runner, data)
    assert findings(runner, out) == findings(runner, data)


def test_a_rubric_can_be_named_but_only_one_of_the_tables_form(runner: Any, tmp_path: Path) -> None:
    table = tmp_path / "t.xlsx"
    assert runner.invoke(app, ["report", str(TABLE_DATA), "--out", str(table)]).exit_code == 0
    out = tmp_path / "j.yaml"
    named = runner.invoke(app, ["import", str(table), "--out", str(out), "--rubric", "caiyu-2020-project"])
    assert named.exit_code == 0, named.output
    other = runner.invoke(app, ["import", str(table), "--out", str(tmp_path / "k.yaml"), "--rubric", "rubrics/none"])
    assert other.exit_code != 0
    narrative = runner.invoke(app, ["import", str(table), "--out", str(tmp_path / "k.yaml"), "--rubric", str(RUBRIC)])
    assert narrative.exit_code == 2 and "项目支出绩效自评表" in narrative.stderr


def _county_sheet(ws: Any, top: int, *, title: str) -> int:
    """A county's table from row ``top``: title, budget block, indicators, 总分 (returns its row)."""
    rows: list[list[Any]] = [
        [title],
        ["项目名称", "建档立卡个人缴费县级配套资金"],
        ["主管部门", "稷山县医疗保障局", None, None, "实施单位", "稷山县医疗保险服务中心"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", 60, 65.66, 65.07, 10, "99%", 9],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标（50分）", "数量指标", "全县参合人数", "≥8,755人", "8676人", 50, 45],
        ["效益指标（30分）", "社会效益指标", "惠及人数", "1.2万", "1.15万", 30, 27],
        ["满意度指标（10分）", "服务对象满意度指标", "是否满意", "≥95%", "96%", 10, 9],
        ["总分", None, None, None, None, 100, 90],
    ]
    for i, row in enumerate(rows):
        for c, v in enumerate(row, 1):
            if v is not None:
                ws.cell(top + i, c, v)
    return top + len(rows) - 1


def test_a_table_without_a_year_is_refused_at_its_cell_in_the_workbook_counted_once(
    runner: Any, tmp_path: Path
) -> None:
    wb = openpyxl.Workbook()
    _county_sheet(wb.active, 1, title="稷山县项目支出绩效自评表")
    table = tmp_path / "稷山自评表.xlsx"
    wb.save(table)
    out = tmp_path / "j.yaml"
    result = runner.invoke(app, ["import", str(table), "--out", str(out)])
    assert result.exit_code == 1 and not out.exists()
    said = [x for x in result.stderr.splitlines() if ": error: " in x]
    assert said == [f"{table}:A1: error: 表题和文件名中都没有年度（如“2020年度”）：请填写 subject.year"]
    assert str(out) not in result.stderr  # nothing said in the file not written
    assert "未能读入1处（A1）" in result.stderr and "有1处未能读入" in result.stderr


def test_two_tables_on_one_sheet_are_written_one_file_each(runner: Any, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "汇总"
    end = _county_sheet(ws, 1, title="稷山县项目支出绩效自评表（2020年度）")
    _county_sheet(ws, end + 3, title="稷山县项目支出绩效自评表（2020年度）")
    table = tmp_path / "t.xlsx"
    wb.save(table)
    out = tmp_path / "data.yaml"
    result = runner.invoke(app, ["import", str(table), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data-汇总-1.yaml").exists() and (tmp_path / "data-汇总-2.yaml").exists()
    second = (tmp_path / "data-汇总-2.yaml").read_text(encoding="utf-8")
    assert f"score: 90    # G{end + 12}" in second and "第13–" in second.splitlines()[0]
    assert total(runner, tmp_path / "data-汇总-2.yaml") == total(runner, tmp_path / "data-汇总-1.yaml")


def test_an_unknown_kind_lists_what_is_read_and_what_must_be_converted_first(runner: Any, tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("项目名称", encoding="utf-8")
    result = runner.invoke(app, ["import", str(text), "--out", str(tmp_path / "j.yaml")])
    assert result.exit_code == 2
    said = result.stderr.replace("\n", "")
    known = re.search(r"可导入 ([^（]*)（", said)
    assert known is not None and known.group(1).split() == [".docx", ".xlsm", ".xlsx"]
    assert ".xls" in said.split("（", 1)[1] and "须先另存为 .xlsx" in said and "须先另存为 .docx" in said
