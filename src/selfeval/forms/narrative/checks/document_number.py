"""document-number: 文字中引用的文号不合“机关代字〔年份〕序号号”的标准格式，或所引文件既不在证明材料中也不在材料清单
中；或同一文件（标题相同）在证明材料和材料清单中写了不同的文号。

a 文号 cited in the narrative is not in the standard form
机关代字〔年份〕序号号, or names a document that neither the evidence nor the attachment
list (材料清单) contains; or one document (the same title) has different 文号 where the
evidence and the attachment list cite it.

PASS: 引用“平民发〔2020〕34号”，证明材料中有此文件
    rubric:
      sections:
        - {id: s1, number: 一, title: 临时救助, points: 1, children: [
            {id: c04, number: "4", title: 备用金制度, points: 1, rule: {kind: evidence, requires: [reserve_rules]}}]}
      evidence: {reserve_rules: 临时救助备用金管理制度}
    data:
      evidence:
        reserve_rules: {title: 平罗县临时救助备用金管理制度, number: 平民发〔2020〕34号}
      items:
        c04:
          narrative:
            - {text: 印发了《平罗县临时救助备用金管理制度》（平民发〔2020〕34号）, score: c04}
FAIL: 写成“平民发2020〔34〕号”，年份与序号颠倒
    rubric:
      sections:
        - {id: s1, number: 一, title: 临时救助, points: 1, children: [
            {id: c04, number: "4", title: 备用金制度, points: 1, rule: {kind: evidence, requires: [reserve_rules]}}]}
      evidence: {reserve_rules: 临时救助备用金管理制度}
    data:
      evidence:
        reserve_rules: {title: 平罗县临时救助备用金管理制度, number: 平民发〔2020〕34号}
      items:
        c04:
          narrative:
            - {text: 印发了《平罗县临时救助备用金管理制度》（平民发2020〔34〕号）, score: c04}
FAIL: 同一文件在证明材料中为34号，在材料清单中为43号
    rubric:
      sections:
        - {id: s1, number: 一, title: 临时救助, points: 1, children: [
            {id: c04, number: "4", title: 备用金制度, points: 1, rule: {kind: evidence, requires: [reserve_rules]}}]}
      evidence: {reserve_rules: 临时救助备用金管理制度}
    data:
      evidence:
        reserve_rules: {title: 平罗县临时救助备用金管理制度, number: 平民发〔2020〕34号}
      attachments:
        - {title: 《平罗县临时救助备用金管理制度》, number: 平民发〔2020〕43号}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selfeval.audit.base import Audit
from selfeval.forms.narrative.messages import msg
from selfeval.forms.narrative.models import NarrativeData, NarrativeRubric
from selfeval.i18n import Msg
from selfeval.load import Loc
from selfeval.models.data import unnumbered
from selfeval.numbers import normalise
from selfeval.problems import Problem, Severity

ID = "document-number"

# 发文字号 as GB/T 9704 writes it: issuer code, year in 〔〕, serial, 号 ("平民发〔2020〕34号"), and the
# ways hand-typed reports get it wrong: the year outside the brackets, or other brackets.
_DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fff]{1,10}[发字函办])\s*(?:〔(\d{4})〕|[\[［(（【](\d{4})[\]］)）】])\s*(\d+)\s*号"
)
_DOC_NUMBER_SWAPPED = re.compile(r"([\u4e00-\u9fff]{1,10}[发字函办])\s*(\d{4})\s*〔(\d+)〕\s*号")


def check(audit: Audit[NarrativeRubric, NarrativeData]) -> Iterator[Problem]:
    data = audit.result.data
    numbers = {r.id: r.node.number or r.id for r in audit.result.walk()}
    known = {a.number for a in data.attachments if a.number and not unnumbered(a.number)}
    known |= {d.number for docs in data.evidence.values() for d in docs if d.number}
    seen: set[str] = set()
    for node_id, item in data.items.items():
        label = f"第{numbers.get(node_id, node_id)}项"
        for i, seg in enumerate(item.narrative):
            if not seg.text or "号" not in seg.text:  # most text cites nothing; skip the patterns
                continue
            at = ("items", node_id, "narrative", i, "text")
            for m in _DOC_NUMBER_SWAPPED.finditer(seg.text):
                standard = f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
                yield audit.finding(
                    Severity.WARNING,
                    ID,
                    node_id,
                    msg(
                        "doc-number-swapped",
                        node=label,
                        stated=m.group(0),
                        standard=standard,
                        listed=msg("doc-number-listed") if standard in known else msg("nothing"),
                    ),
                    at,
                    values={"stated": m.group(0), "expected": standard},
                )
                seen.add(standard)
            for m in _DOC_NUMBER.finditer(seg.text):
                year = m.group(2) or m.group(3)
                standard = f"{m.group(1)}〔{year}〕{m.group(4)}号"
                if m.group(2) is None:
                    yield audit.finding(
                        Severity.WARNING,
                        ID,
                        node_id,
                        msg("doc-number-brackets", node=label, stated=m.group(0), standard=standard),
                        at,
                        values={"stated": m.group(0), "expected": standard},
                    )
                if standard not in known and standard not in seen:
                    seen.add(standard)
                    yield audit.finding(
                        Severity.WARNING,
                        ID,
                        node_id,
                        msg("doc-number-unlisted", node=label, standard=standard),
                        at,
                        values={"stated": standard},
                    )
    yield from _one_number_per_document(audit)


_TITLE_MARKS = re.compile(r"[《》〈〉<>“”‘’\"'\s]")
"""What one document's title is quoted or spaced with, here and there: not part of the title."""
_YEAR_BRACKETS = re.compile(r"[\[［(（【〔]\s*(\d{4})\s*[\]］)）】〕]")


