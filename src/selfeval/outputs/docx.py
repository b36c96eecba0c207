"""Word: the report as a 公文 (GB/T 9704-2012), the way a county files it.

The wording comes from the form's Word template (``report.docx.j2``): each line it renders
is ``@样式名 text``. The layout comes from the reference document (``report.docx``): its
page setup, its footers with the page number, and one paragraph style per name the
template uses. The code only hands the template plain data, made safe for Word (no line
breaks or control characters, so text never becomes a new paragraph or a style), and puts
the provenance in the document's properties, not its body. The same inputs give the same
bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from selfeval.choices import Format
from selfeval.errors import TemplateError
from selfeval.i18n import msg
from selfeval.load import read_text
from selfeval.outputs import gongwen, template
from selfeval.outputs.base import Report, Reporter

if TYPE_CHECKING:
    from docx.document import Document

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_BREAKS = re.compile(r"[\r\n\t\x0b\x0c\u2028\u2029]+")
_LINE = re.compile(r"^@(\S+) ?(.*)$")


def word_text(value: object) -> object:
    """A string as one run of Word text: line breaks become spaces, characters XML cannot hold go."""
    if not isinstance(value, str):
        return value
    return _UNSAFE.sub("", _BREAKS.sub(" ", value))


def word_all(value: Any) -> Any:
    """:func:`word_text` on every string of a view model."""
    if isinstance(value, str):
        return word_text(value)
    if isinstance(value, dict):
        return {k: word_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [word_all(v) for v in value]
    return value


def paragraphs(text: str, name: str) -> list[tuple[str, str]]:
    """The (style, text) pairs a rendered Word template gives, one per ``@style text`` line."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = _LINE.match(line)
        if m is None:
            raise TemplateError(msg("docx-line", where=f"{name}:{number}:1"))
        out.append((m.group(1), m.group(2)))
    return out


def _letterhead(doc: Document, lines: list[str]) -> None:
    """发文机关标志: one issuer and 文件 on a line; joint issuers stacked, 文件 beside them."""
    style = doc.styles["公文红头"]
    *issuers, suffix = lines
    if len(issuers) <= 1:
        doc.add_paragraph("".join(lines), style=style)
        return
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = doc.add_table(rows=1, cols=2)
    table.autofit = True
    left, right = table.rows[0].cells
    left.paragraphs[0].text = issuers[0]
    left.paragraphs[0].style = style
    for issuer in issuers[1:]:
        left.add_paragraph(issuer, style=style)
    for p in left.paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.DISTRIBUTE
    right.paragraphs[0].text = suffix
    right.paragraphs[0].style = style
    right.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def build(reference: Path | None, parts: list[tuple[str, str]], name: str) -> Document:
    """The document: the reference's page and styles, the template's paragraphs."""
    from docx import Document as open_document

    doc = open_document(str(reference)) if reference is not None and reference.is_file() else gongwen.reference()
    body = doc.element.body
    for child in list(body):  # keep the page setup (sectPr), drop any sample text
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    known = {s.name for s in doc.styles}
    head: list[str] = []
    for style, text in parts:
        if style not in known:
            raise TemplateError(msg("docx-style", where=name, style=style))
        if style == "公文红头":
            head.append(text)
            continue
        if head:
            _letterhead(doc, head)
            head = []
        doc.add_paragraph(text, style=doc.styles[style])
    if head:
        _letterhead(doc, head)
    return doc


class DocxReporter(Reporter):
    """The report as a Word document laid out as a 公文."""

    format = Format.DOCX
    suffixes = (".docx",)

    def report(self, report: Report, out: IO[bytes]) -> None:
        ev = report.evaluation
        source_path = report.template or ev.rubric.template("docx")
        view = ev.form.view_model(ev.result, ev.findings, ev.provenance, report.options)
        text = template.render(read_text(source_path), str(source_path), word_all(view))
        doc = build(ev.rubric.template("docx-reference"), paragraphs(text, str(source_path)), str(source_path))
        d = view["document"]
        p = ev.provenance
        props = doc.core_properties
        props.title = str(word_text(d["title"]))
        props.author = props.last_modified_by = "、".join(d["issuers"])
        props.subject = ev.result.rubric.title
        props.keywords = f"自评报告; {ev.result.data.subject.name}; {ev.result.data.subject.year}"
        props.comments = (
            f"评分标准 {p.rubric_id} {p.rubric_version} SHA-256 {p.rubric_sha256}; "
            f"数据文件 SHA-256 {p.data_sha256}; selfeval {p.selfeval_version}"
        )
        props.category = report.options.scores.value
        props.language = "zh-CN"
        letter = getattr(ev.result.data, "document", None)
        when = letter.date if letter is not None else dt.date(2000, 1, 1)  # no clock: the same bytes every time
        props.created = props.modified = dt.datetime(when.year, when.month, when.day)
        props.revision = 1
        out.write(gongwen.save(doc))
