"""The one record selfeval reports about an input: a located, coded, graded problem.

Validation problems (a rubric that does not add up, a number that cannot be read) and
audit findings (a claim the county's own evidence does not support) are both problems:
each has the file, line and column of the value it is about, so either can be printed as
``path:line:col: severity: message`` or as a GitHub annotation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from selfeval.i18n import Lang, Msg


class Severity(str, Enum):
    """How much a problem matters: an error fails a check, a warning and a note inform."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for the most serious."""
        return _RANK[self]

    def at_least(self, other: Severity) -> bool:
        """Whether this is as serious as ``other`` or more."""
        return self.rank <= other.rank


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, kw_only=True)
class Problem:
    """A problem in an input file, with 1-based line and column (0 when the file has none)."""

    path: str
    line: int
    col: int
    message: str
    """What is wrong, for the person who reads it (Chinese where the text is ours)."""
    code: str = "input"
    severity: Severity = Severity.ERROR
    subject: str = ""
    """The node, relation, figure or key the problem is about."""
    english: Msg | str = field(default="", compare=False, hash=False)
    """The message in English, rendered only when asked for (most runs never print it)."""
    values: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    """The numbers behind the message; ``stated`` and ``expected`` where a claim is compared."""

    @classmethod
    def of(cls, path: str, line: int, col: int, message: Msg, code: str, severity: Severity, **extra: Any) -> Problem:
        """A problem whose message comes from the catalogue, kept in the run's language and in English."""
        return cls(
            path=path,
            line=line,
            col=col,
            message=message.text(),
            code=code,
            severity=severity,
            english=message,
            **extra,
        )

    @property
    def message_en(self) -> str:
        """The message in English (JSON carries both)."""
        return self.english.text(Lang.EN) if isinstance(self.english, Msg) else self.english

    @property
    def where(self) -> str:
        """``path:line:col``, or the path alone when there is no line."""
        return f"{self.path}:{self.line}:{self.col or 1}" if self.line else self.path

    def position_key(self) -> tuple[str, int, int, int, str]:
        """File order: what an editor or CI log wants (a stable sort keeps ties as found)."""
        return (self.path, self.line, self.col, self.severity.rank, self.code)

    def severity_key(self) -> tuple[int, str, int, int, str]:
        """Most serious first, then in file order: what a reviewer reads top to bottom."""
        return (self.severity.rank, self.path, self.line, self.col, self.code)


def counts(problems: list[Problem]) -> dict[Severity, int]:
    """How many problems of each severity."""
    out = dict.fromkeys(Severity, 0)
    for p in problems:
        out[p.severity] += 1
    return out
