# ruff: noqa: E501 - a catalogue reads best one message to a line
"""The messages only the narrative report says, in Chinese and in English (keys as in :mod:`selfeval.messages`).

Its modules make every message with :data:`msg`: a key of this catalogue is its own, any
other the shared catalogue's.
"""

from __future__ import annotations

from selfeval.i18n import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    "fill-document-number": ("document.number（发文字号）", "document.number"),
    "fill-document-preamble": ("document.preamble（开头语）", "document.preamble"),
    "fill-narrative": (
        "items.{key}.narrative[{n}].text（第{key}项的第{n}段文字）",
        "items.{key}.narrative[{n}].text",
    ),
    "fill-attachment": ("attachments[{n}].number（附件{title}的文号）", "attachments[{n}].number ({title})"),
    "unknown-reference": (
        "未知的引用 {{{name}}}：没有这个键的数据{hint}",
        "unknown reference {{{name}}}: no figure has that key{hint}",
    ),
    "issuer-mismatch": ("发文机关“{issuer}”不是本县（{name}）的机关", "the issuer '{issuer}' is not {name}'s"),
    "title-without-name": ("标题“{title}”未写本县名称“{name}”", "the title '{title}' does not name {name}"),
    "title-without-year": (
        "标题“{title}”未写评价年度{year}年",
        "the title '{title}' does not name the year {year}",
    ),
    "where-preamble": ("开头", "The opening"),
    "text-names-other": (
        "{where}写的是“{place}”，数据文件的县（市、区）为“{name}”",
        "{where} names '{place}'; the data file is for {name}",
    ),
    "number-year": (
        "文号“{number}”的年份与成文日期{year}年不一致",
        "the year of '{number}' differs from the date's {year}",
    ),
    "date-year": (
        "成文日期{date}不在评价年度{year}年或其次年",
        "the date {date} is not in {year} or the year after",
    ),
    "narrative-contradicts": (
        "{node}文字写“{text}”，但数据中“{title}”为{value}（请改为引用 {{{name}}}）",
        "{node}: the text says '{text}' where '{title}' is {value} (write {{{name}}} instead)",
    ),
    "narrative-unchecked": (
        "{node}文字中的“{shown}”未对应任何数据，未经核对",
        "{node}: '{shown}' in the text is tied to no figure; nothing checked it",
    ),
    "reference-unit": (
        "{node}文字在 {{{name}}} 后写“{written}”，但这项数据按“{unit}”填写，报告会印出错误的数额",
        "{node}: the text writes '{written}' after {{{name}}}, whose value is in '{unit}'; the report would print a wrong amount",
    ),
    "doc-number-listed": ("（材料清单中有此文件）", " (the attachment list has it)"),
    "doc-number-swapped": (
        "{node}文号“{stated}”年份与序号位置颠倒，应为“{standard}”{listed}",
        "{node}: 文号 '{stated}' has year and serial swapped; it should read '{standard}'{listed}",
    ),
    "doc-number-brackets": (
        "{node}文号“{stated}”应使用六角括号：“{standard}”",
        "{node}: 文号 '{stated}' should read '{standard}'",
    ),
    "doc-number-unlisted": (
        "{node}引用的“{standard}”不在证明材料和材料清单中",
        "{node} cites '{standard}', which is neither evidence nor attached",
    ),
}

CATALOGUE = Catalogue(MESSAGES)
msg = CATALOGUE.msg
t = CATALOGUE.t
