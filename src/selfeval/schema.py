"""Validate a parsed file against its pydantic model, and say what is wrong the way a clerk reads it.

Pydantic's own wording (``Input should be a valid dictionary or instance of Fact``) never
reaches the user: each error type has a plain statement of what is expected, placed on the
file's own line, with a 「是否应为 …」 suggestion for a misspelt key. This is the one place
pydantic's errors are converted.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from selfeval.errors import InputError, InvalidValue
from selfeval.i18n import Msg, msg, suggest_msg
from selfeval.load import Document, Loc
from selfeval.problems import Problem

M = TypeVar("M", bound=BaseModel)

_SIMPLE = {
    "dict_type": "expect-mapping",
    "model_type": "expect-mapping",
    "model_attributes_type": "expect-mapping",
    "list_type": "expect-list",
    "string_type": "expect-text",
    "decimal_parsing": "expect-number",
    "decimal_type": "expect-number",
    "float_parsing": "expect-number",
    "int_parsing": "expect-integer",
    "int_type": "expect-integer",
    "int_from_float": "expect-integer",
    "bool_parsing": "expect-bool",
    "bool_type": "expect-bool",
    "date_parsing": "expect-date",
    "date_type": "expect-date",
    "date_from_datetime_parsing": "expect-date",
    "date_from_datetime_inexact": "expect-date",
    "string_too_short": "expect-nonempty",
    "string_pattern_mismatch": "expect-id",
    "decimal_max_places": "expect-number",
    "finite_number": "expect-finite",
}


def _fields(tp: Any) -> dict[str, Any] | None:
    """The fields of the model a type is (through Optional, unions, Annotated), or None."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return {k: f.annotation for k, f in tp.model_fields.items()}
    return None


def _step(tp: Any, step: int | str) -> Any:
    """The type one step further down a pydantic location."""
    if get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    if get_origin(tp) in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        for a in options:  # a discriminated union names the member in the location
            kind = a.model_fields.get("kind") if isinstance(a, type) and issubclass(a, BaseModel) else None
            if kind is not None and step in get_args(kind.annotation):
                return a
        models = [a for a in options if _fields(a) is not None]
        tp = models[0] if len(models) == 1 else options[0] if options else tp
        if isinstance(step, str) and _fields(tp) is not None and step in (_fields(tp) or {}):
            return (_fields(tp) or {})[step]
    fields = _fields(tp)
    if fields is not None:
        return fields.get(str(step))
    origin = get_origin(tp)
    if origin is dict:
        return get_args(tp)[1]
    if origin is list:
        return get_args(tp)[0]
    return tp


def _allowed(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    tp: Any = model
    for step in loc:
        tp = _step(tp, step)
        if tp is None:
            return []
    if get_origin(tp) in (Union, types.UnionType):
        tp = next((a for a in get_args(tp) if _fields(a) is not None), tp)
    return list(_fields(tp) or {})


def _statement(err: Any, model: type[BaseModel], loc: tuple[int | str, ...]) -> Msg:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    error = ctx.get("error")
    if kind == "value_error" and isinstance(error, InvalidValue):
        return error.message
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else ""
        return msg("unknown-key", key=key, hint=suggest_msg(key, _allowed(model, loc[:-1])))
    if kind == "missing":
        return msg("missing-key", key=str(loc[-1]) if loc else "")
    if kind in _SIMPLE:
        return msg(_SIMPLE[kind])
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(iter(ctx.values()), "")
        return msg(f"expect-{kind.replace('_', '-')}", bound=bound)
    if kind == "too_short":
        return msg("expect-at-least", n=ctx.get("min_length", 1))
    if kind == "literal_error":
        return msg("expect-one-of", choices=ctx.get("expected", ""))
    if kind == "union_tag_invalid":
        return msg("unknown-kind", tag=ctx.get("tag", ""), choices=ctx.get("expected_tags", ""))
    if kind == "union_tag_not_found":
        return msg("missing-key", key=ctx.get("discriminator", "kind").strip("'"))
    return msg("schema-other", detail=err["msg"].removeprefix("Value error, "))


def schema_problems(doc: Document, exc: ValidationError, model: type[BaseModel], base: Loc = ()) -> list[Problem]:
    """Pydantic's errors as problems on the file's own lines."""
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        named = loc[:-1] if err["type"] == "extra_forbidden" else loc  # the message names the key itself
        where = ".".join(str(s) for s in (*base, *named))
        statement = _statement(err, model, loc)
        shown = msg("at-key", where=where, what=statement) if where else statement
        out.append(doc.problem((*base, *loc), shown, "schema"))
    return out


def validate_model(doc: Document, model: type[M], base: Loc = ()) -> M:
    """Validate a document (or the part of it at ``base``) against a model, reporting all problems at once."""
    value: Any = doc.data
    for step in base:
        value = value[step]
    try:
        return model.model_validate(value)
    except ValidationError as e:
        raise InputError(schema_problems(doc, e, model, base)) from e
