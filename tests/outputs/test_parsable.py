"""``path:line:col: severity: message`` (:mod:`selfeval.outputs.parsable`): one line per problem,
pointing at the value it is about."""

from __future__ import annotations

import io
from typing import Any

from helpers import DATA
from selfeval.cli import app
from selfeval.outputs import Checked, Findings, Options
from selfeval.outputs import parsable as parsable_output
from selfeval.problems import Problem, Severity


def written(problems: list[Problem]) -> str:
    out = io.BytesIO()
    parsable_output.findings(Findings([Checked("x", problems)]), out, Options())
    return out.getvalue().decode("utf-8")


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


def test_one_line_per_problem_in_file_order() -> None:
    text = written(
        [
            Problem(
                path="b.yaml", line=3, col=0, message="第一行\n第二行\u2028三\r四", code="x", severity=Severity.WARNING
            ),
            Problem(path="a.yaml", line=0, col=0, message="整个文件", code="y", severity=Severity.INFO),
            Problem(path="b.yaml", line=1, col=5, message="值\x1b[31m", code="e", severity=Severity.ERROR),
        ]
    )
    # a message's line breaks become spaces; a problem without a line names the file alone; a
    # missing column is column 1; a terminal's escape is shown, never acted on
    assert text == (
        "a.yaml: info: 整个文件\nb.yaml:1:5: error: 值\\x1b[31m\nb.yaml:3:1: warning: 第一行 第二行 三 四\n"
    )


def test_a_file_name_with_a_line_break_stays_one_line() -> None:
    problem = Problem(path="a\nb.yaml", line=2, col=3, message="m", code="c", severity=Severity.ERROR)
    assert parsable_output.line(problem) == "a b.yaml:2:3: error: m"
    assert written([problem]).splitlines() == ["a b.yaml:2:3: error: m"]
