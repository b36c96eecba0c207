"""tools/render_pages.py: what it writes and how each file becomes pages (without LibreOffice),
and, where LibreOffice is installed, the 评分表 and the project table as pages."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from helpers import ROOT, TABLE_DATA
from selfeval.pipeline import evaluate


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_pages", ROOT / "tools" / "render_pages.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


render_pages = _tool()


def test_the_plan_is_every_output_of_both_examples_and_the_province(tmp_path: Path) -> None:
    jobs = render_pages.plan(tmp_path / "province")
    names = [j.name for j in jobs]
    assert len(names) == len(set(names)) == 10
    for who, report in (("平罗县", "自评报告"), ("稷山县", "自评表")):
        assert {f"{who}-{report}.md", f"{who}-{report}.docx", f"{who}-{report}.xlsx", f"{who}-评分表.xlsx"} <= set(
            names
        )
    assert {"全区汇总.xlsx", "全区.html"} <= set(names)
    by = {j.name: j for j in jobs}
    assert by["稷山县-评分表.xlsx"].args == ("score", str(TABLE_DATA))
    assert by["全区.html"].args == ("score", str(tmp_path / "province"))
    renderers = {j.name: j.renderer for j in jobs}
    assert renderers["平罗县-自评报告.md"] == "text" and renderers["全区.html"] == "browser"
    assert renderers["平罗县-自评报告.docx"] == renderers["全区汇总.xlsx"] == "office"


def test_files_of_one_stem_get_pdfs_and_pages_of_their_own(tmp_path: Path) -> None:
    docx, xlsx = Path("平罗县-自评报告.docx"), Path("平罗县-自评报告.xlsx")
    assert render_pages.pdf_of(docx, tmp_path) != render_pages.pdf_of(xlsx, tmp_path)
    assert render_pages.pages_prefix(docx) == "平罗县-自评报告-docx"
    office = render_pages.soffice_command([docx, xlsx], tmp_path / "pdf", tmp_path / "profile")
    assert office[:1] == ["soffice"] and "--headless" in office and office[office.index("--convert-to") + 1] == "pdf"
    assert any(a.startswith("-env:UserInstallation=file://") for a in office)  # never someone else's LibreOffice
    browser = render_pages.chromium_command(Path("全区.html"), tmp_path / "p.pdf", tmp_path / "profile")
    assert "--headless" in browser and f"--print-to-pdf={tmp_path / 'p.pdf'}" in browser
    assert browser[-1].startswith("file://")
    assert render_pages.pages_command(tmp_path / "a.pdf", tmp_path / "a", 80)[:4] == ["pdftoppm", "-png", "-r", "80"]


def test_the_province_is_ten_counties_that_score(tmp_path: Path) -> None:
    paths = render_pages.make_province(tmp_path)
    assert len(paths) == 10 and [p.read_bytes() for p in paths] == [
        p.read_bytes() for p in render_pages.make_province(tmp_path / "again")
    ]  # the same files every run
    ev = evaluate(paths[0])
    assert ev.result.data.subject.name == "永宁县" and "平罗县" not in paths[0].read_text(encoding="utf-8")
    totals = {evaluate(p).result.total for p in paths[:4]}
    assert len(totals) > 1  # differences to show


def test_a_missing_program_is_said_and_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setitem(render_pages.CHECKS, "browser", lambda: False)
    monkeypatch.setattr(render_pages.shutil, "which", lambda name: None)  # no apt-get either
    assert render_pages.ensure("browser", said.append) is False
    assert said and "not rendered" in said[0]


def _can_render() -> bool:
    return (
        shutil.which("soffice") is not None and shutil.which("pdftoppm") is not None and render_pages.CHECKS["office"]()
    )


@pytest.mark.slow
@pytest.mark.skipif(not _can_render(), reason="needs LibreOffice (writer and calc) and pdftoppm")
def test_the_score_sheet_and_the_table_print_as_office_pages(tmp_path: Path) -> None:
    files = tmp_path / "files"
    files.mkdir()
    jobs = [
        j for j in render_pages.plan(tmp_path / "province") if j.name in ("平罗县-评分表.xlsx", "稷山县-自评表.xlsx")
    ]
    written = render_pages.write(jobs, files, print)
    pages = render_pages.render(written, tmp_path, 30, print)
    assert pages, "nothing rendered"
    info = {}
    for f in written:
        pdf = render_pages.pdf_of(f, tmp_path / "pdf")
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        size = next(line for line in out.splitlines() if line.startswith("Page size")).split()
        info[f.name] = (
            int(next(x for x in out.splitlines() if x.startswith("Pages")).split()[1]),
            float(size[2]),
            float(size[4]),
        )
    count, width, height = info["平罗县-评分表.xlsx"]
    assert width > height and 3 <= count <= 6  # landscape, one page wide: was 6 portrait pages, columns split
    count, width, height = info["稷山县-自评表.xlsx"]
    assert width < height and count == 1  # the form on one A4 portrait page
