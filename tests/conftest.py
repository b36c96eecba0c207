"""Shared fixtures: the bundled files, a CLI runner, and small synthetic rubrics."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from selfeval import bundled

ROOT = Path(__file__).resolve().parent.parent
FILED = Path(__file__).resolve().parent / "fixtures" / "pingluo-2020-self-evaluation.txt"
"""The county's report as filed (text extracted from its PDF), the source of the bundled files."""
RUBRIC = bundled.RUBRICS / "2020_county.yaml"
DATA = bundled.EXAMPLE_DATA
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture
def runner() -> Any:
    from typer.testing import CliRunner

    return CliRunner()


def mini_rubric(sections: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    """A small valid rubric around the given sections (totals computed from them)."""
    total = sum(s["points"] for s in sections if s.get("type", "standard") == "standard")
    base: dict[str, Any] = {
        "id": "mini",
        "version": "1",
        "title": "测试标准",
        "issuer": "测试厅",
        "document_number": "测〔2020〕1号",
        "year": 2020,
        "total": total,
        "bonus_cap": sum(s["points"] for s in sections if s.get("type") == "bonus"),
        "deduction_cap": sum(s["points"] for s in sections if s.get("type") == "deduction"),
        "sections": sections,
    }
    base.update(extra)
    return base


def mini_data(**extra: Any) -> dict[str, Any]:
    """A small data file for :func:`mini_rubric`."""
    base: dict[str, Any] = {"subject": {"name": "测试县", "year": 2020}, "rubric": {"id": "mini", "version": "1"}}
    base.update(extra)
    return base


def write_yaml(path: Path, obj: Any) -> Path:
    path.write_text(yaml.safe_dump(obj, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
