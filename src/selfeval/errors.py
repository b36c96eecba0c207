"""The error tree: every exception selfeval raises is defined here, and all but the termination
signals (:class:`Terminated`, a ``SystemExit``) derive from :class:`SelfevalError`.

Each carries its message as a :class:`~selfeval.i18n.Msg` in ``message`` (rendered in the run's
language when printed) and the exit code a command ends with when it is not caught. What a
file gets wrong is collected as :class:`~selfeval.problems.Problem` records and carried by
:class:`InputError`; the other classes mark where a command, a template or an evaluation
cannot go on.

Some classes also derive from a built-in exception, for the code that catches that kind:
pydantic turns a ``ValueError`` raised in a validator into a located schema problem
(:class:`InvalidValue`), and a score's arithmetic reads a missing figure as a ``LookupError``
(:class:`MissingValue`). :class:`Terminated` derives from ``SystemExit`` so that a signal
unwinds the program as Ctrl-C does, past every ``except Exception``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from selfeval.i18n import Lang, Msg, msg
from selfeval.problems import Problem

__all__ = [
    "DuplicateKey",
    "ExprSyntaxError",
    "HungUp",
    "InputError",
    "InvalidValue",
    "MissingValue",
    "OutputError",
    "RefusedInput",
    "SelfevalError",
    "TemplateError",
    "TemplateTimeout",
    "TemplateValueTooLarge",
    "Terminated",
    "Undefined",
    "UnknownValue",
    "UsageError",
    "os_reason",
]


class SelfevalError(Exception):
    """An error the user can act on; the command line prints its message without a traceback."""

    exit_code: ClassVar[int] = 1

    def __init__(self, message: Msg) -> None:
        self.message = message
        super().__init__(message.text(Lang.EN))

    def __str__(self) -> str:
        return self.message.text()


class UsageError(SelfevalError):
    """The command line itself is wrong: a missing file, a directory, a bad option."""

    exit_code = 2


class OutputError(SelfevalError):
    """An output cannot be written where the user asked (usage-class: exit 2)."""

    exit_code = 2


class InputError(SelfevalError):
    """An input file has bad content; carries every problem found in it, in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.position_key)
        super().__init__(msg("input-problems", n=len(self.problems)))

    def __str__(self) -> str:
        return "; ".join(f"{p.where}: {p.message}" for p in self.problems)


class TemplateError(SelfevalError):
    """A report template is broken, refers to something that does not exist, or exceeds a bound."""


class TemplateTimeout(TemplateError):
    """A template ran past its time limit; raised by the timer, located where it is caught."""

    def __init__(self) -> None:
        super().__init__(msg("template-timeout"))


class TemplateValueTooLarge(TemplateError):
    """A template built a string or list longer than any output may be; located where it is caught."""

    def __init__(self) -> None:
        super().__init__(msg("template-value-too-large", where="", limit=""))


class InvalidValue(SelfevalError, ValueError):
    """A value a validator refuses, with the catalogue message that says why. A ``ValueError``
    so that pydantic places it on the value's line like its own complaints."""

    def __init__(self, key: str, /, **args: object) -> None:
        super().__init__(Msg(key, args))

    @classmethod
    def saying(cls, message: Msg) -> InvalidValue:
        """The complaint of a message already made (a plugin's own, from its catalogue)."""
        error = cls.__new__(cls)
        SelfevalError.__init__(error, message)
        return error


class ExprSyntaxError(InvalidValue):
    """An expression's text is not valid; ``pos`` is the 0-based offset of the problem."""

    def __init__(self, key: str, pos: int, **args: object) -> None:
        super().__init__(key, **args)
        self.pos = pos


class MissingValue(SelfevalError, LookupError):
    """A name an expression reads has no value in the data (a figure still to fill)."""

    def __init__(self, name: str) -> None:
        super().__init__(msg("value-missing", name=name))
        self.name = name


class UnknownValue(MissingValue):
    """A name whose value the data marks unknown (a cut-off source, a cell left blank): the score
    that reads it is a range, not a zero."""


class Undefined(SelfevalError, ArithmeticError):
    """An expression has no value (a division by zero)."""

    def __init__(self, text: str) -> None:
        super().__init__(msg("expr-undefined", text=text))


class RefusedInput(SelfevalError):
    """Input that is valid YAML but that selfeval refuses (bombs, deep nesting, odd tags), with
    the 0-based line and column where the builder met it."""

    code: ClassVar[str] = "refused"

    def __init__(self, message: Msg, line: int | None, column: int | None) -> None:
        super().__init__(message)
        self.line, self.column = line, column


class DuplicateKey(RefusedInput):
    """A mapping repeats a key; YAML would silently keep the last one."""

    code = "duplicate-key"


class Terminated(SystemExit):
    """SIGTERM: unwind as Ctrl-C does, so a half-written output is removed. Its exit code is
    128 + the signal's number, as shells report a program a signal ended."""

    signum: ClassVar[int] = 15
    exit_code: ClassVar[int] = 128 + 15

    def __init__(self) -> None:
        super().__init__(self.exit_code)
        self.message = msg("terminated", signum=self.signum)


class HungUp(Terminated):
    """SIGHUP: the terminal went away; unwind as for SIGTERM."""

    signum = 1
    exit_code = 128 + 1


def os_reason(e: BaseException) -> str:
    """Why the system refused, in the run's language where the cause is a usual one."""
    import errno

    from selfeval.i18n import t

    code = getattr(e, "errno", None)
    name = errno.errorcode.get(code, "") if isinstance(code, int) else ""
    if name in ("ENAMETOOLONG", "ELOOP", "ENOTDIR", "EACCES", "EIO", "ENOSPC"):
        return t(f"errno-{name}")
    if isinstance(e, RuntimeError):  # pathlib's "Symlink loop" on older Pythons
        return t("errno-ELOOP")
    return getattr(e, "strerror", None) or str(e)
