"""Read YAML input safely and remember where every value came from.

Values are loaded with the C loader when present. Floats become ``Decimal`` straight from
their text, so no figure ever passes through binary floating point. Line and column numbers
are only needed when something is wrong, so the node tree is composed lazily, on demand.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from selfeval.errors import InputError, UsageError
from selfeval.problems import Problem

M = TypeVar("M", bound=BaseModel)

MAX_BYTES = 4 * 1024 * 1024
"""Largest input file accepted; a rubric or a county's data is a few dozen KB."""
MAX_NODES = 500_000
"""Largest number of values after aliases are expanded (refuses billion-laughs bombs)."""
MAX_DEPTH = 64
"""Deepest nesting accepted."""

_BaseLoader: type[yaml.SafeLoader]
try:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A mapping repeats a key; YAML would silently keep the last one."""


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loader that refuses duplicate keys and reads floats as ``Decimal``."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: dict[tuple[str, str], yaml.Node] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = (key_node.tag, key_node.value)
        if key in seen:
            first = seen[key].start_mark
            raise DuplicateKeyError(
                None,
                None,
                f"duplicate key {key_node.value!r} (first at line {first.line + 1}); "
                "键名重复，YAML 只会保留最后一个",
                key_node.start_mark,
            )
        seen[key] = key_node
    loader.flatten_mapping(node)
    return dict(loader.construct_pairs(node))


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "").strip().lower()
    special = {".nan": "NaN", ".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity"}
    try:
        return Decimal(special.get(text, text))
    except InvalidOperation:  # sexagesimal and other YAML 1.1 oddities
        return Decimal(repr(loader.construct_yaml_float(node)))


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


def _mark_problem(path: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    message = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
    lines = text.splitlines()
    line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    if "\t" in line[: len(line) - len(line.lstrip())] or "tab" in message:
        message += " (YAML 不允许用制表符 Tab 缩进，请改用空格)"
    if isinstance(exc, DuplicateKeyError):
        code = "duplicate-key"
    else:
        code = "yaml-syntax"
        message = f"YAML syntax error: {message}"
    if mark is None:
        return Problem(path, 0, 0, message, code)
    return Problem(path, mark.line + 1, mark.column + 1, message, code)


def _expanded_size(value: Any, path: str) -> None:
    """Refuse alias bombs and absurd nesting without expanding anything."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, int, bool]] = [(value, 1, False)]
    while stack:
        obj, depth, done = stack.pop()
        if not isinstance(obj, (dict, list)):
            continue
        if depth > MAX_DEPTH:
            raise InputError([Problem(path, 0, 0, f"nesting deeper than {MAX_DEPTH} levels", "too-deep")])
        key = id(obj)
        children = list(obj.keys()) + list(obj.values()) if isinstance(obj, dict) else obj
        if done:
            total = 1 + sum(sizes.get(id(c), 1) for c in children)
            sizes[key] = total
            if total > MAX_NODES:
                raise InputError(
                    [
                        Problem(
                            path,
                            0,
                            0,
                            f"expands to more than {MAX_NODES:,} values (an alias bomb?); refused",
                            "too-large",
                        )
                    ]
                )
            continue
        if key in sizes:
            continue
        stack.append((obj, depth, True))
        stack.extend((c, depth + 1, False) for c in children if isinstance(c, (dict, list)))


def read_text(path: Path, display: str | None = None) -> str:
    """Read a UTF-8 file (a BOM is accepted), refusing binaries, other encodings and huge files."""
    shown = display or str(path)
    try:
        if path.is_dir():
            raise UsageError(f"{shown}: is a directory, expected a YAML file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                [Problem(shown, 0, 0, f"file is {size:,} bytes, larger than the {MAX_BYTES:,} accepted", "too-large")]
            )
        raw = path.read_bytes()
    except FileNotFoundError as e:
        raise UsageError(f"{shown}: no such file") from e
    except PermissionError as e:
        raise UsageError(f"{shown}: permission denied") from e
    except IsADirectoryError as e:  # pragma: no cover - caught by is_dir above
        raise UsageError(f"{shown}: is a directory, expected a YAML file") from e
    return decode(raw, shown)


