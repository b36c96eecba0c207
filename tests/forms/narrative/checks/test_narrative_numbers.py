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
    # temp_aid_funds is in 万元: "{temp_aid_funds}元" prints it converted, 5385000元, and says so.
    (f,) = check(
        HEAD + "      - text: 全年支付临时救助资金{temp_aid_funds}元\n        score: c08\n",
        RUBRIC,
        "reference-unit",
        (8, 9),
    )
    assert f.severity is Severity.INFO and f.values == {"stated": "元", "expected": "万元"}
    assert "报告换算为5385000元印出" in f.message


# 第40项 救助对象满意度: a % figure, its title, and the names counties give it.
SATISFACTION = mini_rubric(
    [
        {
            "id": "s3",
            "number": "三",
            "title": "社会满意率",
            "points": 3,
            "children": [
                leaf(
                    "c40",
                    3,
                    {"kind": "threshold", "metric": "satisfaction_pct", "op": ">=", "value": 90},
                    number="40",
                    title="救助对象满意度",
                )
            ],
        }
    ],
    figures={"satisfaction_pct": {"title": "救助对象满意度", "unit": "%", "aliases": ["困难群众满意率"]}},
)
SAT_HEAD = """\
subject: {name: 盐池县, year: 2020}
rubric: {id: mini, version: "1"}
figures: {satisfaction_pct: 84}
items:
  c40:
    narrative:
"""


def _sat(*texts: str) -> str:
    return SAT_HEAD + "".join(f"      - text: {t}\n" for t in texts)


def test_a_percentage_named_by_the_head_of_its_title_is_the_figure_whatever_the_clause_omits() -> None:
    # The subject is in the clause before; the clause with the number says only 满意度.
    (f,) = check(_sat("经抽查，县域内救助对象对救助工作满意，满意度达98%。"), SATISFACTION, "narrative-number", (7, 9))
    assert f.severity is Severity.ERROR
    assert f.values == {"stated": "98", "expected": "84", "figure": "satisfaction_pct"}
    assert "第40项文字写“满意度达98%”，但数据中“救助对象满意度”为84%" in f.message
    # …in the segment before, with a full-width sign; or nowhere but in the item's title
    check(_sat("经抽查，县域内救助对象对救助工作满意", "，满意度达９８％。"), SATISFACTION, "narrative-number", (8, 9))
    check(_sat("满意度达98%。"), SATISFACTION, "narrative-number", (7, 9))
    # a name the rubric gives it
    check(_sat("困难群众满意率达98%。"), SATISFACTION, "narrative-number", (7, 9))


def test_a_percentage_of_something_else_is_no_contradiction() -> None:
    for text in (
        "社会公众满意度达90%。",  # another subject
        "其中城市低保对象满意度为97%。",  # a part
        "城市低保对象满意度为97%。",  # a narrower subject
        "满意度比上年提高3%。",  # a change
        "上年救助对象满意度为90%。",  # another year
        "目标满意度达到90%。",  # a target
        "受访群众满意率达98%。",  # 群众满意率: not a name the rubric gives it
        "98%的受访对象表示满意。",  # the number before what it counts, which names nothing of the figure
        "满意度调查覆盖98%的乡镇。",  # 满意度调查 is no 满意度
    ):
        check(_sat(text), SATISFACTION, "narrative-number")
        check(_sat(text), SATISFACTION, "narrative-unchecked", (7, 9))


def test_a_bound_or_an_approximate_number_is_compared_as_it_says() -> None:
    for text in ("满意度达80%以上。", "满意度不低于80%。", "满意度超过80%。", "满意度近85%。", "满意度在90%以下。"):
        check(_sat(text), SATISFACTION, "narrative-number")
        check(_sat(text), SATISFACTION, "narrative-unchecked")
    for text in ("满意度达95%以上。", "满意度不低于90%。", "满意度近98%。", "满意度在80%以下。"):
        check(_sat(text), SATISFACTION, "narrative-number", (7, 9))


