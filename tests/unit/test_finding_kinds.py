"""Every finding code the tool can produce is said in words on the province's page and workbook.

:func:`selfeval.province.kind_of` names a finding's kind from a ``finding-kind-<code>`` entry and
falls back to 其他: without this a new check or a new loading problem would show as 其他. The
codes are gathered from the registries (the shared checks, each form's) and from the source
itself (every literal code a problem is made with), so a code added anywhere is caught here.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest

import selfeval
from selfeval import errors
from selfeval.audit import CHECKS
from selfeval.forms import FORMS
from selfeval.i18n import Lang, speaking
from selfeval.load import Document
from selfeval.messages import MESSAGES
from selfeval.province import kind_of

SOURCE = Path(selfeval.__file__).resolve().parent

CODE_AT = {"of": 4, "problem": 2, "finding": 1}
"""Where the code stands among the positional arguments: ``Problem.of(path, line, col, message,
code, severity)``, ``doc.problem(loc, message, code)``, ``audit.finding(severity, code, …)``."""


def _strings(tree: ast.Module) -> dict[str, str]:
    """The module's constants that are strings (``ID = "claim-sum"``)."""
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            out.update({t.id: node.value.value for t in node.targets if isinstance(t, ast.Name)})
    return out


def _literal(node: ast.expr, names: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    return None


def _codes_in(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = _strings(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for kw in node.keywords:
            if kw.arg == "code" and (code := _literal(kw.value, names)) is not None:
                yield code
        func = node.func
        at = CODE_AT.get(func.attr) if isinstance(func, ast.Attribute) else None
        args = node.args
        if at is None or any(isinstance(a, ast.Starred) for a in args[:at]):
            # Problem.of(path, *where, message, code, severity): the code stands just before the severity
            severity = [i for i, a in enumerate(args) if isinstance(a, ast.Attribute) and _is_severity(a)]
            at = severity[0] - 1 if at is not None and severity else None
        if at is not None and at < len(args) and (code := _literal(args[at], names)) is not None:
            yield code


def _is_severity(node: ast.Attribute) -> bool:
    return isinstance(node.value, ast.Name) and node.value.id == "Severity"


def source_codes() -> set[str]:
    return {code for path in sorted(SOURCE.rglob("*.py")) for code in _codes_in(path)}


def all_codes() -> set[str]:
    checks = [*CHECKS, *(c for form in FORMS.values() for c in form.checks)]
    said = (getattr(cls, "code", None) for _, cls in inspect.getmembers(errors, inspect.isclass))
    refused = {code for code in said if isinstance(code, str)}  # RefusedInput and its kinds
    default = inspect.signature(Document.problem).parameters["code"].default
    return {c.id for c in checks} | refused | {default} | source_codes()


def test_the_codes_are_found() -> None:
    # the scan itself: a registry's check, each kind of call and a refusal are all seen
    codes = all_codes()
    assert {"claim-sum", "table-cells", "subject-mismatch"} <= codes  # shared and each form's checks
    assert {"yaml-syntax", "too-large", "usage", "internal"} <= codes  # Problem.of, also after *where
    assert {"duplicate-id", "unknown-node", "adjust-unmatched", "to-fill"} <= codes  # doc.problem
    assert {"duplicate-key", "refused", "input"} <= codes  # refusals and the default
    assert {"date", "number", "total"}.isdisjoint(codes)  # a finding's subject is not its code


@pytest.mark.parametrize("code", sorted(all_codes()))
def test_every_code_has_a_kind(code: str) -> None:
    key = f"finding-kind-{code}"
    assert key in MESSAGES, f"{code}: add {key} to the catalogue, or the province shows it as 其他"
    zh, en = MESSAGES[key]
    assert zh and en and zh != MESSAGES["finding-kind-other"][0]


def test_an_unknown_code_is_other() -> None:
    assert kind_of("no-such-check") == "其他"
    with speaking(Lang.EN):
        assert kind_of("claim-sum") == "claims do not add up"
