"""The layout of a 公文 by GB/T 9704-2012, as Word styles in a reference document.

:func:`reference` builds the document ``templates/report.docx`` is saved from: A4 with the
standard's margins, the body in 3号仿宋_GB2312 on a document grid of 22 lines of 28
characters, headings in 黑体 and 楷体_GB2312 kept with their text, the title in 2号方正小标宋简体,
the red 发文机关标志 and separator, the 版记 in 4号仿宋, and page numbers 「— 1 —」 in 4号宋体,
right on odd pages and left on even ones. A county may open that file in Word or WPS and
change its styles; the report follows them. Fonts a machine lacks fall back to the names in
:data:`FALLBACKS`. :func:`title_lines` breaks a title into lines the way the standard asks
(7.3.1: 词意完整，排列对称，梯形或菱形).

    python tools/make_reference_docx.py    # rebuild the shipped file after changing this one
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import re
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
TEXT_MM = (156, 225)
"""The text block (版心), width and height."""
GRID = (28, 22)
"""Characters a line and lines a page of the body (GB/T 9704 5.2.2)."""
TOP_MM = 35
"""From the top of the text block to the top of the 发文机关标志 (7.2.4)."""
SEAL_LINES = 2
"""Blank lines between the text and the 署名, where the upper half of the seals goes (7.3.5.1)."""
SEAL_MM = 42
"""A seal's diameter (a county office's round seal); seals side by side never touch."""
TABLE_LINE = 13
"""Exact line spacing in a table: a form's own compact type, 5号 set solid (about 1.2 lines),
so a form like 财预〔2020〕10号's 项目支出绩效自评表 stays on one page."""

# name: (font, size, bold, alignment, first-line indent in characters, extra)
# name: font, size, alignment, line (exact spacing), before/after (points), indent and right
# (characters), keep (with the next paragraph, and its lines together). 3号 text is set
# GRID[0] characters a line (:func:`_fit`).
STYLES: dict[str, dict[str, Any]] = {
    "公文红头": {"font": XIAOBIAOSONG, "size": 30, "align": "center", "color": RED, "line": 40, "keep": True},
    "公文文号": {"font": FANGSONG, "size": SIZE_3, "align": "center", "before": LINE * 2, "rule": True, "keep": True},
    "公文标题": {"font": XIAOBIAOSONG, "size": SIZE_2, "align": "center", "line": 35, "before": LINE, "after": LINE},
    "公文主送": {"font": FANGSONG, "size": SIZE_3, "keep": True},
    "公文正文": {"font": FANGSONG, "size": SIZE_3, "indent": 2},
    "公文一级标题": {"font": HEITI, "size": SIZE_3, "indent": 2, "keep": True},
    "公文二级标题": {"font": KAITI, "size": SIZE_3, "indent": 2, "keep": True},
    "公文三级标题": {"font": FANGSONG, "size": SIZE_3, "indent": 2, "keep": True},
    "公文附件说明": {"font": FANGSONG, "size": SIZE_3, "indent": 2, "before": LINE, "keep": True},
    "公文署名": {"font": FANGSONG, "size": SIZE_3, "before": LINE * SEAL_LINES, "keep": True},
    "公文日期": {"font": FANGSONG, "size": SIZE_3, "align": "right", "right": 4},
    "公文附件标记": {"font": HEITI, "size": SIZE_3, "page_break": True, "keep": True},
    "公文附件标题": {"font": XIAOBIAOSONG, "size": SIZE_2, "align": "center", "line": 35, "after": LINE, "keep": True},
    "公文附件项": {"font": FANGSONG, "size": SIZE_3, "indent": 2},
    "公文抄送": {"font": FANGSONG, "size": SIZE_4, "indent": -4, "left": 4},
    "公文印发": {"font": FANGSONG, "size": SIZE_4},
    "公文附录标题": {"font": HEITI, "size": SIZE_3, "page_break": True, "align": "center", "keep": True},
    "公文附录项": {"font": FANGSONG, "size": 12, "line": 20},
    "公文页码": {"font": SONGTI, "size": SIZE_4, "latin": SONGTI},
    "公文表名": {"font": XIAOBIAOSONG, "size": SIZE_2, "align": "center", "line": 30, "keep": True},
    "公文表注": {"font": FANGSONG, "size": SIZE_3, "align": "center", "line": 22, "after": 6, "keep": True},
    "公文表题": {"font": HEITI, "size": SIZE_3, "before": 6, "after": 6, "keep": True},
    "公文表头": {"font": HEITI, "size": SIZE_5, "align": "center", "line": TABLE_LINE},
    "公文表格": {"font": FANGSONG, "size": SIZE_5, "align": "center", "line": TABLE_LINE},
}
"""Every paragraph style a report template may name, and what GB/T 9704 asks of it."""

