"""What holds for every rule kind at once: the registry, the schema's choice by ``kind``, the documentation."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import get_args

import pytest
from pydantic import ValidationError

from helpers import mini_rubric
from selfeval.examples import split
from selfeval.forms.narrative.models import NarrativeRubric as Rubric
from selfeval.rules import RULES, Rule, kind_of


def test_every_kind_is_in_the_union_and_the_registry() -> None:
    union = get_args(get_args(Rule)[0])
    assert {cls.model_fields["kind"].annotation.__args__[0] for cls in union} == set(RULES)
    assert set(union) == set(RULES.values())
    for cls in RULES.values():
        assert cls.__doc__ and len(cls.__doc__) > 40, f"{cls.__name__} needs user documentation"


def test_each_kind_lives_in_the_module_named_for_it() -> None:
    assert len(RULES) == 13
    for kind, cls in RULES.items():
        assert kind_of(cls) == kind
        assert cls.__module__ == f"selfeval.rules.{kind}", cls.__name__


def test_an_unknown_kind_is_a_schema_error_that_lists_the_known_ones() -> None:
    with pytest.raises(ValidationError) as caught:
        Rubric.model_validate(mini_rubric([{"id": "s", "title": "t", "points": 1, "rule": {"kind": "nope"}}]))
    (error,) = caught.value.errors()
    assert error["type"] == "union_tag_invalid"
    assert error["loc"] == ("sections", 0, "rule")
    assert all(f"'{kind}'" in error["msg"] for kind in RULES)


@pytest.mark.parametrize("kind", list(RULES))
def test_documentation_is_chinese_then_english(kind: str) -> None:
    described, _ = split(RULES[kind].__doc__ or "")
    chinese, english = described.split("\n\n")
    assert re.match(r"[\u4e00-\u9fff]", chinese), kind
    assert re.match(r"[A-Z]", english), kind


@pytest.mark.parametrize("kind", list(RULES))
def test_no_name_is_split_where_the_chinese_paragraph_wraps(kind: str) -> None:
    chinese = split(RULES[kind].__doc__ or "")[0].split("\n\n")[0]
    broken = [
        (a, b)
        for a, b in pairwise(chinese.splitlines())
        if re.search(r"[\w.%]$", a, re.ASCII) and re.match(r"[\w%–-]", b, re.ASCII)
    ]
    assert not broken, broken
