"""A reviewer's change is listed as a change, apart from the county's own audit: the audit holds
the county's claims against what the rules give from its evidence, with or without a ledger."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helpers import DATA, load_yaml, write_yaml
from selfeval.cli import app

SPOT_CHECKS = """\
reviewer: 自治区民政厅社会救助处
date: 2021-03-10
adjustments:
  - county: 平罗县
    year: 2020
    node: 救助对象满意度
    score: 1
    reason: 第三方评价满意度为82%，低于报告所述
  - county: 平罗县
    year: 2020
    node: "27"
    deduct: 0.5
    reason: 抽检发现年终人均补助口径有误
"""


def run(runner: Any, *args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def test_a_spot_checked_county_keeps_its_own_audit_in_a_ranking(runner: Any, tmp_path: Path) -> None:
    folder = tmp_path / "counties"
    folder.mkdir()
    for name in ("平罗县", "石嘴山市惠农区"):
        data = load_yaml(DATA)
        data["subject"]["name"] = name
        write_yaml(folder / f"{name}.yaml", data)
    review = tmp_path / "REVIEW.yaml"
    review.write_text(SPOT_CHECKS, encoding="utf-8")
    plain = {r["name"]: r for r in json.loads(run(runner, "score", folder, "-f", "json").stdout)}
    result = run(runner, "score", folder, "-a", review, "-f", "json")
    assert result.exit_code == 0, result.output
    reviewed = {r["name"]: r for r in json.loads(result.stdout)}
    assert [a["node"] for a in reviewed["平罗县"]["adjustments"]] == ["c27", "c40"]
    assert reviewed["平罗县"]["audit_errors"] == plain["平罗县"]["audit_errors"] == 8
    by_audit = [
        r["name"]
        for r in json.loads(run(runner, "score", folder, "-a", review, "-f", "json", "--sort", "audit").stdout)
    ]
    assert by_audit == ["石嘴山市惠农区", "平罗县"]  # the copy renamed has the more errors, as without the ledger


def test_audit_and_report_of_one_file_find_the_same_with_a_ledger(runner: Any, tmp_path: Path) -> None:
    review = tmp_path / "REVIEW.yaml"
    review.write_text(SPOT_CHECKS, encoding="utf-8")
    plain = json.loads(run(runner, "audit", DATA, "-f", "json").stdout)
    reviewed = json.loads(run(runner, "audit", DATA, "-a", review, "-f", "json").stdout)
    assert reviewed["findings"] == plain["findings"]
    assert reviewed["files"] == plain["files"] and plain["files"][0]["errors"] == 8
    score = json.loads(run(runner, "score", DATA, "-a", review, "-f", "json").stdout)
    assert score["total"] == 101.5 and len(score["findings"]) == len(plain["findings"])
    said = run(runner, "report", DATA, "-a", review, "--out", tmp_path / "自评报告.md").stderr
    assert "审核发现 8 个错误" in said
