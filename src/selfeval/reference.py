"""The rubric author's reference: every key a rubric, a node and a rule kind accept, with its
type, its default and what it means, read from the models themselves (their fields and the
docstring under each), so the reference cannot say other than what a rubric is read as.
``selfeval rules`` prints it; ``selfeval rules KIND`` one kind, ``selfeval rules --keys`` the
rubric's own keys.

A field's docstring is Chinese, then a blank line, then English; the run's language picks one.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import re
import textwrap
import types
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from selfeval.examples import split
from selfeval.i18n import Lang, current, t


@dataclass(frozen=True)
class FieldDoc:
    """One key of a model, for people."""

    name: str
    type: str
    default: str | None
    """As a rubric would write it; None when the key is required."""
    doc: str


@dataclass(frozen=True)
class ValueDoc:
    """One value a key may take (``not_applicable: zero``), for people."""

    value: str
    doc: str


@dataclass(frozen=True)
class ModelDoc:
    """The keys of one mapping of a rubric, and the values of those of its keys that are a choice."""

    heading: str
    model: type[BaseModel]
    fields: list[FieldDoc]
    values: dict[str, list[ValueDoc]]


@cache
def _own_docs(cls: type) -> dict[str, str]:
    """The docstrings written under a class's own attributes."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # no source (a frozen build): the reference says less, nothing fails
        return {}
    body = next((n.body for n in ast.parse(source).body if isinstance(n, ast.ClassDef)), [])
    out: dict[str, str] = {}
    for node, after in itertools.pairwise(body):
        target = (
            node.target
            if isinstance(node, ast.AnnAssign)
            else node.targets[0]
            if isinstance(node, ast.Assign)
            else None
        )
        said = after.value.value if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant) else None
        if isinstance(target, ast.Name) and isinstance(said, str):
            out[target.id] = inspect.cleandoc(said)
    return out


def attribute_docs(cls: type) -> dict[str, str]:
    """The docstrings under a class's attributes, its bases' included (its own win)."""
    out: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("selfeval"):
            out.update(_own_docs(klass))
    return out


def in_language(doc: str) -> str:
    """A bilingual docstring's part in the run's language, on one line (Chinese first, then English
    after a blank line; a docstring in one language is that language's for both)."""
    parts = [p.strip() for p in doc.split("\n\n", 1)]
    zh, en = (parts[0], parts[1]) if len(parts) > 1 else (parts[0], parts[0])
    if current() is Lang.EN:
        return " ".join(en.replace("``", "").split())
    # lines run on without a space between Chinese characters, with one between words
    return re.sub(r"(?<=[^\x00-\x7f])\s*\n\s*(?=[^\x00-\x7f])|\s*\n\s*", _joint, zh.replace("``", ""))


def _joint(m: re.Match[str]) -> str:
    return "" if m.group().strip(" ") == "\n" and m.start() > 0 and not m.string[m.start() - 1].isascii() else " "


def _quoted(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) and (not value or not value.isidentifier()) else str(value)


