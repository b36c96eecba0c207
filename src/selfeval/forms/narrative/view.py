"""The narrative report's view model: the scored tree and the county's text, typed.

The template decides all wording and layout; this hands it strings, lists and records, each
field of :class:`NarrativeView` a name the template can use. Scores are the computed ones,
formatted as the rubric rounds them, or with ``--scores claimed`` the county's own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, TypedDict

from selfeval.choices import Scores
from selfeval.forms.interface import ReportOptions
from selfeval.forms.narrative.models import NarrativeData, NarrativeRubric, Wording
from selfeval.forms.narrative.text import Resolve, fill, resolver
from selfeval.forms.views import ReportView, adjustments_view, findings_view
from selfeval.models.data import unnumbered
from selfeval.models.rubric import NodeType
from selfeval.numbers import fmt, quantize, span
from selfeval.problems import Problem
from selfeval.provenance import Provenance
from selfeval.scoring import NodeResult, ScoreResult
from selfeval.wording import grades

TO_FILL = "【待填】"
"""What the report shows where the data file still has ``~``."""


@dataclass(frozen=True, kw_only=True)
class NodeView:
    """A node of the scored tree: its number, title, points and the score the report carries."""

    id: str
    number: str
    title: str
    type: str
    """``standard``, ``bonus`` or ``deduction`` (compare with ``types``)."""
    max: str
    score: str | None
    """The score the report carries: computed, or claimed (None where the county states none)."""
    computed: str
    claimed: str | None
    differs: bool
    not_applicable: bool
    explanation: str
    heading: str
    """What a section or indicator heading says after its title: （指标分值10分，自评得9分）."""
    plain_heading: str
    """The same for a 公文, where no heading prints a negative number: a deduction the rubric
    writes 「指标分值-20分，自评得-2分」 reads 「最多扣20分，自评扣2分」."""


@dataclass(frozen=True, kw_only=True)
class SegmentView:
    """A run of the county's text, and the clause of the node whose score follows it."""

    text: str
    node: NodeView | None
    added: bool
    """A clause the narrative does not cover, named by its title."""


@dataclass(frozen=True, kw_only=True)
class ItemView(NodeView):
    """A numbered item: its narrative, each score clause with its score."""

    kind: Literal["item"] = "item"
    number_before: str
    """What the rubric writes before an item's number (its ``item_number`` up to ``{n}``)."""
    number_after: str
    """…and after it: 1． or Ningxia's 1. """
    lead: str
    """The item's title and a colon, for an item no heading introduces (directly under a section)."""
    segments: list[SegmentView]


@dataclass(frozen=True, kw_only=True)
class BranchView(NodeView):
    """A section (一、) or an indicator (（一）) and what it holds."""

    kind: Literal["section", "indicator"]
    children: list[ItemView | BranchView]


@dataclass(frozen=True, kw_only=True)
class DocumentView:
    """The report's letterhead, title, addressee, opening and date, and its 版记."""

    issuers: list[str]
    number: str
    signers: list[str]
    """签发人, one per issuer or one for all; empty: none (the 发文字号 then stands centred)."""
    title: str
    addressee: str
    preamble: str
    date: str
    attachments_title: str
    letterhead: str
    """After the issuers in the 发文机关标志: 文件, or "" for none."""
    cc: list[str]
    """抄送机关 (none: the 版记 has no 抄送)."""
    printed_by: str
    """印发机关: as given, else the first issuer's office (平罗县民政局办公室)."""
    printed_on: str
    """印发日期 as the 版记 writes it (2021年3月29日): as given, else the report's date."""


@dataclass(frozen=True, kw_only=True)
class SubjectView:
    name: str
    year: int


@dataclass(frozen=True, kw_only=True)
class RubricView:
    id: str
    version: str
    title: str
    issuer: str
    document_number: str


@dataclass(frozen=True, kw_only=True)
class TotalsView:
    """The parts of the score and the total, as the report carries them."""

    standard_max: str
    standard: str
    bonus_max: str
    bonus: str
    deduction_max: str
    deduction: str
    total: str | None
    computed_total: str
    grade: str
    claimed_total: str | None
    differs: bool
    vetoes: list[str]


@dataclass(frozen=True, kw_only=True)
class AttachmentView:
    title: str
    number: str


