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
import math
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


LEFT, ABOVE, TH, TD = "\x01", "\x02", "\x03", "\x04"
"""Cell marks a table row may carry (a template names them ``{% set left, above, th, td =
"\x01", "\x02", "\x03", "\x04" %}``): a cell that is only LEFT joins the cell on its left,
only ABOVE the cell above; a cell starting with TH or TD is in the header or the body style
whatever its row's. Data never holds them: text from a file loses every control character."""
_MARKS = re.compile("[\x01-\x04]")


def _em_size(doc: Document, style: str, default: float) -> float:
    size = doc.styles[style].font.size
    return size.pt if size is not None else default


def _text_width(doc: Document) -> int:
    """The text block's width (EMU) as the section sets it."""
    return _block(doc)[0]


def _block(doc: Document) -> tuple[int, int]:
    """The text block's width and height (EMU) as the section sets them."""
    s = doc.sections[0]
    width = int(s.page_width or 0) - int(s.left_margin or 0) - int(s.right_margin or 0)
    height = int(s.page_height or 0) - int(s.top_margin or 0) - int(s.bottom_margin or 0)
    return width, height


def _grid_pitch(doc: Document) -> float:
    """A body character's width in points: the text block over its characters a line."""
    return float(_text_width(doc) / 12700 / gongwen.GRID[0])


def _no_cell_margins(table: Any) -> None:
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    mar = tblpr.makeelement(qn("w:tblCellMar"), {})
    for side in ("top", "left", "bottom", "right"):
        mar.append(mar.makeelement(qn(f"w:{side}"), {qn("w:w"): "0", qn("w:type"): "dxa"}))
    tblpr.append(mar)


def _letterhead(doc: Document, lines: list[str]) -> None:
    """发文机关标志 (7.2.4): centred, its top 35 mm below the top of the text block; one issuer
    and 文件 on a line; joint issuers stacked, 文件 to their right, centred on them. A name too
    wide for the text block at the style's size is set smaller, never wrapped."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Emu, Mm, Pt

    style = doc.styles["公文红头"]
    *issuers, suffix = lines
    size = _em_size(doc, "公文红头", 30)
    widest = max((gongwen.em(i) for i in issuers), default=0)
    chars = widest + (gongwen.em(suffix) + 1 if suffix and len(issuers) > 1 else gongwen.em(suffix))
    text_pt = _text_width(doc) / 12700
    fitted = min(size, text_pt / chars) if chars else size

    def sized(paragraph: Any, text: str) -> None:
        run = paragraph.add_run(text)
        if fitted < size:
            run.font.size = Pt(math.floor(fitted * 2) / 2)

    if len(issuers) <= 1:
        p = doc.add_paragraph(style=style)
        p.paragraph_format.space_before = Mm(gongwen.TOP_MM)
        sized(p, "".join(lines))
        return
    spacer = doc.add_paragraph(style=style)  # a table takes no space before: an empty line does
    spacer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    spacer.paragraph_format.line_spacing = Mm(gongwen.TOP_MM)
    unit = Pt(math.floor(fitted * 2) / 2)
    table = doc.add_table(rows=1, cols=2 if suffix else 1)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_cell_margins(table)
    left = table.rows[0].cells[0]
    widths = [Emu(int(unit * widest) + 1)]
    if suffix:
        widths.append(Emu(int(unit * (gongwen.em(suffix) + 1)) + 1))
    for j, w in enumerate(widths):
        table.columns[j].width = w
        table.rows[0].cells[j].width = w
    first = left.paragraphs[0]
    first.style = style
    sized(first, issuers[0])
    for issuer in issuers[1:]:
        sized(left.add_paragraph(style=style), issuer)
    for p in left.paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.DISTRIBUTE  # names of unequal length, equally wide
    if suffix:
        right = table.rows[0].cells[1]
        p = right.paragraphs[0]
        p.style = style
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        sized(p, suffix)
        right.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _number(doc: Document, text: str) -> None:
    """发文字号 over the red separator (7.2.5–7.2.7): centred alone; with 签发人 (a report to a
    higher office) the number one character in from the left, on the line of the last names,
    「签发人：」 and the names (楷体, two a line, in two columns) one character in from the right. The line is
    there also without a number: it closes the 版头."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Pt

    number, *signed = text.split("\t")
    p = doc.add_paragraph(style=doc.styles["公文文号"])
    if not signed or not any(s.strip() for s in signed[1:]):
        if number:
            p.add_run(number)
        return
    label, *names = signed
    names = [n for n in names if n.strip()]
    rows = [names[i : i + 2] for i in range(0, len(names), 2)]
    u = _grid_pitch(doc)
    width = _text_width(doc) / 12700
    # two columns of names: a wrapped line's names stand under the first line's (7.2.6: 回行时与上一行
    # 第一个签发人姓名对齐), the second column one character past the widest first name
    first = max(gongwen.em(r[0]) for r in rows)
    second = max((gongwen.em(r[1]) for r in rows if len(r) > 1), default=0)
    names_pt = (first + (1 + second if second else 0) + 0.5) * u  # half a character to spare
    at_names = width - u - names_pt
    at_second = at_names + (first + 1) * u
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    stops = p.paragraph_format.tab_stops
    for at in (u, at_names, at_second):
        stops.add_tab_stop(Pt(at), WD_TAB_ALIGNMENT.LEFT)
    # 「签发人：」 ends where the names begin, set right-aligned: a label a hair wider than its
    # characters (a font's colon) would push the first name past its stop, onto the next one
    stops.add_tab_stop(Pt(at_names - u / 8), WD_TAB_ALIGNMENT.RIGHT)
    signer = doc.styles[gongwen.SIGNER] if gongwen.SIGNER in {s.name for s in doc.styles} else None
    for i, row in enumerate(rows):
        last = i == len(rows) - 1
        p.add_run("\t" + (number if last else ""))
        p.add_run("\t" + (label if i == 0 else ""))
        for k, name in enumerate(row):
            p.add_run("\t")
            run = p.add_run(name)
            if signer is not None:
                run.style = signer
            if k == len(row) - 1 and not last:
                run.add_break()


