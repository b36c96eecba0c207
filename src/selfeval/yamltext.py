"""Writing YAML that always parses back, whatever the names and titles in it contain."""

from __future__ import annotations

import json
import re

_BREAKS = re.compile("[\r\n\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def scalar(value: object) -> str:
    """A value as a YAML scalar: JSON's double-quoted form (JSON is YAML), Chinese left readable,
    with the characters YAML also reads as line breaks escaped."""
    text = json.dumps(value, ensure_ascii=False)
    return _BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def line(text: str) -> str:
    """One line of a YAML file as it was meant: a name in a comment cannot break it in two or
    put a character YAML refuses in the file."""
    return _CONTROLS.sub("?", _BREAKS.sub(" ", text))
