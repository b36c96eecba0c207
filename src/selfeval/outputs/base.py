"""The output layer's pieces: what each command prints (:class:`Output`, typed by its result),
the formats it can be written in (one module per format, each with its :class:`FormatSpec`
and a writer per result it can write), and the text safety every writer shares.

Commands choose the writer by ``--format`` or by the suffix of ``--out``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import IO, Generic, TypeVar

from selfeval.choices import Format
from selfeval.forms.interface import ReportOptions
from selfeval.heading import Heading
from selfeval.i18n import Msg, msg, t
from selfeval.pipeline import Evaluation
from selfeval.problems import Problem, Severity, counts

P = TypeVar("P")


class Kind(str, Enum):
    """What a command prints; each is an :class:`Output` in :mod:`selfeval.outputs`."""

    SCORE = "score"
    GAPS = "gaps"
    RANKING = "ranking"
    FINDINGS = "findings"
    COMPARISON = "comparison"
    REPORT = "report"
    EXPLANATION = "explanation"


@dataclass
class Checked:
    """One file that was validated or audited, and what was found in it."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    subject: tuple[str, int] | None = None
    """The county and year, for a data file that loaded."""

    @property
    def label(self) -> str:
        """``平罗县 2020（path）`` or the path."""
        return f"{self.subject[0]} {self.subject[1]}（{self.path}）" if self.subject else self.path

    def counts(self) -> dict[Severity, int]:
        return counts(self.problems)


@dataclass
class Findings:
    """The problems found in one or more files."""

    files: list[Checked]

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]


@dataclass(frozen=True)
class Report:
    """A county's report document, rendered with a template."""

    evaluation: Evaluation
    template: Path | None = None
    """The user's own template (``--template``), else the rubric's for the format."""
    options: ReportOptions = field(default_factory=ReportOptions)


@dataclass(frozen=True, kw_only=True)
class Options:
    """How to write, beyond the format."""

    width: int = 80
    """Columns of the terminal tables are fitted to (a CJK character takes two)."""
    ids: bool = False
    """Show the internal ids of nodes, relations and findings (for rubric authors)."""
    to_file: bool = False
    """The result goes to a file (``--out``), for people to open, rather than to a program's pipe."""
    heading: Heading = field(default_factory=Heading)
    """The title, province, reviewer and date of a province's summary."""
    notes: list[Msg] = field(default_factory=list, compare=False, repr=False)
    """What a writer changed so that its format holds the result (a value shortened to a limit):
    writers have no standard error, so the command that called one tells the person."""


@dataclass(frozen=True, kw_only=True)
class FormatSpec:
    """A format as the command line knows it."""

    format: Format
    suffixes: tuple[str, ...] = ()
    """File suffixes (``.json``) that choose this format for ``--out``."""
    binary: bool = False
    """Writes a file's bytes (Word, Excel), not text."""


Writer = Callable[[P, IO[bytes], Options], None]
"""Writes one result in one format."""


@dataclass(frozen=True)
class Output(Generic[P]):
    """What a command prints (a result of type ``P``) and a writer for each format it can be written in."""

    kind: Kind
    writers: Mapping[Format, Writer[P]]


_INERT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
"""What a terminal or viewer would act on rather than show: controls (ESC, BEL, a lone CR) and
the bidirectional overrides that reorder what is seen."""


def inert(text: str) -> str:
    """Text with every control character shown as its code, never acted on: ESC as ``\\x1b``,
    C1 controls and direction overrides as ``\\u009b``, ``\\u202e`` (valid escapes in JSON too)."""
    return _INERT.sub(_code, text)


def _code(m: re.Match[str]) -> str:
    n = ord(m.group())
    return f"\\x{n:02x}" if n < 0x80 else f"\\u{n:04x}"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """Text with the characters XML 1.0 cannot hold removed (Office files are XML)."""
    return _NOT_XML.sub("", text)


_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?%?$")


def formula_like(value: object) -> bool:
    """Whether a spreadsheet would run this value as a formula (it starts with =, +, -, @, a tab
    or a CR) rather than show it; a signed number is a number, not a formula. The one place
    that decides it: CSV marks such a cell with an apostrophe, Excel with its quote prefix."""
    return isinstance(value, str) and bool(_FORMULA.match(value)) and not _NUMBER.match(value)


PROPERTY_LIMIT = 255
"""Characters an Office document property (title, author, keywords…) holds."""
CELL_LIMIT = 32767
"""Characters an Excel cell holds."""


def _units(text: str) -> int:
    """Length as Office counts it: UTF-16 units, two for a character beyond the BMP."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def fit(text: str, limit: int, what: Msg, options: Options) -> str:
    """``text``, or when the format cannot hold it, as much as it can with a visible mark at the
    end, and a note in ``options`` saying what was shortened: never a crash, never silently."""
    if len(text) <= limit // 2 or _units(text) <= limit:
        return text
    mark = t("shortened-mark")
    room, used, cut = limit - _units(mark), 0, 0
    for ch in text:  # by characters, so a pair beyond the BMP is never split
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > room:
            break
        cut += 1
    length, most = f"{len(text):,}", f"{limit:,}"
    options.notes.append(msg("out-shortened", what=what, length=length, limit=most, mark=mark))
    return text[:cut] + mark


def write_text(out: IO[bytes], text: str) -> None:
    """Text as selfeval writes it: UTF-8, with nothing a terminal would act on."""
    out.write(inert(text).encode("utf-8"))
