"""The narrative report's view model (:mod:`selfeval.forms.narrative.view`): the scored tree and the
county's text as frozen records, each a name the bundled templates use."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, ROOT, assert_names_exist, evaluate_file, load_yaml, write_yaml
from selfeval.choices import Scores
from selfeval.forms import FORMS, ReportOptions
from selfeval.forms.narrative.text import resolver, texts
from selfeval.forms.narrative.view import TO_FILL, BranchView, ItemView, NarrativeView
from selfeval.inputs import Library
from selfeval.outputs import template
from selfeval.outputs.docx import word_text
from selfeval.outputs.markdown import md_escape
from selfeval.pipeline import evaluate
from selfeval.review import load_ledger

FORM = FORMS["narrative"]
OPTIONS = [
    ReportOptions(),
    ReportOptions(with_audit=True),
    ReportOptions(scores=Scores.CLAIMED),
    ReportOptions(with_audit=True, scores=Scores.CLAIMED),
]


def pingluo() -> dict[str, Any]:
    return load_yaml(DATA)


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Pingluo with a reviewer's adjustment, so that every part of the view has something in it."""
    folder = tmp_path_factory.mktemp("review")
    entry = {"county": "平罗县", "year": 2020, "node": "救助对象满意度", "score": 1, "reason": "满意度82%"}
    ledger = write_yaml(folder / "REVIEW.yaml", {"reviewer": "民政厅", "date": "2021-03-10", "adjustments": [entry]})
    return evaluate(DATA, Library(), load_ledger(ledger))


def view_of(ev: Any, options: ReportOptions | None = None) -> NarrativeView:
    view = FORM.view_model(ev.result, ev.findings, ev.provenance, options or ReportOptions())
    assert isinstance(view, NarrativeView)
    return view


def items(view: NarrativeView) -> list[ItemView]:
    """The numbered items, in order, wherever they stand in the tree."""

    def under(node: ItemView | BranchView) -> list[ItemView]:
        return [node] if isinstance(node, ItemView) else [i for c in node.children for i in under(c)]

    return [i for s in view.sections for i in under(s)]


# ----------------------------------------------------------------------------- the templates' names


@pytest.mark.parametrize("kind", ["markdown", "docx"])
def test_each_name_the_bundled_templates_use_is_on_the_view(reviewed: Any, kind: str) -> None:
    source = (ROOT / "templates" / FORM.templates[kind]).read_text(encoding="utf-8")
    extra = frozenset({"tab"} if kind == "docx" else ())
    assert assert_names_exist(source, view_of(reviewed), extra) > 50  # the template was read


@pytest.mark.parametrize(
    "source",
    ["{{ nope }}", "{{ totals.totl }}", "{{ document.title.x }}", "{% for s in sections %}{{ s.titel }}{% endfor %}"],
)
def test_a_name_the_view_lacks_is_caught(source: str) -> None:
    view = view_of(evaluate_file())
    assert assert_names_exist("{{ totals.total }}{% for s in sections %}{{ s.title }}{% endfor %}", view) == 2
    with pytest.raises(AssertionError):
        assert_names_exist(source, view)


@pytest.mark.parametrize("options", OPTIONS, ids=["computed", "audit", "claimed", "claimed-audit"])
def test_the_bundled_templates_render_every_view(reviewed: Any, options: ReportOptions) -> None:
    view = view_of(reviewed, options)
    md = ROOT / "templates" / FORM.templates["markdown"]
    text = template.render(md.read_text(encoding="utf-8"), str(md), template.each_string(md_escape, view))
    assert (
        "## 附录：评审调整" in text and "| 40\\. 救助对象满意度 | 3 | 1 | 满意度82% | 民政厅 | 2021-03-10 |  |" in text
    )
    assert ("## 附录：审核发现" in text) is options.with_audit
    assert ("各项得分为报告所写的自评得分" in text) is (options.scores is Scores.CLAIMED)
    docx = ROOT / "templates" / FORM.templates["docx"]
    context = {**template.each_string(word_text, view), "tab": "\t"}
    lines = template.render(docx.read_text(encoding="utf-8"), str(docx), context).splitlines()
    assert lines and all(line.startswith("@") for line in lines if line.strip())


# ----------------------------------------------------------------------------- the view itself


def test_the_view_is_frozen_records() -> None:
    view = view_of(evaluate_file())
    assert dataclasses.is_dataclass(view) and type(view).__dataclass_params__.frozen  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.totals = view.totals  # type: ignore[misc]
    section = view.sections[1]
    assert isinstance(section, BranchView) and section.kind == "section"
    assert (section.number, section.title, section.max, section.score, section.claimed) == (
        "二",
        "工作保障与管理",
        "38",
        "37",
        "38",
    )
    assert section.differs and section.type == view.types["standard"]
    assert view.types == {"standard": "standard", "bonus": "bonus", "deduction": "deduction"}
    found = items(view)
    assert [i.number for i in found] == [str(n) for n in range(1, 45)]  # 五's deductions stand under it directly
    assert all(i.kind == "item" and i.segments for i in found)
    assert view.document.date == "2021年3月29日" and view.document.issuers == ["平罗县民政局", "平罗县财政局"]
    assert (view.totals.total, view.totals.computed_total, view.totals.claimed_total) == ("104", "104", "104")
    assert len(view.attachments) == 25 and view.scores == "computed" and not view.with_audit


def test_claimed_scores_are_the_countys_and_none_where_it_states_none() -> None:
    ev = evaluate_file()
    computed, claimed = view_of(ev), view_of(ev, ReportOptions(scores=Scores.CLAIMED))
    assert (computed.sections[1].score, claimed.sections[1].score) == ("37", "38")
    assert claimed.sections[1].computed == "37"  # the computed score is still there to compare
    assert computed.sections[2].score == "44" and claimed.sections[2].score is None  # 三 states no score
    assert claimed.scores == "claimed" and claimed.totals.total == "104"


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


def test_references_print_figures_metrics_and_the_subject(tmp_path: Path) -> None:
    ev = evaluate_file()
    value = resolver(ev.result)
    assert (value("subject.name"), value("subject.year")) == ("平罗县", "2020")
    assert value("care_agreements") == "474" and value("urban_dibao_subsidy_pc") == "559.9"  # as written
    assert value("no_such_figure") == "{no_such_figure}"  # a text is never lost
    data = pingluo()
    data["figures"]["care_agreements"] = None
    data["items"]["c12"]["narrative"][0]["text"] = None
    changed = evaluate_file(write_yaml(tmp_path / "d.yaml", data))
    assert resolver(changed.result)("care_agreements").startswith("【待填：")
    view = view_of(changed)
    (c12,) = [i for i in items(view) if i.id == "c12"]
    assert c12.segments[0].text == TO_FILL


def test_texts_are_every_text_the_county_wrote_with_its_place() -> None:
    found = dict(texts(evaluate_file().result.data))
    assert found[("document", "issuers", 1)] == "平罗县财政局"
    assert found[("document", "title")] == "平罗县2020年度困难群众救助工作绩效自评报告"
    assert found[("items", "c11", "narrative", 0, "text")].startswith("与{care_agreements}名")
    assert ("document", "number") not in found  # a 文号 is not text the county writes about itself
