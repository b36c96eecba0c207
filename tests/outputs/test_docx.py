"""Word (:mod:`selfeval.outputs.docx` and its reference document, :mod:`selfeval.outputs.gongwen`):
the report as a 公文 by GB/T 9704, its provenance in the properties, the same bytes every time."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, FILED, ROOT, TABLE_DATA, load_yaml, write_yaml
from selfeval.cli import app
from selfeval.errors import TemplateError
from selfeval.outputs.docx import paragraphs
from selfeval.outputs.gongwen import reference_bytes


@pytest.fixture(scope="module")
def docx_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from typer.testing import CliRunner

    out = tmp_path_factory.mktemp("docx") / "自评报告.docx"
    result = CliRunner().invoke(app, ["report", str(DATA), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def body_text(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    texts += [p.text for t in doc.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
    return "\n".join(texts)


# ----------------------------------------------------------------------------- the narrative report


def test_page_and_margins_by_gb_t_9704(docx_bytes: bytes) -> None:
    from docx import Document

    section = Document(io.BytesIO(docx_bytes)).sections[0]
    mm = {k: getattr(section, k).mm for k in ("page_width", "page_height", "top_margin", "bottom_margin")}
    mm |= {k: getattr(section, k).mm for k in ("left_margin", "right_margin")}
    expected = {"page_width": 210, "page_height": 297, "top_margin": 37, "bottom_margin": 35}
    expected |= {"left_margin": 28, "right_margin": 26}
    for key, value in expected.items():
        assert abs(mm[key] - value) <= 1, key


def test_fonts_in_the_east_asian_slot_with_fallbacks(docx_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
        fonts = z.read("word/fontTable.xml").decode("utf-8")
    east = set(re.findall(r'w:eastAsia="([^"]+)"', styles))
    assert {"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"} <= east
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in fonts


def test_page_numbers_odd_right_even_left(docx_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        footers = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/footer")]
        settings = z.read("word/settings.xml").decode("utf-8")
    assert len([f for f in footers if "PAGE" in f]) == 2
    assert all("— " in f and " —" in f for f in footers if "PAGE" in f)
    assert "evenAndOddHeaders" in settings


def test_the_text_is_the_filed_report(docx_bytes: bytes) -> None:
    text = body_text(docx_bytes)
    scoreless = re.sub(
        r"[（(]\s*得\s*[\d.]+\s*分\s*[）)]|扣\d+分|指标分值共?-?\d+分|自评得分?\s*\d+分|，得\d+分|（\d+分）",
        "",
        FILED.read_text("utf-8"),
    )
    figures = re.findall(r"\d+(?:\.\d+)?", scoreless)
    present = [f for f in figures if f in text]
    assert len(present) / len(figures) >= 0.98
    assert "自评得分104分" in text and "二、工作保障与管理（指标分值38分，自评得37分）" in text
    assert "平罗县民政局" in text and "文件" in text and "平民发〔2021〕21号" in text


def test_each_part_in_its_style(docx_bytes: bytes) -> None:
    from docx import Document

    doc = Document(io.BytesIO(docx_bytes))
    styled = [(p.style.name, p.text) for p in doc.paragraphs]
    assert ("公文一级标题", "二、工作保障与管理（指标分值38分，自评得37分）") in styled
    assert next(s for s, t in styled if t.startswith("12. ")) == "公文正文"
    assert [t for s, t in styled if s == "公文标题"] == ["平罗县2020年度困难群众救助工作绩效自评报告"]
    assert [t for s, t in styled if s == "公文文号"] == ["平民发〔2021〕21号"]
    assert len([s for s, _ in styled if s == "公文二级标题"]) == 14  # the fourteen indicators


def test_provenance_in_the_properties_not_the_body(docx_bytes: bytes) -> None:
    from docx import Document

    doc = Document(io.BytesIO(docx_bytes))
    sha = hashlib.sha256(DATA.read_bytes()).hexdigest()
    assert sha in doc.core_properties.comments
    assert "SHA-256" not in body_text(docx_bytes) and sha not in body_text(docx_bytes)
    assert "审核发现" not in body_text(docx_bytes)  # the appendix only with --with-audit


def test_reproducible_and_audit_only_when_asked(runner: Any, tmp_path: Path, docx_bytes: bytes) -> None:
    again = tmp_path / "again.docx"
    assert runner.invoke(app, ["report", str(DATA), "--out", str(again)]).exit_code == 0
    assert again.read_bytes() == docx_bytes
    audited = tmp_path / "audited.docx"
    assert runner.invoke(app, ["report", str(DATA), "--with-audit", "--out", str(audited)]).exit_code == 0
    assert "审核发现" in body_text(audited.read_bytes())


def test_text_is_text_in_word(runner: Any, tmp_path: Path) -> None:
    data = load_yaml(DATA)
    data["items"]["c10"]["narrative"][0]["text"] = "<R&D> **不是粗体**\n@公文标题 不是标题\x0b完"
    path = write_yaml(tmp_path / "d.yaml", data)
    out = tmp_path / "r.docx"
    assert runner.invoke(app, ["report", str(path), "--out", str(out)]).exit_code == 0
    text = body_text(out.read_bytes())
    assert "10. <R&D> **不是粗体** @公文标题 不是标题 完（得2分）" in text
    assert len([line for line in text.splitlines() if line.startswith("@")]) == 0


def test_the_shipped_reference_is_what_its_definition_gives() -> None:
    assert (ROOT / "templates" / "report.docx").read_bytes() == reference_bytes()


def test_a_template_line_is_a_style_and_its_text() -> None:
    assert paragraphs("@公文标题 标题\n\n@公文正文 第一段 有空格\n@公文正文\n", "t") == [
        ("公文标题", "标题"),
        ("公文正文", "第一段 有空格"),
        ("公文正文", ""),
    ]
    with pytest.raises(TemplateError) as e:
        paragraphs("@公文标题 标题\n没有样式的一行\n", "my.docx.j2")
    assert str(e.value).startswith("my.docx.j2:2:1: ")  # the line of the template


# ----------------------------------------------------------------------------- the project table


def test_report_word_has_the_table(runner: Any, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "t.docx"
    result = runner.invoke(app, ["report", str(TABLE_DATA), "--out", str(out)])
    assert result.exit_code == 0, result.output
    doc = Document(io.BytesIO(out.read_bytes()))
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert ["产出指标（50分）", "数量指标", "全县参合人数", "8755", "8676", "15", "14.86"] == rows[-7][:7]
    assert rows[-6][0] == "产出指标（50分）"  # merged down over its rows, as on the form
    assert any("65.66" in r and "65.07" in r for r in rows)
    assert doc.core_properties.title.startswith("稷山县项目支出绩效自评表")


def test_the_table_header_repeats_and_fits_the_text_block(runner: Any, tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    out = tmp_path / "t.docx"
    assert runner.invoke(app, ["report", str(TABLE_DATA), "--out", str(out)]).exit_code == 0
    doc = Document(io.BytesIO(out.read_bytes()))
    indicators = next(t for t in doc.tables if t.rows[0].cells[0].text == "一级指标")
    repeated = [
        row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None for row in indicators.rows
    ]
    assert repeated[0] and not any(repeated[1:])  # the header row, on every page
    assert abs(sum(c.width.mm for c in indicators.columns) - 156) < 1  # GB/T 9704's text block
    assert [c.text for c in indicators.rows[-1].cells][:7] == ["总分", "", "", "", "", "100", "99.77"]
