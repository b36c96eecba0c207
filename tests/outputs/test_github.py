"""GitHub Actions annotations (:mod:`selfeval.outputs.github`): one workflow command per problem,
its properties and its message escaped as the runner reads them."""

from __future__ import annotations

import io
from typing import Any

from helpers import DATA
from selfeval.cli import app
from selfeval.outputs import Checked, Findings, Options
from selfeval.outputs import github as github_output
from selfeval.problems import Problem, Severity


def written(problems: list[Problem]) -> str:
    out = io.BytesIO()
    github_output.findings(Findings([Checked("x", problems)]), out, Options())
    return out.getvalue().decode("utf-8")


def test_audit_annotations_point_at_the_values(runner: Any) -> None:
    github = runner.invoke(app, ["audit", str(DATA), "--format", "github"]).stdout.splitlines()
    assert len(github) == 15
    kinds = ("error", "warning", "notice")
    assert all(g.startswith(tuple(f"::{k} file={DATA},line=" for k in kinds)) for g in github)
    parsable = runner.invoke(app, ["audit", str(DATA), "--format", "parsable"]).stdout.splitlines()
    # the same problems, in the same order, at the same places
    places = [p.split(": ", 1)[0].split(":")[1:] for p in parsable]
    assert [g.split(",title=")[0].split(",")[1:] for g in github] == [[f"line={r}", f"col={c}"] for r, c in places]


def test_properties_and_messages_are_escaped() -> None:
    text = written(
        [
            Problem(path="b.yaml", line=3, col=0, message="第一行\n第二行", code="x", severity=Severity.WARNING),
            Problem(path="a,b:c.yaml", line=0, col=0, message="100% 完成\r\n下", code="y:z", severity=Severity.INFO),
            Problem(path="b.yaml", line=1, col=5, message="a::b, c", code="e", severity=Severity.ERROR),
        ]
    )
    assert text.splitlines() == [
        "::notice file=a%2Cb%3Ac.yaml,title=selfeval y%3Az::100%25 完成%0D%0A下",  # no line: the whole file
        "::error file=b.yaml,line=1,col=5,title=selfeval e::a::b, c",  # a message may hold :: and commas
        "::warning file=b.yaml,line=3,col=1,title=selfeval x::第一行%0A第二行",
    ]


def test_each_severity_is_a_command_github_knows() -> None:
    problems = [
        Problem(path="d.yaml", line=i, col=1, message=s.value, code="c", severity=s) for i, s in enumerate(Severity, 1)
    ]
    commands = [line.split(" ", 1)[0] for line in written(problems).splitlines()]
    assert commands == ["::error", "::warning", "::notice"]  # GitHub has no "info"
