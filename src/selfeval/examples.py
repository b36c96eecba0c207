"""Worked examples in the documentation of a rule kind or an audit check.

A rule kind's docstring (and a check module's) documents it in Chinese, then in English, then
shows at least one example that passes and one that fails, each a YAML block under a line
``PASS: what it shows`` or ``FAIL: what it shows``::

    PASS: 满意度95%，达到90%，得满分
        points: 4
        rule: {kind: threshold, metric: rate, op: ">=", value: 90}
        figures: {rate: 95}
        score: 4

``selfeval rules`` prints them; the tests run every one of them, so an example that no
longer holds fails the build. What the YAML holds depends on the family: for a rule kind,
the node's ``points`` (and ``type``), the ``rule``, the data it reads (``figures``, ``facts``,
``evidence``, ``judgements``), optional ``rubric`` declarations and the ``score`` it gives;
for a check, a ``rubric`` (or a form's bundled one) and a ``data`` file, and the check finds
nothing in a PASS and something in a FAIL.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from dataclasses import dataclass
from typing import Literal

_HEAD = re.compile(r"^(PASS|FAIL): *(.*)$")


@dataclass(frozen=True)
class Example:
    """One worked example: whether it passes, what it shows, and its YAML."""

    verdict: Literal["PASS", "FAIL"]
    title: str
    source: str


def split(doc: str) -> tuple[str, list[Example]]:
    """A docstring's documentation (before the first example) and its examples, in order."""
    lines = inspect.cleandoc(doc).splitlines()
    first = next((i for i, line in enumerate(lines) if _HEAD.match(line)), len(lines))
    examples: list[Example] = []
    i = first
    while i < len(lines):
        m = _HEAD.match(lines[i])
        j = i + 1
        while j < len(lines) and not _HEAD.match(lines[j]):
            j += 1
        if m is not None:
            block = textwrap.dedent("\n".join(lines[i + 1 : j])).strip("\n")
            verdict: Literal["PASS", "FAIL"] = "PASS" if m.group(1) == "PASS" else "FAIL"
            examples.append(Example(verdict, m.group(2).strip(), block + "\n"))
        i = j
    return "\n".join(lines[:first]).strip(), examples
