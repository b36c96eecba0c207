"""Read YAML input safely and remember where every value came from.

Values are built from the C parser's events when present. Floats become ``Decimal``
straight from their text, so no figure ever passes through binary floating point. The
builder keeps the position of every key and list item it meets, so any problem about a
value, found at loading or later by the audit, lands on that value's line.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from selfeval.errors import DuplicateKey, InputError, RefusedInput, UsageError, os_reason
from selfeval.i18n import Msg, msg, t
from selfeval.numbers import MAX_DIGITS, MAX_MAGNITUDE, sane
from selfeval.problems import Problem, Severity

MAX_BYTES = 4 * 1024 * 1024
"""Largest input file accepted; a rubric or a county's data is a few dozen KB."""
MAX_NODES = 500_000
"""Largest number of values after aliases are expanded (refuses billion-laughs bombs)."""
MAX_DEPTH = 64
"""Deepest nesting accepted."""
MAX_CHARS = 16 * 1024 * 1024
"""Most characters of text after aliases are expanded (a long string aliased many times)."""

_Loader: type[yaml.SafeLoader]
try:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def _refused(message: Msg, mark: Any, kind: type[RefusedInput] = RefusedInput) -> RefusedInput:
    """A refusal at a parser mark (0-based line and column)."""
    return kind(message, getattr(mark, "line", None), getattr(mark, "column", None))


_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"
_FLOAT = "tag:yaml.org,2002:float"
_INT = "tag:yaml.org,2002:int"
_MERGE = "tag:yaml.org,2002:merge"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    _FLOAT,
    "tag:yaml.org,2002:timestamp",
    _STR,
}


_SPECIAL = {".nan": "NaN", ".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity"}
_PLAIN_INT = re.compile(r"^[-+]?[0-9][0-9_]*$")
_SHORT_FLOAT = re.compile(r"^-?[0-9]+\.[0-9]+$")
_PLAIN_FLOAT = re.compile(r"^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$")


def _number(ev: Any, tag: str) -> Any:
    """An int or a Decimal as written in decimal notation; YAML 1.1's other forms (``013`` as
    octal, ``1:30`` as 90, ``0x1F``) are never converted: a leading zero is read as written,
    the rest stay text, which a number's validator then refuses with its line."""
    text = str(ev.value).strip()
    if tag == _INT and len(text) <= MAX_MAGNITUDE and text.isdigit() and (text[0] != "0" or len(text) == 1):
        return int(text)  # the usual case: a count, in range by its length
    if tag == _FLOAT and len(text) <= MAX_MAGNITUDE and _SHORT_FLOAT.match(text):
        return Decimal(text)  # the usual case: 910.38, in range by its length
    if tag == _INT and _PLAIN_INT.match(text):
        digits = text.replace("_", "")
        if len(digits.lstrip("+-").lstrip("0")) > MAX_DIGITS:  # before int(): no huge conversions
            raise _refused(msg("number-too-large", value=_short(text)), ev.start_mark)
        value: Any = int(digits, 10)
    elif tag == _FLOAT and text.lower() in _SPECIAL:
        return Decimal(_SPECIAL[text.lower()])
    elif tag == _FLOAT and _PLAIN_FLOAT.match(text) and len(text) <= 64:
        try:
            value = Decimal(text.replace("_", ""))
        except InvalidOperation:
            return ev.value
    else:
        return ev.value  # 1:30, 0x1F, 0b101: read as written
    if not sane(value):
        raise _refused(msg("number-too-large", value=_short(text)), ev.start_mark)
    return value


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:27] + "…"


@lru_cache(maxsize=8192)
def _resolve(value: str) -> str:
    """The implicit tag of a plain scalar (cached: keys repeat across a file and a batch)."""
    return str(_RESOLVER.resolve(yaml.ScalarNode, value, (True, False)))  # type: ignore[no-untyped-call]


