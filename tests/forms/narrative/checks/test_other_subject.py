"""other-subject: another county's name, or another year, left in the body of a county's report,
at the line of the text; and the names and years a report writes of its own that are none."""

from __future__ import annotations

import pytest

from helpers import check
from selfeval.problems import Severity

CODE = "other-subject"


def _file(
    name: str, *texts: str, year: int = 2020, addressee: str = "自治区民政厅、财政厅", preamble: str = "~"
) -> str:
    """A data file for ``name`` whose item 36 says ``texts``, one a line from line 14 on."""
    return (
        f"subject: {{name: {name}, year: {year}}}\n"
        'rubric: {id: ningxia-2020-county, version: "2020.1"}\n'
        "document:\n"
        f"  issuers: [{name}民政局, {name}财政局]\n"
        f"  number: 盐民发〔{year + 1}〕3号\n"
        f"  title: {name}{year}年度困难群众救助工作绩效自评报告\n"
        f"  addressee: {addressee}\n"
        f"  preamble: {preamble}\n"
        f"  date: {year + 1}-03-29\n"
        "items:\n"
        "  c36:\n"
        "    narrative:\n"
        "      - score: c36\n"
        "        text: ~\n" + "".join(f"      - text: {t}\n" for t in texts)
    )


def test_another_countys_name_left_in_the_body_is_found_at_its_line() -> None:
    (f,) = check(_file("盐池县", "在平罗县政府网站公开城乡低保信息，举报电话畅通。"), None, CODE, (15, 9))
    assert f.severity is Severity.WARNING and f.subject == "c36"
    assert f.values == {"stated": "平罗县", "expected": "盐池县"}
    assert "第36项文字写的是“平罗县”，数据文件的县（市、区）为“盐池县”" in f.message
    # a district, a banner, a county-level city (which might be a superior: a note), each once a text
    found = check(
        _file("盐池县", "与惠农区、鄂托克前旗签订协议，惠农区", "会同青铜峡市开展核查"),
        None,
        CODE,
        (15, 9),
        (15, 9),
        (16, 9),
    )
    assert [(f.values["stated"], f.severity) for f in found] == [
        ("惠农区", Severity.WARNING),
        ("鄂托克前旗", Severity.WARNING),
        ("青铜峡市", Severity.INFO),
    ]


def test_the_city_before_a_county_is_its_superior_and_the_county_is_what_is_said() -> None:
    # 石嘴山市 stands before 平罗县's own name: its superior, wherever the file names it
    check(_file("平罗县", "按照石嘴山市平罗县统一部署", "按照石嘴山市民政局要求开展核查"), None, CODE)
    # …or the report is addressed to it
    check(_file("平罗县", "按照石嘴山市民政局要求开展核查", addressee="石嘴山市民政局、财政局"), None, CODE)
    # named alone, it may be a superior or another county-level city: a note
    (f,) = check(_file("平罗县", "按照石嘴山市民政局要求开展核查"), None, CODE, (15, 9))
    assert f.severity is Severity.INFO and "如不是平罗县的上级市" in f.message
    # another prefecture's county: the county, not its city
    (f,) = check(_file("平罗县", "学习吴忠市红寺堡区的经验"), None, CODE, (15, 9))
    assert f.values["stated"] == "红寺堡区"


@pytest.mark.parametrize(
    "text",
    [
        "县委县政府高度重视，县民政局联合县扶贫办印发了方案",
        "及时向县民政局报告，积极对接县扶贫部门，重复救助的报县民政局审核",
        "全县13个乡镇、32个社区，辖区内困难群众，乡镇和县级部门",
        "按照宁夏回族自治区民政厅要求，在经济开发区、工业园区、移民安置区设立窗口",
        "城市低保、农村低保，在农贸市场、超市张贴宣传画，区域内全覆盖",
        "获赠锦旗3面，国家级贫困县、脱贫攻坚重点县、全国社会救助示范县",
        "在县城区设立服务窗口，省市县三级联动，在本区、我县、外县",
        "在平罗县政府网站和平罗县人民政府门户网站公开",
        "自2019年起实行，较2019年增长5%，与2019年相比，2019年以来",
        "按照《2019年农村低保专项治理工作要点》（平民发〔2019〕62号）和“2019年度评价标准”",
        "2018年成立了领导小组，2021年3月上报，2020年全县共救助3118人，2021年全县将继续",
    ],
)
def test_what_a_countys_own_report_writes_is_no_other_county_or_year(text: str) -> None:
    check(_file("平罗县", text), None, CODE)


def test_a_year_other_than_the_evaluated_one_where_the_text_states_the_years_work() -> None:
    found = check(
        _file("平罗县", "2019年全县共救助城乡困难家庭3118人", "截至2019年底，全县有低保对象", "2022年全县低保标准"),
        None,
        CODE,
        (15, 9),
        (16, 9),
        (17, 9),
    )
    assert [f.values["stated"] for f in found] == ["2019", "2019", "2022"]
    assert "第36项文字写“2019年全县共救助城乡困难家庭3118人”，评价年度为2020年" in found[0].message
    # in a file for 2021, its 2021 and 2022 are its own, 2020 is last year's
    check(_file("平罗县", "2021年全县共救助", "2022年全县将继续", "2020年度城乡低保", year=2021), None, CODE, (17, 9))


def test_the_opening_is_read_too_but_its_issuers_are_subject_mismatchs() -> None:
    preamble = "盐池县民政局、平罗县财政局对照评分标准，在平罗县政府网站公开，完成了2020年度绩效考评，"
    (f,) = check(_file("盐池县", preamble=preamble), None, CODE, (8, 3))
    assert "开头文字写的是“平罗县”" in f.message
    check(_file("盐池县", preamble=preamble), None, "subject-mismatch", (8, 3))
