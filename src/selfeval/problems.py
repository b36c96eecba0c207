"""One problem type for everything selfeval reports about an input file."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Level(str, Enum):
    """How serious a problem is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """A problem in an input file, with 1-based line and column (0 when unknown)."""

    path: str
    line: int
    col: int
    message: str
    code: str = "input"
    level: Level = Level.ERROR

    def parsable(self) -> str:
        """``path:line:col: message``, the form editors and CI understand."""
        where = self.path
        if self.line:
            where = f"{where}:{self.line}:{self.col or 1}"
        level = "warning: " if self.level is Level.WARNING else ""
        return f"{where}: {level}{self.message}"

    def github(self) -> str:
        """A GitHub Actions workflow command that annotates the line."""
        kind = "error" if self.level is Level.ERROR else "warning"
        parts = [f"file={self.path}"]
        if self.line:
            parts += [f"line={self.line}", f"col={self.col or 1}"]
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} {','.join(parts)},title=selfeval {self.code}::{message}"
