"""subject-mismatch: the letterhead, title, opening and 文号 against the county and year of the data file."""

from __future__ import annotations

from helpers import check, leaf, mini_rubric
from selfeval.problems import Severity

RUBRIC = mini_rubric(
    [
        {
            "id": "s1",
            "number": "一",
            "title": "工作部署",
            "points": 1,
            "children": [leaf("c01", 1, {"kind": "fact", "fact": "plan"}, number="1", title="印发实施方案")],
        }
    ],
    facts={"plan": "印发社会救助兜底脱贫行动实施方案"},
)

REPORT = """\
subject: {name: 平罗县, year: 2020}
rubric: {id: mini, version: "1"}
facts: {plan: 是}
claims: {c01: 1}
document:
  issuers:
    - 平罗县民政局
    - 平罗县财政局
  number: 平民发〔2021〕21号
  title: 平罗县2020年度困难群众救助工作绩效自评报告
  addressee: 自治区民政厅、财政厅
  preamble: 按照自治区民政厅、财政厅要求，平罗县民政局、财政局完成了2020年度困难群众救助工作绩效考评，
  date: 2021-03-29
  attachments_title: 平罗县困难群众救助工作绩效评价材料清单
"""


def test_the_countys_own_report() -> None:
    check(REPORT, RUBRIC, "subject-mismatch")


def test_a_copy_of_another_countys_report_not_fully_renamed() -> None:
    # 永宁县's report with only its title renamed: its letterhead, opening and attachment list still say 永宁县.
    found = check(
        REPORT.replace("    - 平罗县财政局", "    - 永宁县财政局")
        .replace("平罗县民政局、财政局完成", "永宁县民政局、财政局完成")
        .replace("attachments_title: 平罗县", "attachments_title: 永宁县"),
        RUBRIC,
        "subject-mismatch",
        (8, 7),
        (12, 3),
        (14, 3),
    )
    assert {f.subject for f in found} == {"issuers", "preamble", "attachments_title"}
    assert all(f.severity is Severity.ERROR and f.values["expected"] == "平罗县" for f in found)
    assert found[0].message == "发文机关“永宁县财政局”不是本县（平罗县）的机关"


def test_last_years_title_and_a_number_of_another_year() -> None:
    # The title left at 2019; the 文号 says 2020 though the report is dated 2021; the date is years off.
    found = check(
        REPORT.replace("平罗县2020年度困难", "平罗县2019年度困难")
        .replace("〔2021〕21号", "〔2020〕21号")
        .replace("date: 2021-03-29", "date: 2023-03-29"),
        RUBRIC,
        "subject-mismatch",
        (9, 3),
        (10, 3),
        (13, 3),
    )
    assert [(f.subject, f.severity, f.values) for f in found] == [
        ("title", Severity.ERROR, {"stated": "平罗县2019年度困难群众救助工作绩效自评报告", "expected": "平罗县"}),
        ("number", Severity.WARNING, {"stated": "2020", "expected": "2023"}),
        ("date", Severity.WARNING, {"stated": "2023", "expected": "2020–2021"}),
    ]
