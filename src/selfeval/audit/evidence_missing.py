"""evidence-missing: 评分规则需要的数据、事实、证明材料或评审评定，数据文件中没有。

a rule needs a figure, fact, document or judgement the data lacks."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, label
from selfeval.i18n import msg
from selfeval.problems import Problem, Severity

ID = "evidence-missing"


def check(audit: Audit) -> Iterator[Problem]:
    for r in audit.result.walk():
        for name in r.missing:
            yield audit.finding(
                Severity.WARNING,
                ID,
                r.id,
                msg("evidence-missing", node=label(r), name=name, why=r.explanation),
                ("items", r.id),
                ("figures",),
                values={"missing": name},
            )
