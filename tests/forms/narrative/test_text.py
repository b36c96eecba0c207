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
    assert fill("共{a}户{{b}}", lambda n, after: "12") == "共12户{{b}}"
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

    def value(name: str, after: str) -> str:
        asked.append(name)
        return f"<{name}>"

    assert fill("{a}，{a}，{b.c}；{{a}}", value) == "<a>，<a>，<b.c>；{{a}}"
    assert asked == ["a", "a", "b.c"]
    # what a value holds is printed as it is, never read again as a reference
    assert fill("{a}", lambda n, after: "{b}") == "{b}"
    asked.clear()
    assert fill("没有引用的文字", value) == "没有引用的文字" and asked == []


def test_a_number_prints_in_the_unit_the_text_writes_after_it() -> None:
    from selfeval.forms.narrative.text import in_text_unit, unit_after

    assert unit_after("万元。人均", "元") == "万元"
    assert unit_after("元，高于", "万元") == "元"
    assert unit_after("个百分点", "%") == "个百分点"
    assert unit_after("人次。其", "人") == "人"  # 人次 is another kind: the 人 it starts with is the figure's
    assert unit_after("，全年", "元") is None
    assert unit_after("户{x}", "元") is None
    # 9103800元 before 万元 is 910.38, exactly; the same multiple prints as written
    assert in_text_unit(Decimal("9103800"), "元", "万元。") == "910.38"
    assert in_text_unit(Decimal("3.5"), "万元", "元，") == "35000"
    assert in_text_unit(Decimal("1.2"), "亿元", "万元") == "12000"
    assert in_text_unit(Decimal("256.60"), "元", "元，") == "256.60"
    assert in_text_unit(Decimal("910.38"), "万元", "，全年") == "910.38"


def test_a_figure_typed_in_yuan_is_never_printed_as_wan(runner: object, tmp_path: object) -> None:
    from pathlib import Path
    from typing import Any

    from helpers import load_yaml, write_yaml
    from selfeval.cli import app

    folder: Any = tmp_path
    data = load_yaml(DATA)
    data["figures"]["urban_dibao_funds"] = "9103800元"  # the rubric counts it in 万元; the text writes 万元
    data["figures"]["rural_dibao_funds"] = {"value": "0.155929", "unit": "亿元"}
    path: Path = write_yaml(folder / "惠农区.yaml", data)
    result: Any = runner.invoke(app, ["report", str(path)])  # type: ignore[attr-defined]
    assert result.exit_code == 0, result.output
    assert "城市低保资金910.38万元" in result.stdout and "9103800万元" not in result.stdout
    assert "农村低保资金1559.29万元" in result.stdout
