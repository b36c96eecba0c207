"""Rule kinds: how a leaf criterion turns evidence into points.

One module per kind; this is the one place they are registered. :data:`Rule` is the
union a rubric's ``rule:`` is read as (chosen by ``kind``), and :data:`RULES` the same
kinds by name, derived from it so the two cannot drift apart.
"""

from __future__ import annotations

from typing import Annotated, get_args

from pydantic import Field

from selfeval.rules.bands import BandsRule
from selfeval.rules.base import Clause, Context, Judged, Outcome, RuleBase
from selfeval.rules.completion import CompletionRule
from selfeval.rules.evidence import EvidenceRule
from selfeval.rules.evidence_tiers import EvidenceTiersRule
from selfeval.rules.fact import FactRule
from selfeval.rules.indicator import IndicatorRule
from selfeval.rules.judged import JudgedRule
from selfeval.rules.per_occurrence import PerOccurrenceRule
from selfeval.rules.per_unit import PerUnitRule
from selfeval.rules.ratio import RatioRule
from selfeval.rules.target import TargetRule
from selfeval.rules.threshold import ThresholdRule
from selfeval.rules.tiers import TiersRule
from selfeval.rules.tolerance import ToleranceRule

Rule = Annotated[
    EvidenceRule
    | EvidenceTiersRule
    | FactRule
    | ThresholdRule
    | BandsRule
    | PerUnitRule
    | RatioRule
    | TargetRule
    | ToleranceRule
    | PerOccurrenceRule
    | JudgedRule
    | IndicatorRule
    | TiersRule
    | CompletionRule,
    Field(discriminator="kind"),
]


def kind_of(cls: type[RuleBase]) -> str:
    """The ``kind`` value that selects a rule class in a rubric."""
    (kind,) = get_args(cls.model_fields["kind"].annotation)
    return str(kind)


RULES: dict[str, type[RuleBase]] = {kind_of(c): c for c in get_args(get_args(Rule)[0])}
"""Every rule kind, by the ``kind`` value that selects it, in the order above."""

__all__ = ["RULES", "Clause", "Context", "Judged", "JudgedRule", "Outcome", "Rule", "RuleBase", "kind_of"]
