"""Terminal text wrapped for Chinese readers (``rules --keys``, help, a rule's description): lines
break between characters and between words, by the Chinese rule for line breaks (避头尾) — no
line starts with a closing bracket, quote or clause mark, none ends with an opening bracket."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from selfeval.cliframe import _NO_LINE_END, _NO_LINE_START, wrap_cells

CLOSING = "，。、；：？！）》」』】"
OPENING = "（《「『【"


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # as seen in ``rules --keys``: 」 after ） at the break used to take ） down alone
        ("写节点编号「如 c27）」", 20, ["写节点编号「如", "c27）」"]),
        ("得分（如 c27）」之后", 14, ["得分（如", "c27）」之后"]),
        ("如 c27）」", 6, ["如", "c27）」"]),
        # a closing mark that does not fit takes the character before it down with it
        ("自评得分为四十五分。", 18, ["自评得分为四十五", "分。"]),
        ("本项不适用，得分从满分中去除", 10, ["本项不适", "用，得分从", "满分中去除"]),
        # an opening bracket at the end of a line goes down to what it opens
        ("未写比较符号（≥、≤、=）时", 14, ["未写比较符号", "（≥、≤、=）时"]),
        ("按《项目支出绩效评价管理办法》", 4, ["按", "《项", "目支", "出绩", "效评", "价管", "理办", "法》"]),
        # a word is never split; a mark after a word that fills the line hangs past it
        ("selfeval）。", 8, ["selfeval）。"]),
        ("写 docx-reference。", 10, ["写", "docx-reference。"]),
        # a blank before a closing mark is no place to break either
        ("文件 ）", 4, ["文", "件 ）"]),
        ("Keys of each item of levels", 12, ["Keys of each", "item of", "levels"]),
        # an ASCII quote closes what it follows with no blank between, and opens what follows it
        ('默认 "自评得分"', 14, ['默认 "自评得', '分"']),
        ('默认 "自评得分"', 6, ["默认", '"自评', '得分"']),
        ('"自评得{score}分"', 16, ['"自评得{score}', '分"']),
    ],
)
def test_a_line_never_starts_with_closing_punctuation(text: str, width: int, lines: list[str]) -> None:
    assert wrap_cells(text, width) == lines


def test_the_rule_covers_the_marks_a_chinese_text_closes_and_opens_with() -> None:
    assert set(CLOSING) <= _NO_LINE_START and set(OPENING) <= _NO_LINE_END
    assert not set(CLOSING) & _NO_LINE_END and not set(OPENING) & _NO_LINE_START


_PIECES = st.sampled_from([*"评分标准的键由程序读取", *CLOSING, *OPENING, "c27", "docx-reference", " ", "5分", "≥"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=40).map("".join), st.integers(min_value=4, max_value=30))
def test_any_text_wraps_by_the_rule_and_loses_nothing(text: str, width: int) -> None:
    lines = wrap_cells(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    marks = "".join(_NO_LINE_START | _NO_LINE_END) + " "
    for before, line in itertools.pairwise(lines):
        assert line[:1] not in _NO_LINE_START, lines
        # an opening mark ends a line only when the line is nothing but marks (it cannot be split)
        assert before[-1:] not in _NO_LINE_END or not before.strip(marks), lines
    for line in lines:
        # past the width only by a word longer than it (and the brackets and marks around it)
        body = line.strip(marks)
        assert cell_len(body) <= width or any(cell_len(w) > width - 4 for w in re.findall(r"[!-~]+", body)), lines
