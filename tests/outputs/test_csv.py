"""CSV (:mod:`selfeval.outputs.csv`): a byte-order mark and headers for people in a file, stable
field names on a pipe, and no cell that a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from helpers import DATA, evaluate_file
from selfeval.cli import app
from selfeval.outputs import Checked, Findings, Options
from selfeval.outputs import csv as csv_output
from selfeval.problems import Problem, Severity


def written(writer: Any, result: Any, *, to_file: bool) -> str:
    out = io.BytesIO()
    writer(result, out, Options(to_file=to_file))
    return out.getvalue().decode("utf-8")


def test_csv_for_excel(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    assert runner.invoke(app, ["score", str(DATA), "--format", "csv", "--out", str(out)]).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw[3:].decode("utf-8").startswith("编号（ID）,编号,指标")
    english = tmp_path / "en.csv"
    runner.invoke(app, ["--lang", "en", "score", str(DATA), "--out", str(english)])
    assert english.read_bytes()[3:].startswith(b"ID,No.,Indicator")
    piped = runner.invoke(app, ["score", str(DATA), "--format", "csv"]).stdout
    assert piped.startswith("id,number,title")


def test_formula_like_text_is_inert_in_a_file_and_as_written_on_a_pipe() -> None:
    problems = [
        Problem(
            path="=1+1",
            line=3,
            col=2,
            message="@SUM(A1) 说明",
            code="x",
            severity=Severity.WARNING,
            subject="-2",
            values={"stated": "-5", "expected": "+3"},
        ),
        Problem(path="a.yaml", line=0, col=0, message="+ 加号", code="y", severity=Severity.INFO),
    ]
    findings = Findings([Checked("a.yaml", problems)])
    file = written(csv_output.findings, findings, to_file=True)
    assert file.startswith("\ufeff文件,行,列,级别,代码,对象,说明,报告所述,核算结果\r\n")  # one BOM, CRLF for Excel
    assert file.count("\ufeff") == 1
    rows = list(csv.reader(io.StringIO(file.removeprefix("\ufeff"))))
    # text Excel would run gets an apostrophe; numbers, signed or not, stay numbers
    assert rows[1] == ["'=1+1", "3", "2", "warning", "x", "-2", "'@SUM(A1) 说明", "-5", "+3"]
    assert rows[2] == ["a.yaml", "0", "0", "info", "y", "", "'+ 加号", "", ""]
    piped = written(csv_output.findings, findings, to_file=False)
    assert "\ufeff" not in piped and "\r" not in piped
    assert list(csv.reader(io.StringIO(piped))) == [
        csv_output.FINDING_FIELDS,
        ["=1+1", "3", "2", "warning", "x", "-2", "@SUM(A1) 说明", "-5", "+3"],
        ["a.yaml", "0", "0", "info", "y", "", "+ 加号", "", ""],
    ]


def test_score_rows_are_the_nodes_then_the_total() -> None:
    ev = evaluate_file()
    rows = list(csv.DictReader(io.StringIO(written(csv_output.score, ev, to_file=False))))
    assert list(rows[0]) == csv_output.SCORE_FIELDS
    assert [r["id"] for r in rows] == [n.id for n in ev.result.walk()] + ["total"]
    by = {r["id"]: r for r in rows}
    assert by["total"] == {
        "id": "total",
        "number": "",
        "title": "总分",
        "type": "",
        "depth": "",
        "max": "105",  # 100 standard and 5 bonus
        "score": "104",
        "score_max": "104",
        "claimed": "104",
        "differs": "",
        "assumed": "",
        "status": "",
        "explanation": "优",
    }
    assert (by["s2"]["score"], by["s2"]["claimed"], by["s2"]["differs"]) == ("37", "38", "yes")
    assert (by["c03.2"]["score"], by["c03.2"]["depth"], by["c03.2"]["type"]) == ("0.5", "3", "standard")
    assert by["c01"]["claimed"] == ""  # a claim the report does not state is an empty cell
