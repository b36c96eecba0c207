"""The project table's models (:mod:`selfeval.forms.project_table.models`): cells read as the table
writes them, the rubric's levels and comparators, and the rows as figures and claims that remember
the cell they came from."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from helpers import TABLE_DATA, evaluate_file, table
from selfeval.errors import InputError
from selfeval.forms.project_table.cells import read_cell
from selfeval.forms.project_table.models import Row, TableData, level_name, stated_weight

D = Decimal


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


def test_a_level_is_named_without_spaces_or_its_weight() -> None:
    assert level_name("产出 指标 (50分 )") == level_name("产出指标（50分）") == "产出指标"
    rubric = evaluate_file(TABLE_DATA).rubric.rubric
    output = rubric.level_of("产出（50分）")
    assert output is not None and output.id == "output" and output.matches("产 出 指 标")  # an alias, a PDF's spaces
    assert rubric.level_of("产出指际") is None
    assert rubric.comparator_for("成本指标") == "<=" and rubric.comparator_for("数量指标") == ">="


def test_a_row_reads_its_cells_and_refuses_a_yes_for_a_number() -> None:
    row = Row.model_validate({"level": "产出指标", "target": "≥8755人", "actual": 8676, "points": 15})
    assert (row.target.comparator, row.target.value, row.actual.value, row.actual.unit) == (">=", 8755, 8676, None)
    assert row.units_agree and row.id is None
    assert Row.model_validate({"level": "产出指标", "target": "≥8755人", "points": 15}).actual.pending
    assert not Row.model_validate({"level": "产出", "target": "8755人", "actual": "1元", "points": 1}).units_agree
    with pytest.raises(ValidationError):
        Row.model_validate({"level": "产出指标", "target": True, "points": 15})
    with pytest.raises(ValidationError):
        Row.model_validate({"level": "产出指标", "target": "1", "points": 0})  # a row has points


# ----------------------------------------------------------------------------- the rows as figures and claims


def test_the_rows_become_figures_and_claims_that_remember_their_cells() -> None:
    data = evaluate_file(TABLE_DATA).result.data
    assert isinstance(data, TableData)
    assert [data.row_id(i) for i in range(len(data.indicators))] == ["r1", "r2", "r3", "r4", "r5", "r6"]
    r1 = data.figures["r1_target"]
    assert (r1.value, r1.title) == (8755, "全县参合人数（年度指标值）")
    assert data.figures["funding_budget"].unit == "万元" and data.figures["funding_rate"].unit == "%"
    assert data.figures["funding_initial"].unknown  # 未知 in the table
    assert data.claims == {"funding": 9, "total": 94, "r1": 13, "r2": 15, "r3": 10, "r4": 10, "r5": 27, "r6": 9}
    assert data.points == {"funding": 10, "total": 100}
    assert data.where(("claims", "r1")) == ("indicators", 0, "score")
    assert data.where(("figures", "r4_actual")) == ("indicators", 3, "actual")
    assert data.where(("claims", "total")) == ("total", "score")
    assert data.where(("figures", "towns")) == ("figures", "towns")  # a value written where it is


def test_units_of_one_kind_convert_exactly(tmp_path: Path) -> None:
    by = nodes(table(tmp_path, r1={"target": "≥8755人", "actual": "0.8676万人"}))
    assert by["r1"].score == D(8676) / D(8755) * 15


@pytest.mark.parametrize(
    ("target", "actual", "score"),
    [
        ("≥0.9万", "8676", D(8676) / D(9000) * 15),  # 8676万 would be 10,000 times the target
        ("≥1.2万人", "11500", D(11500) / D(12000) * 15),
        ("≥0.9万", "0.86", D("0.86") / D("0.9") * 15),  # 0.86 itself would be 1/10,000 of it: 0.86万
        ("≥65.66万元", "65.07", D("65.07") / D("65.66") * 15),  # a money column's unit, unwritten
        ("≥8755", "8676", D(8676) / D(8755) * 15),  # no 万 anywhere: nothing to choose
    ],
)
def test_an_actual_without_unit_is_read_as_the_row_can_mean_it(
    tmp_path: Path, target: str, actual: str, score: Decimal
) -> None:
    by = nodes(table(tmp_path, r1={"target": target, "actual": actual}))
    assert by["r1"].score == score


def test_an_actual_without_unit_that_could_be_either_is_refused_at_its_cell(tmp_path: Path) -> None:
    # under 2千, 50 could be 50 (2.5%) or 50千 (25 times): a thousandfold choice no rule may make
    with pytest.raises(InputError) as e:
        evaluate_file(table(tmp_path, r1={"target": "≥2千", "actual": "50"}))
    said = "\n".join(p.message for p in e.value.problems)
    assert "无法判断" in said and "50千" in said


def test_a_row_with_its_own_id_keeps_it(tmp_path: Path) -> None:
    data = evaluate_file(table(tmp_path, r2={"id": "coverage"})).result.data
    assert data.row_id(1) == "coverage" and "coverage_actual" in data.figures and "r2_actual" not in data.figures
    assert data.claims["coverage"] == 15
