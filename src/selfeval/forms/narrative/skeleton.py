"""A narrative data file to fill in: blank from the rubric, or next year's started from this year's.

Whatever the clerk must still enter is written ``~`` on its own line, so ``selfeval validate``
lists exactly what is left, each at its line, and nothing from last year is reused silently:
last year's value stands beside it as a comment. A file started from another county's is renamed
throughout: 平罗县 becomes 惠农区 in every text, issuers and cited titles included, and the short
name 平罗 where it stands for the county (平罗政府信息网, 平罗支行), never inside another word.
Every key and text is written so that it loads back exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from selfeval.forms.narrative.models import NarrativeData, NarrativeRubric
from selfeval.models.rubric import Node, NodeType
from selfeval.numbers import as_written, fmt
from selfeval.yamltext import line
from selfeval.yamltext import scalar as _q

_QUOTED = re.compile(r"《[^《》]*》|〔[^〔〕]*〕")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "y", "n", "null"})
"""Plain keys YAML reads as something other than their text."""
_SHORT = re.compile(r"(?P<short>[\u4e00-\u9fff]{2,}?)(?:(?:[\u4e00-\u9fff]{1,5}?族)+自治[县旗]|[县区市旗])")
_STANDS_FOR_COUNTY = (
    "政府",
    "人民",
    "民政",
    "财政",
    "扶贫",
    "乡村振兴",
    "人社",
    "人力资源",
    "医保",
    "医疗保障",
    "卫健",
    "卫生健康",
    "残联",
    "妇联",
    "总工会",
    "红十字",
    "公安",
    "法院",
    "检察",
    "税务",
    "住建",
    "教育",
    "审计",
    "统计",
    "信息网",
    "网站",
    "政务",
    "融媒",
    "电视台",
    "广播",
    "新闻",
    "发布",
    "支行",
    "分行",
    "信用社",
    "农商",
    "农村商业",
    "邮政",
    "供电",
    "福利院",
    "敬老院",
    "养老院",
    "救助站",
    "境内",
    "辖区",
)
"""What follows a county's short name where it stands for the county (平罗政府信息网, 平罗支行);
elsewhere two characters may be part of another word (强农惠农政策 is no 惠农区)."""
_NOT_AFTER_NAME = {"区": "域块间", "市": "场值"}
"""What after a whole name makes it part of a word instead (平安区域, 海城市场)."""


def _key(name: str) -> str:
    """A mapping key as YAML reads it back: plain when it is a plain word, else quoted."""
    plain = _PLAIN_KEY.fullmatch(name) and name.lower() not in _YAML_WORDS
    return name if plain else _q(name)


def short_name(name: str) -> str | None:
    """平罗 for 平罗县, 大武口 for 大武口区, 孟村 for 孟村回族自治县; None where less than two
    characters would be left (和县)."""
    m = _SHORT.fullmatch(name)
    return m["short"] if m else None


def renamer(old: str, new: str) -> Callable[[str], str]:
    """Each mention of the county ``old`` in a text made one of ``new``: the whole name
    (平罗县民政局 → 惠农区民政局), and the short name where it stands for the county."""
    if old == new:
        return lambda text: text
    short, new_short = short_name(old), short_name(new) or new
    parts = [f"(?P<full>{re.escape(old)})"]
    if short is not None:
        parts.append(f"(?P<short>{re.escape(short)})(?={'|'.join(_STANDS_FOR_COUNTY)})")
    pattern = re.compile("|".join(parts))
    not_after = _NOT_AFTER_NAME.get(old[-1], "")

    def one(m: re.Match[str]) -> str:
        text, start, end = m.string, m.start(), m.end()
        if m["full"] is None:
            return new_short
        if end < len(text) and text[end] in not_after:
            return m.group(0)
        if len(old) == 2 and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff":
            return m.group(0)  # 和县 in 乡镇和县级: a name of two characters only where it stands alone
        return new

    return lambda text: pattern.sub(one, text)


def _label(node: Node) -> str:
    n = node.number or ""
    return f"{n}{'. ' if n.isdigit() else ''}{node.title}" if n else node.title


class _Plan:
    """What a rubric asks for, in the order of its items."""

    def __init__(self, rubric: NarrativeRubric) -> None:
        self.rubric = rubric
        self.figure_item: dict[str, str] = {}
        self.facts: list[str] = []
        self.slots: list[str] = []
        self.items: list[Node] = []
        for node, _, _ in rubric.walked:
            if (node.number or "").isdigit():
                self.items.append(node)
            if node.rule is None:
                continue
            item = next((i for i in reversed(self.items) if _within(node, i)), None)
            for n in sorted(node.rule.names()):
                for f in rubric.figures_read(n):
                    self.figure_item.setdefault(f, _label(item) if item else node.title)
            self.facts += [f for f in sorted(node.rule.facts()) if f not in self.facts]
            self.slots += [s for s in sorted(node.rule.slots()) if s not in self.slots]

    def needs(self, node: Node) -> str:
        """What a clause's rule reads, for the comment beside its text."""
        if node.rule is None:
            return ""
        figures = [f"{{{f}}}" for n in sorted(node.rule.names()) for f in self.rubric.figures_read(n)]
        parts = [
            f"{what} {'、'.join(dict.fromkeys(names))}"
            for what, names in (
                ("数据", figures),
                ("证明材料", sorted(node.rule.slots())),
                ("事实", sorted(node.rule.facts())),
            )
            if names
        ]
        return "，需要" + "；".join(parts) if parts else ""


