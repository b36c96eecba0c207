"""derived-mismatch: 报告所写的派生数据（人均、比率、占比、“高出N%”）无法用同一文件中的基础数据复算出来（在关系或评
分标准规定的容差之内，默认相对0.5%）。

a stated derived figure (per-capita amount, rate, share, "N% higher")
cannot be reproduced from the base figures in the same file, within the relation's
tolerance or the rubric's (default a relative 0.5%)."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit
from selfeval.i18n import msg
from selfeval.models.rubric import DerivedRelation
from selfeval.numbers import ZERO, fmt
from selfeval.problems import Problem, Severity
from selfeval.wording import quote

ID = "derived-mismatch"


def check(audit: Audit) -> Iterator[Problem]:
    result = audit.result
    ctx = result.context
    default = result.rubric.tolerance
    for rel in [*result.rubric.relations, *result.data.relations]:
        if not isinstance(rel, DerivedRelation):
            continue
        stated = ctx.try_value(rel.figure)
        computed = ctx.try_value(rel.expr)
        if stated is None or computed is None:
            continue
        tol = rel.tolerance or default
        diff = abs(stated - computed)
        allowed = ZERO
        if tol.absolute is not None:
            allowed = max(allowed, tol.absolute)
        if tol.relative is not None:
            allowed = max(allowed, tol.relative * abs(computed))
        if diff <= allowed:
            continue
        title, unit = ctx.title(rel.figure)
        title = title.removesuffix("（报告所述）")
        if unit in ("%", "％"):  # a rate is off by percentage points, not by a share of itself
            off = msg("points-diff", diff=fmt(diff, 2))
        elif computed:
            off = msg("relative-diff", pct=fmt(diff / abs(computed) * 100, 1))
        else:
            off = msg("nothing")
        yield audit.finding(
            Severity.ERROR,
            ID,
            rel.id,
            msg(
                "derived-mismatch",
                title=title,
                stated=fmt(stated),
                unit=unit,
                rule=quote(rel.title),
                computed=fmt(computed),
                off=off,
            ),
            audit.figure_at(rel.figure),
            values={"stated": fmt(stated), "expected": fmt(computed), "node": rel.node or ""},
        )
