"""The narrative form's models (:mod:`selfeval.forms.narrative.models`): a rubric that holds its
indicator tree, and a data file that holds the report's text; the bundled pair they read."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from pydantic import ValidationError

from helpers import DATA, FILED, RUBRIC, leaf, load_yaml, mini_data, mini_rubric
from selfeval.forms.narrative.models import NarrativeData, NarrativeRubric, Segment


def small_rubric(**extra: Any) -> dict[str, Any]:
    sections = [{"id": "s1", "title": "一", "points": 4, "children": [leaf("x", 4, {"kind": "fact", "fact": "f"})]}]
    return mini_rubric(sections, facts={"f": "事实"}, **extra)


def test_rubric_file_is_the_bundled_one() -> None:
    assert RUBRIC.name == "2020_county.yaml"


def test_every_number_of_the_filed_report_is_in_the_data_file() -> None:
    numbers = set(re.findall(r"\d+(?:\.\d+)?", FILED.read_text(encoding="utf-8")))
    data = set(re.findall(r"\d+(?:\.\d+)?", DATA.read_text(encoding="utf-8")))
    assert numbers - data == set()


def test_the_rubric_holds_its_tree() -> None:
    rubric = NarrativeRubric.model_validate(small_rubric())
    assert rubric.form == "narrative"  # a rubric that does not say is a narrative one
    assert [n.id for n, _, _ in rubric.walked] == ["s1", "x"]
    assert rubric.walked is rubric.walked  # walked once, for every file of a batch
    with pytest.raises(ValidationError):
        NarrativeRubric.model_validate(small_rubric(form="project_table"))
    with pytest.raises(ValidationError):
        NarrativeRubric.model_validate({**small_rubric(), "sections": []})  # a tree has a section
    bundled = NarrativeRubric.model_validate(load_yaml(RUBRIC))
    assert [s.id for s in bundled.sections] == ["s1", "s2", "s3", "s4", "s5"]
    assert len(bundled.walked) == 89


def test_the_data_holds_the_report_text() -> None:
    data = NarrativeData.model_validate(
        mini_data(
            document={
                "issuers": ["某县民政局"],
                "title": "{subject.name}报告",
                "addressee": "厅",
                "preamble": None,
                "date": "2021-03-31",
            },
            items={"c1": {"narrative": [{"text": "共{a}户", "score": "x"}, {"text": None}]}},
            attachments=[{"title": "材料"}],
        )
    )
    assert data.document is not None and data.document.date == dt.date(2021, 3, 31)
    assert data.document.number is None and data.document.preamble is None  # ~: still to write
    assert data.items["c1"].narrative == [Segment(text="共{a}户", score="x"), Segment(text=None)]
    assert data.attachments[0].number is None
    bare = NarrativeData.model_validate(mini_data())
    assert (bare.document, bare.items, bare.attachments) == (None, {}, [])


@pytest.mark.parametrize(
    "bad",
    [
        {"items": {"c1": {"narrative": []}}},  # an item has text
        {"items": {"c1": {"narrative": [{"text": "x", "scores": "x"}]}}},  # a misspelt key is refused
        {"attachments": [{"title": ""}]},
        {"document": {"issuers": [], "title": "t", "addressee": "a", "preamble": None, "date": "2021-03-31"}},
        {"document": {"issuers": ["a"], "title": "t", "addressee": "a", "preamble": None}},  # no date
    ],
)
def test_a_malformed_report_text_is_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        NarrativeData.model_validate(mini_data(**bad))
