"""Standard input in a batch scored by several processes: read once, in the main process (a worker's
own standard input is empty)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import DATA, load_yaml, write_yaml


def test_standard_input_among_files_scored_by_several_processes(tmp_path: Path) -> None:
    data = load_yaml(DATA)
    data["subject"]["name"] = "永宁县"
    other = write_yaml(tmp_path / "永宁县.yaml", data)
    data["subject"]["name"] = "贺兰县"
    third = write_yaml(tmp_path / "贺兰县.yaml", data)
    args = [sys.executable, "-m", "selfeval", "score", "-", str(other), str(third), "--jobs", "2", "-f", "json"]
    done = subprocess.run(args, input=DATA.read_bytes(), capture_output=True, check=False, cwd=tmp_path)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 0, stderr
    assert "文件是空的" not in stderr
    rows = {r["path"]: r for r in json.loads(done.stdout)}
    assert (rows["-"]["name"], rows["-"]["status"], rows["-"]["total"]) == ("平罗县", "scored", 104)
    assert [r["status"] for r in rows.values()] == ["scored"] * 3