def _scalar(ev: Any) -> Any:
    """The value of a scalar, resolved the way YAML's safe loader does, floats as Decimal."""
    tag = ev.tag
    if tag in (None, "!"):
        if not ev.implicit[0]:
            return ev.value
        tag = _resolve(ev.value)
        if tag == _STR:
            return ev.value
    if tag not in _SCALAR_TAGS:
        if tag == _MERGE:
            return _MERGE_KEY
        raise _refused(msg("yaml-tag", tag=tag), ev.start_mark)
    if tag in (_INT, _FLOAT):
        if not ev.implicit[0] and tag == _INT and not _PLAIN_INT.match(str(ev.value).strip()):
            raise _refused(msg("bad-scalar", tag=msg("scalar-int"), value=_short(str(ev.value))), ev.start_mark)
        value = _number(ev, tag)
        if not ev.implicit[0] and isinstance(value, str):  # !!float abc
            raise _refused(msg("bad-scalar", tag=msg("scalar-float"), value=_short(str(ev.value))), ev.start_mark)
        return value
    node = yaml.ScalarNode(tag, ev.value, ev.start_mark, ev.end_mark)
    try:
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except (ValueError, KeyError, IndexError, AttributeError, TypeError, OverflowError) as e:
        # 2021-02-30, !!bool maybe, !!timestamp x: a located refusal, never a crash
        kind = msg(f"scalar-{tag.rsplit(':', 1)[-1]}")
        raise _refused(msg("bad-scalar", tag=kind, value=_short(str(ev.value))), ev.start_mark) from e


class _MergeKey:
    """The ``<<`` key of a YAML merge."""


_MERGE_KEY = _MergeKey()


class _Frame:
    __slots__ = ("anchor", "chars", "container", "key", "key_mark", "marks", "merged", "size", "start")

    def __init__(self, container: dict[Any, Any] | list[Any], anchor: str | None, start: yaml.Mark) -> None:
        self.container = container
        self.key: Any = _NO_KEY
        self.key_mark: yaml.Mark | None = None
        self.marks: Any = {} if type(container) is dict else []
        self.merged: set[Any] = set()
        self.size = 1
        self.chars = 0
        self.anchor = anchor
        self.start = start


_NO_KEY: Any = object()


Marks = dict[int, Any]
"""Positions by ``id()`` of each built mapping (key → mark) and list (index → mark)."""

_QUOTES = ('"', "'")
_KEY_LIKE = re.compile(r"( *)(?:-[ \t]+)*[A-Za-z_][A-Za-z0-9_.-]*:(?:[ \t]|$)")
"""A line that starts a key (``  addressee: …``): inside a quoted text, a quotation mark left open above."""
_COLON_KEY = re.compile(r"([ \t]*(?:-[ \t]+)*)([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*：")
"""A key typed with the Chinese input method's colon (``towns：13``)."""
_INDENT = re.compile(r"[ \t\u3000]*(?:-[ \t\u3000]+)*")
_AFTER_INDENT = re.compile(r"-[ \t]|[A-Za-z_][A-Za-z0-9_.-]*[ \t]*[:：]")
_BLOCK_SCALAR = re.compile(r"(?::|^[ \t]*-)[ \t]+[|>][-+1-9]*[ \t]*(?:#.*)?$")


def _odd_key(key: str, mark: Any) -> None:
    """Refuse a key that parsed only by a slip: indented with a full-width space, or ended with a
    Chinese colon (``{title：x}``), either of which would otherwise surface as an unknown key."""
    if key[:1] == "\u3000":
        raise RefusedInput(msg("yaml-fullwidth-space"), mark.line, mark.column)
    m = _COLON_KEY.match(key)
    if m is not None:
        raise RefusedInput(msg("yaml-fullwidth-colon", key=m.group(2)), mark.line, mark.column + m.end() - 1)


_OWNER = re.compile(r"(?:(-)|([^\s{}\[\],]+)[ \t]*:)[ \t]*$")
"""What a quoted text's line has before its quotation mark: a list item's dash, or its key."""


