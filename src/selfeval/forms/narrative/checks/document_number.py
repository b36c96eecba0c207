"""document-number: 文字中引用的文号不合“机关代字〔年份〕序号号”的标准格式，或所引文件既不在证明材料中也不在材料清单
中。

a 文号 cited in the narrative is not in the standard form
机关代字〔年份〕序号号, or names a document that neither the evidence nor the attachment
list (材料清单) contains.

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
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selfeval.audit.base import Audit
from selfeval.forms.narrative.messages import msg
from selfeval.forms.narrative.models import NarrativeData, NarrativeRubric
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
    known = {a.number for a in data.attachments if a.number}
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
