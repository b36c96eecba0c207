"""A table's cells as counties type them: every spelling read as meant, or refused at its cell.

A target (年度指标值) is a comparator and a quantity (``≥95%``, ``≧95%``, ``>= 95 %``,
``不低于95%``, ``不少于21933人``, ``≤5300元/户``, ``达到100%``), a quantity with its comparator
after it (``95%以上``, ``5%以内``, ``3日内``, ``100%（含）以上``) or on both sides when they agree
(``达到95%以上``, ``控制在5%以内``), a quantity alone (the rubric's default comparator applies), a
direction (``提高``, ``=提高``, ``持续提高``, ``逐步改善``: judged), or words (``达到预期``:
judged). An actual value (实际完成值) may also be a state: ``完成``, ``已完成``, ``达到``,
``按时完成`` (met), ``未完成``, ``未达到`` (not met), ``部分完成``, ``基本完成`` (partly).

What a cell adds around its reading is set aside, never read as part of it: ``（含）``, a
closing ``。`` or ``；``, and a remark in brackets at the end (``≥95%（省定标准）``); brackets
after a bare number are its unit (``≥500（万元）``).

Full-width signs and digits, spaces anywhere and the look-alike signs of Chinese input methods
(``≧ ≦ ═``) are read as their ASCII forms. A cell that holds a number but no reading of it is an
error naming the cell, never a silent qualitative row: a mistyped comparator must not turn a
target into words.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from selfeval.errors import InvalidValue
from selfeval.forms.project_table.messages import msg
from selfeval.models.data import UNKNOWN
from selfeval.numbers import as_written, check_finite, normalise, parse_quantity

Comparator = Literal[">=", "<=", "="]
Status = Literal["met", "unmet", "partly"]

COMPARATOR_WORDS: dict[Comparator, str] = {">=": "不低于（≥）", "<=": "不高于（≤）", "=": "等于（=）"}

_LOOK_ALIKE = str.maketrans({"≧": "≥", "≦": "≤", "═": "=", "〓": "=", "⩾": "≥", "⩽": "≤"})
"""Signs Chinese input methods offer for ≥ ≤ =; full-width ones (＞＝) are folded by normalise."""

_BEFORE: list[tuple[str, Comparator]] = sorted(
    [
        *((w, ">=") for w in ("≥", ">=", "=>", ">", "大于或等于", "大于等于", "不低于", "不少于", "不小于")),
        *((w, ">=") for w in ("至少", "达到", "高于", "大于", "超过", "多于")),
        *((w, "<=") for w in ("≤", "<=", "=<", "<", "小于或等于", "小于等于", "不高于", "不超过", "不多于")),
        *((w, "<=") for w in ("不大于", "至多", "控制在", "低于", "小于", "少于")),
        *((w, "=") for w in ("==", "=", "等于")),
    ],
    key=lambda pair: -len(pair[0]),
)
"""Comparators written before the quantity, longest first (> and < are read as ≥ and ≤: a
target that is met is met)."""

_AFTER: list[tuple[str, Comparator]] = sorted(
    [
        *((w, ">=") for w in ("(含)以上", "及以上", "或以上", "以上")),
        *((w, "<=") for w in ("及以内", "及以下", "或以下", "以内", "之内", "以下", "内")),
    ],
    key=lambda pair: -len(pair[0]),
)
"""Comparators written after the quantity: 95%以上, 5%以内, 3日内 (（含） is set aside first)."""

DIRECTIONS = {
    "提高": "提高",
    "提升": "提升",
    "增加": "增加",
    "增长": "增长",
    "改善": "改善",
    "下降": "下降",
    "降低": "降低",
    "减少": "减少",
}
"""What a direction target asks for; a qualifier (持续, 逐步, 有所, 稳步, 不断, 明显, 有效) may precede it."""
_QUALIFIERS = ("持续", "逐步", "有所", "稳步", "不断", "明显", "有效", "进一步", "较上年", "比上年")

STATES: dict[str, Status] = {
    **dict.fromkeys(("完成", "已完成", "全部完成", "达到", "已达到", "达标", "已达标", "实现", "已实现"), "met"),
    **dict.fromkeys(("按时完成", "按期完成", "如期完成", "已按时完成", "全面完成", "超额完成", "足额完成"), "met"),
    **dict.fromkeys(("未完成", "没有完成", "未达到", "未达标", "未实现", "未按时完成", "未按期完成"), "unmet"),
    **dict.fromkeys(("部分完成", "基本完成", "基本达到", "基本达标", "部分达到", "大部分完成"), "partly"),
    **dict.fromkeys(("基本按时完成", "部分实现", "基本实现"), "partly"),
}
"""An actual value written as a state, not a number."""

_NOT_QUANTITY = re.compile(r"\d{4}\s*年|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*日|第\s*\d+|(?<!\d)\d+\s*季度")
"""Digits that are dates or ordinals in a worded target (2021年底前完成), not a quantity."""


_SIGNS = frozenset("≥≤<>=")
_YEAR = re.compile(r"\d{4}年[底末]?")
"""2021年内 is a time, not at most 2021 of something."""


_INCLUSIVE = re.compile(r"\(含\)")
"""（含）: the bound counts; ≥ and ≤ say so already."""
_CLOSING = "。；;，,、！!"


def _compact(text: str) -> str:
    """The cell with spaces, look-alike signs, （含）, closing punctuation and a closing remark set aside."""
    compact = _INCLUSIVE.sub("", re.sub(r"\s+", "", normalise(text).translate(_LOOK_ALIKE))).rstrip(_CLOSING)
    # A bracket closing a cell that holds a number: a remark, or the unit of a bare number. Found
    # by position, not by a pattern that would backtrack over a long cell.
    start = compact.rfind("(")
    head, inner = compact[:start], compact[start + 1 : -1]
    if not compact.endswith(")") or start < 0 or not inner or ")" in inner or not re.search(r"\d", head):
        return compact
    unit = head[-1].isdigit() and not re.search(r"\d", inner)  # ≥500（万元）: the number's unit
    return head + inner if unit else head


def read_cell(v: object, *, actual: bool = False) -> dict[str, object]:
    """The parts of a cell as written; ``actual`` reads a 实际完成值, which may be a state."""
    if v is None:
        return {"text": "", "pending": True}
    if isinstance(v, bool):
        raise InvalidValue("number-not-bool")
    # a number as YAML gave it: 0.0000005 as written, never 5E-7; .inf and .nan refused
    text = as_written(check_finite(v)) if isinstance(v, Decimal) else str(v)
    compact = _compact(text)
    if compact.lower() in UNKNOWN:
        return {"text": text, "unknown": True}
    if actual and compact in STATES:
        return {"text": text, "status": STATES[compact]}
    direction = _direction(compact)
    if direction is not None:
        return {"text": text, "direction": direction}
    comparator, rest = _comparator(compact, text)
    if not re.search(r"\d", rest if comparator is not None else _NOT_QUANTITY.sub("", rest)):
        if comparator is not None or rest[:1] in _SIGNS:  # ≥ with no number after it: a sign promises one
            raise InvalidValue.saying(msg("table-cell-unreadable", text=text))
        return {"text": text}  # words: 达到预期, 有效保障, 2021年底前完成
    try:
        value, unit = parse_quantity(rest)
    except InvalidValue as e:
        raise InvalidValue.saying(msg("table-cell-unreadable", text=text)) from e
    return {"text": text, "comparator": comparator, "value": value, "unit": unit}


def _comparator(compact: str, text: str) -> tuple[Comparator | None, str]:
    """The comparator a cell writes before its quantity, after it, or both (达到95%以上), and the
    quantity's text; two that disagree (不低于5%以内) are refused."""
    before: Comparator | None = None
    rest = compact
    for word, comparator in _BEFORE:
        if rest.startswith(word) and len(rest) > len(word) and (rest[len(word)].isdigit() or rest[len(word)] in "+-."):
            before, rest = comparator, rest[len(word) :]
            break
    after: Comparator | None = None
    for word, comparator in _AFTER:
        quantity = rest[: -len(word)]
        if rest.endswith(word) and re.search(r"\d", quantity) and not _YEAR.fullmatch(quantity):
            after, rest = comparator, quantity
            break
    if before is not None and after is not None and before != after and before != "=":  # = 95%以上 is ≥
        raise InvalidValue.saying(msg("table-cell-unreadable", text=text))
    return after or before, rest


def _direction(compact: str) -> str | None:
    """The direction a target asks for (提高, 持续提高, =提高), or None."""
    words = compact.lstrip("=").removeprefix("≥").removeprefix("≤")
    for q in _QUALIFIERS:
        words = words.removeprefix(q)
    return DIRECTIONS.get(words)


STATE_WORDS: dict[Status, str] = {"met": "已完成", "unmet": "未完成", "partly": "部分完成"}

STATE_VALUES: dict[Status, Decimal] = {"met": Decimal(1), "unmet": Decimal(0), "partly": Decimal("0.5")}
"""A state as the figure the table's completion rule reads."""
