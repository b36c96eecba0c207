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


def test_one_document_has_one_number_in_the_evidence_and_the_attachment_list() -> None:
    # the plan's serial differs; the rules are 无 in one place and numbered in the other; the
    # notice's brackets and quotation marks differ, which is the same number of the same document;
    # a 文号 still to fill (~) or not given is not compared
    found = check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        evidence:
          checker_rules:
            - {title: 关于印发《平罗县社会救助兜底脱贫行动实施方案》的通知, number: 平民发〔2020〕34号}
            - {title: 平罗县临时救助备用金管理制度, number: 无}
            - {title: 关于举办社会救助政策培训班的通知, number: 平民发〔2020〕9号}
            - {title: 平罗县社会救助入户核查员管理办法（试行）, number: ~}
        attachments:
          - title: 关于印发《平罗县社会救助兜底脱贫行动实施方案》的通知
            number: 平民发〔2020〕43号
          - title: 《平罗县临时救助备用金管理制度》
            number: 平民发〔2020〕12号
          - title: 《关于举办社会救助政策培训班的通知》
            number: 平民发［２０２０］９号
          - title: 关于上报核查进展情况的通知
          - {title: 平罗县社会救助入户核查员管理办法（试行）, number: 平民发〔2020〕72号}
          - {title: 关于举办社会救助政策培训班的通知}
        claims: {c17: 2}
        """,
        RUBRIC,
        "document-number",
        (11, 5),
        (13, 5),
    )
    assert [(f.message, f.values, f.severity, f.subject) for f in found] == [
        (
            "“关于印发《平罗县社会救助兜底脱贫行动实施方案》的通知”的文号写作“平民发〔2020〕43号”，"
            "但证明材料（第 5 行）写作“平民发〔2020〕34号”；同一文件的文号应一致",
            {"stated": "平民发〔2020〕43号", "expected": "平民发〔2020〕34号"},
            Severity.ERROR,
            "attachments",
        ),
        (
            "“《平罗县临时救助备用金管理制度》”的文号写作“平民发〔2020〕12号”，"
            "但证明材料（第 6 行）写作“无文号”；同一文件的文号应一致",
            {"stated": "平民发〔2020〕12号", "expected": "无"},
            Severity.ERROR,
            "attachments",
        ),
    ]


def test_a_document_listed_twice_as_evidence_with_two_numbers() -> None:
    # a single document under its slot, and the same one again under another
    check(
        """
        subject: {name: 平罗县, year: 2020}
        rubric: {id: mini, version: "1"}
        evidence:
          checker_rules: {title: 平罗县社会救助入户核查员管理办法（试行）, number: 平民发〔2020〕72号}
          other_rules: {title: 平罗县社会救助入户核查员管理办法（试行）, number: 平民发〔2020〕27号}
        attachments:
          - {title: 平罗县社会救助入户核查员管理办法（试行）}
        claims: {c17: 2}
        """,
        {**RUBRIC, "evidence": {**RUBRIC["evidence"], "other_rules": "另一份"}},
        "document-number",
        (5, 46),  # the second number, where it stands
    )
