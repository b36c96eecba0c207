"""The ``tiers`` rule kind: an assessor names the tier of achievement, the score stays within its share."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path

from helpers import TABLE_RUBRIC, one_leaf
from selfeval.i18n import Lang
from selfeval.inputs import Library, check_file
from selfeval.problems import Severity
from selfeval.rules.tiers import TiersRule

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


def _flaws(*tiers: tuple[str, str, str]) -> list[tuple[str, tuple[str | int, ...]]]:
    rule = TiersRule.model_validate(
        {"kind": "tiers", "tiers": [{"name": n, "low": lo, "high": hi} for n, lo, hi in tiers]}
    )
    return [(f.message.text(Lang.ZH), f.at) for f in rule.check(D(4))]


def test_tiers_that_share_their_ends_cover_every_score() -> None:
    assert _flaws(("达成", "0.8", "1"), ("部分达成", "0.6", "0.8"), ("未达成", "0", "0.6")) == []
    assert _flaws(("未达成", "0", "0.6"), ("部分达成", "0.6", "0.8"), ("达成", "0.8", "1")) == []  # any order
    assert _flaws(("达到预期", "0", "1")) == []
    assert _flaws(("达成", "1", "1"), ("未完全达成", "0", "1")) == []  # a tier inside another shares its end


def test_a_share_no_tier_holds_is_an_error_at_the_tier() -> None:
    gap = "70%至80%之间没有档次：得分为本项分值的75%时无档可归，会被改到所评档次的界限"
    assert _flaws(("达成", "0.8", "1"), ("部分达成", "0.5", "0.7"), ("未达成", "0", "0.5")) == [(gap, ("tiers", 1))]
    low = "0%至20%之间没有档次：得分为本项分值的10%时无档可归，会被改到所评档次的界限"
    assert _flaws(("达成", "0.8", "1"), ("未达成", "0.2", "0.8")) == [(low, ("tiers", 1))]
    high = "95%至100%之间没有档次：得分为本项分值的97.5%时无档可归，会被改到所评档次的界限"
    assert _flaws(("达成", "0.8", "0.95"), ("未达成", "0", "0.8")) == [(high, ("tiers", 0))]
    tiny = _flaws(("达成", "0.801", "1"), ("未达成", "0", "0.8"))  # exact: a thousandth is a gap
    assert tiny == [("80%至80.1%之间没有档次：得分为本项分值的80.05%时无档可归，会被改到所评档次的界限", ("tiers", 1))]


def test_overlapping_empty_and_twice_named_tiers_are_errors() -> None:
    overlap = _flaws(("达成", "0.7", "1"), ("部分达成", "0.6", "0.8"), ("未达成", "0", "0.6"))
    assert overlap == [("两档重叠：“部分达成”（60%–80%）与“达成”（70%–100%）", ("tiers", 1))]
    assert _flaws(("达成", "1", "0.8"), ("未达成", "0", "0.8")) == [("档次“达成”的下限100%高于上限80%", ("tiers", 0))]
    twice = _flaws(("达成", "0.8", "1"), ("达成", "0", "0.8"))
    assert twice == [("档次名称“达成”与第1档重复：评定为“达成”的只会按第1档计", ("tiers", 1, "name"))]


def test_the_project_tables_qualitative_tiers_are_checked_at_their_line(tmp_path: Path) -> None:
    text = TABLE_RUBRIC.read_text(encoding="utf-8")
    old = "    - {name: 部分达成, low: 0.6, high: 0.8}\n"
    assert old in text
    path = tmp_path / "table.yaml"
    path.write_text(text.replace(old, "    - {name: 部分达成, low: 0.6, high: 0.75}\n"), encoding="utf-8")
    (p,) = check_file(path, Library())
    assert p.severity is Severity.ERROR and p.line == text[: text.index(old)].count("\n") + 1
    assert p.message == "75%至80%之间没有档次：得分为本项分值的77.5%时无档可归，会被改到所评档次的界限"
    assert check_file(TABLE_RUBRIC, Library()) == []
