"""The documents offices file: the report as a Word 公文, the score as Excel, CSV that Excel opens."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import DATA, FILED, ROOT, write_yaml
from selfeval.cli import app
from selfeval.outputs.gongwen import reference_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def docx_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from typer.testing import CliRunner

    out = tmp_path_factory.mktemp("docx") / "自评报告.docx"
    result = CliRunner().invoke(app, ["report", str(DATA), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def body_text(data: bytes) -> str:
    import io

    from docx import Document

    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    texts += [p.text for t in doc.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
    return "\n".join(texts)


def test_page_and_margins_by_gb_t_9704(docx_bytes: bytes) -> None:
    import io

    from docx import Document

    section = Document(io.BytesIO(docx_bytes)).sections[0]
    mm = {k: getattr(section, k).mm for k in ("page_width", "page_height", "top_margin", "bottom_margin")}
    mm |= {k: getattr(section, k).mm for k in ("left_margin", "right_margin")}
    expected = {"page_width": 210, "page_height": 297, "top_margin": 37, "bottom_margin": 35}
    expected |= {"left_margin": 28, "right_margin": 26}
    for key, value in expected.items():
        assert abs(mm[key] - value) <= 1, key


def test_fonts_in_the_east_asian_slot_with_fallbacks(docx_bytes: bytes) -> None:
    with zipfile.ZipFile(__import__("io").BytesIO(docx_bytes)) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
        fonts = z.read("word/fontTable.xml").decode("utf-8")
    east = set(re.findall(r'w:eastAsia="([^"]+)"', styles))
    assert {"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"} <= east
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in fonts


def test_page_numbers_odd_right_even_left(docx_bytes: bytes) -> None:
    with zipfile.ZipFile(__import__("io").BytesIO(docx_bytes)) as z:
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


def test_provenance_in_the_properties_not_the_body(docx_bytes: bytes) -> None:
    import io

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
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    data["items"]["c10"]["narrative"][0]["text"] = "<R&D> **不是粗体**\n@公文标题 不是标题\x0b完"
    path = write_yaml(tmp_path / "d.yaml", data)
    out = tmp_path / "r.docx"
    assert runner.invoke(app, ["report", str(path), "--out", str(out)]).exit_code == 0
    text = body_text(out.read_bytes())
    assert "10. <R&D> **不是粗体** @公文标题 不是标题 完（得2分）" in text
    assert len([line for line in text.splitlines() if line.startswith("@")]) == 0


def test_the_shipped_reference_is_what_its_definition_gives() -> None:
    assert (ROOT / "templates" / "report.docx").read_bytes() == reference_bytes()


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


def test_csv_for_excel(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    assert runner.invoke(app, ["score", str(DATA), "--format", "csv", "--out", str(out)]).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw[3:].decode("utf-8").startswith("编号（ID）,编号,指标")
    english = tmp_path / "en.csv"
    runner.invoke(app, ["--lang", "en", "score", str(DATA), "--out", str(english)])
    assert english.read_bytes()[3:].startswith(b"ID,No.,Indicator")
    piped = runner.invoke(app, ["score", str(DATA), "--format", "csv"]).stdout
    assert piped.startswith("id,number,title")
