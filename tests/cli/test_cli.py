"""The commands end to end through typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import DATA, load_yaml
from selfeval.batch import SORTS
from selfeval.choices import Format, Sort
from selfeval.cli import FORMAT_HELP, app
from selfeval.outputs import FORMATS, OUTPUTS, Kind, formats_for
from selfeval.problems import Severity


def test_every_choice_is_handled() -> None:
    assert set(FORMATS) == set(Format)
    assert all(FORMATS[f].format is f for f in Format)
    assert set(OUTPUTS) == set(Kind)
    assert set(SORTS) == set(Sort)
    # Every format writes something, and each command's help lists exactly what it can write.
    assert all(any(f in o.writers for o in OUTPUTS.values()) for f in Format)
    commands = {"score": Kind.SCORE, "audit": Kind.FINDINGS, "validate": Kind.FINDINGS, "report": Kind.REPORT}
    commands["compare"] = Kind.COMPARISON
    commands["explain"] = Kind.EXPLANATION
    commands["test"] = Kind.FINDINGS
    assert set(commands) == set(FORMAT_HELP)
    for command, kind in commands.items():
        listed = FORMAT_HELP[command].split(", ")
        offered = {*formats_for(OUTPUTS[kind]), *(formats_for(OUTPUTS[Kind.RANKING]) if command == "score" else [])}
        assert set(listed) == {f.value for f in offered}, command
    only_many = set(formats_for(OUTPUTS[Kind.RANKING])) - set(formats_for(OUTPUTS[Kind.SCORE]))
    assert {f.value for f in only_many} == {"html"} and "html" not in FORMAT_HELP["audit"]


def test_score_table(runner: Any) -> None:
    result = runner.invoke(app, ["score", str(DATA)])
    assert result.exit_code == 0, result.output
    assert "总分 104，自评 104  等次 优" in result.stdout
    assert "≠" in result.stdout  # 二 claims 38, computes 37


def test_score_json_contract(runner: Any) -> None:
    result = runner.invoke(app, ["score", str(DATA), "--format", "json"])
    doc = json.loads(result.stdout)
    assert doc["rubric"] == {"id": "ningxia-2020-county", "version": "2020.1"}
    assert doc["subject"] == {"name": "平罗县", "year": 2020}
    assert doc["standard"] == {"max": 100, "score": 99, "score_min": 99, "score_max": 99}
    assert doc["bonus"] == {"max": 5, "score": 5, "score_min": 5, "score_max": 5}
    assert doc["deduction"] == {"max": 20, "score": 0, "score_min": 0, "score_max": 0}
    assert (doc["total_min"], doc["total_max"], doc["decide"]) == (104, 104, [])
    assert doc["total"] == doc["standard"]["score"] + doc["bonus"]["score"] - doc["deduction"]["score"] == 104
    assert doc["claimed_total"] == 104 and doc["grade"] == "优"
    assert [n["id"] for n in doc["nodes"]] == ["s1", "s2", "s3", "s4", "s5"]
    assert {n["type"] for n in doc["nodes"]} == {"standard", "bonus", "deduction"}
    first = doc["nodes"][0]
    assert set(first) >= {"id", "title", "type", "max", "score", "claimed", "explanation", "children"}
    assert first["title"] == "年度重点工作任务" and first["children"][0]["children"][0]["children"][0]["max"] == 2
    c032 = doc["nodes"][0]["children"][2]["children"][0]["children"][1]
    assert c032["id"] == "c03.2" and c032["score"] == 0.5 and isinstance(c032["score"], float)
    assert {f["code"] for f in doc["findings"]} >= {"claim-sum", "subset-exceeded"}


def test_score_csv(runner: Any) -> None:
    result = runner.invoke(app, ["score", str(DATA), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["id"] == "s1" and rows[-1]["id"] == "total" and rows[-1]["score"] == "104"
    assert next(r for r in rows if r["id"] == "s2")["differs"] == "yes"


def test_gaps(runner: Any) -> None:
    result = runner.invoke(app, ["score", str(DATA), "--gaps"])
    assert result.exit_code == 0
    assert "27. 年终人均救助资金滚存结余" in result.stdout and "失1分" in result.stdout and "c27" not in result.stdout
    assert "[c27]" in runner.invoke(app, ["--ids", "score", str(DATA), "--gaps"]).stdout
    doc = json.loads(runner.invoke(app, ["score", str(DATA), "--gaps", "-f", "json"]).stdout)
    assert doc == [
        {
            "id": "c27",
            "title": "年终人均救助资金滚存结余",
            "lost": 1,
            "lost_min": 1,
            "effect_on_total": 1,
            "decide": [],
            "explanation": doc[0]["explanation"],
            "recover": doc[0]["recover"],
        }
    ]
    assert "1500" in doc[0]["recover"]


def test_gaps_orders_by_effect(runner: Any, tmp_path: Path) -> None:
    data = load_yaml(DATA)
    data["figures"]["recipient_satisfaction_pct"] = 84  # c40 loses 3
    data["figures"]["trainings"] = 3  # c19 loses 0.5
    path = tmp_path / "d.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    doc = json.loads(runner.invoke(app, ["score", str(path), "--gaps", "-f", "json"]).stdout)
    assert [g["id"] for g in doc] == ["c40", "c27", "c19"]


def test_fail_under(runner: Any) -> None:
    assert runner.invoke(app, ["score", str(DATA), "--fail-under", "104"]).exit_code == 0
    result = runner.invoke(app, ["score", str(DATA), "--fail-under", "104.5"])
    assert result.exit_code == 1 and "总分 104 低于 --fail-under 104.5" in result.stderr
    assert runner.invoke(app, ["score", str(DATA), "--fail-under", "many"]).exit_code == 2


def test_audit_command(runner: Any) -> None:
    result = runner.invoke(app, ["audit", str(DATA)])
    assert result.exit_code == 1
    assert "8 个错误，6 个警告，1 条提示" in " ".join(result.stdout.split())  # however long the path, so the wrap
    doc = json.loads(runner.invoke(app, ["audit", str(DATA), "-f", "json"]).stdout)
    assert len(doc["findings"]) == 15
    assert doc["files"] == [
        {"path": str(DATA), "subject": {"name": "平罗县", "year": 2020}, "errors": 8, "warnings": 6, "infos": 1}
    ]
    assert runner.invoke(app, ["audit", str(DATA), "--fail-on", "error"]).exit_code == 1
    for s in Severity:
        assert runner.invoke(app, ["audit", str(DATA), "--fail-on", s.value]).exit_code == 1


def _county(tmp_path: Path, name: str, **figures: Any) -> Path:
    data = load_yaml(DATA)
    data["subject"]["name"] = name
    data["figures"].update(figures)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_batch_ranking(runner: Any, tmp_path: Path) -> None:
    _county(tmp_path, "甲县", recipient_satisfaction_pct=80)
    _county(tmp_path, "乙县")
    (tmp_path / "坏县.yaml").write_text("subject: [\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert [r["name"] for r in rows] == ["乙县", "甲县", ""]
    # Renamed copies still carry 平罗县's letterhead, title, opening and list title: 5 more errors.
    assert [r["rank"] for r in rows] == [1, 2, None]
    assert rows[0]["total"] == 104 and rows[1]["total"] == 101 and rows[0]["audit_errors"] == 8 + 5
    assert "YAML 格式错误" in rows[2]["error"]
    assert rows[2]["problems"][0]["line"] > 0
    assert "坏县.yaml:" in result.stderr
    csv_out = runner.invoke(app, ["score", str(tmp_path / "*.yaml"), "--format", "csv", "--sort", "name"]).stdout
    assert csv_out.splitlines()[0].startswith("rank,name,year,status,standard")
    table = runner.invoke(app, ["score", str(tmp_path)]).stdout
    assert "乙县" in table and "甲县" in table


def test_batch_parallel_matches_serial(tmp_path: Path) -> None:
    from selfeval.batch import score_many

    paths = [_county(tmp_path, f"县{i:02d}", trainings=i % 5) for i in range(8)]
    serial = score_many(paths, jobs=1)
    parallel = score_many(paths, jobs=2, progress=True)
    assert [(r.path, r.total) for r in serial] == [(r.path, r.total) for r in parallel]
    assert len({r.total for r in serial}) > 1  # the varied trainings count changes the scores


def test_compare(runner: Any, tmp_path: Path) -> None:
    b = _county(tmp_path, "平罗县", recipient_satisfaction_pct=88, villages=154)
    doc = json.loads(runner.invoke(app, ["compare", str(DATA), str(b), "-f", "json"]).stdout)
    lines = {(x["kind"], x["id"]): x for x in doc["lines"]}
    assert lines[("node", "c40")]["change"] == -1
    assert lines[("score", "total")]["a"] == 104 and lines[("score", "total")]["b"] == 103
    assert lines[("figure", "villages")]["change"] == 10
    assert lines[("figure", "towns")]["change"] == 0
    assert "变化" in runner.invoke(app, ["compare", str(DATA), str(b)]).stdout


def test_rules_command_documents_every_kind(runner: Any) -> None:
    from selfeval.rules import RULES

    out = runner.invoke(app, ["rules"]).stdout
    for kind in RULES:
        assert f"\n{kind}\n" in out or out.startswith(f"{kind}\n") or f"\n{kind}\n    " in out


def test_version(runner: Any) -> None:
    from selfeval import __version__

    assert runner.invoke(app, ["--version"]).stdout.strip() == f"selfeval {__version__}"


def test_report_default_is_the_bundled_example(runner: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", "--out", "report.md"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("**平罗县民政局**")


def test_pre_commit_hook_definition() -> None:
    from helpers import ROOT

    hooks = {h["id"]: h for h in load_yaml(ROOT / ".pre-commit-hooks.yaml")}
    assert hooks["selfeval-rubrics"]["entry"] == "selfeval validate --only rubric"
    assert hooks["selfeval-data"]["entry"] == "selfeval validate --only data"
    assert all(h["language"] == "python" for h in hooks.values())
    assert 'selfeval = "selfeval.cli:main"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_init_writes_a_blank_file_that_validates(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    result = runner.invoke(app, ["init", str(out), "--name", "惠农区", "--year", "2021"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert '  name: "惠农区"' in text and "  towns: ~    # 乡镇个数（个）" in text
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0 and "（0 个错误，" in checked.stderr
    towns = text.splitlines().index("  towns: ~    # 乡镇个数（个）") + 1
    assert f"{out}:{towns}:3: warning: figures.towns（乡镇个数） 待填" in checked.stdout
    # Every item is outlined with its clauses and what each needs.
    assert (
        "      - text: ~    # 总结典型经验，乡镇设立举报箱并公开举报电话（1分），需要数据 {towns}、{town_report_boxes}"
        in text
    )
    out.write_text(text.replace("  towns: ~    # 乡镇个数（个）", "  towns: 13"), encoding="utf-8")
    after = runner.invoke(app, ["validate", str(out)]).stdout
    assert "figures.towns" not in after and len(after.splitlines()) == len(checked.stdout.splitlines()) - 1
    doc = json.loads(runner.invoke(app, ["score", str(out), "-f", "json"]).stdout)
    assert doc["subject"] == {"name": "惠农区", "year": 2021} and doc["total"] == 0
    again = runner.invoke(app, ["init", str(out)])
    assert again.exit_code == 2 and "文件已存在；如要覆盖，请加 --force" in again.stderr


def test_report_says_what_the_audit_found_and_which_scores_it_carries(runner: Any, tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(DATA), "--out", str(tmp_path / "r.md")])
    assert result.exit_code == 0
    assert "按证据计算的得分，总分 104" in result.stderr and "审核发现 8 个错误" in result.stderr
    assert "selfeval audit" in result.stderr
    computed = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "## 二、工作保障与管理（指标分值38分，自评得37分）" in computed
    claimed = runner.invoke(app, ["report", str(DATA), "--scores", "claimed"]).stdout
    assert "## 二、工作保障与管理（指标分值38分，自评得38分）" in claimed
    assert "## 三、工作效果（指标分值44分）" in claimed  # the filed report states no score for 三
    assert "各项得分为报告所写的自评得分" in claimed
    refused = runner.invoke(app, ["report", str(DATA), "--out", str(tmp_path / "x.md"), "--fail-on", "error"])
    assert refused.exit_code == 1 and "未写出报告" in refused.stderr and not (tmp_path / "x.md").exists()


def test_next_year_from_this_year(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / "2021.yaml"
    assert runner.invoke(app, ["init", str(out), "--from", str(DATA), "--year", "2021"]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    doc = json.loads(runner.invoke(app, ["score", str(out), "-f", "json"]).stdout)
    assert doc["subject"] == {"name": "平罗县", "year": 2021} and doc["claimed_total"] is None
    assert doc["total"] == 0  # nothing of last year's is reused to earn points
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0
    lines = text.splitlines()
    listed = checked.stdout.splitlines()
    # Every value left to fill is listed at its own line, and the narrative keeps its references.
    for key in ("care_agreements", "towns", "urban_dibao_funds"):
        row = next(i for i, line in enumerate(lines, 1) if line.startswith(f"  {key}: ~"))
        assert any(line.startswith(f"{out}:{row}:3: warning: figures.{key}（") for line in listed)
    assert "  online_application: ~    # 疫情期间开通网络等线上低保申请渠道；去年 是" in lines
    assert any(line.endswith("warning: document.number（发文字号） 待填") for line in listed)
    attachment = "（附件“关于印发《2020年平罗县社会救助兜底保障脱贫攻坚‘四查四补’工作实施方案》”的文号）"
    assert any(attachment in line for line in listed)
    assert '    - {title: "关于印发《平罗县社会救助兜底脱贫行动实施方案》的通知", number: ~, issuer: ' in text
    assert "与{care_agreements}名分散供养特困人员" in text and "474" not in text.split("items:")[1]
    assert "  number: ~    # 去年：平民发〔2021〕21号" in lines and "  date: 2022-03-29    # 去年：2021-03-29" in lines
    assert "平罗县{subject.year}年度困难群众救助工作绩效自评报告" in text
    report = runner.invoke(app, ["report", str(out)]).stdout
    assert "# 平罗县2021年度困难群众救助工作绩效自评报告" in report and "【待填：" in report


def test_a_run_leaves_the_signal_handlers_as_it_found_them(runner: Any) -> None:
    import signal

    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)
    assert runner.invoke(app, ["score", str(DATA), "-f", "json"]).exit_code == 0
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)) == before


def test_a_terminating_signal_says_its_exit_code_on_its_class() -> None:
    from selfeval.errors import HungUp, Terminated

    assert (Terminated.exit_code, HungUp.exit_code) == (143, 129)
    assert Terminated().code == 143 and HungUp().code == 129 and isinstance(HungUp(), SystemExit)
