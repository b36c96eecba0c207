"""What a clerk reads: Chinese by default, English on request, tables that fit, every node explained."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from helpers import DATA, load_yaml, write_yaml
from selfeval.cli import app


def cells(line: str) -> int:
    from rich.cells import cell_len

    return cell_len(line)


def test_a_missing_file_is_said_in_chinese_or_english(runner: Any) -> None:
    result = runner.invoke(app, ["score", "nonexistent.yaml"])
    assert result.exit_code == 2 and result.stderr.strip() == "nonexistent.yaml: 文件不存在"
    result = runner.invoke(app, ["--lang", "en", "score", "nonexistent.yaml"])
    assert result.exit_code == 2 and result.stderr.strip() == "nonexistent.yaml: no such file"
    result = runner.invoke(app, ["score", "nonexistent.yaml"], env={"SELFEVAL_LANG": "en"})
    assert result.stderr.strip() == "nonexistent.yaml: no such file"


def test_a_misspelt_key_is_found_with_a_suggestion(runner: Any, tmp_path: Path) -> None:
    data = load_yaml(DATA)
    data["figures"]["recipient_satisfaction_pctt"] = data["figures"].pop("recipient_satisfaction_pct")
    path = write_yaml(tmp_path / "d.yaml", data)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    (line,) = [x for x in result.stdout.splitlines() if "recipient_satisfaction_pctt" in x and ": error:" in x]
    row = int(line.split(":")[1])
    assert path.read_text(encoding="utf-8").splitlines()[row - 1].strip().startswith("recipient_satisfaction_pctt:")
    assert "是否应为“recipient_satisfaction_pct”" in line


def test_facts_read_yes_and_no_in_chinese(runner: Any, tmp_path: Path) -> None:
    data = load_yaml(DATA)
    data["facts"]["online_application"] = "否"
    data["facts"]["monthly_publicity"] = {"value": "是", "note": "按月公示"}
    path = write_yaml(tmp_path / "d.yaml", data)
    doc = json.loads(runner.invoke(app, ["score", str(path), "-f", "json"]).stdout)
    assert doc["total"] == 103


def test_tables_fit_80_columns(runner: Any, tmp_path: Path) -> None:
    copy = write_yaml(tmp_path / "b.yaml", load_yaml(DATA))
    for args in (
        ["score", str(DATA)],
        ["score", str(DATA), "--gaps"],
        ["audit", str(DATA)],
        ["compare", str(DATA), str(copy)],
        ["score", str(DATA), str(copy)],
        ["explain", "27"],
    ):
        out = runner.invoke(app, args, env={"COLUMNS": "80"}).stdout
        assert max(cells(line) for line in out.splitlines()) <= 80, args
        assert not re.search(r"\bc\d\d(\.\d)?\b|\bs\d\b", out), args  # internal ids only with --ids
    assert "c27" in runner.invoke(app, ["--ids", "score", str(DATA)], env={"COLUMNS": "120"}).stdout


def test_explanations_read_as_prose(runner: Any) -> None:
    doc = json.loads(runner.invoke(app, ["score", str(DATA), "-f", "json"]).stdout)
    texts: list[str] = []

    def walk(n: dict[str, Any]) -> None:
        texts.append(n["explanation"])
        for c in n["children"]:
            walk(c)

    for n in doc["nodes"]:
        walk(n)
    for text in texts:
        assert not re.search(r"[\[(]\s*[\d∞-]+\s*,|∞|““|””|《《|》》", text), text
    assert "失能特困人员集中供养率（复算）为34.79%，在30%以上一档，得2分" in texts


def test_a_percentage_shortfall_is_in_percentage_points(runner: Any, tmp_path: Path) -> None:
    data = load_yaml(DATA)
    data["figures"]["recipient_satisfaction_pct"] = 80
    path = write_yaml(tmp_path / "d.yaml", data)
    out = runner.invoke(app, ["explain", "40", str(path)]).stdout
    assert "救助对象满意度为80%，低于90%的下限10个百分点，每低2个百分点扣1分" in out


def test_explain_item_27(runner: Any) -> None:
    out = runner.invoke(app, ["explain", "27"]).stdout
    assert "27. 年终人均救助资金滚存结余（分值2分）" in out
    assert "评分规则：年终人均救助资金滚存结余不高于1500元得2分" in out
    assert "：2070元" in out and "得分：1分（自评1分）" in out
    assert "推定" in out
    assert runner.invoke(app, ["explain", "c27"]).stdout == out
    missing = runner.invoke(app, ["explain", "99"])
    assert missing.exit_code == 2 and "没有编号为“99”的指标" in missing.stderr


def test_command_line_habits(runner: Any) -> None:
    assert runner.invoke(app, ["-h"]).exit_code == 0
    assert "评分" in runner.invoke(app, ["score", "-h"]).stdout
    piped = runner.invoke(app, ["score", "-", "-f", "json"], input=DATA.read_bytes())
    assert piped.exit_code == 0 and json.loads(piped.stdout)["total"] == 104
    quiet = runner.invoke(app, ["-q", "report", str(DATA)])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    loud = runner.invoke(app, ["-v", "score", str(DATA)])
    assert "按评分标准 ningxia-2020-county 2020.1 评分" in loud.stderr


def test_help_is_framed_in_chinese_and_fits_80_columns(runner: Any) -> None:
    for command in ["", "validate", "score", "audit", "report", "init", "compare", "explain", "rules"]:
        result = runner.invoke(app, [c for c in [command, "-h"] if c], env={"COLUMNS": "80"})
        assert result.exit_code == 0, command
        assert result.stdout.startswith("用法：selfeval"), command
        english = ["Usage:", "Options:", "Arguments:", "Commands:", "[OPTIONS]", "Show this message", "[required]"]
        assert not [word for word in english if word in result.stdout], command
        assert max(cells(line) for line in result.stdout.splitlines()) <= 80, command
    score = runner.invoke(app, ["score", "-h"]).stdout
    assert "选项：" in score and "[必填]" in score and "[默认：0]" in score
    english = runner.invoke(app, ["--lang", "en", "score", "-h"]).stdout
    assert english.startswith("Usage: selfeval score [OPTIONS]") and "[required]" in english


def test_usage_errors_are_said_in_chinese(runner: Any) -> None:
    cases = {
        ("audit",): "错误：缺少参数 files：",
        ("score", "--bogus", "x"): "错误：没有 --bogus 这个选项",
        ("report", "--format", "nope"): "错误：--format/-f 的值“nope”不可用，可选：table、json",
        ("scor",): "错误：没有 scor 这个命令；是否应为“score”？",
        ("score", "--jobs", "x", "a.yaml"): "错误：--jobs/-j 的值“x”不是整数",
        ("score", "--fail-under", "abc", "a.yaml"): "错误：--fail-under 的值有误：“abc”不是数字",
        ("score", "--out"): "错误：选项 --out 后面要跟一个值",
        ("compare", "a", "b", "c"): "错误：多余的参数：c",
    }
    for args, said in cases.items():
        result = runner.invoke(app, list(args))
        assert result.exit_code == 2, args
        assert said in result.stderr, (args, result.stderr)
        assert "Error" not in result.stderr and "Usage" not in result.stderr, args
    usage = runner.invoke(app, ["audit"]).stderr
    assert usage.startswith("用法：selfeval audit [选项]") and "运行 selfeval audit -h 查看帮助。" in usage
    english = runner.invoke(app, ["--lang", "en", "audit"])
    assert english.exit_code == 2 and "Error: Missing argument 'files'." in english.stderr


def test_an_aborted_run_says_so_in_chinese(runner: Any) -> None:
    import typer

    from selfeval.cliframe import Command, Group

    aborting = typer.Typer(cls=Group)

    @aborting.command(cls=Command)
    def stop() -> None:
        raise typer.Abort()

    @aborting.command(cls=Command)
    def other() -> None:  # two commands, so the group takes a command name
        pass

    result = runner.invoke(aborting, ["stop"])
    assert result.exit_code == 1 and result.stderr.strip() == "已中止"


def test_help_asked_before_lang_is_in_the_language_asked(runner: Any) -> None:
    assert runner.invoke(app, ["-h", "--lang", "en"]).stdout.startswith("Usage: selfeval [OPTIONS]")
    assert runner.invoke(app, ["--lang=en", "-h"]).stdout.startswith("Usage: selfeval [OPTIONS]")
    assert runner.invoke(app, ["-h"], env={"SELFEVAL_LANG": "en"}).stdout.startswith("Usage: selfeval")
    assert runner.invoke(app, ["-h"]).stdout.startswith("用法：selfeval [选项]")
