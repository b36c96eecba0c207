"""The narrative report's view model: the scored tree and the county's text as plain data.

The template decides all wording and layout; this hands it strings, lists and dicts.
Scores are the computed ones, formatted as the rubric rounds them.
"""

from __future__ import annotations

from typing import Any

from selfeval.forms.base import Provenance
from selfeval.forms.narrative.models import NarrativeData
from selfeval.models.rubric import NodeType
from selfeval.numbers import fmt, quantize
from selfeval.problems import Problem
from selfeval.scoring import NodeResult, ScoreResult


def _node(r: NodeResult) -> dict[str, Any]:
    return {
        "id": r.id,
        "number": r.node.number or "",
        "title": r.node.title,
        "type": r.type.value,
        "max": fmt(r.max),
        "score": fmt(r.rounded),
        "claimed": None if r.claimed is None else fmt(r.claimed),
        "differs": r.differs,
        "not_applicable": r.status == "not_applicable",
        "explanation": r.explanation,
    }


def _is_item(r: NodeResult) -> bool:
    return (r.node.number or "").isdigit()


def _ancestors(root: NodeResult, target: str) -> list[str]:
    """Ids from ``root`` down to ``target`` (inclusive), or [] when not below root."""
    if root.id == target:
        return [root.id]
    for c in root.children:
        below = _ancestors(c, target)
        if below:
            return [root.id, *below]
    return []


def _item(data: NarrativeData, r: NodeResult) -> dict[str, Any]:
    """A numbered item: its narrative, each score clause with the computed score."""
    views = {x.id: x for x in r.walk()}
    item = data.items.get(r.id)
    segments: list[dict[str, Any]] = []
    referenced: set[str] = set()
    if item is not None:
        for seg in item.narrative:
            node = views.get(seg.score) if seg.score else None
            if node is not None:
                referenced.add(node.id)
            segments.append({"text": seg.text, "node": _node(node) if node is not None else None, "added": False})
    for leaf in (x for x in r.walk() if not x.children):
        if not any(a in referenced for a in _ancestors(r, leaf.id)):
            # A clause the narrative does not cover: the report names it by its title.
            text = leaf.node.title if leaf is not r or item is None else ""
            segments.append({"text": text, "node": _node(leaf), "added": True})
    return {"kind": "item", **_node(r), "segments": segments}


def _tree(data: NarrativeData, r: NodeResult) -> dict[str, Any]:
    if _is_item(r) or not r.children:
        return _item(data, r)
    return {
        "kind": "section" if r.depth == 0 else "indicator",
        **_node(r),
        "children": [_tree(data, c) for c in r.children],
    }


def view_model(
    result: ScoreResult, findings: list[Problem], provenance: Provenance, with_audit: bool
) -> dict[str, Any]:
    """Everything the report template may use."""
    data, rubric = result.data, result.rubric
    if not isinstance(data, NarrativeData):  # the form chose the model when it loaded the file
        raise TypeError(f"a narrative report needs narrative data, not {type(data).__name__}")
    p = rubric.rounding.places
    doc = data.document
    d = doc.date if doc else None
    return {
        "document": {
            "issuers": list(doc.issuers) if doc else [data.subject.name],
            "number": doc.number if doc and doc.number else "",
            "title": doc.title if doc else f"{data.subject.name}{data.subject.year}年度自评报告",
            "addressee": doc.addressee if doc else "",
            "preamble": doc.preamble if doc else "",
            "date": f"{d.year}年{d.month}月{d.day}日" if d else "",
            "attachments_title": doc.attachments_title if doc and doc.attachments_title else "",
        },
        "subject": {"name": data.subject.name, "year": data.subject.year},
        "rubric": {
            "id": rubric.id,
            "version": rubric.version,
            "title": rubric.title,
            "issuer": rubric.issuer,
            "document_number": rubric.document_number,
        },
        "totals": {
            "standard_max": fmt(result.standard_max),
            "standard": fmt(quantize(result.standard, p)),
            "bonus_max": fmt(result.bonus_max),
            "bonus": fmt(quantize(result.bonus, p)),
            "deduction_max": fmt(result.deduction_max),
            "deduction": fmt(quantize(result.deduction, p)),
            "total": fmt(result.total),
            "grade": result.grade,
            "claimed_total": None if result.claimed_total is None else fmt(result.claimed_total),
            "differs": result.total_differs,
            "vetoes": [v.title for v in result.vetoes],
        },
        "sections": [_tree(data, s) for s in result.sections],
        "attachments": [{"title": a.title, "number": a.number or ""} for a in data.attachments],
        "with_audit": with_audit,
        "findings": [
            {
                "severity": f.severity.value,
                "code": f.code,
                "subject": f.subject,
                "message": f.message,
                "stated": f.values.get("stated", ""),
                "expected": f.values.get("expected", ""),
            }
            for f in findings
        ],
        "provenance": {
            "rubric_id": provenance.rubric_id,
            "rubric_version": provenance.rubric_version,
            "rubric_sha256": provenance.rubric_sha256,
            "data_sha256": provenance.data_sha256,
            "selfeval_version": provenance.selfeval_version,
        },
        "types": {t.name.lower(): t.value for t in NodeType},
    }
