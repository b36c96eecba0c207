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
from selfeval.i18n import Msg, msg, t
from selfeval.load import read_text
from selfeval.outputs import gongwen, template
from selfeval.outputs.base import PROPERTY_LIMIT, FormatSpec, Options, Report, fit, xml_safe

if TYPE_CHECKING:
    from docx.document import Document

_BREAKS = re.compile(r"[\r\n\t\x0b\x0c\x85\u2028\u2029]+")
_LINE = re.compile(r"^@(\S+) ?(.*)$")


def word_text(value: object) -> object:
    """A string as one run of Word text: line breaks become spaces, characters XML cannot hold go."""
    if not isinstance(value, str):
        return value
    return xml_safe(_BREAKS.sub(" ", value))


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


_TOKEN = re.compile(r"[\x21-\u2e7f]+")
"""A run Word does not break inside: digits, Latin letters, signs (14.86, 100%, ≥8755)."""
TEXT_MM = 156
"""The width of the text block (GB/T 9704: 156 mm)."""
PAD = 1.1
"""A cell's left and right margins, in characters."""


def _width(text: str) -> float:
    """A text's width in characters: a CJK character is one, a Latin one half."""
    return sum(1 if ord(ch) > 0x2E80 else 0.5 for ch in text)


def _narrowest(text: str) -> float:
    """The width a cell cannot wrap below: its longest unbroken Latin run, or one CJK character."""
    runs = [_width(m) for m in _TOKEN.findall(text)]
    return max([*runs, 1 if text.strip() else 0])


def _widths(rows: list[list[str]], cols: int, char_mm: float) -> list[float]:
    """Column widths in mm, the way a browser lays out a table: each column gets what it
    cannot do without, and the room left goes to those whose text would wrap, by how much."""
    full = [cells for cells in rows if len(cells) == cols] or rows
    low = [max((_narrowest(c[j]) for c in full if j < len(c)), default=1) + PAD for j in range(cols)]
    high = [max((_width(c[j]) for c in full if j < len(c)), default=1) + PAD for j in range(cols)]
    room = TEXT_MM / char_mm
    if sum(high) <= room:
        chars = [h * room / sum(high) for h in high]
    elif sum(low) >= room:
        chars = [lo * room / sum(low) for lo in low]
    else:
        share = (room - sum(low)) / (sum(high) - sum(low))
        chars = [lo + (h - lo) * share for lo, h in zip(low, high, strict=True)]
    return [c * char_mm for c in chars]


def _merge(a: Any, b: Any) -> None:
    """Merge two cells, keeping one paragraph: Word's merge keeps each cell's, empty or not."""
    merged = a.merge(b)
    for p in merged.paragraphs[1:]:
        if not p.text:
            p._p.getparent().remove(p._p)


