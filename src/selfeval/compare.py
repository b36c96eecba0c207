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

_TOTALS = {
    "standard": ("基本分", "standard", "standard_high"),
    "bonus": ("加分", "bonus", "bonus_high"),
    "deduction": ("扣分", "deduction_low", "deduction"),  # the least taken off, then the most
    "total": ("总分", "total", "total_high"),
}
"""Each total's title and where a result keeps the low and the high end of its range."""


@dataclass(frozen=True, kw_only=True)
class Line:
    """One compared quantity: ``a``/``b`` the lowest, ``a_high``/``b_high`` the highest it could be
    when an unknown input leaves a range (None: the same as the lowest)."""

    kind: LineKind
    id: str
    title: str
    a: Decimal | None
    b: Decimal | None
    unit: str = ""
    a_high: Decimal | None = None
    b_high: Decimal | None = None

    @property
    def a_top(self) -> Decimal | None:
        return self.a if self.a_high is None else self.a_high

    @property
    def b_top(self) -> Decimal | None:
        return self.b if self.b_high is None else self.b_high

    @property
    def ranged(self) -> bool:
        return (self.a_top, self.b_top) != (self.a, self.b)

    @property
    def change_range(self) -> tuple[Decimal, Decimal] | None:
        """The least and the most the change could be: B's lowest less A's highest, and the reverse."""
        if self.a is None or self.b is None or self.a_top is None or self.b_top is None:
            return None
        return self.b - self.a_top, self.b_top - self.a

    @property
    def change(self) -> Decimal | None:
        """The change when it is one number; None when either side is missing or a range."""
        both = self.change_range
        return None if both is None or both[0] != both[1] else both[0]


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
            Line(
                kind="node",
                id=key,
                title=title,
                a=x.score if x else None,
                b=y.score if y else None,
                a_high=x.top if x else None,
                b_high=y.top if y else None,
                unit="分",
            )
        )
    for key, (title, low, high) in _TOTALS.items():
        lines.append(
            Line(
                kind="score",
                id=key,
                title=title,
                a=getattr(ra, low),
                b=getattr(rb, low),
                a_high=getattr(ra, high),
                b_high=getattr(rb, high),
                unit="分",
            )
        )
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
