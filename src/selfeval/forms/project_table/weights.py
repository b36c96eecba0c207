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


@dataclass(frozen=True)
class Weights:
    """The points of the budget block and of each 一级指标 present in the table, by level id."""

    own: bool
    """The table's own 分值 add up to the rubric's total, and are the ones scored."""
    funding: Decimal
    levels: dict[str, Decimal]


def weights(rubric: TableRubric, data: TableData) -> Weights:
    """The weights ``data`` is scored with."""
    national = Weights(own=False, funding=rubric.funding.points, levels={lv.id: lv.points for lv in rubric.levels})
    if data.more or any(row.points is None for row in data.indicators):
        return national  # points not seen cannot be known to add up
    funding = data.funding.points if data.funding.points is not None else rubric.funding.points
    own = {
        lv.id: sum((row.points or ZERO for row in data.indicators if lv.matches(row.level)), ZERO)
        for lv in rubric.levels
    }
    if funding + sum(own.values(), ZERO) != rubric.total:
        return national
    return Weights(own=True, funding=funding, levels=own)
