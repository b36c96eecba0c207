"""The result cache: where it lives, whole entries only, concurrent writers, eviction, entries that
do not read, and a key that changes with every input a result depends on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from helpers import DATA, RUBRIC, load_yaml, write_yaml
from selfeval import cache
from selfeval.batch import CACHED, Cell, Row, score_many
from selfeval.cache import Cache, decode, encode, folder
from selfeval.i18n import Msg, msg
from selfeval.problems import Problem, Severity


def test_folder_by_platform(tmp_path: Path) -> None:
    home = {"HOME": "/home/lin"}
    assert folder(home, "linux") == Path("/home/lin/.cache/selfeval")
    assert folder({**home, "XDG_CACHE_HOME": "/var/xdg"}, "linux") == Path("/var/xdg/selfeval")
    assert folder({**home, "XDG_CACHE_HOME": "relative"}, "linux") == Path("/home/lin/.cache/selfeval")
    assert folder(home, "darwin") == Path("/home/lin/Library/Caches/selfeval")
    win = {"USERPROFILE": "C:/Users/lin", "LOCALAPPDATA": "C:/Users/lin/AppData/Local"}
    assert folder(win, "win32") == Path("C:/Users/lin/AppData/Local/selfeval/Cache")
    assert folder({**home, "SELFEVAL_CACHE_DIR": str(tmp_path)}, "linux") == tmp_path
    assert folder({**home, "SELFEVAL_NO_CACHE": "1", "SELFEVAL_CACHE_DIR": str(tmp_path)}, "linux") is None
    assert folder({**home, "SELFEVAL_NO_CACHE": "0"}, "linux") == Path("/home/lin/.cache/selfeval")


def test_put_get_round_trip_and_atomic(tmp_path: Path) -> None:
    c = Cache(root=tmp_path, base={"lang": "zh"})
    rubric = write_yaml(tmp_path / "r.yaml", {"id": "x"})
    key = c.key(data="abc")
    assert c.get(key) is None
    c.put(key, {"total": "98.50"}, [rubric])
    assert c.get(key) == {"total": "98.50"}
    # whole files only: no temporary file is left beside the entry, and it is JSON, not a pickle
    files = [p for p in (tmp_path / "v1").rglob("*") if p.is_file()]
    assert [p.suffix for p in files] == [".json"]
    assert json.loads(files[0].read_text(encoding="utf-8"))["payload"] == {"total": "98.50"}


def test_entry_of_a_changed_rubric_is_not_used(tmp_path: Path) -> None:
    rubric = write_yaml(tmp_path / "r.yaml", {"id": "x"})
    key = Cache(root=tmp_path).key(data="abc")
    Cache(root=tmp_path).put(key, [1], [rubric])
    assert Cache(root=tmp_path).get(key) == [1]
    rubric.write_text("id: y\n", encoding="utf-8")
    assert Cache(root=tmp_path).get(key) is None
    rubric.unlink()
    assert Cache(root=tmp_path).get(key) is None


@pytest.mark.parametrize(
    "spoil",
    [
        lambda t: t[: len(t) // 2],  # cut short
        lambda t: t.replace('"schema":1', '"schema":99'),  # another layout
        lambda t: t.replace(cache.__version__, "0.0.0-other"),  # another version of the tool
        lambda t: "not json at all",
        lambda t: "[]",
    ],
)
def test_entry_that_does_not_read_is_ignored_and_rewritten(tmp_path: Path, spoil: object) -> None:
    c = Cache(root=tmp_path)
    key = c.key(data="abc")
    c.put(key, {"n": 1})
    (entry,) = tmp_path.rglob("*.json")
    entry.write_text(spoil(entry.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    assert c.get(key) is None
    c.put(key, {"n": 1})
    assert c.get(key) == {"n": 1}


def test_row_entry_edited_is_scored_again(tmp_path: Path) -> None:
    """An entry whose row does not read (a total that is no number, a field too many) is ignored:
    the file is scored again and the entry written anew."""
    folder_ = tmp_path / "c"
    (first,) = score_many([DATA], cache=folder_, detail=False)
    (entry,) = folder_.rglob("*.json")
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace('"total":{"$d":"', '"total":{"$d":"x'), encoding="utf-8")
    (again,) = score_many([DATA], cache=folder_, detail=False)
    assert again == first
    assert entry.read_text(encoding="utf-8") == text


def test_key_changes_with_each_input(tmp_path: Path) -> None:
    base = {"rubric": None, "ledger": None, "lang": "zh", "detail": False, "bundled": "b"}
    keys = {
        Cache(root=tmp_path, base=base).key(data="d", path="a.yaml"),
        Cache(root=tmp_path, base=base).key(data="e", path="a.yaml"),  # the data's bytes
        Cache(root=tmp_path, base=base).key(data="d", path="b.yaml"),  # its name (where its rubric is looked for)
        Cache(root=tmp_path, base={**base, "rubric": "r.yaml"}).key(data="d", path="a.yaml"),
        Cache(root=tmp_path, base={**base, "ledger": "l"}).key(data="d", path="a.yaml"),
        Cache(root=tmp_path, base={**base, "lang": "en"}).key(data="d", path="a.yaml"),
        Cache(root=tmp_path, base={**base, "detail": True}).key(data="d", path="a.yaml"),
        Cache(root=tmp_path, base={**base, "bundled": "c"}).key(data="d", path="a.yaml"),
    }
    assert len(keys) == 8


def test_version_is_in_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = Cache(root=tmp_path).key(data="d")
    monkeypatch.setattr(cache, "__version__", "9.9.9")
    assert Cache(root=tmp_path).key(data="d") != before
    again = Cache(root=tmp_path).key(data="d")
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "other build of the same version")
    assert Cache(root=tmp_path).key(data="d") != again


def test_rubric_bytes_change_the_result(tmp_path: Path) -> None:
    """The same data file scored against a rubric changed since is scored again, not read back."""
    rubric = tmp_path / "r.yaml"
    rubric.write_bytes(RUBRIC.read_bytes())
    data = load_yaml(DATA)
    data["rubric"] = {"id": "local", "version": "1", "path": "r.yaml"}
    county = write_yaml(tmp_path / "county.yaml", data)
    r = load_yaml(RUBRIC)
    r["id"], r["version"] = "local", "1"
    write_yaml(rubric, r)
    (before,) = score_many([county], cache=tmp_path / "c", detail=False)
    r["grades"][0]["min"] = 105  # 优 now needs more than the county's total
    write_yaml(rubric, r)
    (after,) = score_many([county], cache=tmp_path / "c", detail=False)
    assert len(list((tmp_path / "c").rglob("*.json"))) == 1  # the stale entry rewritten, not a second
    assert after.total == before.total and (before.grade, after.grade) == ("优", "良")


def test_eviction_removes_least_recently_used(tmp_path: Path) -> None:
    c = Cache(root=tmp_path, max_bytes=10_000)
    keys = [c.key(n=i) for i in range(30)]
    for i, k in enumerate(keys):
        c.put(k, "x" * 900)
        os.utime(c._path(k), (1_000_000 + i, 1_000_000 + i))
    c.get(keys[0])  # used just now: kept
    assert c.evict() > 0
    left = {p.stem for p in tmp_path.rglob("*.json")}
    assert keys[0] in left and keys[1] not in left and keys[-1] in left
    assert sum(p.stat().st_size for p in tmp_path.rglob("*.json")) <= 9_000


WRITER = """
import sys
from pathlib import Path
from selfeval.cache import Cache
c = Cache(root=Path(sys.argv[1]))
for i in range(200):
    c.put(c.key(n=i % 20), {"by": sys.argv[2], "text": "长" * 5000})
