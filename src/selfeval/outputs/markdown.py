"""Markdown: the report a county files, rendered from its form's view model and template.

Every string in the view model is escaped for Markdown before the template sees it, so a
``{{ }}``, a leading ``#``, a code fence, an HTML tag or a line break in a narrative stays
text on its own line of the report.
"""

from __future__ import annotations

import re
from typing import IO

from selfeval.choices import Format
from selfeval.i18n import t
from selfeval.load import read_text
from selfeval.outputs import template
from selfeval.outputs.base import FormatSpec, Options, Report, write_text

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_BREAKS = re.compile(r"[\r\n\x85\u2028\u2029]+")
_MD_LINE_START = re.compile(r"^(\s*)(#{1,6}|>|\++|-+|=+|\d+[.)])(?=\s|$)", re.MULTILINE)


def md_escape(value: object) -> object:
    """Escape a string so Markdown shows it as written; other values pass through."""
    if not isinstance(value, str):
        return value
    # One line, no leading indent: a value can then start no block of its own (a code block,
    # a fence, a setext heading, a new table row) and swallow what follows it.
    text = _BREAKS.sub(" ", value).lstrip(" \t")
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_LINE_START.sub(_escape_marker, text)


def _escape_marker(m: re.Match[str]) -> str:
    marker = m.group(2)
    if marker[0].isdigit():  # "1." → "1\." : a backslash before a digit is not an escape
        return m.group(1) + marker[:-1] + "\\" + marker[-1]
    return m.group(1) + "\\" + marker


SPEC = FormatSpec(format=Format.MARKDOWN, suffixes=(".md", ".markdown"), binary=False)
"""The report as Markdown text."""


def report(report: Report, out: IO[bytes], options: Options) -> None:
    ev = report.evaluation
    path = report.template or ev.rubric.template("markdown")
    view = ev.form.view_model(ev.result, ev.findings, ev.provenance, report.options)
    text = template.render(read_text(path), str(path), template.each_string(md_escape, view))
    draft = f"**{t('draft-mark', n=report.options.draft)}**\n\n" if report.options.draft else ""
    write_text(out, draft + text)
