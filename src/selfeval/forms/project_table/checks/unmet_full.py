"""unmet-full: 表中指标未达到年度指标值，自评却得满分。

a row of a performance table missed its target, yet claims its full points. Replaces the
row's claim-differs finding."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit
from selfeval.forms.project_table.checks.rows import claimed_rows
from selfeval.forms.project_table.models import TableData, TableRubric
from selfeval.i18n import msg
from selfeval.numbers import fmt
from selfeval.problems import Problem, Severity

ID = "unmet-full"
SUPERSEDES = ("claim-differs",)


def check(audit: Audit[TableRubric, TableData]) -> Iterator[Problem]:
    for row, r, claimed in claimed_rows(audit.result):
        if not row.target.quantitative or r.top >= r.max or claimed < r.max:
            continue
        what = msg(
            "unmet-full",
            node=r.node.title,
            actual=row.actual.text,
            target=row.target.text,
            claimed=fmt(claimed),
            computed=fmt(r.rounded),
        )
        values = {"stated": fmt(claimed), "expected": fmt(r.rounded)}
        yield audit.finding(Severity.ERROR, ID, r.id, what, ("claims", r.id), values=values)
