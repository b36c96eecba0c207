"""The ``evidence`` rule kind: full points when the data names the documents it requires."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pydantic import ValidationError

from helpers import mini_rubric, one_leaf
from selfeval.forms.narrative.models import NarrativeRubric as Rubric

EV = {"evidence": {"plan": "实施方案", "center": "核对中心", "meeting": "会议纪要", "bulletin": "工作通报"}}
PLAN = {"title": "实施方案", "number": "平民发〔2020〕34号"}
EITHER = {"kind": "evidence", "requires": ["plan"], "any_of": ["meeting", "bulletin"]}


def test_evidence() -> None:
    r = one_leaf(
        {"kind": "evidence", "requires": ["plan"]},
        2,
        rubric_extra=EV,
        evidence={"plan": {"title": "实施方案", "number": "平民发〔2020〕34号"}},
    )
    assert r.score == 2
    assert "《实施方案》（平民发〔2020〕34号）" in r.explanation
    r = one_leaf({"kind": "evidence", "requires": ["plan"]}, 2, rubric_extra=EV)
    assert r.score == 0
    assert r.missing == ["plan"]
    assert "缺少“实施方案”" in r.explanation


def test_every_required_document_must_be_named() -> None:
    rule = {"kind": "evidence", "requires": ["plan", "center"]}
    both = one_leaf(rule, 2, rubric_extra=EV, evidence={"plan": [PLAN], "center": [{"title": "核对中心台账"}]})
    assert both.score == 2
    assert both.explanation == "已提供《实施方案》（平民发〔2020〕34号）、《核对中心台账》，得2分"
    assert both.used == ["plan", "center"] and both.gap is None
    one = one_leaf(rule, 2, rubric_extra=EV, evidence={"plan": [PLAN]})
    assert one.score == 0
    assert one.explanation == "缺少“核对中心”，不得分"
    assert (one.missing, one.used, one.gap) == (["center"], ["plan"], "提供“核对中心”")


def test_a_document_whose_number_is_still_to_fill_does_not_count() -> None:
    pending = {"title": "实施方案", "number": None}
    r = one_leaf({"kind": "evidence", "requires": ["plan"]}, 2, rubric_extra=EV, evidence={"plan": [pending]})
    assert r.score == 0
    assert r.missing == ["plan"] and r.gap == "提供“实施方案”"
    without_number = one_leaf(
        {"kind": "evidence", "requires": ["plan"]}, 2, rubric_extra=EV, evidence={"plan": [{"title": "实施方案"}]}
    )
    assert without_number.score == 2 and without_number.explanation == "已提供《实施方案》，得2分"


def test_one_of_any_of_is_enough_and_none_of_them_is_said_as_alternatives() -> None:
    record = {"title": "第三季度社会救助工作通报", "kind": "record"}
    r = one_leaf(EITHER, 2, rubric_extra=EV, evidence={"plan": [PLAN], "bulletin": [record]})
    assert r.score == 2
    assert r.explanation == "已提供《实施方案》（平民发〔2020〕34号）、“第三季度社会救助工作通报”，得2分"
    none = one_leaf(EITHER, 2, rubric_extra=EV, evidence={"plan": [PLAN]})
    assert none.score == 0
    assert none.explanation == "缺少“会议纪要”或“工作通报”，不得分"
    assert none.missing == ["meeting", "bulletin"] and none.gap == "提供“会议纪要”或“工作通报”"


def test_describe(describe: Callable[..., str]) -> None:
    assert describe({"kind": "evidence", "requires": ["plan", "center"]}, 2, rubric_extra=EV) == (
        "提供“实施方案”、“核对中心”得2分，否则不得分"
    )
    assert describe(EITHER, 2, rubric_extra=EV) == "提供“实施方案”，并提供“会议纪要”或“工作通报”得2分，否则不得分"
    assert describe({"kind": "evidence", "any_of": ["meeting", "bulletin"]}, 1, rubric_extra=EV) == (
        "提供“会议纪要”或“工作通报”得1分，否则不得分"
    )


@pytest.mark.parametrize("rule", [{"kind": "evidence"}, {"kind": "evidence", "requires": [], "any_of": []}])
def test_a_rule_that_requires_nothing_is_a_schema_error(rule: dict[str, object]) -> None:
    with pytest.raises(ValidationError, match="evidence 规则须写 requires 或 any_of"):
        Rubric.model_validate(mini_rubric([{"id": "s", "title": "t", "points": 1, "rule": rule}]))