def _over_keys(lines: list[str], start: int, column: int, end: int) -> bool:
    """Whether a quoted text opened at ``start``, ``column`` and closed on line ``end`` holds a line
    that reads as a key no deeper than the dash or key the text belongs to: a sibling swallowed.
    (A text folded by a program that writes YAML goes on deeper, and may hold ``a: b`` at the
    start of a line.)"""
    opening = lines[start][:column] if start < len(lines) else ""
    owner = None if "{" in opening or "[" in opening else _OWNER.search(opening)
    depth = owner.start() if owner else len(opening) - len(opening.lstrip(" "))  # in braces: the line's
    for line in lines[start + 1 : end + 1]:
        m = _KEY_LIKE.match(line)
        if m is not None and len(m.group(1)) <= depth:
            return True
    return False


def _unclosed_quote(ev: Any, lines: list[str]) -> None:
    """Refuse a quoted text that runs over lines that read as keys: its quotation mark was left
    open, and the next one, lines below, closed it (the keys between would be lost silently)."""
    if _over_keys(lines, ev.start_mark.line, ev.start_mark.column, ev.end_mark.line):
        raise RefusedInput(msg("yaml-unclosed-quote", quote=ev.style), ev.start_mark.line, ev.start_mark.column)


def _build(text: str) -> tuple[Any, Marks]:
    """Build Python values from parser events in one pass, without recursion.

    Refuses duplicate keys, nesting deeper than MAX_DEPTH, aliases that would expand past
    MAX_NODES values or MAX_CHARS characters of text, and tags other than the plain data
    types. This loop is the hot path of a batch, hence the plain-string case handled inline.
    """
    stack: list[_Frame] = []
    lines: list[str] = []
    positions: Marks = {}
    anchors: dict[str, tuple[Any, int, int]] = {}
    root: Any = None
    total = 0
    chars = 0  # characters of text, as if every alias were written out
    documents = 0
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    start_events = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    end_events = (yaml.MappingEndEvent, yaml.SequenceEndEvent)

    def add(value: Any, size: int, mark: Any, length: int = 0) -> None:
        nonlocal root, total, chars
        total += size
        chars += length
        if total > MAX_NODES:
            raise _refused(msg("alias-bomb", limit=f"{MAX_NODES:,}"), mark)
        if chars > MAX_CHARS:
            raise _refused(msg("too-many-chars", limit=f"{MAX_CHARS:,}"), mark)
        if not stack:
            root = value
            return
        top = stack[-1]
        top.chars += length
        c = top.container
        if type(c) is list:
            c.append(value)
            top.marks.append(mark)
            top.size += size
            return
        if top.key is _NO_KEY:
            if isinstance(value, (dict, list)):
                raise _refused(msg("complex-key"), mark)
            top.key, top.key_mark = value, mark
            return
        key, top.key = top.key, _NO_KEY
        top.size += size
        if key is _MERGE_KEY:
            for part in value if isinstance(value, list) else [value]:
                if not isinstance(part, dict):
                    raise _refused(msg("bad-merge"), mark)
                for k, v in part.items():
                    if k not in c:
                        c[k] = v
                        top.merged.add(k)
            return
        if key in c:
            if key not in top.merged:
                first = top.marks[key]
                raise _refused(msg("duplicate-key", key=key, line=first.line + 1), top.key_mark, DuplicateKey)
            top.merged.discard(key)
        c[key] = value
        top.marks[key] = top.key_mark or mark

    parser = _Loader(text)
    next_event = parser.get_event
    try:
        while True:
            ev: Any = next_event()  # type: ignore[no-untyped-call]
            if ev is None:
                break
            kind = ev.__class__
            if kind is scalar_event:
                if ev.tag is None and ev.implicit[0] and _resolve(ev.value) == _STR:
                    value = ev.value  # a plain string: by far the most common event
                else:
                    value = _scalar(ev)
                    if ev.style in _QUOTES and ev.end_mark.line > ev.start_mark.line:
                        if not lines:  # split once, and only for a file with such a text
                            lines.extend(text.splitlines())
                        _unclosed_quote(ev, lines)
                length = len(value) if type(value) is str else 0
                if ev.anchor:
                    anchors[ev.anchor] = (value, 1, length)
                top = stack[-1] if stack else None
                if top is not None and top.key is _NO_KEY and type(top.container) is dict:
                    # A mapping key (the other half of all scalars): remember it for its value.
                    if type(value) is str and (value[:1] == "\u3000" or "：" in value):
                        _odd_key(value, ev.start_mark)
                    total += 1
                    chars += length
                    top.chars += length
                    top.key, top.key_mark = value, ev.start_mark
                else:
                    add(value, 1, ev.start_mark, length)
            elif kind in start_events:
                if len(stack) >= MAX_DEPTH:
                    raise _refused(msg("too-deep", depth=MAX_DEPTH), ev.start_mark)
                if ev.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                    raise _refused(msg("yaml-tag", tag=ev.tag), ev.start_mark)
                container: dict[Any, Any] | list[Any] = {} if kind is yaml.MappingStartEvent else []
                stack.append(_Frame(container, ev.anchor, ev.start_mark))
            elif kind in end_events:
                frame = stack.pop()
                positions[id(frame.container)] = frame.marks
                if frame.anchor:
                    anchors[frame.anchor] = (frame.container, frame.size, frame.chars)
                total -= frame.size - 1  # its children were counted as they came
                chars -= frame.chars
                add(frame.container, frame.size, frame.start, frame.chars)
            elif kind is alias_event:
                if ev.anchor not in anchors:
                    raise _refused(msg("bad-alias", anchor=ev.anchor), ev.start_mark)
                value, size, length = anchors[ev.anchor]
                add(value, size, ev.start_mark, length)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _refused(msg("many-documents"), ev.start_mark)
    finally:
        parser.dispose()
    return root, positions


