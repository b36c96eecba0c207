"""Which weights a table is scored with: its own 分值 when they add up to the rubric's total,
else the national ones.

The national form (财预〔2020〕10号) weights the budget block and the 一级指标 (10, 50, 30, 10),
and most tables follow it; but a province or a department may weight its own (满意度 20). A
table whose own 分值 add up to the total is scored with them, and each departure from the
national weights is a warning naming both (the table-weights check); the national weights
cap only a table whose own do not add up.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from selfeval.forms.project_table.models import TableData, TableRubric
from selfeval.numbers import ZERO


@dataclass(frozen=True, kw_only=True)
class Weights:
    """The points of the budget block, of each 一级指标 (by level id) and of each row (by index)."""

    own: bool
    """The table's own 分值 add up to the rubric's total, and are the ones scored."""
    funding: Decimal
    levels: dict[str, Decimal]
    rows: dict[int, Decimal]
    """Each row's points: as the table states them, or for a row that states none, an equal share
    of what its level's weight leaves (:attr:`shared`)."""
    shared: frozenset[int] = frozenset()
    """The rows whose points are a share, not the table's."""


def weights(rubric: TableRubric, data: TableData) -> Weights:
    """The weights ``data`` is scored with."""
    stated = {i: row.points for i, row in enumerate(data.indicators) if row.points is not None}
    if not data.more and len(stated) == len(data.indicators):
        funding = data.funding.points if data.funding.points is not None else rubric.funding.points
        own = {
            lv.id: sum((p for i, p in stated.items() if lv.matches(data.indicators[i].level)), ZERO)
            for lv in rubric.levels
        }
        if funding + sum(own.values(), ZERO) == rubric.total:
            return Weights(own=True, funding=funding, levels=own, rows=stated)
    # the national weights: rows that state no 分值 share what their level's weight leaves
    rows = dict(stated)
    national = national_levels(rubric, data)
    for lv in (lv for lv in rubric.levels if lv.id in national):
        level_rows = [i for i, row in enumerate(data.indicators) if lv.matches(row.level)]
        unstated = [i for i in level_rows if i not in stated]
        left = national[lv.id] - sum((stated[i] for i in level_rows if i in stated), ZERO)
        for i in unstated:  # (stated rows that take the whole weight leave the rest an equal share of it)
            rows[i] = left / len(unstated) if left > 0 else national[lv.id] / len(level_rows)
    levels = national_levels(rubric, data)
    return Weights(
        own=False, funding=rubric.funding.points, levels=levels, rows=rows, shared=frozenset(rows) - set(stated)
    )


def national_levels(rubric: TableRubric, data: TableData) -> dict[str, Decimal]:
    """Each level's national weight for this table: a level carved out of another (成本指标 out of
    产出指标) takes its points from it when the table has rows of it, and is absent otherwise."""
    present = {lv.id for lv in rubric.levels if any(lv.matches(row.level) for row in data.indicators)}
    out = {lv.id: lv.points for lv in rubric.levels if lv.within is None or lv.id in present}
    for lv in rubric.levels:
        if lv.within is not None and lv.id in present:
            out[lv.within] -= lv.points
    return out
