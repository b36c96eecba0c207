"""The project table's view model: the table itself as plain data (strings and numbers).

Cells the county wrote are shown as written (``≥8755人``); scores are the computed ones, or
with ``--scores claimed`` the county's own. ``sheet`` is the same table as rows for Excel.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from selfeval.choices import Scores
from selfeval.forms.base import Provenance, ReportOptions, adjustments_view, findings_view, provenance_view
from selfeval.forms.narrative.text import as_written
from selfeval.forms.project_table.models import Line, TableData, TableRubric, level_name
from selfeval.models.data import Figure
from selfeval.numbers import fmt
from selfeval.problems import Problem
from selfeval.scoring import NodeResult, ScoreResult

HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


def _amount(fig: Figure | None) -> str:
    if fig is None:
        return "—"
    if fig.unknown:
        return "未知"
    return "待填" if fig.value is None else as_written(fig.value)


def _score(r: NodeResult | None, claimed: bool) -> str:
    if r is None:
        return ""
    if claimed:
        return "" if r.claimed is None else fmt(r.claimed)
    return f"{fmt(r.score)}–{fmt(r.top)}" if r.ranged else fmt(r.rounded)


def _cell(text: str | None) -> str:
    """Text for one table cell: line breaks and runs of spaces as one space."""
    return " ".join((text or "").split())


def _number(text: str) -> float | str:
    try:
        return float(Decimal(text))
    except ArithmeticError:
        return text


def _line(line: Line) -> dict[str, str]:
    cells = line.model_dump()
    return {k: "—" if v is None else v for k, v in cells.items()}


def view_model(
    result: ScoreResult, findings: list[Problem], provenance: Provenance, options: ReportOptions
) -> dict[str, Any]:
    """Everything the table templates may use."""
    data, rubric = result.data, result.rubric
    if not isinstance(data, TableData) or not isinstance(rubric, TableRubric):  # the form loaded both
        raise TypeError("a project table needs table data and a table rubric")
    claimed = options.scores is Scores.CLAIMED
    nodes = result.by_id()
    funding = nodes.get("funding")
    money = data.funding
    rate = result.context.try_value("funding_spent / funding_budget * 100")
    levels: list[dict[str, Any]] = []
    for level in rubric.levels:
        rows = []
        for i, row in enumerate(data.indicators):
            if not level.matches(row.level):
                continue
            r = nodes.get(data.row_id(i))
            rows.append(
                {
                    "id": data.row_id(i),
                    "category": level_name(row.category or ""),
                    "name": level_name(row.name or ""),
                    "target": _cell(row.target.text),
                    "actual": _cell(row.actual.text) or ("待填" if row.actual.pending else ""),
                    "points": fmt(row.points),
                    "score": _score(r, claimed),
                    "computed": _score(r, False),
                    "claimed": "" if row.score is None else fmt(row.score),
                    "reason": _cell(row.reason),
                    "explanation": r.explanation if r else "",
                    "met": r is not None and r.score == r.max,
                }
            )
        if rows:
            section = nodes.get(level.id)
            levels.append(
                {"name": level.name, "points": fmt(level.points), "score": _score(section, claimed), "rows": rows}
            )
    total = result.claimed_total if claimed else result.total
    total_text = "" if total is None else fmt(total)
    if not claimed and result.ranged:
        total_text = f"{fmt(result.total)}–{fmt(result.total_high)}"
    funding_view: dict[str, Any] = {
        "initial": _amount(money.initial),
        "budget": _amount(money.budget),
        "spent": _amount(money.spent),
        "rate": "" if money.rate is None else _amount(money.rate) + "%",
        "rate_computed": "" if rate is None else fmt(rate) + "%",
        "points": fmt(rubric.funding.points),
        "score": _score(funding, claimed),
        "unit": money.unit,
        "lines": [_line(line) for line in money.lines],
    }
    view: dict[str, Any] = {
        "subject": {"name": data.subject.name, "year": data.subject.year},
        "project": {
            "name": _cell(data.project.name),
            "department": _cell(data.project.department),
            "unit": _cell(data.project.unit),
        },
        "funding": funding_view,
        "goals": {"expected": _cell(data.goals.expected), "achieved": _cell(data.goals.achieved)},
        "levels": levels,
        "total": {"points": fmt(rubric.total), "score": total_text, "grade": result.grade},
        "rubric": {
            "id": rubric.id,
            "version": rubric.version,
            "title": rubric.title,
            "document_number": rubric.document_number,
        },
        "scores": options.scores.value,
        "with_audit": options.with_audit,
        "findings": findings_view(findings),
        "adjustments": adjustments_view(result),
        "provenance": provenance_view(provenance),
    }
    view["sheet"] = _sheet(view)
    return view


def _sheet(view: dict[str, Any]) -> dict[str, Any]:
    """The same table as rows of cells for a spreadsheet: numbers as numbers."""
    funding, levels = view["funding"], view["levels"]
    rate_shown = funding["rate"] or funding["rate_computed"]
    first = [_number(funding["points"]), rate_shown, _number(funding["score"])]
    funding_rows: list[list[Any]] = [
        [
            line["name"],
            *(_number(line[k]) for k in ("initial", "budget", "spent")),
            *(first if k == 0 else [_number(line[k]) for k in ("points", "rate", "score")]),
        ]
        for k, line in enumerate(funding["lines"])
    ] or [["年度资金总额", *(_number(funding[k]) for k in ("initial", "budget", "spent")), *first]]
    sheet_rows: list[list[Any]] = []
    for group in levels:
        for k, row in enumerate(group["rows"]):
            cells = [
                f"{group['name']}（{group['points']}分）" if k == 0 else "",
                row["category"],
                row["name"],
                row["target"],
                row["actual"],
                _number(row["points"]),
                _number(row["score"]),
                row["reason"],
            ]
            sheet_rows.append(cells)
    total, subject, project = view["total"], view["subject"], view["project"]
    sheet_rows.append(["总分", "", "", "", "", _number(total["points"]), _number(total["score"]), ""])
    return {
        "title": f"{subject['name']}项目支出绩效自评表（{subject['year']}年度）：{project['name']}",
        "header": HEADER,
        "rows": sheet_rows,
        "before": [
            ["项目名称", project["name"]],
            ["主管部门", project["department"], "实施单位", project["unit"]],
            [f"项目资金（{funding['unit']}）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            *funding_rows,
            ["年度总体目标", "预期目标：" + view["goals"]["expected"], "实际完成情况：" + view["goals"]["achieved"]],
        ],
    }