def decode(raw: bytes, shown: str) -> str:
    """Decode bytes as UTF-8, explaining exactly what is wrong when they are not."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError([Problem(shown, 1, 1, "file is UTF-16; save it as UTF-8", "encoding")])
    if b"\x00" in raw[:8192]:
        raise InputError([Problem(shown, 0, 0, "this is a binary file, not YAML text", "encoding")])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        hint = ""
        try:
            raw.decode("gb18030")
            hint = "; it looks like GBK/GB18030 (常见于 Windows 中文系统), 请另存为 UTF-8"
        except UnicodeDecodeError:
            pass
        msg = f"not valid UTF-8: byte 0x{raw[e.start]:02x} cannot be decoded{hint}"
        raise InputError([Problem(shown, line, col, msg, "encoding")]) from e


@dataclass
class Document:
    """A parsed YAML file: its values, and a way back to line and column."""

    display: str
    text: str
    data: Any
    _root: yaml.Node | None = field(default=None, repr=False)

    def _node(self) -> yaml.Node | None:
        if self._root is None:
            self._root = yaml.compose(self.text, Loader=_Loader)  # noqa: S506 - safe loader
        return self._root

    def locate(self, loc: Sequence[int | str]) -> tuple[int, int]:
        """The 1-based line and column of the value at ``loc``, or of its nearest parent.

        Steps of ``loc`` that are not in the file (pydantic's union tags, model names)
        are skipped, so a validation error still lands on the closest real line.
        """
        node = self._node()
        if node is None:
            return (1, 1)
        best = node.start_mark
        for step in loc:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                        best, node = key_node.start_mark, value_node
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if 0 <= step < len(node.value):
                    node = node.value[step]
                    best = node.start_mark
        return (best.line + 1, best.column + 1)

    def problem(self, loc: Sequence[int | str], message: str, code: str = "input") -> Problem:
        """A problem placed at ``loc``."""
        line, col = self.locate(loc)
        return Problem(self.display, line, col, message, code)


def parse(text: str, display: str) -> Document:
    """Parse YAML text into a :class:`Document`, converting every YAML error to a problem."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except yaml.MarkedYAMLError as e:
        raise InputError([_mark_problem(display, e, text)]) from e
    except yaml.YAMLError as e:
        raise InputError([Problem(display, 0, 0, f"YAML error: {e}", "yaml-syntax")]) from e
    except RecursionError as e:
        raise InputError([Problem(display, 0, 0, "nesting too deep", "too-deep")]) from e
    if data is None:
        raise InputError([Problem(display, 1, 1, "file is empty; expected a YAML mapping", "empty")])
    _expanded_size(data, display)
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise InputError([Problem(display, 1, 1, f"expected a mapping at the top, found {kind}", "schema")])
    return Document(display, text, data)


def load_document(path: Path | str, display: str | None = None) -> Document:
    """Read and parse a YAML file."""
    p = Path(path)
    shown = display or os.fspath(path)
    return parse(read_text(p, shown), shown)


def validation_problems(doc: Document, exc: ValidationError) -> list[Problem]:
    """Turn pydantic's errors into problems placed on the file's own lines."""
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        where = ".".join(str(s) for s in loc)
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key (未知字段); check its spelling"
        elif err["type"] == "missing":
            msg = "required key is missing (缺少必填字段)"
        out.append(doc.problem(loc, f"{where}: {msg}" if where else msg, "schema"))
    return out


def validate_model(doc: Document, model: type[M]) -> M:
    """Validate a document against a pydantic model, reporting all problems at once."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as e:
        raise InputError(validation_problems(doc, e)) from e


def problems_or_raise(problems: Iterable[Problem]) -> None:
    """Raise an :class:`InputError` when there are any error-level problems."""
    found = list(problems)
    if found:
        raise InputError(found)
