"""A data file not yet whole (a draft, a copy cut short): validate lists every item it lacks,
the report says 草稿 on every page, and ``report --final`` writes nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from helpers import DATA
from selfeval.cli import app


def cut(tmp_path: Path, share: float = 0.4) -> Path:
    raw = DATA.read_bytes()
    head = raw[: int(len(raw) * share)]
    path = tmp_path / "盐池县.yaml"
    path.write_bytes(head[: head.rfind(b"\n") + 1])
    return path


def test_validate_lists_each_item_the_file_lacks(runner: Any, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(cut(tmp_path))])
    missing = [line for line in result.stdout.splitlines() if "文件中没有这一项" in line]
    assert len(missing) > 30 and any("第44项" in line for line in missing)
    assert all(":warning:" in line.replace(" ", "") for line in missing)
    assert not [x for x in runner.invoke(app, ["validate", str(DATA)]).stdout.splitlines() if "待填" in x]


def test_the_report_of_a_draft_says_so_on_every_page(runner: Any, tmp_path: Path) -> None:
    path = cut(tmp_path)
    md = runner.invoke(app, ["report", str(path)])
    assert md.exit_code == 0 and md.stdout.startswith("**【草稿：尚有") and "报告每页标明草稿" in md.stderr
    out = tmp_path / "报告.docx"
    assert runner.invoke(app, ["report", str(path), "--out", str(out)]).exit_code == 0
    with zipfile.ZipFile(out) as z:
        headers = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/header")]
        body = z.read("word/document.xml").decode("utf-8")
    assert headers and all("【草稿：尚有" in h for h in headers)
    assert body.count('type="default"') >= 1 and body.count('type="even"') >= 1 and body.count('type="first"') >= 1


def test_final_refuses_a_draft_and_takes_a_whole_file(runner: Any, tmp_path: Path) -> None:
    path, out = cut(tmp_path), tmp_path / "报告.md"
    result = runner.invoke(app, ["report", str(path), "--final", "--out", str(out)])
    assert result.exit_code == 1 and "--final 不写报告" in result.stderr and "第44项" in result.stderr
    assert not out.exists()
    whole = runner.invoke(app, ["report", str(DATA), "--final", "--out", str(out)])
    assert whole.exit_code == 0 and "草稿" not in out.read_text(encoding="utf-8")