def _table(doc: Document, rows: list[tuple[str, list[str]]]) -> None:
    """Table rows from the template: a row with fewer cells than the widest spans its last cell
    over the rest; an empty first cell continues the one above (一级指标 over its rows); header
    rows at the top repeat on each page."""
    from docx.oxml.ns import qn
    from docx.shared import Mm

    cols = max(len(cells) for _, cells in rows)
    size = doc.styles[gongwen.CELLS[1]].font.size
    char_mm = size.mm if size is not None else 3.7
    widths = [Mm(w) for w in _widths([cells for _, cells in rows], cols, char_mm)]
    table = doc.add_table(rows=len(rows), cols=cols)
    if "Table Grid" in {s.name for s in doc.styles}:
        table.style = doc.styles["Table Grid"]
    table.autofit = False
    for j, width in enumerate(widths):
        table.columns[j].width = width
    heading = True
    for i, (style, cells) in enumerate(rows):
        row = table.rows[i]
        heading = heading and style == gongwen.CELLS[0]
        if heading:  # repeat the header on each page
            trpr = row._tr.get_or_add_trPr()
            trpr.append(trpr.makeelement(qn("w:tblHeader"), {}))
        for j in range(cols):
            cell = row.cells[j]
            cell.width = widths[j]
            p = cell.paragraphs[0]
            p.style = doc.styles[style]
            if j < len(cells):
                p.text = cells[j]
        if len(cells) < cols:
            _merge(row.cells[len(cells) - 1], row.cells[cols - 1])
    for i in range(1, len(rows)):
        style, cells = rows[i]
        above = rows[i - 1][0]
        if cells[0] == "" and style == above == gongwen.CELLS[1]:
            top = i - 1
            while top > 0 and rows[top][1][0] == "" and rows[top - 1][0] == style:
                top -= 1
            _merge(table.cell(top, 0), table.cell(i, 0))
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    for row in table.rows:
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def build(reference: Path | None, parts: list[tuple[str, str]], name: str) -> Document:
    """The document: the reference's page and styles, the template's paragraphs and tables."""
    from docx import Document as open_document

    doc = open_document(str(reference)) if reference is not None and reference.is_file() else gongwen.reference()
    body = doc.element.body
    for child in list(body):  # keep the page setup (sectPr), drop any sample text
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    known = {s.name for s in doc.styles}
    head: list[str] = []
    rows: list[tuple[str, list[str]]] = []

    def flush() -> None:
        if head:
            _letterhead(doc, head)
            head.clear()
        if rows:
            _table(doc, rows)
            rows.clear()

    for style, text in parts:
        if style not in known:
            raise TemplateError(msg("docx-style", where=name, style=style))
        if style == "公文红头":
            if rows:
                flush()
            head.append(text)
        elif style in gongwen.CELLS:
            if head:
                flush()
            rows.append((style, text.split("\t")))
        else:
            flush()
            doc.add_paragraph(text, style=doc.styles[style])
    flush()
    return doc


SPEC = FormatSpec(format=Format.DOCX, suffixes=(".docx",), binary=True)
"""The report as a Word document laid out as a 公文."""


def report(report: Report, out: IO[bytes], options: Options) -> None:
    ev = report.evaluation
    source_path = report.template or ev.rubric.template("docx")
    view = ev.form.view_model(ev.result, ev.findings, ev.provenance, report.options)
    # "tab" is the cell separator of table rows; data holds no tabs.
    context = {**template.each_string(word_text, view), "tab": "\t"}
    text = template.render(read_text(source_path), str(source_path), context)
    doc = build(ev.rubric.template("docx-reference"), paragraphs(text, str(source_path)), str(source_path))
    about = ev.form.properties(ev.result)
    p = ev.provenance
    props = doc.core_properties

    def prop(value: str, name: Msg) -> str:
        """A property as Word holds it: one line, at most 255 characters (a longer one is refused)."""
        return fit(str(word_text(value)), PROPERTY_LIMIT, msg("limit-docx-property", name=name), options)

    props.title = prop(about.title, msg("prop-title"))
    props.author = props.last_modified_by = prop(about.author, msg("prop-author"))
    props.subject = prop(ev.result.rubric.title, msg("prop-subject"))
    subject = ev.result.data.subject
    props.keywords = prop(f"{ev.form.title}; {subject.name}; {subject.year}", msg("prop-keywords"))
    props.comments = prop(
        f"评分标准 {p.rubric_id} {p.rubric_version} SHA-256 {p.rubric_sha256}; "
        f"数据文件 SHA-256 {p.data_sha256}; selfeval {p.selfeval_version}",
        msg("prop-comments"),
    )
    props.category = prop(report.options.scores.value, msg("prop-category"))
    props.language = "zh-CN"
    when = about.date or dt.date(2000, 1, 1)  # no clock: the same bytes every time
    props.created = props.modified = dt.datetime(when.year, when.month, when.day)
    props.revision = 1
    if report.options.draft:
        _mark_draft(doc, t("draft-mark", n=report.options.draft))
    out.write(gongwen.save(doc))


def _mark_draft(doc: Document, mark: str) -> None:
    """The mark at the top of every page (first, odd and even headers of every section), in red:
    a draft must not pass for the copy to file."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import RGBColor

    for section in doc.sections:
        for header in (section.header, section.even_page_header, section.first_page_header):
            header.is_linked_to_previous = False
            para = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            para.text = ""
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = para.add_run(mark)
            run.bold = True
            run.font.color.rgb = RGBColor.from_string(gongwen.RED)
