"""The README's examples stay true."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from helpers import ROOT
from selfeval.cli import app


def test_minimal_rubric_in_readme_validates_and_scores(runner: Any, tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"A minimal rubric:\n\n```yaml\n(.*?)```", readme, re.S)
    assert block is not None
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text(block.group(1), encoding="utf-8")
    assert runner.invoke(app, ["validate", str(rubric)]).exit_code == 0
    data = tmp_path / "data.yaml"
    data.write_text(
        'subject: {name: 甲县, year: 2024}\nrubric: {id: example-county, version: "1"}\n'
        "figures: {satisfaction_pct: 87}\nevidence: {plan: {title: 实施方案}}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["score", str(data), "--rubric", str(rubric), "-f", "json"])
    assert '"total": 8' in result.stdout


def test_readme_setup_is_two_commands_and_ci_runs_its_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = re.search(r"## Set-up on a fresh machine\n\n```sh\n(.*?)```", readme, re.S)
    assert setup is not None
    commands = setup.group(1).strip().splitlines()
    assert len(commands) == 2 and "selfeval report --out report.md" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
