"""Figure references in a narrative (:mod:`selfeval.forms.narrative.text`): each number entered once,
in ``figures:``, and printed where the text says ``{key}``."""

from __future__ import annotations

import re
from decimal import Decimal

from helpers import DATA
from selfeval.forms.narrative.text import SUBJECT_REFERENCES, Reference, fill, references
from selfeval.numbers import as_written

MUST_APPEAR_ONCE = ["474", "559.9", "379.2", "910.38", "15293", "6643.18", "141511", "12325", "18102", "1727", "538.5"]


def test_each_number_is_entered_once() -> None:
    text = DATA.read_text(encoding="utf-8")
    for n in MUST_APPEAR_ONCE:
        assert len(re.findall(rf"(?<![\d.]){re.escape(n)}(?![\d.])", text)) == 1, n


def test_reference_syntax() -> None:
    assert [r.name for r in references("与{care_agreements}名，{subject.year}年，{{ 7 * 7 }}，{ x }")] == [
        "care_agreements",
        "subject.year",
    ]
    assert fill("共{a}户{{b}}", lambda n: "12") == "共12户{{b}}"
    assert as_written(Decimal("256.60")) == "256.60"


def test_references_are_located_and_only_names_count() -> None:
    text = "{a}与{b_2}，{2x}，{a.b.c}，{{c}}，{d}}，{{e}，{subject.name}"
    assert list(references(text)) == [
        Reference("a", 0, 3),
        Reference("b_2", 4, 9),
        Reference("subject.name", text.index("{subject.name}"), len(text)),
    ]
    assert set(SUBJECT_REFERENCES) == {"subject.name", "subject.year"}


def test_fill_is_plain_replacement() -> None:
    asked: list[str] = []

    def value(name: str) -> str:
        asked.append(name)
        return f"<{name}>"

    assert fill("{a}，{a}，{b.c}；{{a}}", value) == "<a>，<a>，<b.c>；{{a}}"
    assert asked == ["a", "a", "b.c"]
    # what a value holds is printed as it is, never read again as a reference
    assert fill("{a}", lambda n: "{b}") == "{b}"
    asked.clear()
    assert fill("没有引用的文字", value) == "没有引用的文字" and asked == []
