"""The audit as a whole: every check documented, a clean report clean, and what it finds in Pingluo's report.

Each check's own tests are in the module named for it: ``test_<module>.py`` here for the checks
every form shares, ``tests/forms/<form>/checks/test_<module>.py`` for a form's own."""

from __future__ import annotations

from collections.abc import Callable

from helpers import evaluate_file
from selfeval.audit import CHECKS
from selfeval.examples import split
from selfeval.forms import FORMS
from selfeval.problems import Problem

Small = Callable[..., list[Problem]]


def codes(findings: list[Problem]) -> list[tuple[str, str]]:
    return [(f.code, f.subject) for f in findings]


def test_clean_report_has_no_findings(small: Small) -> None:
    f = small(
        facts={"a": True, "b": True},
        claims={"c1": 3, "c2": 3, "i1": 6, "s1": 6, "total": 6},
        figures={"funds": 1000, "persons": 10, "pc": 100, "part": 5, "whole": 5},
    )
    assert codes(f) == []
    f = small(facts={"a": True, "b": True}, claims={"c1": 3, "c2": 3, "i1": 6, "s1": 6, "total": 7})
    assert codes(f) == [("claim-differs", "total"), ("claim-sum", "total")]


def test_every_check_is_documented() -> None:
    every = [*CHECKS, *(c for f in FORMS.values() for c in f.checks)]
    assert len({c.id for c in every}) == len(every)
    for check in every:
        assert len(check.doc) > 40, check.id
        text, examples = split(check.doc)
        chinese, english = text.split("\n\n", 1)  # a Chinese paragraph, then an English one
        assert chinese.strip() and english.strip(), check.id
        assert {e.verdict for e in examples} == {"PASS", "FAIL"}, check.id


# What a careful reviewer circles in red in Pingluo's report, and why each finding holds.
PINGLUO_EXPECTED = {
    # 二 claims 38, but its indicators claim 8 + 9 + 10 + 4 + 6 = 37 ((九) lost a point on item 27).
    ("claim-sum", "s2"),
    # ...and the computed score of 二 is 37 as well.
    ("claim-differs", "s2"),
    # The opening claims 104; the headings claim 18 + 38 + 44 + 5 − 0 = 105 (三 states none; its items give 44).
    ("claim-sum", "total"),
    # (六) claims 9; its items state 2 + 1 + 2 + 2 + 1 = 8, item 12 stating nothing.
    ("claim-sum", "i06"),
    # Item 12 states no score at all.
    ("claim-missing", "c12"),
    # 910.38万元 over 15,293 person-times is 595.29 元, not 559.9 元.
    ("derived-mismatch", "urban-subsidy-pc"),
    # 6,643.18万元 over 141,511 person-times is 469.45 元, not 379.2 元.
    ("derived-mismatch", "rural-subsidy-pc"),
    # 474 agreements with the guardians of 461 dispersed persons is 102.8 %, not 100 %...
    ("derived-mismatch", "care-agreement-rate"),
    # ...because there are more agreements than dispersed persons.
    ("subset-exceeded", "care-agreements"),
    # 86 labour-migrant households on 低保 out of 51 labour-migrant households.
    ("subset-exceeded", "migrant-dibao-households"),
    # Item 17 cites 平民发2020〔71〕号 and 〔72〕号: year and serial swapped (the attachments have them right).
    ("document-number", "c17"),
    # (一)'s clauses claim 2 + 2 + 2 + 1 + 1 = 8 of its 6 points, (五)'s 4 + 1 + 1 + 2 + 1 = 9 of 8: the
    # rubric caps the sums, which explains the score but does not make the claims add up.
    ("claim-over-points", "i01"),
    ("claim-over-points", "i05"),
    # Item 3's "1个半月" is the only number in the text that is not a figure: nothing checked it.
    ("narrative-unchecked", "c03"),
}


def test_pingluo_findings() -> None:
    found = evaluate_file().findings
    assert set(codes(found)) == PINGLUO_EXPECTED
    # Relations that hold are not reported: 1727 元 per person, 42 % above 1219 元, 35 % housed, 678 = 217 + 461.
    assert all(
        f.subject not in {"temp-aid-pc", "temp-aid-above-region", "disabled-centralized-rate", "tekun-split"}
        for f in found
    )
    messages = {f.subject: f.message for f in found}
    assert "105" in messages["total"] and "104" in messages["total"]
    assert "474" in messages["care-agreements"] and "461" in messages["care-agreements"]
