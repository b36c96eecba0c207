"""The ``judged`` rule kind."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from selfeval.numbers import ZERO, fmt
from selfeval.rules.base import Clause, Context, Outcome, RuleBase


class JudgedRule(RuleBase):
    """An assessor's judgement: the points come from the data file's ``judgements`` entry for
    the node, which must give a written reason. Without a judgement the node scores nothing
    and is reported as missing. ``guidance`` tells the assessor what to look at."""

    kind: Literal["judged"]
    guidance: str = Field(min_length=1)

    def score(self, ctx: Context, clause: Clause) -> Outcome:
        j = ctx.judgement(clause.id)
        if j is None:
            return Outcome(
                ZERO,
                f"须由评审人员按“{self.guidance}”评定，尚无评定，暂不计分",
                missing=[f"judgements.{clause.id}"],
                gap="由评审人员评定并写明理由",
            )
        given, reason = j
        got = min(max(given, ZERO), clause.points)
        return Outcome(got, f"评审评定{clause.verb}{fmt(got)}分：{reason}", used=[f"judgements.{clause.id}"])
