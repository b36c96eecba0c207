"""`selfeval validate`: the bundled rubric passes; each broken copy fails on the right line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import RUBRIC
from selfeval.cli import app

TEXT = RUBRIC.read_text(encoding="utf-8")


def line_of(text: str, needle: str, start: str | None = None) -> int:
    """1-based line of ``needle`` (after ``start`` when given)."""
    offset = text.index(start) if start else 0
    return text[: text.index(needle, offset)].count("\n") + 1


def broken(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    assert TEXT.count(old) >= 1, old
    text = TEXT.replace(old, new, 1)
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def run_validate(runner: Any, *args: str) -> Any:
    """validate in English: these tests read the messages rubric authors get with --lang en."""
    return runner.invoke(app, ["--lang", "en", "validate", *args])


def test_bundled_rubric_is_valid(runner: Any) -> None:
    result = run_validate(runner, str(RUBRIC))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_bundled_data_is_valid(runner: Any) -> None:
    from helpers import DATA

    result = run_validate(runner, str(RUBRIC), str(DATA))
    assert result.exit_code == 0, result.output


def test_totals_are_checked_from_the_file(tmp_path: Path, runner: Any) -> None:
    path, text = broken(tmp_path, "total: 100\n", "total: 90\n")
    result = run_validate(runner, str(path))
    assert result.exit_code == 1
    assert (
        f"{path}:{line_of(text, 'total: 90')}:1: error: standard sections add up to 100, but total is 90"
        in result.stdout
    )
    path, text = broken(tmp_path, "bonus_cap: 5\n", "bonus_cap: 4\n")
    assert "bonus sections add up to 5, but bonus_cap is 4" in run_validate(runner, str(path)).stdout
    path, text = broken(tmp_path, "deduction_cap: 20\n", "deduction_cap: 25\n")
    assert "deduction sections add up to 20, but deduction_cap is 25" in run_validate(runner, str(path)).stdout


CASES: list[tuple[str, str, str, str, str | None]] = [
    # (name, old text, new text, expected message part, line anchor: text whose line is expected)
    (
        "schema",
        "      - id: i02\n        number: （二）\n        title: 受疫情影响困难群众兜底保障工作\n        points: 3\n",
        "      - id: i02\n        number: （二）\n        title: 受疫情影响困难群众兜底保障工作\n"
        "        points: three\n",
        "points: expected a number",
        "points: three",
    ),
    (
        "duplicate-id",
        "              - id: c02.2\n",
        "              - id: c02.1\n",
        "duplicate node id 'c02.1'",
        "- id: c02.1\n                title: 开通",
    ),
    (
        "sum",
        "              - id: c04.3\n                title: 开展乡镇临时救助备用金监管工作\n                points: 1\n",
        "              - id: c04.3\n                title: 开展乡镇临时救助备用金监管工作\n                points: 2\n",
        "c04: children add up to 4, not the node's 3",
        "points: 3\n            children:\n              - id: c04.1",
    ),
    (
        "unknown-kind",
        "rule: {kind: fact, fact: online_application}",
        "rule: {kind: factoid, fact: online_application}",
        "unknown kind 'factoid'",
        "rule: {kind: factoid",
    ),
    (
        "unknown-figure",
        "expr: town_report_boxes / towns * 100",
        "expr: town_report_boxes / township_count * 100",
        "metric 'town_box_coverage_pct' reads unknown figure or metric 'township_count'",
        "expr: town_report_boxes /",
    ),
    (
        "cycle",
        "expr: bureau_report_boxes + town_report_boxes",
        "expr: bureau_report_boxes + report_boxes_total",
        "metrics form a cycle: report_boxes_total → report_boxes_total",
        "expr: bureau_report_boxes + report",
    ),
    (
        "band-overlap",
        "                - {min: 20, max: 30, points: 1}",
        "                - {min: 20, max: 31, points: 1}",
        "bands overlap: 20～31 and 30～",
        "rule:\n              kind: bands\n              metric: disabled",
    ),
    (
        "band-order",
        "                - {min: 95, points: 3}\n                - {min: 90, max: 95, points: 2}\n",
        "                - {min: 90, max: 95, points: 2}\n                - {min: 95, points: 3}\n",
        "bands are out of order",
        "rule:\n              kind: bands\n              metric: application",
    ),
    (
        "unreachable",
        'rule: {kind: threshold, metric: disability_subsidy_budget, op: ">", value: 0}',
        'rule: {kind: threshold, metric: disability_subsidy_budget, op: ">", value: 0, points: 0}',
        "threshold has no reachable points",
        "rule: {kind: threshold, metric: disability_subsidy_budget",
    ),
    (
        "unknown-fact",
        "rule: {kind: fact, fact: monthly_publicity}",
        "rule: {kind: fact, fact: monthly_publicty}",
        "names unknown fact 'monthly_publicty'",
        "rule: {kind: fact, fact: monthly_publicty}",
    ),
    (
        "duplicate-key",
        "  towns: {title: 乡镇个数, unit: 个}\n",
        "  towns: {title: 乡镇个数, unit: 个}\n  towns: {title: 乡镇, unit: 个}\n",
        "duplicate key 'towns'",
        "  towns: {title: 乡镇, unit",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "message", "anchor"), CASES, ids=[c[0] for c in CASES])
def test_broken_copy_fails_on_the_right_line(
    tmp_path: Path, runner: Any, name: str, old: str, new: str, message: str, anchor: str | None
) -> None:
    path, text = broken(tmp_path, old, new)
    result = run_validate(runner, str(path))
    assert result.exit_code == 1, result.output
    lines = [x for x in result.stdout.splitlines() if message in x]
    assert lines, result.stdout
    if anchor is not None:
        expected = line_of(text, anchor)
        assert lines[0].startswith(f"{path}:{expected}:"), (lines[0], expected)
    assert "Traceback" not in result.output


def test_all_problems_of_a_file_in_one_run(tmp_path: Path, runner: Any) -> None:
    text = TEXT.replace("              - id: c02.2\n", "              - id: c02.1\n", 1)
    text = text.replace("expr: town_report_boxes / towns * 100", "expr: town_report_boxes / nowhere * 100", 1)
    text = text.replace("total: 100\n", "total: 99\n", 1)
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    out = run_validate(runner, str(path)).stdout.splitlines()
    assert len(out) == 3, out
    assert out == sorted(out, key=lambda x: int(x.split(":")[1]))


def test_github_format(tmp_path: Path, runner: Any) -> None:
    path, text = broken(tmp_path, "total: 100\n", "total: 90\n")
    result = run_validate(runner, "--format", "github", str(path))
    assert result.stdout.startswith(f"::error file={path},line={line_of(text, 'total: 90')},col=1,title=selfeval sum::")


def test_usage_errors(tmp_path: Path, runner: Any) -> None:
    assert run_validate(runner, str(tmp_path / "missing.yaml")).exit_code == 2
    assert run_validate(runner).exit_code == 2
    assert run_validate(runner, "--format", "xml", str(RUBRIC)).exit_code == 2


def test_many_files_exit_1_when_any_is_bad(tmp_path: Path, runner: Any) -> None:
    path, _ = broken(tmp_path, "total: 100\n", "total: 90\n")
    result = run_validate(runner, str(RUBRIC), str(path))
    assert result.exit_code == 1
    assert all(line.startswith(str(path)) for line in result.stdout.splitlines())


def test_data_lacking_what_a_rule_reads_is_warned_not_refused(tmp_path: Path, runner: Any) -> None:
    from helpers import DATA

    text = DATA.read_text(encoding="utf-8").replace("  trainings: 4\n", "", 1)
    path = tmp_path / "d.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_validate(runner, str(path))
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    where = line_of(text, "figures:")
    assert line.startswith(f"{path}:{where}:1: warning: figures.trainings（社会救助知识培训班次数） is missing")
    assert line.endswith("第19项（开展社会救助知识培训） needs it; add it under figures:")
    assert "0 errors, 1 warnings" in result.stderr