def read_header(text: str, keys: tuple[str, ...]) -> dict[str, str]:
    """The top-level scalar values of ``keys``, read from the first events only (fast)."""
    found: dict[str, str] = {}
    parser = _Loader(text)
    depth, key = 0, None
    try:
        while len(found) < len(keys):
            ev: Any = parser.get_event()  # type: ignore[no-untyped-call]
            if ev is None:
                break
            kind = type(ev)
            if kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent):
                depth += 1
                key = None
            elif kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                depth -= 1
            elif kind is yaml.ScalarEvent and depth == 1:
                if key is None:
                    key = ev.value
                else:
                    if key in keys:
                        found[key] = ev.value
                    key = None
            elif depth == 1 and kind is yaml.AliasEvent:
                key = None
    except yaml.YAMLError:
        pass
    finally:
        parser.dispose()
    return found


_BRACE_START = re.compile(r":\s+\{[A-Za-z_][A-Za-z0-9_.]*\}[^,:]")


# libyaml's wording of the usual slips, and what a clerk should do about them.
_SYNTAX_HINTS = [
    ("could not find expected ':'", "yaml-hint-colon"),
    ("mapping values are not allowed here", "yaml-hint-colon-in-value"),
    ("did not find expected key", "yaml-hint-indent"),
    ("found character that cannot start any token", "yaml-hint-character"),
    ("found unexpected end of stream", "yaml-hint-quote"),
    ("did not find expected ',' or ']'", "yaml-hint-bracket"),
    ("did not find expected ',' or '}'", "yaml-hint-brace"),
    ("found undefined alias", "yaml-hint-alias"),
]


def _open_quote(text: str, upto: int) -> tuple[int, int, str] | None:
    """The last quoted text starting by line ``upto`` that runs over lines reading as keys: where
    its quotation mark opened (0-based), and which mark it is."""
    found = None
    parser = _Loader(text)
    lines = text.splitlines()
    try:
        while True:
            tok: Any = parser.get_token()  # type: ignore[no-untyped-call]
            if tok is None or tok.start_mark.line > upto:
                break
            start, end = tok.start_mark, tok.end_mark
            if isinstance(tok, yaml.ScalarToken) and tok.style in _QUOTES and end.line > start.line:
                if _over_keys(lines, start.line, start.column, end.line):
                    found = (start.line, start.column, tok.style)
    except yaml.YAMLError:
        pass  # the tokens up to the error are what can be the cause
    finally:
        parser.dispose()
    return found


