"""narrative-number: 文字中直接写出的数字与本项的数据相矛盾，报告会说出与核对过的数据不同的话。数字按意思对应数据：
单位同类（%、元、人，万元与元按倍数换算），数字前面的名称是该数据的标题或评分标准给的别名（aliases）中的一段，
且与之不相抵触（“社会公众满意度”不是“救助对象满意度”，“城市低保标准”不是“城市低保人均补助水平”）；句中没有
主语时以前文和本项标题为主语（“……救助对象……满意，满意度达98%”）。写作“95%以上”“近100%”的按其意思比较；
“其中”、上年、目标及增减幅度不是本年的数据。未对应任何数据的数字列为提示（narrative-unchecked）。日期、序号、
文号和所引文件标题不算数量；{key} 引用即数据本身。

a number written literally in an item's text contradicts a figure of the
item, so the report would say what the checked figure does not. A number is read as the figure
it means: of the same kind of unit (%, 元, 人; 万元 and 元 converted exactly), after words that
are part of the figure's title or of a name the rubric gives it (``aliases``) and say nothing
against it (社会公众满意度 is not 救助对象满意度, 城市低保标准 not 城市低保人均补助水平); a
clause without a subject takes the sentence's or the item's. 95%以上 and 近100% are compared as
they say; a part (其中), last year, a target or a change is no figure of the year.
narrative-unchecked (a note): a literal number tied to no figure of its item, which nothing has
checked. Dates, ordinals, 文号 and the titles of cited documents are not quantities and are
left alone; ``{key}`` references are the figures.

PASS: 文字写“人均救助1727元”，与数据一致
    rubric:
      sections:
        - {id: s1, number: 二, title: 临时救助, points: 2, children: [
            {id: c08, number: "8", title: 临时救助水平, points: 2,
             rule: {kind: threshold, metric: temp_aid_pc, op: ">=", value: 1219}}]}
      figures:
        temp_aid_pc: {title: 临时救助人均救助水平, unit: 元}
    data:
      figures: {temp_aid_pc: 1727}
      items:
        c08:
          narrative:
            - {text: 全年临时救助人均救助1727元，高于全区人均救助水平, score: c08}
PASS: “满意度达95%以上”，数据为98%；“社会公众满意度”是另一件事
    rubric:
      sections:
        - {id: s1, number: 三, title: 社会满意率, points: 3, children: [
            {id: c40, number: "40", title: 救助对象满意度, points: 3,
             rule: {kind: threshold, metric: satisfaction_pct, op: ">=", value: 90}}]}
      figures:
        satisfaction_pct: {title: 救助对象满意度, unit: "%"}
    data:
      figures: {satisfaction_pct: 98}
      items:
        c40:
          narrative:
            - {text: 经抽查，救助对象满意度达95%以上；社会公众满意度达90%, score: c40}
FAIL: 文字写“人均救助1827元”，数据为1727元
    rubric:
      sections:
        - {id: s1, number: 二, title: 临时救助, points: 2, children: [
            {id: c08, number: "8", title: 临时救助水平, points: 2,
             rule: {kind: threshold, metric: temp_aid_pc, op: ">=", value: 1219}}]}
      figures:
        temp_aid_pc: {title: 临时救助人均救助水平, unit: 元}
    data:
      figures: {temp_aid_pc: 1727}
      items:
        c08:
          narrative:
            - {text: 全年临时救助人均救助1827元，高于全区人均救助水平, score: c08}
FAIL: 主语在前一分句：“……救助对象……满意，满意度达98%”，数据为84%
    rubric:
      sections:
        - {id: s1, number: 三, title: 社会满意率, points: 3, children: [
            {id: c40, number: "40", title: 救助对象满意度, points: 3,
             rule: {kind: threshold, metric: satisfaction_pct, op: ">=", value: 90}}]}
      figures:
        satisfaction_pct: {title: 救助对象满意度, unit: "%"}
    data:
      figures: {satisfaction_pct: 84}
      items:
        c40:
          narrative:
            - {text: 经抽查，县域内救助对象对救助工作满意，满意度达98％。, score: c40}
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from selfeval.audit.base import Audit
from selfeval.expr import parse_expr
from selfeval.forms.narrative.messages import msg
from selfeval.forms.narrative.models import NarrativeData, NarrativeRubric
from selfeval.forms.narrative.text import REFERENCE, UNIT_SPAN, fill, in_text_unit, resolver, unit_after
from selfeval.numbers import fmt
from selfeval.problems import Problem, Severity
from selfeval.scoring import NodeResult
from selfeval.units import split

ID = "narrative-number"
UNCHECKED = "narrative-unchecked"
UNIT = "reference-unit"

_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d.])")
_NOT_QUANTITY_AFTER = re.compile(r"^(?:年|月|日|号|届|时|点|-\d|—\d|〔|〕)")
_NOT_QUANTITY_BEFORE = ("第", "各", "每", "〔", "-", "—")
_CLAUSE = re.compile(r"[，。；：！？、（）()《》“”\n]")
_SENTENCE_ENDS = "。；！？\n"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_QUOTED = re.compile(r"《[^《》]*》|〔[^〔〕]*〕")
_WIDE = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)} | {"％": "%", "．": ".", "－": "-"})
"""Full-width digits and signs of numbers as their ASCII selves, one character for one (so places agree)."""
_FULL_WIDTH = re.compile("[０-９％．－]")

_UNIT_SPAN = 6
_POINTS = ("个百分点", "百分点")
"""A change of a percentage, never the percentage itself."""
_OTHER_QUANTITY = re.compile(r"其中|上年|去年|上一年|前年|同期|目标|计划|要求|力争|预计|应达|应当|不得")
"""In the clause, a part (其中), another year, or a target: not the year's figure itself."""
_CHANGE = re.compile(
    r"(?:提高|增长|增加|上升|下降|降低|减少)(?![到至为])|高出|超出|多出|同比|环比|翻番|高于|低于|[比较][上去全同]"
)
"""Between the figure's name and the number: a change, or another quantity compared with it (提高到
620元 is the level reached, 提高20元 a change)."""
_SCOPE = re.compile(
    r"(?:全县|全区|全市|全旗|本县|本区|本市|我县|我区|我市|县域内|区域内|辖区内|全年|年度|年末|年底|全部|累计|共计|合计|共|总|的|之|对)$"
)
"""Words before a figure's name that narrow nothing: 全县救助对象满意度 is 救助对象满意度."""
_LINK = re.compile(
    r"^(?:为|是|达到|达|有|共计|共|合计|累计|计|均|已|的|了|实现|每人每月|每人每年|每户每月|每户每年|每月|每年|每人|每户"
    r"|人均|户均|平均|约|近|超过|逾|高于|不低于|不少于|不足|不到|低于|(?:提高|增加|增长|上升|下降|降低|调整)?(?:到|至|为))*"
)
"""Words between a figure's name and its number that say nothing more of what is counted."""
_BOUND = re.compile(r"(?:不低于|不少于|高于|低于|超过|不足|不到|逾|将近|接近|近|大约|约|达到|达|为|在)+$")
"""Words just before a number that bound it (满意度不低于90%): not another quantity compared with it."""
_ABOUT_BEFORE = ("约", "近", "将近", "接近", "大约")
_ABOUT_AFTER = ("余", "多", "左右", "上下")
_AT_LEAST_BEFORE = ("不低于", "不少于")
_MORE_BEFORE = ("超过", "逾", "高于")
_LESS_BEFORE = ("不足", "不到", "低于")
_AT_LEAST_AFTER = ("以上",)
_AT_MOST_AFTER = ("以下", "以内")
_NEAR = Decimal("0.1")
"""How far 约98% may be from the figure before it says something else."""


