"""A row the source does not show (a page cut off, a cell left blank) leaves its score a range,
and every output carries the same range: the score table and its summary, the gaps, explain,
JSON, CSV, the report's 得分 and 等级, the workbook; the audit neither accepts nor refutes a claim
inside it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from helpers import write_yaml
from selfeval.cli import app

# 濉溪县 2021, 城乡低保资金 (a table of our own, in the national form): the 满意度 row's actual
# value is on a page the county's PDF does not include.
TABLE: dict[str, Any] = {
    "subject": {"name": "濉溪县", "year": 2021, "province": "安徽省"},
    "rubric": {"id": "caiyu-2020-project", "version": "2020.1"},
    "project": {"name": "城乡最低生活保障资金", "department": "[155]濉溪县民政局", "unit": "濉溪县民政局"},
    "funding": {"budget": "4210.5", "spent": "4168.4", "points": 10, "score": 9.9},
    "indicators": [
        {
            "level": "产出指标",
            "category": "数量指标",
            "name": "保障城乡低保对象人数",
            "target": "≥21933人",
            "actual": "22104人",
            "points": 25,
            "score": 25,
        },
        {
            "level": "产出指标",
            "category": "质量指标",
            "name": "低保资金社会化发放率",
            "target": "100%",
            "actual": "100%",
            "points": 25,
            "score": 25,
        },
        {
            "level": "效益指标",
            "category": "社会效益指标",
            "name": "困难群众基本生活得到保障",
            "target": "≥95%",
            "actual": "97%",
            "points": 30,
            "score": 30,
        },
        {
            "level": "满意度指标",
            "category": "服务对象满意度指标",
            "name": "低保对象满意度",
            "target": "≥90%",
            "actual": "未知",
            "points": 10,
            "score": 9,
        },
    ],
    "total": {"points": 100, "score": 99},
}
RANGE = "89.9–99.9"  # funding 9.9 (4168.4 of 4210.5), rows 25 + 25 + 30, 满意度 0–10


@pytest.fixture
def cut(tmp_path: Path) -> Path:
    return write_yaml(tmp_path / "濉溪县.yaml", TABLE)


def run(runner: Any, *args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "160"})


def test_the_score_table_and_its_summary(runner: Any, cut: Path) -> None:
    out = run(runner, "score", cut).stdout
    assert "0–10" in out  # the row
    assert f"总分 {RANGE}，自评 99  等次 良–优" in out


def test_gaps_say_what_the_unknown_could_cost_and_what_settles_it(runner: Any, cut: Path) -> None:
    out = run(runner, "score", cut, "--gaps").stdout
    assert f"总分 {RANGE}" in out.splitlines()[0]
    assert "得分未定（0–10分），最多失10分  低保对象满意度" in out
    assert "查明：“低保对象满意度（实际完成值）”" in out


def test_explain_gives_the_range_and_shows_the_value_as_unknown(runner: Any, cut: Path) -> None:
    out = run(runner, "explain", "r4", cut).stdout
    assert "得分：0–10分（自评9分）" in out
    assert "：未知" in out and "待填" not in out


def test_json_and_csv_give_min_and_max(runner: Any, cut: Path) -> None:
    doc = json.loads(run(runner, "score", cut, "-f", "json").stdout)
    assert (doc["total_min"], doc["total_max"], doc["total_range"]) == (89.9, 99.9, [89.9, 99.9])
    assert (doc["grade_range"], doc["standard"]["score_min"], doc["standard"]["score_max"]) == (
        ["良", "优"],
        89.9,
        99.9,
    )
    (row,) = [n for s in doc["nodes"] for n in s["children"] if n["id"] == "r4"]
    assert (row["score_min"], row["score_max"], row["decide"]) == (0, 10, ["“低保对象满意度（实际完成值）”"])
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(run(runner, "score", cut, "-f", "csv").stdout))}
    assert (rows["r4"]["score"], rows["r4"]["score_max"]) == ("0", "10")
    assert (rows["total"]["score"], rows["total"]["score_max"], rows["total"]["explanation"]) == (
        "89.9",
        "99.9",
        "良至优",
    )


def test_the_report_prints_the_range_and_the_grades_it_spans(runner: Any, cut: Path) -> None:
    out = run(runner, "report", cut).stdout
    assert f"| 总分 | | | | | 100 | {RANGE} | |" in out
    assert "评定等级：良至优。" in out
    assert "| 低保对象满意度 | ≥90% | 未知 | 10 | 0–10 |" in out


def test_the_workbook_writes_the_range_as_text_never_a_number(runner: Any, cut: Path, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "评分表.xlsx"
    assert run(runner, "score", cut, "--out", out).exit_code == 0
    ws = openpyxl.load_workbook(out).active
    cells = {ws.cell(row, 2).value: ws.cell(row, 4).value for row in range(2, ws.max_row + 1)}
    assert (
        cells["低保对象满意度"] == "0–10"
        and cells["总分"] == RANGE
        and "良至优" in {ws.cell(row, 4).value for row in range(2, ws.max_row + 1)}
    )


def test_a_claim_inside_the_range_is_a_note_and_outside_it_an_error(runner: Any, cut: Path, tmp_path: Path) -> None:
    found = json.loads(run(runner, "audit", cut, "-f", "json").stdout)["findings"]
    differs = {f["subject"]: f for f in found if f["code"] == "claim-differs"}
    assert {s: f["severity"] for s, f in differs.items()} == {"r4": "info", "total": "info"}
    assert differs["r4"]["values"] == {"stated": "9", "expected": "0–10"}
    assert "尚不能判定；查明“低保对象满意度（实际完成值）”即可判定" in differs["r4"]["message"]
    high = dict(TABLE, total={"points": 100, "score": 100.5})
    found = json.loads(run(runner, "audit", write_yaml(tmp_path / "high.yaml", high), "-f", "json").stdout)["findings"]
    (total,) = [f for f in found if f["code"] == "claim-differs" and f["subject"] == "total"]
    assert total["severity"] == "error" and total["values"]["expected"] == RANGE


def test_a_batch_ranks_by_the_lowest_and_shows_the_range(runner: Any, cut: Path, tmp_path: Path) -> None:
    whole = dict(TABLE, subject={"name": "萧县", "year": 2021}, indicators=[*TABLE["indicators"][:3]])
    whole["indicators"] = [*whole["indicators"], {**TABLE["indicators"][3], "actual": "93%"}]
    write_yaml(cut.parent / "萧县.yaml", whole)
    rows = {r["name"]: r for r in json.loads(run(runner, "score", cut.parent, "-f", "json").stdout)}
    assert (rows["濉溪县"]["total"], rows["濉溪县"]["total_max"], rows["濉溪县"]["grade"]) == (89.9, 99.9, "良至优")
    assert (rows["萧县"]["total"], rows["萧县"]["total_max"], rows["萧县"]["rank"]) == (99.9, 99.9, 1)
    wide = runner.invoke(app, ["score", str(cut.parent)], env={"COLUMNS": "400"}).stdout  # room for long paths
    assert RANGE in wide
    page = tmp_path / "全省.html"
    assert run(runner, "score", cut.parent, "--out", page).exit_code == 0
    assert f'<td class="n">{RANGE}</td>' in page.read_text(encoding="utf-8")


CUT_OFF = """\
subject: {name: 灵璧县, year: 2021}
rubric: {id: caiyu-2020-project, version: "2020.1"}
project: {name: 特困人员救助供养资金, department: 灵璧县民政局}
funding: {budget: 2960, spent: 2931.5, points: 10, score: 9.9}
indicators:
  - {level: 产出指标, category: 数量指标, name: 特困人员救助供养人数, target: ≥4680人, actual: 4712人,
     points: 20, score: 20}
  - {level: 产出指标, category: 质量指标, name: 供养标准按时足额发放率, target: 100%, actual: 100%,
     points: 15, score: 15}
