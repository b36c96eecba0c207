"""Fixtures only; shared helpers live in helpers.py."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def runner() -> Any:
    from typer.testing import CliRunner

    return CliRunner()


@pytest.fixture(autouse=True, scope="session")
def _one_command_per_app() -> Any:
    """typer builds the same click command from an app at every invoke; build it once per app
    for the whole test run (it reads the app's definitions only, which never change)."""
    import functools

    import typer.testing

    built = typer.testing._get_command
    typer.testing._get_command = functools.cache(built)
    yield
    typer.testing._get_command = built


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's result cache: off unless a test turns it on in its own
    folder (``SELFEVAL_CACHE_DIR`` under its tmp_path)."""
    monkeypatch.setenv("SELFEVAL_NO_CACHE", "1")
    monkeypatch.delenv("SELFEVAL_CACHE_DIR", raising=False)
