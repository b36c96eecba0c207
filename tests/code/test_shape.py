"""The code's own shape, read from its syntax: what a reviewer would otherwise check by hand.

Each rule is a function over a module's syntax tree, tried first on a snippet that breaks it
(so the rule can fail), then on every module of the package.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "selfeval"
MAX_POSITIONAL = 6
"""Past this many, arguments are named: a swap of two alike values must not pass unseen."""
MAX_POSITIONAL_FIELDS = 4
"""A record with more fields than this is built by keyword only."""


@functools.cache
def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (str(p.relative_to(SRC.parent)), ast.parse(p.read_text(encoding="utf-8"), str(p)))
        for p in sorted(SRC.rglob("*.py"))
    ]


def many_positional(tree: ast.Module) -> list[str]:
    """Calls passing more than :data:`MAX_POSITIONAL` positional arguments."""
    return [
        f"{node.lineno}: {len(node.args)} positional"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and len(node.args) > MAX_POSITIONAL
        and not any(isinstance(a, ast.Starred) for a in node.args)
    ]


def _dataclass_options(cls: ast.ClassDef) -> dict[str, object] | None:
    """The keyword options of a class's ``@dataclass`` decorator, or None when it is no dataclass."""
    for deco in cls.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
        if name == "dataclass":
            if not isinstance(deco, ast.Call):
                return {}
            return {k.arg or "": k.value.value for k in deco.keywords if isinstance(k.value, ast.Constant)}
    return None


def positional_records(tree: ast.Module) -> list[str]:
    """Dataclasses of more than :data:`MAX_POSITIONAL_FIELDS` fields that can be built positionally."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        options = _dataclass_options(node)
        if options is None:
            continue
        fields = [
            s.target.id
            for s in node.body
            if isinstance(s, ast.AnnAssign)
            and isinstance(s.target, ast.Name)
            and not ast.unparse(s.annotation).startswith("ClassVar")
        ]
        if len(fields) > MAX_POSITIONAL_FIELDS and options.get("kw_only") is not True:
            found.append(f"{node.lineno}: {node.name} has {len(fields)} fields")
    return found


def exception_classes(tree: ast.Module) -> list[str]:
    """Classes that derive from an exception (a base named …Error, …Exception or …Exit)."""
    return [
        f"{node.lineno}: {node.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any(ast.unparse(b).endswith(("Error", "Exception", "Exit")) for b in node.bases)
    ]


def test_the_rules_catch_what_they_are_for() -> None:
    bad = ast.parse(
        "f(1, 2, 3, 4, 5, 6, 7)\n"
        "@dataclass(frozen=True)\nclass R:\n    a: int\n    b: int\n    c: int\n    d: int\n    e: int\n"
        "class Oops(ValueError):\n    pass\n"
    )
    assert many_positional(bad) == ["1: 7 positional"]
    assert positional_records(bad) == ["3: R has 5 fields"]
    assert exception_classes(bad) == ["9: Oops"]
    good = ast.parse("f(1, 2, 3, *rest)\n@dataclass(kw_only=True)\nclass R:\n    a: int\n    b: int\n    c: int\n")
    assert many_positional(good) == positional_records(good) == exception_classes(good) == []


def test_no_call_passes_more_than_six_positional_arguments() -> None:
    found = [f"{path}:{where}" for path, tree in _modules() for where in many_positional(tree)]
    assert not found, found


def test_records_of_more_than_four_fields_are_built_by_keyword() -> None:
    found = [f"{path}:{where}" for path, tree in _modules() for where in positional_records(tree)]
    assert not found, found


def test_exception_classes_are_defined_in_errors_only() -> None:
    found = [
        f"{path}:{where}"
        for path, tree in _modules()
        if path != "selfeval/errors.py"
        for where in exception_classes(tree)
    ]
    assert not found, found
    errors = dict(_modules())["selfeval/errors.py"]
    declared = {n.value for n in ast.walk(errors) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    defined = {n.name for n in ast.walk(errors) if isinstance(n, ast.ClassDef)}
    assert defined <= declared, defined - declared  # every class is in __all__


def form_imports(path: str, tree: ast.Module, forms: frozenset[str]) -> list[str]:
    """Imports of a form's own modules (``selfeval.forms.<form>…``) from anywhere but that form
    and the registry; the interface and the shared view pieces are for every form."""
    parts = path.removesuffix(".py").split("/")
    own = parts[2] if parts[1] == "forms" and len(parts) > 3 else None
    if path == "selfeval/forms/__init__.py":
        return []
    named: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            named += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "selfeval.forms":
            named += [f"selfeval.forms.{a.name}" for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            named.append(node.module)
    found = []
    for name in named:
        bits = name.split(".")
        if bits[:2] == ["selfeval", "forms"] and len(bits) > 2 and bits[2] in forms and bits[2] != own:
            found.append(f"{path}: {name}")
    return found


def test_the_form_rule_catches_every_way_of_importing() -> None:
    forms = frozenset({"narrative", "project_table"})
    bad = ast.parse(
        "import selfeval.forms.narrative.text\nfrom selfeval.forms import project_table\n"
        "from selfeval.forms.narrative.view import x\nfrom selfeval.forms import FORMS\n"
    )
    assert len(form_imports("selfeval/audit/veto.py", bad, forms)) == 3
    assert form_imports("selfeval/forms/narrative/view.py", bad, forms) == [
        "selfeval/forms/narrative/view.py: selfeval.forms.project_table"
    ]


def test_no_module_imports_a_form_but_the_registry_and_the_form_itself() -> None:
    from selfeval.forms import PACKAGES

    found = [f for path, tree in _modules() for f in form_imports(path, tree, frozenset(PACKAGES))]
    assert not found, found


def test_the_shared_audit_imports_no_form() -> None:
    found = [
        f"{path}: {node.module}"
        for path, tree in _modules()
        if path.startswith("selfeval/audit/")
        for node in ast.walk(tree)
        if (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("selfeval.forms"))
        or (isinstance(node, ast.Import) and any(a.name.startswith("selfeval.forms") for a in node.names))
    ]
    assert not found, found
