"""JSON Schema (draft 2020-12) of rubric and data files, for editors that complete keys and
flag a misspelt one while the file is typed (VS Code's YAML extension, anything speaking
yaml-language-server).

The schemas are generated from the same pydantic models that read the files, so they cannot
drift from them, and say each key's meaning in the run's language: the catalogue's
``schema-<Model>.<field>`` entries (:mod:`selfeval.messages`), else the field's own docstring.
A rule kind is described by the Chinese (or English) paragraph of its docstring.

What the models read beyond their declared types is accepted too, so the schema never refuses
a file the tool accepts: a value a validator reads before its type (``910.38万元``,
``2021年3月29日``, ``未知``, ``约260人次``, ``是``, ``~``) may be any scalar, a section left
empty may be null, and one document may stand for a list of them. Unknown keys are refused
wherever the models refuse them (``additionalProperties: false``).

The schema of data for one rubric also knows that rubric: its figure, fact and evidence
names (a figure the rubric does not know must bring its own ``title``, as validate asks), its
id and version, and, when the rubric holds its indicator tree, the node ids the sections keyed
by node accept.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue, models_json_schema
from pydantic_core import core_schema

from selfeval.examples import split
from selfeval.forms import FORMS
from selfeval.i18n import Lang, current, t
from selfeval.messages import MESSAGES
from selfeval.models.data import DataBase
from selfeval.models.rubric import Node, RubricBase, walk_tree
from selfeval.numbers import fmt
from selfeval.reference import attribute_docs, in_language
from selfeval.rules import RuleBase

DIALECT = "https://json-schema.org/draft/2020-12/schema"

LOOSE: JsonSchemaValue = {"type": ["string", "number", "boolean", "null"]}
"""Any scalar: what a value read by a validator before its type may be written as."""

NODE_KEYED = ("claims", "points", "judgements", "not_applicable")
"""The sections of every data file keyed by a node id (``claims`` and ``points`` also by ``total``)."""


def _widen(schema: JsonSchemaValue) -> JsonSchemaValue:
    """``schema``, or any scalar (a validator reads it first); in a mapping of lists, one item or
    ``~`` may stand for a list (``evidence: {plan: {title: …}}``)."""
    listed = schema.get("additionalProperties")
    if schema.get("type") == "object" and isinstance(listed, dict) and listed.get("type") == "array":
        items = listed.get("items", {})
        schema = {**schema, "additionalProperties": {"anyOf": [listed, items, {"type": "null"}]}}
    return _or(schema, LOOSE)


def _or(schema: JsonSchemaValue, other: JsonSchemaValue) -> JsonSchemaValue:
    """``schema`` or ``other``, one ``anyOf`` deep (a title and description stay on the outside)."""
    if "anyOf" in schema and set(schema) <= {"anyOf", "title", "description", "default"}:
        return {**schema, "anyOf": [*schema["anyOf"], other]}
    return {"anyOf": [schema, other]}


def _before(schema: core_schema.CoreSchema) -> bool:
    return schema.get("type") in ("function-before", "function-wrap", "function-plain")


class _Generator(GenerateJsonSchema):
    """pydantic's generator, accepting what validators read and describing keys in the run's language."""

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        inner = super().function_before_schema(schema)
        # a model's own before-validator is widened with the model (model_schema), not inside it
        return inner if schema["schema"].get("type") == "model-fields" else _widen(inner)

    def function_wrap_schema(self, schema: core_schema.WrapValidatorFunctionSchema) -> JsonSchemaValue:
        inner = super().function_wrap_schema(schema)
        return inner if schema["schema"].get("type") == "model-fields" else _widen(inner)

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        out = super().model_schema(schema)
        cls = schema["cls"]
        _describe(out, cls)
        if not _before(schema["schema"]):
            return out
        if issubclass(cls, DataBase):
            # a section left empty (``figures:`` with only comments under it) is read as empty
            props = out.get("properties", {})
            for name, field in cls.model_fields.items():
                if name in props and field.default_factory in (dict, list):
                    props[name] = _or(props[name], {"type": "null"})
            return out
        # shorthand for the whole model (a figure written 910.38万元, a fact written 是)
        head: JsonSchemaValue = {k: out.pop(k) for k in ("title", "description") if k in out}
        return {**head, "anyOf": [out, LOOSE]}


def _describe(out: JsonSchemaValue, cls: type[BaseModel]) -> None:
    """Titles and descriptions of a model and its keys, in the run's language."""
    if issubclass(cls, RuleBase):
        text, _ = split(cls.__doc__ or "")
        parts = text.split("\n\n", 1)
        said = parts[1] if current() is Lang.EN and len(parts) > 1 else parts[0].replace("\n", "")
        out["description"] = said.strip()
    else:
        about = _catalogued(cls, None)
        if about is not None:
            out["title"], out["description"] = about
        elif current() is not Lang.EN:
            out.pop("description", None)  # the English docstring is for programmers
    docs = attribute_docs(cls)
    for name, prop in out.get("properties", {}).items():
        prop.pop("title", None)  # pydantic's "Item Score", made from the key
        about = _catalogued(cls, name)
        if about is not None:
            prop["title"], prop["description"] = about
        elif name in docs:
            prop["description"] = in_language(docs[name])


def _catalogued(cls: type[BaseModel], name: str | None) -> tuple[str, str] | None:
    """The catalogue's title and description of a model's key (or of the model), by the model or a base."""
    for base in cls.__mro__:
        key = f"schema-{base.__name__}" + (f".{name}" if name else "")
        if key in MESSAGES:
            text = t(key)
            title = text.split("：", 1)[0].split(": ", 1)[0]
            return title, text
    return None