@dataclass(frozen=True, kw_only=True)
class NarrativeView(ReportView):
    """Everything the narrative report template may use."""

    document: DocumentView
    subject: SubjectView
    rubric: RubricView
    totals: TotalsView
    sections: list[ItemView | BranchView]
    attachments: list[AttachmentView]
    types: dict[str, str]
    """Each node type by name (``types.deduction``), for comparing with a node's ``type``."""
    opening: str
    """The sentence after the preamble: the points, the bonus and the total, then 现将…报告如下："""


class _NodeFields(TypedDict):
    id: str
    number: str
    title: str
    type: str
    max: str
    score: str | None
    computed: str
    claimed: str | None
    differs: bool
    not_applicable: bool
    explanation: str
    heading: str
    plain_heading: str


def _node(r: NodeResult, scores: Scores, words: Wording) -> _NodeFields:
    computed = span(r.rounded, quantize(r.top, r.places))
    if scores is Scores.CLAIMED:
        shown = None if r.claimed is None else fmt(r.claimed)
    else:
        shown = computed
    return {
        "id": r.id,
        "number": r.node.number or "",
        "title": r.node.title,
        "type": r.type.value,
        "max": fmt(r.max),
        "score": shown,
        "computed": computed,
        "claimed": None if r.claimed is None else fmt(r.claimed),
        "differs": r.differs,
        "not_applicable": r.status == "not_applicable",
        "explanation": r.explanation,
        "heading": _heading(r, shown, words),
        "plain_heading": _heading(r, shown, _plain(words)),
    }


def _heading(r: NodeResult, shown: str | None, words: Wording) -> str:
    """（指标分值10分，自评得9分）: the points and the score, in the rubric's words."""
    deduction = r.type is NodeType.DEDUCTION
    points = (words.deduction_points if deduction else words.points).replace("{max}", fmt(r.max))
    if shown is None:
        return f"（{points}）"
    said = words.deduction_score if deduction else words.score
    if shown == "0":
        said = said.replace("-{score}", "{score}")  # nothing taken off is 0, never -0
    return f"（{points}，{said.replace('{score}', shown)}）"


def _plain(words: Wording) -> Wording:
    """The wording with a deduction's points and score said as what is taken off, where the
    rubric writes them as negative numbers (指标分值-{max}分, 自评得-{score}分)."""
    update = {}
    if "-{max}" in words.deduction_points:
        update["deduction_points"] = Wording.model_fields["deduction_points"].default
    if "-{score}" in words.deduction_score:
        update["deduction_score"] = Wording.model_fields["deduction_score"].default
    return words.model_copy(update=update) if update else words


def _view(r: NodeResult, scores: Scores, words: Wording) -> NodeView:
    return NodeView(**_node(r, scores, words))


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


def _item(data: NarrativeData, r: NodeResult, value: Resolve, scores: Scores, words: Wording) -> ItemView:
    """A numbered item: its narrative, each score clause with the computed score."""
    views = {x.id: x for x in r.walk()}
    item = data.items.get(r.id)
    segments: list[SegmentView] = []
    referenced: set[str] = set()
    if item is not None:
        for seg in item.narrative:
            node = views.get(seg.score) if seg.score else None
            if node is not None:
                referenced.add(node.id)
            text = TO_FILL if seg.text is None else fill(seg.text, value)
            shown = _view(node, scores, words) if node is not None else None
            segments.append(SegmentView(text=text, node=shown, added=False))
    for leaf in (x for x in r.walk() if not x.children):
        if not any(a in referenced for a in _ancestors(r, leaf.id)):
            # A clause the narrative does not cover: the report names it by its title.
            text = leaf.node.title if leaf is not r or item is None else ""
            segments.append(SegmentView(text=text, node=_view(leaf, scores, words), added=True))
    before, _, after = words.item_number.partition("{n}")
    lead = f"{r.node.title}：" if words.item_titles and r.depth == 1 and item is not None else ""
    fields = _node(r, scores, words)
    return ItemView(**fields, number_before=before, number_after=after, lead=lead, segments=segments)


def _tree(data: NarrativeData, r: NodeResult, value: Resolve, scores: Scores, words: Wording) -> ItemView | BranchView:
    if _is_item(r) or not r.children:
        return _item(data, r, value, scores, words)
    return BranchView(
        **_node(r, scores, words),
        kind="section" if r.depth == 0 else "indicator",
        children=[_tree(data, c, value, scores, words) for c in r.children],
    )


