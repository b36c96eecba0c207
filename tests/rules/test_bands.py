"""The ``bands`` rule kind: the band a figure falls in (min ≤ value < max) gives its points."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from helpers import RUBRIC, mini_rubric, one_leaf
from selfeval.cli import app
from selfeval.forms.narrative.models import NarrativeRubric as Rubric
from selfeval.i18n import Lang
from selfeval.rules.bands import BandsRule
from selfeval.rules.base import Flaw

RATE = {"figures": {"rate": {"title": "满意度", "unit": "%"}}}
RULE = {"kind": "bands", "metric": "rate", "bands": [{"min": 95, "points": 3}, {"min": 90, "max": 95, "points": 2}]}


def test_bands() -> None:
    rule = {"kind": "bands", "metric": "rate", "bands": [{"min": 95, "points": 3}, {"min": 90, "max": 95, "points": 2}]}
    assert one_leaf(rule, 3, figures={"rate": 98}).score == 3
    assert one_leaf(rule, 3, figures={"rate": 95}).score == 3
    assert one_leaf(rule, 3, figures={"rate": D("94.9")}).score == 2
    assert one_leaf(rule, 3, figures={"rate": 80}).score == 0


def test_the_explanation_names_the_band_and_the_gap_the_best_one() -> None:
    top = one_leaf(RULE, 3, rubric_extra=RATE, figures={"rate": D("96.5")})
    assert (top.explanation, top.used, top.gap) == ("满意度为96.5%，在95%以上一档，得3分", ["rate"], None)
    middle = one_leaf(RULE, 3, rubric_extra=RATE, figures={"rate": 90})
    assert middle.score == 2
    assert middle.explanation == "满意度为90%，在90%至95%（不含95%）一档，得2分"
    assert middle.gap == "需满意度达到95%以上"
    below = one_leaf(RULE, 3, rubric_extra=RATE, figures={"rate": D("89.99")})
    assert below.score == 0
    assert below.explanation == "满意度为89.99%，不在任何得分档内，不得分"
    assert below.gap == "需满意度达到95%以上"


def test_an_open_lower_band_and_a_band_above_the_node() -> None:
    rule = {"kind": "bands", "metric": "rate", "bands": [{"max": 5, "points": 5}, {"min": 5, "points": 1}]}
    low = one_leaf(rule, 4, rubric_extra=RATE, figures={"rate": 2})
    assert low.score == 4 and low.explanation == "满意度为2%，在低于5%一档，得4分"
    assert one_leaf(rule, 4, rubric_extra=RATE, figures={"rate": 5}).score == 1


def test_an_unknown_figure_scores_a_range_and_a_missing_one_nothing() -> None:
    unknown = one_leaf(RULE, 3, rubric_extra=RATE, figures={"rate": "未知"})
    assert (unknown.score, unknown.top, unknown.ranged) == (0, 3, True)
    missing = one_leaf(RULE, 3, rubric_extra=RATE)
    assert (missing.score, missing.ranged, missing.missing) == (0, False, ["rate"])
    assert missing.explanation == "缺少数据“满意度”（figures.rate），不得分"


def _flaws(bands: list[dict[str, Any]], node: int = 3) -> list[Flaw]:
    return BandsRule.model_validate({"kind": "bands", "metric": "rate", "bands": bands}).check(D(node))


def _check(bands: list[dict[str, Any]], node: int = 3) -> list[str]:
    return [f.message.key for f in _flaws(bands, node)]


def test_check_finds_empty_overlapping_disordered_and_unreachable_bands() -> None:
    assert _check(RULE["bands"]) == []
    assert _check([{"min": 90, "max": 95, "points": 2}, {"min": 95, "points": 3}]) == []  # rising is fine too
    assert _check([{"min": 95, "max": 90, "points": 3}]) == ["band-empty"]
    assert _check([{"min": 95, "points": 4}]) == ["band-too-many"]
    overlapping = [{"min": 90, "points": 3}, {"min": 80, "max": 95, "points": 2}]
    assert _check(overlapping) == ["band-overlap"]
    disordered = [{"min": 90, "max": 95, "points": 2}, {"min": 95, "points": 3}, {"max": 90, "points": 1}]
    assert _check(disordered) == ["band-order"]
    assert _check([{"min": 90, "max": 95, "points": 2}]) == ["band-unreachable"]
    (overlap,) = _flaws(overlapping)
    assert (overlap.message.text(Lang.ZH), overlap.at) == ("两档重叠：80～95 与 90～", ())
    (empty,) = _flaws([{"min": 95, "points": 3}, {"min": 90, "max": 80, "points": 1}])
    assert empty.at == ("bands", 1)  # at the band itself


def test_a_gap_between_two_bands_is_an_error_at_the_band_written_second() -> None:
    # 「96%–100%得3分，90%–95%得2分」 read as written: 95.5 (and 95 itself) is in no band, and 100 neither
    flaws = _flaws([{"min": 96, "max": 100, "points": 3}, {"min": 90, "max": 95, "points": 2}])
    assert [(f.message.text(Lang.ZH), f.at) for f in flaws] == [
        ("95至96之间没有分档：95或95.5会得0分（每档含下限、不含上限）", ("bands", 1)),
        (
            "得分最高的一档止于100（不含100）：100及以上反而会得0分；去掉这一档的 max，或在其上再加一档",
            ("bands", 0, "max"),
        ),
    ]
    assert flaws[0].message.text(Lang.EN) == (
        "no band covers 95 up to 96: 95 or 95.5 would score 0 (a band includes its min, not its max)"
    )
    gapped = RULE | {"bands": [{"min": 96, "points": 3}, {"min": 90, "max": 95, "points": 2}]}
    assert one_leaf(gapped, 3, figures={"rate": D("95.5")}).score == 0  # what the error is about


@pytest.mark.parametrize(
    "bands",
    [
        [{"min": 95, "points": 3}, {"min": 90, "max": 95, "points": 2}],  # 90–95 then 95–: the bound is shared
        [{"min": D("95.0"), "points": 3}, {"min": 90, "max": 95, "points": 2}],  # 95.0 is 95
        [{"min": D("99.990"), "points": 3}, {"min": 90, "max": D("99.99"), "points": 2}],
        [{"max": 1, "points": 3}, {"min": 1, "max": 3, "points": 1}],  # 0起得3分，1–2起得1分, fewer is better
        [{"min": 80, "max": 90, "points": 1}, {"min": 90, "points": 3}],  # below the lowest: 「其余不得分」
        [{"max": 5, "points": 1}, {"min": 5, "max": 10, "points": 3}, {"min": 10, "points": 1}],  # best in the middle
        [{"min": 40, "max": 60, "points": 3}],  # one band: no better side to leave out
    ],
)
def test_bands_that_meet_leave_nothing_out(bands: list[dict[str, Any]]) -> None:
    assert _check(bands) == []


def test_a_gap_is_found_exactly_in_decimals() -> None:
    (gap,) = _flaws([{"min": 100, "points": 3}, {"min": 90, "max": D("99.99"), "points": 2}])
    assert gap.message.text(Lang.ZH) == "99.99至100之间没有分档：99.99或99.995会得0分（每档含下限、不含上限）"
    (tiny,) = _flaws([{"min": D("95.0001"), "points": 3}, {"min": 90, "max": D("95.000"), "points": 2}])
    assert tiny.message.text(Lang.ZH).startswith("95至95.0001之间没有分档：95或95.00005会得0分")


def test_a_count_written_as_if_bounds_were_inclusive_leaves_its_own_bound_out() -> None:
    # 「未发生得3分，发生1–2起得1分」 written max: 0 / min: 1: no accident at all would score nothing
    (gap,) = _flaws([{"max": 0, "points": 3}, {"min": 1, "max": 3, "points": 1}])
    assert gap.message.text(Lang.ZH) == "0至1之间没有分档：0或0.5会得0分（每档含下限、不含上限）"
    assert gap.at == ("bands", 1)
    (gap,) = _flaws([{"min": 0, "max": 5, "points": 1}, {"min": 6, "points": 3}])  # 0–5户, 6户以上
    assert gap.message.text(Lang.ZH).startswith("5至6之间没有分档：5或5.5会得0分")


def test_the_best_band_is_open_on_its_better_side() -> None:
    (floor,) = _flaws([{"min": 1, "max": 3, "points": 3}, {"min": 3, "max": 5, "points": 1}])  # fewer is better
    assert floor.message.key == "band-floor" and floor.at == ("bands", 0, "min")
    assert floor.message.text(Lang.ZH).startswith("得分最高的一档从1起：低于1反而会得0分")
    assert _check([{"min": 0, "max": 3, "points": 3}, {"min": 3, "max": 5, "points": 1}]) == []
    (ceiling,) = _flaws([{"min": 90, "max": 95, "points": 2}, {"min": 95, "max": 100, "points": 3}])
    assert ceiling.at == ("bands", 1, "max")


def test_describe(describe: Callable[..., str]) -> None:
    assert describe(RULE, 3, rubric_extra=RATE) == "满意度95%以上得3分，90%至95%（不含95%）得2分，其余不得分"


def test_no_bands_is_a_schema_error() -> None:
    rule = {"kind": "bands", "metric": "x", "bands": []}
    with pytest.raises(ValidationError, match="at least 1 item"):
        Rubric.model_validate(mini_rubric([{"id": "s", "title": "t", "points": 1, "rule": rule}]))


def test_validate_refuses_a_gap_at_the_bands_line(tmp_path: Path, runner: Any) -> None:
    text = RUBRIC.read_text(encoding="utf-8")
    old = "                - {min: 90, max: 95, points: 2}\n"
    new = "                - {min: 90, max: 94, points: 2}\n"
    assert old in text
    path = tmp_path / "rubric.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    line = text[: text.index(old)].count("\n") + 1
    (said,) = result.stdout.splitlines()
    assert said.startswith(f"{path}:{line}:")
    assert said.endswith(": error: c32: 94至95之间没有分档：94或94.5会得0分（每档含下限、不含上限）")
    assert "Traceback" not in result.output
