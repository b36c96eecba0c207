"""document-number: a 文号 cited in the narrative, its form and whether the evidence or attachments list it."""

from __future__ import annotations

from helpers import audit_run, check, leaf, mini_rubric
from selfeval.problems import Severity

FACTS = {"facts": {"a": "甲", "b": "乙"}}

RUBRIC = mini_rubric(
    [
        {
            "id": "s1",
            "number": "四",
            "title": "能力建设",
            "points": 2,
            "children": [
                leaf("c17", 2, {"kind": "evidence", "requires": ["checker_rules"]}, number="17", title="核查员管理"),
            ],
        }
    ],
    evidence={"checker_rules": "社会救助入户核查员管理办法"},
)


def test_document_numbers() -> None:
    sections = [
        {"id": "s1", "title": "一", "points": 1, "children": [leaf("c1", 1, {"kind": "fact", "fact": "a"}, number="1")]}
    ]
    items = {
        "c1": {
            "narrative": [
                {"text": "印发了通知（平民发2020〔71〕号）、（平民发(2020)5号）和（平民发〔2020〕9号）", "score": "c1"}
            ]
        }
    }
    found = audit_run(sections, FACTS, items=items, attachments=[{"title": "通知", "number": "平民发〔2020〕71号"}])
    messages = [f.message for f in found if f.code == "document-number"]
    assert messages == [
        "第1项文号“平民发2020〔71〕号”年份与序号位置颠倒，应为“平民发〔2020〕71号”（材料清单中有此文件）",
        "第1项文号“平民发(2020)5号”应使用六角括号：“平民发〔2020〕5号”",
        "第1项引用的“平民发〔2020〕5号”不在证明材料和材料清单中",
        "第1项引用的“平民发〔2020〕9号”不在证明材料和材料清单中",
    ]


def test_each_finding_is_placed_at_the_text_that_cites_it() -> None:
    # The first text cites 72号 as the evidence lists it; the second swaps year and serial of a listed
    # one; the third cites one neither the evidence nor the attachments hold.
    found = check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        evidence:
          checker_rules: {title: 平罗县社会救助入户核查员管理办法（试行）, number: 平民发〔2020〕72号}
        attachments:
          - {title: 平罗县购买社会救助服务工作项目成果验收考评细则（试行）, number: 平民发〔2020〕71号}
        claims: {c17: 2}
        items:
          c17:
            narrative:
              - text: 印发了《平罗县社会救助入户核查员管理办法（试行）》（平民发〔2020〕72号）
              - text: 、《项目成果验收考评细则（试行）》（平民发2020〔71〕号）
              - text: ，并转发了《关于购买社会救助服务的请示》（平民发〔2019〕2号）
                score: c17
        """,
        RUBRIC,
        "document-number",
        (12, 9),
        (13, 9),
    )
    assert [(f.values, f.severity) for f in found] == [
        ({"stated": "平民发2020〔71〕号", "expected": "平民发〔2020〕71号"}, Severity.WARNING),
        ({"stated": "平民发〔2019〕2号"}, Severity.WARNING),
    ]


def test_a_number_cited_twice_is_reported_once() -> None:
    check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        claims: {c17: 0}
        items:
          c17:
            narrative:
              - text: 按照《关于购买社会救助服务的请示》（平民发〔2019〕2号）
              - text: 的要求（平民发〔2019〕2号），购买社会救助服务
                score: c17
        """,
        RUBRIC,
        "document-number",
        (7, 9),
    )
