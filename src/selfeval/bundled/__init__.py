"""Bundled example files: the 2020 county rubric, Pingluo's data and the report template."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
RUBRICS = HERE / "rubrics"
DATA = HERE / "data"
TEMPLATES = HERE / "templates"
EXAMPLE_DATA = DATA / "pingluo_2020.yaml"
DEFAULT_TEMPLATE = TEMPLATES / "report.md.j2"