"""


def test_concurrent_writers_leave_whole_entries(tmp_path: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(n)]) for n in range(4)]
    for p in procs:
        assert p.wait(timeout=120) == 0
    c = Cache(root=tmp_path)
    for i in range(20):
        got = c.get(c.key(n=i))
        assert got is not None and got["text"] == "长" * 5000
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix != ".json"]


def test_row_round_trip_exact() -> None:
    said = cache_msg()
    problem = Problem.of("a.yaml", 3, 5, said, "claim-differs", Severity.ERROR, subject="c01", values={"stated": "1"})
    row = Row(
        path="a.yaml",
        name="平罗县",
        year=2020,
        total=Decimal("98.50"),
        total_high=Decimal("1E+2"),
        audit_errors=3,
        identity=("平罗县", "2020"),
        nodes=[
            Cell(id="s1", label="一", depth=0, max=Decimal(20), score=Decimal("18.0"), high=Decimal("18"), key=("一",))
        ],
        findings=[problem],
        read=(Path("r.yaml"),),
    )
    back = decode(json.loads(json.dumps(encode(row, CACHED))), CACHED)
    assert back == row
    assert str(back.total) == "98.50" and str(back.total_high) == "1E+2"
    assert back.findings[0].message_en == problem.message_en
    assert back.findings[0].values == {"stated": "1"}


def cache_msg() -> Msg:
    return msg("help-no-cache")