def _document(models: list[type[BaseModel]], title: str) -> JsonSchemaValue:
    """One schema accepting any of ``models`` (a rubric of any form, a data file of any form)."""
    refs, top = models_json_schema([(m, "validation") for m in models], schema_generator=_Generator)
    branches = [refs[(m, "validation")] for m in models]
    out: JsonSchemaValue = {"$schema": DIALECT, "title": title}
    if len(branches) == 1:
        out.update(branches[0])
    else:
        out["anyOf"] = branches
    out["$defs"] = top.get("$defs", {})
    return out


def rubric_schema() -> JsonSchemaValue:
    """The schema of a rubric file of any registered form (chosen by ``form:``)."""
    return _document([f.rubric_model for f in FORMS.values()], t("schema-title-rubric"))


def data_schema(rubric: RubricBase | None = None) -> JsonSchemaValue:
    """The schema of a data file: for ``rubric``, knowing its names; else for a rubric of any form."""
    if rubric is None:
        return _document([f.data_model for f in FORMS.values()], t("schema-title-data"))
    model = FORMS[rubric.form].data_model
    out = _document([model], t("schema-title-data-for", id=rubric.id, version=rubric.version))
    root = out["$defs"][model.__name__] if "$ref" in out else out
    if "$ref" in out:  # the model's own schema at the top, so the rubric's names can be set on it
        out = {**{k: v for k, v in out.items() if k != "$ref"}, **root}
        root = out
    _know(root, out["$defs"], rubric)
    return out


def _section(props: JsonSchemaValue, name: str) -> JsonSchemaValue | None:
    """The mapping schema of a section (inside the null a section may be)."""
    prop = props.get(name)
    if prop is None:
        return None
    for branch in prop.get("anyOf", [prop]):
        if branch.get("type") == "object":
            return dict(branch)
    return None


def _keyed(
    props: JsonSchemaValue,
    defs: JsonSchemaValue,
    name: str,
    known: dict[str, str],
    *,
    closed: bool,
    extra: JsonSchemaValue | None = None,
) -> None:
    """A section's keys: each known one described; others refused (``closed``) or held to ``extra``.
    What a value may be is said once (``$defs``), however many keys share it."""
    section = _section(props, name)
    if section is None:
        return
    value = section.get("additionalProperties", True)
    if isinstance(value, dict) and "$ref" not in value:
        defs[f"{name}-value"] = value
        value = {"$ref": f"#/$defs/{name}-value"}
    section["properties"] = {
        k: ({**value, "description": about} if isinstance(value, dict) else {"description": about})
        for k, about in known.items()
    }
    if closed:
        section["propertyNames"] = {"enum": list(known)}
    elif extra is not None:
        section["additionalProperties"] = extra
    head = {k: v for k, v in props[name].items() if k in ("title", "description")}
    props[name] = {**head, "anyOf": [section, {"type": "null"}]}


def _know(root: JsonSchemaValue, defs: JsonSchemaValue, rubric: RubricBase) -> None:
    """Set a rubric's own names on the schema of its data files."""
    props = root.get("properties", {})
    ref = defs.get("RubricRef", {}).get("properties", {})
    if "rubric" in props and ref:
        props["rubric"] = {
            **{k: v for k, v in props["rubric"].items() if k != "$ref"},
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "version"],
            "properties": {
                **ref,
                "id": {**ref["id"], "const": rubric.id},
                "version": {**ref["version"], "const": rubric.version},
            },
        }
    figures = {k: spec.title + (f"（{spec.unit}）" if spec.unit else "") for k, spec in rubric.figures.items()}
    # a figure the rubric does not know is taken when it says what it is (its title)
    own = {"$ref": "#/$defs/Figure", "type": "object", "required": ["title"]}
    _keyed(props, defs, "figures", figures, closed=False, extra=own)
    _keyed(props, defs, "facts", dict(rubric.facts), closed=True)
    _keyed(props, defs, "evidence", dict(rubric.evidence), closed=True)
    nodes = _nodes(rubric)
    if nodes is None:
        return  # the tree is built from the data (a table's rows): any id may be a node
    total = {"total": t("schema-total")}
    for name in NODE_KEYED:
        _keyed(props, defs, name, {**nodes, **(total if name in ("claims", "points") else {})}, closed=True)


def _nodes(rubric: RubricBase) -> dict[str, str] | None:
    """Every node of a rubric that holds its tree, by id, with its number, title and points; None
    for a rubric whose tree the data builds."""
    trees = [v for v in (getattr(rubric, k) for k in type(rubric).model_fields) if _is_tree(v)]
    if not trees:
        return None
    out: dict[str, str] = {}
    for tree in trees:
        for node, _, _ in walk_tree(tree):
            out[node.id] = f"{node.number or ''}{node.title}（{fmt(node.points)}分）"
    return out


def _is_tree(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(x, Node) for x in value)


def schema_file(data: Path, rubric: RubricBase) -> Path:
    """Where ``init`` keeps the schema of a rubric's data files: ``.selfeval/<id>-<version>.schema.json``
    beside the data file, one for every file of that rubric in the folder, out of a clerk's sight."""
    name = re.sub(r"[^A-Za-z0-9_.\-]", "_", f"{rubric.id}-{rubric.version}")
    return data.parent / ".selfeval" / f"{name}.schema.json"
