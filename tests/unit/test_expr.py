"""The safe arithmetic of rubric metrics."""

from decimal import Decimal as D

import pytest

from selfeval.errors import ExprSyntaxError, MissingValue, Undefined
from selfeval.expr import parse_expr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.5 + 1.5", D("2.0")),
        ("1 + 2 * 3", D(7)),
        ("(1 + 2) * 3", D(9)),
        ("-2 + 5", D(3)),
        ("10 / 4", D("2.5")),
        ("min(3, 1, 2)", D(1)),
        ("max(3, 1, 2)", D(3)),
        ("round(2 / 3, 2)", D("0.67")),
        ("round(2.5)", D(3)),
        ("abs(-4)", D(4)),
        ("6 ÷ 3 × 2", D(4)),
    ],
)
def test_arithmetic_is_exact(text: str, expected: D) -> None:
    assert parse_expr(text).evaluate({}) == expected


def test_names_and_values() -> None:
    e = parse_expr("funds * 10000 / persons")
    assert e.names == {"funds", "persons"}
    assert e.evaluate({"funds": D("910.38"), "persons": D(15293)}).quantize(D("0.01")) == D("595.29")


def test_point_five_plus_one_point_five_is_two() -> None:
    assert parse_expr("a + b").evaluate({"a": D("0.5"), "b": D("1.5")}) == 2


@pytest.mark.parametrize(
    ("text", "pos"),
    [("1 +", 3), ("(1", 2), ("foo(1)", 0), ("1 $ 2", 2), ("", 0), ("1 2", 2), ("__import__('os')", 11)],
)
def test_syntax_errors_point_at_the_problem(text: str, pos: int) -> None:
    with pytest.raises(ExprSyntaxError) as e:
        parse_expr(text)
    assert e.value.pos == pos


def test_missing_name_and_division_by_zero() -> None:
    with pytest.raises(MissingValue) as e:
        parse_expr("a + b").evaluate({"a": D(1)})
    assert e.value.name == "b"
    with pytest.raises(Undefined):
        parse_expr("a / b").evaluate({"a": D(1), "b": D(0)})


def test_no_python_evaluation() -> None:
    # Attribute access, calls of unknown names and strings are not part of the language.
    for text in ["a.b", "open(1)", "'x'", "a[0]", "lambda: 1"]:
        with pytest.raises(ExprSyntaxError):
            parse_expr(text)


def test_round_to_tens_and_half_up() -> None:
    assert parse_expr("round(1234.5, -1)").evaluate({}) == D(1230)
    assert parse_expr("round(2.345, 2)").evaluate({}) == D("2.35")
