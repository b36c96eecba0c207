"""The project table's own audit checks: rows whose claims their targets and actuals contradict,
and weights the table states against the rubric's.

One module per check, registered here in the order they run.
"""

from __future__ import annotations

from selfeval.audit.base import Check
from selfeval.forms.project_table.checks import cells, table_weights, unexplained_loss, unmet_full

CHECKS: tuple[Check, ...] = tuple(Check.of(m) for m in (unexplained_loss, unmet_full, table_weights, cells))
