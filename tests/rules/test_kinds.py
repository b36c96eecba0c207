"""What holds for every rule kind at once: the registry, the schema's choice by ``kind``, the documentation."""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import get_args

import pytest
import yaml
from pydantic import ValidationError

from helpers import leaf, mini_rubric, rule_examples, write_yaml
from selfeval.examples import Example, split
from selfeval.forms.narrative.models import NarrativeRubric as Rubric
from selfeval.i18n import Lang
from selfeval.inputs import Library
from selfeval.rules import RULES, Rule, kind_of


def test_every_kind_is_in_the_union_and_the_registry() -> None:
    union = get_args(get_args(Rule)[0])
    assert {cls.model_fields["kind"].annotation.__args__[0] for cls in union} == set(RULES)
    assert set(union) == set(RULES.values())
    for cls in RULES.values():
        assert cls.__doc__ and len(cls.__doc__) > 40, f"{cls.__name__} needs user documentation"


def test_each_kind_lives_in_the_module_named_for_it() -> None:
    assert len(RULES) == 14
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


def test_a_kind_that_only_gives_points_is_refused_on_a_deduction(tmp_path: Path) -> None:
    from selfeval.inputs import check_file
    from selfeval.rules import RULES

    deducting = {k for k, cls in RULES.items() if cls.deducts}
    assert deducting == {"fact", "threshold", "per_occurrence", "judged"}
    section = {
        "id": "d",
        "title": "扣分项",
        "type": "deduction",
        "points": 5,
        "children": [leaf("d1", 5, {"kind": "tolerance", "metric": "rate", "min": 90, "step": 2, "deduct": 1})],
    }
    rubric = mini_rubric(
        [
            {"id": "s", "title": "基本", "points": 1, "children": [leaf("s1", 1, {"kind": "fact", "fact": "f"})]},
            section,
        ],
        facts={"f": "事实"},
        figures={"rate": {"title": "满意度", "unit": "%"}},
    )
    path = write_yaml(tmp_path / "r.yaml", rubric)
    (p,) = check_file(path, Library())
    assert p.code == "rule" and "d1 是扣分项，但规则类型 tolerance 只会给分" in p.message
    assert path.read_text(encoding="utf-8").splitlines()[p.line - 1].strip().startswith("rule:")


@pytest.mark.parametrize(
    ("kind", "example"), rule_examples(), ids=[f"{k}-{e.verdict}-{e.title}" for k, e in rule_examples()]
)
def test_an_example_that_says_validate_refuses_is_refused_with_those_words(kind: str, example: Example) -> None:
    """An example may show a rule as a rubric author must not write it, and what ``validate`` then
    says (``validate:``, one message or a list); every other example's rule is one validate accepts."""
    spec = yaml.safe_load(example.source)
    said = spec.get("validate", [])
    rule = RULES[kind].model_validate(spec["rule"])
    flaws = rule.check(Decimal(str(spec.get("points", 4))))
    assert [f.message.text(Lang.ZH) for f in flaws] == (said if isinstance(said, list) else [said])


def test_the_bands_and_tiers_documentation_shows_a_gap_refused() -> None:
    for kind in ("bands", "tiers"):
        shown = [yaml.safe_load(e.source).get("validate", "") for k, e in rule_examples() if k == kind]
        assert any("之间没有" in s for s in shown), kind
