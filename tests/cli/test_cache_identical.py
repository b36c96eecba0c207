"""Output with the result cache is byte for byte the output without it: scored afresh, written to
the cache, and read back from it, for every format of a province's ranking and for one county."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, load_yaml, write_yaml
from selfeval import batch, commands
from selfeval.cli import app

COUNTIES = {"平罗县": {}, "永宁县": {"towns": 6}, "贺兰县": {"towns": 7}}


@pytest.fixture
def province(tmp_path: Path) -> Path:
    folder = tmp_path / "counties"
    folder.mkdir()
    for name, figures in COUNTIES.items():
        data = load_yaml(DATA)
        data["subject"]["name"] = name
        data["figures"].update(figures)
        write_yaml(folder / f"{name}.yaml", data)
    return folder


def _out(runner: Any, tmp_path: Path, args: list[str], ext: str | None, name: str) -> bytes:
    if ext is None:
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1), result.output
        return result.stdout_bytes
    target = tmp_path / f"{name}.{ext}"
    result = runner.invoke(app, [*args, "--out", str(target)])
    assert result.exit_code in (0, 1), result.output
    return target.read_bytes()


@pytest.mark.parametrize(
    ("format", "ext"), [("csv", None), ("json", None), ("table", None), ("xlsx", "xlsx"), ("html", "html")]
)
def test_province_identical_with_and_without_cache(
    runner: Any, province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format: str, ext: str | None
) -> None:
    args = ["score", str(province), "-f", format]
    fresh = _out(runner, tmp_path, [*args, "--no-cache"], ext, "fresh")
    store = tmp_path / "cache"
    monkeypatch.delenv("SELFEVAL_NO_CACHE")
    monkeypatch.setenv("SELFEVAL_CACHE_DIR", str(store))
    off = _out(runner, tmp_path, [*args, "--no-cache"], ext, "off")
    assert not store.exists()  # --no-cache neither reads nor writes
    cold = _out(runner, tmp_path, args, ext, "cold")
    assert len(list(store.rglob("*.json"))) == len(COUNTIES)

    def unscored(*a: object, **k: object) -> None:
        raise AssertionError("scored again, not read from the cache")

    monkeypatch.setattr(batch, "evaluate", unscored)
    warm = _out(runner, tmp_path, args, ext, "warm")
    assert fresh == off == cold == warm


def test_audit_of_many_identical_with_cache(
    runner: Any, province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = runner.invoke(app, ["audit", str(province), "-f", "json"]).stdout_bytes
    monkeypatch.delenv("SELFEVAL_NO_CACHE")
    monkeypatch.setenv("SELFEVAL_CACHE_DIR", str(tmp_path / "cache"))
    cold = runner.invoke(app, ["audit", str(province), "-f", "json"]).stdout_bytes
    warm = runner.invoke(app, ["audit", str(province), "-f", "json"]).stdout_bytes
    assert fresh == cold == warm


@pytest.mark.parametrize("format", ["json", "csv", "table"])
def test_one_county_identical_with_cache(
    runner: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format: str
) -> None:
    args = ["score", str(DATA), "-f", format]
    fresh = runner.invoke(app, args).stdout_bytes
    monkeypatch.delenv("SELFEVAL_NO_CACHE")
    monkeypatch.setenv("SELFEVAL_CACHE_DIR", str(tmp_path / "cache"))
    cold = runner.invoke(app, args).stdout_bytes
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 1

    def unscored(*a: object, **k: object) -> int:
        raise AssertionError("scored again, not read from the cache")

    monkeypatch.setattr(commands, "run_score", unscored)
    warm = runner.invoke(app, args)
    assert warm.exit_code == 0, warm.output
    assert fresh == cold == warm.stdout_bytes


def test_one_county_with_more_to_say_is_scored(runner: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that says more than its output (-v, --fail-under, a ledger, --out) is not read back."""
    monkeypatch.delenv("SELFEVAL_NO_CACHE")
    monkeypatch.setenv("SELFEVAL_CACHE_DIR", str(tmp_path / "cache"))
    runner.invoke(app, ["score", str(DATA), "-f", "json"])
    below = runner.invoke(app, ["score", str(DATA), "-f", "json", "--fail-under", "200"])
    assert below.exit_code == 1
    said = runner.invoke(app, ["-v", "score", str(DATA), "-f", "json"])
    assert "ningxia-2020-county" in said.stderr


def test_environment_turns_it_off(runner: Any, province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELFEVAL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SELFEVAL_NO_CACHE", "1")
    assert runner.invoke(app, ["score", str(province), "-f", "csv"]).exit_code in (0, 1)
    assert not (tmp_path / "cache").exists()
