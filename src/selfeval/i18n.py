"""What selfeval says to people, in Chinese first and in English on request.

Every message a person reads is a :class:`Msg`: a key into :data:`MESSAGES` and the values
it names. It is rendered in the language of the run (``--lang`` or the ``SELFEVAL_LANG``
environment variable; Chinese by default) and, for machine outputs, in English as well.
Codes and JSON keys stay English whatever the language.

The language is the one setting that code at every depth reads (each message renders in
it), so it is not passed down by hand: a run speaks it inside :func:`speaking`, a context
variable set for the run and restored after, as :mod:`decimal` keeps its context.
Importing this module sets nothing.
"""

from __future__ import annotations

import contextlib
import difflib
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import Enum

from selfeval.messages import MESSAGES


class Lang(str, Enum):
    """The languages selfeval speaks."""

    ZH = "zh"
    EN = "en"


ENV = "SELFEVAL_LANG"


def from_env(environ: Mapping[str, str]) -> Lang:
    """The language an environment asks for (``SELFEVAL_LANG``), Chinese when it asks for none."""
    value = environ.get(ENV, "").lower()
    return Lang.EN if value.startswith("en") else Lang.ZH


_LANG: ContextVar[Lang] = ContextVar("selfeval-language", default=Lang.ZH)


@contextlib.contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """Speak ``lang`` inside the block; the language before it is restored after."""
    token = _LANG.set(lang)
    try:
        yield
    finally:
        _LANG.reset(token)


def current() -> Lang:
    """The language of this run."""
    return _LANG.get()


@dataclass(frozen=True)
class Msg:
    """A message: its key in the catalogue and the values it names."""

    key: str
    args: Mapping[str, object] = field(default_factory=dict)
    catalogue: Mapping[str, tuple[str, str]] = field(default_factory=lambda: MESSAGES, compare=False, repr=False)
    """Where the key is: the shared catalogue, or a form's own (:class:`Catalogue`)."""

    def text(self, lang: Lang | None = None) -> str:
        """The message in ``lang`` (default: the run's language)."""
        lang = lang or current()
        zh, en = self.catalogue[self.key]
        args = {k: _render(v, lang) for k, v in self.args.items()}
        return (en if lang is Lang.EN else zh).format(**args)

    def __str__(self) -> str:
        return self.text()


QUOTED = 2_000
"""Longest value a message repeats whole: a 1 MB cell is named by its start and its length."""


def _render(value: object, lang: Lang) -> object:
    """A message's value in ``lang``: a message rendered, a list of parts rendered and joined, and a
    text too long to repeat shortened to its start, saying how long it was."""
    if isinstance(value, Msg):
        return value.text(lang)
    if isinstance(value, (list, tuple)):
        return "".join(str(_render(v, lang)) for v in value)
    if isinstance(value, str) and len(value) > QUOTED:
        return value[:80] + ("…（共 {n:,} 字）" if lang is Lang.ZH else "… ({n:,} characters)").format(n=len(value))
    return value


def t(key: str, /, **args: object) -> str:
    """The message ``key`` in the run's language."""
    return Msg(key, args).text()


def msg(key: str, /, **args: object) -> Msg:
    """A message to render later (a problem keeps both languages)."""
    return Msg(key, args)


def suggest_msg(word: str, choices: Iterable[str]) -> Msg:
    """「；是否应为“x”？」 for the closest of ``choices``, or nothing."""
    close = closest(word, choices)
    return msg("did-you-mean", suggestion=close) if close else msg("nothing")


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The one of ``choices`` that ``word`` was most likely meant to be: alike as difflib sees it,
    or one slip away (two letters swapped, one missing, extra or wrong: metirc, pionts), as
    difflib misses in a short name."""
    options = [str(c) for c in choices]
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.7)
    if close:
        return close[0]
    near = [c for c in options if len(word) > 2 and _one_slip(word.lower(), c.lower())]
    return near[0] if len(near) == 1 else None


def _one_slip(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one swap of neighbours, or one letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :])
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


@dataclass(frozen=True)
class Catalogue:
    """A plugin's own messages (a form's, say), kept in its folder: a key it has is its own, any
    other key is the shared catalogue's."""

    messages: Mapping[str, tuple[str, str]]

    def msg(self, key: str, /, **args: object) -> Msg:
        """A message to render later."""
        return Msg(key, args, self.messages if key in self.messages else MESSAGES)

    def t(self, key: str, /, **args: object) -> str:
        """The message ``key`` in the run's language."""
        return self.msg(key, **args).text()
