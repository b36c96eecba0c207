"""Two data files side by side: every node's score and every figure, with the change."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from selfeval.errors import InvalidValue
from selfeval.models.data import Figure
from selfeval.pipeline import Evaluation
from selfeval.units import convert

LineKind = Literal["node", "score", "figure"]

_TOTALS = {"standard": "基本分", "bonus": "加分", "deduction": "扣分", "total": "总分"}


@dataclass(frozen=True, kw_only=True)
class Line:
    """One compared quantity."""

    kind: LineKind
    id: str
    title: str
    a: Decimal | None
    b: Decimal | None
    unit: str = ""

    @property
    def change(self) -> Decimal | None:
        return None if self.a is None or self.b is None else self.b - self.a


@dataclass
class Comparison:
    """The result of comparing two scored data files."""

    a: Evaluation
    b: Evaluation
    lines: list[Line]


def compare(a: Evaluation, b: Evaluation) -> Comparison:
    """Nodes by id (in A's rubric order, then B's extras), then the totals, then figures."""
    ra, rb = a.result, b.result
    lines: list[Line] = []
    na, nb = ra.by_id(), rb.by_id()
    for key in [*na, *(k for k in nb if k not in na)]:
        x, y = na.get(key), nb.get(key)
        node = (x or y).node  # type: ignore[union-attr]
        title = f"{node.number + ' ' if node.number else ''}{node.title}"
        lines.append(
            Line(kind="node", id=key, title=title, a=x.score if x else None, b=y.score if y else None, unit="分")
        )
    for key, title in _TOTALS.items():
        lines.append(Line(kind="score", id=key, title=title, a=getattr(ra, key), b=getattr(rb, key), unit="分"))
    fa, fb = ra.data.figures, rb.data.figures
    for key in [*fa, *(k for k in fb if k not in fa)]:
        x2, y2 = fa.get(key), fb.get(key)
        spec = ra.rubric.figures.get(key) or rb.rubric.figures.get(key)
        either = x2 or y2
        title = spec.title if spec else ((either.title if either else None) or key)
        unit = (spec.unit if spec else None) or (either.unit if either else None) or ""
        lines.append(Line(kind="figure", id=key, title=title, a=_in(x2, unit), b=_in(y2, unit), unit=unit))
    return Comparison(a, b, lines)


def _in(fig: Figure | None, unit: str) -> Decimal | None:
    """A figure's value in the unit the comparison shows (33596200元 as 3359.62万元)."""
    if fig is None or fig.value is None:
        return None
    try:
        return convert(fig.value, fig.unit, unit or None)
    except InvalidValue:  # another kind of unit: refused at loading, never compared
        return None