def _slip(text: str, upto: int) -> tuple[int, int, Msg] | None:
    """The nearest line by line ``upto`` (0-based) with a key after a Chinese colon or indented with
    a full-width space, outside block texts (``>-``, ``|``, where both are ordinary text)."""
    found = None
    block: int | None = None  # the indentation a block text's lines exceed
    for i, line in enumerate(text.splitlines()[: upto + 1]):
        indent = len(line) - len(line.lstrip(" "))
        if block is not None:
            if not line.strip() or indent > block:
                continue
            block = None
        lead = _INDENT.match(line)
        run = lead.group() if lead else ""
        if "\u3000" in run and ("-" in run or _AFTER_INDENT.match(line, len(run))):
            found = (i, line.index("\u3000"), msg("yaml-fullwidth-space"))
        elif (m := _COLON_KEY.match(line)) is not None:
            found = (i, m.end() - 1, msg("yaml-fullwidth-colon", key=m.group(2)))
        if _BLOCK_SCALAR.search(line):
            block = indent
    return found


def _cause(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, Msg] | None:
    """Where a syntax error was caused, when that is a clerk's usual slip, and what to do (0-based);
    libyaml notices each only lines later, at the end of the file for a quotation mark left open."""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return None
    opened = exc.context_mark
    problem = exc.problem or ""
    if exc.context and "quoted scalar" in exc.context and opened is not None and "found unexpected" in problem:
        lines = text.splitlines()
        row = lines[opened.line] if opened.line < len(lines) else ""
        quote = row[opened.column] if opened.column < len(row) and row[opened.column] in _QUOTES else '"'
        return opened.line, opened.column, msg("yaml-unclosed-quote", quote=quote)
    quoted = _open_quote(text, mark.line)
    if quoted is not None:
        return quoted[0], quoted[1], msg("yaml-unclosed-quote", quote=quoted[2])
    return _slip(text, mark.line)


# libyaml's wording (its C and its Python builds) of a clerk's usual slips, said in their words
_SYNTAX_SAID = [
    ("did not find expected key", "yaml-indent-off"),
    ("expected <block end>", "yaml-indent-off"),
    ("did not find expected '-' indicator", "yaml-list-indent"),
    ("block sequence entries are not allowed", "yaml-list-here"),
    ("could not find expected ':'", "yaml-no-colon"),
    ("found unexpected end of stream", "yaml-quote-open"),
    ("did not find expected ',' or ']'", "yaml-bracket-open"),
    ("did not find expected ',' or '}'", "yaml-brace-open"),
    ("found undefined alias", "yaml-alias-undefined"),
    ("found character that cannot start any token", "yaml-bad-start"),
]


def _colon(line: str, column: int) -> tuple[int, Msg]:
    """``mapping values are not allowed``: a key indented under a plain value (read as the value
    going on), or a value with ``: `` in it; where to look (0-based) and what to do."""
    from selfeval.yamltext import scalar

    head = line[:column]
    indent = len(line) - len(line.lstrip(" -"))
    if ": " not in head and not head.rstrip().endswith(":"):
        return indent, msg("yaml-indent-more", key=line[indent:column].strip())
    key, _, value = line[indent:].partition(": ")
    return column, msg("yaml-colon-in-value", key=key.strip(), value=scalar(value.strip()))


