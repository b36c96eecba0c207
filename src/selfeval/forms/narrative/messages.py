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
    "fill-item": (
        "items.{key}（第{n}项{title}的文字：文件中没有这一项）",
        "items.{key} (item {n} {title}: the file has no such item)",
    ),
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
    "where-item": ("第{n}项", "Item {n}"),
    "text-other-county": (
        "{where}文字写的是“{place}”，数据文件的县（市、区）为“{name}”：照抄别县的文字未改？",
        "{where} names '{place}'; the data file is for {name}: another county's text left as it was?",
    ),
    "text-other-city": (
        "{where}文字提到“{place}”：如不是{name}的上级市，应为照抄别县（市）的文字未改",
        "{where} names '{place}': unless it is {name}'s superior city, another county's text left as it was",
    ),
    "text-other-year": (
        "{where}文字写“{text}”，评价年度为{year}年：沿用去年的文字未改？",
        "{where} says '{text}'; the year evaluated is {year}: last year's text left as it was?",
    ),
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
        "{node}文字在 {{{name}}} 后写“{written}”，这项数据按“{unit}”填写：报告换算为{shown}{written}印出",
        "{node}: the text writes '{written}' after {{{name}}}, whose value is in '{unit}': the report prints it converted, {shown}{written}",
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
