"""A narrative data file to fill in (:mod:`selfeval.forms.narrative.skeleton`): blank from the
rubric, or next year's started from this year's, with every value still to enter written ``~``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from helpers import DATA, evaluate_file
from selfeval.cli import app
from selfeval.forms import FORMS
from selfeval.forms.narrative.skeleton import _key, _move_years, _next_year, renamer, short_name, skeleton


def test_init_example_and_skeleton(runner: Any, tmp_path: Path) -> None:
    example = tmp_path / "示例.yaml"
    assert runner.invoke(app, ["init", str(example), "--example"]).exit_code == 0
    # the example as bundled, under the line that points an editor at its schema
    head, rest = example.read_bytes().split(b"\n", 1)
    assert head.startswith(b"# yaml-language-server: $schema=") and rest == DATA.read_bytes()
    blank = tmp_path / "blank.yaml"
    assert runner.invoke(app, ["init", str(blank)]).exit_code == 0
    assert "data/pingluo_2020.yaml" not in blank.read_text(encoding="utf-8")
    assert "--example" in blank.read_text(encoding="utf-8")


def test_a_blank_file_asks_for_every_input_of_the_rubric() -> None:
    ev = evaluate_file()
    rubric = ev.rubric.rubric
    text = skeleton(rubric, "某县", 2021)
    assert FORMS["narrative"].skeleton(rubric, "某县", 2021) == text
    data = yaml.safe_load(text)
    assert data["subject"] == {"name": "某县", "year": 2021}
    assert data["rubric"] == {"id": "ningxia-2020-county", "version": "2020.1"}
    assert data["document"]["issuers"] == ["某县民政局", "某县财政局"] and data["document"]["number"] is None
    assert data["document"]["date"] == dt.date(2022, 3, 31)  # filed the year after
    assert set(data["figures"]) >= set(rubric.figures) and all(v is None for v in data["figures"].values())
    assert all(v is None for v in data["facts"].values())
    # one item per numbered item of the rubric, each clause with its node and left to write
    assert list(data["items"]) == [f"c{n:02d}" for n in range(1, 45)]
    segments = [s for item in data["items"].values() for s in item["narrative"]]
    assert all(s["text"] is None and s["score"] for s in segments)
    assert "  care_agreements: ~    # 与分散供养特困人员监护人签订委托照料协议数（份）" in text.splitlines()
    assert "  c40:    # 40. 救助对象满意度（3分）" in text.splitlines()
    assert "      - text: ~    # 3分，需要数据 {recipient_satisfaction_pct}" in text.splitlines()
    assert data["claims"] is None and data["attachments"] is None  # comments only: nothing claimed yet


def test_next_year_starts_from_this_years_file_and_reuses_no_value() -> None:
    ev = evaluate_file()
    text = skeleton(ev.rubric.rubric, "平罗县", 2021, ev.result.data)
    data = yaml.safe_load(text)
    lines = text.splitlines()
    assert data["subject"] == {"name": "平罗县", "year": 2021, "province": "宁夏回族自治区"}
    # every figure entered again; the county's own keep what says what they are
    assert all(v is None or (v["value"] is None and v["unit"]) for v in data["figures"].values())
    staff = '  recheck_staff: {value: ~, unit: "人", title: "低保核查员和县低保中心干部"}'
    assert f"{staff}    # 低保核查员和县低保中心干部；去年 16人" in lines
    assert "  unpoor_households: ~    # 未脱贫户户数（户）；去年 141户" in lines  # last year's beside it
    assert data["document"]["title"] == "平罗县{subject.year}年度困难群众救助工作绩效自评报告"
    assert "  number: ~    # 去年：平民发〔2021〕21号" in lines
    # the text is kept, its references too; last year's evidence is listed, its 文号 to enter again
    kept = data["items"]["c11"]["narrative"][0]
    assert kept["text"].startswith("与{care_agreements}名") and "474" not in text.split("items:")[1]
    assert all(e["number"] is None for docs in (data["evidence"] or {}).values() if docs for e in docs)
    assert len(data["attachments"]) == 25 and all(a.get("number") is None for a in data["attachments"])


def test_years_move_but_cited_titles_and_numbers_keep_theirs() -> None:
    text = "《2020年平罗县方案》和2020年工作，宁民字〔2020〕83号，12020年，2020-2021年"
    assert (
        _move_years(text, 2020)
        == "《2020年平罗县方案》和{subject.year}年工作，宁民字〔2020〕83号，12020年，2020-2021年"
    )
    assert _move_years("没有年份", 2020) == "没有年份"
    assert _next_year(dt.date(2021, 3, 29), 1) == dt.date(2022, 3, 29)
    assert _next_year(dt.date(2020, 2, 29), 1) == dt.date(2021, 2, 28)  # no 29 February next year


def test_a_countys_name_is_renamed_where_it_stands_for_the_county_and_nowhere_else() -> None:
    to_pingluo = renamer("惠农区", "平罗县")
    assert to_pingluo("惠农区民政局、惠农区财政局") == "平罗县民政局、平罗县财政局"
    assert to_pingluo("在惠农政府网站公开，中国农业银行惠农支行") == "在平罗政府网站公开，中国农业银行平罗支行"
    assert to_pingluo("落实强农惠农政策，惠农、大武口两地") == "落实强农惠农政策，惠农、大武口两地"  # left, and said
    # a name of two characters only where it stands alone; a whole name not where it starts a word
    assert renamer("和县", "含山县")("和县民政局联合乡镇和县级部门") == "含山县民政局联合乡镇和县级部门"
    assert renamer("平安区", "乐都区")("平安区民政局维护平安区域稳定") == "乐都区民政局维护平安区域稳定"
    # a new name without a short form stands for the short one too
    assert renamer("平罗县", "和县")("平罗县民政局，平罗支行") == "和县民政局，和县支行"
    assert renamer("平罗县", "平罗县")("平罗支行") == "平罗支行"
    assert [short_name(n) for n in ("平罗县", "大武口区", "孟村回族自治县", "鄂托克前旗", "和县")] == [
        "平罗",
        "大武口",
        "孟村",
        "鄂托克前",
        None,
    ]


def test_keys_that_yaml_reads_otherwise_are_quoted() -> None:
    assert [_key(k) for k in ("towns", "c01.1", "a: b", "x #y", "true", "No", "12", "城市低保", "- a")] == [
        "towns",
        "c01.1",
        '"a: b"',
        '"x #y"',
        '"true"',
        '"No"',
        '"12"',
        '"城市低保"',
        '"- a"',
    ]