def _title(doc: Document, style: str, text: str) -> None:
    """A title in balanced lines (7.3.1), each break an explicit line break."""
    p = doc.add_paragraph(style=doc.styles[style])
    width = _text_width(doc) / 36000  # EMU per mm
    lines = gongwen.title_lines(text, _em_size(doc, style, gongwen.SIZE_2), width)
    for i, line in enumerate(lines):
        run = p.add_run(line)
        if i < len(lines) - 1:
            run.add_break()


def _closing(doc: Document, names: list[str], date: str) -> None:
    """落款 of a sealed document (7.3.5.1): the date four characters in from the right; each
    issuer's 署名 centred where its seal goes, the last over the date, the others to its left
    a seal apart, at most three a row; blank lines above for the seals. The 落款 is kept with
    the text before it, so it never stands alone on a page."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm, Pt

    body = [el for el in doc.element.body if el.tag.endswith("}p")]
    if body:  # keep the last paragraph (and the 附件说明's) with the 落款
        from docx.text.paragraph import Paragraph

        before = [Paragraph(el, doc._body) for el in body[-2:]]
        annex = before[-1].style is not None and before[-1].style.name == "公文附件说明"
        before = before[-2:] if annex else before[-1:]
        for par in before:
            par.paragraph_format.keep_with_next = True
    u = _grid_pitch(doc)
    width = _text_width(doc) / 12700
    right = doc.styles["公文日期"].paragraph_format.right_indent
    right_pt = right.pt if right is not None else 4 * u
    centre = width - right_pt - gongwen.em(date) * u / 2
    seal = Mm(gongwen.SEAL_MM).pt
    rows = [names[max(0, i - 3) : i] for i in range(len(names), 0, -3)][::-1]
    for r, row in enumerate(rows):
        p = doc.add_paragraph(style=doc.styles["公文署名"])
        if r > 0:  # room for the row of seals above
            p.paragraph_format.space_before = Pt(gongwen.LINE * 3)
        step = min(seal + Mm(6).pt, (centre - seal / 2) / max(len(row) - 1, 1))
        for k, name in enumerate(row):
            at = centre - (len(row) - 1 - k) * step
            at = min(at, width - gongwen.em(name) * u / 2)
            p.paragraph_format.tab_stops.add_tab_stop(Pt(at), WD_TAB_ALIGNMENT.CENTER)
        p.add_run("".join("\t" + name for name in row))
    if date or names:
        doc.add_paragraph(date, style=doc.styles["公文日期"])


def _imprint(doc: Document, lines: list[tuple[str, str]]) -> None:
    """版记 (7.4) at the foot of the page: 抄送 and 印发机关/印发日期 between rules as wide as the
    text block, the first and last 0.35 mm, those between 0.25 mm, the last on the bottom
    edge of the text block; 「抄送：」 and 印发机关 one character in from the left (a 抄送 that
    wraps goes on under the first name), 印发日期 one in from the right.

    Each line is a frame of its own: the last anchored to the bottom of the text block, the
    others stacked above it by their heights (LibreOffice draws no box of several bordered
    paragraphs in one frame, and lays such frames out in the text instead)."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Pt

    width = _text_width(doc) / 12700
    height = _block(doc)[1] / 12700
    thick, thin = "8", "6"  # eighths of a point: 1 pt ≈ 0.35 mm, 0.75 pt ≈ 0.26 mm
    placed: list[tuple[Any, float]] = []
    for i, (style, text) in enumerate(lines):
        if i:  # LibreOffice keeps two frames in a row in the text: an empty point-high line parts them
            gap = doc.add_paragraph()
            gap.paragraph_format.line_spacing = Pt(1)
        p = doc.add_paragraph(style=doc.styles[style])
        one = _em_size(doc, style, gongwen.SIZE_4)
        fmt = p.paragraph_format
        line = fmt.line_spacing.pt if fmt.line_spacing is not None else _style_line(doc, style)
        stops = fmt.tab_stops
        stops.add_tab_stop(Pt(one), WD_TAB_ALIGNMENT.LEFT)
        left, sep, right = text.partition("\t")
        if sep:
            stops.add_tab_stop(Pt(width - one), WD_TAB_ALIGNMENT.RIGHT)
            p.add_run(f"\t{left}\t{right}")
        else:
            p.add_run(f"\t{left}")
        rules = [("top", thick if i == 0 else thin)]
        if i == len(lines) - 1:
            rules.append(("bottom", thick))
        first = (width - one) / one  # characters on the first line, then after the hanging indent
        rest = (width - _indent(fmt.left_indent, one * 4) - one) / one
        count = 1 + max(0, math.ceil((gongwen.em(left) - first) / max(rest, 1)))
        placed.append((p, count * line + 2 * len(rules)))
        _frame(p, int(width * 20), rules)
    # stack the frames upwards from the bottom one
    top = height - sum(h for _, h in placed)
    for p, h in placed[:-1]:
        _place(p, top)
        top += h