def _mark_problem(path: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    cause = _cause(exc, text)
    if cause is not None:
        row, col, said = cause
        return Problem.of(path, row + 1, col + 1, said, "yaml-syntax", Severity.ERROR)
    mark = exc.problem_mark or exc.context_mark
    lines = text.splitlines()
    line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    where = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    detail = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
    known = next((key for needle, key in _SYNTAX_SAID if needle in detail), None)
    told: Msg | None = None
    if "\t" in line[: len(line) - len(line.lstrip())] or "tab" in detail:
        told = msg("yaml-tab")
        where = (where[0], 1)
    elif _BRACE_START.search(line):
        told = msg("yaml-reference")
    elif "mapping values are not allowed" in detail and mark is not None:
        column, told = _colon(line, mark.column)
        where = (where[0], column + 1)
    elif known is not None:
        told = msg(known)
    if told is not None:
        return Problem.of(path, *where, msg("yaml-said", what=told), "yaml-syntax", Severity.ERROR)
    # a slip without words of its own: libyaml's, and where to look
    hint = next((t(key) for needle, key in _SYNTAX_HINTS if needle in detail), "") or t("yaml-hint-general")
    return Problem.of(path, *where, msg("yaml-syntax", detail=detail, hint=hint), "yaml-syntax", Severity.ERROR)


def read_bytes(path: Path, display: str | None = None) -> bytes:
    """The bytes of an input file, refusing folders, missing files and files over the size limit."""
    shown = display or str(path)
    if str(path) == "-":  # standard input: never more than the limit (plus one byte to tell)
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            too_large = msg("too-large", size=f"> {MAX_BYTES:,}", limit=f"{MAX_BYTES:,}")
            raise InputError([Problem.of(shown, 0, 0, too_large, "too-large", Severity.ERROR)])
        return raw
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise UsageError(msg("is-directory", path=shown))
        if not stat.S_ISREG(st.st_mode):  # /dev/zero, a FIFO: never read, never wait
            raise UsageError(msg("not-regular", path=shown))
        if st.st_size > MAX_BYTES:
            too_large = msg("too-large", size=f"{st.st_size:,}", limit=f"{MAX_BYTES:,}")
            raise InputError([Problem.of(shown, 0, 0, too_large, "too-large", Severity.ERROR)])
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)  # a file that grew since stat() is still bounded
        if len(raw) > MAX_BYTES:
            too_large = msg("too-large", size=f"> {MAX_BYTES:,}", limit=f"{MAX_BYTES:,}")
            raise InputError([Problem.of(shown, 0, 0, too_large, "too-large", Severity.ERROR)])
        return raw
    except FileNotFoundError as e:
        raise UsageError(msg("no-such-file", path=shown)) from e
    except PermissionError as e:
        raise UsageError(msg("permission-denied", path=shown)) from e
    except IsADirectoryError as e:  # pragma: no cover - caught by S_ISDIR above
        raise UsageError(msg("is-directory", path=shown)) from e
    except OSError as e:  # too many symlink levels, name too long, not a directory…
        raise UsageError(msg("os-error", path=shown, reason=os_reason(e))) from e


def read_text(path: Path, display: str | None = None) -> str:
    """Read a UTF-8 text file (a BOM is accepted), refusing binaries, other encodings and huge files."""
    shown = display or str(path)
    return decode(read_bytes(path, shown), shown)


