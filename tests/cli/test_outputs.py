"""The output layer end to end: every format a command offers, --out, and the choice by suffix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, changed_copy
from selfeval.cli import app
from selfeval.outputs import OUTPUTS, Kind, formats_for

COMMANDS = {
    Kind.SCORE: ["score", str(DATA)],
    Kind.GAPS: ["score", str(DATA), "--gaps"],
    Kind.FINDINGS: ["audit", str(DATA)],
    Kind.COMPARISON: ["compare", str(DATA), str(DATA)],
    Kind.REPORT: ["report", str(DATA)],
}


@pytest.mark.parametrize(
    ("kind", "format"),
    [(k, f) for k in COMMANDS for f in formats_for(OUTPUTS[k])],
    ids=lambda x: getattr(x, "value", x),
)
def test_every_format_of_every_command_writes(runner: Any, tmp_path: Path, kind: Kind, format: Any) -> None:
    out = tmp_path / "out.bin"
    result = runner.invoke(app, [*COMMANDS[kind], "--format", format.value, "--out", str(out)])
    assert result.exit_code in (0, 1), result.output  # audit exits 1: Pingluo has findings
    assert f"已写出 {out}" in result.stderr
    data = out.read_bytes()
    assert data
    if format.value in ("docx", "xlsx"):
        assert data.startswith(b"PK")  # a zip, as Office files are
        return
    text = data.decode("utf-8")
    if format.value == "json":
        json.loads(text)
    printed = runner.invoke(app, [*COMMANDS[kind], "--format", format.value]).stdout
    if format.value == "csv":  # a file gets a BOM and headers for people; the rows are the same
        assert text.startswith("\ufeff") and text.splitlines()[1:] == printed.splitlines()[1:]
    else:
        assert printed == text  # the same bytes, printed or written


def test_ranking_formats(runner: Any, tmp_path: Path) -> None:
    changed_copy(tmp_path, "a.yaml", trainings=3)
    other = changed_copy(tmp_path, "b.yaml")
    other.write_text(other.read_text(encoding="utf-8").replace("  name: 平罗县", "  name: 永宁县", 1), encoding="utf-8")
    for f in formats_for(OUTPUTS[Kind.RANKING]):
        result = runner.invoke(app, ["score", str(tmp_path), "--format", f.value])
        assert result.exit_code == 0, f
        if f.value != "xlsx":  # a workbook's bytes: its sheets are tested with the province's
            assert "平罗县" in result.stdout and "永宁县" in result.stdout, f


@pytest.mark.parametrize(
    ("args", "suffix", "check"),
    [
        (["score", str(DATA)], ".json", lambda t: json.loads(t)["total"] == 104),
        (["score", str(DATA)], ".csv", lambda t: t.startswith("\ufeff编号（ID）,编号,指标")),
        (["score", str(DATA)], ".txt", lambda t: "总分 104" in t),
        (["audit", str(DATA)], ".json", lambda t: len(json.loads(t)["findings"]) == 15),
        (["audit", str(DATA)], ".csv", lambda t: t.startswith("\ufeff文件,行,列,级别")),
        (["compare", str(DATA), str(DATA)], ".csv", lambda t: t.startswith("\ufeff类别,编号（ID）,指标")),
        (["report", str(DATA)], ".md", lambda t: t.startswith("**平罗县民政局**")),
        (["validate", str(DATA)], ".json", lambda t: json.loads(t)["findings"] == []),
    ],
)
def test_format_from_the_suffix_of_out(runner: Any, tmp_path: Path, args: list[str], suffix: str, check: Any) -> None:
    out = tmp_path / f"result{suffix}"
    result = runner.invoke(app, [*args, "--out", str(out)])
    assert result.exit_code in (0, 1), result.output
    assert check(out.read_text(encoding="utf-8"))


def test_score_and_audit_json_files(runner: Any, tmp_path: Path) -> None:
    s, a = tmp_path / "s.json", tmp_path / "a.json"
    assert runner.invoke(app, ["score", str(DATA), "--format", "json", "--out", str(s)]).exit_code == 0
    assert runner.invoke(app, ["audit", str(DATA), "--format", "json", "--out", str(a)]).exit_code == 1
    assert json.loads(s.read_text(encoding="utf-8"))["total"] == 104
    findings = json.loads(a.read_text(encoding="utf-8"))["findings"]
    assert all(f["file"] == str(DATA) and f["line"] > 0 for f in findings)


def test_unknown_suffix_or_format_is_usage_and_writes_nothing(runner: Any, tmp_path: Path) -> None:
    odt = tmp_path / "r.odt"
    result = runner.invoke(app, ["report", str(DATA), "--out", str(odt)])
    assert result.exit_code == 2 and ".odt" in result.stderr and not odt.exists()
    result = runner.invoke(app, ["score", str(DATA), "--format", "github"])
    assert result.exit_code == 2 and "table, json, csv" in result.stderr
    assert runner.invoke(app, ["score", str(DATA), "--format", "xml"]).exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_out_never_overwrites_without_force_nor_an_input(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    out.write_text("keep", encoding="utf-8")
    result = runner.invoke(app, ["score", str(DATA), "--out", str(out)])
    assert result.exit_code == 2 and "--force" in result.stderr and out.read_text(encoding="utf-8") == "keep"
    assert runner.invoke(app, ["score", str(DATA), "--out", str(out), "--force"]).exit_code == 0
    data = changed_copy(tmp_path, "d.yaml")
    before = data.read_bytes()
    result = runner.invoke(app, ["report", str(data), "--out", str(data), "--force", "--format", "markdown"])
    assert result.exit_code == 2 and "这是本命令读取的文件，绝不覆盖" in result.stderr and data.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.yaml", "s.json"]


def test_audit_lines_point_at_the_values(runner: Any) -> None:
    lines = runner.invoke(app, ["audit", str(DATA), "--format", "parsable"]).stdout.splitlines()
    text = DATA.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 15
    for line in lines:
        path, row, col, severity, message = line.split(":", 4)
        assert path == str(DATA) and severity.strip() in {"error", "warning", "info"}
        assert int(row) >= 1 and int(col) >= 1 and message.strip()

    def line_of(message_start: str) -> str:
        (hit,) = [x for x in lines if x.split(":", 4)[4].strip().startswith(message_start)]
        return text[int(hit.split(":")[1]) - 1].strip()

    assert line_of("签订委托照料协议数不超过分散") == "care_agreements: 474"
    assert line_of("城市低保人均补助水平报告为") == "urban_dibao_subsidy_pc: 559.9"
    assert line_of("二、工作保障与管理自评得38分") == "s2: 38"
    assert line_of("自评总分104分，但各部分") == "total: 104"
    github = runner.invoke(app, ["audit", str(DATA), "--format", "github"]).stdout.splitlines()
    assert len(github) == 15
    kinds = ("error", "warning", "notice")
    assert all(g.startswith(tuple(f"::{k} file={DATA},line=" for k in kinds)) for g in github)


def test_init_example_and_skeleton(runner: Any, tmp_path: Path) -> None:
    example = tmp_path / "示例.yaml"
    assert runner.invoke(app, ["init", str(example), "--example"]).exit_code == 0
    assert example.read_bytes() == DATA.read_bytes()
    blank = tmp_path / "blank.yaml"
    assert runner.invoke(app, ["init", str(blank)]).exit_code == 0
    assert "data/pingluo_2020.yaml" not in blank.read_text(encoding="utf-8")
    assert "--example" in blank.read_text(encoding="utf-8")


def test_a_dash_is_standard_output_never_a_file(runner: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    report = runner.invoke(app, ["report", str(DATA), "--out", "-"])
    assert report.exit_code == 0, report.output
    assert "平罗县民政局" in report.stdout
    init = runner.invoke(app, ["init", "-", "--name", "某县", "--year", "2021"])
    assert init.exit_code == 0, init.output
    assert "subject:" in init.stdout
    assert list(tmp_path.iterdir()) == []
