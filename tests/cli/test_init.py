"""``selfeval init --from``: next year's file, for the same county or another, says whose it is in
every text, tells on standard error what it renamed and what it left, keeps the rubric's path, and
loads back every key and text as written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from helpers import DATA, RUBRIC, TABLE_DATA, load_yaml, write_yaml
from selfeval.cli import app
from selfeval.inputs import Library
from selfeval.pipeline import evaluate

_RENAMED = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): info: “(?P<old>[^”]+)”改为“(?P<new>[^”]+)”(?P<n>\d+)处$"
)


def _renamed(stderr: str) -> list[dict[str, str]]:
    return [m.groupdict() for m in map(_RENAMED.match, stderr.splitlines()) if m]


def test_another_countys_file_is_renamed_in_every_text_and_each_renaming_listed(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "惠农区_2021.yaml"
    result = runner.invoke(app, ["init", str(out), "--from", str(DATA), "--year", "2021", "--name", "惠农区"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "平罗" not in text.replace("平罗县2020", "")  # not even in last year's records, kept as comments
    data = yaml.safe_load(text)
    assert data["subject"]["name"] == "惠农区"
    assert data["document"]["issuers"] == ["惠农区民政局", "惠农区财政局"]
    assert data["document"]["attachments_title"] == "惠农区困难群众救助工作绩效评价材料清单"
    assert data["evidence"]["poverty_plan"][0]["issuer"] == "惠农区民政局、惠农区扶贫办"
    assert data["items"]["c36"]["narrative"][0]["text"].startswith("在惠农区政府网站公开城乡低保信息")
    # the short name where it stands for the county, and what it stood beside kept
    assert "在惠农政府信息网、乡镇人民政府电子屏" in data["items"]["c10"]["narrative"][0]["text"]
    assert "中国农业银行惠农支行" in text
    # 文号 stay as they were written: they are last year's documents, cited
    assert "（平民发〔2020〕34号）" in data["items"]["c01"]["narrative"][0]["text"]
    # every renaming on standard error, at its line and column of the new file
    lines = text.splitlines()
    said = _renamed(result.stderr)
    assert {(s["old"], s["new"]) for s in said} == {("平罗县", "惠农区"), ("平罗", "惠农")}
    for s in said:
        assert s["path"] == str(out)
        assert lines[int(s["line"]) - 1][int(s["col"]) - 1 :].startswith(s["new"]), s
    short = [s for s in said if s["old"] == "平罗"]
    assert [lines[int(s["line"]) - 1][int(s["col"]) - 1 : int(s["col"]) + 5] for s in short] == [
        "惠农政府信息",
        "惠农支行、邮",
    ]
    as_was = runner.invoke(app, ["init", "-", "--from", str(DATA), "--year", "2021"]).stdout
    assert sum(int(s["n"]) for s in said) == as_was.count("平罗") == 58
    assert "仍写着" not in result.stderr and "沿用" not in result.stderr


def test_without_a_name_it_warns_that_the_text_still_names_the_county(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "2021.yaml"
    result = runner.invoke(app, ["init", str(out), "--from", str(DATA)])
    assert result.exit_code == 0
    (warning,) = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert warning.startswith(f"{out}:6:1: warning: 新文件沿用平罗县的文字，45行写着“平罗县”")  # under the schema line
    assert "请加 --name" in warning and "改为" not in result.stderr
    # the same name given is the same county: nothing to say
    same = runner.invoke(app, ["init", str(out), "--from", str(DATA), "--name", "平罗县", "--force"])
    assert same.exit_code == 0 and "warning" not in same.stderr and "info" not in same.stderr
    quiet = runner.invoke(app, ["-q", "init", str(out), "--from", str(DATA), "--name", "惠农区", "--force"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_a_short_name_inside_another_word_is_kept_and_said(runner: Any, tmp_path: Path) -> None:
    data = load_yaml(DATA)
    data["subject"]["name"] = "惠农区"
    data["document"]["issuers"] = ["惠农区民政局", "惠农区财政局"]
    data["items"]["c04"]["narrative"][0]["text"] = "惠农区落实强农惠农政策，在惠农政府网站公开，惠农、大武口两地"
    last = write_yaml(tmp_path / "huinong_2020.yaml", data)
    out = tmp_path / "平罗县_2021.yaml"
    result = runner.invoke(app, ["init", str(out), "--from", str(last), "--name", "平罗县"])
    assert result.exit_code == 0, result.output
    new = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert new["items"]["c04"]["narrative"][0]["text"] == "平罗县落实强农惠农政策，在平罗政府网站公开，惠农、大武口两地"
    row = (
        out.read_text(encoding="utf-8")
        .splitlines()
        .index('      - text: "平罗县落实强农惠农政策，在平罗政府网站公开，惠农、大武口两地"')
    )
    left = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert left == [
        f"{out}:{row + 1}:23: warning: 仍写着“落实强农惠农政策，在”：如指惠农区，请改为平罗县",
        f"{out}:{row + 1}:38: warning: 仍写着“站公开，惠农、大武口”：如指惠农区，请改为平罗县",
    ]


def test_the_rubric_path_is_kept_and_leads_there_from_the_new_folder(runner: Any, tmp_path: Path) -> None:
    rubrics, last_year, this_year = tmp_path / "rubrics", tmp_path / "2020", tmp_path / "2021" / "县区"
    for folder in (rubrics, last_year, this_year):
        folder.mkdir(parents=True)
    rubric = load_yaml(RUBRIC)
    rubric["id"] = "county-own"
    rubric.pop("templates", None)
    write_yaml(rubrics / "county.yaml", rubric)
    data = load_yaml(DATA)
    data["rubric"] = {"id": "county-own", "version": "2020.1", "path": "../rubrics/county.yaml"}
    last = write_yaml(last_year / "平罗县.yaml", data)
    out = this_year / "平罗县.yaml"
    assert runner.invoke(app, ["init", str(out), "--from", str(last)]).exit_code == 0
    written = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert written["rubric"] == {"id": "county-own", "version": "2020.1", "path": "../../rubrics/county.yaml"}
    assert evaluate(out, Library()).rubric.rubric.id == "county-own"  # found by that path
    # an absolute path stays as it was
    data["rubric"]["path"] = str(rubrics / "county.yaml")
    write_yaml(last, data)
    assert runner.invoke(app, ["init", str(out), "--from", str(last), "--force"]).exit_code == 0
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["rubric"]["path"] == str(rubrics / "county.yaml")
    # the bundled rubric is found by its id: no path is made up for it
    assert "path:" not in runner.invoke(app, ["init", "-", "--from", str(DATA)]).stdout.split("document:")[0]


def test_a_countys_own_figure_keys_and_texts_load_back_exactly(runner: Any, tmp_path: Path) -> None:
    data = load_yaml(DATA)
    own = {
        "a: b": {"value": 1, "unit": "个", "title": "冒号: 后有空格"},
        "x #y": {"value": 2, "unit": "x #y", "title": "井号 #后面"},
        "true": {"value": 3, "unit": "户", "title": "true"},
        "12": {"value": 4, "unit": "人", "title": "'单引号'与\"双引号\""},
        "村级: 覆盖": {"value": 5, "unit": "%", "title": "- 列表？"},
    }
    data["figures"].update(own)
    data["items"]["c04"]["narrative"][0]["text"] = "制度: 一是 #二是 {{不是引用}}"
    last = write_yaml(tmp_path / "last.yaml", data)
    out = tmp_path / "next.yaml"
    assert runner.invoke(app, ["init", str(out), "--from", str(last)]).exit_code == 0
    new = evaluate(out, Library()).result.data
    for key, fig in own.items():
        assert (new.figures[key].title, new.figures[key].unit, new.figures[key].value) == (
            fig["title"],
            fig["unit"],
            None,
        )
    assert new.items["c04"].narrative[0].text == "制度: 一是 #二是 {{不是引用}}"


def test_a_project_table_from_another_county_is_renamed_and_says_so(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "万荣县.yaml"
    result = runner.invoke(app, ["init", str(out), "--from", str(TABLE_DATA), "--name", "万荣县"])
    assert result.exit_code == 0, result.output
    new = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert new["project"]["department"] == "万荣县医疗保障局"
    assert new["project"]["unit"] == "万荣县医疗保险服务中心"
    assert "稷山" not in out.read_text(encoding="utf-8")
    assert {(s["old"], s["new"]) for s in _renamed(result.stderr)} == {("稷山县", "万荣县")}


def test_a_project_tables_texts_load_back_exactly(runner: Any, tmp_path: Path) -> None:
    data = load_yaml(TABLE_DATA)
    data["project"]["name"] = "医保: 县级配套 #资金"
    data["project"]["unit"] = "'稷山县'医疗保险服务中心"
    data["goals"]["expected"] = "- 提高保障水平: 100%"
    data["indicators"][0]["name"] = "全县参合人数 #建档立卡"
    last = write_yaml(tmp_path / "last.yaml", data)
    out = tmp_path / "next.yaml"
    assert runner.invoke(app, ["init", str(out), "--from", str(last)]).exit_code == 0
    new = evaluate(out, Library()).result.data
    assert (new.project.name, new.project.unit) == ("医保: 县级配套 #资金", "'稷山县'医疗保险服务中心")
    assert new.goals.expected == "- 提高保障水平: 100%"
    assert new.indicators[0].name == "全县参合人数 #建档立卡"
