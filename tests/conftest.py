"""Fixtures only; shared helpers live in helpers.py."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def runner() -> Any:
    from typer.testing import CliRunner

    return CliRunner()
