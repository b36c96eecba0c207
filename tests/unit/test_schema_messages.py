"""A name looked up in a rubric that names nothing is told what was meant, in Chinese: a rule
kind, a key inside a rule, a comparator written as a symbol; and each YAML slip a clerk makes
is said in words with what to do, never in libyaml's English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import leaf, mini_rubric, write_yaml
from selfeval.errors import InputError
from selfeval.i18n import closest
from selfeval.inputs import Library
from selfeval.load import parse


def _problems(tmp_path: Path, rule: dict[str, Any]) -> list[str]:
    rubric = mini_rubric([leaf("c1", 4, rule)], figures={"rate": {"title": "满意度", "unit": "%"}})
    path = write_yaml(tmp_path / "r.yaml", rubric)
    with pytest.raises(InputError) as e:
        Library().load(path)
    return [p.message for p in e.value.problems]


def test_a_misspelt_kind_is_told_the_kind_meant(tmp_path: Path) -> None:
    (said,) = _problems(tmp_path, {"kind": "thresold", "metric": "rate", "op": ">=", "value": 90})
    assert "未知的类型“thresold”；是否应为“threshold”？" in said


def test_a_misspelt_key_inside_a_rule_is_told_once_as_what_it_was_meant_to_be(tmp_path: Path) -> None:
    (said,) = _problems(tmp_path, {"kind": "threshold", "metirc": "rate", "op": ">=", "value": 90})
    assert "未知的键“metirc”；是否应为“metric”？" in said
    assert ".threshold" not in said  # the path as the file writes it, not pydantic's tag


@pytest.mark.parametrize(
    ("op", "meant"), [("≥", ">="), ("≧=", ">="), ("＞", ">"), ("＞＝", ">="), ("≤", "<="), ("=", "==")]
)
def test_a_comparator_written_as_a_symbol_is_told_its_ascii(tmp_path: Path, op: str, meant: str) -> None:
    (said,) = _problems(tmp_path, {"kind": "threshold", "metric": "rate", "op": op, "value": 90})
    assert f"比较符须用半角（英文）符号书写，可用：>=、>、<=、<、==；“{op}”应写作“{meant}”" in said
    assert "Input should" not in said


def test_the_indicator_comparator_too(tmp_path: Path) -> None:
    rule = {"kind": "indicator", "actual": "rate", "target": "90", "comparator": "≥"}
    (said,) = _problems(tmp_path, rule)
    assert "“≥”应写作“>=”" in said and "可用：>=、<=、=" in said


def test_a_value_that_is_no_comparator_lists_the_allowed_in_chinese(tmp_path: Path) -> None:
    (said,) = _problems(tmp_path, {"kind": "threshold", "metric": "rate", "op": "gt", "value": 90})
    assert "“gt”不是可用的值；可用：>=、>、<=、<、==" in said


def test_english_on_request(tmp_path: Path) -> None:
    rubric = mini_rubric([leaf("c1", 4, {"kind": "threshold", "metric": "rate", "op": "≥", "value": 1})])
    path = write_yaml(tmp_path / "r.yaml", rubric)
    with pytest.raises(InputError) as e:
        Library().load(path)
    assert "write '≥' as '>='" in e.value.problems[0].message_en


def test_one_slip_is_enough_to_suggest() -> None:
    assert closest("metirc", ["metric", "op"]) == "metric"  # two letters swapped
    assert closest("pionts", ["points", "type"]) == "points"
    assert closest("valu", ["value", "against"]) == "value"
    assert closest("xyz", ["metric"]) is None
    assert closest("ab", ["ba"]) is None  # too short to guess


YAML_SLIPS = {
    "indented-more": ("subject:\n  name: 平罗县\n   year: 2020\n", (3, 4), "比上一行的键多缩进了"),
    "indented-less": ("subject:\n  name: 平罗县\n year: 2020\n", (3, 2), "没有对齐"),
    "tab": ("subject:\n\tname: 平罗县\n", (2, 1), "制表符 Tab"),
    "unclosed-quote": ('subject:\n  name: "平罗县\n  year: 2020\n', (2, 9), '引号 " 没有闭合'),
    "colon-in-value": ("subject:\n  name: 平罗县: 石嘴山\n", (2, 12), 'name: "平罗县: 石嘴山"'),
    "duplicate-key": ("subject:\n  name: 平罗县\n  name: 惠农区\n", (3, 3), "键名“name”重复（第一次在第 2 行）"),
    "list-item": ("figures:\n  - a: 1\n  b: 2\n", (3, 3), "没有以“- ”开头"),
    "bracket": ("a: [1, 2\nb: 3\n", (2, 2), "方括号 [ 没有闭合"),
}


@pytest.mark.parametrize("slip", list(YAML_SLIPS))
def test_each_yaml_slip_is_said_in_chinese_at_its_place(slip: str) -> None:
    text, where, said = YAML_SLIPS[slip]
    with pytest.raises(InputError) as e:
        parse(text, "x.yaml")
    (p,) = e.value.problems
    assert (p.line, p.col) == where, p.message
    assert said in p.message
    for english in ("mapping values", "while parsing", "expected", "found", "scanning"):
        assert english not in p.message, p.message
