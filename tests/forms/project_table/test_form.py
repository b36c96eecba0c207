"""The project table form (:class:`selfeval.forms.project_table.ProjectTableForm`, 财预〔2020〕10号):
the tree it builds from a table's rows and the usual rules that score it, what it checks in a rubric
and a data file, what it lists as left to fill, who a table is about and its sheet; and the table
through the commands that score, audit, rank and compare it."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, ROOT, TABLE_DATA, TABLE_FILED, TABLE_RUBRIC, evaluate_file, load_yaml, table, write_yaml
from selfeval.cli import app
from selfeval.errors import InputError
from selfeval.forms import FORMS, ReportOptions
from selfeval.forms.project_table import ProjectTableForm
from selfeval.forms.project_table.checks import CHECKS
from selfeval.forms.project_table.view import HEADER
from selfeval.inputs import Library, check_file
from selfeval.numbers import quantize
from selfeval.problems import Severity

D = Decimal
FORM = FORMS["project_table"]


def nodes(path: Path) -> dict[str, Any]:
    return evaluate_file(path).result.by_id()


def run(runner: Any, *args: str) -> Any:
    return runner.invoke(app, list(args))


def test_the_form_is_registered_with_its_templates_and_checks() -> None:
    assert isinstance(FORM, ProjectTableForm)
    assert (FORM.name, FORM.title) == ("project_table", "项目支出绩效自评表")
    assert FORM.checks == CHECKS and len(CHECKS) >= 1
    assert all((ROOT / "templates" / name).is_file() for name in FORM.templates.values())
    assert FORM.templates["markdown"] == "table.md.j2" and FORM.templates["docx"] == "table.docx.j2"


# ----------------------------------------------------------------------------- the tree and the rules


def test_the_tree_is_the_budget_then_a_section_per_level_with_its_rows() -> None:
    ev = evaluate_file(TABLE_DATA)
    tree = FORM.tree(ev.rubric.rubric, ev.result.data)
    assert [(s.id, s.points, [c.id for c in s.children]) for s in tree] == [
        ("funding", 10, []),
        ("output", 50, ["r1", "r2", "r3", "r4"]),
        ("outcome", 30, ["r5"]),
        ("satisfaction", 10, ["r6"]),
    ]
    r4 = tree[1].children[3]
    assert r4.title == "配套资金每人每年" and r4.assumed and "不高于" in (r4.note or "")  # ≤ by default for 成本
    assert [n.id for n, _, _ in FORM.walked(ev.rubric.rubric, ev.result.data)][:3] == ["funding", "output", "r1"]


def test_jishan_scores_by_the_usual_rules() -> None:
    ev = evaluate_file(TABLE_DATA)
    r = ev.result
    by = r.by_id()
    # the execution rate × 10, and 8676 of 8755 of the row's 15 points
    assert by["funding"].rounded == quantize(D("65.07") / D("65.66") * 10, 2) == D("9.91")
    assert by["r1"].rounded == quantize(D(8676) / D(8755) * 15, 2) == D("14.86")
    assert [by[f"r{i}"].rounded for i in range(2, 7)] == [15, 10, 10, 30, 10]
    assert r.total == quantize(D("65.07") / D("65.66") * 10 + D(8676) / D(8755) * 15 + 75, 2)
    assert r.claimed_total == 94
    assert r.grade == "优"


def test_a_cost_ceiling_missed_scores_target_over_actual(tmp_path: Path) -> None:
    by = nodes(table(tmp_path, r4={"actual": "80元"}))
    assert by["r4"].score == D(75) / D(80) * 10  # 成本指标: ≤ by the rubric's default


def test_a_comparator_written_overrides_the_default(tmp_path: Path) -> None:
    by = nodes(table(tmp_path, r4={"target": "≥75元", "actual": "80元"}))
    assert by["r4"].score == 10
    assert not by["r4"].node.assumed


def test_an_equal_target_scores_full_only_when_met(tmp_path: Path) -> None:
    by = nodes(table(tmp_path, r2={"target": "=100%", "actual": "98%"}))
    assert by["r2"].score == D(98) / D(100) * 15


def test_a_missed_target_scores_in_proportion(tmp_path: Path) -> None:
    by = nodes(table(tmp_path, r5={"actual": "76%"}))
    assert by["r5"].score == D(76) / D(95) * 30


def test_execution_over_budget_is_capped(tmp_path: Path) -> None:
    funding = load_yaml(TABLE_DATA)["funding"]
    by = nodes(table(tmp_path, funding={**funding, "spent": 70, "rate": "107%"}))
    assert by["funding"].score == 10


def test_a_qualitative_row_is_judged_in_tiers(tmp_path: Path) -> None:
    judged = {"tier": "部分达成", "points": 20, "reason": "部分乡镇未覆盖"}
    row = {"target": "达到预期", "actual": "基本达到", "judgement": judged}
    by = nodes(table(tmp_path, r5=row))
    assert by["r5"].score == 20


def test_a_qualitative_row_without_a_judgement_is_a_range(tmp_path: Path) -> None:
    by = nodes(table(tmp_path, r5={"target": "达到预期", "actual": "达到预期"}))
    assert (by["r5"].score, by["r5"].top) == (0, 30)


def test_an_unknown_cell_gives_a_range_never_a_silent_zero(tmp_path: Path) -> None:
    r = evaluate_file(table(tmp_path, r1={"actual": "未知"})).result
    assert (r.by_id()["r1"].score, r.by_id()["r1"].top) == (0, 15)
    assert r.ranged
    assert r.total == quantize(D("65.07") / D("65.66") * 10 + 75, 2)
    assert r.total_high == quantize(D("65.07") / D("65.66") * 10 + 90, 2)
    assert r.grade != r.grade_high  # 中 … 优


def test_every_number_of_the_published_table_is_in_the_data_file() -> None:
    published = TABLE_FILED.read_text(encoding="utf-8").split("A. 存储副本原文", 1)[1].split("B. 逐行整理")[0]
    published = re.sub(r"指标\d+", "", published)  # 指标1: numbers a row; the file lists rows in order
    numbers = set(re.findall(r"\d+(?:\.\d+)?", published))
    data = set(re.findall(r"\d+(?:\.\d+)?", TABLE_DATA.read_text(encoding="utf-8")))
    assert numbers - data == set()


# ----------------------------------------------------------------------------- check_rubric, check_data


def test_a_rubric_whose_weights_do_not_add_up_is_refused(tmp_path: Path) -> None:
    rubric = load_yaml(TABLE_RUBRIC)
    rubric["levels"][2]["points"] = 20  # 效益指标 (成本指标, carved out of 产出, is levels[1])
    rubric["levels"][3]["id"] = "output"
    path = write_yaml(tmp_path / "r.yaml", rubric)
    lines = path.read_text(encoding="utf-8").splitlines()
    found = {p.code: p for p in check_file(path, Library())}
    assert set(found) == {"sum", "duplicate-id"}
    assert "合计 90 分，但 total 为 100" in found["sum"].message and lines[found["sum"].line - 1] == "levels:"
    assert lines[found["duplicate-id"].line - 1].strip() == "- id: output"
    assert check_file(TABLE_RUBRIC, Library()) == []


def test_units_of_different_kinds_are_refused_with_the_line(tmp_path: Path) -> None:
    path = table(tmp_path, r1={"target": "≥8755人", "actual": "8676元"})
    with pytest.raises(InputError) as err:
        evaluate_file(path)
    [p] = err.value.problems
    assert p.line == path.read_text(encoding="utf-8").splitlines().index("  actual: 8676元") + 1
    assert "人" in p.message and "元" in p.message


def test_a_level_the_rubric_does_not_know_is_refused_with_a_suggestion(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        evaluate_file(table(tmp_path, r1={"level": "产出指际"}))
    assert any("产出指标" in p.message for p in err.value.problems)


def test_ids_tiers_and_levels_of_rows_are_checked_at_their_lines(tmp_path: Path) -> None:
    judged = {"tier": "部分达成了", "points": 20, "reason": "部分乡镇未覆盖"}
    path = table(
        tmp_path,
        r1={"id": "funding"},
        r2={"id": "x"},
        r3={"id": "x"},
        r5={"target": "达到预期", "actual": "基本达到", "judgement": judged},
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [(p.code, lines[p.line - 1].strip(), p.message) for p in check_file(path, Library())]
    assert [(code, line) for code, line, _ in found] == [
        ("schema", "id: funding"),  # a name the form keeps for itself
        ("duplicate-id", "id: x"),
        ("schema", "tier: 部分达成了"),
    ]
    assert "是否应为“部分达成”" in found[2][2] and "达成、部分达成、未达成" in found[2][2]


def test_a_row_named_total_is_refused_at_its_line(tmp_path: Path) -> None:
    path = table(tmp_path, r1={"id": "total"})
    (p,) = check_file(path, Library())
    assert path.read_text(encoding="utf-8").splitlines()[p.line - 1].strip() == "id: total"


# ----------------------------------------------------------------------------- left_to_fill


def test_what_is_left_to_fill_is_listed_at_its_line(tmp_path: Path) -> None:
    data = load_yaml(TABLE_DATA)
    data["project"]["name"] = None
    data["funding"]["spent"] = None
    data["indicators"][0]["category"] = None
    data["indicators"][1]["actual"] = None
    path = write_yaml(tmp_path / "t.yaml", data)
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [p for p in check_file(path, Library()) if p.code == "to-fill"]
    assert all(p.severity is Severity.WARNING for p in found)
    assert [(lines[p.line - 1].strip(), p.message) for p in found] == [
        ("name: null", "project.name（项目名称） 待填"),
        ("spent: null", "funding.spent（全年执行数） 待填"),
        ("category: null", "indicators[1].category（二级指标） 待填"),
        ("actual: null", "indicators[2].actual（实际完成值） 待填"),
    ]
    assert check_file(TABLE_DATA, Library()) == []  # 未知 is not left to fill: the source does not show it


# ----------------------------------------------------------------------------- identity, properties, sheet


def test_identity_properties_and_sheet() -> None:
    ev = evaluate_file(TABLE_DATA)
    assert FORM.identity(ev.result.data) == ("稷山县", "2020", "建档立卡个人缴费县级配套资金")  # a table per project
    about = FORM.properties(ev.result)
    assert about.title == "稷山县项目支出绩效自评表（2020年度）：建档立卡个人缴费县级配套资金"
    assert (about.author, about.date) == ("稷山县医疗保障局", None)
    sheet = FORM.sheet(FORM.view_model(ev.result, ev.findings, ev.provenance, ReportOptions()))
    assert sheet is not None and sheet.title == about.title and sheet.header == HEADER
    assert sheet.rows[-1] == ["总分", "", "", "", "", 100.0, 99.77, ""]


def test_two_tables_of_one_county_are_two_projects(runner: Any, tmp_path: Path) -> None:
    first = table(tmp_path, "a.yaml")
    project = load_yaml(TABLE_DATA)["project"]
    table(tmp_path, "b.yaml", project={**project, "name": "另一个项目"})
    rows = json.loads(run(runner, "score", str(tmp_path), "--format", "json").stdout)
    assert [r["duplicate_of"] for r in rows] == [[], []]
    table(tmp_path, "c.yaml")  # the same project again
    rows = json.loads(run(runner, "score", str(tmp_path), "--format", "json").stdout)
    assert sorted(len(r["duplicate_of"]) for r in rows) == [0, 0, 1]  # the copy, not the one ranked
    assert str(first) in [path for r in rows for path in r["duplicate_of"]]


# ----------------------------------------------------------------------------- through the commands


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
