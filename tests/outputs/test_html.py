"""HTML (:mod:`selfeval.outputs.html`): the province's page, one file with nothing fetched or run,
every value escaped, the bars and colours computed from the scores."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from helpers import changed_copy, load_yaml, small_province, write_yaml
from selfeval.cli import app
from selfeval.outputs.html import BAR_WIDTH, axis, heat

HOSTILE = "<script>alert('x')</script>&县\" onload=\"x"


class Page(HTMLParser):
    """The elements of a page with their attributes, and the text of each table row."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.rows: list[list[str]] = []
        self.text: list[str] = []
        self.row_tables: list[str] = []
        self.table = ""
        self.open: list[str] = []
        self.texts: dict[str, str] = {}
        self.in_cell = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in ("title", "h1") and tag not in self.texts:
            self.open.append(tag)
            self.texts[tag] = ""
        if tag == "table":
            self.table = dict(attrs).get("class") or ""
        if tag == "tr":
            self.rows.append([])
            self.row_tables.append(self.table)
        if tag in ("td", "th") and self.rows:
            self.rows[-1].append("")
            self.in_cell = True

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            self.open.remove(tag)
        if tag in ("td", "th"):
            self.in_cell = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for tag in self.open:
            self.texts[tag] += data
        if self.in_cell and self.rows and self.rows[-1]:
            self.rows[-1][-1] += data

    def rows_of(self, table: str) -> list[list[str]]:
        """The rows of the tables of one class, each cell's text."""
        return [[c.strip() for c in row] for name, row in zip(self.row_tables, self.rows, strict=True) if name == table]

    def first(self, tag: str) -> str:
        """The text of the first element ``tag``."""
        return self.texts.get(tag, "").strip()

    def table_rows(self) -> list[list[str]]:
        return [[c.strip() for c in row] for row in self.rows if row]

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Page]:
    from typer.testing import CliRunner

    folder = tmp_path_factory.mktemp("counties")
    changed_copy(folder, "a.yaml")
    other = load_yaml(changed_copy(folder, "b.yaml", recipient_satisfaction_pct=82))
    other["subject"]["name"] = HOSTILE  # 3 points fewer than 平罗县: 101
    write_yaml(folder / "b.yaml", other)
    out = tmp_path_factory.mktemp("page") / "全区.html"
    result = CliRunner().invoke(app, ["score", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    parsed = Page()
    parsed.feed(html)
    return html, parsed


def test_every_value_is_escaped(page: tuple[str, Page]) -> None:
    html, parsed = page
    assert not parsed.tags("script") and "<script" not in html  # the name is text, not an element
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;县&#34; onload=&#34;x" in html
    assert HOSTILE in "".join(parsed.text)
    assert all("onload" not in attrs for _, attrs in parsed.elements)  # nor an attribute
    assert (
        not parsed.tags("link")
        and not parsed.tags("img")
        and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    )


def test_the_page_ranks_charts_and_maps_every_county(page: tuple[str, Page]) -> None:
    html, parsed = page
    assert html.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in html
    assert parsed.tags("meta")[0].get("charset") == "utf-8"
    ranking = [r for r in parsed.rows_of("ranking") if r[0] in ("1", "2")]
    assert [(r[0], r[1], r[3], r[4]) for r in ranking] == [("1", "平罗县", "104", "优"), ("2", HOSTILE, "101", "优")]
    # the heat map: a row per indicator, a cell per county, coloured by the share of its points
    c40 = next(r for r in parsed.rows_of("matrix") if r[0] == "40. 救助对象满意度")
    assert c40[1:] == ["3", "3", "0"]
    assert 'style="background: #63be7b">3<' in html and 'style="background: #f8696b">0<' in html
    assert len(parsed.tags("svg")) == 1


def test_the_title_and_first_heading_name_the_year_and_no_rubric_id_shows(page: tuple[str, Page]) -> None:
    html, parsed = page
    title = "宁夏回族自治区2020年度自评结果汇总"  # both files name the province (subject.province)
    assert parsed.first("title") == title and parsed.first("h1") == title
    assert "ningxia-2020-county" not in html and "2020.1" not in "".join(parsed.text)  # the rubric by its title
    assert "评分标准：2020年度县（市、区）困难群众救助工作绩效考评指标及评分标准（宁民字〔2020〕83号）" in parsed.text
    kinds = {r[2] for r in parsed.rows_of("findings")[1:]}
    assert "自评得分合计不符" in kinds and not any(k.isascii() for k in kinds)  # never claim-sum
    assert not any("claim-sum" in t for t in parsed.text)


def test_the_page_prints_a4_landscape_a_section_a_page(page: tuple[str, Page]) -> None:
    html, _ = page
    style = html.split("@media print", 1)[1].split("</style>", 1)[0]
    assert "size: A4 landscape" in style and "break-before: page" in style
    assert "thead { display: table-header-group; }" in style and "break-inside: avoid" in style


def test_the_bars_start_near_the_lowest_total_and_say_so(page: tuple[str, Page]) -> None:
    html, parsed = page
    # 104 and 101 on an axis from 100 to 104, a point a step: 101 is a quarter of the longest
    bars = [float(str(r["width"])) for r in parsed.tags("rect")]
    assert bars == [BAR_WIDTH, BAR_WIDTH / 4]
    ticks = re.findall(r'text-anchor="middle">([^<]*)<', html)
    assert ticks == ["100", "101", "102", "103", "104"]
    assert "横轴从 100 分起（不从 0 分起" in html and "每格 1 分" in html


def test_an_axis_has_few_whole_steps_from_below_the_lowest() -> None:
    assert axis(Decimal(96), Decimal(105)) == (Decimal(94), Decimal(106), Decimal(2))
    assert axis(Decimal(101), Decimal(102)) == (Decimal(100), Decimal(102), Decimal(1))
    assert axis(Decimal(104), Decimal(104)) == (Decimal(90), Decimal(110), Decimal(10))  # one total
    assert axis(Decimal(3), Decimal(10)) == (Decimal(0), Decimal(10), Decimal(2))  # never below 0
    assert axis(Decimal("60.5"), Decimal("99.75"))[2] == Decimal(10)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Page:
    """Four counties of hand-checked totals: 10 优, 8 良, 6 合格, and one whose unknown accident
    count leaves 3–8 (不合格至良: up to the 5 points the deduction may take)."""
    from typer.testing import CliRunner

    folder = tmp_path_factory.mktemp("small")
    counties = small_province(folder, 丁县=("乙市", "否", "是", "未知", 8))
    out = folder / "全省.html"
    args = ["score", str(counties), "--rubric", str(folder / "标准.yaml"), "--out", str(out)]
    args += ["--province", "某省", "--reviewer", "某省民政厅", "--date", "2022-03-01"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    parsed = Page()
    parsed.feed(out.read_text(encoding="utf-8"))
    return parsed


def _headings(html: str) -> list[str]:
    return re.findall(r"<h2>(.*?)</h2>", html)


def test_section_headings_are_in_the_language_asked_for(tmp_path: Path, runner: Any) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    changed_copy(folder, "a.yaml")
    other = load_yaml(changed_copy(folder, "b.yaml", recipient_satisfaction_pct=82))
    other["subject"]["name"] = "永宁县"
    write_yaml(folder / "b.yaml", other)
    (folder / "坏.yaml").write_text("subject: [\n", encoding="utf-8")  # a file that fails: its own section
    pages = {}
    for lang in ("zh", "en"):
        out = tmp_path / f"{lang}.html"
        result = runner.invoke(app, ["--lang", lang, "score", str(folder), "--out", str(out)])
        assert result.exit_code in (0, 1), result.output
        pages[lang] = out.read_text(encoding="utf-8")
    zh, en = _headings(pages["zh"]), _headings(pages["en"])
    assert len(zh) == len(en) >= 10
    assert zh[:4] == ["等次分布", "总体情况", "排名", "总分"]
    assert {"各指标得分情况", "指标 × 县", "审核发现错误的县（市、区）", "未能评分的文件", "审核发现"} <= set(zh)
    assert en[:4] == ["Grades", "Overview", "Ranking", "Totals"]
    assert {"Each indicator", "Indicators × counties", "Files that could not be scored", "Findings"} <= set(en)
    assert all(h.replace("×", "").isascii() for h in en), en  # no Chinese heading left in English
    assert '<html lang="zh-CN">' in pages["zh"] and '<html lang="en">' in pages["en"]


def test_the_heading_names_province_year_reviewer_and_date(small: Page) -> None:
    assert small.first("title") == "某省2021年度自评结果汇总" == small.first("h1")
    assert "评审：某省民政厅　日期：2022年3月1日" in small.text


def test_the_grade_distribution_counts_each_grade_and_ranges(small: Page) -> None:
    assert small.rows_of("grades") == [
        ["等次", "分数段", "县数", "占比"],
        ["优", "≥9", "1", "25%"],
        ["良", "8–9", "1–2", "25%–50%"],  # 丁县 may be 良
        ["合格", "6–8", "1–2", "25%–50%"],
        ["不合格", "0–6", "0–1", "0%–25%"],
    ]
    assert any("等次未定（有未知数据）：不合格至良：1" in t for t in small.text)


def test_indicator_statistics_by_hand(small: Page) -> None:
    rows = {r[0]: r[1:] for r in small.rows_of("indicators")}
    # 分值 计分县数 平均得分 得分率 失分县数 待定县数 满分县数 失分合计 失分排名
    assert rows["2. 按时上报"] == ["2", "4", "1", "50%", "2", "0", "2", "4", "1"]
    assert rows["3. 满意度达标"] == ["4", "4", "3", "75%", "1", "0", "3", "4", "2"]
    assert rows["4. 发生安全责任事故"] == ["5", "4", "0–1.25", "0–25%", "0", "1", "3", "0", ""]
    most = small.rows_of("most-lost")
    assert [r[1] for r in most[1:]] == ["2. 按时上报", "3. 满意度达标"]
    overview = dict(small.rows_of("overview"))
    assert overview["平均总分"] == "6.75–8" and overview["最高总分"] == "10" and overview["最低总分"] == "3"


def test_counties_grouped_by_city_with_subtotals(small: Page) -> None:
    assert small.rows_of("cities") == [
        ["地级市", "县数", "平均总分", "最高", "最低", "优", "良", "合格", "不合格", "有审核错误的县数"],
        ["乙市", "2", "4.5–7", "8", "3", "0", "0", "1", "0", "0"],
        ["甲市", "2", "9", "10", "8", "1", "1", "0", "0", "1"],
    ]
    assert small.rows_of("ranking")[0][2] == "地级市"


def test_counties_with_errors_and_what_they_are(small: Page) -> None:
    [head, row] = small.rows_of("errors")
    assert head == ["名次", "县（市、区）", "地级市", "错误数", "错误"]
    assert row[1].startswith("乙县 2021") and row[2] == "甲市" and row[3] == "1"
    assert row[4] == "自评得分与核算不符：自评总分9分，按证据计算总分为8分（第5行）"


def test_a_large_province_is_summarised_and_says_where_the_rest_is() -> None:
    import io
    from dataclasses import replace

    from helpers import DATA
    from selfeval.batch import Ranking, Row
    from selfeval.choices import Sort
    from selfeval.inputs import Library
    from selfeval.outputs import Options
    from selfeval.outputs.html import BARS, HEAT_COUNTIES, RANKING_ROWS, ranking
    from selfeval.pipeline import evaluate

    one = Row.of(DATA, evaluate(DATA, Library()))
    n = RANKING_ROWS + 100
    rows = [
        replace(
            one,
            name=f"县{i}",
            identity=(f"县{i}", "2020"),
            path=f"{i}.yaml",
            total=Decimal(60 + i % 40),
            total_high=None,
        )
        for i in range(n)
    ]
    out = io.BytesIO()
    ranking(Ranking.sorted(rows, Sort.TOTAL), out, Options(to_file=True))
    html = out.getvalue().decode("utf-8")
    parsed = Page()
    parsed.feed(html)
    assert len(parsed.rows_of("ranking")) == RANKING_ROWS + 1
    assert f"共 {n} 个县（市、区），此处列出前 {RANKING_ROWS} 名；完整排名见工作簿" in html
    assert len(parsed.tags("rect")) == BARS and "中间 540 个县未画出" in html
    assert len(parsed.rows_of("matrix")[0]) == 2 + HEAT_COUNTIES and "只列总分最低的 40 个" in html
    assert all(r[1:] and min(map(int, filter(None, r[2:]))) >= 0 for r in parsed.rows_of("matrix")[1:2])
    assert len(html) < 3_000_000


def test_heat_runs_red_yellow_green_and_stays_inside() -> None:
    assert heat(None) == "#eeeeee"  # a node a county does not have
    assert [heat(Decimal(x)) for x in ("0", "0.5", "1")] == ["#f8696b", "#ffeb84", "#63be7b"]
    assert heat(Decimal("0.25")) == "#fcaa78"  # between red and yellow
    assert heat(Decimal("-1")) == heat(Decimal(0)) and heat(Decimal(2)) == heat(Decimal(1))
