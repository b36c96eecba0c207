"""The run's settings: what the command line was asked, built once from options and environment.

:class:`Settings` holds what every command shares (language, how much to say, the terminal);
each command's own settings (:mod:`selfeval.commands`) hold it with that command's options.
All are frozen: a run reads them, never changes them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from selfeval.cache import Cache, one_county
from selfeval.cache import folder as cache_folder
from selfeval.i18n import Lang, from_env

DEBUG_ENV = "SELFEVAL_DEBUG"
"""Set to show a traceback on errors, as ``--debug`` does (for a run started by another program)."""
RUBRIC_PATH_ENV = "SELFEVAL_RUBRIC_PATH"
"""Folders to look for rubrics in, separated as the system separates paths (``:``, ``;`` on Windows)."""


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
    rubric_path: tuple[Path, ...] = ()
    """Folders a data file's rubric is looked for in, after the data file's own folder (``--rubric-path``
    first, then :data:`RUBRIC_PATH_ENV`)."""
    cache: Path | None = None
    """The folder of the result cache (:mod:`selfeval.cache`); None: no cache (``--no-cache``)."""

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
        rubric_path: tuple[Path, ...] = (),
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
            rubric_path=(*rubric_path, *search_path(environ)),
            cache=cache_folder(environ),
        )

    def searching(self, folders: Sequence[Path] | None) -> Settings:
        """These settings with ``--rubric-path`` folders given to one command put first."""
        return replace(self, rubric_path=(*folders, *self.rubric_path)) if folders else self

    def county_entry(
        self, files: tuple[str, ...], rubric: Path | None, format: str, *, plain: bool
    ) -> tuple[Cache, str] | None:
        """Where the output of ``score FILE`` is kept in the result cache under these settings
        (:func:`selfeval.cache.one_county`): one key for the run that keeps it and the one that
        replays it. ``plain``: the command's options say nothing beyond the output."""
        return one_county(
            self.cache,
            files=files,
            rubric=rubric,
            search=self.rubric_path,
            lang=self.lang.value,
            format=format,
            width=self.width,
            ids=self.ids,
            terminal=self.stdout_terminal,
            plain=plain and not self.verbose,
        )

    @property
    def progress(self) -> bool:
        """Whether a long batch may show a progress bar."""
        return self.stderr_terminal and not self.quiet


def search_path(environ: Mapping[str, str]) -> tuple[Path, ...]:
    """The folders :data:`RUBRIC_PATH_ENV` names, in order (empty parts skipped)."""
    return tuple(Path(p) for p in environ.get(RUBRIC_PATH_ENV, "").split(os.pathsep) if p.strip())
