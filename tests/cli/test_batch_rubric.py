"""What a batch says about the rubric rather than the counties: a finding placed in the rubric is
said once and counts against no county; on a deduction item, none taken off is the good colour."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from selfeval.audit import CHECKS, Audit, Check
from selfeval.cli import app
from selfeval.problems import Problem, Severity

RUBRIC = """\
id: ningxia-town-2020
version: "1"
title: 乡镇困难群众救助工作考评标准
issuer: 某市民政局
document_number: 某民发〔2020〕12号
year: 2020
total: 4
deduction_cap: 5
facts:
  plan: 印发实施方案
figures:
  accidents: {title: 安全责任事故, unit: 起}
sections:
  - id: s1
    number: 一
    title: 工作保障
    points: 4
    children:
      - {id: c1, number: "1", title: 印发实施方案, points: 4, rule: {kind: fact, fact: plan}}
  - id: s2
    number: 二
    title: 扣分项
    type: deduction
    points: 5
    children:
      - id: d1
        number: "2"
        title: 发生安全责任事故
        points: 5
        rule: {kind: per_occurrence, metric: accidents, deduct: 5}
"""

COUNTY = """\
subject: {{name: {name}, year: 2020}}
rubric: {{id: ningxia-town-2020, version: "1"}}
facts:
  plan: 是
figures:
  accidents: {accidents}起
claims:
  c1: 4
  d1: {deducted}
"""


@pytest.fixture
def towns(tmp_path: Path) -> Path:
    """Three clean files against one rubric: two without an accident, one with (5 taken off)."""
    folder = tmp_path / "towns"
    folder.mkdir()
    (tmp_path / "标准.yaml").write_text(RUBRIC, encoding="utf-8")
    for name, accidents in (("黄渠桥镇", 0), ("宝丰镇", 0), ("头闸镇", 1)):
        text = COUNTY.format(name=name, accidents=accidents, deducted=5 * accidents)
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def run(runner: Any, *args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def rubric_finding(monkeypatch: pytest.MonkeyPatch, towns: Path) -> Path:
    """A check whose finding is placed in the rubric file (its subject is the rubric, not a county)."""
    rubric = towns.parent / "标准.yaml"

    def placed_in_rubric(audit: Audit) -> Iterator[Problem]:
        yield Problem(
            path=str(rubric),
            line=8,
            col=1,
            message="评分标准中“印发实施方案”未写依据文件",
            code="rubric-note",
            severity=Severity.WARNING,
            subject="plan",
        )

    extra = Check(id="rubric-note", doc="", run=placed_in_rubric)
    monkeypatch.setattr("selfeval.audit.CHECKS", (*CHECKS, extra))
    return rubric


def test_a_finding_in_the_rubric_is_said_once_and_is_no_countys(runner: Any, towns: Path, rubric_finding: Path) -> None:
    result = run(runner, "audit", towns, "--rubric", rubric_finding, "-f", "json", "--fail-on", "warning")
    assert result.exit_code == 0, result.output  # the towns are clean
    out = json.loads(result.stdout)
    assert [f["file"] for f in out["findings"]] == [str(rubric_finding)]
    counties = [f for f in out["files"] if f["path"] != str(rubric_finding)]
    assert len(counties) == 3 and all(f.get("warnings", 0) == 0 for f in counties)
    assert "审核了 3 个文件，0 个有发现" in result.stderr
    table = run(runner, "audit", towns, "--rubric", rubric_finding).stdout
    assert table.count("未写依据文件") == 1 and table.count("未发现问题") == 3
    one = run(runner, "audit", towns / "宝丰镇.yaml", "--rubric", rubric_finding, "--fail-on", "warning")
    assert one.exit_code == 0 and one.stdout.count("未写依据文件") == 1


def test_a_ranking_counts_no_rubric_finding_against_a_county(
    runner: Any, towns: Path, rubric_finding: Path, tmp_path: Path
) -> None:
    import openpyxl

    rows = json.loads(run(runner, "score", towns, "--rubric", rubric_finding, "-f", "json").stdout)
    assert [r["audit_errors"] for r in rows] == [0, 0, 0]
    book = tmp_path / "全镇.xlsx"
    run(runner, "score", towns, "--rubric", rubric_finding, "--out", book)
    found = list(openpyxl.load_workbook(book)["问题清单"].iter_rows(min_row=4, values_only=True))
    assert [f[-1] for f in found] == [str(rubric_finding)]
    page = tmp_path / "全镇.html"
    run(runner, "score", towns, "--rubric", rubric_finding, "--out", page)
    assert page.read_text(encoding="utf-8").count("未写依据文件") == 1


def test_a_deduction_item_with_nothing_taken_off_is_the_good_colour(runner: Any, towns: Path, tmp_path: Path) -> None:
    import openpyxl

    rubric = towns.parent / "标准.yaml"
    page = tmp_path / "全镇.html"
    assert run(runner, "score", towns, "--rubric", rubric, "--out", page).exit_code == 0
    html = page.read_text(encoding="utf-8")
    cells = {
        m["label"]: m["cells"]
        for m in re.finditer(r'<td class="d\d">(?P<label>[^<]*)</td><td class="n">[^<]*</td>(?P<cells>.*?)</tr>', html)
    }
    colours = {label: re.findall(r"background: (#[0-9a-f]{6})\">([^<]*)<", row) for label, row in cells.items()}
    green, red = "#63be7b", "#f8696b"
    # ranked 宝丰镇, 黄渠桥镇 (4), then 头闸镇 (4 − 5 → below)
    assert colours["2. 发生安全责任事故"] == [(green, "0"), (green, "0"), (red, "5")]
    assert colours["1. 印发实施方案"] == [(green, "4"), (green, "4"), (green, "4")]
    book = tmp_path / "全镇.xlsx"
    run(runner, "score", towns, "--rubric", rubric, "--out", book)
    ws = openpyxl.load_workbook(book).worksheets[3]  # the matrix, named by the rubric's title
    labels = {row[1].value: row[1].row for row in ws.iter_rows(min_row=2) if row[1].value}
    scales = {}
    for rng in ws.conditional_formatting:
        for rule in rng.rules:
            scales[next(iter(rng.sqref.ranges)).min_row] = [c.rgb[-6:].upper() for c in rule.colorScale.color]
    assert scales[labels["2. 发生安全责任事故"]] == ["63BE7B", "FFEB84", "F8696B"]  # 0 taken off: green
    assert scales[labels["1. 印发实施方案"]] == ["F8696B", "FFEB84", "63BE7B"]
