"""The corpus of bad inputs in tests/bad_inputs/corpus/: every case ends in a clean message and exit code.

Each case asserts the exit code, the message (with its line where the input has one), that no
traceback reached the user, and that the folder holds exactly what it held before.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from selfeval.cli import app

pytestmark = pytest.mark.slow  # the corpus, every case through every command: CI runs it, the quick loop does not

CORPUS = Path(__file__).resolve().parent / "corpus"

# file, exit code, "line:col" prefix expected after the path ("" when the input has no line), message part
CASES = [
    ("empty.yaml", 1, "1:1", "文件是空的"),
    ("syntax_error.yaml", 1, "5:11", "YAML 格式错误"),
    ("tabs.yaml", 1, "4:1", "制表符 Tab"),
    ("truncated.yaml", 1, "44:1", "缺少冒号"),
    ("gbk.yaml", 1, "1:17", "不是 UTF-8 编码：字节 0xb2 无法解码；看来是 GBK"),
    ("duplicate_keys.yaml", 1, "6:3", "键名“towns”重复（第一次在第 4 行）"),
    ("list_not_mapping.yaml", 1, "3:1", "figures: 应为键值对"),
    ("bad_thousands.yaml", 1, "5:3", "无法把“12,32,5户”读作数字"),
    ("wrong_unit.yaml", 1, "4:3", "单位是“人”，评分标准按“万元”计，两者不是同一类量"),
    ("negative.yaml", 1, "5:3", "villages 为 -144，这项数据不能为负数"),
    ("nan.yaml", 1, "4:3", "须为有限数值"),
    ("infinite.yaml", 1, "4:3", "须为有限数值"),
    ("bool_figure.yaml", 1, "4:3", "应为数字，不是“是/否”"),
    ("claim_too_high.yaml", 1, "4:3", "自评 5 分，超出 0 至 1 分"),
    ("unknown_node.yaml", 1, "4:3", "未知的节点“c99”"),
    ("unknown_key.yaml", 1, "3:1", "未知的键“figurs”；是否应为“figures”？"),
    ("alias_bomb.yaml", 1, "8:26", "别名炸弹"),
    ("deep_nesting.yaml", 1, "4:72", "嵌套超过 64 层"),
    ("binary.yaml", 1, "", "二进制文件"),
    (
        "wrong_rubric_version.yaml",
        1,
        "2:1",
        "找不到评分标准 ningxia-2020-county 版本 1999.1；自带的 ningxia-2020-county 版本有：2020.1",
    ),
    ("rubric_not_found.yaml", 1, "2:1", "找不到评分标准 shaanxi-2020-county 版本 1"),
    # Scalars YAML's constructor cannot build: a located refusal, never a crash.
    ("date_impossible.yaml", 1, "1:40", "“2021-02-30”不是有效的日期"),
    ("date_as_name.yaml", 1, "1:17", "“2021-13-01”不是有效的日期"),
    ("tag_int_bad.yaml", 1, "4:10", "“1.5”不是有效的整数"),
    ("tag_float_bad.yaml", 1, "4:10", "“abc”不是有效的数"),
    ("tag_bool_bad.yaml", 1, "4:8", "“maybe”不是有效的是/否值"),
    ("tag_timestamp_bad.yaml", 1, "4:10", "“x”不是有效的日期"),
    ("tag_int_empty.yaml", 1, "4:10", "“”不是有效的整数"),
    # Numbers beyond any evaluation, refused before arithmetic.
    ("int_huge.yaml", 1, "4:10", "超出可评的范围"),
    ("exponent_huge.yaml", 1, "4:10", "数值“1.0e+999999”超出可评的范围"),
    ("digits_28.yaml", 1, "4:10", "数值“1234567890123456789012345678”超出可评的范围"),
    ("number_text_huge.yaml", 1, "4:3", "数值“0100000000000000000000000008”超出可评的范围"),
    # YAML 1.1's conversions and Unicode folding never misread a number.
    ("sexagesimal.yaml", 1, "4:3", "无法把“1:30”读作数字"),
    ("superscript.yaml", 1, "4:3", "无法把“12²”读作数字"),
    ("circled_digit.yaml", 1, "4:3", "无法把“①12个”读作数字"),
    # Control characters pasted from Word: the file, line and column, on one line.
    ("vertical_tab.yaml", 1, "4:11", "控制字符 U+000B（垂直制表符）"),
    ("form_feed.yaml", 1, "3:1", "控制字符 U+000C（换页符）"),
    ("escape_char.yaml", 1, "1:19", "控制字符 U+001B（ESC）"),
    ("noncharacter.yaml", 1, "1:19", "控制字符 U+FFFE"),
    ("utf32.yaml", 1, "1:1", "文件是 UTF-32 编码"),
    # Size by what is built: a long string aliased many times.
    ("alias_long_string.yaml", 1, "2:748", "展开后文字超过"),
    # A bad claim at its own value's line, not at `claims:`.
    ("claim_text.yaml", 1, "5:3", "claims.c40: 无法把“abc”读作数字"),
]

ACCEPTED = ["bom.yaml", "numbers_as_text.yaml", "octal_like.yaml"]
SPECIAL = ["rubric_keys_in_data.yaml"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    shutil.copytree(CORPUS, work)
    return work


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def invoke(runner: Any, folder: Path, *args: str) -> Any:
    before = listing(folder)
    old = Path.cwd()
    os.chdir(folder)
    try:
        result = runner.invoke(app, list(args))
    finally:
        os.chdir(old)
    assert listing(folder) == before, "a stray file appeared"
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_every_corpus_file_has_a_case() -> None:
    assert {c[0] for c in CASES} | set(ACCEPTED) | set(SPECIAL) == {p.name for p in CORPUS.iterdir()}


@pytest.mark.parametrize(("name", "code", "where", "message"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("command", ["score", "audit", "report", "validate"])
def test_bad_input(runner: Any, corpus: Path, command: str, name: str, code: int, where: str, message: str) -> None:
    result = invoke(runner, corpus, command, name)
    assert result.exit_code == code, result.output
    stream = result.stdout if command == "validate" else result.stderr
    prefix = f"{name}:{where}: error: " if where else f"{name}: error: "
    lines = [line for line in stream.splitlines() if message in line]
    assert lines, stream
    assert lines[0].startswith(prefix), (lines[0], prefix)


@pytest.mark.parametrize("name", ACCEPTED)
def test_accepted(runner: Any, corpus: Path, name: str) -> None:
    result = invoke(runner, corpus, "score", "--format", "json", name)
    assert result.exit_code == 0, result.output


def test_numbers_as_text_are_read_correctly(runner: Any, corpus: Path) -> None:
    from selfeval.pipeline import evaluate

    data = evaluate(corpus / "numbers_as_text.yaml").result.data
    figures = {k: (str(v.value), v.unit) for k, v in data.figures.items()}
    assert figures == {
        "towns": ("13", "个"),
        "recheck_households": ("12325", "户"),
        "urban_dibao_funds": ("910.38", "万元"),
        "villages": ("144", None),
    }


def test_leading_zero_is_read_as_written(corpus: Path) -> None:
    from selfeval.pipeline import evaluate

    assert evaluate(corpus / "octal_like.yaml").result.data.figures["towns"].value == 13  # not octal 11


def test_rubric_keys_in_a_data_file_are_one_message(runner: Any, corpus: Path) -> None:
    result = invoke(runner, corpus, "validate", "rubric_keys_in_data.yaml")
    assert result.exit_code == 1
    problems = [x for x in result.stdout.splitlines() if ": error: " in x]
    [problem] = problems
    assert problem.startswith("rubric_keys_in_data.yaml:3:1: error: 数据文件中混入了评分标准的内容（sections）")


def test_oversize_file_refused(runner: Any, tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("w", encoding="utf-8") as fh:
        fh.write("subject: {name: x, year: 2020}\nnote: |\n")
        fh.write(("  " + "平" * 100 + "\n") * 20_000)
    result = invoke(runner, tmp_path, "score", "big.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith("big.yaml: error: 文件有") and "超过允许的" in result.stderr


@pytest.mark.parametrize("command", ["score", "audit", "report", "validate"])
def test_missing_path_and_directory_are_usage_errors(runner: Any, tmp_path: Path, command: str) -> None:
    (tmp_path / "adir").mkdir()
    result = invoke(runner, tmp_path, command, "nope.yaml")
    assert result.exit_code == 2 and "nope.yaml: 文件不存在" in result.stderr
    if command == "report":  # a folder is a batch for score, audit and validate
        result = invoke(runner, tmp_path, command, "adir")
        assert result.exit_code == 2 and "adir: 这是文件夹" in result.stderr


def test_unknown_option_is_usage(runner: Any, tmp_path: Path) -> None:
    result = invoke(runner, tmp_path, "score", "--colour", "x.yaml")
    assert result.exit_code == 2


def test_output_folder_missing_or_unwritable(runner: Any, tmp_path: Path) -> None:
    result = invoke(runner, tmp_path, "report", "--out", "missing/report.md")
    assert result.exit_code == 2 and "不存在" in result.stderr
    if os.geteuid() == 0:
        target = "/sys/selfeval-report.md"  # root can write anywhere but sysfs
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = str(locked / "report.md")
    result = runner.invoke(app, ["report", "--out", target])
    assert result.exit_code == 2 and "无法" in result.stderr, result.output
    assert not Path(target).exists()


def test_wrong_rubric_given_explicitly(runner: Any, corpus: Path, tmp_path: Path) -> None:
    from helpers import RUBRIC

    other = tmp_path / "other.yaml"
    other.write_text(
        RUBRIC.read_text(encoding="utf-8").replace('version: "2020.1"', 'version: "2021.1"'), encoding="utf-8"
    )
    result = invoke(runner, corpus, "score", "bom.yaml", "--rubric", str(other))
    assert result.exit_code == 1
    assert "数据文件对应评分标准 ningxia-2020-county 2020.1，却按 ningxia-2020-county 2021.1 评分" in result.stderr


def test_debug_shows_the_traceback(runner: Any, corpus: Path) -> None:
    result = runner.invoke(app, ["--debug", "score", str(corpus / "empty.yaml")])
    assert result.exit_code != 0
    assert result.exception is not None and not isinstance(result.exception, SystemExit)
