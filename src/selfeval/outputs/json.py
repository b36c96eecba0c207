"""JSON: the machine contract. Numbers are JSON numbers, Chinese is not escaped, keys are stable."""

from __future__ import annotations

import json
from typing import IO, Any

from selfeval.batch import Ranking
from selfeval.choices import Format
from selfeval.compare import Comparison, RubricComparison
from selfeval.explain import Explanation
from selfeval.outputs import records
from selfeval.outputs.base import Findings, FormatSpec, Options, write_text
from selfeval.pipeline import Evaluation


def dumps(obj: Any) -> str:
    """JSON as selfeval writes it: UTF-8 text, Chinese unescaped, stable key order."""
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


SPEC = FormatSpec(format=Format.JSON, suffixes=(".json",), binary=False)
"""JSON for programs."""


def score(ev: Evaluation, out: IO[bytes], options: Options) -> None:
    write_text(out, dumps(records.score(ev)))


def gaps(ev: Evaluation, out: IO[bytes], options: Options) -> None:
    write_text(out, dumps(records.gap_rows(ev)))


def ranking(ranking: Ranking, out: IO[bytes], options: Options) -> None:
    rows = records.ranking_rows(ranking)
    for row, source in zip(rows, ranking.rows, strict=True):
        row["problems"] = [records.problem(p) for p in source.problems]
    write_text(out, dumps(rows))


def findings(findings: Findings, out: IO[bytes], options: Options) -> None:
    write_text(out, dumps(records.findings(findings)))


def comparison(comparison: Comparison | RubricComparison, out: IO[bytes], options: Options) -> None:
    c = comparison
    if isinstance(c, RubricComparison):
        changes = [
            {"kind": x.kind, "id": x.id, "title": x.title, "before": x.before, "after": x.after, "detail": x.detail}
            for x in c.changes
        ]
        write_text(out, dumps({"a": c.a_label, "b": c.b_label, "changes": changes}))
        return
    doc: dict[str, Any] = {"a": c.a.label, "b": c.b.label, "lines": records.comparison_rows(c)}
    if not c.same_rubric:  # matched across versions: what matched nothing, and what matched under another id
        doc["unmatched"] = [{"side": u.side, "id": u.id, "title": u.title} for u in c.unmatched]
        doc["renamed"] = [{"a": x, "b": y} for x, y in c.renamed]
    write_text(out, dumps(doc))


def explanation(explanation: Explanation, out: IO[bytes], options: Options) -> None:
    write_text(out, dumps(records.explanation(explanation)))
