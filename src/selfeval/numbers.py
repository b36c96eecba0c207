"""Numbers as clerks write them, and as selfeval writes them back: exact, never mis-read.

Points and money are ``Decimal`` throughout. This module is the one place that reads a
quantity from text, rounds (half up, the usual rule for scores) and formats for people.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from selfeval.errors import InvalidValue

ZERO = Decimal(0)
MAX_DIGITS = 20
"""Most significant digits a number may have: money to the fen in 万亿 has fewer."""
MAX_MAGNITUDE = 15
"""Numbers are below 10**15 in size and above 10**-15 in precision: nothing evaluated is larger."""

_NUMBER = re.compile(
    r"^(?P<sign>[-+]?)(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?\s*(?P<unit>[%‰A-Za-z\u4e00-\u9fff/·][^\d,]*)?$"
)


_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
"""Full-width ASCII forms (１２，３２５．５％) and the ideographic space, to ASCII. Only these:
NFKC would also turn 12² into 122 and ①12 into 112, silently."""


def normalise(text: str) -> str:
    """Fold full-width digits, signs and punctuation to ASCII, trim blanks."""
    return text.translate(_FULL_WIDTH).strip()


def parse_quantity(text: str) -> tuple[Decimal, str | None]:
    """Split ``"910.38万元"`` into ``(Decimal("910.38"), "万元")``.

    Full-width digits are folded; thousands separators must group by three
    (``12,325``). Anything else raises a ``ValueError`` (:class:`~selfeval.errors.InvalidValue`) saying so.
    """
    folded = normalise(text)
    m = _NUMBER.match(folded)
    if not m:
        raise InvalidValue("bad-number", text=text)
    digits = m["sign"] + m["int"].replace(",", "") + (m["frac"] or "")
    try:
        value = Decimal(digits)
    except InvalidOperation as e:  # pragma: no cover - the pattern admits only digits
        raise InvalidValue("bad-number", text=text) from e
    if not sane(value):
        raise InvalidValue("number-too-large", value=text if len(text) <= 30 else text[:27] + "…")
    unit = (m["unit"] or "").strip() or None
    return value, unit


APPROX_BEFORE = ("大约", "将近", "约", "近")
"""Words before a number that make it approximate: 约260, 近1000元."""
APPROX_AFTER = "左右"
"""…after it, and after its unit: 260左右, 260人次左右."""
APPROX_INSIDE = frozenset("余多")
"""…between the number (with its 千/万/亿) and the unit: 260余, 200余人, 2万多元."""


def parse_approx(text: str) -> tuple[Decimal, str | None, bool]:
    """Like :func:`parse_quantity`, and whether the text says the number is approximate:
    ``"约260人次"`` is ``(Decimal("260"), "人次", True)``, ``"200余人"`` ``(Decimal("200"), "人", True)``.

    Each word is removed at a fixed place, in one pass over the text; what remains is read by
    :func:`parse_quantity`, and a text that still cannot be read is refused as written."""
    folded = normalise(text)
    body, approx = folded, False
    for word in APPROX_BEFORE:
        if body.startswith(word):
            body, approx = body[len(word) :].lstrip(), True
            break
    if body.endswith(APPROX_AFTER):
        body, approx = body[: -len(APPROX_AFTER)].rstrip(), True
    at = _inside(body)
    if at is not None:
        body, approx = body[:at] + body[at + 1 :], True
    if not approx:
        return (*parse_quantity(text), False)
    try:
        value, unit = parse_quantity(body)
    except InvalidValue as e:
        if e.message.key == "bad-number":  # say what the clerk wrote, not what was left of it
            raise InvalidValue("bad-number", text=text) from e
        raise
    if unit and (unit[0] in APPROX_INSIDE or unit.endswith(APPROX_AFTER)):  # 260余余: no unit is 余
        raise InvalidValue("bad-number", text=text)
    return value, unit, True


def _inside(text: str) -> int | None:
    """Where 余 or 多 stands right after the number and its multipliers (200余人, 2万多元), or None."""
    i, n = 0, len(text)
    if i < n and text[i] in "+-":
        i += 1
    start = i
    while i < n and (text[i].isdigit() or text[i] in ",."):
        i += 1
    if i == start:
        return None
    while i < n and text[i].isspace():
        i += 1
    lead = i
    while i < n and i - lead < 3 and text[i] in "千万亿":
        i += 1
    return i if i < n and text[i] in APPROX_INSIDE else None


def sane(value: Decimal | int) -> bool:
    """Whether a number is within what an evaluation can hold (NaN and infinities are judged
    later, with the value's meaning)."""
    d = Decimal(value) if isinstance(value, int) else value
    if not d.is_finite() or d.is_zero():
        return True
    digits = len(d.as_tuple().digits)
    return digits <= MAX_DIGITS and -MAX_MAGNITUDE <= d.adjusted() < MAX_MAGNITUDE


def check_finite(value: Decimal) -> Decimal:
    """Refuse NaN and infinities, which have no place in an evaluation."""
    if not value.is_finite():
        raise InvalidValue("expect-finite")
    return value


_STEPS = [Decimal(1).scaleb(-p) for p in range(8)]


def quantize(value: Decimal, places: int) -> Decimal:
    """Round half up to ``places`` decimals."""
    step = _STEPS[places] if 0 <= places < len(_STEPS) else Decimal(1).scaleb(-places)
    return value.quantize(step, rounding=ROUND_HALF_UP)


def fmt(value: Decimal, places: int = 2) -> str:
    """Format a decimal for people: no exponent, no trailing zeros (``2``, ``0.5``, ``910.38``)."""
    text = format(value, "f")
    if "." in text:
        if len(text) - text.index(".") - 1 > places:
            rounded = quantize(value, places)
            # a small amount is never shown as 0: 0.0000005 keeps two significant digits
            text = format(rounded if rounded or not value else quantize(value, 1 - value.adjusted()), "f")
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def exact(value: Decimal) -> str:
    """A number in full, never rounded, without trailing zeros (99.995, not 100; 910.38 for
    910.3800): a bound a message names, an amount converted for a text."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def as_written(value: Decimal | int) -> str:
    """A figure's number the way it was entered: no exponent, trailing zeros kept (``256.60``)."""
    return format(value, "f")


def span(low: Decimal, high: Decimal, places: int = 2) -> str:
    """A score as people read it: ``9.91``, or ``69.77–99.77`` when an unknown input leaves a range."""
    a, b = fmt(low, places), fmt(high, places)
    return a if a == b else f"{a}–{b}"
