"""The error tree. Everything the user can cause derives from :class:`SelfevalError`.

Errors are raised where a command cannot go on; what a file gets wrong is collected as
:class:`~selfeval.problems.Problem` records and carried by :class:`InputError`.
"""

from __future__ import annotations

from collections.abc import Iterable

from selfeval.i18n import Lang, Msg
from selfeval.problems import Problem


class SelfevalError(Exception):
    """An error the user can act on; the CLI prints it without a traceback."""

    exit_code = 1

    def __init__(self, message: Msg) -> None:
        self.message = message
        super().__init__(message.text(Lang.EN))

    def __str__(self) -> str:
        return self.message.text()


class UsageError(SelfevalError):
    """The command line itself is wrong: a missing file, a directory, a bad option."""

    exit_code = 2


class InputError(SelfevalError):
    """An input file has bad content; carries every problem found in it."""

    exit_code = 1

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.position_key)
        Exception.__init__(self, "; ".join(f"{p.where}: {p.message_en}" for p in self.problems))

    def __str__(self) -> str:
        return "; ".join(f"{p.where}: {p.message}" for p in self.problems)


class OutputError(SelfevalError):
    """An output cannot be written where the user asked (usage-class: exit 2)."""

    exit_code = 2


class TemplateError(SelfevalError):
    """A report template is broken or refers to something that does not exist."""

    exit_code = 1


def os_reason(e: BaseException) -> str:
    """Why the system refused, in the run's language where the cause is a usual one."""
    import errno

    from selfeval.i18n import t

    code = getattr(e, "errno", None)
    name = errno.errorcode.get(code, "") if isinstance(code, int) else ""
    if name in ("ENAMETOOLONG", "ELOOP", "ENOTDIR", "EACCES", "EIO"):
        return t(f"errno-{name}")
    if isinstance(e, RuntimeError):  # pathlib's "Symlink loop" on older Pythons
        return t("errno-ELOOP")
    return getattr(e, "strerror", None) or str(e)
