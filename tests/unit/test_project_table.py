"""The project self-evaluation table (财预〔2020〕10号): reading cells, the rules, ranges, units."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import TABLE_DATA, TABLE_FILED, evaluate_file, write_yaml
from selfeval.errors import InputError
from selfeval.forms.project_table.models import read_cell, stated_weight
from selfeval.numbers import quantize

D = Decimal


def table(tmp_path: Path, name: str = "t.yaml", **changes: Any) -> Path:
    """A copy of 稷山's table with top-level parts replaced, or rows changed by index: ``r1={...}``."""
    data = yaml.safe_load(TABLE_DATA.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if re.fullmatch(r"r\d+", key):
            data["indicators"][int(key[1:]) - 1].update(value)
        else:
            data[key] = value
    return write_yaml(tmp_path / name, data)


def nodes(path: Path) -> dict[str, Any]:
    return evaluate_file(path).result.by_id()


# ----------------------------------------------------------------------------- cells


@pytest.mark.parametrize(
    ("cell", "comparator", "value", "unit"),
    [
        ("≥8755人", ">=", "8755", "人"),
        ("＞90%", ">=", "90", "%"),
        ("≤75元", "<=", "75", "元"),
        ("不高于 1.5万元", "<=", "1.5", "万元"),
        ("=100%", "=", "100", "%"),
        ("8755", None, "8755", None),
        ("75元", None, "75", "元"),
    ],
)
def test_a_cell_is_read_as_the_table_writes_it(cell: str, comparator: str | None, value: str, unit: str | None) -> None:
    got = read_cell(cell)
    assert (got["comparator"], got["value"], got["unit"]) == (comparator, D(value), unit)
    assert got["text"] == cell


def test_qualitative_unknown_and_blank_cells() -> None:
    assert read_cell("达到预期") == {"text": "达到预期"}
    assert read_cell("未知")["unknown"] is True
    assert read_cell(None)["pending"] is True
    with pytest.raises(ValueError):
        read_cell("≥很多")  # a comparator promises a number


def test_the_weight_a_level_cell_states() -> None:
    assert stated_weight("产出 指标 (50分 )") == 50
    assert stated_weight("满意度指标") is None


# ----------------------------------------------------------------------------- the rules


def test_jishan_scores_by_the_usual_rules() -> None:
    ev = evaluate_file(TABLE_DATA)
    r = ev.result
    by = r.by_id()
    # the execution rate × 10, and 8676 of 8755 of the row's 15 points
    assert by["funding"].rounded == quantize(D("65.07") / D("65.66") * 10, 2) == D("9.91")
    assert by["r1"].rounded == quantize(D(8676) / D(8755) * 15, 2) == D("14.86")
    assert [by[f"r{i}"].rounded for i in range(2, 7)] == [15, 10, 10, 30, 10]
    assert r.total == quantize(D("65.07") / D("65.66") * 10 + D(8676) / D(8755) * 15 + 75, 2)
    assert r.claimed_total == 94
    assert r.grade == "优"


def test_a_cost_ceiling_missed_scores_target_over_actual(tmp_path: Path) -> None:
    by = nodes(table(tmp_path, r4={"actual": "80元"}))
    assert by["r4"].score == D(75) / D(80) * 10  # 成本指标: ≤ by the rubric's default


def test_a_comparator_written_overrides_the_default(tmp_path: Path) -> None:
    by = nodes(table(tmp_path, r4={"target": "≥75元", "actual": "80元"}))
    assert by["r4"].score == 10
    assert not by["r4"].node.assumed


def test_an_equal_target_scores_full_only_when_met(tmp_path: Path) -> None:
    by = nodes(table(tmp_path, r2={"target": "=100%", "actual": "98%"}))
    assert by["r2"].score == D(98) / D(100) * 15


def test_a_missed_target_scores_in_proportion(tmp_path: Path) -> None:
    by = nodes(table(tmp_path, r5={"actual": "76%"}))
    assert by["r5"].score == D(76) / D(95) * 30


def test_execution_over_budget_is_capped(tmp_path: Path) -> None:
    funding = yaml.safe_load(TABLE_DATA.read_text(encoding="utf-8"))["funding"]
    by = nodes(table(tmp_path, funding={**funding, "spent": 70, "rate": "107%"}))
    assert by["funding"].score == 10


def test_a_qualitative_row_is_judged_in_tiers(tmp_path: Path) -> None:
    judged = {"tier": "部分达成", "points": 20, "reason": "部分乡镇未覆盖"}
    row = {"target": "达到预期", "actual": "基本达到", "judgement": judged}
    by = nodes(table(tmp_path, r5=row))
    assert by["r5"].score == 20


def test_a_qualitative_row_without_a_judgement_is_a_range(tmp_path: Path) -> None:
    by = nodes(table(tmp_path, r5={"target": "达到预期", "actual": "达到预期"}))
    assert (by["r5"].score, by["r5"].top) == (0, 30)


def test_an_unknown_cell_gives_a_range_never_a_silent_zero(tmp_path: Path) -> None:
    r = evaluate_file(table(tmp_path, r1={"actual": "未知"})).result
    assert (r.by_id()["r1"].score, r.by_id()["r1"].top) == (0, 15)
    assert r.ranged
    assert r.total == quantize(D("65.07") / D("65.66") * 10 + 75, 2)
    assert r.total_high == quantize(D("65.07") / D("65.66") * 10 + 90, 2)
    assert r.grade != r.grade_high  # 中 … 优


def test_units_of_one_kind_convert_exactly(tmp_path: Path) -> None:
    by = nodes(table(tmp_path, r1={"target": "≥8755人", "actual": "0.8676万人"}))
    assert by["r1"].score == D(8676) / D(8755) * 15


def test_units_of_different_kinds_are_refused_with_the_line(tmp_path: Path) -> None:
    path = table(tmp_path, r1={"target": "≥8755人", "actual": "8676元"})
    with pytest.raises(InputError) as err:
        evaluate_file(path)
    [p] = err.value.problems
    assert p.line == path.read_text(encoding="utf-8").splitlines().index("  actual: 8676元") + 1
    assert "人" in p.message and "元" in p.message


def test_a_level_the_rubric_does_not_know_is_refused_with_a_suggestion(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        evaluate_file(table(tmp_path, r1={"level": "产出指际"}))
    assert any("产出指标" in p.message for p in err.value.problems)


# ----------------------------------------------------------------------------- the file


def test_every_number_of_the_published_table_is_in_the_data_file() -> None:
    published = TABLE_FILED.read_text(encoding="utf-8").split("A. 存储副本原文", 1)[1].split("B. 逐行整理")[0]
    published = re.sub(r"指标\d+", "", published)  # 指标1: numbers a row; the file lists rows in order
    numbers = set(re.findall(r"\d+(?:\.\d+)?", published))
    data = set(re.findall(r"\d+(?:\.\d+)?", TABLE_DATA.read_text(encoding="utf-8")))
    assert numbers - data == set()
