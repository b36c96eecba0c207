"""How far a table's rows were completed: each row met, not met or undecided, counted per
一级指标 and overall, with what fell short.

For a table without 分值 this is what its self-evaluation says; for any table it is the reading
a reviewer starts from.
"""

from __future__ import annotations

from selfeval.forms.interface import Summary
from selfeval.forms.project_table.messages import t
from selfeval.forms.project_table.models import TableData, TableRubric
from selfeval.scoring import NodeResult, ScoreResult


def state(r: NodeResult) -> str:
    """``met``, ``unmet`` or ``undecided`` (an unknown input or a judgement still to make)."""
    if r.ranged:
        return "undecided"
    return "met" if r.score >= r.max else "unmet"


def summary(result: ScoreResult[TableRubric, TableData]) -> Summary:
    """The rows' completion, per level and overall."""
    data, nodes = result.data, result.by_id()
    levels: list[dict[str, object]] = []
    every: list[NodeResult] = []
    for level in result.rubric.levels:
        rows = [nodes[data.row_id(i)] for i, row in enumerate(data.indicators) if level.matches(row.level)]
        if rows:
            levels.append({"id": level.id, "name": level.name, **_counts(rows)})
            every += rows
    short = [{"id": r.id, "name": r.node.title, "explanation": r.explanation} for r in every if state(r) == "unmet"]
    overall = _counts(every)
    parts = "；".join(t("completion-level", **lv) for lv in levels)
    lines = [t("completion-head", parts=parts, **overall)]
    lines += [t("completion-short", name=s["name"], why=s["explanation"]) for s in short]
    return Summary(lines=lines, data={**overall, "levels": levels, "unmet_rows": short})


def _counts(rows: list[NodeResult]) -> dict[str, int]:
    states = [state(r) for r in rows]
    return {"rows": len(rows), **{s: states.count(s) for s in ("met", "unmet", "undecided")}}
