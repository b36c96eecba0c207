"""The output registry (:mod:`selfeval.outputs`): every format of every command, the choice of a
format by ``--format`` or the suffix of ``--out``, and what ``--out`` may and may not write."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, changed_copy
from selfeval.choices import Format
from selfeval.cli import app
from selfeval.errors import UsageError
from selfeval.outputs import FORMATS, OUTPUTS, Kind, choose, formats_for
from selfeval.outputs import csv as csv_output
from selfeval.outputs import docx as docx_output
from selfeval.outputs import github as github_output
from selfeval.outputs import html as html_output
from selfeval.outputs import json as json_output
from selfeval.outputs import markdown as markdown_output
from selfeval.outputs import parsable as parsable_output
from selfeval.outputs import table as table_output
from selfeval.outputs import xlsx as xlsx_output

MODULES = (
    table_output,
    json_output,
    csv_output,
    parsable_output,
    github_output,
    markdown_output,
    docx_output,
    xlsx_output,
    html_output,
)

COMMANDS = {
    Kind.SCORE: ["score", str(DATA)],
    Kind.GAPS: ["score", str(DATA), "--gaps"],
    Kind.FINDINGS: ["audit", str(DATA)],
    Kind.COMPARISON: ["compare", str(DATA), str(DATA)],
    Kind.REPORT: ["report", str(DATA)],
}


# ----------------------------------------------------------------------------- the registry


def test_each_format_module_is_registered_by_its_spec() -> None:
    assert list(FORMATS) == list(Format)  # the order help lists them in
    assert [FORMATS[m.SPEC.format] for m in MODULES] == [m.SPEC for m in MODULES]
    assert {f.value for f, spec in FORMATS.items() if spec.binary} == {"docx", "xlsx"}
    suffixes = [s for spec in FORMATS.values() for s in spec.suffixes]
    assert len(suffixes) == len(set(suffixes))  # a suffix chooses one format, never two
    assert all(s.startswith(".") and s == s.lower() for s in suffixes)
    # each writer an output registers is a function of its format's module, or of a module
    # beside it named after the format (xlsx_province)
    for output in OUTPUTS.values():
        for format, writer in output.writers.items():
            module = next(m for m in MODULES if m.SPEC.format is format)
            owner = writer.__module__
            assert owner == module.__name__ or owner.startswith(f"{module.__name__}_"), (output.kind, format)


def test_choose_by_format_then_suffix_then_default() -> None:
    score = OUTPUTS[Kind.SCORE]
    assert choose(score, Format.TABLE) is Format.TABLE
    assert choose(score, Format.TABLE, out=Path("s.JSON")) is Format.JSON  # suffixes in any case
    assert choose(score, Format.TABLE, out=Path("s")) is Format.TABLE  # no suffix: the default
    assert choose(score, Format.TABLE, Format.CSV, Path("s.json")) is Format.CSV  # --format wins
    report = OUTPUTS[Kind.REPORT]
    assert choose(report, Format.MARKDOWN, out=Path("r.markdown")) is Format.MARKDOWN
    assert choose(report, Format.MARKDOWN, out=Path("r.docx")) is Format.DOCX
    with pytest.raises(UsageError):
        choose(score, Format.TABLE, Format.MARKDOWN)  # a format this result is not written in
    with pytest.raises(UsageError):
        choose(score, Format.TABLE, out=Path("s.md"))
    assert formats_for(OUTPUTS[Kind.FINDINGS]) == [
        Format.TABLE,
        Format.JSON,
        Format.CSV,
        Format.PARSABLE,
        Format.GITHUB,
        Format.XLSX,
    ]


# ----------------------------------------------------------------------------- every format writes


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


# ----------------------------------------------------------------------------- --out


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


def test_a_dash_is_standard_output_never_a_file(runner: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    report = runner.invoke(app, ["report", str(DATA), "--out", "-"])
    assert report.exit_code == 0, report.output
    assert "平罗县民政局" in report.stdout
    init = runner.invoke(app, ["init", "-", "--name", "某县", "--year", "2021"])
    assert init.exit_code == 0, init.output
    assert "subject:" in init.stdout
    assert list(tmp_path.iterdir()) == []
