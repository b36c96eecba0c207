"""Fuzz: mutated rubric and data files end in a result or a clean input error, never a crash.

The example count is modest for CI; raise it with SELFEVAL_FUZZ_EXAMPLES=2000.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from helpers import DATA, RUBRIC
from selfeval.cli import app

pytestmark = pytest.mark.slow  # fuzzing: CI runs it, the quick loop (-m "not slow") does not

EXAMPLES = int(os.environ.get("SELFEVAL_FUZZ_EXAMPLES", "25"))
RUBRIC_LINES = RUBRIC.read_text(encoding="utf-8").splitlines()
DATA_LINES = DATA.read_text(encoding="utf-8").splitlines()
JUNK = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        [
            "[",
            "]",
            "{",
            "}",
            ": ",
            "- ",
            "&a",
            "*a",
            "!!python/object:os.system",
            "\t",
            "'",
            '"',
            "~",
            "1e999",
            ".nan",
            "-1",
            "１２,３",
            "null",
            "[1, 2]",
            "{a: 1}",
            "yes",
            "万元",
            "%",
            "<<: *a",
        ]
    ),
)


@st.composite
def mutated(draw: Any, lines: list[str]) -> str:
    out = list(lines)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(out) - 1))
        op = draw(st.sampled_from(["drop", "value", "splice", "dup", "indent", "truncate"]))
        if op == "drop":
            del out[i]
        elif op == "value" and ":" in out[i]:
            key = out[i].split(":", 1)[0]
            out[i] = f"{key}: {draw(JUNK)}"
        elif op == "splice":
            col = draw(st.integers(0, len(out[i])))
            out[i] = out[i][:col] + draw(JUNK) + out[i][col:]
        elif op == "dup":
            out.insert(i, out[i])
        elif op == "indent":
            out[i] = " " * draw(st.integers(0, 3)) + out[i]
        else:
            out = out[: i + 1]
        if not out:
            out = [""]
    return "\n".join(out) + "\n"


def check(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert "internal error" not in result.output


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(text=mutated(DATA_LINES))
def test_mutated_data(tmp_path: Path, text: str) -> None:
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    runner = CliRunner()
    for command in (["validate"], ["score", "-f", "json"], ["audit"], ["report"]):
        check(runner, [*command, str(path)])


@FUZZ
@given(text=mutated(RUBRIC_LINES))
def test_mutated_rubric(tmp_path: Path, text: str) -> None:
    path = tmp_path / "rubric.yaml"
    path.write_text(text, encoding="utf-8")
    runner = CliRunner()
    check(runner, ["validate", str(path)])
    for command in (["score", "-f", "json"], ["audit"], ["report"]):
        check(runner, [*command, str(DATA), "--rubric", str(path)])


@pytest.mark.parametrize("raw", [b"\xff\xfe\x00a", b"\x00" * 10, b"a: \xc3", "平: [".encode(), b"---\n...\n"])
def test_raw_bytes(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    runner = CliRunner()
    for command in (["validate"], ["score"], ["audit"], ["report"]):
        check(runner, [*command, str(path)])
