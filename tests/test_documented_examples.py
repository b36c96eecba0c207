"""The worked examples in the rule kinds' and audit checks' documentation hold: each PASS example
passes and each FAIL example fails, as ``selfeval rules`` shows them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import check_examples, rule_examples, run_check_example, run_rule_example
from selfeval.audit import CHECKS
from selfeval.forms import FORMS
from selfeval.models.rubric import NodeType
from selfeval.rules import RULES

RULE_EXAMPLES = rule_examples()
CHECK_EXAMPLES = check_examples()


def test_every_rule_kind_and_check_shows_an_example_that_passes_and_one_that_fails() -> None:
    for kind in RULES:
        verdicts = {ex.verdict for k, ex in RULE_EXAMPLES if k == kind}
        assert verdicts == {"PASS", "FAIL"}, kind
    for check in [*CHECKS, *(c for f in FORMS.values() for c in f.checks)]:
        verdicts = {ex.verdict for c, _, ex in CHECK_EXAMPLES if c.id == check.id}
        assert verdicts == {"PASS", "FAIL"}, check.id


@pytest.mark.parametrize(
    ("kind", "example"), RULE_EXAMPLES, ids=[f"{k}-{e.verdict}-{e.title}" for k, e in RULE_EXAMPLES]
)
def test_rule_example(kind: str, example: Any) -> None:
    spec = yaml.safe_load(example.source)
    r = run_rule_example(example)
    assert r.score == Decimal(str(spec["score"])), r.explanation
    full = r.score == (0 if r.type is NodeType.DEDUCTION else r.max) and not r.ranged
    assert full == (example.verdict == "PASS"), r.explanation


@pytest.mark.parametrize(
    ("check", "form", "example"), CHECK_EXAMPLES, ids=[f"{c.id}-{e.verdict}-{e.title}" for c, _, e in CHECK_EXAMPLES]
)
def test_check_example(tmp_path: Path, check: Any, form: str | None, example: Any) -> None:
    found = [f for f in run_check_example(form, example, tmp_path) if f.code == check.id]
    messages = [f"{f.where}: {f.message}" for f in found]
    assert bool(found) == (example.verdict == "FAIL"), messages
