"""Check a report's claims against its own evidence.

Each check is a small function with a stable code; its docstring is its user
documentation (``selfeval audit --list``). All are registered in :data:`CHECKS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from selfeval.choices import Severity
from selfeval.models import DerivedRelation, NodeType, Relation, SubsetRelation
from selfeval.numbers import fmt
from selfeval.scoring import NodeResult, ScoreResult, quantize

ZERO = Decimal(0)


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class Finding:
    """One thing in a report that does not hold, or that a reviewer should know."""

    severity: Severity
    code: str
    subject: str
    """The node id, relation id or figure the finding concerns."""
    message: str
    message_en: str = ""
    values: dict[str, str] = field(default_factory=dict)

    def sort_key(self) -> tuple[int, str, str]:
        return (SEVERITY_ORDER[self.severity], self.code, self.subject)


def _effective_claim(r: NodeResult) -> tuple[Decimal | None, list[str]]:
    """A node's claim, or failing that the sum of its children's, with the ids lacking one."""
    if r.claimed is not None:
        return r.claimed, []
    if not r.children:
        return None, [r.id]
    total, absent, any_claim = ZERO, [], False
    for c in r.children:
        v, miss = _effective_claim(c)
        absent += miss
        if v is not None:
            total += v
            any_claim = True
    return (total if any_claim else None), absent


def _label(r: NodeResult) -> str:
    n = r.node.number
    if n is None:
        return f"{r.node.title}"
    if n.isdigit():
        return f"第{n}项"
    return f"{n}{r.node.title}" if n.startswith("（") else f"{n}、{r.node.title}"


def check_claim_sum(result: ScoreResult) -> Iterator[Finding]:
    """claim-sum: a heading's claimed score differs from what its items' claims add up to
    (capped at the heading's points where the rubric caps it). The total claim is checked
    against the section headings (standard + bonus − deduction)."""
    for r in result.walk():
        if r.claimed is None or not r.children:
            continue
        parts, absent = ZERO, []
        for c in r.children:
            v, miss = _effective_claim(c)
            absent += miss
            parts += v or ZERO
        expected = min(parts, r.max) if r.node.children_exceed else parts
        if expected == r.claimed:
            continue
        note = f"（{'、'.join(absent)}未写得分）" if absent else ""
        yield Finding(
            Severity.WARNING if absent else Severity.ERROR,
            "claim-sum",
            r.id,
            f"{_label(r)}自评{fmt(r.claimed)}分，但其下各项自评得分合计{fmt(expected)}分{note}",
            f"{r.id} claims {fmt(r.claimed)} but its items' claims add up to {fmt(expected)}",
            {"claimed": fmt(r.claimed), "children": fmt(expected), "absent": ",".join(absent)},
        )
    if result.claimed_total is not None:
        total, terms, absent = ZERO, [], []
        for s in result.sections:
            v, miss = _effective_claim(s)
            absent += miss
            v = v or ZERO
            sign = -1 if s.type is NodeType.DEDUCTION else 1
            total += sign * v
            derived = "（未写，按各项合计）" if s.claimed is None and v else ""
            terms.append(f"{' − ' if sign < 0 else ' + '}{s.node.number or s.id}{fmt(v)}{derived}")
        if total != result.claimed_total:
            shown = "".join(terms).removeprefix(" + ")
            yield Finding(
                Severity.ERROR,
                "claim-sum",
                "total",
                f"自评总分{fmt(result.claimed_total)}分，但各部分自评得分合计{fmt(total)}分（{shown}）",
                f"total claim {fmt(result.claimed_total)} but the sections' claims add up to {fmt(total)}",
                {"claimed": fmt(result.claimed_total), "children": fmt(total)},
            )


def check_claim_over_points(result: ScoreResult) -> Iterator[Finding]:
    """claim-over-points: the children's claimed scores add up to more than the node's points,
    where the rubric does not say that the children are capped."""
    for r in result.walk():
        if not r.children or r.node.children_exceed:
            continue
        total = sum((v for v, _ in map(_effective_claim, r.children) if v is not None), ZERO)
        if total > r.max:
            yield Finding(
                Severity.ERROR,
                "claim-over-points",
                r.id,
                f"{_label(r)}下各项自评合计{fmt(total)}分，超过本项分值{fmt(r.max)}分",
                f"{r.id}: children claim {fmt(total)}, more than its {fmt(r.max)} points",
                {"children": fmt(total), "points": fmt(r.max)},
            )


def check_claim_differs(result: ScoreResult) -> Iterator[Finding]:
    """claim-differs: a claimed score differs from the score computed from the evidence."""
    places = result.rubric.rounding.places
    for r in result.walk():
        if r.claimed is None:
            continue
        computed = quantize(r.score, places)
        if computed != r.claimed:
            verb = "扣" if r.type is NodeType.DEDUCTION else "得"
            yield Finding(
                Severity.ERROR,
                "claim-differs",
                r.id,
                f"{_label(r)}自评{verb}{fmt(r.claimed)}分，按证据计算应{verb}{fmt(computed)}分：{r.explanation}",
                f"{r.id} claims {fmt(r.claimed)}, computed {fmt(computed)}",
                {"claimed": fmt(r.claimed), "computed": fmt(computed)},
            )
    if result.claimed_total is not None and result.total != result.claimed_total:
        yield Finding(
            Severity.ERROR,
            "claim-differs",
            "total",
            f"自评总分{fmt(result.claimed_total)}分，按证据计算总分为{fmt(result.total)}分",
            f"total claims {fmt(result.claimed_total)}, computed {fmt(result.total)}",
            {"claimed": fmt(result.claimed_total), "computed": fmt(result.total)},
        )


def check_claim_missing(result: ScoreResult) -> Iterator[Finding]:
    """claim-missing: a numbered criterion states no claimed score, at its own level or below."""
    for r in result.walk():
        number = r.node.number or ""
        if not number.isdigit():
            continue
        claim, _ = _effective_claim(r)
        if claim is None:
            yield Finding(
                Severity.WARNING,
                "claim-missing",
                r.id,
                f"{_label(r)}（{r.node.title}，{fmt(r.max)}分）未写自评得分",
                f"{r.id} has no claimed score",
                {"points": fmt(r.max)},
            )


def check_evidence_missing(result: ScoreResult) -> Iterator[Finding]:
    """evidence-missing: a rule needs a figure, fact, document or judgement the data lacks."""
    for r in result.walk():
        for name in r.missing:
            yield Finding(
                Severity.WARNING,
                "evidence-missing",
                r.id,
                f"{_label(r)}的评分规则需要“{name}”，数据文件中没有：{r.explanation}",
                f"{r.id} needs {name}, which the data lacks",
                {"missing": name},
            )


def _relations(result: ScoreResult) -> list[Relation]:
    return [*result.rubric.relations, *result.data.relations]


def check_derived(result: ScoreResult) -> Iterator[Finding]:
    """derived-mismatch: a stated derived figure (per-capita amount, rate, share, "N% higher")
    cannot be reproduced from the base figures in the same file, within the relation's
    tolerance or the rubric's (default a relative 0.5%)."""
    ev = result.evidence
    default = result.rubric.tolerance
    for rel in _relations(result):
        if not isinstance(rel, DerivedRelation):
            continue
        stated = ev.try_value(rel.figure)
        computed = ev.try_value(rel.expr)
        if stated is None or computed is None:
            continue
        tol = rel.tolerance or default
        diff = abs(stated - computed)
        allowed = ZERO
        if tol.absolute is not None:
            allowed = max(allowed, tol.absolute)
        if tol.relative is not None:
            allowed = max(allowed, tol.relative * abs(computed))
        if diff <= allowed:
            continue
        title, unit = ev.title(rel.figure)
        title = title.removesuffix("（报告所述）")
        rel_pct = f"，相差{fmt(diff / abs(computed) * 100, 1)}%" if computed else ""
        yield Finding(
            Severity.ERROR,
            "derived-mismatch",
            rel.id,
            f"{title}报告为{fmt(stated)}{unit}，按“{rel.title}”复算为{fmt(computed)}{unit}{rel_pct}",
            f"{rel.figure} is stated as {fmt(stated)} but {rel.expr} gives {fmt(computed)}",
            {"stated": fmt(stated), "computed": fmt(computed), "node": rel.node or ""},
        )


def check_subset(result: ScoreResult) -> Iterator[Finding]:
    """subset-exceeded: a part exceeds its whole (households in a subgroup, people served,
    agreements signed) where the rubric or the data declares one a subset of the other."""
    ev = result.evidence
    for rel in _relations(result):
        if not isinstance(rel, SubsetRelation):
            continue
        part, whole = ev.try_value(rel.part), ev.try_value(rel.whole)
        if part is None or whole is None or part <= whole:
            continue
        pt, pu = ev.title(rel.part) if rel.part in ev.rubric.figures else (rel.part, "")
        wt, wu = ev.title(rel.whole) if rel.whole in ev.rubric.figures else (rel.whole, "")
        yield Finding(
            Severity.ERROR,
            "subset-exceeded",
            rel.id,
            f"{rel.title}：{pt}{fmt(part)}{pu}，超过{wt}{fmt(whole)}{wu}",
            f"{rel.part} = {fmt(part)} exceeds {rel.whole} = {fmt(whole)}",
            {"part": fmt(part), "whole": fmt(whole), "node": rel.node or ""},
        )


# 发文字号 as GB/T 9704 writes it: issuer code, year in 〔〕, serial, 号 ("平民发〔2020〕34号"), and the
# ways hand-typed reports get it wrong: the year outside the brackets, or other brackets.
_DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fff]{1,10}[发字函办])\s*(?:〔(\d{4})〕|[\[［(（【](\d{4})[\]］)）】])\s*(\d+)\s*号"
)
_DOC_NUMBER_SWAPPED = re.compile(r"([\u4e00-\u9fff]{1,10}[发字函办])\s*(\d{4})\s*〔(\d+)〕\s*号")


