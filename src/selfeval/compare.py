"""Two data files side by side: every node's score and every figure, with the change."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from selfeval.choices import Format
from selfeval.numbers import fmt
from selfeval.reporters import dumps, number
from selfeval.scoring import ScoreResult


@dataclass
class Line:
    """One compared quantity."""

    kind: str
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

    a: ScoreResult
    b: ScoreResult
    lines: list[Line]

    def label(self, r: ScoreResult) -> str:
        return f"{r.data.subject.name} {r.data.subject.year}"


def compare(a: ScoreResult, b: ScoreResult) -> Comparison:
    """Nodes by id (in A's rubric order, then B's extras), then the total, then figures."""
    lines: list[Line] = []
    na, nb = a.by_id(), b.by_id()
    order = list(na) + [k for k in nb if k not in na]
    for key in order:
        ra, rb = na.get(key), nb.get(key)
        node = (ra or rb).node  # type: ignore[union-attr]
        title = f"{node.number + ' ' if node.number else ''}{node.title}"
        lines.append(Line("node", key, title, ra.score if ra else None, rb.score if rb else None))
    for name, (x, y) in {
        "standard": (a.standard, b.standard),
        "bonus": (a.bonus, b.bonus),
        "deduction": (a.deduction, b.deduction),
        "total": (a.total, b.total),
    }.items():
        lines.append(
            Line(
                "score", name, {"standard": "基本分", "bonus": "加分", "deduction": "扣分", "total": "总分"}[name], x, y
            )
        )
    figs = list(a.data.figures) + [k for k in b.data.figures if k not in a.data.figures]
    for key in figs:
        fa, fb = a.data.figures.get(key), b.data.figures.get(key)
        spec = a.rubric.figures.get(key) or b.rubric.figures.get(key)
        title = spec.title if spec else ((fa or fb).title or key)  # type: ignore[union-attr]
        unit = (spec.unit if spec else None) or (fa or fb).unit or ""  # type: ignore[union-attr]
        lines.append(Line("figure", key, title, fa.value if fa else None, fb.value if fb else None, unit))
    return Comparison(a, b, lines)


def _f(v: Decimal | None) -> str:
    return "—" if v is None else fmt(v)


def _chg(v: Decimal | None) -> str:
    if v is None:
        return "—"
    return "" if v == 0 else (f"+{fmt(v)}" if v > 0 else fmt(v))


def compare_table(c: Comparison) -> str:
    """A rich table of the comparison."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{c.label(c.a)} → {c.label(c.b)}", header_style="bold")
    for col, just in [
        ("类别", "left"),
        ("项目", "left"),
        (c.label(c.a), "right"),
        (c.label(c.b), "right"),
        ("变化", "right"),
        ("单位", "left"),
    ]:
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    words = {"node": "得分", "score": "合计", "figure": "数据"}
    for line in c.lines:
        table.add_row(
            words[line.kind],
            line.title,
            _f(line.a),
            _f(line.b),
            _chg(line.change),
            line.unit or ("分" if line.kind != "figure" else ""),
        )
    out = io.StringIO()
    Console(file=out, width=120, force_terminal=False, color_system=None).print(table)
    return out.getvalue()


def compare_rows(c: Comparison) -> list[dict[str, Any]]:
    """The comparison as plain rows."""
    return [
        {
            "kind": x.kind,
            "id": x.id,
            "title": x.title,
            "a": None if x.a is None else number(x.a, 4),
            "b": None if x.b is None else number(x.b, 4),
            "change": None if x.change is None else number(x.change, 4),
            "unit": x.unit,
        }
        for x in c.lines
    ]


def compare_csv(c: Comparison) -> str:
    """The comparison as CSV."""
    out = io.StringIO()
    w = csv.DictWriter(out, ["kind", "id", "title", "a", "b", "change", "unit"], lineterminator="\n")
    w.writeheader()
    for row in compare_rows(c):
        w.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()


COMPARE_FORMATS: dict[Format, Callable[[Comparison], str]] = {
    Format.TABLE: compare_table,
    Format.JSON: lambda c: dumps({"a": c.label(c.a), "b": c.label(c.b), "lines": compare_rows(c)}),
    Format.CSV: compare_csv,
}