def _mask(text: str) -> str:
    """The text with references, cited titles and 文号 blanked (same length, so places agree)."""
    text = REFERENCE.sub(lambda m: "＃" * len(m.group(0)), text)
    for _ in range(3):  # 《…〈…〉…》 nests; blank the innermost first
        text = _QUOTED.sub(lambda m: m.group(0)[0] + "　" * (len(m.group(0)) - 2) + m.group(0)[-1], text)
    return text


def _words(text: str) -> set[str]:
    """The two-character words a text may hold (every pair of Chinese characters side by side)."""
    return {text[i : i + 2] for i in range(len(text) - 1) if _CJK.match(text[i]) and _CJK.match(text[i + 1])}


def _nearest(name: str, text: str) -> tuple[int, int, int]:
    """The run of two or more characters of ``name`` that ``text`` holds nearest its end (the longest
    of those ending there): its length, and where it starts in ``name`` and in ``text``; (0, 0, 0)
    when they share none."""
    best = (0, 0, 0)
    for j in range(len(text) - 1, 0, -1):  # where a run ends in the text, from the number back
        for i in range(len(name)):
            k = 0
            while k <= min(i, j) and name[i - k] == text[j - k]:
                k += 1
            if k >= 2 and k > best[0]:
                best = (k, i - k + 1, j - k + 1)
        if best[0]:
            return best
    return best


