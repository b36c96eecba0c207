"""The provincial reviewer: every county at once, fair ranks, a ledger of adjustments, one
workbook and one page for the province."""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, county_copy, load_yaml, write_yaml
from selfeval.cli import app

COUNTIES = ("平罗县", "永宁县", "贺兰县")


@pytest.fixture
def province(tmp_path: Path) -> Path:
    folder = tmp_path / "counties"
    folder.mkdir()
    for name in COUNTIES:
        county_copy(folder, name)
    return folder


def run(runner: Any, *args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def line_of(path: Path, text: str, nth: int = 1) -> int:
    """The line of the ``nth`` line of ``path`` that contains ``text``."""
    lines = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line]
    return lines[nth - 1]


def ledger(path: Path, *entries: dict[str, Any]) -> Path:
    return write_yaml(path, {"reviewer": "自治区民政厅", "date": "2021-03-10", "adjustments": list(entries)})


SATISFACTION = {"county": "平罗县", "year": 2020, "node": "救助对象满意度", "score": 1, "reason": "第三方评价满意度82%"}


# ----------------------------------------------------------------------------- ranking


def test_equal_totals_share_a_rank(runner: Any, province: Path) -> None:
    result = run(runner, "score", province, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["rank"] for r in rows] == [1, 1, 1]
    assert {r["name"] for r in rows} == set(COUNTIES)
    # equal totals: the cleaner audit first (平罗县's letterhead matches; the copies' do not)
    assert rows[0]["name"] == "平罗县" and rows[0]["audit_errors"] < rows[1]["audit_errors"]


def test_the_same_county_and_year_twice_is_flagged(runner: Any, province: Path) -> None:
    county_copy(province, "永宁县", "永宁县_again")
    result = run(runner, "score", province, "--format", "json")
    assert result.exit_code == 1
    rows = {Path(r["path"]).name: r for r in json.loads(result.stdout)}
    assert rows["永宁县_again.yaml"]["duplicate_of"] == [str(province / "永宁县.yaml")]
    assert rows["永宁县.yaml"]["duplicates"] == [str(province / "永宁县_again.yaml")]  # the first path is ranked
    assert rows["平罗县.yaml"]["duplicate_of"] == []
    assert "重复" in result.stderr


def test_ranks_follow_totals_and_sorting_never_renumbers(runner: Any, province: Path) -> None:
    county_copy(province, "惠农区", recipient_satisfaction_pct=80)  # 101
    by_total = {r["name"]: r["rank"] for r in json.loads(run(runner, "score", province, "-f", "json").stdout)}
    assert by_total == {"平罗县": 1, "永宁县": 1, "贺兰县": 1, "惠农区": 4}
    for sort in ("name", "audit", "path"):
        rows = json.loads(run(runner, "score", province, "-f", "json", "--sort", sort).stdout)
        assert {r["name"]: r["rank"] for r in rows} == by_total, sort
    names = [r["name"] for r in json.loads(run(runner, "score", province, "-f", "json", "--sort", "audit").stdout)]
    assert names[-1] == "平罗县"  # fewest audit errors last


def test_claimed_minus_computed_and_section_subtotals(runner: Any, province: Path) -> None:
    county_copy(province, "惠农区", recipient_satisfaction_pct=80)
    rows = {r["name"]: r for r in json.loads(run(runner, "score", province, "-f", "json").stdout)}
    assert rows["惠农区"]["claimed_minus_computed"] == 3  # claims 104, evidence gives 101
    sections = {s["label"]: s["score"] for s in rows["惠农区"]["sections"]}
    assert sections["三、工作效果"] == 41 and sections["二、工作保障与管理"] == 37
    csv_head = run(runner, "score", province, "-f", "csv").stdout.splitlines()[0]
    assert "claimed_minus_computed" in csv_head and "三、工作效果" in csv_head


