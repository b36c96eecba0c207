"""A county and year given twice is ranked once: the first file by path takes the place, the others
are listed as its copies, with no rank and no column of the indicator matrix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import county_copy
from selfeval.cli import app


@pytest.fixture
def province(tmp_path: Path) -> Path:
    """平罗县 104; 永宁县 sent three times (a resubmission and a copy from the 局's mail), 101; 贺兰县 99."""
    folder = tmp_path / "counties"
    folder.mkdir()
    county_copy(folder, "平罗县")
    for file in ("永宁县", "永宁县（修改稿）", "永宁县_副本"):
        county_copy(folder, "永宁县", file, recipient_satisfaction_pct=80)
    county_copy(folder, "贺兰县", recipient_satisfaction_pct=80, recheck_coverage_pct=80)
    return folder


def run(runner: Any, *args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def test_copies_take_no_rank(runner: Any, province: Path) -> None:
    result = run(runner, "score", province, "-f", "json")
    assert result.exit_code == 1  # a duplicate is still a problem of the batch
    rows = json.loads(result.stdout)
    assert [(r["name"], r["rank"], r["status"]) for r in rows] == [
        ("平罗县", 1, "scored"),
        ("永宁县", 2, "scored"),
        ("贺兰县", 3, "scored"),  # not 5: the copies took no place
        ("永宁县", None, "duplicate"),
        ("永宁县", None, "duplicate"),
    ]
    first = str(province / "永宁县.yaml")
    assert rows[1]["path"] == first
    assert rows[1]["duplicates"] == sorted(
        [str(province / "永宁县_副本.yaml"), str(province / "永宁县（修改稿）.yaml")]
    )
    assert [r["duplicate_of"] for r in rows[3:]] == [[first], [first]]
    assert result.stderr.count("不参与排名") == 2


def test_the_ranked_copy_does_not_depend_on_the_order_given(runner: Any, province: Path) -> None:
    files = sorted((str(p) for p in province.glob("*.yaml")), reverse=True)
    rows = json.loads(run(runner, "score", *files, "-f", "json").stdout)
    assert [r["path"] for r in rows if r["name"] == "永宁县" and r["rank"]] == [str(province / "永宁县.yaml")]


def test_the_table_lists_copies_apart(runner: Any, province: Path) -> None:
    text = run(runner, "score", province).stdout.replace("\n", "")
    assert "永宁县_副本.yaml: 与" in text and "不参与排名" in text
    ranks = [line.split()[0] for line in run(runner, "score", province).stdout.splitlines() if "2020" in line]
    assert ranks == ["1", "2", "3"]


def test_the_matrix_and_the_page_have_each_county_once(runner: Any, province: Path, tmp_path: Path) -> None:
    import openpyxl

    book = tmp_path / "全区汇总.xlsx"
    run(runner, "score", province, "--out", book)
    wb = openpyxl.load_workbook(book)
    matrix = wb.worksheets[3]  # named by the rubric's title, its header under the title rows
    assert list(next(matrix.iter_rows(min_row=3, max_row=3, values_only=True))[3:]) == ["平罗县", "永宁县", "贺兰县"]
    ranking = list(wb["排名"].iter_rows(min_row=4, max_row=8, values_only=True))
    assert [r[0] for r in ranking] == [1, 2, 3, None, None]
    assert "不参与排名" in " ".join(str(v) for v in ranking[3])
    page = tmp_path / "全区.html"
    run(runner, "score", province, "--out", page)
    html = page.read_text(encoding="utf-8")
    head = html.split('<table class="matrix">', 1)[1].split("</tr>", 1)[0]
    assert head.count("永宁县") == 1 and html.count("<rect") == 3
    assert "重复的文件（不参与排名）" in html
