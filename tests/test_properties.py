"""Properties of the scorer over random valid rubrics and data (hypothesis)."""

from __future__ import annotations

import os
from decimal import Decimal as D
from itertools import pairwise
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfeval.models import CountyData, NodeType, Rubric
from selfeval.scoring import score

EXAMPLES = int(os.environ.get("SELFEVAL_PROPERTY_EXAMPLES", "150"))
FIGS = ["f1", "f2", "f3"]
HALF = D("0.5")


def rule(draw: Any, points: D) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(
            [
                "fact",
                "threshold",
                "bands",
                "per_unit",
                "ratio",
                "target",
                "tolerance",
                "per_occurrence",
                "judged",
                "evidence",
            ]
        )
    )
    fig = draw(st.sampled_from(FIGS))
    if kind == "fact":
        return {"kind": "fact", "fact": draw(st.sampled_from(["a", "b"]))}
    if kind == "evidence":
        return {"kind": "evidence", "requires": ["doc"]}
    if kind == "threshold":
        return {
            "kind": "threshold",
            "metric": fig,
            "op": draw(st.sampled_from([">=", ">", "<=", "<", "=="])),
            "value": draw(st.integers(-5, 100)),
        }
    if kind == "bands":
        return {
            "kind": "bands",
            "metric": fig,
            "bands": [{"min": 50, "points": str(points)}, {"min": 10, "max": 50, "points": str(points / 2)}],
        }
    if kind == "per_unit":
        return {"kind": "per_unit", "metric": fig, "per": str(draw(st.sampled_from([HALF, D(1), D(3)])))}
    if kind == "ratio":
        return {"kind": "ratio", "numerator": fig, "denominator": draw(st.sampled_from(FIGS))}
    if kind == "target":
        return {"kind": "target", "metric": fig, "target": draw(st.integers(1, 100))}
    if kind == "tolerance":
        return {
            "kind": "tolerance",
            "metric": fig,
            "max": draw(st.integers(0, 50)),
            "step": draw(st.integers(1, 5)),
            "deduct": str(draw(st.sampled_from([HALF, D(1), D(2)]))),
        }
    if kind == "per_occurrence":
        return {"kind": "per_occurrence", "metric": fig, "deduct": str(draw(st.sampled_from([HALF, D(1), D(5)])))}
    return {"kind": "judged", "guidance": "评审"}


def split(draw: Any, points: D) -> list[D]:
    units = int(points / HALF)
    k = draw(st.integers(1, min(4, units)))
    cuts = (
        sorted(draw(st.lists(st.integers(1, units - 1), min_size=k - 1, max_size=k - 1, unique=True)))
        if units > 1
        else []
    )
    bounds = [0, *cuts, units]
    return [HALF * (b - a) for a, b in pairwise(bounds) if b > a]


def node(draw: Any, id: str, points: D, depth: int) -> dict[str, Any]:
    n: dict[str, Any] = {
        "id": id,
        "title": id,
        "points": str(points),
        "not_applicable": draw(st.sampled_from(["rescale", "zero", "full"])),
    }
    if depth >= 3 or points <= HALF or draw(st.booleans()):
        n["rule"] = rule(draw, points)
        return n
    parts = split(draw, points)
    if draw(st.booleans()):  # children worth more than the parent, capped
        parts = [*parts, D(1)]
        n["children_exceed"] = True
    n["children"] = [node(draw, f"{id}.{i}", p, depth + 1) for i, p in enumerate(parts)]
    return n


@st.composite
def case(draw: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    std = [node(draw, f"s{i}", D(draw(st.integers(1, 40))), 0) for i in range(draw(st.integers(1, 3)))]
    bonus = node(draw, "b", D(draw(st.integers(1, 10))), 0)
    bonus["type"] = "bonus"
    ded = node(draw, "d", D(draw(st.integers(1, 20))), 0)
    ded["type"] = "deduction"
    sections = [*std, bonus, ded]
    rubric = {
        "id": "p",
        "version": "1",
        "title": "t",
        "issuer": "i",
        "document_number": "n",
        "year": 2020,
        "total": str(sum(D(s["points"]) for s in std)),
        "bonus_cap": bonus["points"],
        "deduction_cap": ded["points"],
        "facts": {"a": "a", "b": "b"},
        "evidence": {"doc": "文件"},
        "figures": {f: {"title": f} for f in FIGS},
        "sections": sections,
    }
    ids: list[str] = []

    def collect(n: dict[str, Any]) -> None:
        ids.append(n["id"])
        for c in n.get("children", []):
            collect(c)

    for s in sections:
        collect(s)
    figures = {f: str(draw(st.decimals(min_value=0, max_value=200, places=2))) for f in FIGS if draw(st.booleans())}
    data = {
        "subject": {"name": "x", "year": 2020},
        "rubric": {"id": "p", "version": "1"},
        "figures": figures,
        "facts": {k: draw(st.booleans()) for k in ["a", "b"] if draw(st.booleans())},
        "evidence": {"doc": {"title": "文件"}} if draw(st.booleans()) else {},
        "not_applicable": {i: "无" for i in draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))},
        "judgements": {
            i: {"points": str(draw(st.integers(0, 50))), "reason": "评审意见"}
            for i in draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))
        },
    }
    return rubric, data


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case())
def test_scores_stay_within_their_bounds(c: tuple[dict[str, Any], dict[str, Any]]) -> None:
    rubric = Rubric.model_validate(c[0])
    result = score(rubric, CountyData.model_validate(c[1]))
    for r in result.walk():
        signed = -r.score if r.type is NodeType.DEDUCTION else r.score
        if r.type is NodeType.DEDUCTION:
            assert -r.max <= signed <= 0, (r.id, r.score)
        else:
            assert 0 <= signed <= r.max, (r.id, r.score)
    assert 0 <= result.standard <= rubric.total
    assert 0 <= result.bonus <= rubric.bonus_cap
    assert 0 <= result.deduction <= rubric.deduction_cap
    assert 0 <= result.total <= rubric.total + rubric.bonus_cap
