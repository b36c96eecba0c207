"""Every key a rubric, a data file or a review ledger may hold says what it means, in Chinese
first and then in English: ``selfeval rules --keys`` and ``selfeval schema`` read the docstring
under each field, so a key without one would be shown to a clerk with no meaning (or an English
one in a Chinese run).

The models are walked from what the files are read with (each registered form's rubric and data
model, and the ledger), so a form or a key added later is held to the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, get_args, get_origin

import pytest
from pydantic import BaseModel

from selfeval.forms import FORMS
from selfeval.i18n import Lang, speaking
from selfeval.messages import MESSAGES
from selfeval.models.review import Ledger
from selfeval.reference import _own_docs, attribute_docs, in_language
from selfeval.rules import RuleBase

HAN = re.compile(r"[\u4e00-\u9fff]")


def _inner(tp: Any) -> Iterator[type[BaseModel]]:
    """The models a field's type holds: inside Optional, lists, mappings, unions and Annotated."""
    if get_origin(tp) is not None:
        for arg in get_args(tp):
            yield from _inner(arg)
    elif isinstance(tp, type) and issubclass(tp, BaseModel):
        yield tp


def reachable(roots: list[type[BaseModel]]) -> list[type[BaseModel]]:
    """Every model a file read with ``roots`` may hold, each once, in the order first met."""
    seen: dict[type[BaseModel], None] = {}
    todo = list(roots)
    while todo:
        model = todo.pop(0)
        if model in seen:
            continue
        seen[model] = None
        for info in model.model_fields.values():
            todo += [m for m in _inner(info.annotation) if m not in seen]
    return list(seen)


def undocumented(models: list[type[BaseModel]], read: Callable[[type], dict[str, str]] = attribute_docs) -> list[str]:
    """``Model.field`` for each field whose docstring (as ``read`` finds it: as the reference does)
    is not Chinese, a blank line, then English."""
    out = []
    for model in models:
        docs = read(model)
        for name in model.model_fields:
            if name == "kind" and issubclass(model, RuleBase):
                continue  # the rule kind's own docstring says it; the reference names it (ref-kind)
            zh, _, en = docs.get(name, "").partition("\n\n")
            if not HAN.search(zh) or not re.search(r"[A-Za-z]", en):
                out.append(f"{model.__module__}.{model.__name__}.{name}")
    return out


def _roots() -> list[type[BaseModel]]:
    return [*(m for f in FORMS.values() for m in (f.rubric_model, f.data_model)), Ledger]


def test_the_walk_reaches_every_kind_of_file_and_what_it_holds() -> None:
    names = {m.__name__ for m in reachable(_roots())}
    # a rubric's tree and rules, a data file's sections of either form, the ledger's entries
    assert {"Node", "ThresholdRule", "Tier", "Figure", "Evidence", "ReportDocument", "Row", "Value"} <= names
    assert {"Wording", "Funding", "Comparators", "Qualitative", "Money", "Line", "Entry"} <= names


def test_a_field_without_a_chinese_docstring_is_found() -> None:
    class Sample(BaseModel):
        said: int = 0
        """说明。

        What it is."""
        english: int = 0
        """Only English."""
        chinese: int = 0
        """只有中文。"""
        bare: int = 0

    # read as the reference reads a class of the package (which this test module is not)
    assert undocumented([Sample], _own_docs) == [f"{__name__}.Sample.{n}" for n in ("english", "chinese", "bare")]


def test_every_key_of_every_file_says_what_it_means_in_chinese_and_english() -> None:
    missing = undocumented(reachable(_roots()))
    assert not missing, "fields without a docstring in Chinese, then English:\n" + "\n".join(missing)


def test_a_rule_kinds_kind_is_described_by_the_catalogue() -> None:
    assert HAN.search(MESSAGES["ref-kind"][0])


@pytest.mark.parametrize(
    ("lang", "funding", "sections"), [(Lang.ZH, "项目资金", "指标树"), (Lang.EN, "The budget", "The indicator")]
)
def test_rules_keys_shows_the_form_keys_in_the_runs_language(lang: Lang, funding: str, sections: str) -> None:
    from selfeval.forms.narrative.models import NarrativeRubric
    from selfeval.forms.project_table.models import TableRubric

    with speaking(lang):
        assert in_language(attribute_docs(TableRubric)["funding"]).startswith(funding)
        assert in_language(attribute_docs(NarrativeRubric)["sections"]).startswith(sections)
