"""`selfeval report`: the golden Pingluo report, its fidelity to the filed report, and safe rendering."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import DATA, FILED, GOLDEN
from selfeval.cli import app

UPDATE = bool(os.environ.get("SELFEVAL_UPDATE_GOLDEN"))


def report(runner: Any, *args: str) -> Any:
    return runner.invoke(app, ["report", *args])


@pytest.mark.parametrize(("name", "args"), [("pingluo_report.md", []), ("pingluo_report_audit.md", ["--with-audit"])])
def test_golden(runner: Any, tmp_path: Path, name: str, args: list[str]) -> None:
    out = tmp_path / "report.md"
    result = report(runner, "--out", str(out), *args)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    golden = GOLDEN / name
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), (
        f"rerun with SELFEVAL_UPDATE_GOLDEN=1 to accept changes to {name}"
    )


def _report_text(runner: Any) -> str:
    result = report(runner)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def test_report_reproduces_the_filed_report(runner: Any) -> None:
    text = _report_text(runner)
    filed = FILED.read_text(encoding="utf-8")
    # Headings: the five sections and fourteen indicators, in the filed report's order.
    filed_heads = re.findall(r"^([一二三四五])、([^（（\n]+?)(?:（|$)", filed, re.M)
    filed_inds = re.findall(r"^（([一二三四五六七八九十]+)）([^（\n。]+)", filed, re.M)
    rep_heads = re.findall(r"^## ([一二三四五])、([^（\n]+)", text, re.M)
    rep_inds = re.findall(r"^### （([一二三四五六七八九十]+)）([^（\n]+)", text, re.M)
    assert [h[0] for h in rep_heads] == [h[0] for h in filed_heads] == list("一二三四五")
    assert [t.strip() for _, t in rep_heads] == [t.strip() for _, t in filed_heads]
    assert [n for n, _ in rep_inds] == [n for n, _ in filed_inds]
    assert len(rep_inds) == 14
    for (_, a), (_, b) in zip(rep_inds, filed_inds, strict=True):
        assert a.strip() == b.strip().rstrip("。")
    # All 44 numbered items, in order.
    items = [int(n) for n in re.findall(r"^(\d+)\. ", text.split("## 附件")[0], re.M)]
    assert items == list(range(1, 45))
    # The 25 attachments.
    attachments = re.findall(r"^(\d+)\. ", text.split("## 附件")[1], re.M)
    assert [int(n) for n in attachments] == list(range(1, 26))
    # Every number of the filed report that is not a score.
    scoreless = re.sub(
        r"[（(]\s*得\s*[\d.]+\s*分\s*[）)]|扣\d+分|指标分值共?-?\d+分|自评得分?\s*\d+分|，得\d+分|（\d+分）", "", filed
    )
    missing = set(re.findall(r"\d+(?:\.\d+)?", scoreless)) - set(re.findall(r"\d+(?:\.\d+)?", text))
    assert not missing


def test_scores_in_report_are_computed(runner: Any) -> None:
    text = _report_text(runner)
    # 二 is claimed 38 in the filed report; its items give 37, and the report says 37.
    assert "## 二、工作保障与管理（指标分值38分，自评得37分）" in text
    assert "自评得分104分" in text
    assert "（不扣分）" in text
    assert "12. 有集中供养需求的217名特困供养人员全部入住敬老院，集中供养需求率100%。（得1分）" in text


def test_with_audit_lists_both_values(runner: Any) -> None:
    text = str(report(runner, "--with-audit").stdout)
    appendix = text.split("## 附录：审核发现")[1]
    assert "| error | claim-differs | s2 | 38 | 37 |" in appendix
    assert "subset-exceeded" in appendix and "474" in appendix


def test_reproducible_and_no_paths(runner: Any, tmp_path: Path) -> None:
    a, b = _report_text(runner), _report_text(runner)
    assert a == b
    assert str(Path.cwd()) not in a and "/" not in a.split("生成信息")[1].replace("</sub>", "")


def _data_with_narrative(tmp_path: Path, text: str) -> Path:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    data["items"]["c10"]["narrative"][0]["text"] = text
    path = tmp_path / "d.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_data_text_is_text(runner: Any, tmp_path: Path) -> None:
    path = _data_with_narrative(tmp_path, "# 标题 {{ 7 * 7 }} {% if true %}x{% endif %} a|b *强调*")
    text = str(report(runner, str(path)).stdout)
    line = next(x for x in text.splitlines() if x.startswith("10. "))
    # Nothing is rendered as a template; Markdown's own characters are escaped.
    assert line == r"10. \# 标题 {{ 7 \* 7 }} {% if true %}x{% endif %} a\|b \*强调\*（得2分）"


def test_markdown_escape() -> None:
    from selfeval.outputs.markdown import md_escape

    assert md_escape("# 标题") == r"\# 标题"
    # a value is one line: it can open no block (list, fence, setext heading, code) of its own
    assert md_escape("1. 条目\n- 列表\n> 引用") == "1\\. 条目 - 列表 \\> 引用"
    assert md_escape("说明\n\n```\n代码") == "说明 \\`\\`\\` 代码"
    assert md_escape("~~~") == r"\~\~\~" and md_escape("~~删除~~") == r"\~\~删除\~\~"
    assert md_escape("---") == r"\---" and md_escape("===") == r"\==="
    assert md_escape("    缩进") == "缩进"
    assert md_escape("<b>x</b>&amp;") == r"\<b\>x\</b\>\&amp;"
    assert md_escape("0.5") == "0.5"
    assert md_escape("a|b") == r"a\|b"
    assert md_escape(3) == 3


def test_user_template_strict_and_sandboxed(runner: Any, tmp_path: Path) -> None:
    tpl = tmp_path / "t.j2"
    tpl.write_text("第一行\n{{ totals.total }}\n{{ totals.totl }}\n", encoding="utf-8")
    result = report(runner, "--template", str(tpl))
    assert result.exit_code == 1
    assert f"{tpl}:3:1:" in result.stderr and "totl" in result.stderr
    tpl.write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8")
    result = report(runner, "--template", str(tpl))
    assert result.exit_code == 1 and "沙箱不允许" in result.stderr
    tpl.write_text("{% for x in %}\n", encoding="utf-8")
    result = report(runner, "--template", str(tpl))
    assert result.exit_code == 1 and f"{tpl}:1:1: 模板语法错误" in result.stderr
    tpl.write_text("{{ subject.name }} {{ totals.total }}\n", encoding="utf-8")
    result = report(runner, "--template", str(tpl))
    assert result.exit_code == 0 and result.stdout == "平罗县 104\n"


def test_never_overwrites_without_force(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("keep me", encoding="utf-8")
    result = report(runner, "--out", str(out))
    assert result.exit_code == 2 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert report(runner, "--out", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("**平罗县民政局**")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_failed_render_leaves_folder_as_it_was(runner: Any, tmp_path: Path) -> None:
    tpl = tmp_path / "t.j2"
    tpl.write_text("{{ nope }}", encoding="utf-8")
    out = tmp_path / "report.md"
    assert report(runner, "--out", str(out), "--template", str(tpl)).exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.j2"]
    out.write_text("old", encoding="utf-8")
    assert report(runner, "--out", str(out), "--template", str(tpl), "--force").exit_code == 1
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md", "t.j2"]