more: 未知   # the second page is not published
total: {points: 100, score: 96}
"""


def test_rows_not_shown_make_the_rest_of_each_weight_a_range(runner: Any, tmp_path: Path) -> None:
    path = tmp_path / "灵璧县.yaml"
    path.write_text(CUT_OFF, encoding="utf-8")
    doc = json.loads(run(runner, "score", path, "-f", "json").stdout)
    assert (doc["total_min"], doc["total_max"]) == (44.9, 99.9)  # 9.9 + 35 seen; 15 + 30 + 10 unseen
    levels = {n["id"]: (n["score_min"], n["score_max"]) for n in doc["nodes"]}
    assert levels == {"funding": (9.9, 9.9), "output": (35, 50), "outcome": (0, 30), "satisfaction": (0, 10)}
    assert doc["decide"] == ["“表中未见的行”"]
    report = run(runner, "report", path).stdout
    assert "|  |  | 表中未见的行 | 未知 | 未知 | 15 | 0–15 |  |" in report
    found = json.loads(run(runner, "audit", path, "-f", "json").stdout)["findings"]
    assert not [f for f in found if f["severity"] == "error"]  # 35 of 50 seen is no error: the rest is unseen
    assert {f["code"] for f in found if f["severity"] == "info"} == {"claim-differs"}


def test_every_remaining_output_gives_the_range_not_its_low_end(runner: Any, cut: Path, tmp_path: Path) -> None:
    # the level's own explanation says how high it could go
    out = run(runner, "explain", "satisfaction", cut).stdout
    assert "有未知数据，本项得分在0至10分之间" in out
    # --fail-under fails only when even the highest is below; otherwise it says it cannot tell yet
    maybe = run(runner, "score", cut, "--fail-under", 95)
    assert maybe.exit_code == 0 and f"总分 {RANGE} 可能低于 --fail-under 95" in maybe.stderr
    below = run(runner, "score", cut, "--fail-under", 100)
    assert below.exit_code == 1 and f"总分 {RANGE} 低于 --fail-under 100" in below.stderr
    assert f"总分 {RANGE}" in run(runner, "report", cut, "--out", tmp_path / "r.md").stderr
    # a batch: no claimed-minus-computed inside the range; the subtotals as text ranges
    write_yaml(cut.parent / "萧县.yaml", dict(TABLE, subject={"name": "萧县", "year": 2021}, total={"score": 101}))
    rows = {r["name"]: r for r in json.loads(run(runner, "score", cut.parent, "-f", "json").stdout)}
    assert (rows["濉溪县"]["claimed_minus_computed"], rows["萧县"]["claimed_minus_computed"]) == (None, 1.1)
    table = {r["name"]: r for r in csv.DictReader(io.StringIO(run(runner, "score", cut.parent, "-f", "csv").stdout))}
    row = table["濉溪县"]
    assert (row["standard"], row["standard_max"], row["total"], row["total_max"], row["满意度指标"]) == (
        "89.9",
        "99.9",
        "89.9",
        "99.9",
        "0–10",
    )


def test_compare_shows_each_side_s_range_and_the_change_it_allows(runner: Any, cut: Path, tmp_path: Path) -> None:
    known = dict(TABLE, indicators=[*TABLE["indicators"][:3], dict(TABLE["indicators"][3], actual="93%")])
    last = write_yaml(tmp_path / "2020.yaml", dict(known, subject={"name": "濉溪县", "year": 2020}))
    out = run(runner, "compare", last, cut).stdout
    total = next(line for line in out.splitlines() if "总分" in line)
    assert total.split()[2:5] == ["99.9", RANGE, "-10至0"]
    rows = {r["id"]: r for r in json.loads(run(runner, "compare", last, cut, "-f", "json").stdout)["lines"]}
    assert (rows["total"]["b"], rows["total"]["b_range"], rows["total"]["change"]) == (89.9, [89.9, 99.9], None)
    assert rows["total"]["change_range"] == [-10, 0]
    assert rows["satisfaction"]["a_range"] == [10, 10]
    table = {r["id"]: r for r in csv.DictReader(io.StringIO(run(runner, "compare", last, cut, "-f", "csv").stdout))}
    assert (table["total"]["b"], table["total"]["change"]) == (RANGE, "-10–0")
    assert (table["r1"]["b"], table["r1"]["change"]) == ("25", "0")
