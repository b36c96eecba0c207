"""Build and score small rubrics in memory."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from conftest import mini_data, mini_rubric
from selfeval.models import CountyData, Rubric
from selfeval.scoring import NodeResult, ScoreResult, score


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
    rubric = Rubric.model_validate(mini_rubric(sections, **extra))
    county = CountyData.model_validate(mini_data(**data))
    return score(rubric, county)


D = Decimal
