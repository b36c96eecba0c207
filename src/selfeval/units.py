"""Units of measure: the same kind converts exactly (元 ↔ 万元, 人 ↔ 万人, % ↔ 个百分点), and
different kinds never compare.

A unit is a base (元, 人, 户, %, 次, …) with an optional 千/万/亿 in front; 名 counts people
like 人, and a percentage point is a percentage. Any other unit is a kind of its own and
converts only to itself and its 万- or 亿- multiples.
"""

from __future__ import annotations

import re
from decimal import Decimal

from selfeval.errors import InvalidValue

MULTIPLIERS = {"千": Decimal(1000), "万": Decimal(10_000), "亿": Decimal(100_000_000)}
_ALIASES = {"名": "人", "％": "%", "个百分点": "%", "百分点": "%", "天": "日", "个月": "月", "个小时": "小时"}


_LEADING = re.compile("[千万亿]*")
MAXMULTIPLIERS = 3
"""More than 千万亿 in front of a unit is no unit anyone writes: such a unit is a kind of its own."""


def split(unit: str) -> tuple[str, Decimal]:
    """The base of a unit and how many of the base one of it is: 万元 → (元, 10000). Linear in the
    unit's length, and bounded: a unit with more multipliers than any written is a kind of its own."""
    unit = unit.strip()
    unit = _ALIASES.get(unit, unit)
    match = _LEADING.match(unit)
    lead = min(match.end() if match else 0, len(unit) - 1)  # 万 alone keeps its 万: a bare multiplier
    if lead <= 0 or lead > MAXMULTIPLIERS:
        return unit, Decimal(1)
    factor = Decimal(1)
    for ch in unit[:lead]:
        factor *= MULTIPLIERS[ch]
    rest = unit[lead:]
    return _ALIASES.get(rest, rest), factor


def magnitude(unit: str) -> tuple[str, Decimal]:
    """Like :func:`split`, with a multiplier alone counted too: 万 → ("", 10000), 万人 → (人, 10000)."""
    base, factor = split(unit)
    if base in MULTIPLIERS:
        return "", factor * MULTIPLIERS[base]
    return base, factor


def bare(unit: str | None) -> bool:
    """Whether a unit is a multiplier alone (3359.62万 in a 元 column): it counts what the column counts."""
    return bool(unit) and split(unit or "")[0] in MULTIPLIERS


def same_kind(a: str | None, b: str | None) -> bool:
    """Whether two units measure the same thing (a missing unit, or a bare 万, goes with any)."""
    if not a or not b or bare(a) or bare(b):
        return True
    return split(a)[0] == split(b)[0]


def convert(value: Decimal, unit: str | None, to: str | None) -> Decimal:
    """``value`` in ``unit`` expressed in ``to``, exactly; a ``InvalidValue`` for units of different kinds.
    A bare multiplier counts what ``to`` counts: 3359.62万 to 元 is 33596200."""
    if not unit or not to or unit == to:
        return value
    base, factor = split(unit)
    to_base, to_factor = split(to)
    if base in MULTIPLIERS:  # 万 alone: 万 of the column's own unit
        base, factor = to_base, factor * MULTIPLIERS[base]
    if base != to_base:
        raise InvalidValue("unit-kinds", unit=unit, to=to)
    return value * factor / to_factor
