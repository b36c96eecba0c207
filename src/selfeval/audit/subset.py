"""subset-exceeded: 部分超过了整体（某类户数、救助人数、签订协议数等），评分标准或数据文件声明了两者的包含关系。

a part exceeds its whole (households in a subgroup, people served,
agreements signed) where the rubric or the data declares one a subset of the other.

PASS: 与461名分散供养特困人员的监护人签订协议461份
    rubric:
      sections:
        - {id: s1, number: 一, title: 对象管理, points: 1, children: [
            {id: a, number: "11", title: 委托照料, points: 1, rule: {kind: fact, fact: care}}]}
      facts: {care: 签订委托照料协议}
      figures:
        tekun_dispersed: {title: 分散供养特困人员, unit: 人}
        care_agreements: {title: 签订委托照料协议数, unit: 份}
      relations:
        - {kind: subset, id: care-agreements, title: 协议数不超过分散供养人数,
           part: care_agreements, whole: tekun_dispersed}
    data:
      facts: {care: 是}
      figures: {tekun_dispersed: 461, care_agreements: 461}
FAIL: 签订协议474份，分散供养特困人员只有461人
    rubric:
      sections:
        - {id: s1, number: 一, title: 对象管理, points: 1, children: [
            {id: a, number: "11", title: 委托照料, points: 1, rule: {kind: fact, fact: care}}]}
      facts: {care: 签订委托照料协议}
      figures:
        tekun_dispersed: {title: 分散供养特困人员, unit: 人}
        care_agreements: {title: 签订委托照料协议数, unit: 份}
      relations:
        - {kind: subset, id: care-agreements, title: 协议数不超过分散供养人数,
           part: care_agreements, whole: tekun_dispersed}
    data:
      facts: {care: 是}
      figures: {tekun_dispersed: 461, care_agreements: 474}
"""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit
from selfeval.i18n import msg
from selfeval.models.rubric import SubsetRelation
from selfeval.numbers import fmt
from selfeval.problems import Problem, Severity

ID = "subset-exceeded"


def check(audit: Audit) -> Iterator[Problem]:
    result = audit.result
    ctx = result.context
    for rel in [*result.rubric.relations, *result.data.relations]:
        if not isinstance(rel, SubsetRelation):
            continue
        part, whole = ctx.try_value(rel.part), ctx.try_value(rel.whole)
        if part is None or whole is None or part <= whole:
            continue
        pt, pu = ctx.title(rel.part) if rel.part in result.rubric.figures else (rel.part, "")
        wt, wu = ctx.title(rel.whole) if rel.whole in result.rubric.figures else (rel.whole, "")
        yield audit.finding(
            Severity.ERROR,
            ID,
            rel.id,
            msg("subset-exceeded", rule=rel.title, part=f"{pt}{fmt(part)}{pu}", whole=f"{wt}{fmt(whole)}{wu}"),
            audit.figure_at(rel.part),
            values={"stated": fmt(part), "expected": fmt(whole), "node": rel.node or ""},
        )
