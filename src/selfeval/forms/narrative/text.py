"""Figure references in a report's text: each number entered once, in ``figures:``.

A narrative writes ``{care_agreements}`` where the figure's number belongs and the unit
after it in words (``与{care_agreements}名分散供养特困人员…``). The report prints the number
as the county wrote it (``256.60`` stays ``256.60``). ``{subject.name}`` and
``{subject.year}`` print the county and the year evaluated. Substitution is plain text
replacement: nothing is evaluated or rendered, and ``{{…}}`` is never a reference.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

REFERENCE = re.compile(r"(?<!\{)\{(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_]+)?)\}(?!\})")
SUBJECT_REFERENCES = ("subject.name", "subject.year")


@dataclass(frozen=True)
class Reference:
    """One ``{name}`` in a text."""

    name: str
    start: int
    end: int


def references(text: str) -> Iterator[Reference]:
    """Every reference in ``text``, in order."""
    for m in REFERENCE.finditer(text):
        yield Reference(m["name"], m.start(), m.end())


def fill(text: str, value: Callable[[str], str]) -> str:
    """``text`` with each reference replaced by ``value(name)``."""
    if "{" not in text:
        return text
    return REFERENCE.sub(lambda m: value(m["name"]), text)
