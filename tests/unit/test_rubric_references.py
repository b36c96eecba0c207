"""Every id a rubric (or a data file) names exists: a relation's node, a veto's fact and grade, a
metric's figures, a rule's inputs, a level's ``within``, a judgement's tier. One that does not is
an error at its own line, with the nearest name suggested where there is one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, RUBRIC, TABLE_RUBRIC, leaf, mini_data, mini_rubric, write_yaml
from selfeval.cli import app
from selfeval.inputs import Library, check_file
from selfeval.problems import Problem, Severity


def _broken(tmp_path: Path, source: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of ``source`` with ``old`` replaced by ``new`` once, and the line ``new`` starts on."""
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path = tmp_path / source.name
    path.write_text(text, encoding="utf-8")
    return path, text[: text.index(new)].count("\n") + 1


def _errors(path: Path) -> list[Problem]:
    return [p for p in check_file(path, Library()) if p.severity is Severity.ERROR]


RUBRIC_CASES = [
    # a relation tied to a node the tree does not have: its findings would point at nothing
    ("relation-node", "    node: c05\n", "    node: c005\n", "关系所属的节点“c005”不存在；是否应为“c05”？"),
    ("relation-node-far", "    node: c13\n", "    node: 失能供养\n", "关系所属的节点“失能供养”不存在"),
    (
        "relation-figure",
        "    expr: tekun_centralized + tekun_dispersed\n",
        "    expr: tekun_centralised + tekun_dispersed\n",
        "关系用到未知的数据或指标“tekun_centralised”；是否应为“tekun_centralized”？",
    ),
    (
        "veto-fact",
        "    fact: serious_safety_accident_with_deaths\n",
        "    fact: serious_safety_accident\n",
        "未知的事实“serious_safety_accident”",
    ),
    ("veto-grade", "    max_grade: 差\n", "    max_grade: 较差\n", "未知的等次“较差”"),
    (
        "metric-figure",
        "    expr: unpoor_households + edge_households + monitored_households + migrant_households\n",
        "    expr: unpoor_households + edge_household + monitored_households + migrant_households\n",
        "计算指标“screened_households”用到未知的数据或指标“edge_household”；是否应为“edge_households”？",
    ),
    (
        "rule-evidence",
        "rule: {kind: evidence, requires: [four_checks_plan]}",
        "rule: {kind: evidence, requires: [four_check_plan]}",
        "的评分规则用到未知的证明材料项“four_check_plan”；是否应为“four_checks_plan”？",
    ),
    (
        "rule-fact",
        "rule: {kind: fact, fact: online_application}",
        "rule: {kind: fact, fact: online_applications}",
        "的评分规则用到未知的事实“online_applications”；是否应为“online_application”？",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "message"), RUBRIC_CASES, ids=[c[0] for c in RUBRIC_CASES])
def test_a_name_the_rubric_does_not_define_is_an_error_at_its_line(
    tmp_path: Path, name: str, old: str, new: str, message: str
) -> None:
    path, line = _broken(tmp_path, RUBRIC, old, new)
    (p,) = _errors(path)
    assert message in p.message and p.line == line, (p.line, line, p.message)


def test_validate_refuses_a_relation_on_a_missing_node(tmp_path: Path, runner: Any) -> None:
    path, line = _broken(tmp_path, RUBRIC, "    node: c11\n", "    node: c111\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:{line}:5: error: 关系所属的节点“c111”不存在；是否应为“c11”？" in result.stdout
    assert runner.invoke(app, ["validate", str(RUBRIC), str(TABLE_RUBRIC)]).exit_code == 0


TABLE_CASES = [
    # 成本指标 carved out of a level that is not there: its weight would come out of nothing
    (
        "within-unknown",
        "points: 10, within: output}",
        "points: 10, within: outptu}",
        "within 指向的一级指标“outptu”不存在；是否应为“output”？",
    ),
    (
        "within-nested",
        "points: 10, within: output}",
        "points: 10, within: cost}",
        "within 须指向一个自有分值的一级指标，“cost”本身也写了 within",
    ),
    ("relation-node", "    node: funding\n", "    node: fundng\n", "关系所属的节点“fundng”不存在；是否应为“funding”？"),
    # a project's rows are its own: a rubric that every project shares cannot tie a relation to r1
    ("relation-row", "    node: funding\n", "    node: r1\n", "关系所属的节点“r1”不存在"),
]


@pytest.mark.parametrize(("name", "old", "new", "message"), TABLE_CASES, ids=[c[0] for c in TABLE_CASES])
def test_a_project_table_rubric_names_only_what_it_defines(
    tmp_path: Path, name: str, old: str, new: str, message: str
) -> None:
    path, line = _broken(tmp_path, TABLE_RUBRIC, old, new)
    (p,) = _errors(path)
    assert p.message == message and p.line == line, (p.line, line, p.message)


DATA_CASES = [
    # (the error is on the entry's own line: ``below`` lines under where the new text starts)
    ("not-applicable", "claims:\n", "not_applicable:\n  c099: 本县无劳务移民\nclaims:\n", 1, "未知的节点“c099”"),
    ("claim", "  i02: 3\n", "  i002: 3\n", 0, "未知的节点“i002”；是否应为“i02”？"),
    (
        "relation-node",
        "claims:\n",
        "relations:\n  - {kind: subset, id: own, title: 自查, part: trainings, whole: trainings, node: c199}\n"
        "claims:\n",
        1,
        "关系所属的节点“c199”不存在；是否应为“c19”？",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "below", "message"), DATA_CASES, ids=[c[0] for c in DATA_CASES])
def test_a_node_the_data_names_exists(tmp_path: Path, name: str, old: str, new: str, below: int, message: str) -> None:
    path, line = _broken(tmp_path, DATA, old, new)
    (p,) = [p for p in _errors(path) if p.message.startswith(message)]
    assert p.line == line + below, (p.line, line)


def _tiered(tmp_path: Path, tier: str) -> list[Problem]:
    """A rubric with one leaf judged in tiers, and a data file judging it in ``tier``: its problems."""
    tiers = [{"name": "达成", "low": "0.8", "high": 1}, {"name": "部分达成", "low": 0, "high": "0.8"}]
    section = {"id": "s1", "title": "一", "points": 4, "children": [leaf("q1", 4, {"kind": "tiers", "tiers": tiers})]}
    write_yaml(tmp_path / "r.yaml", mini_rubric([section]))
    data = mini_data(judgements={"q1": {"tier": tier, "reason": "部分乡镇救助时效未达要求"}})
    data["rubric"]["path"] = "r.yaml"
    return check_file(write_yaml(tmp_path / "d.yaml", data), Library())


def test_a_judgement_names_a_tier_its_rule_has(tmp_path: Path) -> None:
    # 部分完成 is the table's word for an actual value, not one of this rule's tiers
    (p,) = [p for p in _tiered(tmp_path, "部分完成") if p.severity is Severity.ERROR]
    assert p.message == "评定的档次“部分完成”不是“项目q1”（q1）的档次（可用：达成、部分达成）；是否应为“部分达成”？"
    lines = (tmp_path / "d.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[p.line - 1].strip() == "tier: 部分完成"
    assert not [p for p in _tiered(tmp_path, "部分达成") if p.severity is Severity.ERROR]
