"""The project table through the command line: validate, score, audit, the table as a document."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from helpers import DATA, ROOT, TABLE_DATA
from selfeval.cli import app


def run(runner: Any, *args: str) -> Any:
    return runner.invoke(app, list(args))


def test_every_bundled_rubric_and_example_validates(runner: Any) -> None:
    rubrics = sorted(str(p) for p in (ROOT / "rubrics").glob("*.yaml"))
    assert len(rubrics) >= 2
    result = run(runner, "validate", *rubrics, str(TABLE_DATA), str(DATA))
    assert result.exit_code == 0, result.output


def test_score_json_claimed_and_computed(runner: Any) -> None:
    result = run(runner, "score", str(TABLE_DATA), "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["claimed_total"] == 94
    assert out["total"] == 99.77  # 65.07 ÷ 65.66 × 10 and 8676 ÷ 8755 × 15, the rest met
    nodes = {n["id"]: n for s in out["nodes"] for n in (s, *s["children"])}
    assert (nodes["r1"]["score"], nodes["r1"]["claimed"]) == (14.86, 13)
    assert nodes["funding"]["score"] == 9.91


def test_audit_names_each_false_claim_once_with_its_numbers(runner: Any) -> None:
    result = run(runner, "audit", str(TABLE_DATA), "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    by = {(f["code"], f["subject"]): f for f in findings}
    assert len(by) == len(findings)
    assert by[("claim-sum", "total")]["values"] == {"stated": "94", "expected": "93"}
    for row, stated, expected in (("r5", "27", "30"), ("r6", "9", "10")):
        f = by[("unexplained-loss", row)]
        assert f["values"] == {"stated": stated, "expected": expected}
        assert "未写偏差原因" in f["message"]
        assert ("claim-differs", row) not in by  # one finding per row
    assert by[("claim-differs", "r1")]["values"] == {"stated": "13", "expected": "14.86"}
    lines = (TABLE_DATA.read_text(encoding="utf-8")).splitlines()
    assert lines[by[("claim-differs", "r1")]["line"] - 1].strip() == "score: 13"


def test_report_markdown_is_the_table(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "t.md"
    result = run(runner, "report", str(TABLE_DATA), "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "| 全县参合人数 | 8755 | 8676 | 15 | 14.86 | 建档立卡中有新增死亡人员,导致有偏差 |" in text
    assert "| 年度资金总额 | 未知 | 65.66 | 65.07 | 10 | 99% | 9.91 |" in text
    assert "| 总分 | | | | | 100 | 99.77 | |" in text
    assert "自评报告" not in text and "现将自评情况报告如下" not in text  # not the narrative wording


def test_report_claimed_scores_are_the_countys(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "t.md"
    assert run(runner, "report", str(TABLE_DATA), "--scores", "claimed", "--out", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "| 8755 | 8676 | 15 | 13 |" in text and "| 100 | 94 |" in text


def test_report_word_has_the_table(runner: Any, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "t.docx"
    result = run(runner, "report", str(TABLE_DATA), "--out", str(out))
    assert result.exit_code == 0, result.output
    doc = Document(io.BytesIO(out.read_bytes()))
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert ["产出指标（50分）", "数量指标", "全县参合人数", "8755", "8676", "15", "14.86"] == rows[-7][:7]
    assert rows[-6][0] == "产出指标（50分）"  # merged down over its rows, as on the form
    assert any("65.66" in r and "65.07" in r for r in rows)
    assert doc.core_properties.title.startswith("稷山县项目支出绩效自评表")


def test_report_excel_has_the_table(runner: Any, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "t.xlsx"
    result = run(runner, "report", str(TABLE_DATA), "--out", str(out))
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out).active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert ["产出指标（50分）", "数量指标", "全县参合人数", "8755", "8676", 15, 14.86] == next(
        r[:7] for r in rows if r[2] == "全县参合人数"
    )
    assert ["年度资金总额", "未知", 65.66, 65.07, 10, "99%", 9.91] == next(
        r[:7] for r in rows if r[0] == "年度资金总额"
    )


def test_a_batch_mixing_rubrics_is_refused_unless_separated(runner: Any) -> None:
    mixed = run(runner, "score", str(DATA), str(TABLE_DATA))
    assert mixed.exit_code == 1
    assert "caiyu-2020-project" in mixed.stderr and "--separate" in mixed.stderr
    apart = run(runner, "score", str(DATA), str(TABLE_DATA), "--separate", "--format", "json")
    assert apart.exit_code == 0, apart.output
    rows = json.loads(apart.stdout)
    assert sorted((r["rubric"], r["rank"]) for r in rows) == [
        ("caiyu-2020-project 2020.1", 1),
        ("ningxia-2020-county 2020.1", 1),
    ]


def test_compare_refuses_different_rubrics(runner: Any) -> None:
    result = run(runner, "compare", str(DATA), str(TABLE_DATA))
    assert result.exit_code == 1
    assert "不同的评分标准" in result.stderr


def test_init_a_blank_table_by_the_rubric_id(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    result = run(runner, "init", str(out), "--rubric", "caiyu-2020-project", "--name", "某县", "--year", "2021")
    assert result.exit_code == 0, result.output
    checked = run(runner, "validate", str(out))
    assert checked.exit_code == 0, checked.output
    assert "indicators[1].target（年度指标值） 待填" in checked.stdout + checked.stderr
