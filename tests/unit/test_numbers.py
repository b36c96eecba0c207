"""Numbers as clerks write them: read correctly, or refused clearly."""

from decimal import Decimal as D
from typing import Any

import pytest

from helpers import load_yaml
from selfeval.errors import InvalidValue
from selfeval.i18n import Lang
from selfeval.numbers import check_finite, fmt, parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("910.38万元", D("910.38"), "万元"),
        ("９１０．３８万元", D("910.38"), "万元"),
        ("12,325户", D(12325), "户"),
        ("12,325.5 元/月", D("12325.5"), "元/月"),
        ("98%", D(98), "%"),
        ("98％", D(98), "%"),
        ("-3", D(-3), None),
        ("42", D(42), None),
    ],
)
def test_read(text: str, value: D, unit: str | None) -> None:
    assert parse_quantity(text) == (value, unit)


@pytest.mark.parametrize("text", ["1,23", "1e5", "abc", "", "12,32,5", "1.2.3", "五百", "1 2"])
def test_refused(text: str) -> None:
    with pytest.raises(InvalidValue) as e:
        parse_quantity(text)
    assert "cannot read" in e.value.message.text(Lang.EN)


def test_finite() -> None:
    with pytest.raises(ValueError):
        check_finite(D("NaN"))
    with pytest.raises(ValueError):
        check_finite(D("-Infinity"))
    assert check_finite(D(1)) == 1


@pytest.mark.parametrize(
    ("value", "text"),
    [(D("2.000"), "2"), (D("0.50"), "0.5"), (D("611.8309"), "611.83"), (D("1E+2"), "100"), (D("-0"), "0")],
)
def test_fmt(value: D, text: str) -> None:
    assert fmt(value) == text


def test_units_of_one_kind_convert_exactly() -> None:
    from selfeval.units import convert, same_kind

    assert convert(D("9103800"), "元", "万元") == D("910.38")
    assert convert(D("1.5"), "万人", "人") == 15000
    assert convert(D(3), "个百分点", "%") == 3 and same_kind("名", "人")
    with pytest.raises(InvalidValue) as e:
        convert(D(1), "人", "元")
    assert "measure different things" in e.value.message.text(Lang.EN)


def test_a_figure_in_yuan_is_read_in_wan_yuan(tmp_path: Any) -> None:

    from helpers import DATA, score_file, write_yaml

    data = load_yaml(DATA)
    data["figures"]["urban_dibao_funds"] = "9103800元"
    assert score_file(write_yaml(tmp_path / "d.yaml", data)).total == score_file().total


def test_a_small_amount_is_never_shown_as_zero() -> None:
    from decimal import Decimal

    from selfeval.numbers import fmt

    assert [fmt(Decimal(v)) for v in ("5E-7", "0.004", "0.0049", "-0.001", "0.005", "0.00", "123.456")] == [
        "0.0000005",
        "0.004",
        "0.0049",
        "-0.001",
        "0.01",
        "0",
        "123.46",
    ]
