"""The ``tiers`` rule kind: an assessor names the tier of achievement, the score stays within its share."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D

from helpers import one_leaf

RULE = {
    "kind": "tiers",
    "tiers": [
        {"name": "达成", "low": "0.8", "high": 1},
        {"name": "部分达成", "low": "0.5", "high": "0.8"},
        {"name": "未达成", "low": 0, "high": "0.5"},
    ],
}
REASON = "部分乡镇救助时效未达要求"


def test_points_within_the_tier_are_the_score() -> None:
    r = one_leaf(RULE, 4, judgements={"x": {"tier": "部分达成", "points": 3, "reason": REASON}})
    assert r.score == 3 and not r.ranged
    assert r.explanation == f"评定为“部分达成”（50%–80%）：{REASON}，得3分"
    assert r.used == ["judgements.x"] and r.missing == []


def test_points_outside_the_tier_are_kept_at_its_bounds() -> None:
    above = one_leaf(RULE, 4, judgements={"x": {"tier": "部分达成", "points": "3.5", "reason": REASON}})
    assert above.score == D("3.2")
    assert above.explanation == f"评定为“部分达成”（50%–80%）：{REASON}，得3.2分（评定3.5分超出本档，按本档界限计）"
    below = one_leaf(RULE, 4, judgements={"x": {"tier": "达成", "points": 1, "reason": "基本生活得到保障"}})
    assert below.score == D("3.2")


def test_a_tier_without_points_scores_its_range() -> None:
    r = one_leaf(RULE, 4, judgements={"x": {"tier": "部分达成", "reason": REASON}})
    assert (r.score, r.top, r.ranged) == (2, D("3.2"), True)
    assert r.explanation == f"评定为“部分达成”（50%–80%）：{REASON}；未给分数，得分在2至3.2分之间"
    bottom = one_leaf(RULE, 4, judgements={"x": {"tier": "未达成", "points": 0, "reason": "未开展回访"}})
    assert (bottom.score, bottom.ranged) == (0, False)


def test_before_anyone_has_judged_the_score_is_the_whole_range() -> None:
    r = one_leaf(RULE, 4)
    assert (r.score, r.top, r.ranged) == (0, 4, True)
    assert r.explanation == "定性指标尚未评定完成档次，得分在0至4分之间"
    assert r.missing == ["judgements.x"] and r.gap == "由评审写明完成档次和理由"
    points_only = one_leaf(RULE, 4, judgements={"x": {"points": 4, "reason": "成效明显"}})
    assert (points_only.score, points_only.top) == (0, 4)


def test_describe(describe: Callable[..., str]) -> None:
    assert describe(RULE, 4) == "按完成档次评定（达成80%–100%，部分达成50%–80%，未达成0%–50%），须写明理由"