def _within(node: Node, item: Node) -> bool:
    return node is item or any(_within(node, c) for c in item.children)


def _leaves(node: Node) -> Iterator[Node]:
    if not node.children:
        yield node
    for c in node.children:
        yield from _leaves(c)


def _move_years(text: str, last: int) -> str:
    """Last year's year in free text becomes a ``{subject.year}`` reference; cited titles and 文号 keep theirs."""
    kept = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    out, pos = [], 0
    for m in re.finditer(rf"(?<!\d){last}(?=年)", text):
        if any(a <= m.start() < b for a, b in kept):
            continue
        out += [text[pos : m.start()], "{subject.year}"]
        pos = m.end()
    return "".join([*out, text[pos:]])


def skeleton(rubric: NarrativeRubric, name: str, year: int, previous: NarrativeData | None = None) -> str:
    """The text of a data file for ``rubric``: blank, or started from ``previous``."""
    plan = _Plan(rubric)
    last = previous.subject.year if previous else None
    rename = renamer(previous.subject.name, name) if previous else renamer(name, name)
    lines = [
        f"# {name}{year}年度自评数据，按《{rubric.title}》（{rubric.document_number}）填写。",
        "# 写作 ~ 的是待填内容：selfeval validate 逐项列出。数字可带单位（910.38万元、98%），全角数字亦可。",
    ]
    if previous is not None:
        lines.append(
            f"# 由{previous.subject.year}年度的数据文件生成：各项数字、是否、文号均需重新填写，# 后为去年的值。"
        )
    lines += ["subject:", f"  name: {_q(name)}", f"  year: {year}"]
    if previous is not None and previous.subject.province:
        lines.append(f"  province: {_q(previous.subject.province)}")
    lines += ["rubric:", f"  id: {_q(rubric.id)}", f"  version: {_q(rubric.version)}"]
    if previous is not None and previous.rubric.path:
        lines.append(f"  path: {_q(previous.rubric.path)}")
    lines.append("")
    lines += _document(name, year, previous, rename)
    lines += _figures(plan, previous, rename)
    lines += _facts(plan, previous)
    lines += _evidence(plan, previous, rename)
    if previous is not None and previous.not_applicable:
        lines += ["", "not_applicable:    # 去年不适用的项目，请确认今年是否仍不适用"]
        lines += [f"  {_key(k)}: {_q(rename(v))}" for k, v in previous.not_applicable.items()]
    lines += ["", "claims:    # 自评得分（报告写明的才填；扣分项填扣掉的分数）", "  # total:    # 自评总分"]
    for node, _, kind in rubric.walked:
        if node.number or node.rule is not None:
            verb = "扣分上限" if kind is NodeType.DEDUCTION else "分值"
            lines.append(f"  # {node.id}:    # {_label(node)}（{verb}{fmt(node.points)}分）")
    lines += ["", "items:    # 各项文字：{key} 处印出该数据；写法见自带示例（selfeval init 示例.yaml --example）"]
    lines += _items(plan, previous, last, rename)
    lines += _attachments(previous, rename)
    return "\n".join(line(x) for x in lines) + "\n"