def _cited(audit: Audit[NarrativeRubric, NarrativeData]) -> Iterator[tuple[str, str, tuple[Loc, ...], str]]:
    """Each document that says its 文号 (or says it has none), in the order of the file: its title,
    its 文号 as written, where that is, and the subject of a finding (which list it is in)."""
    data = audit.result.data
    for slot, docs in data.evidence.items():
        for i, d in enumerate(docs):
            if d.number or d.no_number:
                yield d.title, d.number or "", (("evidence", slot, i, "number"), ("evidence", slot, "number")), slot
    for i, a in enumerate(data.attachments):
        if a.number:
            said = "" if unnumbered(a.number) else a.number
            yield a.title, said, (("attachments", i, "number"),), "attachments"


def _listed(audit: Audit[NarrativeRubric, NarrativeData], at: tuple[Loc, ...]) -> Msg:
    """Which list a citation is in, and its line: found only for a citation a finding names."""
    if at[0][0] == "attachments":
        return msg("doc-number-in-attachments", line=audit.doc.locate(at[0])[0])
    line = audit.doc.locate(at[0] if audit.doc.has(at[0]) else at[1])[0]
    return msg("doc-number-in-evidence", line=line)


def _one_number_per_document(audit: Audit[NarrativeRubric, NarrativeData]) -> Iterator[Problem]:
    """One document has one 文号: each citation of a title is compared with its first that says one."""
    first: dict[str, tuple[str, str, tuple[Loc, ...]]] = {}
    for title, number, at, subject in _cited(audit):
        key = _TITLE_MARKS.sub("", normalise(title))
        same = _YEAR_BRACKETS.sub(r"〔\1〕", re.sub(r"\s+", "", normalise(number)))  # 〔2020〕 as [2020]
        if key not in first:
            first[key] = (same, number, at)
            continue
        other, written, first_at = first[key]
        if same != other:
            there = _listed(audit, first_at) if audit.placed else msg("nothing")
            none = msg("doc-number-none")
            yield audit.finding(
                Severity.ERROR,
                ID,
                subject,
                msg(
                    "doc-number-differs",
                    title=title.strip(),
                    stated=number or none,
                    other=written or none,
                    where=there,
                ),
                *at,
                values={"stated": number or "无", "expected": written or "无"},
            )
