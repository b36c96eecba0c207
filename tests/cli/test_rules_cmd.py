"""``selfeval rules [KIND]`` and ``--keys``: every key of a rule kind, a rubric and a node, with its
type, default and meaning, generated from the models; an unknown kind told what was meant."""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from selfeval.cli import app
from selfeval.forms import FORMS
from selfeval.models import rubric as rubric_models
from selfeval.models.rubric import Node, RubricBase
from selfeval.reference import attribute_docs
from selfeval.rules import RULES, RuleBase


def _models_in(tp: Any) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for a in get_args(tp) for m in _models_in(a)] if get_origin(tp) else []


def _reachable(*roots: type[BaseModel], stop: tuple[type, ...] = ()) -> list[type[BaseModel]]:
    """Every model a rubric author writes, from ``roots`` down through their keys."""
    seen: list[type[BaseModel]] = []
    todo = list(roots)
    while todo:
        m = todo.pop()
        if m in seen or issubclass(m, stop):
            continue
        seen.append(m)
        for f in m.model_fields.values():
            todo += _models_in(f.annotation)
    return seen


def test_threshold_lists_its_keys_with_type_default_and_meaning_and_its_examples(runner: Any) -> None:
    result = runner.invoke(app, ["rules", "threshold"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("threshold\n")
    lines = out.splitlines()
    for key in ["kind", "metric", "op", "value", "against", "points", "else_points", "note"]:
        assert any(line.split()[:1] == [key] for line in lines), key
    row = next(line for line in lines if line.split()[:1] == ["else_points"])
    assert "数" in row and " 0 " in row and "不满足条件时" in row  # type, default, meaning
    assert ">= | > | <= | < | ==" in out and "必填" in out
    assert "例（得满分）" in out and "例（失分）" in out and "against: region_standard" in out
    assert "bands" not in out  # one kind only


def test_unknown_kind_is_a_usage_error_that_says_what_was_meant(runner: Any) -> None:
    result = runner.invoke(app, ["rules", "thresold"])
    assert result.exit_code == 2
    assert "是否应为“threshold”" in result.output
    assert "threshold" not in result.stdout


def test_an_audit_check_by_its_code(runner: Any) -> None:
    from selfeval.audit import CHECKS

    check = CHECKS[0]
    result = runner.invoke(app, ["rules", check.id])
    assert result.exit_code == 0 and result.stdout.startswith(check.id)


@pytest.mark.parametrize("kind", list(RULES))
def test_every_key_of_every_kind_is_listed_and_documented_in_both_languages(runner: Any, kind: str) -> None:
    out = runner.invoke(app, ["rules", kind]).stdout
    words = {w for line in out.splitlines() for w in line.split()[:1]}
    for model in _reachable(RULES[kind]):
        docs = attribute_docs(model)
        for name in model.model_fields:
            assert name in words, (kind, model.__name__, name)
            if name != "kind":
                zh, _, en = docs.get(name, "").partition("\n\n")
                assert zh.strip() and en.strip() and not zh.isascii(), (kind, model.__name__, name)


def test_keys_lists_every_key_of_a_rubric_and_a_node_from_the_models(runner: Any) -> None:
    result = runner.invoke(app, ["rules", "--keys"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    words = {w for line in out.splitlines() for w in line.split()[:1]}
    roots = [RubricBase, Node, *(f.rubric_model for f in FORMS.values())]
    models = _reachable(*roots, stop=(RuleBase,))
    assert Node in models and rubric_models.Grade in models and rubric_models.Veto in models
    for model in models:
        for name in model.model_fields:
            assert name in words, (model.__name__, name)
    # not_applicable and its values, each said
    assert "not_applicable 的取值：" in out
    for value in ("rescale：", "zero：", "full：", "standard：", "deduction："):
        assert value in out, value
    assert "bonus_cap" in out and "children_exceed" in out and "vetoes 每一项的键：" in out


def test_the_shared_models_document_every_key_in_both_languages() -> None:
    models = _reachable(RubricBase, Node, stop=(RuleBase,))
    for model in models:
        if model.__module__ != rubric_models.__name__:
            continue
        docs = attribute_docs(model)
        for name in model.model_fields:
            zh, _, en = docs.get(name, "").partition("\n\n")
            assert zh.strip() and en.strip() and not zh.isascii(), (model.__name__, name)


def test_english_on_request(runner: Any) -> None:
    out = runner.invoke(app, ["--lang", "en", "rules", "threshold"]).stdout
    assert "Keys of rule:" in out and "required" in out and "The comparator, in ASCII" in out
    assert "必填" not in out
    out = runner.invoke(app, ["--lang", "en", "rules", "--keys"]).stdout
    assert "Keys of a node" in out and "values of not_applicable:" in out


def test_fitted_to_a_narrow_terminal(runner: Any) -> None:
    from rich.cells import cell_len

    out = runner.invoke(app, ["rules", "--keys"], env={"COLUMNS": "60"}).stdout
    assert max(cell_len(line) for line in out.splitlines()) <= 60
    assert "rescale" in out and "not_applicable" in out


def test_the_whole_listing_shows_each_kind_with_its_keys(runner: Any) -> None:
    out = runner.invoke(app, ["rules"]).stdout
    for kind in RULES:
        assert f"\n{kind}\n    " in out, kind
    assert out.count("rule 的键：") == len(RULES)


def test_type_words_cover_the_union_of_rules_and_nodes() -> None:
    from selfeval.reference import type_words

    node = Node.model_fields
    assert type_words(node["rule"].annotation).startswith("规则")
    assert type_words(node["children"].annotation) == "列表，每项：节点"
    assert type_words(Union[int, None]) == "整数"  # noqa: UP007
    assert type_words(types.UnionType) == "UnionType"