@dataclass(frozen=True, kw_only=True)
class _Figure:
    """A figure of the item as the text may name it."""

    name: str
    value: Decimal
    unit: str
    """The unit its value is in, as written (元/月)."""
    title: str
    names: tuple[str, ...]
    """Its title and the other names the rubric gives it."""


@dataclass(frozen=True, kw_only=True)
class _Said:
    """Where a number stands: the words of its clause before and after it, and of its sentence before."""

    before: str
    after: str
    sentence: str
    item: str
    """The item's own title: what a sentence without a subject is about."""


def _item_figures(audit: Audit[NarrativeRubric, NarrativeData], r: NodeResult, texts: list[str]) -> list[_Figure]:
    """The figures an item is about (its rules, its relations, its references), each with its names."""
    result = audit.result
    rubric, data, ctx = result.rubric, result.data, result.context
    ids = {x.id for x in r.walk()}

    def read_by(relations: list[Any]) -> set[str]:
        out: set[str] = set()
        for rel in relations:
            if rel.node in ids:
                out |= {f for e in rel.exprs().values() for n in parse_expr(e).names for f in rubric.figures_read(n)}
        return out

    key = ("item-figures", r.id)
    if key not in rubric.memo:  # the rubric's part, the same for every county
        by_rules = {
            f for x in r.walk() if x.node.rule is not None for n in x.node.rule.names() for f in rubric.figures_read(n)
        }
        rubric.memo[key] = frozenset(by_rules | read_by(rubric.relations))
    cached = rubric.memo[key]
    names: set[str] = set(cached) if isinstance(cached, frozenset) else set()
    names |= read_by(data.relations)
    for t in texts:
        names |= {m["name"] for m in REFERENCE.finditer(t)}
    out = []
    for n in sorted(names):
        fig = data.figures.get(n)
        if fig is not None and fig.value is not None:
            spec = rubric.figures.get(n)
            title, unit = ctx.title(n)
            title = title.removesuffix("（报告所述）")
            aliases = tuple(spec.aliases) if spec else ()  # the value is in the unit it was typed in
            out.append(_Figure(name=n, value=fig.value, unit=fig.unit or unit, title=title, names=(title, *aliases)))
    return out


def _unit_written(after: str, unit: str) -> tuple[str, str] | None:
    """The unit of ``unit``'s kind written right after a number, whole (元/月) and without what it is
    per (元, what converts); None where the text writes another: 人次 is no count of 人, 元/户 no
    amount per month, 个百分点 no percentage."""
    head, _, per = unit.partition("/")
    if not head:
        return None
    base = split(head)[0]
    for end in range(min(len(after), _UNIT_SPAN), 0, -1):
        written = after[:end]
        w_head, slash, w_per = written.partition("/")
        if split(w_head)[0] != base or (w_head in _POINTS and head not in _POINTS) or (slash and w_per != per):
            continue
        if after[end : end + 1] == "/" or (after[end : end + 1] == "次" and not head.endswith("次")):
            return None
        return written, w_head
    return None