def check_document_numbers(result: ScoreResult) -> Iterator[Finding]:
    """document-number: a 文号 cited in the narrative is not in the standard form
    机关代字〔年份〕序号号, or names a document that neither the evidence nor the attachment
    list (材料清单) contains."""
    data = result.data
    numbers = {r.id: r.node.number or r.id for r in result.walk()}
    known = {a.number for a in data.attachments if a.number}
    known |= {d.number for docs in data.evidence.values() for d in docs if d.number}
    seen: set[str] = set()
    for node_id, item in data.items.items():
        for seg in item.narrative:
            for m in _DOC_NUMBER_SWAPPED.finditer(seg.text):
                standard = f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
                yield Finding(
                    Severity.WARNING,
                    "document-number",
                    node_id,
                    f"第{numbers.get(node_id, node_id)}项文号“{m.group(0)}”年份与序号位置颠倒，"
                    f"应为“{standard}”" + ("（材料清单中有此文件）" if standard in known else ""),
                    f"{m.group(0)} should read {standard}",
                    {"stated": m.group(0), "standard": standard},
                )
                seen.add(standard)
            for m in _DOC_NUMBER.finditer(seg.text):
                year = m.group(2) or m.group(3)
                standard = f"{m.group(1)}〔{year}〕{m.group(4)}号"
                if m.group(2) is None:
                    yield Finding(
                        Severity.WARNING,
                        "document-number",
                        node_id,
                        f"第{numbers.get(node_id, node_id)}项文号“{m.group(0)}”应使用六角括号：“{standard}”",
                        f"{m.group(0)} should read {standard}",
                        {"stated": m.group(0), "standard": standard},
                    )
                if standard not in known and standard not in seen:
                    seen.add(standard)
                    yield Finding(
                        Severity.WARNING,
                        "document-number",
                        node_id,
                        f"第{numbers.get(node_id, node_id)}项引用的“{standard}”不在证明材料和材料清单中",
                        f"{standard} is cited but neither attached nor given as evidence",
                        {"stated": standard},
                    )


