"""The installed command against output streams that cannot take what it writes: an encoding
without Chinese, a full device, a reader that went away. Each runs in a process of its own,
since the streams are the process's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, ROOT

FULL = Path("/dev/full")
needs_full = pytest.mark.skipif(not FULL.exists(), reason="no /dev/full on this system")

NO_SPACE = "无法写入标准输出：设备上没有空间"
NO_SUCH_FILE = "nonexistent.yaml: 文件不存在"
COMMANDS = [
    ["-h"],
    ["--version"],
    ["score", "-h"],
    ["score", str(DATA)],
    ["score", str(DATA), "--format", "json"],
    ["audit", str(DATA)],
    ["validate", str(DATA), "--format", "json"],  # a file without problems: nothing to write in the default
    ["explain", "一", str(DATA)],
    ["rules"],
    ["compare", str(DATA), str(DATA)],
    ["report", str(DATA), "--format", "markdown"],
]
"""A run of each command that writes to standard output (``init`` writes a file: below)."""


def run(args: list[str], *, encoding: str | None = None, buffered: bool = False, **streams: Any) -> Any:
    """``selfeval args`` in a process of its own, speaking Chinese; stdout and stderr captured
    unless ``streams`` sends them elsewhere."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUNBUFFERED", "SELFEVAL_LANG")}
    env["SELFEVAL_LANG"] = "zh"
    if encoding is not None:
        env["PYTHONIOENCODING"] = encoding
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **streams}
    return subprocess.run([sys.executable, "-m", "selfeval", *args], cwd=ROOT, env=env, timeout=120, **streams)


def escaped(text: str) -> bytes:
    """``text`` as a stream that cannot take Chinese writes it: in backslash escapes."""
    return text.encode("ascii", "backslashreplace")


@pytest.mark.parametrize("encoding", ["latin-1", "latin-1:strict"])
def test_help_in_an_encoding_without_chinese(encoding: str) -> None:
    # written as escapes, then said on stderr in words the stream can take, and exit 2: text no
    # one can read is not a success to build on
    done = run(["-h"], encoding=encoding)
    assert done.returncode == 2, done.stderr
    assert b"Traceback" not in done.stderr and b"cannot take Chinese" in done.stderr
    assert b"PYTHONIOENCODING=utf-8" in done.stderr and b"--lang en" in done.stderr
    assert done.stdout.startswith(escaped("用法：")) and escaped("[选项]") in done.stdout
    english = run(["--lang", "en", "-h"], encoding=encoding)
    assert english.returncode == 0 and english.stderr == b"" and english.stdout.startswith(b"Usage")


def test_help_in_ascii() -> None:
    # click writes UTF-8 to a stream that says it is ASCII (it takes that for a misconfiguration)
    done = run(["-h"], encoding="ascii")
    assert done.returncode == 0 and done.stderr == b"" and done.stdout.startswith("用法：".encode())


@pytest.mark.parametrize("encoding", ["latin-1", "ascii", "ascii:strict"])
def test_messages_in_an_encoding_without_chinese(encoding: str) -> None:
    done = run(["score", "nonexistent.yaml"], encoding=encoding)
    assert done.returncode == 2
    assert escaped(NO_SUCH_FILE) in done.stderr and b"Traceback" not in done.stderr
    usage = run(["score"], encoding=encoding)
    assert usage.returncode == 2
    assert escaped("错误：缺少参数") in usage.stderr and b"Traceback" not in usage.stderr


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_output_in_an_encoding_without_chinese(encoding: str) -> None:
    # A command's output is bytes of its format (UTF-8), whatever the terminal's encoding.
    done = run(["score", str(DATA)], encoding=encoding)
    assert done.returncode == 0, done.stderr
    assert done.stdout == run(["score", str(DATA)]).stdout and "平罗县".encode() in done.stdout
    assert b"Traceback" not in done.stderr


@needs_full
@pytest.mark.parametrize("buffered", [False, True], ids=["unbuffered", "buffered"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a).replace(str(DATA), "DATA"))
def test_a_full_standard_output(args: list[str], buffered: bool) -> None:
    with FULL.open("wb") as full:
        done = run(args, stdout=full, buffered=buffered)
    assert done.returncode == 2, done.stderr.decode()
    assert done.stderr.decode().strip() == NO_SPACE


@needs_full
def test_a_full_standard_output_in_an_encoding_without_chinese() -> None:
    with FULL.open("wb") as full:
        done = run(["-h"], stdout=full, encoding="latin-1")
    assert done.returncode == 2 and done.stderr.strip() == escaped(NO_SPACE)


@needs_full
def test_init_is_unaffected_by_a_full_standard_output(tmp_path: Path) -> None:
    with FULL.open("wb") as full:
        done = run(["init", str(tmp_path / "new.yaml"), "--example"], stdout=full)
    assert done.returncode == 0, done.stderr.decode()
    assert (tmp_path / "new.yaml").is_file() and b"Traceback" not in done.stderr


@needs_full
@pytest.mark.parametrize("buffered", [False, True], ids=["unbuffered", "buffered"])
@pytest.mark.parametrize(
    "args",
    [["score", "nonexistent.yaml"], ["score"], ["init", "/nonexistent/folder/new.yaml"], ["-h"]],
    ids=["error", "usage", "init", "help"],
)
def test_a_full_standard_error_ends_silently(args: list[str], buffered: bool) -> None:
    # Where the message itself cannot be written, the exit code is all that is left to say it.
    with FULL.open("wb") as full:
        done = run(args, stdout=full, stderr=full, buffered=buffered)
    assert done.returncode == 2


@needs_full
def test_a_full_standard_error_with_a_good_standard_output() -> None:
    with FULL.open("wb") as full:
        done = run(["score", "nonexistent.yaml"], stderr=full)
    assert done.returncode == 2 and done.stdout == b""


@pytest.mark.parametrize("buffered", [False, True], ids=["unbuffered", "buffered"])
@pytest.mark.parametrize("args", [["-h"], ["--version"], ["score", str(DATA)], ["rules"]])
def test_a_reader_that_went_away_ends_quietly(args: list[str], buffered: bool) -> None:
    read, write = os.pipe()
    os.close(read)
    try:
        done = run(args, stdout=write, buffered=buffered)
    finally:
        os.close(write)
    assert done.returncode != 0 and done.stderr == b""


@pytest.mark.parametrize("args", [["score", str(DATA), "--format", "json"], ["explain", "一", str(DATA), "-f", "json"]])
def test_a_normal_run_writes_what_the_command_writes(runner: Any, args: list[str]) -> None:
    from selfeval.cli import app

    done = run(args, buffered=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == runner.invoke(app, args, env={"SELFEVAL_LANG": "zh"}).stdout_bytes


def test_undecodable_bytes_go_out_as_they_came() -> None:
    # A file name's bytes that are not UTF-8 reach a surrogateescape stream (a C locale's) as they
    # were; only what the encoding lacks otherwise is escaped.
    code = "from selfeval.cliframe import guard_streams; guard_streams(); print('a\\udcff中')"
    env = {**os.environ, "PYTHONIOENCODING": "ascii:surrogateescape"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, timeout=60)
    assert done.stdout == b"a\xff\\u4e2d\n", done.stderr


def test_a_normal_run_writes_as_before() -> None:
    done = run(["-h"], buffered=True)
    assert done.returncode == 0 and done.stderr == b""
    assert done.stdout.startswith("用法：python -m selfeval [选项] 命令 [参数]...\n".encode())
