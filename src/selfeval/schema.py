"""Validate a parsed file against its pydantic model, and say what is wrong the way a clerk reads it.

Pydantic's own wording (``Input should be a valid dictionary or instance of Fact``) never
reaches the user: each error type has a plain statement of what is expected, placed on the
file's own line, with a 「是否应为 …」 suggestion for a misspelt key. This is the one place
pydantic's errors are converted.
"""

from __future__ import annotations

import re
import types
import unicodedata
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from selfeval.errors import InputError, InvalidValue
from selfeval.i18n import Msg, closest, msg, suggest_msg
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


def _bare(tp: Any) -> Any:
    """A type without ``Annotated`` and ``Optional`` around it (``Rule | None`` is the rule union)."""
    while True:
        if get_origin(tp) is Annotated:
            tp = get_args(tp)[0]
        elif get_origin(tp) in (Union, types.UnionType) and len([a for a in get_args(tp) if a is not type(None)]) == 1:
            tp = next(a for a in get_args(tp) if a is not type(None))
        else:
            return tp


def _step(tp: Any, step: int | str) -> Any:
    """The type one step further down a pydantic location."""
    tp = _bare(tp)
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
    if kind in ("literal_error", "enum"):
        return _choice(err.get("input"), _CHOICES.findall(str(ctx.get("expected", ""))))
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag", ""))
        tags = _CHOICES.findall(str(ctx.get("expected_tags", "")))
        return msg("unknown-kind-hint", tag=tag, hint=suggest_msg(tag, tags), choices="、".join(tags))
    if kind == "union_tag_not_found":
        return msg("missing-key", key=ctx.get("discriminator", "kind").strip("'"))
    return msg("schema-other", detail=err["msg"].removeprefix("Value error, "))


_CHOICES = re.compile(r"'((?:[^'\\]|\\.)*)'")
"""The values pydantic lists as expected: ``'>=', '>' or '=='``."""

_SIGNS = {"≥": ">=", "⩾": ">=", "≧": ">=", "≤": "<=", "⩽": "<=", "≦": "<=", "≠": "!=", "=>": ">=", "=<": "<="}
"""Comparison signs as a word processor or a Chinese keyboard writes them, in ASCII."""


def _ascii_sign(text: str) -> str:
    """A comparison sign in ASCII: ≥ → >=, ＞ → >, ≧= → >=, ＝＝ → ==."""
    out = unicodedata.normalize("NFKC", text).strip()
    for sign, plain in _SIGNS.items():
        out = out.replace(sign, plain)
    return out.replace(">==", ">=").replace("<==", "<=")


def _choice(given: object, choices: list[str]) -> Msg:
    """A value that is none of ``choices``: which are allowed, and which was meant. A comparison
    sign written as a symbol (≥, ＞, ≧=) is told that the signs are ASCII, and which to write."""
    listed = "、".join(choices)
    if not isinstance(given, str):
        return msg("expect-one-of", choices=listed)
    signs = [c for c in choices if c and set(c) <= set("<>=!")]
    if signs:
        plain = _ascii_sign(given)
        meant = plain if plain in choices else "==" if plain == "=" and "==" in choices else None
        meant = meant or ("=" if plain == "==" and "=" in choices else None)
        if meant is not None and meant != given:
            return msg("comparator-ascii", got=given, want=meant, choices=listed)
    close = closest(given, choices)
    hint = msg("did-you-mean", suggestion=close) if close else msg("nothing")
    return msg("expect-one-of-hint", got=given, hint=hint, choices=listed)


def _in_file(doc: Document, loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """A location as the file writes it: the steps pydantic adds of its own (a rule's kind, a
    model's name) left out; the last step stays, a key the file lacks is what a message names."""
    out: list[int | str] = []
    for i, step in enumerate(loc):
        if i == len(loc) - 1 or doc.has((*out, step)):
            out.append(step)
    return tuple(out)


def _meant(errors: list[Any], model: type[BaseModel]) -> set[tuple[int | str, ...]]:
    """The required keys a misspelt key beside them was meant to be (``metirc`` for ``metric``):
    said once, as the misspelling, not again as missing."""
    out = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            loc = tuple(err["loc"])
            close = closest(str(loc[-1]), _allowed(model, loc[:-1]))
            if close is not None:
                out.add((*loc[:-1], close))
    return out


def schema_problems(doc: Document, exc: ValidationError, model: type[BaseModel], base: Loc = ()) -> list[Problem]:
    """Pydantic's errors as problems on the file's own lines."""
    out: list[Problem] = []
    errors = exc.errors(include_url=False)
    meant = _meant(errors, model)
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "missing" and loc in meant:
            continue
        real = _in_file(doc, (*base, *loc))[len(base) :] if doc.has(base) else loc
        named = real[:-1] if err["type"] == "extra_forbidden" else real  # the message names the key itself
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
