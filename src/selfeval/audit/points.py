"""points-differ: 报告写的标题分值或自评标准总分与评分标准不符：报告按另一版本的标准写成，或抄错了。

the report states points (分值) for a heading or the total that differ from
the rubric's: the report was written against another version of the standard, or miscopied it.

PASS: 报告写的“指标分值4分”与评分标准一致
    rubric:
      sections:
        - {id: s1, number: 一, title: 特困供养, points: 4, children: [
            {id: a, number: "6", title: 特困供养标准, points: 4, rule: {kind: fact, fact: standard}}]}
      facts: {standard: 特困供养标准不低于当地低保标准的1.3倍}
    data:
      facts: {standard: 是}
      points: {total: 4, s1: 4}
FAIL: 报告沿用上一年标准，写“指标分值5分”
    rubric:
      sections:
        - {id: s1, number: 一, title: 特困供养, points: 4, children: [
            {id: a, number: "6", title: 特困供养标准, points: 4, rule: {kind: fact, fact: standard}}]}
      facts: {standard: 特困供养标准不低于当地低保标准的1.3倍}
    data:
      facts: {standard: 是}
      points: {total: 4, s1: 5}
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, label
from selfeval.i18n import msg
from selfeval.numbers import fmt
from selfeval.problems import Problem, Severity

ID = "points-differ"


def check(audit: Audit) -> Iterator[Problem]:
    result = audit.result
    nodes = result.by_id()
    for key, stated in result.data.points.items():
        if key == "total":
            what, points = msg("standard-points"), result.standard_max
        elif key in nodes:
            what, points = msg("node-points", node=label(nodes[key])), nodes[key].max
        else:
            continue  # loading refuses an unknown node
        if abs(stated) != points:
            yield audit.finding(
                Severity.ERROR,
                ID,
                key,
                msg("points-differ", what=what, stated=fmt(stated), points=fmt(points)),
                ("points", key),
                values={"stated": fmt(stated), "expected": fmt(points)},
            )
