"""``compare`` across rubric versions (nodes matched by id, else number and title, what matches
nothing listed), ``--changed``, and ``compare --rubrics``: what changed from one rubric to the next."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from helpers import DATA, RUBRIC, TABLE_RUBRIC, TESTS
from selfeval.cli import app

RUBRIC_2021 = TESTS / "fixtures" / "rubric_2021_county.yaml"
DATA_2021 = TESTS / "fixtures" / "pingluo_2021.yaml"


def _rubrics(runner: Any, *extra: str) -> Any:
    return runner.invoke(app, ["compare", "--rubrics", str(RUBRIC), str(RUBRIC_2021), *extra])


def test_two_rubrics_list_a_node_added_a_rule_changed_and_the_caps(runner: Any) -> None:
    result = _rubrics(runner, "-f", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert (doc["a"], doc["b"]) == ("ningxia-2020-county 2020.1", "ningxia-2021-county 2021.1")
    changes = {(c["kind"], c["id"]): c for c in doc["changes"]}
    added = changes[("added", "c45")]
    assert added["title"] == "45. 困难群众救助工作获得国家或自治区表彰" and added["after"] == "加分，3分"
    rule = changes[("rule", "c40")]
    assert "不低于90%" in rule["before"] and "不低于95%" in rule["after"] and rule["detail"] == "min：90 → 95"
    assert changes[("rule", "c44")]["detail"] == "deduct：10 → 5"
    assert (changes[("points", "c44")]["before"], changes[("points", "c44")]["after"]) == ("10", "5")
    assert (changes[("cap", "deduction_cap")]["before"], changes[("cap", "deduction_cap")]["after"]) == ("20", "15")
    assert (changes[("cap", "bonus_cap")]["before"], changes[("cap", "bonus_cap")]["after"]) == ("5", "8")
    assert changes[("added", "evidence.commendation")]["after"] == "国家或自治区表彰文件"
    assert not any(k == "removed" and not i.startswith("templates") for k, i in changes)
    assert ("rule", "c41") not in changes  # unchanged nodes are not listed


def test_two_rubrics_as_a_table_and_as_csv(runner: Any) -> None:
    out = _rubrics(runner).stdout
    assert "新增" in out and "规则" in out and "min：90 → 95" in out and "上限" in out
    rows = list(csv.DictReader(io.StringIO(_rubrics(runner, "-f", "csv").stdout)))
    assert {"kind": "added", "id": "c45"}.items() <= rows[[r["id"] for r in rows].index("c45")].items()


def test_a_node_moved_retitled_and_removed(runner: Any, tmp_path: Path) -> None:
    text = RUBRIC_2021.read_text(encoding="utf-8")
    text = text.replace("title: 救助对象满意度\n", "title: 困难群众满意度\n", 1)
    text = text.replace(
        "          - id: c45\n", "          - id: c46\n", 1
    )  # renumbered: matched by its number and title
    moved = tmp_path / "moved.yaml"
    moved.write_text(text, encoding="utf-8")
    doc = json.loads(runner.invoke(app, ["compare", "--rubrics", str(RUBRIC_2021), str(moved), "-f", "json"]).stdout)
    kinds = {(c["kind"], c["id"]) for c in doc["changes"]}
    assert ("title", "c40") in kinds
    assert ("added", "c46") not in kinds and ("removed", "c45") not in kinds
    removed = json.loads(
        runner.invoke(app, ["compare", "--rubrics", str(RUBRIC_2021), str(RUBRIC), "-f", "json"]).stdout
    )
    assert ("removed", "c45") in {(c["kind"], c["id"]) for c in removed["changes"]}


def test_the_same_rubric_twice_has_no_changes(runner: Any) -> None:
    result = runner.invoke(app, ["compare", "--rubrics", str(RUBRIC), str(RUBRIC)])
    assert result.exit_code == 0 and "完全相同" in result.stdout


def test_data_files_of_two_rubric_versions_are_compared_node_by_node(runner: Any) -> None:
    result = runner.invoke(app, ["compare", str(DATA), str(DATA_2021), "-f", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    lines = {(x["kind"], x["id"]): x for x in doc["lines"]}
    assert (lines[("node", "c40")]["a"], lines[("node", "c40")]["b"]) == (3, 2)  # 93% under the new 95%
    assert (lines[("node", "c45")]["a"], lines[("node", "c45")]["b"]) == (None, 3)
    assert (lines[("score", "total")]["a"], lines[("score", "total")]["b"]) == (104, 106)
    assert doc["unmatched"] == [{"side": "b", "id": "c45", "title": "45. 困难群众救助工作获得国家或自治区表彰"}]
    assert "指标按编号、序号和标题对应" in result.stderr


def test_changed_shows_only_what_changed_and_the_total(runner: Any) -> None:
    everything = runner.invoke(app, ["compare", str(DATA), str(DATA_2021), "-f", "json"]).stdout
    result = runner.invoke(app, ["compare", str(DATA), str(DATA_2021), "--changed", "-f", "json"])
    lines = json.loads(result.stdout)["lines"]
    assert len(lines) < len(json.loads(everything)["lines"]) / 10
    assert all(x["a"] != x["b"] for x in lines)
    assert ("score", "total") in {(x["kind"], x["id"]) for x in lines}
    assert ("node", "c41") not in {(x["kind"], x["id"]) for x in lines}
    same = json.loads(runner.invoke(app, ["compare", str(DATA), str(DATA), "--changed", "-f", "json"]).stdout)
    assert [(x["kind"], x["id"]) for x in same["lines"]] == [("score", "total")]
    table = runner.invoke(app, ["compare", str(DATA), str(DATA_2021), "--changed"]).stdout
    assert "只列出有变化的行" in table and "救助对象满意度" in table and "以下指标只在 ningxia-2021-county" in table


def test_each_file_its_own_rubric_given(runner: Any, tmp_path: Path) -> None:
    # the 2021 data without its path: its rubric given on the command line, A's left to A
    text = DATA_2021.read_text(encoding="utf-8").replace("  path: rubric_2021_county.yaml\n", "")
    b = tmp_path / "b.yaml"
    b.write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["compare", str(DATA), str(b)]).exit_code != 0
    result = runner.invoke(app, ["compare", str(DATA), str(b), "--rubric-b", str(RUBRIC_2021), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["unmatched"][0]["id"] == "c45"


def test_rubrics_with_nothing_in_common_are_refused(runner: Any) -> None:
    from helpers import TABLE_DATA

    result = runner.invoke(app, ["compare", str(DATA), str(TABLE_DATA)])
    assert result.exit_code == 1
    assert "没有一个指标能按编号、序号或标题对应" in result.output
    assert runner.invoke(app, ["compare", "--rubrics", str(RUBRIC), str(TABLE_RUBRIC)]).exit_code == 0


def _templates_of(runner: Any, a: Path, b: Path) -> dict[str, tuple[str, str, str]]:
    result = runner.invoke(app, ["compare", "--rubrics", str(a), str(b), "-f", "json"])
    assert result.exit_code == 0, result.output
    changes = json.loads(result.stdout)["changes"]
    return {c["id"]: (c["kind"], c["before"], c["after"]) for c in changes if c["id"].startswith("template")}


def test_templates_left_to_their_defaults_are_no_change(runner: Any, tmp_path: Path) -> None:
    # the 2020 rubric names the form's own templates; the 2021 one names none, so the same apply
    assert _templates_of(runner, RUBRIC, RUBRIC_2021) == {}
    assert _templates_of(runner, RUBRIC_2021, RUBRIC) == {}
    # the Markdown one named the old way (template:) is the same template named the new way
    old_way = tmp_path / "old_way.yaml"
    old_way.write_text(
        RUBRIC_2021.read_text(encoding="utf-8").replace(
            "form: narrative\n", "form: narrative\ntemplate: report.md.j2\n", 1
        ),
        encoding="utf-8",
    )
    assert _templates_of(runner, RUBRIC, old_way) == {}


def test_a_template_named_otherwise_is_listed_alone(runner: Any, tmp_path: Path) -> None:
    (tmp_path / "省定模板.md.j2").write_text("{{ document.title }}\n", encoding="utf-8")
    own = tmp_path / "own.yaml"
    text = RUBRIC_2021.read_text(encoding="utf-8")
    own.write_text(
        text.replace("form: narrative\n", "form: narrative\ntemplates:\n  markdown: 省定模板.md.j2\n", 1),
        encoding="utf-8",
    )
    assert _templates_of(runner, RUBRIC, own) == {"templates.markdown": ("key", '"report.md.j2"', '"省定模板.md.j2"')}
    assert _templates_of(runner, own, RUBRIC_2021) == {
        "templates.markdown": ("key", '"省定模板.md.j2"', '"report.md.j2"')
    }
