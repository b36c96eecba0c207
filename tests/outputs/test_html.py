"""HTML (:mod:`selfeval.outputs.html`): the province's page, one file with nothing fetched or run,
every value escaped, the bars and colours computed from the scores."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import pytest

from helpers import changed_copy, load_yaml, write_yaml
from selfeval.cli import app
from selfeval.outputs.html import BAR_WIDTH, heat

HOSTILE = "<script>alert('x')</script>&县\" onload=\"x"


class Page(HTMLParser):
    """The elements of a page with their attributes, and the text of each table row."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.rows: list[list[str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th") and self.rows:
            self.rows[-1].append("")

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.rows and self.rows[-1]:
            self.rows[-1][-1] += data

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
    assert "<title>自评结果汇总</title>" in html and "<h1>自评结果汇总</h1>" in html
    assert parsed.tags("meta")[0].get("charset") == "utf-8"
    ranking = [r for r in parsed.table_rows() if r[0] in ("1", "2")]
    assert [(r[0], r[1], r[3], r[4]) for r in ranking] == [("1", "平罗县", "104", "优"), ("2", HOSTILE, "101", "优")]
    # one bar per county, the best the full width, the others in proportion
    bars = [float(str(r["width"])) for r in parsed.tags("rect")]
    assert bars == [BAR_WIDTH, round(101 / 104 * BAR_WIDTH, 1)]
    # the heat map: a row per indicator, a cell per county, coloured by the share of its points
    c40 = next(r for r in parsed.table_rows() if r[0] == "40. 救助对象满意度")
    assert c40[1:] == ["3", "3", "0"]
    assert 'style="background: #63be7b">3<' in html and 'style="background: #f8696b">0<' in html
    assert len(parsed.tags("svg")) == 1 and len(parsed.tags("table")) == 3  # ranking, map, findings


def test_heat_runs_red_yellow_green_and_stays_inside() -> None:
    assert heat(None) == "#eeeeee"  # a node a county does not have
    assert [heat(Decimal(x)) for x in ("0", "0.5", "1")] == ["#f8696b", "#ffeb84", "#63be7b"]
    assert heat(Decimal("0.25")) == "#fcaa78"  # between red and yellow
    assert heat(Decimal("-1")) == heat(Decimal(0)) and heat(Decimal(2)) == heat(Decimal(1))


@pytest.mark.slow
def test_a_page_of_every_county_of_a_province_is_not_refused_as_too_large(tmp_path: Any) -> None:
    # one county scored in detail, listed 3,000 times (a row each, more than any province has)
    import io
    from dataclasses import replace

    from helpers import DATA
    from selfeval.batch import Ranking, Row
    from selfeval.choices import Sort
    from selfeval.inputs import Library
    from selfeval.outputs import Options
    from selfeval.outputs.html import ranking
    from selfeval.pipeline import evaluate

    one = Row.of(DATA, evaluate(DATA, Library()))
    # each its own county (a county and year given twice is ranked once)
    rows = [replace(one, name=f"县{i}", identity=(f"县{i}", "2020"), path=f"{i}.yaml") for i in range(3_000)]
    out = io.BytesIO()
    ranking(Ranking.sorted(rows, Sort.TOTAL), out, Options(width=80, ids=False, to_file=True))
    page = out.getvalue().decode("utf-8")
    assert page.count("县2999") >= 2 and len(page) > 20_000_000  # past the bound of a single report
