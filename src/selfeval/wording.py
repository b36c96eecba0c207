"""How selfeval writes Chinese around the county's own words: quotation marks that nest, book
titles that are not doubled, and points said the way a report says them."""

from __future__ import annotations

from decimal import Decimal

from selfeval.numbers import fmt


def quote(text: str) -> str:
    """“text”, with the quotation marks inside it turned to the inner pair: “开通‘先行救助’通道”."""
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


def book(title: str) -> str:
    """《title》 for a document, its own 《》 turned to 〈〉 so the marks are never doubled."""
    if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
        return title
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"


def points(amount: Decimal, deduction: bool = False) -> str:
    """得2分, 不得分, 扣1分, 不扣分."""
    if deduction:
        return f"扣{fmt(amount)}分" if amount else "不扣分"
    return f"得{fmt(amount)}分" if amount else "不得分"


def difference_unit(unit: str) -> str:
    """The unit of a difference: percentage points for a percentage, else the unit itself."""
    return "个百分点" if unit in ("%", "％") else unit


def grades(low: str, high: str) -> str:
    """A grade, or the grades a range of totals spans: 优, 中至优."""
    return low if low == high else f"{low}至{high}"
