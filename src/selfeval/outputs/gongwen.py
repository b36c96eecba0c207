"""The layout of a 公文 by GB/T 9704-2012, as Word styles in a reference document.

:func:`reference` builds the document ``templates/report.docx`` is saved from: A4 with the
standard's margins, the body in 3号仿宋_GB2312 on a 22-line grid, headings in 黑体 and
楷体_GB2312, the title in 2号方正小标宋简体, the red 发文机关标志 and separator, and page
numbers 「— 1 —」 in 4号宋体, right on odd pages and left on even ones. A county may open
that file in Word or WPS and change its styles; the report follows them. Fonts a machine
lacks fall back to the names in :data:`FALLBACKS`.

    python tools/make_reference_docx.py    # rebuild the shipped file after changing this one
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document

FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"
LATIN = "Times New Roman"

FALLBACKS = {FANGSONG: "仿宋", XIAOBIAOSONG: "华文中宋", KAITI: "楷体", HEITI: "SimHei", SONGTI: "SimSun"}
"""For machines without the GB2312 and 方正 fonts: the font Word and WPS use instead."""

# 号 sizes in points.
SIZE_2 = 22
SIZE_3 = 16
SIZE_4 = 14
SIZE_5 = 10.5
LINE = 28.95
"""Exact line spacing of the body: the 225 mm text block holds 22 lines."""
RED = "FF0000"

# name: (font, size, bold, alignment, first-line indent in characters, extra)
STYLES: dict[str, dict[str, Any]] = {
    "公文红头": {"font": XIAOBIAOSONG, "size": 30, "align": "center", "color": RED, "line": 40},
    "公文文号": {"font": FANGSONG, "size": SIZE_3, "align": "center", "before": LINE * 2, "rule": True},
    "公文标题": {"font": XIAOBIAOSONG, "size": SIZE_2, "align": "center", "line": 35, "before": LINE, "after": LINE},
    "公文主送": {"font": FANGSONG, "size": SIZE_3},
    "公文正文": {"font": FANGSONG, "size": SIZE_3, "indent": 2},
    "公文一级标题": {"font": HEITI, "size": SIZE_3, "indent": 2},
    "公文二级标题": {"font": KAITI, "size": SIZE_3, "indent": 2},
    "公文三级标题": {"font": FANGSONG, "size": SIZE_3, "indent": 2},
    "公文附件说明": {"font": FANGSONG, "size": SIZE_3, "indent": 2, "before": LINE},
    "公文署名": {"font": FANGSONG, "size": SIZE_3, "align": "right", "right": 4, "before": LINE},
    "公文日期": {"font": FANGSONG, "size": SIZE_3, "align": "right", "right": 2},
    "公文附件标记": {"font": HEITI, "size": SIZE_3, "page_break": True},
    "公文附件标题": {"font": XIAOBIAOSONG, "size": SIZE_2, "align": "center", "line": 35, "after": LINE},
    "公文附件项": {"font": FANGSONG, "size": SIZE_3, "indent": 2},
    "公文附录标题": {"font": HEITI, "size": SIZE_3, "page_break": True, "align": "center"},
    "公文附录项": {"font": FANGSONG, "size": 12, "line": 20},
    "公文页码": {"font": SONGTI, "size": SIZE_4, "latin": SONGTI},
    "公文表注": {"font": FANGSONG, "size": SIZE_3, "align": "center", "after": 6},
    "公文表题": {"font": HEITI, "size": SIZE_3, "before": 6, "after": 6},
    "公文表头": {"font": HEITI, "size": SIZE_5, "align": "center", "line": 16},
    "公文表格": {"font": FANGSONG, "size": SIZE_5, "align": "center", "line": 16},
}
"""Every paragraph style a report template may name, and what GB/T 9704 asks of it."""

CELLS = ("公文表头", "公文表格")
"""Styles whose lines are table rows: cells separated by tabs; header rows repeat on each page."""


def _fonts(element: Any, east_asian: str, latin: str = LATIN) -> None:
    """Set the East Asian slot explicitly: python-docx's ``font.name`` sets only the Latin ones."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:eastAsia"), east_asian)
    rfonts.set(qn("w:hint"), "eastAsia")


