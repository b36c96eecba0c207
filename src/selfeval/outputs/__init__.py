"""The output layer: what each command prints, and the formats each can be written in.

One module per format (its :class:`~selfeval.outputs.base.FormatSpec` and a writer for each
result it can write); this is the one place formats and results are registered. Adding a
format is a module, a line in :data:`FORMATS` and a line in each result it writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from selfeval.batch import Ranking
from selfeval.choices import Format
from selfeval.compare import Comparison, RubricComparison
from selfeval.errors import UsageError
from selfeval.explain import Explanation
from selfeval.i18n import msg
from selfeval.outputs import csv, docx, github, html, json, markdown, parsable, table, xlsx, xlsx_province
from selfeval.outputs.base import Checked, Findings, FormatSpec, Kind, Options, Output, Report, Writer
from selfeval.pipeline import Evaluation

FORMATS: dict[Format, FormatSpec] = {
    m.SPEC.format: m.SPEC for m in (table, json, csv, parsable, github, markdown, docx, xlsx, html)
}
"""Every format, in the order help lists them."""

SCORE: Output[Evaluation] = Output(
    Kind.SCORE,
    {Format.TABLE: table.score, Format.JSON: json.score, Format.CSV: csv.score, Format.XLSX: xlsx.score},
)
GAPS: Output[Evaluation] = Output(Kind.GAPS, {Format.TABLE: table.gaps, Format.JSON: json.gaps})
RANKING: Output[Ranking] = Output(
    Kind.RANKING,
    {
        Format.TABLE: table.ranking,
        Format.JSON: json.ranking,
        Format.CSV: csv.ranking,
        Format.XLSX: xlsx_province.ranking,
        Format.HTML: html.ranking,
    },
)
FINDINGS: Output[Findings] = Output(
    Kind.FINDINGS,
    {
        Format.TABLE: table.findings,
        Format.JSON: json.findings,
        Format.CSV: csv.findings,
        Format.PARSABLE: parsable.findings,
        Format.GITHUB: github.findings,
        Format.XLSX: xlsx_province.findings,
    },
)
COMPARISON: Output[Comparison | RubricComparison] = Output(
    Kind.COMPARISON, {Format.TABLE: table.comparison, Format.JSON: json.comparison, Format.CSV: csv.comparison}
)
REPORT: Output[Report] = Output(
    Kind.REPORT, {Format.MARKDOWN: markdown.report, Format.DOCX: docx.report, Format.XLSX: xlsx.report}
)
EXPLANATION: Output[Explanation] = Output(
    Kind.EXPLANATION, {Format.TABLE: table.explanation, Format.JSON: json.explanation}
)

OUTPUTS: dict[Kind, Output[Any]] = {
    o.kind: o for o in (SCORE, GAPS, RANKING, FINDINGS, COMPARISON, REPORT, EXPLANATION)
}
"""Every result a command prints, by kind."""


def formats_for(output: Output[Any]) -> list[Format]:
    """The formats ``output`` can be written in, in the order of :data:`FORMATS`."""
    return [f for f in FORMATS if f in output.writers]


def choose(output: Output[Any], default: Format, format: Format | None = None, out: Path | None = None) -> Format:
    """The format to write ``output`` in: ``--format``, else the suffix of ``--out``, else ``default``."""
    usable = formats_for(output)
    names = ", ".join(f.value for f in usable)
    if format is None and out is not None and out.suffix:
        by_suffix = [f for f in usable if out.suffix.lower() in FORMATS[f].suffixes]
        if not by_suffix:
            raise UsageError(msg("unknown-suffix", path=out, suffix=out.suffix, names=names))
        format = by_suffix[0]
    format = format or default
    if format not in usable:
        raise UsageError(msg("format-not-here", format=format.value, names=names))
    return format


__all__ = [
    "COMPARISON",
    "EXPLANATION",
    "FINDINGS",
    "FORMATS",
    "GAPS",
    "OUTPUTS",
    "RANKING",
    "REPORT",
    "SCORE",
    "Checked",
    "Findings",
    "FormatSpec",
    "Kind",
    "Options",
    "Output",
    "Report",
    "Writer",
    "choose",
    "formats_for",
]
