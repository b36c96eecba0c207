"""How far a table's rows were completed: each row met, partly met, not met or undecided,
counted per 一级指标 and overall, with what fell short.

For a table without 分值 this is what its self-evaluation says; for any table it is the reading
a reviewer starts from.
"""

from __future__ import annotations

from collections.abc import Mapping

from selfeval.forms.interface import Summary
from selfeval.forms.project_table.messages import t
from selfeval.forms.project_table.models import Row, TableData, TableRubric
from selfeval.rules.tiers import Tier
from selfeval.scoring import NodeResult, ScoreResult

STATES = ("met", "partly", "unmet", "undecided")


def state(r: NodeResult, row: Row, tiers: list[Tier]) -> str:
    """``met``, ``partly``, ``unmet`` or ``undecided`` (an unknown input or a judgement still to make).

    An assessor's tier decides a judged row (the top tier is met, the bottom one not met);
    a state the table writes (已完成, 部分完成) decides a row nobody has judged."""
    tier = next((x for x in tiers if row.judgement is not None and x.name == row.judgement.tier), None)
    if tier is not None:
        if tier.high == max(x.high for x in tiers):
            return "met"
        return "unmet" if tier.low == min(x.low for x in tiers) else "partly"
    if row.actual.status is not None and row.judgement is None:
        return row.actual.status
    if r.ranged:
        return "undecided"
    return "met" if r.score >= r.max else "unmet"


def summary(result: ScoreResult[TableRubric, TableData]) -> Summary:
    """The rows' completion, per level and overall."""
    data, nodes = result.data, result.by_id()
    levels: list[dict[str, object]] = []
    every: list[tuple[NodeResult, str]] = []
    tiers = result.rubric.qualitative.tiers
    for level in result.rubric.levels:
        rows = [
            (r := nodes[data.row_id(i)], state(r, row, tiers))
            for i, row in enumerate(data.indicators)
            if level.matches(row.level)
        ]
        if rows:
            levels.append({"id": level.id, "name": level.name, **_counts(rows)})
            every += rows
    short = [
        {"id": r.id, "name": r.node.title, "state": s, "explanation": r.explanation}
        for r, s in every
        if s in ("unmet", "partly")
    ]
    overall = _counts(every)
    parts = t("completion-parts-join").join(
        t("completion-level", name=lv["name"], rows=lv["rows"], counts=_said("level", lv)) for lv in levels
    )
    lines = [t("completion-head", rows=overall["rows"], parts=parts, counts=_said("count", overall))]
    lines += [t(f"completion-{s['state']}", name=s["name"], why=s["explanation"]) for s in short]
    return Summary(lines=lines, data={**overall, "levels": levels, "unmet_rows": short})


def _said(style: str, counts: Mapping[str, object]) -> str:
    """完成5项，未完成1项: the states a part has (met always, the others when there are any)."""
    said = [t(f"completion-{style}-{s}", n=counts[s]) for s in STATES if s == "met" or counts[s]]
    return t(f"completion-{style}-join").join(said)


def _counts(rows: list[tuple[NodeResult, str]]) -> dict[str, int]:
    states = [s for _, s in rows]
    return {"rows": len(rows), **{s: states.count(s) for s in STATES}}