def _indent(value: Any, default: float) -> float:
    return value.pt if value is not None else default


def _style_line(doc: Document, style: str) -> float:
    spacing = doc.styles[style].paragraph_format.line_spacing
    return spacing.pt if spacing is not None and hasattr(spacing, "pt") else gongwen.LINE


def _place(p: Any, top_pt: float) -> None:
    """A frame at ``top_pt`` below the top of the text block, instead of at its foot."""
    from docx.oxml.ns import qn

    frame = p._p.pPr.find(qn("w:framePr"))
    del frame.attrib[qn("w:yAlign")]
    frame.set(qn("w:y"), str(round(top_pt * 20)))


def _frame(p: Any, width_twips: int, rules: list[tuple[str, str]]) -> None:
    """Put a paragraph in a frame at the foot of the text block, with the given rules."""
    from docx.oxml.ns import qn

    ppr = p._p.get_or_add_pPr()
    frame = ppr.makeelement(
        qn("w:framePr"),
        {
            qn("w:w"): str(width_twips),
            qn("w:wrap"): "notBeside",
            qn("w:vAnchor"): "margin",
            qn("w:hAnchor"): "margin",
            qn("w:xAlign"): "center",
            qn("w:yAlign"): "bottom",
        },
    )
    style = ppr.find(qn("w:pStyle"))
    if style is not None:  # pPr's children have an order: pStyle, keepNext…, framePr, …, pBdr
        style.addnext(frame)
    else:
        ppr.insert(0, frame)
    border = ppr.makeelement(qn("w:pBdr"), {})
    for side, size in rules:
        attrs = {qn("w:val"): "single", qn("w:sz"): size, qn("w:space"): "1", qn("w:color"): "auto"}
        border.append(border.makeelement(qn(f"w:{side}"), attrs))
    frame.addnext(border)


