"""JSON: the machine contract. Numbers are JSON numbers, Chinese is not escaped, keys are stable."""

from __future__ import annotations

import json
from typing import IO, Any

from selfeval.batch import Ranking
from selfeval.choices import Format
from selfeval.compare import Comparison
from selfeval.explain import Explanation
from selfeval.outputs import records
from selfeval.outputs.base import Findings, Reporter, write_text
from selfeval.pipeline import Evaluation


def dumps(obj: Any) -> str:
    """JSON as selfeval writes it: UTF-8 text, Chinese unescaped, stable key order."""
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


class JsonReporter(Reporter):
    """JSON for programs."""

    format = Format.JSON
    suffixes = (".json",)

    def score(self, ev: Evaluation, out: IO[bytes]) -> None:
        write_text(out, dumps(records.score(ev)))

    def gaps(self, ev: Evaluation, out: IO[bytes]) -> None:
        write_text(out, dumps(records.gap_rows(ev)))

    def ranking(self, ranking: Ranking, out: IO[bytes]) -> None:
        rows = records.ranking_rows(ranking)
        for row, source in zip(rows, ranking.rows, strict=True):
            row["problems"] = [records.problem(p) for p in source.problems]
        write_text(out, dumps(rows))

    def findings(self, findings: Findings, out: IO[bytes]) -> None:
        write_text(out, dumps(records.findings(findings)))

    def comparison(self, comparison: Comparison, out: IO[bytes]) -> None:
        c = comparison
        write_text(out, dumps({"a": c.a.label, "b": c.b.label, "lines": records.comparison_rows(c)}))

    def explanation(self, explanation: Explanation, out: IO[bytes]) -> None:
        write_text(out, dumps(records.explanation(explanation)))
