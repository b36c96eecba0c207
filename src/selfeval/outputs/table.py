"""Tables and text for people at a terminal (and in ``.txt`` files).

Data text is escaped for rich's markup before it reaches a table, so a title containing
``[red]`` is shown as written.
"""

from __future__ import annotations

import io
from typing import IO, TYPE_CHECKING, Any

from selfeval.batch import Ranking
from selfeval.choices import Format
from selfeval.compare import Comparison
from selfeval.numbers import fmt
from selfeval.outputs.base import Findings, Reporter, write_text
from selfeval.pipeline import Evaluation
from selfeval.problems import Problem, Severity
from selfeval.scoring import gaps

if TYPE_CHECKING:
    from rich.table import Table

SEVERITY_WORDS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def _text(value: object) -> str:
    """Data as rich shows it literally."""
    from rich.markup import escape

    return escape(str(value))


def render(*parts: Table | str, width: int) -> str:
    """Rich renderables (tables, lines) as plain text, without colour or terminal codes."""
    from rich.console import Console

    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=False, color_system=None, markup=False, highlight=False)
    for part in parts:
        console.print(part)
    return out.getvalue()


def _table(title: str, columns: list[tuple[str, str]]) -> Table:
    from rich.table import Table

    table = Table(title=_text(title), header_style="bold")
    for name, justify in columns:
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    return table


def _chg(v: Any) -> str:
    if v is None:
        return "—"
    return "" if v == 0 else (f"+{fmt(v)}" if v > 0 else fmt(v))


class TableReporter(Reporter):
    """Human-readable tables and text."""

    format = Format.TABLE
    suffixes = (".txt",)

    def _width(self, default: int) -> int:
        return self.options.width or default

    def score(self, ev: Evaluation, out: IO[bytes]) -> None:
        r = ev.result
        p = r.rubric.rounding.places
        table = _table(
            f"{ev.label} · {r.rubric.title}",
            [
                ("编号", "left"),
                ("指标", "left"),
                ("分值", "right"),
                ("得分", "right"),
                ("自评", "right"),
                ("", "center"),
            ],
        )
        for n in r.walk():
            title = "  " * n.depth + n.node.title + (" *" if n.node.assumed else "")
            shown = fmt(n.score, p) if n.status == "scored" else "不适用"
            if n.type.value == "deduction":
                shown = f"-{shown}" if n.score else "0"
            table.add_row(
                _text(n.node.number or n.id),
                _text(title),
                fmt(n.max),
                shown,
                "" if n.claimed is None else fmt(n.claimed),
                "≠" if n.differs else "",
                style="bold" if n.depth == 0 else "",
            )
        errors = sum(1 for f in ev.findings if f.severity is Severity.ERROR)
        claimed = "" if r.claimed_total is None else f"，自评 {fmt(r.claimed_total)}"
        lines = [
            f"基本分 {fmt(r.standard, p)}/{fmt(r.standard_max)}  加分 {fmt(r.bonus, p)}/{fmt(r.bonus_max)}"
            f"  扣分 {fmt(r.deduction, p)}/{fmt(r.deduction_max)}  总分 {fmt(r.total, p)}{claimed}  等次 {r.grade}"
        ]
        if r.vetoes:
            lines.append("一票否决：" + "；".join(v.title for v in r.vetoes))
        lines.append(
            f"* 规则为推定（assumed），见评分标准注释。审核发现：{errors} 个错误，"
            f"{len(ev.findings) - errors} 个警告或提示（selfeval audit 查看）。"
        )
        write_text(out, render(table, *lines, width=self._width(110)))

    def gaps(self, ev: Evaluation, out: IO[bytes]) -> None:
        r = ev.result
        p = r.rubric.rounding.places
        found = gaps(r)
        lines = [f"{ev.label}：总分 {fmt(r.total, p)}，失分 {len(found)} 处，按对总分的影响从大到小："]
        if not found:
            lines.append("  无失分项。")
        for g in found:
            n = g.result
            label = f"第{n.node.number}项 " if n.node.number else ""
            where = " > ".join(a.node.title for a in g.path[1:]) or n.node.title
            absorbed = "" if g.effect == g.lost else f"（因上级封顶，实际影响总分 {fmt(g.effect, p)} 分）"
            verb = "扣" if n.type.value == "deduction" else "失"
            lines.append(f"- {verb}{fmt(g.lost, p)}分{absorbed}  {n.id} {label}{n.node.title}  [{where}]")
            lines.append(f"    原因：{n.explanation}")
            if n.gap:
                lines.append(f"    挽回：{n.gap}")
        write_text(out, "\n".join(lines) + "\n")

    def ranking(self, ranking: Ranking, out: IO[bytes]) -> None:
        table = _table(
            "排名",
            [
                ("名次", "right"),
                ("县（市、区）", "left"),
                ("年度", "right"),
                ("基本分", "right"),
                ("加分", "right"),
                ("扣分", "right"),
                ("总分", "right"),
                ("等次", "center"),
                ("自评", "right"),
                ("审核错误", "right"),
                ("文件", "left"),
            ],
        )
        for rank, row in ranking.ranked():
            if rank is None:
                first = row.problems[0].message if row.problems else ""
                table.add_row("—", "", "", "", "", "", "", "", "", "", _text(f"{row.path}: {first}"), style="red")
                continue
            p = row.places
            table.add_row(
                str(rank),
                _text(row.name),
                str(row.year),
                *(fmt(v, p) if v is not None else "" for v in (row.standard, row.bonus, row.deduction, row.total)),
                _text(row.grade),
                "" if row.claimed_total is None else fmt(row.claimed_total, p),
                str(row.audit_errors),
                _text(row.path),
            )
        write_text(out, render(table, width=self._width(140)))

    def findings(self, findings: Findings, out: IO[bytes]) -> None:
        lines = []
        for f in findings.files:
            if not f.problems:
                lines.append(f"{f.label}：未发现问题。")
                continue
            c = f.counts()
            lines.append(
                f"{f.label}：{c[Severity.ERROR]} 个错误，{c[Severity.WARNING]} 个警告，{c[Severity.INFO]} 条提示"
            )
            for p in sorted(f.problems, key=Problem.severity_key):
                at = f"第{p.line}行 " if p.line else ""
                lines.append(f"[{SEVERITY_WORDS[p.severity]}] {at}{p.code} {p.subject}: {p.message}")
        write_text(out, "\n".join(lines) + "\n")

    def comparison(self, comparison: Comparison, out: IO[bytes]) -> None:
        c = comparison
        table = _table(
            f"{c.a.label} → {c.b.label}",
            [
                ("类别", "left"),
                ("项目", "left"),
                (c.a.label, "right"),
                (c.b.label, "right"),
                ("变化", "right"),
                ("单位", "left"),
            ],
        )
        words = {"node": "得分", "score": "合计", "figure": "数据"}
        for x in c.lines:
            table.add_row(
                words[x.kind],
                _text(x.title),
                "—" if x.a is None else fmt(x.a),
                "—" if x.b is None else fmt(x.b),
                _chg(x.change),
                _text(x.unit),
            )
        write_text(out, render(table, width=self._width(120)))