_TOKEN = re.compile(r"[\x21-\u2e7f]+")
"""A run Word does not break inside: digits, Latin letters, signs (14.86, 100%, ≥8755)."""
TEXT_MM = 156
"""The width of the text block (GB/T 9704: 156 mm)."""
CELL_MARGIN_MM = 0.8
"""A cell's left and right margins: a form's cells are tight, its text close to the rules."""
WHOLE = 5
"""A label of at most this many characters, in the first column (项目名称) or over figures
(年初预算数), is never wrapped."""


def _width(text: str) -> float:
    """A text's width in characters: a CJK character is one, a Latin one half."""
    return sum(1 if ord(ch) > 0x2E80 else 0.5 for ch in text)


def _narrowest(text: str) -> float:
    """The width a cell cannot wrap below: its longest unbroken Latin run, or one CJK character."""
    runs = [_width(m) for m in _TOKEN.findall(text)]
    return max([*runs, 1 if text.strip() else 0])


def _widths(
    rows: list[list[tuple[str, bool]]], cols: int, char_mm: float, spanned: tuple[tuple[int, int, str], ...] = ()
) -> list[float]:
    """Column widths in mm, the way a browser lays out a table: each column gets what it
    cannot do without (a whole label's width, or its longest unbroken run), and the room left
    goes to those whose text would wrap, by how much. A cell is (text, kept whole). A short
    label across columns (first, last, text: 年度资金总额 over two) gets its width from them."""
    pad = 2 * CELL_MARGIN_MM / char_mm + 0.2  # the margins, and a little for a font's own
    full = [cells for cells in rows if len(cells) == cols] or rows
    low = [
        max(((_width(t) if whole else _narrowest(t)) for c in full if j < len(c) for t, whole in [c[j]]), default=1)
        + pad
        for j in range(cols)
    ]
    high = [max((_width(c[j][0]) for c in full if j < len(c)), default=1) + pad for j in range(cols)]
    for a, b, text in spanned:
        need, n = _width(text) + pad, b - a + 1
        if not re.search(r"\d", text) and _width(text) <= 3 * n and sum(low[a : b + 1]) < need:
            more = (need - sum(low[a : b + 1])) / n
            for j in range(a, b + 1):
                low[j] += more
                high[j] = max(high[j], low[j])
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


def _cells(rows: list[tuple[str, list[str]]]) -> tuple[int, list[list[tuple[int, int]]]]:
    """The table's width in columns, and for each cell the cell it is part of (its owner):
    itself, the one on its left (LEFT, or past a row's last cell), or the one above (ABOVE, or
    an empty first cell under a body row, 一级指标 over its rows)."""
    cols = max(len(cells) for _, cells in rows)
    owner: list[list[tuple[int, int]]] = []
    for i, (style, cells) in enumerate(rows):
        line: list[tuple[int, int]] = []
        for j in range(cols):
            cell = cells[j] if j < len(cells) else LEFT
            continues = i > 0 and j == 0 and cell == "" and style == rows[i - 1][0] == gongwen.CELLS[1]
            if cell == ABOVE or continues:
                line.append(owner[i - 1][j] if i > 0 else (i, j))
            elif cell == LEFT and j > 0:
                line.append(line[j - 1])
            else:
                line.append((i, j))
        owner.append(line)
    return cols, owner


def _spans(owner: list[list[tuple[int, int]]]) -> dict[tuple[int, int], tuple[int, int]]:
    """Each cell's owner and the bottom-right corner of the cells it spans."""
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for i, line in enumerate(owner):
        for j, top in enumerate(line):
            spans[top] = (max(spans.get(top, (i, j))[0], i), max(spans.get(top, (i, j))[1], j))
    return spans


