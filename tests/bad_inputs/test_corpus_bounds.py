"""The whole corpus through validate, score, audit and report, in a process held to 2 GB of
memory, each run stopped at 20 s: no exit code above 2, no run stopped, no stray file.

A bound on a hostile input, not a measure of speed (those live in benchmarks/).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # the whole corpus, bounded: CI runs it, the quick loop (-m "not slow") does not

CORPUS = Path(__file__).resolve().parent / "corpus"
MEMORY = 2 * 1024**3
SECONDS = 20

SCRIPT = r"""
import json, signal, sys
from pathlib import Path
from typer.testing import CliRunner
from selfeval.cli import app

class Stopped(Exception):
    pass

def stop(signum, frame):
    raise Stopped

signal.signal(signal.SIGALRM, stop)
runner, out = CliRunner(), []
for path in sorted(Path(".").iterdir()):
    for command in ("validate", "score", "audit", "report"):
        signal.alarm(int(sys.argv[1]))
        try:
            result = runner.invoke(app, [command, path.name], catch_exceptions=True)
            code = result.exit_code
            crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        except (Stopped, MemoryError) as e:
            code, crashed = -1, type(e).__name__
        finally:
            signal.alarm(0)
        out.append([path.name, command, code, str(crashed) if crashed else ""])
print(json.dumps(out))
"""


def _limit() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and SIGALRM")
def test_the_corpus_is_bounded(tmp_path: Path) -> None:
    work = tmp_path / "corpus"
    shutil.copytree(CORPUS, work)
    before = sorted(p.name for p in work.iterdir())
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(SECONDS)],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=20 * 60,
        preexec_fn=_limit,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    runs = json.loads(done.stdout.splitlines()[-1])
    assert len(runs) == 4 * len(before)
    bad = [r for r in runs if not 0 <= r[2] <= 2 or r[3]]
    assert bad == []
    assert sorted(p.name for p in work.iterdir()) == before
