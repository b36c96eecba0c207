"""Markdown (:mod:`selfeval.outputs.markdown`): the report from its form's template, every string of
the view escaped first, so a county's text shows as written and opens no block of its own."""

from __future__ import annotations

import io
import re
from pathlib import Path

from helpers import DATA, TABLE_DATA, evaluate_file, load_yaml, write_yaml
from selfeval.outputs import Options, Report
from selfeval.outputs import markdown as markdown_output


def written(report: Report) -> str:
    out = io.BytesIO()
    markdown_output.report(report, out, Options())
    return out.getvalue().decode("utf-8")


def cells(row: str) -> list[str]:
    """A Markdown table row's cells, split at the pipes that are not escaped."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]


def test_a_table_cell_stays_one_cell(tmp_path: Path) -> None:
    data = load_yaml(TABLE_DATA)
    data["indicators"][0]["reason"] = "甲|乙\n# 丙 <b>丁</b> [链接](http://x) `代码`"
    data["project"]["name"] = "*项目*_名_"
    text = written(Report(evaluate_file(write_yaml(tmp_path / "t.yaml", data))))
    row = next(line for line in text.splitlines() if "全县参合人数" in line)
    assert cells(row) == [
        "产出指标（50分）",
        "数量指标",
        "全县参合人数",
        "8755",
        "8676",
        "15",
        "14.86",
        r"甲\|乙 # 丙 \<b\>丁\</b\> \[链接\](http://x) \`代码\`",
    ]
    assert "| 项目名称 | \\*项目\\*\\_名\\_ | | |" in text.splitlines()
    lines = text.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("| 一级指标")))
    end = lines.index("", start)
    assert end - start == 9  # header, rule, six rows and the total: no row split in two
    assert {len(cells(line)) for line in lines[start:end]} == {8}


def test_a_narrative_opens_no_block_of_its_own(tmp_path: Path) -> None:
    data = load_yaml(DATA)
    data["items"]["c10"]["narrative"][0]["text"] = "第一行\n\n    缩进\n# 标题\n```\n---\n| a |"
    text = written(Report(evaluate_file(write_yaml(tmp_path / "d.yaml", data))))
    lines = text.splitlines()
    (item,) = [line for line in lines if line.startswith("10. 第一行")]
    assert item == r"10. 第一行     缩进 # 标题 \`\`\` --- \| a \|（得2分）"
    assert lines[lines.index(item) + 1] == "" and lines[lines.index(item) + 2].startswith("11. ")
    assert not [line for line in lines if line.startswith(("```", "    缩进", "# 标题", "| a"))]


def test_every_string_is_escaped_before_the_template_sees_it(tmp_path: Path) -> None:
    data = load_yaml(DATA)
    data["subject"]["name"] = "# *某县*"
    template = tmp_path / "t.md.j2"
    template.write_text(
        "{{ subject.name }}|{{ subject.year + 1 }}|{{ totals.total }}|{{ types.deduction }}|{{ with_audit }}\n",
        encoding="utf-8",
    )
    ev = evaluate_file(write_yaml(tmp_path / "d.yaml", data))
    # strings escaped (a leading # too); numbers and flags pass as themselves
    assert written(Report(ev, template=template)) == "\\# \\*某县\\*|2021|104|deduction|False\n"
