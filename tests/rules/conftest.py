"""Fixtures for the rule kinds' tests; shared helpers live in helpers.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from helpers import leaf, run
from selfeval.models.rubric import NodeType
from selfeval.rules import Clause


@pytest.fixture
def describe() -> Callable[..., str]:
    """The rule of a one-leaf rubric in words, as ``selfeval explain`` writes it: called like
    :func:`helpers.one_leaf` (``rule``, ``points``, ``section_type``, ``rubric_extra``, data)."""

    def go(
        rule: dict[str, Any],
        points: Any = 4,
        *,
        section_type: str = "standard",
        rubric_extra: dict[str, Any] | None = None,
        **data: Any,
    ) -> str:
        section: dict[str, Any] = {"id": "s1", "title": "一", "points": points, "children": [leaf("x", points, rule)]}
        if section_type != "standard":
            section["type"] = section_type
        result = run([section], rubric_extra, **data)
        r = result.by_id()["x"]
        assert r.node.rule is not None
        return r.node.rule.describe(result.context, Clause("x", r.max, r.type is NodeType.DEDUCTION))

    return go
