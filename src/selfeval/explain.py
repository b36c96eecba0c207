"""One node explained: what it is worth, its rule in words, the inputs it reads with the
county's values, and the score with the reason. ``selfeval explain`` prints it."""

from __future__ import annotations

from dataclasses import dataclass

from selfeval.errors import MissingValue, SelfevalError, Undefined, UsageError
from selfeval.i18n import msg, suggest_msg
from selfeval.models.rubric import NodeType
from selfeval.numbers import ZERO, as_written, fmt
from selfeval.pipeline import Evaluation
from selfeval.rules import Clause
from selfeval.scoring import DataContext, NodeResult


@dataclass
class Input:
    """One figure, fact, document or judgement a rule reads, as the data file gives it."""

    key: str
    """Where it lives in the data file: ``figures.trainings``."""
    title: str
    value: str
    """As the county gave it, or ``待填`` / ``缺`` when it does not."""
    line: int
    """The data file's line, 0 when the file lacks it."""


@dataclass(frozen=True, kw_only=True)
class Explanation:
    """A node of one evaluation, explained."""

    evaluation: Evaluation
    result: NodeResult
    path: list[NodeResult]
    """The node's ancestors, top first."""
    rule: str
    """The rule in words, or how the children add up."""
    inputs: list[Input]


def find(ev: Evaluation, key: str) -> tuple[NodeResult, list[NodeResult]]:
    """A node by id (``c27``) or by the number a report gives it (``27``, ``（九）``, ``二``)."""
    wanted = key.strip().removeprefix("第").removesuffix("项")
    for section in ev.result.sections:
        stack: list[tuple[NodeResult, list[NodeResult]]] = [(section, [])]
        while stack:
            r, above = stack.pop()
            number = (r.node.number or "").strip("（）()、.")
            if r.id == wanted or (number and number == wanted.strip("（）()、.")):
                return r, above
            stack.extend((c, [*above, r]) for c in reversed(r.children))
    ids = [r.id for r in ev.result.walk()]
    raise UsageError(msg("no-such-node", key=key, hint=suggest_msg(key, ids)))


def dotted(loc: tuple[str | int, ...]) -> str:
    """A place in a data file as people write it: ``indicators[1].actual`` (rows counted from 1)."""
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _as_written(ctx: DataContext, name: str) -> str:
    """A figure as the data file gives it, in its own unit, and in the rubric's where that differs:
    3359.62万（即3359.62万元）, 33596200元（即3359.62万元）."""
    fig = ctx.data.figures[name]
    if fig.words is not None:  # 部分完成: the words the source wrote, not the number they stand for
        return fig.words
    unit = ctx.unit(name)
    written = f"{as_written(fig.value or ZERO)}{fig.unit or unit}"
    if not fig.unit or not unit or fig.unit == unit:
        return written
    try:
        return f"{written}（即{fmt(ctx.value(name))}{unit}）"
    except (SelfevalError, ArithmeticError):  # units that do not convert were refused at loading
        return written


def explain(ev: Evaluation, key: str) -> Explanation:
    """Everything about one node of ``ev``."""
    r, path = find(ev, key)
    rubric, data, ctx = ev.result.rubric, ev.result.data, ev.result.context
    doc = ev.data.doc
    rule = r.node.rule
    if rule is None:
        text = msg("explain-children", n=len(r.children)).text()
        if r.node.children_exceed:
            text += msg("explain-capped").text()
        return Explanation(evaluation=ev, result=r, path=path, rule=text, inputs=[])
    clause = Clause(r.id, r.max, r.type is NodeType.DEDUCTION)
    try:
        text = rule.describe(ctx, clause)
    except (MissingValue, Undefined):  # a target read from figures the data lacks
        text = type(rule).__name__
    inputs: list[Input] = []

    def at(*loc: str) -> int:
        real = data.where(loc)
        return doc.locate(real)[0] if doc.has(real) else 0

    def source(*loc: str) -> str:  # where a clerk finds it: figures.x, or the table cell it was read from
        return dotted(data.where(loc))

    for name in sorted({f for n in rule.names() for f in rubric.figures_read(n)}):
        fig = data.figures.get(name)
        if fig is None or fig.value is None:
            shown = "缺" if fig is None else "未知" if fig.unknown else "待填"
        else:
            shown = _as_written(ctx, name)
        inputs.append(Input(source("figures", name), ctx.label(name), shown, at("figures", name)))
    for name in sorted(rule.names() & set(rubric.metrics)):
        value = ctx.try_value(name)
        inputs.append(Input(f"metrics.{name}", ctx.label(name), "—" if value is None else ctx.amount(name, value), 0))
    for slot in sorted(rule.slots()):
        have = ctx.has_evidence(slot)
        shown = ctx.evidence_label(slot) if have else "缺"
        inputs.append(Input(source("evidence", slot), ctx.slot_title(slot), shown, at("evidence", slot)))
    for fact in sorted(rule.facts()):
        said = ctx.fact(fact)
        shown = "缺" if fact not in data.facts else "待填" if said is None else ("是" if said else "否")
        inputs.append(Input(source("facts", fact), ctx.fact_title(fact), shown, at("facts", fact)))
    if r.id in data.judgements:
        j = data.judgements[r.id]
        parts = [f"“{j.tier}”" if j.tier else "", "" if j.points is None else f"{fmt(j.points)}分"]
        judged = "，".join(x for x in parts if x) + f"：{j.reason}"  # 评定“部分达成”，9分：理由
        inputs.append(Input(source("judgements", r.id), "评审评定", judged, at("judgements", r.id)))
    return Explanation(evaluation=ev, result=r, path=path, rule=text, inputs=inputs)
