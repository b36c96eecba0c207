"""Safe arithmetic for rubric metrics: numbers, names, + - * / ( ), min, max, round, abs.

A tiny recursive-descent parser over ``Decimal``; nothing here touches Python's ``eval``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from selfeval.errors import ExprSyntaxError, InvalidValue, MissingValue, Undefined
from selfeval.i18n import t
from selfeval.numbers import ZERO, quantize

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>[-+*/(),×÷]))")


def _round(x: Decimal, places: Decimal = ZERO) -> Decimal:
    return quantize(x, int(places))


FUNCTIONS: dict[str, tuple[int, int, Callable[..., Decimal]]] = {
    "min": (1, 99, lambda *a: min(a)),
    "max": (1, 99, lambda *a: max(a)),
    "abs": (1, 1, lambda a: abs(a)),
    "round": (1, 2, _round),
}


@dataclass(frozen=True)
class Expr:
    """A parsed expression."""

    text: str
    tree: tuple[object, ...]

    @property
    def names(self) -> frozenset[str]:
        """Every name the expression reads."""
        out: set[str] = set()

        def walk(node: tuple[object, ...]) -> None:
            if node[0] == "name":
                out.add(str(node[1]))
            for child in node[1:]:
                if isinstance(child, tuple):
                    walk(child)
                elif isinstance(child, list):
                    for c in child:
                        walk(c)

        walk(self.tree)
        return frozenset(out)

    def evaluate(self, env: Mapping[str, Decimal] | Callable[[str], Decimal]) -> Decimal:
        """Evaluate with values from ``env``; raises :class:`MissingValue` or :class:`Undefined`."""
        lookup = env if callable(env) else _mapping_lookup(env)
        try:
            return _eval(self.tree, lookup)
        except (ZeroDivisionError, InvalidOperation) as e:
            raise Undefined(self.text) from e


def _mapping_lookup(env: Mapping[str, Decimal]) -> Callable[[str], Decimal]:
    def lookup(name: str) -> Decimal:
        try:
            return env[name]
        except KeyError:
            raise MissingValue(name) from None

    return lookup


def _eval(node: tuple[object, ...], lookup: Callable[[str], Decimal]) -> Decimal:
    tag = node[0]
    if tag == "num":
        return Decimal(str(node[1]))
    if tag == "name":
        return lookup(str(node[1]))
    if tag == "neg":
        return -_eval(node[1], lookup)  # type: ignore[arg-type]
    if tag == "call":
        _, _, fn = FUNCTIONS[str(node[1])]
        return fn(*(_eval(a, lookup) for a in node[2]))  # type: ignore[attr-defined]
    left = _eval(node[1], lookup)  # type: ignore[arg-type]
    right = _eval(node[2], lookup)  # type: ignore[arg-type]
    if tag == "+":
        return left + right
    if tag == "-":
        return left - right
    if tag == "*":
        return left * right
    if right == 0:
        raise ZeroDivisionError
    return left / right


MAX_CHARS = 2000
"""Longest expression accepted: a metric is a formula, not a table."""
MAX_TOKENS = 400
"""Most numbers, names and operators in one expression."""
MAX_NESTING = 32
"""Deepest nesting of parentheses, calls and signs."""


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[tuple[str, str, int]] = []
        self.nesting = 0
        if len(text) > MAX_CHARS:
            raise ExprSyntaxError("expr-too-long", 0, limit=MAX_CHARS)
        pos = 0
        while pos < len(text):
            if text[pos:].strip() == "":
                break
            m = _TOKEN.match(text, pos)
            if not m:
                at = pos + len(text[pos:]) - len(text[pos:].lstrip())
                raise ExprSyntaxError("expr-character", at, char=text[at])
            kind = m.lastgroup or ""
            value = m.group(kind)
            self.tokens.append((kind, {"×": "*", "÷": "/"}.get(value, value), m.start(kind)))
            if len(self.tokens) > MAX_TOKENS:
                raise ExprSyntaxError("expr-too-many", m.start(kind), limit=MAX_TOKENS)
            pos = m.end()
        self.i = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.i] if self.i < len(self.tokens) else ("end", "", len(self.text))

    def take(self, value: str | None = None) -> tuple[str, str, int]:
        tok = self.peek()
        if value is not None and tok[1] != value:
            raise ExprSyntaxError("expr-expected", tok[2], want=value, found=tok[1] or t("expr-end"))
        self.i += 1
        return tok

    def expr(self) -> tuple[object, ...]:
        node = self.term()
        while self.peek()[1] in ("+", "-") and self.peek()[0] == "op":
            op = self.take()[1]
            node = (op, node, self.term())
        return node

    def term(self) -> tuple[object, ...]:
        node = self.unary()
        while self.peek()[1] in ("*", "/") and self.peek()[0] == "op":
            op = self.take()[1]
            node = (op, node, self.unary())
        return node

    def nested(self, pos: int) -> None:
        self.nesting += 1
        if self.nesting > MAX_NESTING:
            raise ExprSyntaxError("expr-too-deep", pos, limit=MAX_NESTING)

    def unary(self) -> tuple[object, ...]:
        if self.peek()[1] in ("-", "+") and self.peek()[0] == "op":
            op, pos = self.take()[1:]
            self.nested(int(pos))
            inner = self.unary()
            self.nesting -= 1
            return ("neg", inner) if op == "-" else inner
        return self.atom()

    def atom(self) -> tuple[object, ...]:
        kind, value, pos = self.take()
        if kind == "num":
            return ("num", value)
        if kind == "name":
            if self.peek()[1] == "(":
                if value not in FUNCTIONS:
                    raise ExprSyntaxError("expr-function", pos, name=value)
                self.take("(")
                self.nested(pos)
                args = [self.expr()]
                while self.peek()[1] == ",":
                    self.take(",")
                    args.append(self.expr())
                self.take(")")
                self.nesting -= 1
                lo, hi, _ = FUNCTIONS[value]
                if not lo <= len(args) <= hi:
                    raise ExprSyntaxError("expr-arity", pos, name=value, lo=lo, hi=hi)
                return ("call", value, args)
            return ("name", value)
        if value == "(":
            self.nested(pos)
            node = self.expr()
            self.take(")")
            self.nesting -= 1
            return node
        raise ExprSyntaxError("expr-unexpected", pos, found=value or t("expr-end"))


@lru_cache(maxsize=4096)
def parse_expr(text: str) -> Expr:
    """Parse an expression; raises :class:`ExprSyntaxError` with the offending offset."""
    parser = _Parser(text)
    if not parser.tokens:
        raise ExprSyntaxError("expr-empty", 0)
    tree = parser.expr()
    kind, value, pos = parser.peek()
    if kind != "end":
        raise ExprSyntaxError("expr-unexpected", pos, found=value)
    return Expr(text, tree)


def checked(text: str) -> str:
    """``text`` when it parses; otherwise a ``ValueError`` saying where (for pydantic validators)."""
    try:
        parse_expr(text)
    except ExprSyntaxError as e:
        shown = text if len(text) <= 60 else f"{text[:57]}…"
        raise InvalidValue("bad-expression", text=shown, detail=str(e), pos=e.pos + 1) from e
    return text
