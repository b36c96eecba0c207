"""narrative-number: 文字中直接写出的数字与本项的数据相矛盾（单位相同，且上下文说的是同一件事），报告会说出与核对过
的数据不同的话；未对应任何数据的数字列为提示（narrative-unchecked）。日期、序号、文号和所引文件标题不算数量；
{key} 引用即数据本身。

a number written literally in an item's text contradicts a figure of the
same item (the same unit, and the text around it names the same thing), so the report would
say what the checked figure does not. narrative-unchecked (a note): a literal number tied to
no figure of its item, which nothing has checked. Dates, ordinals, 文号 and the titles of
cited documents are not quantities and are left alone; ``{key}`` references are the figures.

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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from selfeval.audit.base import Audit
from selfeval.expr import parse_expr
from selfeval.forms.narrative.messages import msg
from selfeval.forms.narrative.models import NarrativeData, NarrativeRubric
from selfeval.forms.narrative.text import REFERENCE, fill, resolver
from selfeval.numbers import fmt
from selfeval.problems import Problem, Severity
from selfeval.scoring import NodeResult
from selfeval.units import split

ID = "narrative-number"
UNCHECKED = "narrative-unchecked"
UNIT = "reference-unit"

_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_NOT_QUANTITY_AFTER = re.compile(r"^(?:年|月|日|号|届|时|点|-\d|—\d|〔|〕)")
_NOT_QUANTITY_BEFORE = ("第", "各", "每", "〔", "-", "—")
_CLAUSE = re.compile(r"[，。；：！？、（）()《》“”\n]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_QUOTED = re.compile(r"《[^《》]*》|〔[^〔〕]*〕")


def _mask(text: str) -> str:
    """The text with references, cited titles and 文号 blanked (same length, so places agree)."""
    text = REFERENCE.sub(lambda m: "＃" * len(m.group(0)), text)
    for _ in range(3):  # 《…〈…〉…》 nests; blank the innermost first
        text = _QUOTED.sub(lambda m: m.group(0)[0] + "　" * (len(m.group(0)) - 2) + m.group(0)[-1], text)
    return text


def _bigrams(text: str) -> set[str]:
    chars = "".join(_CJK.findall(text))
    return {chars[i : i + 2] for i in range(len(chars) - 1)}


def _item_figures(
    audit: Audit[NarrativeRubric, NarrativeData], r: NodeResult, texts: list[str]
) -> dict[str, tuple[Decimal, str, str]]:
    """The figures an item is about (its rules, its relations, its references): value, unit, title."""
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
    out = {}
    for n in sorted(names):
        fig = data.figures.get(n)
        if fig is not None and fig.value is not None:
            title, unit = ctx.title(n)
            out[n] = (fig.value, unit.split("/")[0], title.removesuffix("（报告所述）"))
    return out


def _reference_units(
    audit: Audit[NarrativeRubric, NarrativeData], item_id: str, label: str, i: int, text: str
) -> Iterator[Problem]:
    """``{funds}万元`` where the figure was entered in 元: the report would print the wrong amount."""
    data = audit.result.data
    for m in REFERENCE.finditer(text):
        fig = data.figures.get(m["name"])
        spec = audit.result.rubric.figures.get(m["name"])
        unit = (fig.unit if fig else None) or (spec.unit if spec else None)
        after = text[m.end() : m.end() + 4]
        if not unit or after.startswith(unit):
            continue
        base, factor = split(unit)
        written = next((after[:n] for n in range(4, 0, -1) if split(after[:n])[0] == base), None)
        if written and split(written)[1] == factor:
            continue  # 名 for 人: another word for the same amount
        if written:
            yield audit.finding(
                Severity.WARNING,
                UNIT,
                item_id,
                msg("reference-unit", node=label, name=m["name"], written=written, unit=unit),
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
        figures: dict[str, tuple[Decimal, str, str]] | None = None  # worked out at the first number
        label = f"第{r.node.number}项" if r.node.number else r.node.title
        for i, raw in enumerate(texts):
            if "{" in raw:
                yield from _reference_units(audit, item_id, label, i, raw)
            if not _DIGIT.search(raw):
                continue  # most of a narrative states no number of its own
            masked = _mask(raw)
            for m in _NUMBER.finditer(masked):
                if figures is None:
                    figures = _item_figures(audit, r, texts)
                after, before = masked[m.end() :], masked[: m.start()]
                if _NOT_QUANTITY_AFTER.match(after) or before.endswith(_NOT_QUANTITY_BEFORE):
                    continue
                value = Decimal(m.group(0))
                if any(v == value for v, _, _ in figures.values()):
                    continue  # the number is a figure of the item, written out again
                start = max((x.end() for x in _CLAUSE.finditer(masked, 0, m.start())), default=0)
                end = next((x.start() for x in _CLAUSE.finditer(masked, m.end())), len(masked))
                clause = _bigrams(masked[start:end])
                scored = sorted(
                    (
                        (len(clause & _bigrams(title)), n)
                        for n, (_, unit, title) in figures.items()
                        if unit and after.startswith(unit)
                    ),
                    reverse=True,
                )
                shown = f"{m.group(0)}{after[:4].split('，')[0][:2]}"
                at = ("items", item_id, "narrative", i, "text")
                if scored and scored[0][0] >= 3 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
                    name = scored[0][1]
                    v, unit, title = figures[name]
                    yield audit.finding(
                        Severity.ERROR,
                        ID,
                        item_id,
                        msg(
                            "narrative-contradicts",
                            node=label,
                            text=fill(raw[start:end], value_of).strip(),
                            title=title,
                            value=f"{fmt(v, 4)}{unit}",
                            name=name,
                        ),
                        at,
                        values={"stated": m.group(0), "expected": fmt(v, 4), "figure": name},
                    )
                else:
                    yield audit.finding(
                        Severity.INFO,
                        UNCHECKED,
                        item_id,
                        msg("narrative-unchecked", node=label, shown=shown),
                        at,
                        values={"stated": m.group(0)},
                    )
