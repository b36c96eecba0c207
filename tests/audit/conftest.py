"""The small synthetic report the shared checks' tests audit in memory."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from helpers import audit_run, leaf
from selfeval.problems import Problem

Small = Callable[..., list[Problem]]

FACTS = {"facts": {"a": "甲", "b": "乙"}}


def _small(**data: Any) -> list[Problem]:
    """Audit a data file of ``data`` against a rubric of one section 一 (6 points) holding one
    indicator (一) (6 points) of two numbered items c1 and c2 (3 points each, facts a and b), with a
    derived per-capita figure (pc = funds ÷ persons) and a subset (part ≤ whole)."""
    sections = [
        {
            "id": "s1",
            "number": "一",
            "title": "一",
            "points": 6,
            "children": [
                {
                    "id": "i1",
                    "number": "（一）",
                    "title": "甲",
                    "points": 6,
                    "children": [
                        leaf("c1", 3, {"kind": "fact", "fact": "a"}, number="1"),
                        leaf("c2", 3, {"kind": "fact", "fact": "b"}, number="2"),
                    ],
                }
            ],
        },
    ]
    extra = {
        **FACTS,
        "figures": {
            "whole": {"title": "总数", "unit": "人"},
            "part": {"title": "部分", "unit": "人"},
            "funds": {"title": "资金", "unit": "元"},
            "persons": {"title": "人数", "unit": "人"},
            "pc": {"title": "人均", "unit": "元"},
        },
        "relations": [
            {"kind": "derived", "id": "pc", "title": "人均 = 资金 ÷ 人数", "figure": "pc", "expr": "funds / persons"},
            {"kind": "subset", "id": "part", "title": "部分不超过总数", "part": "part", "whole": "whole"},
        ],
    }
    return audit_run(sections, extra, **data)


@pytest.fixture
def small() -> Small:
    """The report to audit, as a function of its data (facts, claims, figures…)."""
    return _small
