"""Properties of the scorer over random valid rubrics and data (hypothesis)."""

from __future__ import annotations

import os
from decimal import Decimal as D
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfeval.forms.narrative.models import NarrativeData, NarrativeRubric
from selfeval.models.rubric import NodeType
from selfeval.rules import RULES
from selfeval.scoring import score

EXAMPLES = int(os.environ.get("SELFEVAL_PROPERTY_EXAMPLES", "150"))
FIGS = ["f1", "f2", "f3"]
HALF = D("0.5")


def _fact(draw: Any, fig: str, points: D) -> dict[str, Any]:
    return {"kind": "fact", "fact": draw(st.sampled_from(["a", "b"]))}


def _evidence(draw: Any, fig: str, points: D) -> dict[str, Any]:
    return {"kind": "evidence", "requires": ["doc"]}


def _evidence_tiers(draw: Any, fig: str, points: D) -> dict[str, Any]:
    return {
        "kind": "evidence_tiers",
        "tiers": [
            {"requires": ["doc", "doc2"], "points": str(points)},
            {"requires": ["doc"], "points": str(points / 2)},
        ],
    }


def _threshold(draw: Any, fig: str, points: D) -> dict[str, Any]:
    op = draw(st.sampled_from([">=", ">", "<=", "<", "=="]))
    return {"kind": "threshold", "metric": fig, "op": op, "value": draw(st.integers(-5, 100))}


def _bands(draw: Any, fig: str, points: D) -> dict[str, Any]:
    bands = [{"min": 50, "points": str(points)}, {"min": 10, "max": 50, "points": str(points / 2)}]
    return {"kind": "bands", "metric": fig, "bands": bands}


def _per_unit(draw: Any, fig: str, points: D) -> dict[str, Any]:
    return {"kind": "per_unit", "metric": fig, "per": str(draw(st.sampled_from([HALF, D(1), D(3)])))}


def _ratio(draw: Any, fig: str, points: D) -> dict[str, Any]:
    return {"kind": "ratio", "numerator": fig, "denominator": draw(st.sampled_from(FIGS))}


def _target(draw: Any, fig: str, points: D) -> dict[str, Any]:
    return {"kind": "target", "metric": fig, "target": draw(st.integers(1, 100))}


def _tolerance(draw: Any, fig: str, points: D) -> dict[str, Any]:
    return {
        "kind": "tolerance",
        "metric": fig,
        "max": draw(st.integers(0, 50)),
        "step": draw(st.integers(1, 5)),
        "deduct": str(draw(st.sampled_from([HALF, D(1), D(2)]))),
    }


def _per_occurrence(draw: Any, fig: str, points: D) -> dict[str, Any]:
    return {"kind": "per_occurrence", "metric": fig, "deduct": str(draw(st.sampled_from([HALF, D(1), D(5)])))}


def _judged(draw: Any, fig: str, points: D) -> dict[str, Any]:
    return {"kind": "judged", "guidance": "评审"}


def _indicator(draw: Any, fig: str, points: D) -> dict[str, Any]:
    return {
        "kind": "indicator",
        "actual": fig,
        "target": draw(st.sampled_from(FIGS)),
        "comparator": draw(st.sampled_from([">=", "<=", "="])),
    }


def _tiers(draw: Any, fig: str, points: D) -> dict[str, Any]:
    tiers = [("达成", "0.8", "1"), ("部分达成", "0.6", "0.8"), ("未达成", "0", "0.6")]
    return {"kind": "tiers", "tiers": [{"name": n, "low": lo, "high": hi} for n, lo, hi in tiers]}


def _completion(draw: Any, fig: str, points: D) -> dict[str, Any]:
    return {"kind": "completion", "status": fig}


BUILDERS = {
    "fact": _fact,
    "evidence": _evidence,
    "evidence_tiers": _evidence_tiers,
    "threshold": _threshold,
    "bands": _bands,
    "per_unit": _per_unit,
    "ratio": _ratio,
    "target": _target,
    "tolerance": _tolerance,
    "per_occurrence": _per_occurrence,
    "judged": _judged,
    "indicator": _indicator,
    "tiers": _tiers,
    "completion": _completion,
}
"""How to draw a rule of each kind; a test checks that every registered kind has one."""


def test_every_rule_kind_is_drawn() -> None:
    assert set(BUILDERS) == set(RULES)


def rule(draw: Any, points: D) -> dict[str, Any]:
    kind = draw(st.sampled_from(sorted(RULES)))
    return BUILDERS[kind](draw, draw(st.sampled_from(FIGS)), points)


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
        "evidence": {"doc": "文件", "doc2": "记录"},
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
    value = st.one_of(st.decimals(min_value=0, max_value=200, places=2).map(str), st.just("未知"))
    figures = {f: draw(value) for f in FIGS if draw(st.booleans())}
    data = {
        "subject": {"name": "x", "year": 2020},
        "rubric": {"id": "p", "version": "1"},
        "figures": figures,
        "facts": {k: draw(st.booleans()) for k in ["a", "b"] if draw(st.booleans())},
        "evidence": {k: {"title": "文件"} for k in ["doc", "doc2"] if draw(st.booleans())},
        "not_applicable": {i: "无" for i in draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))},
        "judgements": {
            i: {
                "points": str(draw(st.integers(0, 50))),
                "reason": "评审意见",
                "tier": draw(st.sampled_from([None, "达成", "部分达成", "未达成"])),
            }
            for i in draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))
        },
    }
    return rubric, data


@pytest.mark.slow  # fuzzing every rule kind with generated rules and data
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case())
def test_scores_stay_within_their_bounds(c: tuple[dict[str, Any], dict[str, Any]]) -> None:
    rubric = NarrativeRubric.model_validate(c[0])
    result = score(rubric, NarrativeData.model_validate(c[1]), rubric.sections)
    for r in result.walk():
        signed = -r.score if r.type is NodeType.DEDUCTION else r.score
        if r.type is NodeType.DEDUCTION:
            assert -r.max <= signed <= 0, (r.id, r.score)
        else:
            assert 0 <= signed <= r.max, (r.id, r.score)
    assert 0 <= result.standard <= rubric.total
    assert 0 <= result.bonus <= rubric.bonus_cap
    assert 0 <= result.deduction <= rubric.deduction_cap
    assert 0 <= result.total <= result.total_high <= rubric.total + rubric.bonus_cap
    for r in result.walk():
        assert r.score <= r.top <= r.max, (r.id, r.score, r.top)
