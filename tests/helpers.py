"""Shared test helpers: the example files, small synthetic rubrics built and scored in memory."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from selfeval.audit import audit
from selfeval.forms import FORMS
from selfeval.forms.narrative.models import NarrativeData, NarrativeRubric
from selfeval.inputs import Library
from selfeval.load import parse
from selfeval.pipeline import Evaluation, evaluate
from selfeval.problems import Problem
from selfeval.scoring import NodeResult, ScoreResult, score

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FILED = TESTS / "fixtures" / "pingluo-2020-self-evaluation.txt"
"""The county's report as filed (text extracted from its PDF), the source of the bundled files."""
RUBRIC = ROOT / "rubrics" / "2020_county.yaml"
DATA = ROOT / "data" / "pingluo_2020.yaml"
TABLE_RUBRIC = ROOT / "rubrics" / "2020_project.yaml"
TABLE_DATA = ROOT / "data" / "jishan_2020.yaml"
TABLE_FILED = TESTS / "fixtures" / "jishan-2020-project-self-evaluation-table.txt"
"""稷山's project table as published (a text extraction, and its cells lined up again)."""
GOLDEN = TESTS / "golden"

D = Decimal


class _Dumper(yaml.SafeDumper):
    """Writes Decimal as the number it is, so a test file reads back exactly."""


_Dumper.add_representer(Decimal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", str(v)))


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


def leaf(id: str, points: Any, rule: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": id, "title": f"项目{id}", "points": points, "rule": rule, **extra}


def one_leaf(
    rule: dict[str, Any],
    points: Any = 4,
    *,
    section_type: str = "standard",
    rubric_extra: dict[str, Any] | None = None,
    **data: Any,
) -> NodeResult:
    """Score a rubric with a single leaf under a single section; return the leaf's result."""
    section: dict[str, Any] = {"id": "s1", "title": "一", "points": points, "children": [leaf("x", points, rule)]}
    if section_type != "standard":
        section["type"] = section_type
    extra = rubric_extra or {}
    extra.setdefault("figures", {k: {"title": k, "unit": "个"} for k in data.get("figures", {})})
    result = run([section], extra, **data)
    return result.by_id()["x"]


def run(sections: list[dict[str, Any]], rubric_extra: dict[str, Any] | None = None, **data: Any) -> ScoreResult:
    """Score in memory: a rubric of ``sections`` and a data file of ``data``."""
    return _run(sections, rubric_extra, **data)[0]


def audit_run(sections: list[dict[str, Any]], rubric_extra: dict[str, Any] | None = None, **data: Any) -> list[Problem]:
    """Score and audit in memory; findings are placed on the lines of the data file as YAML writes it."""
    result, doc = _run(sections, rubric_extra, **data)
    return audit(result, doc, FORMS["narrative"].checks)


def _run(sections: list[dict[str, Any]], rubric_extra: dict[str, Any] | None = None, **data: Any) -> Any:
    if not any(s.get("type", "standard") == "standard" for s in sections):
        sections = [
            *sections,
            {
                "id": "pad",
                "title": "基本",
                "points": 1,
                "children": [leaf("pad.1", 1, {"kind": "fact", "fact": "pad"})],
            },
        ]
    extra = dict(rubric_extra or {})
    extra.setdefault("facts", {})
    extra["facts"] = {"pad": "占位", **extra["facts"]}
    rubric = NarrativeRubric.model_validate(mini_rubric(sections, **extra))
    doc = parse(yaml.dump(mini_data(**data), Dumper=_Dumper, allow_unicode=True, sort_keys=False), "data.yaml")
    county = NarrativeData.model_validate(doc.data)
    return score(rubric, county, rubric.sections), doc


def evaluate_file(path: Path = DATA) -> Evaluation:
    """The bundled example (or another data file) through the pipeline."""
    return evaluate(path, Library())


def score_file(path: Path = DATA) -> ScoreResult:
    return evaluate_file(path).result


def changed_copy(tmp_path: Path, name: str = "changed.yaml", **figures: Any) -> Path:
    """A copy of the example with some figures replaced."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    data["figures"].update(figures)
    return write_yaml(tmp_path / name, data)
