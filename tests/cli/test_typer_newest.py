"""The command line's frame against the newest typer release, not only the pinned one.

selfeval reaches past typer's public names in one place (:mod:`selfeval.clickshim`); this
installs the newest typer beside the test run and drives the command line with it, so the pin
in pyproject.toml can move as soon as this passes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # installs a package: CI runs it, the quick loop does not

DRIVE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import typer
from typer.testing import CliRunner
from selfeval.cli import app

runner = CliRunner()
out = {"version": typer.__version__, "from": typer.__file__}
for name, args in {
    "help": ["score", "-h"],
    "group": ["-h"],
    "missing": ["audit"],
    "choice": ["report", "--format", "nope"],
    "english": ["--lang", "en", "audit"],
    "english-help": ["--lang", "en", "score", "-h"],
}.items():
    r = runner.invoke(app, args, env={"COLUMNS": "80", "SELFEVAL_LANG": ""})
    out[name] = {"code": r.exit_code, "stdout": r.stdout, "stderr": r.stderr}
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def newest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("typer-newest")
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--target", str(target)]
    done = subprocess.run([*pip, "typer"], capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        pytest.skip(f"the package index cannot be reached: {done.stderr.strip()[-300:]}")
    return target


def test_the_frame_holds_with_the_newest_typer(newest: Path) -> None:
    done = subprocess.run([sys.executable, "-c", DRIVE, str(newest)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["from"].startswith(str(newest)), out["from"]  # the newest, not the venv's pinned one
    why = f"typer {out['version']}"
    assert out["help"]["code"] == 0 and out["help"]["stdout"].startswith("用法：selfeval score [选项]"), why
    assert "评分：一个文件给出明细" in out["help"]["stdout"] and "[必填]" in out["help"]["stdout"], why
    assert "Usage" not in out["help"]["stdout"] and "Options" not in out["help"]["stdout"], why
    assert "命令：" in out["group"]["stdout"] and "validate  检查评分标准和数据文件" in out["group"]["stdout"], why
    assert out["missing"]["code"] == 2 and "错误：缺少参数 files：" in out["missing"]["stderr"], why
    assert "错误：--format/-f 的值“nope”不可用" in out["choice"]["stderr"], why
    assert out["english"]["code"] == 2 and "Missing argument 'files'" in out["english"]["stderr"], why
    assert out["english-help"]["stdout"].startswith("Usage: selfeval score [OPTIONS]"), why
    assert "Score county data" in out["english-help"]["stdout"], why
