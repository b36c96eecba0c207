"""``path:line:col: severity: message``: one line per problem, as compilers and linters print them.

Editors and CI logs turn these into links to the line.
"""

from __future__ import annotations

import re
from typing import IO

from selfeval.choices import Format
from selfeval.outputs.base import Findings, FormatSpec, Options, write_text
from selfeval.problems import Problem

_BREAKS = re.compile("[\r\n\x85\u2028\u2029]+")


def line(p: Problem) -> str:
    """One problem on one line, whatever its file name or message holds."""
    return _BREAKS.sub(" ", f"{p.where}: {p.severity.value}: {p.message}")


SPEC = FormatSpec(format=Format.PARSABLE, suffixes=(), binary=False)
"""One line per problem."""


def findings(findings: Findings, out: IO[bytes], options: Options) -> None:
    write_text(out, "".join(line(p) + "\n" for p in sorted(findings.problems, key=Problem.position_key)))
