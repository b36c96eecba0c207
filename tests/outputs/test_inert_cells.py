"""Text a spreadsheet would run as a formula stays text in every file a spreadsheet opens, header
cells included: a rubric's section title heads a ranking's column, a county's name a matrix's."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, RUBRIC, TABLE_DATA, load_yaml, table, write_yaml
from selfeval.cli import app
from selfeval.outputs.base import formula_like

LINK = '=HYPERLINK("http://x","y")'


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    """Two counties scored against a copy of the bundled rubric whose first section, without a
    number, is titled with a formula; the second county is named with one."""
    rubric = load_yaml(RUBRIC)
    rubric["id"] = "formula-titles"
    first = rubric["sections"][0]
    first.pop("number", None)  # the section's label, a column's header, is then its bare title
    first["title"] = LINK
    write_yaml(tmp_path / "rubric.yaml", rubric)
    data = load_yaml(DATA)
    data["rubric"] = {"id": "formula-titles", "version": rubric["version"], "path": "rubric.yaml"}
    a = write_yaml(tmp_path / "a.yaml", data)
    data["subject"]["name"] = "@SUM(1,2)"
    b = write_yaml(tmp_path / "b.yaml", data)
    return a, b


def csv_cells(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_a_csv_header_from_a_rubric_is_inert_as_its_cells_are(runner: Any, tmp_path: Path, two: Any) -> None:
    a, b = two
    written = {}
    for command, name in (("score", "汇总.csv"), ("audit", "审核.csv"), ("compare", "对比.csv")):
        out = tmp_path / name
        result = runner.invoke(app, [command, str(a), str(b), "--out", str(out)])
        assert result.exit_code in (0, 1), result.output  # audit finds the example's errors
        written[command] = csv_cells(out)
    header = written["score"][0]
    assert "'" + LINK in header  # the apostrophe spreadsheets themselves put before text
    assert "'" + LINK in [row[2] for row in written["compare"]]
    assert any(row[1] == "'@SUM(1,2)" for row in written["score"][1:])
    for command, rows in written.items():
        live = [cell for row in rows for cell in row if formula_like(cell)]
        assert not live, (command, live)


def test_excel_text_like_a_formula_is_text_with_the_quote_prefix(runner: Any, tmp_path: Path, two: Any) -> None:
    import openpyxl

    a, b = two
    books = []
    for command in ("score", "audit"):
        out = tmp_path / f"{command}.xlsx"
        result = runner.invoke(app, [command, str(a), str(b), "--out", str(out)])
        assert result.exit_code in (0, 1), result.output
        books.append(openpyxl.load_workbook(out))
    matrix = books[0].worksheets[3]  # the matrix, named by the rubric's title, under the title rows
    headers = {c.value: c for c in matrix[3]}
    assert headers["@SUM(1,2)"].data_type == "s" and headers["@SUM(1,2)"].quotePrefix  # a county heads a column
    titled = [c for row in matrix.iter_rows() for c in row if c.value == LINK]
    assert titled and titled[0].font.b  # the section's own format, with the prefix added
    seen = 0
    for book in books:
        for ws in book:
            for row in ws.iter_rows():
                for c in row:
                    assert c.data_type != "f", (ws.title, c.coordinate)
                    if formula_like(c.value):
                        seen += 1
                        assert c.data_type == "s" and c.quotePrefix, (ws.title, c.coordinate, c.value)
    assert seen >= 3


def test_the_merged_title_of_a_project_table_is_text(runner: Any, tmp_path: Path) -> None:
    import openpyxl

    data = table(tmp_path, subject={**load_yaml(TABLE_DATA)["subject"], "name": LINK})
    out = tmp_path / "t.xlsx"
    result = runner.invoke(app, ["report", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out).active
    assert "A1:H1" in {str(r) for r in ws.merged_cells.ranges}
    title = ws["A1"]
    assert title.value.startswith(LINK) and title.data_type == "s" and title.quotePrefix
    assert title.font.b and title.font.sz == 14  # the title's format kept
