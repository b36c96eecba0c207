"""The run's settings: what the command line was asked, built once from options and environment.

:class:`Settings` holds what every command shares (language, how much to say, the terminal);
each command's own settings (:mod:`selfeval.commands`) hold it with that command's options.
All are frozen: a run reads them, never changes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from selfeval.i18n import Lang, from_env

DEBUG_ENV = "SELFEVAL_DEBUG"
"""Set to show a traceback on errors, as ``--debug`` does (for a run started by another program)."""


@dataclass(frozen=True, kw_only=True)
class Settings:
    """What every command of a run shares."""

    lang: Lang = Lang.ZH
    """The language people are spoken to in."""
    quiet: bool = False
    """Say only the result and errors (``-q``)."""
    verbose: bool = False
    """Say more, such as the rubric used (``-v``)."""
    ids: bool = False
    """Show internal ids of nodes, relations and findings (for rubric authors)."""
    debug: bool = False
    """Show a traceback on errors."""
    width: int = 80
    """Columns of the terminal that tables are fitted to."""
    stdout_terminal: bool = False
    """Standard output is a terminal (no place for a Word or Excel file's bytes)."""
    stderr_terminal: bool = False
    """Standard error is a terminal (where a progress bar may show)."""

    @classmethod
    def build(
        cls,
        environ: Mapping[str, str],
        *,
        lang: Lang | None = None,
        quiet: bool = False,
        verbose: bool = False,
        ids: bool = False,
        debug: bool = False,
        width: int = 80,
        stdout_terminal: bool = False,
        stderr_terminal: bool = False,
    ) -> Settings:
        """The settings of a run: the options given, the environment for what they leave open."""
        return cls(
            lang=lang if lang is not None else from_env(environ),
            quiet=quiet,
            verbose=verbose,
            ids=ids,
            debug=debug or bool(environ.get(DEBUG_ENV)),
            width=max(width, 40),
            stdout_terminal=stdout_terminal,
            stderr_terminal=stderr_terminal,
        )

    @property
    def progress(self) -> bool:
        """Whether a long batch may show a progress bar."""
        return self.stderr_terminal and not self.quiet
