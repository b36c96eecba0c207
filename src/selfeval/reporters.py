"""Turn results into what the terminal, a CI job or a spreadsheet reads.

Each output family is a dict from format name to a function; the CLI looks formats up
there, and a test checks every format choice is handled.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from selfeval.audit import Finding
from selfeval.choices import Format, Severity
from selfeval.numbers import fmt
from selfeval.scoring import NodeResult, ScoreResult, gaps, quantize


def number(value: Decimal, places: int = 2) -> int | float:
    """A JSON number for a score: an integer when whole."""
    q = quantize(value, places)
    return int(q) if q == q.to_integral_value() else float(q)


def _opt(value: Decimal | None, places: int) -> int | float | None:
    return None if value is None else number(value, places)


def node_json(r: NodeResult, places: int) -> dict[str, Any]:
    """One node of the JSON contract, with its children."""
    return {
        "id": r.id,
        "number": r.node.number,
        "title": r.node.title,
        "type": r.type.value,
        "max": number(r.max, places),
        "score": number(r.score, places),
        "claimed": _opt(r.claimed, places),
        "explanation": r.explanation,
        "status": r.status,
        "not_applicable_policy": r.na_policy.value if r.na_policy else None,
        "assumed": r.node.assumed,
        "evidence": r.used,
        "missing": r.missing,
        "children": [node_json(c, places) for c in r.children],
    }


def finding_json(f: Finding) -> dict[str, Any]:
    """One finding as JSON."""
    return {
        "severity": f.severity.value,
        "code": f.code,
        "subject": f.subject,
        "message": f.message,
        "message_en": f.message_en,
        "values": f.values,
    }


def score_json(result: ScoreResult, findings: list[Finding]) -> dict[str, Any]:
    """The stable JSON contract of ``selfeval score``."""
    p = result.rubric.rounding.places
    return {
        "rubric": {"id": result.rubric.id, "version": result.rubric.version},
        "subject": {"name": result.data.subject.name, "year": result.data.subject.year},
        "standard": {"max": number(result.standard_max, p), "score": number(result.standard, p)},
        "bonus": {"max": number(result.bonus_max, p), "score": number(result.bonus, p)},
        "deduction": {"max": number(result.deduction_max, p), "score": number(result.deduction, p)},
        "total": number(result.total, p),
        "claimed_total": _opt(result.claimed_total, p),
        "grade": result.grade,
        "vetoes": [v.id for v in result.vetoes],
        "nodes": [node_json(s, p) for s in result.sections],
        "findings": [finding_json(f) for f in findings],
    }


def dumps(obj: Any) -> str:
    """JSON as selfeval writes it: UTF-8 text, Chinese unescaped, stable key order."""
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def _mark(r: NodeResult, places: int) -> str:
    if r.claimed is None:
        return ""
    return "≠" if quantize(r.score, places) != r.claimed else ""


def score_table(result: ScoreResult, findings: list[Finding]) -> str:
    """A rich table of the whole tree with points, computed and claimed scores."""
    from rich.console import Console
    from rich.table import Table

    p = result.rubric.rounding.places
    table = Table(
        title=f"{result.data.subject.name} {result.data.subject.year} · {result.rubric.title}",
        show_lines=False,
        header_style="bold",
    )
    table.add_column("编号", no_wrap=True)
    table.add_column("指标")
    table.add_column("分值", justify="right")
    table.add_column("得分", justify="right")
    table.add_column("自评", justify="right")
    table.add_column("", justify="center")
    for r in result.walk():
        style = "bold" if r.depth == 0 else ""
        mark = _mark(r, p)
        title = "  " * r.depth + r.node.title + (" *" if r.node.assumed else "")
        score = fmt(r.score, p) if r.status == "scored" else "不适用"
        if r.type.value == "deduction":
            score = f"-{score}" if r.score else "0"
        table.add_row(
            r.node.number or r.id,
            title,
            fmt(r.max),
            score,
            "" if r.claimed is None else fmt(r.claimed),
            f"[red]{mark}[/red]" if mark else "",
            style=style,
        )
    out = io.StringIO()
    console = Console(file=out, width=110, force_terminal=False, color_system=None)
    console.print(table)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    claimed = "" if result.claimed_total is None else f"，自评 {fmt(result.claimed_total)}"
    console.print(
        f"基本分 {fmt(result.standard, p)}/{fmt(result.standard_max)}  "
        f"加分 {fmt(result.bonus, p)}/{fmt(result.bonus_max)}"
        f"  扣分 {fmt(result.deduction, p)}/{fmt(result.deduction_max)}  "
        f"总分 {fmt(result.total, p)}{claimed}  等次 {result.grade}"
    )
    if result.vetoes:
        console.print("一票否决：" + "；".join(v.title for v in result.vetoes))
    console.print(
        f"* 规则为推定（assumed），见评分标准注释。审核发现：{errors} 个错误，"
        f"{len(findings) - errors} 个警告或提示（selfeval audit 查看）。"
    )
    return out.getvalue()


CSV_FIELDS = [
    "id",
    "number",
    "title",
    "type",
    "depth",
    "max",
    "score",
    "claimed",
    "differs",
    "assumed",
    "status",
    "explanation",
]


def score_csv(result: ScoreResult, findings: list[Finding]) -> str:
    """One row per node."""
    p = result.rubric.rounding.places
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_FIELDS)
    for r in result.walk():
        w.writerow(
            [
                r.id,
                r.node.number or "",
                r.node.title,
                r.type.value,
                r.depth,
                fmt(r.max),
                fmt(r.score, p),
                "" if r.claimed is None else fmt(r.claimed),
                "yes" if _mark(r, p) else "",
                "yes" if r.node.assumed else "",
                r.status,
                r.explanation,
            ]
        )
    w.writerow(
        [
            "total",
            "",
            "总分",
            "",
            "",
            fmt(result.total_max),
            fmt(result.total, p),
            "" if result.claimed_total is None else fmt(result.claimed_total),
            "",
            "",
            "",
            result.grade,
        ]
    )
    return out.getvalue()


SCORE_FORMATS: dict[Format, Callable[[ScoreResult, list[Finding]], str]] = {
    Format.TABLE: score_table,
    Format.JSON: lambda r, f: dumps(score_json(r, f)),
    Format.CSV: score_csv,
}


def gaps_text(result: ScoreResult) -> str:
    """Points lost, largest first, each with what would recover them."""
    p = result.rubric.rounding.places
    found = gaps(result)
    lines = [
        f"{result.data.subject.name} {result.data.subject.year}：总分 {fmt(result.total, p)}，"
        f"失分 {len(found)} 处，按对总分的影响从大到小："
    ]
    if not found:
        lines.append("  无失分项。")
    for g in found:
        r = g.result
        label = f"第{r.node.number}项 " if r.node.number else ""
        where = " > ".join(a.node.title for a in g.path[1:]) or r.node.title
        absorbed = "" if g.effect == g.lost else f"（因上级封顶，实际影响总分 {fmt(g.effect, p)} 分）"
        verb = "扣" if r.type.value == "deduction" else "失"
        lines.append(f"- {verb}{fmt(g.lost, p)}分{absorbed}  {r.id} {label}{r.node.title}  [{where}]")
        lines.append(f"    原因：{r.explanation}")
        if r.gap:
            lines.append(f"    挽回：{r.gap}")
    return "\n".join(lines) + "\n"


def gaps_json(result: ScoreResult) -> list[dict[str, Any]]:
    """The gaps as JSON."""
    p = result.rubric.rounding.places
    return [
        {
            "id": g.result.id,
            "title": g.result.node.title,
            "lost": number(g.lost, p),
            "effect_on_total": number(g.effect, p),
            "explanation": g.result.explanation,
            "recover": g.result.gap,
        }
        for g in gaps(result)
    ]


def audit_table(findings: list[Finding], label: str) -> str:
    """Findings as lines a reviewer reads top to bottom."""
    if not findings:
        return f"{label}：未发现问题。\n"
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    head = (
        f"{label}：{counts[Severity.ERROR]} 个错误，{counts[Severity.WARNING]} 个警告，{counts[Severity.INFO]} 条提示"
    )
    words = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
    lines = [head]
    for f in findings:
        lines.append(f"[{words[f.severity]}] {f.code} {f.subject}: {f.message}")
    return "\n".join(lines) + "\n"


@dataclass
class Row:
    """One county in a batch ranking; ``error`` is set when its file did not load."""

    path: str
    name: str = ""
    year: int | None = None
    standard: Decimal | None = None
    bonus: Decimal | None = None
    deduction: Decimal | None = None
    total: Decimal | None = None
    grade: str = ""
    claimed_total: Decimal | None = None
    audit_errors: int = 0
    error: str | None = None
    problems: list[str] = field(default_factory=list)


RANK_FIELDS = [
    "rank",
    "name",
    "year",
    "standard",
    "bonus",
    "deduction",
    "total",
    "grade",
    "claimed_total",
    "audit_errors",
    "path",
    "error",
]


def _rank_rows(rows: list[Row]) -> list[dict[str, Any]]:
    out = []
    rank = 0
    for row in rows:
        if row.error is None:
            rank += 1
        out.append(
            {
                "rank": rank if row.error is None else None,
                "name": row.name,
                "year": row.year,
                "standard": _opt(row.standard, 2),
                "bonus": _opt(row.bonus, 2),
                "deduction": _opt(row.deduction, 2),
                "total": _opt(row.total, 2),
                "grade": row.grade,
                "claimed_total": _opt(row.claimed_total, 2),
                "audit_errors": row.audit_errors,
                "path": row.path,
                "error": row.error,
            }
        )
    return out


def ranking_table(rows: list[Row]) -> str:
    """The ranking as a rich table."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="排名", header_style="bold")
    for name, justify in [
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
    ]:
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for d in _rank_rows(rows):
        if d["error"] is not None:
            table.add_row("—", "", "", "", "", "", "", "", "", "", f"{d['path']}: {d['error']}", style="red")
            continue
        table.add_row(
            str(d["rank"]),
            d["name"],
            str(d["year"]),
            *(str(d[k]) for k in ("standard", "bonus", "deduction", "total")),
            d["grade"],
            "" if d["claimed_total"] is None else str(d["claimed_total"]),
            str(d["audit_errors"]),
            d["path"],
        )
    out = io.StringIO()
    Console(file=out, width=140, force_terminal=False, color_system=None).print(table)
    return out.getvalue()


def ranking_csv(rows: list[Row]) -> str:
    """The ranking, one row per file."""
    out = io.StringIO()
    w = csv.DictWriter(out, RANK_FIELDS, lineterminator="\n")
    w.writeheader()
    for d in _rank_rows(rows):
        w.writerow({k: "" if v is None else v for k, v in d.items()})
    return out.getvalue()


RANKING_FORMATS: dict[Format, Callable[[list[Row]], str]] = {
    Format.TABLE: ranking_table,
    Format.JSON: lambda rows: dumps(_rank_rows(rows)),
    Format.CSV: ranking_csv,
}
