"""The output layer: every format is one module with one :class:`~selfeval.outputs.base.Reporter`.

This is the one place formats are registered. Adding a format is a module and a line in
:data:`REPORTERS`.
"""

from __future__ import annotations

from pathlib import Path

from selfeval.choices import Format
from selfeval.errors import UsageError
from selfeval.i18n import msg
from selfeval.outputs.base import Checked, Findings, Kind, Options, Report, Reporter
from selfeval.outputs.csv import CsvReporter
from selfeval.outputs.docx import DocxReporter
from selfeval.outputs.github import GithubReporter
from selfeval.outputs.html import HtmlReporter
from selfeval.outputs.json import JsonReporter
from selfeval.outputs.markdown import MarkdownReporter
from selfeval.outputs.parsable import ParsableReporter
from selfeval.outputs.table import TableReporter
from selfeval.outputs.xlsx import XlsxReporter

REPORTERS: dict[Format, type[Reporter]] = {
    Format.TABLE: TableReporter,
    Format.JSON: JsonReporter,
    Format.CSV: CsvReporter,
    Format.PARSABLE: ParsableReporter,
    Format.GITHUB: GithubReporter,
    Format.MARKDOWN: MarkdownReporter,
    Format.DOCX: DocxReporter,
    Format.XLSX: XlsxReporter,
    Format.HTML: HtmlReporter,
}


def formats_for(kind: Kind) -> list[Format]:
    """The formats that can write ``kind``."""
    return [f for f, cls in REPORTERS.items() if cls.supports(kind)]


def choose(kind: Kind, default: Format, format: Format | None = None, out: Path | None = None) -> type[Reporter]:
    """The reporter for ``kind``: ``--format``, else the suffix of ``--out``, else ``default``."""
    usable = formats_for(kind)
    names = ", ".join(f.value for f in usable)
    if format is None and out is not None and out.suffix:
        by_suffix = [f for f in usable if out.suffix.lower() in REPORTERS[f].suffixes]
        if not by_suffix:
            raise UsageError(msg("unknown-suffix", path=out, suffix=out.suffix, names=names))
        format = by_suffix[0]
    format = format or default
    if format not in usable:
        raise UsageError(msg("format-not-here", format=format.value, names=names))
    return REPORTERS[format]


__all__ = ["REPORTERS", "Checked", "Findings", "Kind", "Options", "Report", "Reporter", "choose", "formats_for"]
