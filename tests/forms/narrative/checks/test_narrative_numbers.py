"""narrative-number: a number written in an item's text against the item's figures; with it
narrative-unchecked (a number tied to no figure) and reference-unit (``{key}`` followed by another unit)."""

from __future__ import annotations

from helpers import check, leaf, mini_rubric
from selfeval.problems import Severity

# 第8项 临时救助: scored on the per-capita amount, and the report cites the funds and the persons.
RUBRIC = mini_rubric(
    [
        {
            "id": "s1",
            "number": "二",
            "title": "临时救助",
            "points": 2,
            "children": [
                leaf(
                    "c08",
                    2,
                    {"kind": "threshold", "metric": "temp_aid_pc", "op": ">=", "value": 1219},
                    number="8",
                    title="临时救助水平",
                )
            ],
        }
    ],
    figures={
        "temp_aid_pc": {"title": "临时救助人均救助水平", "unit": "元"},
        "temp_aid_persons": {"title": "临时救助城乡困难群众人数", "unit": "人"},
        "temp_aid_funds": {"title": "全年支付临时救助资金", "unit": "万元"},
    },
)
HEAD = """\
subject: {name: 平罗县, year: 2020}
rubric: {id: mini, version: "1"}
figures: {temp_aid_pc: 1727, temp_aid_persons: 3118, temp_aid_funds: 538.5}
claims: {c08: 2}
items:
  c08:
    narrative:
"""


def test_a_number_that_contradicts_its_figure_is_placed_at_its_text() -> None:
    (f,) = check(
        HEAD
        + """\
      - text: 全年共救助城乡困难群众{temp_aid_persons}人，支付临时救助资金{temp_aid_funds}万元
      - text: 临时救助人均救助1827元，高于全区人均救助水平
        score: c08
""",
        RUBRIC,
        "narrative-number",
        (9, 9),
    )
    assert f.severity is Severity.ERROR and f.subject == "c08"
    assert f.values == {"stated": "1827", "expected": "1727", "figure": "temp_aid_pc"}
    assert "第8项文字写“临时救助人均救助1827元”" in f.message and "{temp_aid_pc}" in f.message


def test_figures_written_out_and_what_is_not_a_quantity_pass() -> None:
    # 1727 is the figure itself; 2020年3月, 第3次, 平民发〔2020〕34号 and the cited title are not quantities.
    text = "2020年3月起第3次提高临时救助水平，按《2020年临时救助100条》（平民发〔2020〕34号），人均救助1727元"
    for code in ("narrative-number", "narrative-unchecked"):
        check(HEAD + f"      - text: {text}\n        score: c08\n", RUBRIC, code)


def test_a_number_tied_to_no_figure_is_a_note() -> None:
    # Nothing states how many households were visited, so nothing has checked the 300.
    (f,) = check(
        HEAD + "      - text: 人均救助{temp_aid_pc}元，全年走访困难家庭300户\n        score: c08\n",
        RUBRIC,
        "narrative-unchecked",
        (8, 9),
    )
    assert f.severity is Severity.INFO and f.values == {"stated": "300"} and "300户" in f.message


def test_a_reference_followed_by_another_unit() -> None:
    # temp_aid_funds is in 万元: "{temp_aid_funds}元" would print 538.5元.
    (f,) = check(
        HEAD + "      - text: 全年支付临时救助资金{temp_aid_funds}元\n        score: c08\n",
        RUBRIC,
        "reference-unit",
        (8, 9),
    )
    assert f.severity is Severity.WARNING and f.values == {"stated": "元", "expected": "万元"}
