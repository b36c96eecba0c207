"""Fixtures only; shared helpers live in helpers.py."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def runner() -> Any:
    from typer.testing import CliRunner

    return CliRunner()


@pytest.fixture(autouse=True)
def _language_of_the_run() -> Any:
    """Each test starts in the environment's language: a `--lang en` run must not leak into the next."""
    from selfeval import i18n

    i18n.use(i18n.from_env())
    yield
    i18n.use(i18n.from_env())
