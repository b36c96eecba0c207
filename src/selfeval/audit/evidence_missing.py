"""evidence-missing: a rule needs a figure, fact, document or judgement the data lacks."""

from __future__ import annotations

from collections.abc import Iterator

from selfeval.audit.base import Audit, label
from selfeval.problems import Problem, Severity

ID = "evidence-missing"


def check(audit: Audit) -> Iterator[Problem]:
    for r in audit.result.walk():
        for name in r.missing:
            yield audit.finding(
                Severity.WARNING,
                ID,
                r.id,
                f"{label(r)}的评分规则需要“{name}”，数据文件中没有：{r.explanation}",
                f"{r.id} needs {name}, which the data lacks",
                {"missing": name},
                ("items", r.id),
                ("figures",),
            )