def _fit(f: _Figure, said: _Said) -> tuple[int, int] | None:
    """How surely the words around a number name ``f``: the run of one of its names nearest before
    the number (or, failing one, after it), then how many more of that name's words the sentence
    says (or, where the sentence has no subject, the item's title); None when the clause names
    something else of the same unit (社会公众满意度 for 救助对象满意度) or a change of it."""
    best: tuple[int, int] | None = None
    for name in f.names:
        length, at_name, at_text = _nearest(name, said.before)
        if length:
            lead, between = said.before[:at_text], said.before[at_text + length :]
            while (shorter := _SCOPE.sub("", lead)) != lead:
                lead = shorter
            # the words before the run say whose it is: the name's own, or (a name that says no one's) the title's
            own = _words(name[:at_name]) if at_name else _words(f.title)
            if (at_name or length <= 3) and _other_word(lead[-2:], own):
                continue  # a subject of its own where the name has another: 社会公众满意度, 城市低保对象满意度
            if _other_word(_LINK.sub("", between)[:2], _words(name)):
                continue  # another thing of the same unit: 城市低保标准 is no 城市低保人均补助水平
            if _CHANGE.search(_BOUND.sub("", between)):
                continue  # 满意度比上年提高3%: a change, or another quantity compared with it
        else:
            length, at_name, _ = _nearest(name, said.after)
            if length < 3:
                continue  # 98%的救助对象…: the name after the number only where it says enough
        rest = _words(name) - _words(name[at_name : at_name + length])
        support = len(rest & _words(said.sentence)) or len(rest & _words(said.item))
        if length >= 3 or support:
            best = max(best or (length, support), (length, support))
    return best


def _other_word(two: str, words: set[str]) -> bool:
    """Whether two characters are a word of the text's own, none of the figure's names'."""
    return len(two) == 2 and all(_CJK.match(c) for c in two) and two not in words


def _agrees(value: Decimal, figure: Decimal, before: str, after: str) -> bool:
    """Whether a number as the text qualifies it (95%以上, 近100%) allows the figure's value."""
    if before.endswith(_ABOUT_BEFORE) or after.startswith(_ABOUT_AFTER):
        return abs(figure - value) <= abs(value) * _NEAR
    if before.endswith(_AT_LEAST_BEFORE) or after.startswith(_AT_LEAST_AFTER):
        return figure >= value
    if before.endswith(_MORE_BEFORE):
        return figure > value
    if before.endswith(_LESS_BEFORE):
        return figure < value
    if after.startswith(_AT_MOST_AFTER):
        return figure <= value
    return figure == value


def _reference_units(
    audit: Audit[NarrativeRubric, NarrativeData], item_id: str, label: str, i: int, text: str
) -> Iterator[Problem]:
    """``{funds}万元`` where the figure was entered in 元: the report prints it converted (910.38万元),
    which a clerk comparing it with the figure as typed should know."""
    data = audit.result.data
    for m in REFERENCE.finditer(text):
        fig = data.figures.get(m["name"])
        spec = audit.result.rubric.figures.get(m["name"])
        unit = (fig.unit if fig else None) or (spec.unit if spec else None)
        after = text[m.end() : m.end() + UNIT_SPAN]  # read as the report reads it
        if not unit or after.startswith(unit):
            continue
        written = unit_after(after, unit)
        if written and split(written)[1] == split(unit)[1]:
            continue  # 名 for 人: another word for the same amount
        if written and fig is not None and fig.value is not None:
            shown = in_text_unit(fig.value, unit, after)
            yield audit.finding(
                Severity.INFO,
                UNIT,
                item_id,
                msg("reference-unit", node=label, name=m["name"], written=written, unit=unit, shown=shown),
                ("items", item_id, "narrative", i, "text"),
                values={"stated": written, "expected": unit},
            )