def type_words(tp: Any) -> str:
    """A field's type as a rubric author reads it: 数, 文字, "a" | "b", 列表（每项：…）."""
    from selfeval.models.rubric import Node
    from selfeval.rules import RuleBase

    if get_origin(tp) is Annotated:
        return type_words(get_args(tp)[0])
    if tp is Node:
        return t("ref-type-node")
    if get_origin(tp) in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        if options and all(isinstance(a, type) and issubclass(a, RuleBase) for a in options):
            return t("ref-type-rule")
        if options and all(isinstance(a, type) and issubclass(a, BaseModel) for a in options):
            return t("ref-type-mapping")
        return " | ".join(type_words(a) for a in options)
    if get_origin(tp) is Literal:
        return " | ".join(_quoted(a) for a in get_args(tp))
    if get_origin(tp) is list:
        return t("ref-type-list", item=type_words(get_args(tp)[0]))
    if get_origin(tp) is dict:
        key, value = get_args(tp)
        return t(
            "ref-type-dict",
            key=type_words(key) if get_origin(key) is Literal else t("ref-type-name"),
            value=type_words(value),
        )
    if isinstance(tp, type) and issubclass(tp, Enum):
        return " | ".join(str(m.value) for m in tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return t("ref-type-mapping")
    names = {Decimal: "ref-type-number", int: "ref-type-integer", str: "ref-type-text", bool: "ref-type-bool"}
    key = names.get(tp) if isinstance(tp, type) else None
    return t(key) if key else str(getattr(tp, "__name__", tp))


def value_words(value: object) -> str:
    """A default as a rubric would write it."""
    if value is None:
        return t("ref-default-none")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, BaseModel):
        model = type(value)
        if not any(f.is_required() for f in model.model_fields.values()) and value == model():
            return t("ref-default-below")  # all its own defaults: each is shown with its key below
        value = value.model_dump(exclude_none=True)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {value_words(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(value_words(v) for v in value) + "]"
    return _quoted(value) if isinstance(value, str) else str(value)


def _default(info: FieldInfo) -> str | None:
    if info.is_required():
        return None
    if info.default_factory is not None:
        return value_words(info.default_factory())  # type: ignore[call-arg]
    return value_words(info.default)


def _choices(tp: Any) -> type[Enum] | None:
    """The enum a field's values come from, through Optional."""
    if get_origin(tp) in (Union, types.UnionType):
        tp = next((a for a in get_args(tp) if a is not type(None)), None)
    return tp if isinstance(tp, type) and issubclass(tp, Enum) else None


def model_doc(model: type[BaseModel], heading: str, skip: tuple[str, ...] = ()) -> ModelDoc:
    """Every key of ``model`` but ``skip``, in the order the model declares them."""
    docs = attribute_docs(model)
    fields, values = [], {}
    inherited = set(model.model_fields) - set(inspect.get_annotations(model))
    order = sorted(model.model_fields, key=lambda k: (k != "kind", k in inherited))
    for name in order:
        info = model.model_fields[name]
        if name in skip:
            continue
        said = docs.get(name) or (t("ref-kind") if name == "kind" else "")
        fields.append(FieldDoc(name, type_words(info.annotation), _default(info), in_language(said)))
        enum = _choices(info.annotation)
        if enum is not None:
            told = attribute_docs(enum)
            values[name] = [ValueDoc(str(m.value), in_language(told.get(m.name, ""))) for m in enum]
    return ModelDoc(heading, model, fields, values)


def _models(tp: Any) -> Iterator[tuple[type[BaseModel], str]]:
    """The models a field's type holds, each with how it is held: ``one``, ``item`` or ``value``."""
    if get_origin(tp) is Annotated:
        yield from _models(get_args(tp)[0])
    elif get_origin(tp) in (Union, types.UnionType):
        for a in get_args(tp):
            yield from _models(a)
    elif get_origin(tp) is list:
        yield from ((m, "item") for m, _ in _models(get_args(tp)[0]))
    elif get_origin(tp) is dict:
        yield from ((m, "value") for m, _ in _models(get_args(tp)[1]))
    elif isinstance(tp, type) and issubclass(tp, BaseModel):
        yield tp, "one"


def nested(model: type[BaseModel], where: str, stop: tuple[type, ...] = ()) -> list[ModelDoc]:
    """The mappings inside ``model``'s keys, each documented under where it is written
    (``figures 中每个名称的值``, ``grades 的每一项``), depth first; ``stop`` are documented elsewhere."""
    out: list[ModelDoc] = []
    for name, info in model.model_fields.items():
        for inner, held in _models(info.annotation):
            if issubclass(inner, stop):
                continue
            key = f"{where}.{name}" if where else name
            kind = inner.model_fields.get("kind")
            tag = get_args(kind.annotation) if kind is not None and get_origin(kind.annotation) is Literal else ()
            if len(tag) == 1:  # one of several kinds a list may hold
                heading = t(f"ref-held-{held}-kind", key=key, kind=tag[0])
            else:
                heading = t(f"ref-held-{held}", key=key)
            out += [model_doc(inner, heading), *nested(inner, key, stop)]
    return out


def kind_docs(cls: type[BaseModel]) -> list[ModelDoc]:
    """A rule kind's keys, then those of the mappings inside them (a band, a tier)."""
    from selfeval.rules import RuleBase

    return [model_doc(cls, t("ref-rule-keys")), *nested(cls, "", (RuleBase,))]


def keys_docs() -> list[ModelDoc]:
    """A rubric's keys: those every rubric has, each form's own, a node's, then every mapping inside."""
    from selfeval.forms import FORMS
    from selfeval.models.rubric import Node, RubricBase
    from selfeval.rules import RuleBase

    common = set(RubricBase.model_fields)
    out = [model_doc(RubricBase, t("ref-top-keys"))]
    inner = nested(RubricBase, "", (Node, RuleBase))
    for form in FORMS.values():
        model = form.rubric_model
        own = tuple(k for k in model.model_fields if k in common and k != "form")
        out.append(model_doc(model, t("ref-form-keys", form=form.name, title=form.title), skip=own))
        inner += [d for d in nested(model, "", (Node, RuleBase)) if d.model not in {i.model for i in inner}]
    out.append(model_doc(Node, t("ref-node-keys")))
    return [*out, *inner]


# ----------------------------------------------------------------------------- text


def doc_lines(text: str, family: str, width: int) -> tuple[list[str], list[str]]:
    """A bilingual docstring in the run's language (Chinese first, then English), wrapped to the
    terminal, and its worked examples (a rule kind's or a check's), as indented lines."""
    from selfeval.cliframe import wrap_cells

    described, examples = split(text)
    parts = described.split("\n\n", 1)
    if current() is Lang.EN and len(parts) > 1:
        lines = ["    " + line if line else "" for line in parts[1].splitlines()]
    else:  # Chinese runs on without spaces where the source wrapped it
        lines = ["    " + line for line in wrap_cells(parts[0].replace("\n", ""), width - 4)]
    shown = []
    for ex in examples:
        shown.append("    " + t(f"example-{family}-{'pass' if ex.verdict == 'PASS' else 'fail'}", title=ex.title))
        shown += ["        " + line for line in ex.source.rstrip("\n").splitlines()]
    return lines, shown


def _pad(text: str, width: int) -> str:
    from rich.cells import cell_len

    return text + " " * max(0, width - cell_len(text))


def _grid(rows: list[tuple[str, str, str, str]], width: int, indent: int) -> list[str]:
    """Rows of four cells as columns fitted to ``width``, each cell wrapped where Chinese or words
    may break (never inside an English word); on a screen too narrow, each meaning under its key."""
    from rich.cells import cell_len

    from selfeval.cliframe import wrap_cells

    pad = " " * indent
    widths = [max(cell_len(r[i]) for r in rows) for i in range(3)]
    widths[1] = min(widths[1], max(10, width // 4))
    widths[2] = min(widths[2], max(6, width // 6))
    last = width - indent - sum(widths) - 6
    out = []
    if last < 16:
        for key, kind, default, doc in rows[1:]:  # no header: each key heads its own lines
            head = wrap_cells(f"{key}  {kind}  {default}", width - indent)
            rest = wrap_cells(" ".join(head[1:]), width - indent - 2) if len(head) > 1 else []
            out += [pad + head[0], *(f"{pad}  {line}" for line in rest)]
            out += [f"{pad}    {line}" for line in wrap_cells(doc, width - indent - 4)] if doc else []
        return out
    for n, row in enumerate(rows):
        cells = [wrap_cells(c, w) if c else [""] for c, w in zip(row, [*widths, last], strict=True)]
        for i in range(max(len(c) for c in cells)):
            parts = [_pad(c[i] if i < len(c) else "", w) for c, w in zip(cells, [*widths, last], strict=True)]
            out.append((pad + "  ".join(parts)).rstrip())
        if n == 0:
            out.append(pad + "─" * (sum(widths) + 6 + min(last, max(cell_len(r[3]) for r in rows))))
    return out


def table_text(docs: list[ModelDoc], width: int, indent: int = 4) -> list[str]:
    """Each mapping's keys as a table fitted to ``width`` (plain text: no colour, no codes), and
    the values of each key that is a choice."""
    from selfeval.cliframe import wrap_cells

    out: list[str] = []
    for d in docs:
        out += [" " * indent + line for line in wrap_cells(d.heading, width - indent)]
        head = (t("ref-col-key"), t("ref-col-type"), t("ref-col-default"), t("ref-col-doc"))
        rows = [(f.name, f.type, t("ref-required") if f.default is None else f.default, f.doc) for f in d.fields]
        out += _grid([head, *rows], width, indent + 2)
        for name, values in d.values.items():
            out.append(" " * (indent + 2) + t("ref-values", key=name))
            for v in values:
                said = f"{v.value}：{v.doc}" if v.doc else v.value
                lines = wrap_cells(said, width - indent - 6)
                out += [" " * (indent + 4) + lines[0], *(" " * (indent + 6) + x for x in lines[1:])]
        out.append("")
    return out


def kind_lines(kind: str, cls: type[BaseModel], width: int) -> list[str]:
    """A rule kind in full: what it does, its keys, and its worked examples."""
    described, examples = doc_lines(cls.__doc__ or "", "rule", width)
    return [kind, *described, "", *table_text(kind_docs(cls), width), *examples]


def keys_lines(width: int) -> list[str]:
    """A rubric's keys, a node's, and those of every mapping inside them."""
    from selfeval.cliframe import wrap_cells

    return [*wrap_cells(t("ref-keys-intro"), width), "", *table_text(keys_docs(), width, indent=0)]
