"""The code's own shape, read from its syntax: what a reviewer would otherwise check by hand."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "selfeval"
MAX_POSITIONAL = 6
"""Past this many, arguments are named: a swap of two alike values must not pass unseen."""
MAX_POSITIONAL_FIELDS = 4
"""A record with more fields than this is built by keyword only."""


def _modules() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"), str(p))) for p in sorted(SRC.rglob("*.py"))]


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(SRC.parent)}:{getattr(node, 'lineno', 0)}"


def test_no_call_passes_more_than_six_positional_arguments() -> None:
    found = [
        f"{_where(path, node)}: {len(node.args)} positional"
        for path, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and len(node.args) > MAX_POSITIONAL
        and not any(isinstance(a, ast.Starred) for a in node.args)
    ]
    assert not found, found


def _dataclass_keywords(cls: ast.ClassDef) -> dict[str, object] | None:
    for deco in cls.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
        if name == "dataclass":
            if not isinstance(deco, ast.Call):
                return {}
            return {k.arg or "": ast.literal_eval(k.value) for k in deco.keywords if isinstance(k.value, ast.Constant)}
    return None


def _fields(cls: ast.ClassDef) -> list[str]:
    out = []
    for stmt in cls.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            ann = ast.unparse(stmt.annotation)
            if not ann.startswith("ClassVar") and not stmt.target.id.startswith("_"):
                out.append(stmt.target.id)
    return out


def test_records_of_more_than_four_fields_are_built_by_keyword() -> None:
    found = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            keywords = _dataclass_keywords(node)
            if keywords is None:
                continue
            fields = _fields(node)
            if len(fields) > MAX_POSITIONAL_FIELDS and keywords.get("kw_only") is not True:
                found.append(f"{_where(path, node)}: {node.name} has {len(fields)} fields")
    assert not found, found


def test_exception_classes_are_defined_in_errors_only() -> None:
    builtin = (
        {n for n in dir(__builtins__) if isinstance(getattr(__builtins__, n, None), type)}
        if not isinstance(__builtins__, dict)
        else {n for n, v in __builtins__.items() if isinstance(v, type)}
    )
    errors = {
        c.name
        for c in ast.walk(ast.parse((SRC / "errors.py").read_text(encoding="utf-8")))
        if isinstance(c, ast.ClassDef)
    }
    found = []
    for path, tree in _modules():
        if path.name == "errors.py" and path.parent == SRC:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases = {ast.unparse(b).rsplit(".", 1)[-1] for b in node.bases}
                exceptional = {b for b in bases if b.endswith(("Error", "Exception", "Exit")) or b in errors}
                if exceptional & (builtin | errors) or any(b.endswith(("Error", "Exception")) for b in bases):
                    found.append(f"{_where(path, node)}: {node.name}({', '.join(sorted(bases))})")
    assert not found, found
