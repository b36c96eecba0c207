"""A narrative report's fixed words come from its rubric (or the county's own changes in its data
file), not from Ningxia's: another province's report reads as that province writes it."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from helpers import write_yaml
from selfeval.cli import app

# 安徽省某市2021年社会救助工作绩效评价得分表 (a rubric of our own): items sit directly under the
# sections, a bonus part, and nothing said about wording.
RUBRIC: dict[str, Any] = {
    "form": "narrative",
    "id": "anhui-city-2021",
    "version": "1",
    "title": "社会救助工作绩效评价得分表",
    "issuer": "市民政局",
    "document_number": "皖某民〔2021〕12号",
    "year": 2021,
    "total": 20,
    "bonus_cap": 2,
    "facts": {"plan": "印发年度社会救助工作要点", "hotline": "开通社会救助服务热线", "pilot": "承担省级改革试点"},
    "sections": [
        {
            "id": "s1",
            "number": "一",
            "title": "组织领导",
            "points": 20,
            "children": [
                {
                    "id": "a1",
                    "number": "1",
                    "title": "印发工作要点",
                    "points": 10,
                    "rule": {"kind": "fact", "fact": "plan"},
                },
                {
                    "id": "a2",
                    "number": "2",
                    "title": "开通服务热线",
                    "points": 10,
                    "rule": {"kind": "fact", "fact": "hotline"},
                },
            ],
        },
        {
            "id": "s2",
            "number": "二",
            "title": "创新示范",
            "type": "bonus",
            "points": 2,
            "children": [
                {
                    "id": "b1",
                    "number": "3",
                    "title": "承担省级试点",
                    "points": 2,
                    "rule": {"kind": "fact", "fact": "pilot"},
                },
            ],
        },
    ],
}
DATA: dict[str, Any] = {
    "subject": {"name": "相山区", "year": 2021},
    "rubric": {"id": "anhui-city-2021", "version": "1", "path": "rubric.yaml"},
    "facts": {"plan": "是", "hotline": "是", "pilot": "否"},
    "claims": {"total": 20},
    "document": {
        "issuers": ["相山区民政局"],
        "title": "相山区2021年度社会救助工作绩效自评报告",
        "addressee": "市民政局",
        "preamble": "按照市局要求，现将自评情况报告如下。",
        "date": "2022-01-20",
    },
    "items": {
        "a1": {"narrative": [{"text": "区政府印发了年度社会救助工作要点。", "score": "a1"}]},
        "a2": {"narrative": [{"text": "开通12349服务热线，全年受理咨询860件。", "score": "a2"}]},
    },
}


def report(runner: Any, folder: Path, data: dict[str, Any]) -> str:
    write_yaml(folder / "rubric.yaml", RUBRIC)
    path = write_yaml(folder / "data.yaml", data)
    result = runner.invoke(app, ["report", str(path)])
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def test_another_provinces_report_reads_as_its_rubric_writes(runner: Any, tmp_path: Path) -> None:
    text = report(runner, tmp_path, DATA)
    assert "创新工作" not in text and "指标分值" not in text
    assert "自评标准分值20分，加分2分，自评得分20分。现将自评情况报告如下：" in text
    assert "## 一、组织领导（20分，自评得20分）" in text
    assert "1．印发工作要点：区政府印发了年度社会救助工作要点。（得10分）" in text  # its title: no heading gives one
    assert "**文件**" in text  # GB/T 9704's 机关名称加“文件”, unless the rubric says otherwise


def test_the_county_can_say_its_own_words(runner: Any, tmp_path: Path) -> None:
    data = copy.deepcopy(DATA)
    data["document"]["wording"] = {"letterhead": "", "bonus": "加分项", "item_number": "（{n}）", "item_titles": False}
    text = report(runner, tmp_path, data)
    assert "**文件**" not in text and "加分项2分" in text
    assert "（1）区政府印发了年度社会救助工作要点。（得10分）" in text


def test_a_rubric_without_bonus_points_says_nothing_of_them(runner: Any, tmp_path: Path) -> None:
    rubric = copy.deepcopy(RUBRIC)
    rubric["sections"] = rubric["sections"][:1]
    rubric["bonus_cap"] = 0
    write_yaml(tmp_path / "rubric.yaml", rubric)
    path = write_yaml(tmp_path / "data.yaml", DATA)
    text = runner.invoke(app, ["report", str(path)]).stdout
    assert "自评标准分值20分，自评得分20分。" in text and "加分" not in text
