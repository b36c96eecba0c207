"""The ``judged`` rule kind: the points an assessor gives, with the reason in writing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pydantic import ValidationError

from helpers import mini_rubric, one_leaf
from selfeval.forms.narrative.models import NarrativeRubric as Rubric

RULE = {"kind": "judged", "guidance": "社会救助改革创新成效"}


def test_judged_needs_a_reason() -> None:
    rule = {"kind": "judged", "guidance": "创新成效"}
    r = one_leaf(rule, 5, judgements={"x": {"points": 4, "reason": "经验被推广"}})
    assert r.score == 4 and "经验被推广" in r.explanation
    none = one_leaf(rule, 5)
    assert none.score == 0 and none.missing == ["judgements.x"]
    with pytest.raises(ValidationError):
        one_leaf(rule, 5, judgements={"x": {"points": 4, "reason": ""}})


def test_the_explanation_quotes_the_reason_and_names_the_judgement_used() -> None:
    r = one_leaf(RULE, 5, judgements={"x": {"points": 3, "reason": "有创新举措，尚未形成可推广的经验"}})
    assert r.explanation == "评审评定得3分：有创新举措，尚未形成可推广的经验"
    assert r.used == ["judgements.x"] and r.missing == [] and r.gap is None


def test_without_points_nothing_is_judged_yet() -> None:
    none = one_leaf(RULE, 5)
    assert none.explanation == "须由评审人员按“社会救助改革创新成效”评定，尚未评定，暂不得分"
    assert none.gap == "由评审人员评定并写明理由"
    tier_only = one_leaf(RULE, 5, judgements={"x": {"tier": "达成", "reason": "成效明显"}})
    assert (tier_only.score, tier_only.missing) == (0, ["judgements.x"])


def test_points_above_the_node_are_capped() -> None:
    r = one_leaf(RULE, 5, judgements={"x": {"points": 7, "reason": "经验被民政部推广"}})
    assert r.score == 5 and r.explanation == "评审评定得5分：经验被民政部推广"


def test_on_a_deduction_node_the_judgement_is_what_is_taken_off() -> None:
    rule = {"kind": "judged", "guidance": "群众反映强烈的问题"}
    r = one_leaf(rule, 5, section_type="deduction", judgements={"x": {"points": 2, "reason": "信访件办理超期"}})
    assert r.score == 2 and r.explanation == "评审评定扣2分：信访件办理超期"
    none = one_leaf(rule, 5, section_type="deduction")
    assert none.score == 0 and none.explanation.endswith("尚未评定，暂不扣分")


def test_describe(describe: Callable[..., str]) -> None:
    assert describe(RULE, 5) == "由评审人员按“社会救助改革创新成效”评定，最高5分，须写明理由"


@pytest.mark.parametrize("rule", [{"kind": "judged"}, {"kind": "judged", "guidance": ""}])
def test_a_rule_without_guidance_is_a_schema_error(rule: dict[str, object]) -> None:
    with pytest.raises(ValidationError, match="guidance"):
        Rubric.model_validate(mini_rubric([{"id": "s", "title": "t", "points": 1, "rule": rule}]))
