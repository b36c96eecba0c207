"""The narrative form: a 自评报告 that answers a fixed indicator tree item by item (Ningxia 2020).

The rubric holds the whole tree; the data file holds the county's figures, evidence and
claims, and the text of each numbered item with the place of each score clause.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from selfeval.forms.interface import Form, Properties, ReportOptions
from selfeval.forms.narrative.checks import CHECKS
from selfeval.forms.narrative.messages import msg
from selfeval.forms.narrative.models import NarrativeData, NarrativeRubric
from selfeval.forms.narrative.skeleton import skeleton
from selfeval.forms.narrative.text import SUBJECT_REFERENCES, fill, references, resolver, texts
from selfeval.i18n import Msg, suggest_msg
from selfeval.load import Document, Loc
from selfeval.models.rubric import Node, Walked
from selfeval.problems import Problem, Severity
from selfeval.provenance import Provenance
from selfeval.scoring import ScoreResult
from selfeval.validate import check_tree, unknown_node
from selfeval.wording import quote

if TYPE_CHECKING:
    from selfeval.forms.narrative.view import NarrativeView


class NarrativeForm(Form[NarrativeRubric, NarrativeData, "NarrativeView"]):
    """The Ningxia narrative self-evaluation report."""

    name = "narrative"
    title = "自评报告"
    rubric_model = NarrativeRubric
    data_model = NarrativeData
    templates: ClassVar[dict[str, str]] = {
        "markdown": "report.md.j2",
        "docx": "report.docx.j2",
        "docx-reference": "report.docx",
    }
    checks = CHECKS

    def tree(self, rubric: NarrativeRubric, data: NarrativeData) -> list[Node]:
        return rubric.sections

    def walked(self, rubric: NarrativeRubric, data: NarrativeData) -> Walked:
        return rubric.walked

    def check_rubric(self, rubric: NarrativeRubric, doc: Document) -> Iterator[Problem]:
        return check_tree(rubric.walked, rubric.sections, rubric, doc)

    def check_data(self, data: NarrativeData, doc: Document, rubric: NarrativeRubric) -> Iterator[Problem]:
        ids = {n.id: n for n, _, _ in rubric.walked}
        known = {*SUBJECT_REFERENCES, *data.figures, *rubric.figures, *rubric.metrics}
        for loc, text in texts(data):
            for ref in references(text):
                if ref.name not in known:
                    hint = suggest_msg(ref.name, known)
                    yield doc.problem(loc, msg("unknown-reference", name=ref.name, hint=hint), "reference")
        for key, item in data.items.items():
            if key not in ids:
                yield doc.problem(("items", key), unknown_node(key, ids), "unknown-node")
            for i, seg in enumerate(item.narrative):
                if seg.score is not None and seg.score not in ids:
                    at = ("items", key, "narrative", i, "score")
                    yield doc.problem(at, unknown_node(seg.score, ids), "unknown-node")

    def left_to_fill(self, rubric: NarrativeRubric, data: NarrativeData, doc: Document) -> Iterator[Problem]:
        d = data.document
        if d is not None:
            if d.number is None and doc.has(("document", "number")):
                yield _to_fill(doc, ("document", "number"), msg("fill-document-number"))
            if d.preamble is None:
                yield _to_fill(doc, ("document", "preamble"), msg("fill-document-preamble"))
        for key, item in data.items.items():
            for i, seg in enumerate(item.narrative):
                if seg.text is None:
                    yield _to_fill(doc, ("items", key, "narrative", i, "text"), msg("fill-narrative", key=key, n=i + 1))
        for i, a in enumerate(data.attachments):
            if a.number is None and doc.has(("attachments", i, "number")):
                yield _to_fill(doc, ("attachments", i, "number"), msg("fill-attachment", n=i + 1, title=quote(a.title)))
        # a numbered item the file does not have at all (a draft, a copy cut short): its text is to write
        at: Loc = ("items",) if doc.has(("items",)) else ()
        for node, _, _ in rubric.walked:
            if (node.number or "").isdigit() and node.id not in data.items:
                yield _to_fill(doc, at, msg("fill-item", n=node.number, title=quote(node.title), key=node.id))

    def view_model(
        self,
        result: ScoreResult[NarrativeRubric, NarrativeData],
        findings: list[Problem],
        provenance: Provenance,
        options: ReportOptions,
    ) -> NarrativeView:
        from selfeval.forms.narrative.view import view_model  # only a document needs a view

        return view_model(result, findings, provenance, options)

    def properties(self, result: ScoreResult[NarrativeRubric, NarrativeData]) -> Properties:
        data = result.data
        if data.document is None:
            return super().properties(result)
        d = data.document
        value = resolver(result)
        title = fill(d.title, value)
        return Properties(title=title, author="、".join(fill(x, value) for x in d.issuers), date=d.date)

    def skeleton(self, rubric: NarrativeRubric, name: str, year: int, previous: NarrativeData | None = None) -> str:
        return skeleton(rubric, name, year, previous)


def _to_fill(doc: Document, loc: Loc, what: Msg) -> Problem:
    return doc.problem(loc, msg("to-fill", where=what), "to-fill", Severity.WARNING)


FORM = NarrativeForm()
"""This form, as the registry (:mod:`selfeval.forms`) takes it."""