def test_amounts_convert_between_multiples_and_kinds_of_unit_never_mix() -> None:
    # The funds are the item's (the per-capita amount is worked out from them), typed in 万元.
    relation = {"kind": "derived", "id": "pc", "title": "人均", "figure": "temp_aid_pc", "node": "c08"}
    rubric = {**RUBRIC, "relations": [{**relation, "expr": "temp_aid_funds * 10000 / temp_aid_persons"}]}
    # 538.5万元 written in 元 is the figure; 5400000元 is not
    check(HEAD + "      - text: 支付临时救助资金5385000元\n", rubric, "narrative-number")
    check(HEAD + "      - text: 支付临时救助资金5385000元\n", rubric, "narrative-unchecked")
    (f,) = check(HEAD + "      - text: 支付临时救助资金5,400,000元\n", rubric, "narrative-number", (8, 9))
    assert f.values["figure"] == "temp_aid_funds" and "538.5万元" in f.message
    # 人次 counts no 人; 3200 households are no persons
    for text in ("临时救助城乡困难群众3200人次", "临时救助城乡困难群众3200户"):
        check(HEAD + f"      - text: {text}\n", rubric, "narrative-number")
    check(HEAD + "      - text: 临时救助城乡困难群众3200人\n", rubric, "narrative-number", (8, 9))


def test_of_two_figures_of_one_unit_the_one_named_nearest_the_number() -> None:
    # 559.9 is the county's level (right); 450 is the region's, which is 444 (wrong); 城市低保标准 is neither
    rubric = mini_rubric(
        [
            {
                "id": "s2",
                "number": "二",
                "title": "标准制定",
                "points": 4,
                "children": [
                    leaf(
                        "c05",
                        4,
                        {"kind": "threshold", "metric": "subsidy_pc", "op": ">=", "against": "region_pc"},
                        number="5",
                        title="城乡低保人均补助水平高于自治区规定",
                    )
                ],
            }
        ],
        figures={
            "subsidy_pc": {"title": "城市低保人均补助水平", "unit": "元"},
            "region_pc": {"title": "自治区规定城市低保人均补助水平", "unit": "元"},
        },
    )
    head = HEAD.replace("c08", "c05").replace(
        "{temp_aid_pc: 1727, temp_aid_persons: 3118, temp_aid_funds: 538.5}", "{subsidy_pc: 559.9, region_pc: 444}"
    )
    (f,) = check(
        head + "      - text: 人均补助水平559.9元，高于自治区规定的450元\n", rubric, "narrative-number", (8, 9)
    )
    assert f.values == {"stated": "450", "expected": "444", "figure": "region_pc"}
    check(head + "      - text: 城市低保标准为每人每月620元\n", rubric, "narrative-number")
    check(head + "      - text: 城市低保人均补助水平达到600元\n", rubric, "narrative-number", (8, 9))


def test_an_amount_per_month_is_read_with_or_without_its_per() -> None:
    rubric = mini_rubric(
        [
            {
                "id": "s2",
                "number": "二",
                "title": "标准制定",
                "points": 4,
                "children": [
                    leaf(
                        "c05",
                        4,
                        {"kind": "threshold", "metric": "standard", "op": ">=", "value": 500},
                        number="5",
                        title="城乡低保标准",
                    )
                ],
            }
        ],
        figures={"standard": {"title": "城市低保标准", "unit": "元/月"}},
    )
    head = HEAD.replace("c08", "c05").replace(
        "{temp_aid_pc: 1727, temp_aid_persons: 3118, temp_aid_funds: 538.5}", "{standard: 600}"
    )
    for text in ("城市低保标准为每人每月620元", "城市低保标准为620元/月", "城市低保标准提高到每人每月６２０元"):
        (f,) = check(head + f"      - text: {text}\n", rubric, "narrative-number", (8, 9))
        assert f.values == {"stated": "620", "expected": "600", "figure": "standard"} and "600元/月" in f.message
    for text in ("城市低保标准为每人每月600元", "城市低保标准为600元/月", "城市低保标准为620元/户"):
        check(head + f"      - text: {text}\n", rubric, "narrative-number")


def test_the_bundled_rubrics_names_for_satisfaction() -> None:
    # Pingluo's own sentence with the figure written out and wrong; the names the rubric gives
    # the figure read as it; another subject, however close its words, does not.
    head = (
        "subject: {name: 平罗县, year: 2020}\n"
        'rubric: {id: ningxia-2020-county, version: "2020.1"}\n'
        "figures: {recipient_satisfaction_pct: 84, public_satisfaction_pct: 95}\n"
        "items:\n"
        "  c40:\n"
        "    narrative:\n"
        "      - text: "
    )
    for text in (
        "经抽查，县域内救助对象对困难群众基本生活救助工作满意，满意度达98%。",
        "困难群众满意率达98%。",
        "全县救助对象的满意度为98％。",
    ):
        (f,) = check(head + text + "\n", None, "narrative-number", (7, 9))
        assert f.values["figure"] == "recipient_satisfaction_pct"
    for text in ("城市低保对象满意度为97%。", "社会公众满意度达98%。", "救助对象满意度达84%，比上年提高2%。"):
        check(head + text + "\n", None, "narrative-number")