def _document(name: str, year: int, previous: NarrativeData | None, rename: Callable[[str], str]) -> list[str]:
    d = previous.document if previous else None
    if d is None:
        return [
            "document:    # 报告文头，selfeval report 用",
            f"  issuers: [{_q(name + '民政局')}, {_q(name + '财政局')}]",
            "  number: ~    # 发文字号，如 某民发〔2021〕1号",
            f"  title: {_q('{subject.name}{subject.year}年度困难群众救助工作绩效自评报告')}",
            '  addressee: "自治区民政厅、财政厅"',
            "  preamble: ~",
            f"  date: {year + 1}-03-31",
            *_layout(f"{year + 1}-03-31"),
            "",
        ]
    last = previous.subject.year if previous else year
    date = _next_year(d.date, year - last)
    out = ["document:", "  issuers:"]
    out += [f"    - {_q(rename(i))}" for i in d.issuers]
    out.append(f"  number: ~    # 去年：{d.number}" if d.number else "  number: ~")
    out.append(f"  title: {_q(rename(_move_years(d.title, last)))}")
    out.append(f"  addressee: {_q(rename(d.addressee))}")
    preamble = None if d.preamble is None else rename(_move_years(d.preamble, last))
    out.append("  preamble: ~" if preamble is None else f"  preamble: {_q(preamble)}")
    out.append(f"  date: {date.isoformat()}    # 去年：{d.date.isoformat()}")
    if d.attachments_title:
        out.append(f"  attachments_title: {_q(rename(_move_years(d.attachments_title, last)))}")
    signers = [d.signer] if isinstance(d.signer, str) else d.signer or []
    if signers:
        names = ", ".join(_q(x) for x in signers)
        out.append(f"  # signer: [{names}]    # 去年的签发人：今年的请核对后去掉 #")
    else:
        out.append(_layout(date.isoformat())[0])
    if d.cc:
        out.append("  cc:    # 抄送机关")
        out += [f"    - {_q(rename(c))}" for c in d.cc]
    else:
        out.append(_layout(date.isoformat())[1])
    if d.printed_by:
        out.append(f"  printed_by: {_q(rename(d.printed_by))}    # 印发机关")
    else:
        out.append(_layout(date.isoformat())[2])
    out.append(_layout(date.isoformat())[3])
    return [*out, ""]


def _layout(date: str) -> tuple[str, str, str, str]:
    """The document's optional fields, as comments a clerk fills in by removing the #."""
    return (
        "  # signer: 张三    # 签发人（上行文，印在发文字号右侧）；联合行文每机关一人：[张三, 李四]",
        "  # cc: [某某局]    # 抄送机关，印在版记中；不写则无抄送",
        "  # printed_by: 某某局办公室    # 印发机关，不写为第一个发文机关的办公室",
        f"  # printed_on: {date}    # 印发日期，不写为成文日期",
    )


