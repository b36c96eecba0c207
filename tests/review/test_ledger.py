"""The reviewer's ledger is a file checked on its own: every problem of it at once, at its line,
exit 1; a county whose entry is wrong is scored and ranked without it, and the entry is listed as
not applied; an entry for a county or year not scored is a warning in every command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, county_copy
from selfeval.cli import app

COUNTIES = ("平罗县", "惠农区", "大武口区")

LEDGER = """\
# 2021年第三方评价、入户抽检后的调整
reviewer: 自治区民政厅社会救助处
date: 2021-03-10
adjustments:
  - county: 平罗县
    year: 2020
    node: 救助对象满意度
    score: 1
    reason: 第三方评价满意度为82%，低于报告所述
    evidence: 第三方评价报告（2021年2月）
  - county: 惠农区
    year: 2020
    node: 救助满意度
    score: 1
    reason: 入户抽检满意度偏低
  - county: 大武口区
    year: 2020
    node: "41"
    score: 9
    reason: 抽检台账不全
  - county: 大武口区
    year: 2020
    node: （十三）
    deduct: 1
"""
"""Four entries as a reviewer types them: one right, a misspelt node, a score above the node's
2 points, and one whose reason was left out."""


@pytest.fixture
def province(tmp_path: Path) -> Path:
    folder = tmp_path / "counties"
    folder.mkdir()
    for name in COUNTIES:
        county_copy(folder, name)
    return folder


def ledger(tmp_path: Path, text: str = LEDGER) -> Path:
    path = tmp_path / "REVIEW.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(runner: Any, *args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def line_of(path: Path, text: str, nth: int = 1) -> int:
    lines = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line]
    return lines[nth - 1]


def test_a_wrong_entry_leaves_its_county_scored_and_ranked(runner: Any, province: Path, tmp_path: Path) -> None:
    review = ledger(tmp_path)
    result = run(runner, "score", province, "-a", review, "-f", "json")
    assert result.exit_code == 1
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    assert {n: (r["status"], r["rank"], r["total"]) for n, r in rows.items()} == {
        "惠农区": ("scored", 1, 104),
        "大武口区": ("scored", 1, 104),
        "平罗县": ("scored", 3, 102),
    }
    assert "未能评分" not in result.stderr
    [typo] = rows["惠农区"]["not_applied"]
    assert typo["node"] == "救助满意度" and "救助对象满意度" in typo["why"]  # the nearest name suggested
    assert typo["ledger"] == f"{review}:{line_of(review, 'county: 惠农区')}"
    over, no_reason = rows["大武口区"]["not_applied"]
    assert over["node"] == "41" and "分值2分" in over["why"]
    assert no_reason["node"] == "（十三）" and no_reason["reason"] is None and "reason" in no_reason["why"]
    assert [a["node"] for a in rows["平罗县"]["adjustments"]] == ["c40"] and rows["平罗县"]["not_applied"] == []


def test_every_problem_of_the_ledger_is_said_at_once_at_its_line(runner: Any, province: Path, tmp_path: Path) -> None:
    review = ledger(tmp_path)
    result = run(runner, "score", province, "-a", review)
    assert result.exit_code == 1
    said = [line for line in result.stderr.splitlines() if line.startswith(f"{review}:")]
    assert said == [
        f"{review}:{line_of(review, 'node: 救助满意度')}:5: error: 评分标准中没有指标“救助满意度”"
        "；是否应为“救助对象满意度”？",
        f"{review}:{line_of(review, 'score: 9')}:5: error: 调整后得分9分超过“社会公众满意程度”的分值2分",
        f"{review}:{line_of(review, 'county: 大武口区', 2)}:5: error: adjustments.3.reason: 缺少必填项“reason”",
    ]
    assert "Traceback" not in result.output


def test_a_ledger_whose_header_and_entries_are_wrong_still_lets_the_run_score(
    runner: Any, province: Path, tmp_path: Path
) -> None:
    # a misspelt header key and an entry without a reason stopped the run at the first error
    review = ledger(tmp_path, LEDGER.replace("reviewer:", "reviwer:").replace("score: 9", "score: ２"))
    result = run(runner, "score", province, "-a", review, "-f", "json")
    assert result.exit_code == 1
    assert [r["name"] for r in json.loads(result.stdout)] == ["大武口区", "惠农区", "平罗县"]
    lines = [line for line in result.stderr.splitlines() if line.startswith(f"{review}:")]
    assert len(lines) == 3 and "“reviwer”" in lines[0] and "reviewer" in lines[0]
    assert f"{review}:{line_of(review, 'node: 救助满意度')}:" in lines[1]
    assert f"{review}:{line_of(review, 'county: 大武口区', 2)}:" in lines[2]


def test_every_output_that_lists_adjustments_lists_an_entry_not_applied(
    runner: Any, province: Path, tmp_path: Path
) -> None:
    import openpyxl

    review = ledger(tmp_path)
    table = run(runner, "score", province, "-a", review).stdout
    assert "惠农区 2020 · ✗ 救助满意度：评审调整未采用" in table.replace("\n", "")
    head, *lines = run(runner, "score", province, "-a", review, "-f", "csv").stdout.splitlines()
    column = head.split(",").index("not_applied")
    assert any("救助满意度: 未采用" in line and "惠农区" in line for line in lines), column
    book = tmp_path / "全区汇总.xlsx"
    assert run(runner, "score", province, "-a", review, "--out", book).exit_code == 1
    entries = list(openpyxl.load_workbook(book)["调整记录"].iter_rows(min_row=4, values_only=True))
    assert [(e[0], e[2], e[-1][:4]) for e in entries] == [
        ("大武口区", "41", "未采用："),
        ("大武口区", "（十三）", "未采用："),
        ("惠农区", "救助满意度", "未采用："),
        ("平罗县", "40. 救助对象满意度", "已采用"),
    ]
    page = tmp_path / "全区.html"
    run(runner, "score", province, "-a", review, "--out", page)
    assert page.read_text(encoding="utf-8").count("未采用：") == 3
    one = run(runner, "score", province / "惠农区.yaml", "-a", review, "-f", "json")
    assert one.exit_code == 1 and json.loads(one.stdout)["not_applied"][0]["node"] == "救助满意度"
    shown = run(runner, "score", province / "惠农区.yaml", "-a", review).stdout
    assert "✗ 救助满意度：评审调整未采用" in shown.replace("\n", "")


WRONG_YEAR = """\
reviewer: 自治区民政厅社会救助处
adjustments:
  - county: 平罗县
    year: 2021          # 年度写错：所评文件是2020年的
    node: 40
    score: 1
    reason: 第三方评价满意度为82%
"""


@pytest.mark.parametrize("command", ["score", "audit", "report"])
def test_an_entry_for_a_year_not_scored_is_a_warning_in_every_command(
    runner: Any, tmp_path: Path, command: str
) -> None:
    review = ledger(tmp_path, WRONG_YEAR)
    out = ["--out", tmp_path / "报告.md"] if command == "report" else []
    result = run(runner, command, DATA, "-a", review, *out)
    warning = f"{review}:{line_of(review, 'county: 平罗县')}:5: warning: 这条调整所指的平罗县 2021年不在所评的文件中"
    assert warning in result.stderr.splitlines()
    assert result.exit_code == (1 if command == "audit" else 0)  # audit: Pingluo's own errors


def test_a_ledger_that_is_no_yaml_still_stops_the_run(runner: Any, tmp_path: Path) -> None:
    review = ledger(tmp_path, "adjustments:\n  - county: 平罗县\n    reason: [未闭合\n")
    result = run(runner, "score", DATA, "-a", review)
    assert result.exit_code == 1 and f"{review}:" in result.stderr and not result.stdout
