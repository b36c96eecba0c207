"""The narrative form (:class:`selfeval.forms.narrative.NarrativeForm`): the tree it scores (the
bundled example, Pingluo County 2020, from its own figures and evidence), what it checks in a data
file, what it lists as left to fill, who a file is about and what a Word file says about itself."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import DATA, ROOT, evaluate_file, load_yaml, score_file, write_yaml
from selfeval.errors import InputError
from selfeval.forms import DEFAULT_FORM, FORMS, ReportOptions
from selfeval.forms.narrative import NarrativeForm
from selfeval.forms.narrative.checks import CHECKS
from selfeval.inputs import Library, check_file
from selfeval.problems import Severity

# What the filed report's numbered items state, section by section (「得X分」 clauses added up,
# each indicator capped at its points where the rubric caps it).
FILED_ITEMS = {
    "s1": D(6) + 3 + 6 + 3,  # (一) items give 8, capped at 6
    "s2": D(8) + 8 + 10 + 4 + 6,  # (五) items give 9, capped at 8; (六) items give 8: item 12 states none
    "s3": D(20) + 14 + 5 + 5,
    "s4": D(5),
    "s5": D(0),
}


def pingluo() -> dict[str, Any]:
    return load_yaml(DATA)


def _changed(tmp_path: Path, figure: str, value: object) -> Path:
    text = DATA.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["figures"][figure] = value
    out = tmp_path / "changed.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def test_the_form_is_registered_with_its_templates_and_checks() -> None:
    form = FORMS["narrative"]
    assert isinstance(form, NarrativeForm) and DEFAULT_FORM == "narrative"
    assert (form.name, form.title) == ("narrative", "自评报告")
    assert form.checks == CHECKS
    assert {"narrative-number", "document-number", "subject-mismatch"} <= {c.id for c in form.checks}
    assert all((ROOT / "templates" / name).is_file() for name in form.templates.values())
    assert set(form.templates) == {"markdown", "docx", "docx-reference"}


# ----------------------------------------------------------------------------- the tree: Pingluo scored


def test_the_tree_is_the_rubrics() -> None:
    ev = evaluate_file()
    form = FORMS["narrative"]
    assert form.tree(ev.rubric.rubric, ev.result.data) is ev.rubric.rubric.sections
    assert [n.id for n, _, _ in form.walked(ev.rubric.rubric, ev.result.data)] == [n.id for n in ev.result.walk()]


def test_sections_match_what_the_filed_items_add_up_to() -> None:
    r = score_file()
    by_id = r.by_id()
    for sid, expected in FILED_ITEMS.items():
        got = by_id[sid].score
        if sid == "s2":
            # Item 12 states no score; its rule (217 of 217 housed, 100%) earns its 1 point.
            assert by_id["c12"].claimed is None and by_id["c12"].score == 1
            assert got == expected + 1, sid
        else:
            assert got == expected, sid


def test_totals() -> None:
    r = score_file()
    assert (r.standard, r.bonus, r.deduction, r.total) == (D(99), D(5), D(0), D(104))
    assert r.grade == "优"
    # The county claimed 104 in its opening; the headings claim 38 for 二 where its items give 37.
    assert r.claimed_total == 104
    assert r.by_id()["s2"].claimed == 38 and r.by_id()["s2"].score == 37


def test_item_27_loses_a_point_by_rule() -> None:
    c27 = score_file().by_id()["c27"]
    assert (c27.max, c27.score, c27.claimed) == (2, 1, 1)
    assert "2070" in c27.explanation


def test_low_satisfaction_loses_the_right_points(tmp_path: Path) -> None:
    # 满意度 82%: 8 points under the 90% line, 4 steps of 2 points, 1 point each: 3 - 4 → 0.
    r = score_file(_changed(tmp_path, "recipient_satisfaction_pct", 82))
    c40 = r.by_id()["c40"]
    assert c40.score == 0 and c40.claimed == 3
    assert "82%" in c40.explanation and "扣3分" in c40.explanation
    assert r.by_id()["i13"].score == 2
    assert r.total == D(101)
    # 88%: one started step below 90 → 1 point off.
    assert score_file(_changed(tmp_path, "recipient_satisfaction_pct", 88)).by_id()["c40"].score == 2


def test_lower_subsidy_fails_the_standard_item(tmp_path: Path) -> None:
    # Urban funds so low that the per-capita subsidy falls below the region's 444 元.
    r = score_file(_changed(tmp_path, "urban_dibao_funds", "600万元"))
    c05 = r.by_id()["c05"]
    assert c05.score == 0
    assert "未高于0元，不得分" in c05.explanation
    # (五) has 9 points of items capped at 8: losing item 5's 4 points costs 3.
    assert r.by_id()["i05"].score == 5


# ----------------------------------------------------------------------------- check_data


def test_unknown_reference_is_an_error_at_its_line(tmp_path: Path) -> None:
    data = pingluo()
    data["items"]["c11"]["narrative"][0]["text"] = "与{care_agreement}名"
    path = write_yaml(tmp_path / "d.yaml", data)
    with pytest.raises(InputError) as e:
        evaluate_file(path)
    (p,) = e.value.problems
    assert "未知的引用 {care_agreement}" in p.message and "是否应为“care_agreements”" in p.message
    assert path.read_text(encoding="utf-8").splitlines()[p.line - 1].strip().startswith("- text: 与{care_agreement}")


def test_an_item_or_clause_the_rubric_does_not_have_is_an_error(tmp_path: Path) -> None:
    data = pingluo()
    data["items"]["c99"] = {"narrative": [{"text": "多出的一项"}]}
    data["items"]["c12"]["narrative"][0]["score"] = "c12.9"
    path = write_yaml(tmp_path / "d.yaml", data)
    with pytest.raises(InputError) as e:
        evaluate_file(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    found = sorted((p.code, lines[p.line - 1].strip()) for p in e.value.problems)
    assert found == [("unknown-node", "c99:"), ("unknown-node", "score: c12.9")]
    assert all(p.severity is Severity.ERROR for p in e.value.problems)


# ----------------------------------------------------------------------------- left_to_fill


def test_what_is_left_to_write_is_listed_at_its_line(tmp_path: Path) -> None:
    data = pingluo()
    data["document"]["number"] = None
    data["document"]["preamble"] = None
    data["items"]["c11"]["narrative"][0]["text"] = None
    data["attachments"][2]["number"] = None
    path = write_yaml(tmp_path / "d.yaml", data)
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [p for p in check_file(path, Library()) if p.code == "to-fill"]
    assert all(p.severity is Severity.WARNING for p in found)
    assert [(lines[p.line - 1].strip(), p.message.split("（")[0]) for p in found] == [
        ("number: null", "document.number"),
        ("preamble: null", "document.preamble"),
        ("- text: null", "items.c11.narrative[1].text"),
        ("number: null", "attachments[3].number"),
    ]
    assert not [p for p in check_file(DATA, Library()) if p.code == "to-fill"]  # the example is whole


# ----------------------------------------------------------------------------- identity, properties


def test_identity_and_properties(tmp_path: Path) -> None:
    form = FORMS["narrative"]
    ev = evaluate_file()
    assert form.identity(ev.result.data) == ("平罗县", "2020")
    about = form.properties(ev.result)
    assert about.title == "平罗县2020年度困难群众救助工作绩效自评报告"
    assert about.author == "平罗县民政局、平罗县财政局" and str(about.date) == "2021-03-29"
    data = pingluo()
    data["document"]["title"] = "{subject.name}{subject.year}年度报告"
    assert form.properties(evaluate_file(write_yaml(tmp_path / "d.yaml", data)).result).title == "平罗县2020年度报告"
    del data["document"]  # no letterhead: the form's own title, by the county
    bare = form.properties(evaluate_file(write_yaml(tmp_path / "bare.yaml", data)).result)
    assert (bare.title, bare.author, bare.date) == ("平罗县2020年度自评报告", "平罗县", None)
    assert form.sheet(form.view_model(ev.result, [], ev.provenance, ReportOptions())) is None  # files a 评分表


# ----------------------------------------------------------------------------- the form's checks, end to end


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
