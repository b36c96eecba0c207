"""Figure references in a report's text: each number entered once, in ``figures:``.

A narrative writes ``{care_agreements}`` where the figure's number belongs and the unit
after it in words (``与{care_agreements}名分散供养特困人员…``). The report prints the number
as the county wrote it (``256.60`` stays ``256.60``), or, when the text's unit is another
multiple of the figure's (``{urban_dibao_funds}万元`` for a figure typed ``9103800元``), the
number converted exactly into the text's unit (``910.38``): never a number in a unit it is not. ``{subject.name}`` and
``{subject.year}`` print the county and the year evaluated. Substitution is plain text
replacement: nothing is evaluated or rendered, and ``{{…}}`` is never a reference.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from selfeval.forms.narrative.models import NarrativeData
from selfeval.load import Loc
from selfeval.models.data import DataBase
from selfeval.models.rubric import RubricBase
from selfeval.numbers import as_written, exact, fmt
from selfeval.scoring import ScoreResult
from selfeval.units import convert, split

REFERENCE = re.compile(r"(?<!\{)\{(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_]+)?)\}(?!\})")
SUBJECT_REFERENCES = ("subject.name", "subject.year")


@dataclass(frozen=True)
class Reference:
    """One ``{name}`` in a text."""

    name: str
    start: int
    end: int


def references(text: str) -> Iterator[Reference]:
    """Every reference in ``text``, in order."""
    for m in REFERENCE.finditer(text):
        yield Reference(m["name"], m.start(), m.end())


Resolve = Callable[[str, str], str]
"""What a reference prints, from its name and the text that follows it (where its unit is written)."""

UNIT_SPAN = 8
"""Longest unit a text writes after a reference (个百分点, 万元/户)."""


def fill(text: str, value: Resolve) -> str:
    """``text`` with each reference replaced by ``value(name, what follows it)``."""
    if "{" not in text:
        return text
    return REFERENCE.sub(lambda m: value(m["name"], text[m.end() : m.end() + UNIT_SPAN]), text)


def unit_after(after: str, unit: str) -> str | None:
    """The unit of ``unit``'s kind the text writes first in ``after`` (万元 in 「万元，用于」 for a
    figure in 元), or None when it writes none."""
    base = split(unit)[0]
    for end in range(min(len(after), UNIT_SPAN), 0, -1):
        if split(after[:end])[0] == base and not after[:end].startswith(("，", "。", "、")):
            return after[:end]
    return None


def in_text_unit(value: Decimal, unit: str | None, after: str) -> str:
    """``value`` (in ``unit``) as the text around it needs it: converted exactly where the text
    writes another multiple of the unit (910.38 before 万元 for 9103800元), else as written."""
    shown = unit_after(after, unit) if unit and after else None
    if shown is None or split(shown)[1] == split(unit or "")[1]:
        return as_written(value)
    return exact(convert(value, unit, shown))


def texts(data: NarrativeData) -> Iterator[tuple[Loc, str]]:
    """Every text of the report the county wrote, with its place in the data file."""
    if data.document is not None:
        d = data.document
        for i, issuer in enumerate(d.issuers):
            yield ("document", "issuers", i), issuer
        for key in ("title", "addressee", "preamble", "attachments_title"):
            value = getattr(d, key)
            if value:
                yield ("document", key), value
    for key, item in data.items.items():
        for i, seg in enumerate(item.narrative):
            if seg.text:
                yield ("items", key, "narrative", i, "text"), seg.text


def resolver(result: ScoreResult[RubricBase, DataBase]) -> Resolve:
    """What each ``{reference}`` prints: the figure as written, the metric as computed, the subject."""
    data, rubric, ctx = result.data, result.rubric, result.context

    def value(name: str, after: str = "") -> str:
        if name == "subject.name":
            return data.subject.name
        if name == "subject.year":
            return str(data.subject.year)
        fig = data.figures.get(name)
        spec = rubric.figures.get(name)
        if fig is not None and fig.value is not None:
            return in_text_unit(fig.value, fig.unit or (spec.unit if spec else None), after)
        if name in rubric.metrics:
            computed = ctx.try_value(name)
            if computed is not None:
                unit = rubric.metrics[name].unit
                shown = unit_after(after, unit) if unit else None
                return fmt(computed if shown is None else convert(computed, unit, shown))
        if fig is not None or name in rubric.figures or name in rubric.metrics:
            return f"【待填：{ctx.title(name)[0]}】"
        return "{" + name + "}"  # unknown: loading refuses it, but a text is never lost

    return value
