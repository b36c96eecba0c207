"""Figure references in a report's text: each number entered once, in ``figures:``.

A narrative writes ``{care_agreements}`` where the figure's number belongs and the unit
after it in words (``与{care_agreements}名分散供养特困人员…``). The report prints the number
as the county wrote it (``256.60`` stays ``256.60``). ``{subject.name}`` and
``{subject.year}`` print the county and the year evaluated. Substitution is plain text
replacement: nothing is evaluated or rendered, and ``{{…}}`` is never a reference.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from selfeval.forms.narrative.models import NarrativeData
from selfeval.load import Loc
from selfeval.models.data import DataBase
from selfeval.models.rubric import RubricBase
from selfeval.numbers import as_written, fmt
from selfeval.scoring import ScoreResult

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


def fill(text: str, value: Callable[[str], str]) -> str:
    """``text`` with each reference replaced by ``value(name)``."""
    if "{" not in text:
        return text
    return REFERENCE.sub(lambda m: value(m["name"]), text)


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


def resolver(result: ScoreResult[RubricBase, DataBase]) -> Callable[[str], str]:
    """What each ``{reference}`` prints: the figure as written, the metric as computed, the subject."""
    data, rubric, ctx = result.data, result.rubric, result.context

    def value(name: str) -> str:
        if name == "subject.name":
            return data.subject.name
        if name == "subject.year":
            return str(data.subject.year)
        fig = data.figures.get(name)
        if fig is not None and fig.value is not None:
            return as_written(fig.value)
        if name in rubric.metrics:
            computed = ctx.try_value(name)
            if computed is not None:
                return fmt(computed)
        if fig is not None or name in rubric.figures or name in rubric.metrics:
            return f"【待填：{ctx.title(name)[0]}】"
        return "{" + name + "}"  # unknown: loading refuses it, but a text is never lost

    return value
