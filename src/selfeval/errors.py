"""The error tree. Everything the user can cause derives from :class:`SelfevalError`."""

from __future__ import annotations

from collections.abc import Iterable

from selfeval.problems import Problem


class SelfevalError(Exception):
    """An error the user can act on; the CLI prints it without a traceback."""

    exit_code = 1

    def lines(self) -> list[str]:
        """The lines to print for the user."""
        return [str(self)]


class UsageError(SelfevalError):
    """The command line itself is wrong: a missing file, a directory, a bad option."""

    exit_code = 2


class InputError(SelfevalError):
    """An input file has bad content; carries every problem found in it."""

    exit_code = 1

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(p.parsable() for p in self.problems))

    def lines(self) -> list[str]:
        return [p.parsable() for p in self.problems]


class OutputError(SelfevalError):
    """An output cannot be written where the user asked (usage-class: exit 2)."""

    exit_code = 2


class TemplateError(SelfevalError):
    """A report template is broken or refers to something that does not exist."""

    exit_code = 1
