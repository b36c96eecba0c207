"""The one place selfeval reaches past typer's public names: the click that typer carries.

typer (0.28 and later) vendors click as ``typer._click`` and exports only a few of its names
(``typer.BadParameter``, ``typer.Context``). The Chinese frame (:mod:`selfeval.cliframe`)
also needs click's help formatter, its context class, its short-help rule and its usage
errors; they are taken from here and nowhere else. A test runs the command line against the
newest typer release as well as the pinned one, so the pin can move when that test passes.
"""

from __future__ import annotations

from typer._click import exceptions as _exceptions
from typer._click.core import Context
from typer._click.formatting import HelpFormatter
from typer._click.utils import make_default_short_help as short_help

BadParameter = _exceptions.BadParameter
ClickException = _exceptions.ClickException
MissingParameter = _exceptions.MissingParameter
NoSuchOption = _exceptions.NoSuchOption
UsageError = _exceptions.UsageError
NoArgsIsHelpError = getattr(_exceptions, "NoArgsIsHelpError", None) or type(None)
"""click 8.2 shows help for a command called without arguments as this error; older click prints it."""

__all__ = [
    "BadParameter",
    "ClickException",
    "Context",
    "HelpFormatter",
    "MissingParameter",
    "NoArgsIsHelpError",
    "NoSuchOption",
    "UsageError",
    "short_help",
]