def _kept(rows: list[tuple[str, list[str]]], owner: list[list[tuple[int, int]]]) -> set[int]:
    """The rows kept on the page of the row after them. A cell merged down over rows is a group
    (一级指标 over its 二级指标) that never breaks, so its label is never left behind at the foot of a
    page with the rest of its rows under an empty cell on the next; a cell over other such groups
    (绩效指标 over all of them) is a section that may break between its groups. A row of header
    labels only stays with the row under it."""
    spans = _spans(owner)
    down = [(ti, tj, bi, bj) for (ti, tj), (bi, bj) in spans.items() if bi > ti]
    kept: set[int] = set()
    for ti, tj, bi, bj in down:
        section = any(t >= ti and b <= bi and j > bj and (t, j, b) != (ti, tj, bi) for t, j, b, _ in down)
        if not section:
            kept.update(range(ti, bi))
    for i, (style, cells) in enumerate(rows[:-1]):
        own = [cells[j] for j in range(len(cells)) if owner[i][j] == (i, j)]
        header = [c[:1] == TH or (style == gongwen.CELLS[0] and c[:1] != TD) for c in own if _MARKS.sub("", c)]
        if header and all(header):
            kept.add(i)
    return kept


def _table_props(table: Any, widths: list[Any]) -> None:
    """A fixed layout as wide as its columns, with tight cell margins: Word and LibreOffice then
    keep the widths given, whatever the text in the cells."""
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout", "w:tblCellMar"):
        for old in tblpr.findall(qn(tag)):
            tblpr.remove(old)
    total = sum(int(w) for w in widths) // 635  # EMU to twips
    tblw = tblpr.makeelement(qn("w:tblW"), {qn("w:w"): str(total), qn("w:type"): "dxa"})
    layout = tblpr.makeelement(qn("w:tblLayout"), {qn("w:type"): "fixed"})
    mar = tblpr.makeelement(qn("w:tblCellMar"), {})
    side = str(round(CELL_MARGIN_MM / 25.4 * 1440))
    for name, w in (("top", "0"), ("left", side), ("bottom", "0"), ("right", side)):
        mar.append(mar.makeelement(qn(f"w:{name}"), {qn("w:w"): w, qn("w:type"): "dxa"}))
    # tblPr's children have an order: tblStyle, …, tblW, jc, …, tblLayout, tblCellMar, tblLook
    look = tblpr.find(qn("w:tblLook"))
    for el in (layout, mar):
        if look is not None:
            look.addprevious(el)
        else:
            tblpr.append(el)
    style = tblpr.find(qn("w:tblStyle"))
    if style is not None:
        style.addnext(tblw)
    else:
        tblpr.insert(0, tblw)


def _table(doc: Document, rows: list[tuple[str, list[str]]]) -> None:
    """One table from the template's rows: cells joined as :func:`_cells` says; header rows
    at the top (公文表头) repeat on each page; no row splits across pages, and rows stay
    together as :func:`_kept` says; a cell marked TH or TD takes the header or the body style.
    The widths are fixed, in the grid and on every cell, the same in Word and LibreOffice."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.oxml.ns import qn
    from docx.shared import Mm

    cols, owner = _cells(rows)
    size = doc.styles[gongwen.CELLS[1]].font.size
    char_mm = size.mm if size is not None else 3.7

    def own(i: int, j: int) -> str:
        """The cell's text with its marks, where it is one column wide; else ""."""
        cells = rows[i][1]
        if owner[i][j] != (i, j) or (j + 1 < cols and owner[i][j + 1] == (i, j)) or j >= len(cells):
            return ""
        return cells[j]

    def head(i: int, j: int) -> bool:
        raw = own(i, j)
        return raw[:1] == TH or (rows[i][0] == gongwen.CELLS[0] and raw[:1] != TD)

    def figures_below(i: int, j: int) -> bool:
        """Whether the column under a label, down to the next label, holds figures (65.66, 10,
        99%, 75元, 未知, —): such a label is kept whole; one over words (一级指标) wraps as they do."""
        below = []
        for k in range(i + 1, len(rows)):
            if head(k, j):
                break
            if text := _MARKS.sub("", own(k, j)).strip():
                below.append(text)
        return bool(below) and all(sum(ord(ch) > 0x2E80 for ch in t if ch not in "—－") <= 2 for t in below)

    def single(i: int, j: int) -> tuple[str, bool]:
        text = _MARKS.sub("", own(i, j))
        return text, bool(text) and head(i, j) and _width(text) <= WHOLE and (j == 0 or figures_below(i, j))

    spans = _spans(owner)
    spanned = [
        (tj, bj, _MARKS.sub("", rows[ti][1][tj]))
        for (ti, tj), (bi, bj) in spans.items()
        if bj > tj and tj < len(rows[ti][1])
    ]
    cells_in = [[single(i, j) for j in range(cols)] for i in range(len(rows))]
    widths = [Mm(w) for w in _widths(cells_in, cols, char_mm, tuple(spanned))]
    table = doc.add_table(rows=len(rows), cols=cols)
    if "Table Grid" in {s.name for s in doc.styles}:
        table.style = doc.styles["Table Grid"]
    table.autofit = False
    _table_props(table, widths)
    for j, width in enumerate(widths):
        table.columns[j].width = width
    kept = _kept(rows, owner)
    heading = True
    for i, (style, cells) in enumerate(rows):
        row = table.rows[i]
        trpr = row._tr.get_or_add_trPr()
        trpr.append(trpr.makeelement(qn("w:cantSplit"), {}))  # a row is read whole: never split
        heading = heading and style == gongwen.CELLS[0]
        if heading:  # repeat the header on each page
            trpr.append(trpr.makeelement(qn("w:tblHeader"), {}))
        for j in range(cols):
            cell = row.cells[j]
            cell.width = widths[j]
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            p = cell.paragraphs[0]
            text = cells[j] if j < len(cells) and owner[i][j] == (i, j) else ""
            kind = {TH: gongwen.CELLS[0], TD: gongwen.CELLS[1]}.get(text[:1], style)
            p.style = doc.styles[kind]
            p.text = _MARKS.sub("", text)
            if i in kept:  # Word keeps a row with the next when its paragraphs are
                p.paragraph_format.keep_with_next = True
    for (ti, tj), (bi, bj) in spans.items():
        if (bi, bj) != (ti, tj):
            _merge(table.cell(ti, tj), table.cell(bi, bj))
    _after_table(doc)