def _date(d: dt.date | None) -> str:
    """A date as a 公文 writes it: 2021年3月29日 (no leading zeros)."""
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def _office(issuer: str) -> str:
    """The office that prints an issuer's documents (印发机关): 平罗县民政局办公室."""
    return issuer if issuer.endswith(("办公室", "办公厅")) else f"{issuer}办公室"


def _signers(signer: str | list[str] | None) -> list[str]:
    if signer is None:
        return []
    return [s for s in ([signer] if isinstance(signer, str) else signer) if s.strip()]


def _number(number: str | None) -> str:
    """A 文号 where the report prints one: nothing for none, and nothing for 无 (no 「（无）」 after a title)."""
    return "" if not number or unnumbered(number) else number


def wording(rubric: NarrativeRubric, data: NarrativeData) -> Wording:
    """The report's fixed words: the rubric's, with the county's own changes."""
    own = data.document.wording if data.document is not None else None
    if own is None:
        return rubric.wording
    return rubric.wording.model_copy(update=own.model_dump(exclude_none=True))


def _opening(result: ScoreResult[NarrativeRubric, NarrativeData], total: str | None, words: Wording) -> str:
    """自评标准分值100分，创新工作加分5分，自评得分104分。现将自评情况报告如下："""
    said = f"自评标准分值{fmt(result.standard_max)}分"
    if result.bonus_max:
        said += f"，{words.bonus}{fmt(result.bonus_max)}分"
    if total is not None:
        said += f"，自评得分{total}分"
    return said + "。现将自评情况报告如下："


def view_model(
    result: ScoreResult[NarrativeRubric, NarrativeData],
    findings: list[Problem],
    provenance: Provenance,
    options: ReportOptions,
) -> NarrativeView:
    """Everything the report template may use."""
    data, rubric = result.data, result.rubric
    p = rubric.rounding.places
    value = resolver(result)
    words = wording(rubric, data)
    claimed = options.scores is Scores.CLAIMED
    total = fmt(result.claimed_total) if claimed and result.claimed_total is not None else None
    if not claimed:
        total = span(result.total, result.total_high)
    doc = data.document
    d = doc.date if doc else None
    issuers = [fill(x, value) for x in doc.issuers] if doc else [data.subject.name]
    return NarrativeView(
        document=DocumentView(
            issuers=issuers,
            number=_number(doc.number) if doc else "",
            signers=_signers(doc.signer) if doc else [],
            title=fill(doc.title, value) if doc else f"{data.subject.name}{data.subject.year}年度自评报告",
            addressee=fill(doc.addressee, value) if doc else "",
            preamble=(TO_FILL if doc.preamble is None else fill(doc.preamble, value)) if doc else "",
            date=_date(d),
            attachments_title=fill(doc.attachments_title, value) if doc and doc.attachments_title else "",
            letterhead=words.letterhead,
            cc=[c for c in doc.cc if c.strip()] if doc else [],
            printed_by=doc.printed_by if doc and doc.printed_by else _office(issuers[0]),
            printed_on=_date(doc.printed_on or d) if doc else "",
        ),
        subject=SubjectView(name=data.subject.name, year=data.subject.year),
        rubric=RubricView(
            id=rubric.id,
            version=rubric.version,
            title=rubric.title,
            issuer=rubric.issuer,
            document_number=rubric.document_number,
        ),
        totals=TotalsView(
            standard_max=fmt(result.standard_max),
            standard=span(quantize(result.standard, p), quantize(result.standard_high, p)),
            bonus_max=fmt(result.bonus_max),
            bonus=span(quantize(result.bonus, p), quantize(result.bonus_high, p)),
            deduction_max=fmt(result.deduction_max),
            deduction=span(quantize(result.deduction_low, p), quantize(result.deduction, p)),
            total=total,
            computed_total=span(result.total, result.total_high),
            grade=grades(result.grade, result.grade_high),
            claimed_total=None if result.claimed_total is None else fmt(result.claimed_total),
            differs=result.total_differs,
            vetoes=[v.title for v in result.vetoes],
        ),
        sections=[_tree(data, s, value, options.scores, words) for s in result.sections],
        attachments=[AttachmentView(title=a.title, number=_number(a.number)) for a in data.attachments],
        types={t.name.lower(): t.value for t in NodeType},
        opening=_opening(result, total, words),
        scores=options.scores.value,
        with_audit=options.with_audit,
        findings=findings_view(findings),
        adjustments=adjustments_view(result),
        provenance=provenance,
    )