def _style(doc: Document, name: str, spec: dict[str, Any]) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    size = spec["size"]
    style.font.size = Pt(size)
    _fonts(style.element, spec["font"], spec.get("latin", LATIN))
    if "color" in spec:
        style.font.color.rgb = RGBColor.from_string(spec["color"])
    pf = style.paragraph_format
    pf.alignment = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }.get(spec.get("align", ""), WD_ALIGN_PARAGRAPH.JUSTIFY)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(spec.get("line", LINE))
    pf.space_before = Pt(spec.get("before", 0))
    pf.space_after = Pt(spec.get("after", 0))
    pf.first_line_indent = Pt(size * spec.get("indent", 0))
    pf.right_indent = Pt(size * spec.get("right", 0))
    pf.widow_control = False
    if spec.get("page_break"):
        pf.page_break_before = True
    if spec.get("rule"):  # 版头中的分隔线: red, the width of the text block, 4 mm under the number
        ppr = style.element.get_or_add_pPr()
        border = ppr.makeelement(qn("w:pBdr"), {})
        bottom = border.makeelement(
            qn("w:bottom"), {qn("w:val"): "single", qn("w:sz"): "12", qn("w:space"): "11", qn("w:color"): RED}
        )
        border.append(bottom)
        ppr.append(border)


def _page_number(paragraph: Any) -> None:
    """「— N —」 with N a PAGE field."""
    from docx.oxml.ns import qn

    paragraph.add_run("— ")
    run = paragraph.add_run()
    for tag, attrs, text in (
        ("w:fldChar", {qn("w:fldCharType"): "begin"}, None),
        ("w:instrText", {qn("xml:space"): "preserve"}, " PAGE "),
        ("w:fldChar", {qn("w:fldCharType"): "separate"}, None),
    ):
        el = run._r.makeelement(qn(tag), attrs)
        if text:
            el.text = text
        run._r.append(el)
    paragraph.add_run("1")
    end = paragraph.add_run()
    end._r.append(end._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): "end"}))
    paragraph.add_run(" —")


def _font_table(doc: Document) -> None:
    """Name a fallback for every font (w:altName), so a machine without it still shows the text."""
    for part in doc.part.package.parts:
        if str(part.partname) == "/word/fontTable.xml":
            fonts = "".join(
                f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
                f'<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
                for name, alt in FALLBACKS.items()
            )
            blob = part.blob.decode("utf-8")
            part._blob = blob.replace("</w:fonts>", fonts + "</w:fonts>").encode("utf-8")


def reference() -> Document:
    """The GB/T 9704-2012 reference document: page, styles, footers; an empty body."""
    from docx import Document as new_document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = new_document()
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(23)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(SIZE_3)
    _fonts(normal.element, FANGSONG)
    for name, spec in STYLES.items():
        _style(doc, name, spec)
    doc.settings.odd_and_even_pages_header_footer = True
    odd_even = ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT))
    for footer, align in odd_even:
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.style = doc.styles["公文页码"]
        p.alignment = align
        indent = Pt(SIZE_4)  # one character in from the edge of the text block
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            p.paragraph_format.right_indent = indent
        else:
            p.paragraph_format.left_indent = indent
        _page_number(p)
    _font_table(doc)
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    return doc


def deterministic(data: bytes) -> bytes:
    """The same zip with fixed entry times, so the same document always gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def save(doc: Document) -> bytes:
    """The document's bytes, reproducibly."""
    buf = io.BytesIO()
    doc.save(buf)
    return deterministic(buf.getvalue())


def reference_bytes() -> bytes:
    """The reference document as shipped in ``templates/report.docx``."""
    doc = reference()
    props = doc.core_properties
    props.title = "公文（GB/T 9704-2012）参考样式"
    props.author = props.last_modified_by = "selfeval"
    props.created = props.modified = dt.datetime(2021, 1, 1)
    props.revision = 1
    return save(doc)