def _after_table(doc: Document) -> None:
    """The paragraph Word needs after a table, a point high (exactly: whatever its font): the
    body's 3号 line of 28.95 pt there would push a table that just fits onto a page of its own."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    p = doc.add_paragraph(style=doc.styles[gongwen.CELLS[1]])
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = Pt(1)
    p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(0)


def build(reference: Path | None, parts: list[tuple[str, str]], name: str) -> Document:
    """The document: the reference's page and styles, the template's paragraphs and tables.

    Lines of some styles are laid out together: 公文红头 lines make the 发文机关标志, 公文署名
    lines with the 公文日期 after them the 落款, 公文抄送 and 公文印发 the 版记, and table rows
    (公文表头, 公文表格) one table."""
    from docx import Document as open_document

    doc = open_document(str(reference)) if reference is not None and reference.is_file() else gongwen.reference()
    body = doc.element.body
    for child in list(body):  # keep the page setup (sectPr), drop any sample text
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    gongwen.add_missing(doc, {style for style, _ in parts})
    known = {s.name for s in doc.styles}
    head: list[str] = []
    rows: list[tuple[str, list[str]]] = []
    names: list[str] = []
    imprint: list[tuple[str, str]] = []

    def flush(keep: str = "") -> None:
        if head and keep != "公文红头":
            _letterhead(doc, head)
            head.clear()
        if rows and keep not in gongwen.CELLS:
            _table(doc, rows)
            rows.clear()
        if names and keep not in ("公文署名", "公文日期"):
            _closing(doc, names, "")
            names.clear()
        if imprint and keep not in gongwen.IMPRINT:
            _imprint(doc, imprint)
            imprint.clear()

    for style, raw in parts:
        if style not in known:
            raise TemplateError(msg("docx-style", where=name, style=style))
        flush(style)
        if style in gongwen.CELLS:
            rows.append((style, raw.split("\t")))
            continue
        text = _MARKS.sub("", raw)
        if style == "公文红头":
            head.append(text)
        elif style == "公文署名":
            names.append(text)
        elif style == "公文日期" and names:
            _closing(doc, names, text)
            names.clear()
        elif style in gongwen.IMPRINT:
            imprint.append((style, text))
        elif style == "公文文号":
            _number(doc, text)
        elif style in gongwen.TITLES:
            _title(doc, style, text)
        else:
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
