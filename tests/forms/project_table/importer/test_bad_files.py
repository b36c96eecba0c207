"""Files that are no table to read: each refused with what it is and what to do, before a reader
builds it in memory."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from helpers import TABLE_RUBRIC
from selfeval.errors import InputError
from selfeval.forms.project_table import FORM
from selfeval.forms.project_table import importer as imp
from selfeval.forms.project_table.importer import xlsx
from selfeval.inputs import Library

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def refused(path: Path, **kw: Any) -> str:
    with pytest.raises(InputError) as e:
        FORM.import_table(path, Library().load(TABLE_RUBRIC).rubric, shown=str(path), **kw)
    [problem] = e.value.problems
    assert problem.path == str(path)
    return problem.message


def ole(path: Path, stream: str) -> Path:
    """An old Office file's start, with the name of one of its streams in its directory."""
    path.write_bytes(OLE + b"\0" * 504 + stream.encode("utf-16-le") + b"\0" * 1024)
    return path


def test_an_old_binary_workbook_says_how_to_convert_it(tmp_path: Path) -> None:
    said = refused(ole(tmp_path / "表.xls", "Workbook"))
    assert ".xls" in said and "另存为" in said and ".xlsx" in said
    # named .xlsx, yet an old workbook: judged by what it is
    assert ".xls" in refused(ole(tmp_path / "renamed.xlsx", "Workbook"))


def test_an_old_word_document_says_how_to_convert_it(tmp_path: Path) -> None:
    said = refused(ole(tmp_path / "表.doc", "WordDocument"))
    assert ".doc" in said and ".docx" in said and "另存为" in said


def test_a_workbook_with_a_password_says_so(tmp_path: Path) -> None:
    said = refused(ole(tmp_path / "locked.xlsx", "EncryptedPackage"))
    assert "密码" in said


def test_a_corrupt_or_truncated_workbook_is_refused(tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    openpyxl.Workbook().save(good)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert ".xlsx" in refused(cut)
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(damaged, "w") as zout:
        for item in zin.infolist():
            data = b"<not xml" if item.filename == "xl/workbook.xml" else zin.read(item.filename)
            zout.writestr(item, data)
    assert "损坏" in refused(damaged)
    text = tmp_path / "exported.xlsx"
    text.write_text("<html><table><tr><td>项目名称</td></tr></table></html>", encoding="utf-8")
    assert ".xlsx" in refused(text)


def test_a_zip_that_would_expand_too_far_is_refused_unopened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.xlsx"
    openpyxl.Workbook().save(path)
    monkeypatch.setattr(imp, "MAX_XML", 1_000)
    assert "压缩炸弹" in refused(path)


@pytest.mark.slow
def test_a_zip_bomb_is_refused_from_its_directory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/sharedStrings.xml", b"\0" * (imp.MAX_XML + 1))
    assert path.stat().st_size < 200_000
    assert "压缩炸弹" in refused(path)


def test_a_sheet_longer_than_any_table_is_refused_before_it_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx, "MAX_ROWS", 50)
    wb = openpyxl.Workbook()
    for n in range(60):
        wb.active.append([n, "行"])
    path = tmp_path / "long.xlsx"
    wb.save(path)
    said = refused(path)
    assert "50" in said and "行" in said


@pytest.mark.slow
def test_a_workbook_of_100000_rows_is_refused(tmp_path: Path) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("数据")
    for n in range(100_000):
        ws.append([n, "参合人数", 8755])
    path = tmp_path / "huge.xlsx"
    wb.save(path)
    said = refused(path)
    assert f"{xlsx.MAX_ROWS:,}" in said


def test_a_file_without_the_forms_header_says_what_was_looked_for(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "金额"])
    wb.save(path)
    said = refused(path)
    assert "三级指标" in said and "Sheet" in said
    doc = docx.Document()
    doc.add_paragraph("没有表格")
    word = tmp_path / "other.docx"
    doc.save(str(word))
    assert "三级指标" in refused(word)


def test_a_damaged_word_document_is_refused(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    docx.Document().save(str(good))
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(damaged, "w") as zout:
        for item in zin.infolist():
            data = b"<w:document" if item.filename == "word/document.xml" else zin.read(item.filename)
            zout.writestr(item, data)
    assert "损坏" in refused(damaged)


def test_shared_strings_too_large_to_read_whole_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "strings.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/sharedStrings.xml", b" " * (imp.MAX_WHOLE + 1))
    assert "压缩炸弹" in refused(path)


def test_rows_and_columns_only_formatted_are_not_counted_but_a_value_far_out_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "formatted.xlsx"
    provincial_like = openpyxl.Workbook()
    ws = provincial_like.active
    ws.append(["稷山县项目支出绩效自评表（2020年度）"])
    ws.append(["项目资金（万元）", "全年预算数", "全年执行数"])
    ws.append(["年度资金总额", 65.66, 65.07])
    ws.append(["一级指标", "三级指标", "年度指标值", "实际完成值"])
    ws.append(["产出指标", "参合人数", "8755", "8755"])
    bold = openpyxl.styles.Font(bold=True)
    for r in range(1, xlsx.MAX_ROWS + 500):
        ws.cell(r, 300).font = bold  # a whole column formatted, as clerks do
    provincial_like.save(path)
    [imported] = FORM.import_table(path, Library().load(TABLE_RUBRIC).rubric, shown=str(path))
    assert imported.problems == []
    ws.cell(7, 300).value = "备注"
    provincial_like.save(path)
    assert "KN7" in refused(path)


def test_a_workbook_named_docx_and_a_document_named_xlsx_are_read_by_what_they_are(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    for row in [
        ["稷山县项目支出绩效自评表（2020年度）"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数"],
        ["年度资金总额", 60, 65.66, 65.07],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "全县参合人数", "≥8755人", "8676人", 15, 13],
    ]:
        ws.append(row)
    named_docx = tmp_path / "自评表.docx"
    book.save(named_docx)
    rubric = Library().load(TABLE_RUBRIC).rubric
    [imp_x] = FORM.import_table(named_docx, rubric, shown=str(named_docx))
    assert "B3" in imp_x.text and imp_x.problems == []
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=5)
    for c, text in enumerate(["三级指标", "年度指标值", "实际完成值", "一级指标", "得分"]):
        table.cell(0, c).text = text
    for c, text in enumerate(["全县参合人数", "≥8755人", "8676人", "产出指标", "13"]):
        table.cell(1, c).text = text
    named_xlsx = tmp_path / "自评表.xlsx"
    doc.save(str(named_xlsx))
    [imp_d] = FORM.import_table(named_xlsx, rubric, shown=str(named_xlsx))
    assert "表1 第2行第2列" in imp_d.text


ENGLISH = re.compile(r"[A-Za-z]*(Error|Exception|BadZip|Invalid)[A-Za-z]*|openpyxl|docx file format|not support")


def test_what_a_reader_raises_is_said_in_chinese_without_its_class_or_text(tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    openpyxl.Workbook().save(good)
    bad_xml = tmp_path / "damaged.docx"  # a workbook, named .docx, with its workbook part broken
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad_xml, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, b"<not xml" if item.filename == "xl/workbook.xml" else zin.read(item.filename))
    not_zip = tmp_path / "exported.xlsx"
    not_zip.write_bytes(b"PK\x03\x04 cut short")
    other_zip = tmp_path / "photos.docx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("a.txt", "x")
    for path in (bad_xml, not_zip, other_zip):
        said = refused(path)
        assert not ENGLISH.search(said), said
        assert "（" not in said or "）" in said
    assert "Excel 工作簿" in refused(bad_xml) and "损坏" in refused(bad_xml)