def test_a_failed_file_is_never_clean(runner: Any, province: Path) -> None:
    (province / "坏县.yaml").write_text("subject: [\n", encoding="utf-8")
    rows = json.loads(run(runner, "score", province, "-f", "json").stdout)
    bad = next(r for r in rows if r["path"].endswith("坏县.yaml"))
    assert (bad["status"], bad["rank"], bad["audit_errors"]) == ("failed", None, None)
    csv_rows = run(runner, "score", province, "-f", "csv").stdout.splitlines()
    head = csv_rows[0].split(",")
    cells = next(line for line in csv_rows if "坏县.yaml" in line).split(",")
    assert cells[head.index("audit_errors")] == "" and cells[head.index("status")] == "failed"
    audit = run(runner, "audit", province, "-f", "json")
    assert audit.exit_code == 1
    files = {Path(f["path"]).name: f for f in json.loads(audit.stdout)["files"]}
    assert files["坏县.yaml"]["errors"] >= 1


# ----------------------------------------------------------------------------- audit


def test_audit_over_a_folder_reports_every_file(runner: Any, province: Path) -> None:
    result = run(runner, "audit", province, "--format", "json")
    assert result.exit_code == 1
    out = json.loads(result.stdout)
    assert sorted(Path(f["path"]).name for f in out["files"]) == sorted(f"{c}.yaml" for c in COUNTIES)
    assert {Path(f["file"]).name for f in out["findings"]} == {f"{c}.yaml" for c in COUNTIES}
    assert "审核了 3 个文件" in result.stderr
    glob = run(runner, "audit", str(province / "平*.yaml"), "-f", "json")
    assert [f["path"] for f in json.loads(glob.stdout)["files"]] == [str(province / "平罗县.yaml")]