def check(audit: Audit[NarrativeRubric, NarrativeData]) -> Iterator[Problem]:
    data = audit.result.data
    nodes = audit.result.by_id()
    value_of = resolver(audit.result)
    for item_id, item in data.items.items():
        r = nodes.get(item_id)
        if r is None:
            continue
        texts = [seg.text or "" for seg in item.narrative]
        figures: list[_Figure] | None = None  # worked out at the first number
        earlier: str | None = None  # the texts before this one, masked: once per text, not per number
        label = f"第{r.node.number}项" if r.node.number else r.node.title
        for i, raw in enumerate(texts):
            if "{" in raw:
                yield from _reference_units(audit, item_id, label, i, raw)
            if not _DIGIT.search(raw):
                continue  # most of a narrative states no number of its own
            masked = _mask(raw)
            if _FULL_WIDTH.search(masked):
                masked = masked.translate(_WIDE)
            earlier = None
            for m in _NUMBER.finditer(masked):
                if figures is None:
                    figures = _item_figures(audit, r, texts)
                after, before = masked[m.end() :], masked[: m.start()]
                if _NOT_QUANTITY_AFTER.match(after) or before.endswith(_NOT_QUANTITY_BEFORE):
                    continue
                value = Decimal(m.group(0).replace(",", ""))
                if any(f.value == value for f in figures):
                    continue  # the number is a figure of the item, written out again
                start = max((x.end() for x in _CLAUSE.finditer(masked, 0, m.start())), default=0)
                end = next((x.start() for x in _CLAUSE.finditer(masked, m.end())), len(masked))
                shown = f"{m.group(0)}{after[:4].split('，')[0][:2]}"
                at = ("items", item_id, "narrative", i, "text")
                if earlier is None:
                    earlier = _mask("".join(texts[:i]))  # a sentence may begin in the text before
                named, found = _meant(
                    figures,
                    value,
                    m,
                    text=masked,
                    clause=(start, end),
                    earlier=earlier,
                    item=r.node.title,
                )
                if not named:
                    yield audit.finding(
                        Severity.INFO,
                        UNCHECKED,
                        item_id,
                        msg("narrative-unchecked", node=label, shown=shown),
                        at,
                        values={"stated": m.group(0)},
                    )
                elif found is not None:
                    yield audit.finding(
                        Severity.ERROR,
                        ID,
                        item_id,
                        msg(
                            "narrative-contradicts",
                            node=label,
                            text=fill(raw[start:end], value_of).strip(),
                            title=found.title,
                            value=f"{fmt(found.value, 4)}{found.unit}",
                            name=found.name,
                        ),
                        at,
                        values={"stated": m.group(0), "expected": fmt(found.value, 4), "figure": found.name},
                    )


def _meant(
    figures: list[_Figure],
    value: Decimal,
    m: re.Match[str],
    *,
    text: str,
    clause: tuple[int, int],
    earlier: str,
    item: str,
) -> tuple[bool, _Figure | None]:
    """Whether a number in ``text`` names a figure for sure, and the figure it contradicts, if any.
    It names none where no figure of its unit is named, two are named alike, or it is a part,
    another year or a target (其中, 上年, 目标)."""
    start, end = clause
    before, rest = text[: m.start()], text[m.end() :]
    stop = max(before.rfind(c) for c in _SENTENCE_ENDS)
    if stop < 0:  # the sentence began in a text before this one
        sentence = earlier[max(earlier.rfind(c) for c in _SENTENCE_ENDS) + 1 :] + before
    else:
        sentence = before[stop + 1 :]
    if _OTHER_QUANTITY.search(text[start:end]):
        return False, None
    fits = []
    for f in figures:
        written = _unit_written(rest, f.unit)
        if written is None:
            continue
        unit, head = written
        said = _Said(
            before=text[start : m.start()], after=rest[len(unit) : end - m.end()], sentence=sentence, item=item
        )
        stated = value * split(head)[1] / split(f.unit.partition("/")[0])[1]
        if stated == f.value:
            return True, None  # written again in another multiple of its unit: 910.38万元 as 9103800元
        fit = _fit(f, said)
        if fit is not None:
            fits.append((fit, f, stated, rest[len(unit) :]))
    fits.sort(key=lambda x: x[0], reverse=True)
    if not fits or (len(fits) > 1 and fits[0][0] == fits[1][0]):
        return False, None
    _, f, stated, qualifier = fits[0]
    return True, None if _agrees(stated, f.value, before, qualifier) else f