def _next_year(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def _figures(plan: _Plan, previous: NarrativeData | None, rename: Callable[[str], str]) -> list[str]:
    rubric = plan.rubric
    order = list(plan.figure_item) + [f for f in rubric.figures if f not in plan.figure_item]
    if previous is not None:
        order += [f for f in previous.figures if f not in order]
    out, group = ["figures:"], None
    for f in order:
        g = plan.figure_item.get(f, "审核用数据（复算与核对）" if f in rubric.figures else "其他数据")
        if g != group:
            out.append(f"  # —— {g}")
            group = g
        spec = rubric.figures.get(f)
        fig = previous.figures.get(f) if previous else None
        unit = (spec.unit if spec else None) or (fig.unit if fig else None)
        title = spec.title if spec else (fig.title if fig and fig.title else f)
        was = ""
        if fig is not None and fig.value is not None:
            was = f"；去年 {'约' if fig.approx else ''}{as_written(fig.value)}{unit or ''}"
        if spec is None and fig is not None:  # the county's own figure: keep what says what it is
            own = rename(fig.title) if fig.title else None
            extra = {"unit": fig.unit, "title": own, "approx": fig.approx or None}
            shown = ", ".join(f"{k}: {_q(v)}" for k, v in extra.items() if v is not None)
            out.append(f"  {_key(f)}: {{value: ~, {shown}}}    # {own or title}{was}")
        else:
            out.append(f"  {_key(f)}: ~    # {title}{f'（{unit}）' if unit else ''}{was}")
    return out


def _facts(plan: _Plan, previous: NarrativeData | None) -> list[str]:
    out = ["", "facts:    # 是否属实：true / false（是 / 否）"]
    names = plan.facts + [f for f in (previous.facts if previous else {}) if f not in plan.facts]
    for f in names:
        fact = previous.facts.get(f) if previous else None
        was = "" if fact is None or fact.value is None else f"；去年 {'是' if fact.value else '否'}"
        out.append(f"  {_key(f)}: ~    # {plan.rubric.facts.get(f, f)}{was}")
    return out


def _evidence(plan: _Plan, previous: NarrativeData | None, rename: Callable[[str], str]) -> list[str]:
    out = ["", "evidence:    # 证明材料：文件标题与文号；同一项可列多个文件；文号写作 ~ 的尚不计分"]
    slots = plan.slots + [s for s in (previous.evidence if previous else {}) if s not in plan.slots]
    for s in slots:
        docs = previous.evidence.get(s, []) if previous else []
        documents = [e for e in docs if e.kind == "document"]
        records = [e for e in docs if e.kind != "document"]
        title = plan.rubric.evidence.get(s, s)
        out.append(f"  {_key(s)}:    # {title}" if documents else f"  {_key(s)}: ~    # {title}")
        for e in documents:
            issuer = f", issuer: {_q(rename(e.issuer))}" if e.issuer else ""
            was = f"    # 去年：{e.number}" if e.number else ""
            out.append(f"    - {{title: {_q(rename(e.title))}, number: ~{issuer}}}{was}")
        for e in records:  # last year's records are not this year's: listed for reference only
            out.append(f"    # - {{title: {_q(rename(e.title))}, kind: {e.kind}}}    # 去年的记录")
    return out


def _items(plan: _Plan, previous: NarrativeData | None, last: int | None, rename: Callable[[str], str]) -> list[str]:
    out = []
    for item in plan.items:
        out += [f"  {_key(item.id)}:    # {_label(item)}（{fmt(item.points)}分）", "    narrative:"]
        kept = previous.items.get(item.id) if previous else None
        if kept is not None and last is not None:
            for seg in kept.narrative:
                text = "~" if seg.text is None else _q(rename(_move_years(seg.text, last)))
                out.append(f"      - text: {text}")
                if seg.score:
                    out.append(f"        score: {_key(seg.score)}")
            continue
        for leaf in _leaves(item):
            what = f"{leaf.title}（{fmt(leaf.points)}分）" if leaf is not item else f"{fmt(leaf.points)}分"
            out += [f"      - text: ~    # {what}{plan.needs(leaf)}", f"        score: {_key(leaf.id)}"]
    return out


def _attachments(previous: NarrativeData | None, rename: Callable[[str], str]) -> list[str]:
    out = ["", "attachments:    # 材料清单"]
    for a in previous.attachments if previous else []:
        if a.number:
            out.append(f"  - {{title: {_q(rename(a.title))}, number: ~}}    # 去年：{a.number}")
        else:
            out.append(f"  - {{title: {_q(rename(a.title))}}}")
    return out
