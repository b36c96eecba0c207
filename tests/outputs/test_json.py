"""JSON (:mod:`selfeval.outputs.json`): the machine contract, its keys and its numbers."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from helpers import DATA, TABLE_DATA, evaluate_file, load_yaml, write_yaml
from selfeval.cli import app
from selfeval.outputs import Checked, Findings, Options
from selfeval.outputs import json as json_output

NODE_KEYS = [
    "id",
    "number",
    "title",
    "type",
    "max",
    "score",
    "score_range",
    "score_min",
    "score_max",
    "decide",
    "claimed",
    "explanation",
    "status",
    "not_applicable_policy",
    "assumed",
    "evidence",
    "missing",
    "adjustment",
    "children",
]
FINDING_KEYS = ["file", "line", "col", "severity", "code", "subject", "message", "message_en", "values"]


def written(writer: Any, result: Any) -> tuple[str, Any]:
    out = io.BytesIO()
    writer(result, out, Options())
    text = out.getvalue().decode("utf-8")
    return text, json.loads(text)


def test_score_and_audit_json_files(runner: Any, tmp_path: Path) -> None:
    s, a = tmp_path / "s.json", tmp_path / "a.json"
    assert runner.invoke(app, ["score", str(DATA), "--format", "json", "--out", str(s)]).exit_code == 0
    assert runner.invoke(app, ["audit", str(DATA), "--format", "json", "--out", str(a)]).exit_code == 1
    assert json.loads(s.read_text(encoding="utf-8"))["total"] == 104
    findings = json.loads(a.read_text(encoding="utf-8"))["findings"]
    assert all(f["file"] == str(DATA) and f["line"] > 0 for f in findings)


def test_the_score_contract_keys_and_numbers() -> None:
    ev = evaluate_file()
    text, doc = written(json_output.score, ev)
    assert list(doc) == [
        "rubric",
        "subject",
        "standard",
        "bonus",
        "deduction",
        "total",
        "total_range",
        "total_min",
        "total_max",
        "decide",
        "claimed_total",
        "grade",
        "grade_range",
        "vetoes",
        "summary",
        "nodes",
        "adjustments",
        "findings",
    ]
    assert '"name": "平罗县"' in text and "\\u" not in text  # Chinese as itself, never escaped
    assert text.endswith("}\n") and text.startswith('{\n  "rubric": {\n')
    assert (doc["total_range"], doc["grade_range"], doc["vetoes"], doc["adjustments"]) == (None, None, [], [])

    def walk(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [x for n in nodes for x in (n, *walk(n["children"]))]

    nodes = walk(doc["nodes"])
    assert len(nodes) == len(list(ev.result.walk())) == 89 and all(list(n) == NODE_KEYS for n in nodes)
    # a whole score is a JSON integer, a part of one a float; never a string
    assert all(type(n["score"]) is (int if n["score"] == int(n["score"]) else float) for n in nodes)
    assert all(n["claimed"] is None or isinstance(n["claimed"], (int, float)) for n in nodes)
    by = {n["id"]: n for n in nodes}
    assert (by["c27"]["max"], by["c27"]["score"], by["c27"]["claimed"]) == (2, 1, 1)
    assert by["s2"]["score"] == 37 and by["s2"]["claimed"] == 38
    assert sum(n["score"] for n in doc["nodes"] if n["type"] == "standard") == doc["standard"]["score"] == 99


def test_a_range_is_two_numbers(tmp_path: Path) -> None:
    data = load_yaml(TABLE_DATA)
    data["indicators"][0]["actual"] = "未知"
    _, doc = written(json_output.score, evaluate_file(write_yaml(tmp_path / "t.yaml", data)))
    r1 = next(c for n in doc["nodes"] for c in n["children"] if c["id"] == "r1")
    assert (r1["score"], r1["score_range"]) == (0, [0, 15])
    assert doc["total_range"] == [84.91, 99.91] and doc["total"] == 84.91
    # the grade a person reads is the span; the pair is for machines
    low, high = doc["grade_range"]
    assert high == "优" != low and doc["grade"] == f"{low}至{high}"


def test_findings_contract_counts_each_file() -> None:
    ev = evaluate_file()
    checked = Checked(str(DATA), ev.findings, ("平罗县", 2020))
    _, doc = written(json_output.findings, Findings([checked, Checked("empty.yaml")]))
    assert list(doc) == ["files", "findings"]
    first, empty = doc["files"]
    assert first["path"] == str(DATA) and first["subject"] == {"name": "平罗县", "year": 2020}
    assert first["errors"] + first["warnings"] + first["infos"] == len(doc["findings"]) == 15
    assert empty == {"path": "empty.yaml", "errors": 0, "warnings": 0, "infos": 0}
    assert all(list(f) == FINDING_KEYS for f in doc["findings"])
    s2 = next(f for f in doc["findings"] if f["code"] == "claim-differs" and f["subject"] == "s2")
    assert s2["values"]["stated"] == "38" and s2["values"]["expected"] == "37"  # values are text, as written
    assert s2["severity"] == "error" and isinstance(s2["line"], int) and s2["message_en"] != s2["message"]


def test_gaps_are_records_largest_first() -> None:
    _, rows = written(json_output.gaps, evaluate_file())
    keys = ["id", "title", "lost", "lost_min", "effect_on_total", "decide", "explanation", "recover"]
    assert [list(r) for r in rows] == [keys]
    (c27,) = rows
    assert (c27["id"], c27["lost"], c27["effect_on_total"]) == ("c27", 1, 1)
    assert "2070" in c27["explanation"] and "1500" in c27["recover"]
