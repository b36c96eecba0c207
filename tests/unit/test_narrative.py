"""The narrative's numbers come from the figures; what is left literal, or renamed badly, is found."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import DATA, evaluate_file, write_yaml
from selfeval.errors import InputError
from selfeval.forms.narrative.text import fill, references
from selfeval.numbers import as_written
from selfeval.problems import Severity

MUST_APPEAR_ONCE = ["474", "559.9", "379.2", "910.38", "15293", "6643.18", "141511", "12325", "18102", "1727", "538.5"]


def pingluo() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def test_each_number_is_entered_once() -> None:
    text = DATA.read_text(encoding="utf-8")
    for n in MUST_APPEAR_ONCE:
        assert len(re.findall(rf"(?<![\d.]){re.escape(n)}(?![\d.])", text)) == 1, n


def test_reference_syntax() -> None:
    assert [r.name for r in references("与{care_agreements}名，{subject.year}年，{{ 7 * 7 }}，{ x }")] == [
        "care_agreements",
        "subject.year",
    ]
    assert fill("共{a}户{{b}}", lambda n: "12") == "共12户{{b}}"
    assert as_written(__import__("decimal").Decimal("256.60")) == "256.60"


def test_a_corrected_figure_changes_the_report_and_satisfies_the_audit(runner: Any, tmp_path: Path) -> None:
    from selfeval.cli import app

    data = pingluo()
    data["figures"]["care_agreements"] = 461
    path = write_yaml(tmp_path / "d.yaml", data)
    report = runner.invoke(app, ["report", str(path)]).stdout
    item11 = next(line for line in report.splitlines() if line.startswith("11. "))
    assert "与461名分散供养特困人员" in item11 and "474" not in report
    codes = {(f.code, f.subject) for f in evaluate_file(path).findings}
    assert not {("subset-exceeded", "care-agreements"), ("derived-mismatch", "care-agreement-rate")} & codes


def test_unknown_reference_is_an_error_at_its_line(tmp_path: Path) -> None:
    data = pingluo()
    data["items"]["c11"]["narrative"][0]["text"] = "与{care_agreement}名"
    path = write_yaml(tmp_path / "d.yaml", data)
    with pytest.raises(InputError) as e:
        evaluate_file(path)
    (p,) = e.value.problems
    assert "未知的引用 {care_agreement}" in p.message and "是否应为“care_agreements”" in p.message
    assert path.read_text(encoding="utf-8").splitlines()[p.line - 1].strip().startswith("- text: 与{care_agreement}")


def test_a_literal_number_that_contradicts_its_figure(tmp_path: Path) -> None:
    data = pingluo()
    data["figures"]["migrant_dibao_households"] = 50
    seg = data["items"]["c01"]["narrative"][3]
    seg["text"] = seg["text"].replace("{migrant_dibao_households}", "86")
    path = write_yaml(tmp_path / "d.yaml", data)
    (f,) = [f for f in evaluate_file(path).findings if f.code == "narrative-number"]
    assert f.severity is Severity.ERROR and f.subject == "c01"
    assert (f.values["stated"], f.values["expected"], f.values["figure"]) == ("86", "50", "migrant_dibao_households")
    assert "劳务移民纳入低保86户90人" in f.message and "{migrant_dibao_households}" in f.message
    assert path.read_text(encoding="utf-8").splitlines()[f.line - 1].lstrip().startswith("- text: ；针对排查结果")


def test_a_literal_number_tied_to_no_figure_is_a_note(tmp_path: Path) -> None:
    data = pingluo()
    data["items"]["c40"]["narrative"][0]["text"] += "共走访300户。"
    path = write_yaml(tmp_path / "d.yaml", data)
    notes = [f for f in evaluate_file(path).findings if f.code == "narrative-unchecked" and f.subject == "c40"]
    assert [n.severity for n in notes] == [Severity.INFO] and "300户" in notes[0].message


def test_a_renamed_copy_is_caught(tmp_path: Path) -> None:
    data = pingluo()
    data["subject"]["name"] = "永宁县"
    path = write_yaml(tmp_path / "d.yaml", data)
    found = [f for f in evaluate_file(path).findings if f.code == "subject-mismatch"]
    assert {f.subject for f in found} == {"issuers", "title", "preamble", "attachments_title"}
    assert all("平罗县" in f.message and "永宁县" in f.message for f in found)


def test_stated_points_are_compared_with_the_rubric(tmp_path: Path) -> None:
    data = pingluo()
    data["points"]["i12"] = 6
    path = write_yaml(tmp_path / "d.yaml", data)
    (f,) = [f for f in evaluate_file(path).findings if f.code == "points-differ"]
    assert f.subject == "i12" and f.values == {"stated": "6", "expected": "5"}
    assert not [f for f in evaluate_file().findings if f.code == "points-differ"]