def test_audit_of_many_files_as_excel(runner: Any, province: Path, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "findings.xlsx"
    assert run(runner, "audit", province, "--out", out).exit_code == 1
    ws = openpyxl.load_workbook(out)["审核发现"]
    files = {Path(str(row[0])).name for row in ws.iter_rows(min_row=2, values_only=True)}
    assert files == {f"{c}.yaml" for c in COUNTIES}


# ----------------------------------------------------------------------------- the ledger


def test_an_adjustment_applies_after_the_rules_with_its_reason(runner: Any, tmp_path: Path) -> None:
    review = ledger(tmp_path / "REVIEW.yaml", SATISFACTION)
    result = run(runner, "score", DATA, "--adjustments", review, "-f", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["total"] == 102
    [a] = out["adjustments"]
    assert (a["node"], a["before"], a["after"], a["reason"]) == ("c40", 3, 1, "第三方评价满意度82%")
    assert a["reviewer"] == "自治区民政厅" and a["ledger"] == f"{review}:{line_of(review, 'county:')}"
    table = run(runner, "score", DATA, "-a", review).stdout
    assert "救助对象满意度 * †" in table and "3→1分（第三方评价满意度82%" in table


def test_points_taken_off_stop_at_zero(runner: Any, tmp_path: Path) -> None:
    # item 27 scores 1 of its 2 points by rule: taking 2 off leaves 0, not -1
    review = ledger(tmp_path / "REVIEW.yaml", {**SATISFACTION, "node": "27", "score": None, "deduct": 2})
    out = json.loads(run(runner, "score", DATA, "-a", review, "-f", "json").stdout)
    assert out["total"] == 103
    assert (out["adjustments"][0]["before"], out["adjustments"][0]["after"]) == (1, 0)


def test_ledger_problems_are_located(runner: Any, tmp_path: Path) -> None:
    review = ledger(tmp_path / "REVIEW.yaml", {**SATISFACTION, "reason": ""})
    result = run(runner, "score", DATA, "-a", review)
    assert result.exit_code == 1
    assert f"{review}:{line_of(review, 'reason:')}:" in result.stderr and "理由" in result.stderr
    assert "Traceback" not in result.output
    wrong = ledger(
        tmp_path / "WRONG.yaml",
        {**SATISFACTION, "node": "救助满意"},
        {**SATISFACTION, "node": "c41", "score": 9},
    )
    result = run(runner, "score", DATA, "-a", wrong)
    assert result.exit_code == 1
    assert f"{wrong}:{line_of(wrong, 'node: 救助满意')}:" in result.stderr
    assert "救助对象满意度" in result.stderr  # a suggestion
    assert f"{wrong}:{line_of(wrong, 'score: 9')}:" in result.stderr and "分值2分" in result.stderr


def test_one_ledger_for_the_province(runner: Any, province: Path, tmp_path: Path) -> None:
    review = ledger(
        tmp_path / "REVIEW.yaml",
        SATISFACTION,
        {**SATISFACTION, "county": "贺兰县", "node": "27", "score": None, "deduct": 1, "reason": "口径有误"},
        {**SATISFACTION, "county": "贺兰具"},  # misspelt: it matches no file
    )
    result = run(runner, "score", province, "-a", review, "-f", "json")
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    assert (rows["平罗县"]["total"], rows["贺兰县"]["total"], rows["永宁县"]["total"]) == (102, 103, 104)
    assert [r["rank"] for r in json.loads(result.stdout)] == [1, 2, 3]
    assert rows["平罗县"]["adjustments"][0]["reason"] == "第三方评价满意度82%"
    assert "贺兰具" in result.stderr  # the unmatched entry is reported, with its line
    assert f"{review}:" in result.stderr


def test_a_judgement_on_a_rule_scored_node_is_an_error(runner: Any, tmp_path: Path) -> None:
    data = load_yaml(DATA)
    data["judgements"] = {"c40": {"points": 1, "reason": "抽检满意度偏低"}}
    path = write_yaml(tmp_path / "j.yaml", data)
    result = run(runner, "validate", path)
    assert result.exit_code == 1
    assert "j.yaml:" in result.stdout


# ----------------------------------------------------------------------------- workbook and page


def test_the_province_workbook(runner: Any, province: Path, tmp_path: Path) -> None:
    import openpyxl

    review = ledger(tmp_path / "REVIEW.yaml", SATISFACTION)
    out = tmp_path / "全区汇总.xlsx"
    result = run(runner, "score", province, "-a", review, "--format", "xlsx", "--out", out)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    matrix_name = "2020年度县（市、区）困难群众救助工作绩效考评指标及评分标准"
    assert book.sheetnames == ["排名", "统计", "指标统计", matrix_name, "问题清单", "调整记录"]
    ranking = list(book["排名"].iter_rows(min_row=4, values_only=True))
    assert [r[0] for r in ranking[:3]] == [1, 1, 3]
    assert "自治区民政厅" in book["排名"]["A2"].value and "2021年3月10日" in book["排名"]["A2"].value  # the ledger's
    matrix = list(book[matrix_name].iter_rows(min_row=3, values_only=True))
    assert set(matrix[0][3:]) == set(COUNTIES)
    row40 = next(r for r in matrix if r[1] == "40. 救助对象满意度")
    col = matrix[0].index("平罗县")
    assert row40[0] == "40" and row40[2] == 3 and row40[col] == 1
    assert len(list(book["问题清单"].iter_rows())) > 3
    [entry] = list(book["调整记录"].iter_rows(min_row=4, values_only=True))
    assert entry[:5] == ("平罗县", 2020, "40. 救助对象满意度", 3, 1)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_province_page_is_one_escaped_file(runner: Any, province: Path, tmp_path: Path) -> None:
    county_copy(province, "<b>坏</b>县", "escaped", recipient_satisfaction_pct=80)
    out = tmp_path / "全区.html"
    result = run(runner, "score", province, "--format", "html", "--out", out)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    assert "b" not in page.tags and "script" not in page.tags  # the county's name stays text
    assert "<b>坏</b>县" in "".join(page.text)
    assert page.tags.count("svg") == 1 and page.tags.count("rect") == 4  # one bar per county
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing fetched
    assert "<link" not in html and "<script" not in html
    assert "40. 救助对象满意度" in "".join(page.text)  # the heat map lists every indicator


def _title(runner: Any, folder: Path, out: Path, *more: object) -> str:
    """The page's heading and the workbook's, which must agree."""
    import openpyxl

    assert run(runner, "score", folder, "--out", out.with_suffix(".html"), *more).exit_code == 0
    assert run(runner, "score", folder, "--out", out.with_suffix(".xlsx"), *more).exit_code == 0
    html = out.with_suffix(".html").read_text(encoding="utf-8")
    heading = html.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert openpyxl.load_workbook(out.with_suffix(".xlsx"))["排名"]["A1"].value.startswith(heading)
    return heading


def test_the_title_names_the_province_every_file_names(runner: Any, province: Path, tmp_path: Path) -> None:
    # the counties' files all say 宁夏回族自治区 (subject.province): the title says it unasked
    assert _title(runner, province, tmp_path / "a") == "宁夏回族自治区2020年度自评结果汇总"
    assert _title(runner, province, tmp_path / "b", "--province", "自治区") == "自治区2020年度自评结果汇总"


@pytest.mark.parametrize("other", ["内蒙古自治区", None])
def test_files_that_disagree_on_the_province_name_none(
    runner: Any, province: Path, tmp_path: Path, other: str | None
) -> None:
    data = load_yaml(DATA)
    data["subject"]["name"] = "阿拉善左旗"
    if other:
        data["subject"]["province"] = other
    else:
        del data["subject"]["province"]
    write_yaml(province / "阿拉善左旗.yaml", data)
    assert _title(runner, province, tmp_path / "p") == "2020年度自评结果汇总"  # neither, nor a guess
    assert _title(runner, province, tmp_path / "q", "--province", "宁夏") == "宁夏2020年度自评结果汇总"


def test_a_name_that_looks_like_a_formula_stays_text(runner: Any, province: Path, tmp_path: Path) -> None:
    import openpyxl

    county_copy(province, "=HYPERLINK(1)", "formula")
    out = tmp_path / "p.xlsx"
    assert run(runner, "score", province, "--out", out).exit_code in (0, 1)
    book = openpyxl.load_workbook(out)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value == "=HYPERLINK(1)"]
    assert cells and all(c.data_type == "s" for c in cells)
    csv_out = tmp_path / "p.csv"
    run(runner, "score", province, "--out", csv_out)
    assert "'=HYPERLINK(1)" in csv_out.read_text(encoding="utf-8-sig")


@pytest.mark.slow
@pytest.mark.skipif(
    not os.environ.get("SELFEVAL_LARGE"), reason="15,000 counties take about ten minutes: SELFEVAL_LARGE=1 runs it"
)
def test_a_page_of_fifteen_thousand_counties_is_written(runner: Any, tmp_path: Path) -> None:
    # every county its own file, as a province's reviewer would be sent them: the page summarises
    # (the ranking, the bars, the heat map cut, each saying where the rest is) and is never refused
    base = DATA.read_text(encoding="utf-8")
    assert "  name: 平罗县\n" in base and "recipient_satisfaction_pct: 98\n" in base
    folder = tmp_path / "counties"
    folder.mkdir()
    for i in range(15_000):
        text = base.replace("  name: 平罗县\n", f"  name: 合成县{i:05d}\n  city: 第{i % 22}市\n", 1)
        text = text.replace("recipient_satisfaction_pct: 98\n", f"recipient_satisfaction_pct: {70 + i % 30}\n", 1)
        (folder / f"county_{i:05d}.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "全区.html"
    result = run(runner, "score", folder, "--out", out)
    assert result.exit_code == 0, result.output[-2000:]
    html = out.read_text(encoding="utf-8")
    assert "共 15000 个县（市、区），此处列出前 500 名" in html and len(html) < 20_000_000
