"""The choices users pick on the command line, as ``str`` enums (kept free of heavy imports).

Every choice has its handler in a dict keyed by the enum; a test checks none is missing.
"""

from __future__ import annotations

from enum import Enum


class Format(str, Enum):
    """Output formats of ``score`` and ``compare``."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class AuditFormat(str, Enum):
    """Output formats of ``audit``."""

    TABLE = "table"
    JSON = "json"


class ProblemFormat(str, Enum):
    """How ``validate`` prints problems: ``path:line:col: message`` or GitHub annotations."""

    PARSABLE = "parsable"
    GITHUB = "github"


class Sort(str, Enum):
    """Orders of a ranking."""

    TOTAL = "total"
    NAME = "name"
    AUDIT = "audit"
    PATH = "path"


class Severity(str, Enum):
    """How much an audit finding matters to a reviewer."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
