"""derived-mismatch: 报告所写的派生数据（人均、比率、占比、“高出N%”）无法用同一文件中的基础数据复算出来（在关系或评
分标准规定的容差之内，默认相对0.5%）。

a stated derived figure (per-capita amount, rate, share, "N% higher")
cannot be reproduced from the base figures in the same file, within the relation's
tolerance or the rubric's (default a relative 0.5%).

PASS: 538.5万元救助3118人，人均1727元
    rubric:
      sections:
        - {id: s1, number: 一, title: 临时救助, points: 1, children: [
            {id: a, number: "8", title: 临时救助水平, points: 1, rule: {kind: fact, fact: aid}}]}
      facts: {aid: 按规定实施临时救助}
      figures:
        temp_aid_persons: {title: 临时救助人数, unit: 人}
        temp_aid_funds: {title: 全年支付临时救助资金, unit: 万元}
        temp_aid_pc: {title: 临时救助人均救助水平, unit: 元}
      relations:
        - {kind: derived, id: temp-aid-pc, title: 人均救助 = 临时救助资金 ÷ 救助人数,
           figure: temp_aid_pc, expr: temp_aid_funds * 10000 / temp_aid_persons}
    data:
      facts: {aid: 是}
      figures: {temp_aid_persons: 3118, temp_aid_funds: 538.5, temp_aid_pc: 1727}
FAIL: 报告写人均1827元，复算为1727.07元
    rubric:
      sections:
        - {id: s1, number: 一, title: 临时救助, points: 1, children: [
            {id: a, number: "8", title: 临时救助水平, points: 1, rule: {kind: fact, fact: aid}}]}
      facts: {aid: 按规定实施临时救助}
      figures:
        temp_aid_persons: {title: 临时救助人数, unit: 人}
        temp_aid_funds: {title: 全年支付临时救助资金, unit: 万元}
        temp_aid_pc: {title: 临时救助人均救助水平, unit: 元}
      relations:
        - {kind: derived, id: temp-aid-pc, title: 人均救助 = 临时救助资金 ÷ 救助人数,
           figure: temp_aid_pc, expr: temp_aid_funds * 10000 / temp_aid_persons}
    data:
      facts: {aid: 是}
      figures: {temp_aid_persons: 3118, temp_aid_funds: 538.5, temp_aid_pc: 1827}
"""

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