def check_veto(result: ScoreResult) -> Iterator[Finding]:
    """veto: a one-vote veto (一票否决) applies and caps the grade or the total."""
    for v in result.vetoes:
        effect = f"等次最高为{v.max_grade}" if v.max_grade else f"总分最高{fmt(v.max_total or ZERO)}分"
        yield Finding(
            Severity.ERROR, "veto", v.id, f"一票否决：{v.title}（{effect}）", f"veto {v.id} applies", {"fact": v.fact}
        )


def check_not_applicable(result: ScoreResult) -> Iterator[Finding]:
    """not-applicable: a node was declared not applicable; says how the score treated it."""
    for r in result.walk():
        if r.status == "not_applicable" and r.id in result.data.not_applicable:
            yield Finding(
                Severity.INFO,
                "not-applicable",
                r.id,
                f"{_label(r)}{r.explanation}",
                f"{r.id} is not applicable ({r.na_policy.value if r.na_policy else ''})",
                {"policy": r.na_policy.value if r.na_policy else ""},
            )


CHECKS: dict[str, Callable[[ScoreResult], Iterator[Finding]]] = {
    "claim-sum": check_claim_sum,
    "claim-over-points": check_claim_over_points,
    "claim-differs": check_claim_differs,
    "claim-missing": check_claim_missing,
    "evidence-missing": check_evidence_missing,
    "derived-mismatch": check_derived,
    "subset-exceeded": check_subset,
    "document-number": check_document_numbers,
    "veto": check_veto,
    "not-applicable": check_not_applicable,
}
"""Every audit check, by its finding code."""


def audit(result: ScoreResult) -> list[Finding]:
    """Run every check; findings sorted by severity, then code, then subject."""
    found = [f for check in CHECKS.values() for f in check(result)]
    return sorted(found, key=Finding.sort_key)