SIGNER = "公文签发人"
"""The character style of the 签发人's names (3号楷体, 7.2.6)."""
TITLES = ("公文标题", "公文附件标题", "公文表名")
"""Styles whose text :func:`title_lines` breaks into balanced lines."""
IMPRINT = ("公文抄送", "公文印发")
"""The 版记's lines: placed together at the foot of the page, between its rules (7.4)."""

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


def add_missing(doc: Document, names: set[str]) -> None:
    """The tool's own styles a county's reference document lacks, added as the built-in reference
    defines them: a reference made with an earlier version keeps working when a style is added."""
    known = {s.name for s in doc.styles}
    for name in sorted(names - known):
        if name in STYLES:
            _style(doc, name, STYLES[name])


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
    pf.left_indent = Pt(size * spec.get("left", 0))
    pf.right_indent = Pt(size * spec.get("right", 0))
    pf.widow_control = False
    if spec.get("keep"):  # a heading never ends a page: it goes with the text it heads
        pf.keep_with_next = True
        pf.keep_together = True
    if spec.get("page_break"):
        pf.page_break_before = True
    # No paragraph snaps to the document grid: LibreOffice spreads a character wider than the
    # grid's pitch over two cells (3号 is 16 pt, the pitch 15.8 pt), Word squeezes it. The body
    # is fitted to the pitch by its character spacing instead, the same in both.
    ppr = style.element.get_or_add_pPr()
    ppr.append(ppr.makeelement(qn("w:snapToGrid"), {qn("w:val"): "0"}))
    if size == SIZE_3:
        _fit(style.element, size)
    if spec.get("rule"):  # 版头中的分隔线: red, the width of the text block, 4 mm under the number
        ppr = style.element.get_or_add_pPr()
        border = ppr.makeelement(qn("w:pBdr"), {})
        bottom = border.makeelement(
            qn("w:bottom"), {qn("w:val"): "single", qn("w:sz"): "12", qn("w:space"): "11", qn("w:color"): RED}
        )
        border.append(bottom)
        ppr.append(border)


