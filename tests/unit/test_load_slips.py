"""YAML slips a clerk makes, located at their cause and said in Chinese with the fix: a quotation
mark left open, a key typed with the Chinese colon, a full-width space in the indentation."""

from __future__ import annotations

import pytest
import yaml

from helpers import DATA
from selfeval.errors import InputError
from selfeval.i18n import Lang, Msg
from selfeval.load import parse

TEXT = DATA.read_text(encoding="utf-8")


class _Quoting(yaml.CSafeDumper):
    """Writes every text double-quoted, folded over lines as PyYAML folds long texts."""


_Quoting.add_representer(str, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style='"'))


def refused(text: str) -> tuple[int, int, str, str]:
    """The one problem of a text that does not load: line, column, Chinese and English."""
    with pytest.raises(InputError) as e:
        parse(text, "d.yaml")
    (p,) = e.value.problems
    assert isinstance(p.english, Msg)
    return p.line, p.col, p.english.text(Lang.ZH), p.message_en


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def pingluo(old: str, new: str) -> str:
    assert TEXT.count(old) == 1, old
    return TEXT.replace(old, new)


# ----------------------------------------------------------------------------- a quotation mark left open


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_quote_never_closed_is_reported_where_it_opened(quote: str) -> None:
    # the last value of the file: libyaml notices only at the end of the file
    text = TEXT.rstrip("\n") + f"\n- title: {quote}关于举办社会救助政策培训班的通知\n"
    line, col, zh, en = refused(text)
    assert (line, col) == (text.count("\n"), 10)
    assert zh.startswith(f"YAML 格式错误：这里开始的引号 {quote} 没有闭合") and f"补上 {quote}" in zh
    assert "end of stream" not in zh and "never closed" in en
    line, _, zh, _ = refused("a: [1, 2\nb: 3\n")  # other slips keep libyaml's place and their hint
    assert line == 2 and "方括号" in zh


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_quote_closed_by_the_next_one_lines_below_is_reported_where_it_opened(quote: str) -> None:
    # the title's quote is closed by the next quotation mark in the file, hundreds of lines below
    title = "平罗县2020年度困难群众救助工作绩效自评报告\n"
    text = pingluo(f"  title: {title}", f"  title: {quote}{title}")
    line, col, zh, _ = refused(text)
    assert (line, col) == (line_of(TEXT, "  title: 平罗县2020年度"), 10)
    assert "没有闭合" in zh


def test_a_quote_left_open_inside_braces() -> None:
    line, col, zh, _ = refused('evidence:\n  plan: {title: "实施方案, number: 平民发〔2020〕34号}\nclaims: {}\n')
    assert (line, col) == (2, 17) and "没有闭合" in zh
    _, _, zh, _ = refused('path: "C:\\q"\n')  # a bad escape inside quotes is no open quote
    assert "没有闭合" not in zh and "escape" in zh


def test_a_quote_left_open_that_still_parses_is_refused_not_read_as_text() -> None:
    # the next quotation mark ends a line, so the file parses: with addressee and number inside the title
    text = 'document:\n  title: "平罗县自评报告\n  addressee: 自治区民政厅\n  number: "\n  date: 2021-03-29\n'
    line, col, zh, _ = refused(text)
    assert (line, col) == (2, 10) and "没有闭合" in zh
    # a quoted text meant to run over lines, with no key among them, is text
    doc = parse("preamble: \"按照自治区民政厅\n  要求，完成了自评\"\nnote: '第一行\n  第二行'\n", "d.yaml")
    assert doc.data == {"preamble": "按照自治区民政厅 要求，完成了自评", "note": "第一行 第二行"}
    # …and so is one a program folded, going on deeper than its key, whatever its lines start with
    folded = 'document:\n  title: "平罗县 x x x x x x x x x x\n    addressee: 自治区民政厅"\nl:\n- t: "z z\n    a: b"\n'
    assert parse(folded, "d.yaml").data["document"]["title"] == "平罗县 x x x x x x x x x x addressee: 自治区民政厅"
    starts = 0
    for n in range(30, 45):  # some of these fold right before the key-like words
        text = "x " * n + "addressee: 自治区民政厅"
        for value in ({"t": text}, {"l": [text, [text], {"t": text}]}, {"a": {"b": [{"t": text}]}}):
            for flow in (False, True):
                written = yaml.dump(value, Dumper=_Quoting, allow_unicode=True, default_flow_style=flow)
                assert parse(written, "d.yaml").data == value, written
                starts += written.count("\n    addressee:") + written.count("\n  addressee:")
    assert starts


# ----------------------------------------------------------------------------- the Chinese colon


@pytest.mark.parametrize(
    ("old", "new", "key", "col"),
    [
        ("  towns: 13\n", "  towns：13\n", "towns", 8),
        ("  towns: 13\n", "  towns： 13\n", "towns", 8),
        ("  towns: 13\n", "  towns ：13\n", "towns", 9),
        ("figures:\n", "figures：\n", "figures", 8),
        ("subject:\n", "subject：\n", "subject", 8),
        ("  name: 平罗县\n", "  name：平罗县\n", "name", 7),
    ],
)
def test_a_key_with_the_chinese_colon_is_reported_on_its_line(old: str, new: str, key: str, col: int) -> None:
    text = pingluo(old, new)
    line, c, zh, en = refused(text)
    assert (line, c) == (line_of(text, new), col)
    assert zh == f"YAML 格式错误：“{key}”后是中文冒号“：”，应为英文冒号“:”，其后加一个空格（{key}: …）"
    assert "full-width colon" in en


def test_the_chinese_colon_in_a_list_and_in_braces() -> None:
    assert refused("attachments:\n  - title：通知\n    number: 平民发〔2020〕1号\n")[:2] == (2, 10)
    line, col, zh, _ = refused("evidence:\n  plan: {title：实施方案, number: 平民发〔2020〕34号}\n")
    assert (line, col) == (2, 15) and "“title”后是中文冒号" in zh
    # inside a value, or a block text, the Chinese colon is text
    doc = parse("text: 其中：当年财政拨款\nnote: >-\n  PDF：第3页\n  towns：13\n", "d.yaml")
    assert doc.data == {"text": "其中：当年财政拨款", "note": "PDF：第3页 towns：13"}


# ----------------------------------------------------------------------------- the full-width space


@pytest.mark.parametrize(
    ("new", "col"),
    [
        ("\u3000towns: 13\n", 1),  # in place of the two spaces
        ("\u3000\u3000towns: 13\n", 1),
        (" \u3000towns: 13\n", 2),
        ("  \u3000towns: 13\n", 3),  # after the two spaces: parses, as a key "　towns"
    ],
)
def test_a_full_width_space_in_the_indentation_is_reported_at_its_column(new: str, col: int) -> None:
    text = pingluo("  towns: 13\n", new)
    line, c, zh, en = refused(text)
    assert (line, c) == (line_of(text, new), col)
    assert zh == "YAML 格式错误：缩进中有全角空格“　”，应为英文（半角）空格"
    assert "full-width space" in en


def test_a_full_width_space_before_a_list_item() -> None:
    assert refused("attachments:\n  - {title: 甲}\n\u3000- {title: 乙}\n")[:2] == (3, 1)
    # Chinese paragraphs open with two full-width spaces; inside a block text they are the text's own
    text = "preamble: >-\n  \u3000\u3000按照要求：\n  \u3000\u3000完成了自评\ndate: 2021-03-29\n"
    assert parse(text, "d.yaml").data["preamble"] == "\u3000\u3000按照要求： \u3000\u3000完成了自评"
