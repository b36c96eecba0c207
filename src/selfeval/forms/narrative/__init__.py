"""The narrative form: a 自评报告 that answers a fixed indicator tree item by item (Ningxia 2020).

The rubric holds the whole tree; the data file holds the county's figures, evidence and
claims, and the text of each numbered item with the place of each score clause.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from selfeval.forms.base import Form, Provenance
from selfeval.forms.narrative.models import NarrativeData, NarrativeRubric
from selfeval.forms.narrative.skeleton import skeleton
from selfeval.forms.narrative.view import view_model
from selfeval.load import Document
from selfeval.models.rubric import Node, Walked
from selfeval.problems import Problem
from selfeval.scoring import ScoreResult
from selfeval.validate import check_tree


class NarrativeForm(Form[NarrativeRubric, NarrativeData]):
    """The Ningxia narrative self-evaluation report."""

    name = "narrative"
    title = "自评报告"
    rubric_model = NarrativeRubric
    data_model = NarrativeData
    default_template = "report.md.j2"

    def tree(self, rubric: NarrativeRubric, data: NarrativeData) -> list[Node]:
        return rubric.sections

    def walked(self, rubric: NarrativeRubric, data: NarrativeData) -> Walked:
        return rubric.walked

    def check_rubric(self, rubric: NarrativeRubric, doc: Document) -> Iterator[Problem]:
        return check_tree(rubric.walked, rubric.sections, rubric, doc)

    def check_data(self, data: NarrativeData, doc: Document, rubric: NarrativeRubric) -> Iterator[Problem]:
        ids = {n.id for n, _, _ in rubric.walked}
        for key, item in data.items.items():
            if key not in ids:
                yield doc.problem(("items", key), f"unknown node {key!r}", "unknown-node")
            for i, seg in enumerate(item.narrative):
                if seg.score is not None and seg.score not in ids:
                    yield doc.problem(
                        ("items", key, "narrative", i, "score"), f"unknown node {seg.score!r}", "unknown-node"
                    )

    def view_model(
        self, result: ScoreResult, findings: list[Problem], provenance: Provenance, with_audit: bool
    ) -> dict[str, Any]:
        return view_model(result, findings, provenance, with_audit)

    def skeleton(self, rubric: NarrativeRubric, name: str, year: int) -> str:
        return skeleton(rubric, name, year)