def _grid(doc: Document) -> None:
    """The document grid (w:docGrid): GRID characters a line and lines a page of 3号 text.

    Word counts the grid's character pitch from the Normal style's size plus ``charSpace``
    (1/4096 pt) and its line pitch in twentieths of a point; both are rounded down, so the
    text block holds the whole count."""
    from docx.oxml.ns import qn

    section = doc.sections[0]
    emu = 635  # EMU per twip
    width = (int(section.page_width or 0) - int(section.left_margin or 0) - int(section.right_margin or 0)) // emu
    height = (int(section.page_height or 0) - int(section.top_margin or 0) - int(section.bottom_margin or 0)) // emu
    chars, lines = GRID
    char_space = math.floor((width / 20 / chars - SIZE_3) * 4096)
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = sect.makeelement(qn("w:docGrid"), {})
        sect.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(height // lines))
    grid.set(qn("w:charSpace"), str(char_space))


def _pitch() -> float:
    """The body's character pitch in points: the 156 mm text block over GRID[0] characters."""
    return TEXT_MM[0] / 25.4 * 72 / GRID[0]


_AFTER_SPACING = (
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)
"""The run properties that follow ``w:spacing`` in the schema's order (it must come before them)."""


def _fit(element: Any, size: float) -> None:
    """Character spacing (twentieths of a point, rounded down) that sets ``size`` text at the
    grid's pitch: -5 for 3号, so 28 characters fill the 156 mm line."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    twips = math.floor((_pitch() - size) * 20)
    if twips:
        spacing = rpr.makeelement(qn("w:spacing"), {qn("w:val"): str(twips)})
        rpr.insert_element_before(spacing, *_AFTER_SPACING)


def _defaults(doc: Document) -> None:
    """Document defaults: 3号 (the grid's base size), and East Asian text in Chinese (line breaking
    by Chinese rules); Latin text stays English, or a number would break between its digits."""
    from docx.oxml.ns import qn

    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is not None:
            el.set(qn("w:val"), str(SIZE_3 * 2))
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


def _character_style(doc: Document, name: str, font: str, size: float) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.font.size = Pt(size)
    _fonts(style.element, font)
    if size == SIZE_3:
        _fit(style.element, size)


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
    _defaults(doc)
    for name, spec in STYLES.items():
        _style(doc, name, spec)
    _character_style(doc, SIGNER, KAITI, SIZE_3)
    _grid(doc)
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


# ----------------------------------------------------------------------------- the title's lines

_OPEN = "（《〔「『“‘【(["
_CLOSE = "）》〕」』”’】)]，。、；：！？,.;:!?·—…"
_PAIRS = {"（": "）", "《": "》", "〔": "〕", "「": "」", "『": "』", "“": "”", "【": "】", "(": ")", "[": "]"}
_LATIN = re.compile(
    r"[\x21-\x7e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+(?:年度|年|月|日|号|届|个|次|项|万元|元|%|％)?"
)
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:自治区|自治州|自治县|省|市|县|区|旗|州|盟)")
WORDS = frozenset(
    """关于 报告 请示 通知 意见 方案 情况 工作 年度 自评 绩效 评价 考评 考核 自查 总结 汇报 困难群众 群众 困难
    救助 社会救助 社会 民政 财政 民政局 财政局 民政厅 财政厅 人民政府 政府 办公室 专项 资金 项目 实施 管理 指标
    标准 最低 生活 保障 最低生活保障 特困 人员 供养 临时 城乡 低保 农村 城市 居民 基本 兜底 脱贫 攻坚 扶贫 乡村
    振兴 落实 推进 开展 加强 进一步 做好 全面 医疗 养老 服务 儿童 孤儿 残疾人 老年人 高龄 津贴 福利 慈善 事业
    发展 规划 建设 政策 制度 体系 机制 改革 目标 任务 责任 审计 整改 问题 检查 监督 预算 支出 执行 决算 疫情
    防控 流浪 乞讨 殡葬 婚姻 登记 区划 地名 社区 治理 养老服务 机构 补贴 发放 使用 绩效评价 结果 运行 监控
    部门 单位 整体 县级 市级 省级 配套 项目支出 转移 支付 中央 自治区 地方""".split()
)
"""Words a 公文 title is made of, so a line never ends inside one (困难|群众, never 困|难群众)."""
_LONGEST = max(len(w) for w in WORDS)


def em(text: str) -> float:
    """A text's width in ems: a CJK character one, a Latin letter or digit half."""
    return sum(1 if ord(ch) > 0x2E80 else 0.5 for ch in text)


def _tokens(text: str) -> list[tuple[int, int, float]]:
    """Where a break may go, as (start, end, cost of breaking inside) spans the text must not
    be broken inside: Latin and digit runs with their unit (2020年度), leading place names
    (平罗县), known words, and bracketed titles (《…》, 〔…〕) at a lower cost."""
    spans: list[tuple[int, int, float]] = []
    pos = 0
    while m := _PLACE.match(text, pos):  # 宁夏回族自治区石嘴山市平罗县…
        spans.append((m.start(), m.end(), 40))
        pos = m.end()
    for m in _LATIN.finditer(text):
        spans.append((m.start(), m.end(), 1000 if m.end() - m.start() > 1 else 0))
    i = pos
    while i < len(text):
        for n in range(min(_LONGEST, len(text) - i), 1, -1):
            if text[i : i + n] in WORDS:
                spans.append((i, i + n, 40))
                i += n - 1
                break
        i += 1
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            j = text.find(_PAIRS[ch], i + 1)
            if j > 0:
                spans.append((i, j + 1, 15))
    return spans


def _costs(text: str) -> list[float]:
    """The cost of a line break before each character (index 1…len-1): 0 between two words,
    more where a word is not known, and (almost) never inside a word, a number, or next to
    punctuation that belongs to the other side."""
    n = len(text)
    cost = [6.0] * (n + 1)  # between characters no word claims: a guess
    inside = [0.0] * (n + 1)
    known = [False] * (n + 1)
    for start, end, c in _tokens(text):
        known[start] = known[end] = True
        for k in range(start + 1, end):
            inside[k] = max(inside[k], c)
    for k in range(1, n):
        base = 0.0 if known[k] else cost[k]
        if text[k] in _CLOSE or text[k - 1] in _OPEN:
            base = 1000
        elif text[k - 1] == "的" or text[k : k + 2] == "关于":
            base = 0  # …的 | 报告, 平罗县 | 关于…
        cost[k] = base + inside[k]
    return cost


def title_lines(text: str, size: float, width_mm: float = TEXT_MM[0]) -> list[str]:
    """A title broken into lines as GB/T 9704 7.3.1 asks: no line wider than the text block
    at ``size`` points, lines of balanced length broken between words, in a 梯形 (each line
    no longer, or each no shorter, than the one before) or 菱形 (the middle longest), and no
    line of two characters or fewer (「报告」 never stands alone)."""
    text = text.strip()
    room = math.floor(width_mm / (size * 25.4 / 72) + 1e-9)
    total = em(text)
    if total <= room or len(text) < 2:
        return [text]
    cost = _costs(text)
    prefix = [0.0]
    for ch in text:
        prefix.append(prefix[-1] + em(ch))
    best: tuple[float, list[int]] | None = None
    fewest = math.ceil(total / room)
    for k in range(fewest, fewest + 2):
        found = _split(text, k, room, cost, prefix)
        if found is not None:
            score = found[0] + 30 * (k - fewest)  # a line more only when it reads much better
            if best is None or score < best[0]:
                best = (score, found[1])
    if best is None:  # nothing fits: break where the width runs out
        return _greedy(text, room)
    cuts = [0, *best[1], len(text)]
    return [text[a:b] for a, b in itertools.pairwise(cuts)]


def _split(text: str, k: int, room: int, cost: list[float], prefix: list[float]) -> tuple[float, list[int]] | None:
    """The cheapest k-line split: break costs, plus how far the lines are from even, plus a
    shape that is neither 梯形 nor 菱形; None when no split gives lines that fit."""
    n = len(text)
    mean = prefix[n] / k
    # states: (lines so far, end) -> (cost, cuts, widths)
    layer: dict[int, tuple[float, list[int], list[float]]] = {0: (0.0, [], [])}
    for line in range(k):
        last = line == k - 1
        nxt: dict[int, tuple[float, list[int], list[float]]] = {}
        for start, (c, cuts, widths) in layer.items():
            ends = [n] if last else range(start + 1, n)
            for end in ends:
                w = prefix[end] - prefix[start]
                if w > room:
                    break
                if w <= 2 or (not last and cost[end] >= 1000):
                    continue
                total = c + (w - mean) ** 2 + (0 if last else cost[end])
                if end not in nxt or total < nxt[end][0]:
                    nxt[end] = (total, [*cuts, end] if not last else cuts, [*widths, w])
        layer = nxt
    if n not in layer:
        return None
    total, cuts, widths = layer[n]
    return total + (0 if _shapely(widths) else 50), cuts


def _shapely(widths: list[float]) -> bool:
    """梯形 (lines getting no longer, or no shorter) or 菱形 (the longest in the middle)."""
    pairs = list(itertools.pairwise(widths))
    if all(a >= b for a, b in pairs) or all(a <= b for a, b in pairs):
        return True
    top = widths.index(max(widths))
    up, down = widths[: top + 1], widths[top:]
    return all(a <= b for a, b in itertools.pairwise(up)) and all(a >= b for a, b in itertools.pairwise(down))


def _greedy(text: str, room: int) -> list[str]:
    lines, line = [], ""
    for ch in text:
        if em(line + ch) > room:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines
