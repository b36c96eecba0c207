"""The project table's rows beside their scores, for the checks that compare the two."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from selfeval.forms.project_table.models import Row, TableData, TableRubric
from selfeval.scoring import NodeResult, ScoreResult


def claimed_rows(result: ScoreResult[TableRubric, TableData]) -> Iterator[tuple[Row, NodeResult, Decimal]]:
    """Each indicator row that states a score, with its scored node and that score."""
    data = result.data
    nodes = result.by_id()
    for i, row in enumerate(data.indicators):
        r = nodes.get(data.row_id(i))
        if r is not None and r.claimed is not None:
            yield row, r, r.claimed