def decode(raw: bytes, shown: str) -> str:
    """Decode bytes as UTF-8, explaining exactly what is wrong when they are not."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise InputError([Problem.of(shown, 1, 1, msg("utf16", encoding="UTF-32"), "encoding", Severity.ERROR)])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError([Problem.of(shown, 1, 1, msg("utf16", encoding="UTF-16"), "encoding", Severity.ERROR)])
    if b"\x00" in raw[:8192]:
        raise InputError([Problem.of(shown, 0, 0, msg("binary"), "encoding", Severity.ERROR)])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        try:
            raw.decode("gb18030")
            key = "gbk"
        except UnicodeDecodeError:
            key = "not-utf8"
        bad = msg(key, byte=f"0x{raw[e.start]:02x}")
        raise InputError([Problem.of(shown, line, col, bad, "encoding", Severity.ERROR)]) from e
    m = _CONTROL.search(text)
    if m is not None:  # YAML refuses them without a line; say where, and what it is
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        char = f"U+{ord(m.group()):04X}"
        bad = msg("control-char", char=char, name=_CONTROL_NAMES.get(m.group(), char))
        raise InputError([Problem.of(shown, line, col, bad, "encoding", Severity.ERROR)])
    return text


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
"""What YAML does not allow in a file: C0 and C1 controls but tab and line breaks, DEL, non-characters."""
_CONTROL_NAMES = {
    "\x0b": "垂直制表符",
    "\x0c": "换页符",
    "\x1b": "ESC",
    "\x07": "响铃",
    "\x7f": "DEL",
    "\x08": "退格",
    "\ufffe": "非字符",
    "\uffff": "非字符",
}


Loc = tuple[int | str, ...]
"""A path to a value inside a document: keys and list indexes (``("figures", "towns")``)."""


@dataclass(kw_only=True)
class Document:
    """A parsed YAML file: its values, the SHA-256 of the bytes read, and each value's position."""

    display: str
    """How the file is named in messages (the path as the user gave it)."""
    text: str
    data: Any
    sha256: str
    _marks: Marks = field(default_factory=dict, repr=False)

    def _step(self, node: Any, step: int | str) -> tuple[Any, yaml.Mark | None]:
        marks = self._marks.get(id(node))
        if isinstance(node, dict):
            key: Any = step if step in node else next((k for k in node if str(k) == str(step)), _NO_KEY)
            if key is not _NO_KEY:
                return node[key], marks.get(key) if marks else None
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            return node[step], marks[step] if marks and step < len(marks) else None
        return _NO_KEY, None

    def locate(self, loc: Sequence[int | str]) -> tuple[int, int]:
        """The 1-based line and column of the value at ``loc``, or of its nearest parent.

        Steps of ``loc`` that are not in the file (pydantic's union tags, model names)
        are skipped, so a validation error still lands on the closest real line.
        """
        node, best = self.data, (1, 1)
        for step in loc:
            child, mark = self._step(node, step)
            if child is _NO_KEY:
                continue
            node = child
            if mark is not None:
                best = (mark.line + 1, mark.column + 1)
        return best

    def has(self, loc: Sequence[int | str]) -> bool:
        """Whether every step of ``loc`` is in the file."""
        node = self.data
        for step in loc:
            node, _ = self._step(node, step)
            if node is _NO_KEY:
                return False
        return True

    def problem(
        self,
        loc: Sequence[int | str],
        message: Msg,
        code: str = "input",
        severity: Severity = Severity.ERROR,
        **extra: Any,
    ) -> Problem:
        """A problem placed at ``loc``."""
        line, col = self.locate(loc)
        return Problem.of(self.display, line, col, message, code, severity, **extra)


def parse(raw: bytes | str, display: str) -> Document:
    """Parse YAML into a :class:`Document`, converting every YAML error to a problem."""
    data_bytes = raw.encode("utf-8") if isinstance(raw, str) else raw
    text = raw if isinstance(raw, str) else decode(raw, display)
    try:
        data, marks = _build(text)
    except RefusedInput as e:
        where = (e.line + 1, e.column + 1) if e.line is not None and e.column is not None else (0, 0)
        raise InputError([Problem.of(display, *where, e.message, e.code, Severity.ERROR)]) from e
    except yaml.MarkedYAMLError as e:
        raise InputError([_mark_problem(display, e, text)]) from e
    except yaml.YAMLError as e:
        bad = msg("yaml-syntax", detail=str(e), hint="")
        raise InputError([Problem.of(display, 0, 0, bad, "yaml-syntax", Severity.ERROR)]) from e
    except RecursionError as e:
        deep = msg("too-deep", depth=MAX_DEPTH)
        raise InputError([Problem.of(display, 0, 0, deep, "too-deep", Severity.ERROR)]) from e
    if data is None:
        raise InputError([Problem.of(display, 1, 1, msg("empty-file"), "empty", Severity.ERROR)])
    if not isinstance(data, dict):
        kind = msg("kind-list") if isinstance(data, list) else msg("kind-scalar")
        raise InputError([Problem.of(display, 1, 1, msg("top-not-mapping", found=kind), "schema", Severity.ERROR)])
    return Document(display=display, text=text, data=data, sha256=hashlib.sha256(data_bytes).hexdigest(), _marks=marks)


def shown_as(path: Path | str) -> str:
    """How a file is named in messages: the path as given, ``<stdin>`` for ``-``."""
    return "<stdin>" if str(path) == "-" else os.fspath(path)


def load_document(path: Path | str, display: str | None = None) -> Document:
    """Read and parse a YAML file."""
    shown = display or shown_as(path)
    return parse(read_bytes(Path(path), shown), shown)
