"""`selfeval test`: rubric test cases pass when the score is as they say, and each expectation
that does not hold is said at its line in the case file, with what was expected and what came."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, ROOT, RUBRIC, TABLE_DATA
from selfeval.cli import app


def case(folder: Path, text: str, name: str = "c.test.yaml") -> Path:
    path = folder / name
    path.write_text(text.replace("DATA", str(DATA)).replace("TABLE", str(TABLE_DATA)), encoding="utf-8")
    return path


def run(runner: Any, *args: str) -> Any:
    return runner.invoke(app, ["test", *args])


def test_the_bundled_rubrics_own_cases_pass(runner: Any) -> None:
    result = run(runner, str(ROOT / "rubrics" / "tests"))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "2 个用例文件" in result.stderr and "0 项未通过" in result.stderr


def test_a_passing_case_exits_0(runner: Any, tmp_path: Path) -> None:
    case(tmp_path, 'data: DATA\nexpect:\n  total: 104\n  grade: 优\n  nodes: {（九）: 6, "27": 1, c43: 0}\n')
    result = run(runner, str(tmp_path))
    assert result.exit_code == 0, result.output


def test_a_total_that_is_not_so_is_said_at_its_line_with_what_came(runner: Any, tmp_path: Path) -> None:
    path = case(tmp_path, "# 平罗县\ndata: DATA\nexpect:\n  grade: 优\n  total: 105\n")
    result = run(runner, str(path))
    assert result.exit_code == 1
    assert result.stdout == f"{path}:5:3: error: 总分：期望 105，实得 104\n"


def test_each_failed_expectation_is_one_located_record(runner: Any, tmp_path: Path) -> None:
    path = case(
        tmp_path,
        "data: DATA\n"
        "expect:\n"
        "  grade: 良\n"
        "  nodes:\n"
        '    "27": 2\n'
        "    社会救助兜底脱贫行动: 6\n"  # (一) and 1. share the title
        "    年终人均救助资金滚存余: 1\n"
        "  findings:\n"
        "    present: [veto]\n"
        "    absent: [claim-sum]\n",
    )
    result = run(runner, "-f", "json", str(path))
    assert result.exit_code == 1
    found = json.loads(result.stdout)["findings"]
    assert [(f["line"], f["code"]) for f in found] == [(3, "case-failed")] + [
        (n, "case-failed") for n in (5, 6, 7, 9, 10)
    ]
    messages = [f["message"] for f in found]
    assert "期望得 2 分，实得 1 分" in messages[1]
    assert "i01" in messages[2] and "c01" in messages[2]
    assert "是否应为“年终人均救助资金滚存结余”" in messages[3]


@pytest.mark.parametrize(
    ("expected", "holds"),
    [("104", True), ("104分", True), ("１０４", True), ("{min: 90}", True), ("{max: 100}", False), ("96至104", False)],
)
def test_a_total_may_be_written_as_counties_write_it_or_as_bounds(
    runner: Any, tmp_path: Path, expected: str, holds: bool
) -> None:
    case(tmp_path, f"data: DATA\nexpect:\n  total: {expected}\n")
    assert run(runner, str(tmp_path)).exit_code == (0 if holds else 1)


def test_an_undecided_score_is_expected_as_its_range(runner: Any, tmp_path: Path) -> None:
    data = tmp_path / "d.yaml"
    data.write_text(
        DATA.read_text(encoding="utf-8").replace("  rollover_per_capita: 2070", "  rollover_per_capita: 未知")
    )
    from selfeval.pipeline import evaluate

    r = evaluate(data).result
    assert r.total != r.total_high  # an unknown input leaves the total a range
    from selfeval.numbers import fmt

    low, high = fmt(r.total), fmt(r.total_high)
    case(tmp_path, f"data: d.yaml\nexpect:\n  total: {low}至{high}\n")
    assert run(runner, str(tmp_path)).exit_code == 0
    case(tmp_path, f"data: d.yaml\nexpect:\n  total: {high}\n")
    result = run(runner, str(tmp_path))
    assert result.exit_code == 1
    assert f"实得 {low}–{high}" in result.stdout


def test_a_project_table_case_by_row_titles(runner: Any, tmp_path: Path) -> None:
    case(tmp_path, "data: TABLE\nexpect:\n  total: 99.77\n  nodes: {全县参合人数: 14.86, funding: 9.91}\n")
    assert run(runner, str(tmp_path)).exit_code == 0


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("data: DATA\nexpect:\n  totl: 104\n", 3),  # a misspelt key
        ("data: nowhere.yaml\nexpect:\n  total: 104\n", 1),
        ("data: DATA\nexpect:\n  total: 一百\n", 3),
        ("data: DATA\nrubric: missing.yaml\nexpect:\n  total: 104\n", 2),
        ("data: DATA\nexpect: {}\n", 2),
    ],
)
def test_a_case_file_that_cannot_be_run_is_said_at_its_line(runner: Any, tmp_path: Path, text: str, line: int) -> None:
    path = case(tmp_path, text)
    result = run(runner, str(path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}:{line}:"), result.stdout


def test_a_data_file_that_does_not_load_is_said_with_its_own_problems(runner: Any, tmp_path: Path) -> None:
    data = tmp_path / "d.yaml"
    data.write_text(DATA.read_text(encoding="utf-8").replace("\nfigures:", "\nfiguers:", 1), encoding="utf-8")
    path = case(tmp_path, "data: d.yaml\nexpect:\n  total: 104\n")
    result = run(runner, str(path))
    assert result.exit_code == 1
    assert f"{path}:1:1:" in result.stdout and f"{data}:" in result.stdout


def test_a_case_names_its_rubric_relative_to_itself(runner: Any, tmp_path: Path) -> None:
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "mine.yaml").write_text(RUBRIC.read_text(encoding="utf-8"), encoding="utf-8")
    case(tmp_path, "data: DATA\nrubric: r/mine.yaml\nexpect:\n  total: 104\n")
    assert run(runner, str(tmp_path)).exit_code == 0


def test_folders_are_searched_for_cases_and_an_empty_one_is_a_usage_error(runner: Any, tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    case(tmp_path / "a" / "b", "data: DATA\nexpect:\n  total: 104\n", "x.test.yaml")
    case(tmp_path / ".hidden", "data: DATA\nexpect:\n  total: 1\n", "y.test.yaml")
    case(tmp_path / "a", "data: DATA\nexpect:\n  total: 1\n", "not-a-case.yaml")
    result = run(runner, str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "1 个用例文件" in result.stderr
    (tmp_path / "empty").mkdir()
    assert run(runner, str(tmp_path / "empty")).exit_code == 2


def test_github_annotations_name_the_case_line(runner: Any, tmp_path: Path) -> None:
    path = case(tmp_path, "data: DATA\nexpect:\n  total: 105\n")
    result = run(runner, "-f", "github", str(path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"::error file={path},line=3,col=3,")
