"""The choices users pick on the command line, as ``str`` enums (kept free of heavy imports).

Every choice has its handler in a registry keyed by the enum (formats in
:mod:`selfeval.outputs`); a test checks none is missing.
"""

from __future__ import annotations

from enum import Enum


class Format(str, Enum):
    """Output formats. Which ones a command offers depends on what it prints."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    PARSABLE = "parsable"
    GITHUB = "github"
    MARKDOWN = "markdown"
    DOCX = "docx"
    XLSX = "xlsx"
    HTML = "html"


class Sort(str, Enum):
    """Orders of a ranking."""

    TOTAL = "total"
    NAME = "name"
    AUDIT = "audit"
    PATH = "path"


class Scores(str, Enum):
    """Which scores a report carries."""

    COMPUTED = "computed"
    """The scores the rules give from the county's evidence."""
    CLAIMED = "claimed"
    """The county's own, as its report states them (自评得分)."""
