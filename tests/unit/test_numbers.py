"""Numbers as clerks write them: read correctly, or refused clearly."""

from decimal import Decimal as D

import pytest

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
    with pytest.raises(ValueError, match="cannot read"):
        parse_quantity(text)


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
