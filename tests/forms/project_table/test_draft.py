"""A table with a cell still to fill: the workbook says 草稿 in the header of every printed page,
and ``report --final`` writes nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from helpers import TABLE_DATA, load_yaml, write_yaml
from selfeval.cli import app


def test_the_workbook_of_a_draft_table_is_marked_on_every_page(runner: Any, tmp_path: Path) -> None:
    table = load_yaml(TABLE_DATA)
    table["indicators"][0]["actual"] = None  # ~: still to fill
    path, out = write_yaml(tmp_path / "稷山县.yaml", table), tmp_path / "自评表.xlsx"
    assert runner.invoke(app, ["report", str(path), "--out", str(out)]).exit_code == 0
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<oddHeader>" in sheet and "【草稿：尚有1处待填】" in sheet
    refused = runner.invoke(app, ["report", str(path), "--final", "--out", str(tmp_path / "b.xlsx")])
    assert refused.exit_code == 1 and not (tmp_path / "b.xlsx").exists()
    whole = tmp_path / "whole.xlsx"
    assert runner.invoke(app, ["report", str(TABLE_DATA), "--final", "--out", str(whole)]).exit_code == 0
    with zipfile.ZipFile(whole) as z:
        assert "草稿" not in z.read("xl/worksheets/sheet1.xml").decode("utf-8")
