"""`selfeval schema`: the JSON Schema an editor checks files with accepts every file the tool
accepts (as counties write them) and refuses the misspelt keys the tool refuses."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from helpers import DATA, RUBRIC, TABLE_DATA, TABLE_RUBRIC, load_yaml, mini_rubric, rule_examples, write_yaml
from selfeval.cli import app
from selfeval.inputs import Library, check_file, kind_of
from selfeval.json_schema import data_schema, rubric_schema
from selfeval.load import load_document
from selfeval.pipeline import evaluate
from selfeval.problems import Severity

TESTS = Path(__file__).resolve().parent.parent


def plain(x: Any) -> Any:
    """A file's values as an editor's YAML server sees them: numbers as numbers, dates as text."""
    if isinstance(x, dict):
        return {str(k): plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain(v) for v in x]
    if isinstance(x, Decimal):
        return int(x) if x == x.to_integral_value() else float(x)
    if isinstance(x, (dt.date, dt.datetime)):
        return x.isoformat()
    return x


def errors(schema: dict[str, Any], path: Path) -> list[str]:
    jsonschema.Draft202012Validator.check_schema(schema)
    found = list(jsonschema.Draft202012Validator(schema).iter_errors(plain(load_document(path).data)))
    while any(e.context for e in found):  # what each branch of an anyOf said
        found = [c for e in found for c in (e.context or [e])]
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in found]


def loads(path: Path) -> bool:
    """Whether the tool takes the file (warnings aside)."""
    return not [p for p in check_file(path, Library()) if p.severity is Severity.ERROR]


def schema_of(runner: Any, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["schema", *args])
    assert result.exit_code == 0, result.output
    schema: dict[str, Any] = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    return schema


@pytest.mark.parametrize("path", [DATA, TABLE_DATA], ids=["narrative", "project_table"])
def test_the_bundled_data_files_are_valid_for_any_rubric_and_for_their_own(runner: Any, path: Path) -> None:
    assert errors(schema_of(runner, "data"), path) == []
    rubric = RUBRIC if path == DATA else TABLE_RUBRIC
    assert errors(schema_of(runner, "data", "--rubric", str(rubric)), path) == []


@pytest.mark.parametrize("path", [RUBRIC, TABLE_RUBRIC], ids=["narrative", "project_table"])
def test_the_bundled_rubrics_are_valid(runner: Any, path: Path) -> None:
    assert errors(schema_of(runner, "rubric"), path) == []


def test_a_misspelt_top_level_key_is_refused(runner: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(DATA.read_text(encoding="utf-8").replace("\nfigures:", "\nfiguers:", 1), encoding="utf-8")
    assert not loads(bad)
    said = errors(schema_of(runner, "data"), bad)
    assert said and any("figuers" in e for e in said)
    assert any("figuers" in e for e in errors(schema_of(runner, "data", "-r", str(RUBRIC)), bad))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    points: 18\n", "    pionts: 18\n"),
        ("not_applicable: zero", "not_aplicable: zero"),
        ("\ntitle:", "\ntitel:"),
    ],
)
def test_a_misspelt_rubric_key_is_refused(tmp_path: Path, old: str, new: str) -> None:
    text = RUBRIC.read_text(encoding="utf-8")
    if old not in text:
        text = text.replace("    points: 18\n", f"    points: 18\n    {old.strip()}\n", 1)
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert not loads(bad)
    assert errors(rubric_schema(), bad)


def _variant(tmp_path: Path, name: str, change: Any, base: Path = DATA) -> Path:
    data = load_yaml(base)
    change(data)
    return write_yaml(tmp_path / f"{name}.yaml", data)


def _figure(name: str, value: Any) -> Any:
    return lambda d: d["figures"].__setitem__(name, value)


VARIANTS = {
    "date-chinese": lambda d: d["document"].__setitem__("date", "2021年3月29日"),
    "date-han": lambda d: d["document"].__setitem__("date", "二〇二一年三月二十九日"),
    "date-dots": lambda d: d["document"].__setitem__("date", "2021.3.29"),
    "figure-wan": _figure("unpoor_households", "141户"),
    "figure-approx": _figure("unpoor_persons", "约675人"),
    "figure-unknown": _figure("edge_households", "未知"),
    "figure-to-fill": _figure("edge_persons", None),
    "figure-mapping": _figure("monitored_households", {"value": "46户", "note": "据台账"}),
    "figure-full-width": _figure("monitored_persons", "２３２"),
    "figure-own": _figure("county_own", {"value": 3, "title": "本县自定数据"}),
    "fact-yes": lambda d: d["facts"].__setitem__(next(iter(d["facts"])), "是"),
    "fact-tick": lambda d: d["facts"].__setitem__(next(iter(d["facts"])), "√"),
    "fact-to-fill": lambda d: d["facts"].__setitem__(next(iter(d["facts"])), None),
    "evidence-one": lambda d: d["evidence"].__setitem__(
        "poverty_plan", {"title": "实施方案", "number": "平民发〔2020〕34号"}
    ),
    "evidence-none": lambda d: d["evidence"].__setitem__("poverty_plan", None),
    "evidence-no-number": lambda d: d["evidence"].__setitem__("poverty_plan", [{"title": "实施方案", "number": "无"}]),
    "claim-with-unit": lambda d: d["claims"].__setitem__("total", "104分"),
    "section-empty": lambda d: d.__setitem__("attachments", None),
    "facts-empty": lambda d: d.__setitem__("judgements", None),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_what_a_clerk_writes_and_the_tool_reads_is_not_refused(tmp_path: Path, name: str) -> None:
    path = _variant(tmp_path, name, VARIANTS[name])
    assert loads(path), name
    rubric = Library().load(RUBRIC).rubric
    assert errors(data_schema(), path) == []
    assert errors(data_schema(rubric), path) == []


def _row(i: int, **cells: Any) -> Any:
    return lambda d: d["indicators"][i].update(cells)


TABLE_VARIANTS = {
    "target-sign": _row(0, target="≥8755人"),
    "target-words": _row(0, target="不低于8755人", actual="8676人"),
    "actual-state": _row(1, actual="已完成"),
    "points-unknown": _row(2, points="未知"),
    "weight-percent": _row(3, points=None, weight="10%"),
    "weight-number": _row(3, points=None, weight=10),
    "more-unknown": lambda d: d.__setitem__("more", "未知"),
    "funding-with-unit": lambda d: d["funding"].__setitem__("spent", "65.07万元"),
    "total-unknown": lambda d: d["total"].__setitem__("score", "未知"),
}


@pytest.mark.parametrize("name", sorted(TABLE_VARIANTS))
def test_a_project_table_as_counties_type_it_is_not_refused(tmp_path: Path, name: str) -> None:
    path = _variant(tmp_path, name, TABLE_VARIANTS[name], TABLE_DATA)
    assert loads(path), name
    rubric = Library().load(TABLE_RUBRIC).rubric
    assert errors(data_schema(), path) == []
    assert errors(data_schema(rubric), path) == []


def test_every_corpus_file_that_loads_is_valid() -> None:
    schemas = {"rubric": rubric_schema(), "data": data_schema()}
    checked = 0
    for path in sorted((TESTS / "bad_inputs").rglob("*.yaml")):
        try:
            if not loads(path):
                continue
            kind = kind_of(load_document(path))
        except Exception:  # noqa: S112 - a file refused before it is read is no case here
            continue
        assert kind is not None
        assert errors(schemas[kind], path) == [], path
        checked += 1
    assert checked >= 5


@pytest.mark.parametrize(
    "example", [pytest.param(ex, id=f"{kind}-{i}") for i, (kind, ex) in enumerate(rule_examples())]
)
def test_every_rule_kinds_worked_example_is_a_valid_rubric(tmp_path: Path, example: Any) -> None:
    case = load_yaml_text(example.source)
    node = {"id": "x1", "title": "示例", "points": case.get("points", 1), "rule": case["rule"]}
    if "type" in case:
        node["type"] = case["type"]
    rubric = mini_rubric([{"id": "s1", "title": "部分", "points": node["points"], "children": [node]}])
    path = write_yaml(tmp_path / "r.yaml", {**rubric, **case.get("rubric", {})})
    assert errors(rubric_schema(), path) == []


def load_yaml_text(text: str) -> Any:
    import yaml

    return yaml.safe_load(text)


def test_the_data_schema_of_a_rubric_knows_its_names(tmp_path: Path) -> None:
    rubric = Library().load(RUBRIC).rubric
    schema = data_schema(rubric)
    props = schema["properties"]
    figures = props["figures"]["anyOf"][0]
    assert "unpoor_households" in figures["properties"]
    assert props["facts"]["anyOf"][0]["propertyNames"]["enum"] == list(rubric.facts)
    assert "c27" in props["claims"]["anyOf"][0]["propertyNames"]["enum"]
    assert "total" in props["claims"]["anyOf"][0]["propertyNames"]["enum"]
    for change in (
        lambda d: d["claims"].__setitem__("c99", 1),  # no such node
        lambda d: d["facts"].__setitem__("no_such_fact", True),
        lambda d: d["figures"].__setitem__("unpoor_houshold", 3),  # misspelt, and no title to say what it is
        lambda d: d["rubric"].__setitem__("version", "2019.1"),
    ):
        path = _variant(tmp_path, "bad", change)
        assert not loads(path)
        assert errors(schema, path), path.read_text(encoding="utf-8")[:0]


def test_keys_are_described_in_chinese_and_in_english_with_lang_en(runner: Any) -> None:
    zh = schema_of(runner, "rubric")
    assert zh["$defs"]["Node"]["properties"]["points"]["title"] == "分值"
    assert "rescale" in zh["$defs"]["Node"]["properties"]["not_applicable"]["description"]
    assert "达标得分" in zh["$defs"]["ThresholdRule"]["description"]
    en = json.loads(runner.invoke(app, ["--lang", "en", "schema", "rubric"]).stdout)
    assert en["$defs"]["Node"]["properties"]["points"]["title"] == "Points"


def test_out_writes_the_schema_through_the_sink(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "data.schema.json"
    result = runner.invoke(app, ["schema", "data", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["$schema"].endswith("2020-12/schema")
    again = runner.invoke(app, ["schema", "data", "--out", str(out)])
    assert again.exit_code == 2  # an existing file is replaced only with --force
    assert runner.invoke(app, ["schema", "data", "--out", str(out), "--force"]).exit_code == 0


def test_an_unknown_kind_is_a_usage_error(runner: Any) -> None:
    result = runner.invoke(app, ["schema", "rubirc"])
    assert result.exit_code == 2


def test_init_points_the_data_file_at_its_schema_and_the_comment_changes_nothing(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "示例.yaml"
    assert runner.invoke(app, ["init", str(out), "--example"]).exit_code == 0
    first, rest = out.read_text(encoding="utf-8").split("\n", 1)
    schema = tmp_path / ".selfeval" / "ningxia-2020-county-2020.1.schema.json"
    assert first == "# yaml-language-server: $schema=.selfeval/ningxia-2020-county-2020.1.schema.json"
    assert errors(json.loads(schema.read_text(encoding="utf-8")), out) == []
    assert rest == DATA.read_text(encoding="utf-8")
    with_comment, without = evaluate(out), evaluate(DATA)
    assert with_comment.result.total == without.result.total
    assert [n.score for n in with_comment.result.walk()] == [n.score for n in without.result.walk()]


def test_init_keeps_a_schema_someone_changed_unless_forced(runner: Any, tmp_path: Path) -> None:
    schema = tmp_path / ".selfeval" / "ningxia-2020-county-2020.1.schema.json"
    schema.parent.mkdir()
    schema.write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["init", str(tmp_path / "a.yaml")])
    assert result.exit_code == 0
    assert schema.read_text(encoding="utf-8") == "{}"
    assert "--force" in result.stderr
    assert runner.invoke(app, ["init", str(tmp_path / "b.yaml"), "--force"]).exit_code == 0
    assert json.loads(schema.read_text(encoding="utf-8"))["$schema"].endswith("2020-12/schema")
