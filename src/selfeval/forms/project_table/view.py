"""The project table's view model: the table itself, typed (strings and numbers).

Cells the county wrote are shown as written (``≥8755人``); scores are the computed ones, or
with ``--scores claimed`` the county's own. :func:`sheet` gives the same table as rows for a
spreadsheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from selfeval.choices import Scores
from selfeval.forms.interface import ReportOptions
from selfeval.forms.project_table.models import Line, TableData, TableRubric, level_name
from selfeval.forms.project_table.weights import weights
from selfeval.forms.views import ReportView, Sheet, SheetCell, adjustments_view, findings_view
from selfeval.models.data import Figure
from selfeval.numbers import as_written, fmt
from selfeval.problems import Problem
from selfeval.provenance import Provenance
from selfeval.scoring import NodeResult, ScoreResult
from selfeval.wording import grades

HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


@dataclass(frozen=True, kw_only=True)
class RowView:
    """One indicator row: its cells as written, its points and its score."""

    id: str
    category: str
    name: str
    target: str
    actual: str
    points: str
    score: str
    """The score the table carries: computed, or claimed."""
    computed: str
    claimed: str
    reason: str
    explanation: str
    met: bool


@dataclass(frozen=True, kw_only=True)
class LevelView:
    """一级指标 with its weight, score and rows."""

    name: str
    points: str
    score: str
    rows: list[RowView]


@dataclass(frozen=True, kw_only=True)
class LineView:
    """A row of the budget block as written (— where the table leaves it empty)."""

    name: str
    initial: str
    budget: str
    spent: str
    points: str
    rate: str
    score: str


@dataclass(frozen=True, kw_only=True)
class FundingView:
    """The budget block (项目资金)."""

    initial: str
    budget: str
    spent: str
    rate: str
    rate_computed: str
    points: str
    score: str
    unit: str
    lines: list[LineView]


@dataclass(frozen=True, kw_only=True)
class SubjectView:
    name: str
    year: int


@dataclass(frozen=True, kw_only=True)
class ProjectView:
    name: str
    department: str
    unit: str


@dataclass(frozen=True, kw_only=True)
class GoalsView:
    expected: str
    achieved: str


@dataclass(frozen=True, kw_only=True)
class TotalView:
    points: str
    score: str
    grade: str


@dataclass(frozen=True, kw_only=True)
class RubricView:
    id: str
    version: str
    title: str
    document_number: str


@dataclass(frozen=True, kw_only=True)
class TableView(ReportView):
    """Everything the table templates may use."""

    subject: SubjectView
    project: ProjectView
    funding: FundingView
    goals: GoalsView
    levels: list[LevelView]
    total: TotalView
    rubric: RubricView


def _amount(fig: Figure | None, column: str | None = None) -> str:
    """A cell of the budget block as written: its unit shown where it is not the column's (3359.62万)."""
    if fig is None:
        return "—"
    if fig.unknown:
        return "未知"
    if fig.value is None:
        return "待填"
    return as_written(fig.value) + (fig.unit if fig.unit and fig.unit != column else "")


def _score(r: NodeResult | None, claimed: bool) -> str:
    if r is None:
        return ""
    if claimed:
        return "" if r.claimed is None else fmt(r.claimed)
    return f"{fmt(r.score)}–{fmt(r.top)}" if r.ranged else fmt(r.rounded)


def _cell(text: str | None) -> str:
    """Text for one table cell: line breaks and runs of spaces as one space."""
    return " ".join((text or "").split())


def _number(text: str) -> SheetCell:
    try:
        return float(Decimal(text))
    except ArithmeticError:
        return text


def _line(line: Line) -> LineView:
    def shown(value: str | None) -> str:
        return "—" if value is None else value

    return LineView(
        name=line.name,
        initial=shown(line.initial),
        budget=shown(line.budget),
        spent=shown(line.spent),
        points=shown(line.points),
        rate=shown(line.rate),
        score=shown(line.score),
    )


def _levels(result: ScoreResult[TableRubric, TableData], claimed: bool) -> list[LevelView]:
    data, rubric = result.data, result.rubric
    nodes = result.by_id()
    w = weights(rubric, data)
    levels = []
    for level in rubric.levels:
        rows = []
        for i, row in enumerate(data.indicators):
            if not level.matches(row.level):
                continue
            r = nodes.get(data.row_id(i))
            rows.append(
                RowView(
                    id=data.row_id(i),
                    category=level_name(row.category or ""),
                    name=level_name(row.name or ""),
                    target=_cell(row.target.text),
                    actual=_cell(row.actual.text) or ("待填" if row.actual.pending else ""),
                    points=fmt(w.rows[i]) + ("（推定）" if i in w.shared else ""),
                    score=_score(r, claimed),
                    computed=_score(r, False),
                    claimed="" if row.score is None else fmt(row.score),
                    reason=_cell(row.reason),
                    explanation=r.explanation if r else "",
                    met=r is not None and r.score == r.max,
                )
            )
        unseen = nodes.get(f"{level.id}-unseen")
        if unseen is not None:  # the rows a cut-off table does not show, as one row of the range
            rows.append(
                RowView(
                    id=unseen.id,
                    category="",
                    name=unseen.node.title,
                    target="未知",
                    actual="未知",
                    points=fmt(unseen.max),
                    score="" if claimed else _score(unseen, False),
                    computed=_score(unseen, False),
                    claimed="",
                    reason="",
                    explanation=unseen.explanation,
                    met=False,
                )
            )
        if rows:
            section = nodes.get(level.id)
            levels.append(
                LevelView(name=level.name, points=fmt(w.levels[level.id]), score=_score(section, claimed), rows=rows)
            )
    return levels


def _funding(result: ScoreResult[TableRubric, TableData], claimed: bool) -> FundingView:
    money = result.data.funding
    rate = result.context.try_value("funding_spent / funding_budget * 100")
    return FundingView(
        initial=_amount(money.initial, money.unit),
        budget=_amount(money.budget, money.unit),
        spent=_amount(money.spent, money.unit),
        rate="" if money.rate is None else _amount(money.rate, ""),
        rate_computed="" if rate is None else fmt(rate) + "%",
        points=fmt(weights(result.rubric, result.data).funding),
        score=_score(result.by_id().get("funding"), claimed),
        unit=money.unit,
        lines=[_line(line) for line in money.lines],
    )


def view_model(
    result: ScoreResult[TableRubric, TableData],
    findings: list[Problem],
    provenance: Provenance,
    options: ReportOptions,
) -> TableView:
    """Everything the table templates may use."""
    data, rubric = result.data, result.rubric
    claimed = options.scores is Scores.CLAIMED
    total = result.claimed_total if claimed else result.total
    total_text = "" if total is None else fmt(total)
    if not claimed and result.ranged:
        total_text = f"{fmt(result.total)}–{fmt(result.total_high)}"
    return TableView(
        subject=SubjectView(name=data.subject.name, year=data.subject.year),
        project=ProjectView(
            name=_cell(data.project.name),
            department=_cell(data.project.department),
            unit=_cell(data.project.unit),
        ),
        funding=_funding(result, claimed),
        goals=GoalsView(expected=_cell(data.goals.expected), achieved=_cell(data.goals.achieved)),
        levels=_levels(result, claimed),
        total=TotalView(points=fmt(rubric.total), score=total_text, grade=grades(result.grade, result.grade_high)),
        rubric=RubricView(
            id=rubric.id, version=rubric.version, title=rubric.title, document_number=rubric.document_number
        ),
        scores=options.scores.value,
        with_audit=options.with_audit,
        findings=findings_view(findings),
        adjustments=adjustments_view(result),
        provenance=provenance,
    )


def sheet(view: TableView) -> Sheet:
    """The same table as rows of cells for a spreadsheet: numbers as numbers."""
    funding, levels = view.funding, view.levels
    rate_shown = funding.rate or funding.rate_computed
    first: list[SheetCell] = [_number(funding.points), rate_shown, _number(funding.score)]
    funding_rows: list[list[SheetCell]] = [
        [
            line.name,
            _number(line.initial),
            _number(line.budget),
            _number(line.spent),
            *(first if k == 0 else [_number(line.points), _number(line.rate), _number(line.score)]),
        ]
        for k, line in enumerate(funding.lines)
    ] or [["年度资金总额", _number(funding.initial), _number(funding.budget), _number(funding.spent), *first]]
    rows: list[list[SheetCell]] = []
    for group in levels:
        for k, row in enumerate(group.rows):
            rows.append(
                [
                    f"{group.name}（{group.points}分）" if k == 0 else "",
                    row.category,
                    row.name,
                    row.target,
                    row.actual,
                    _number(row.points),
                    _number(row.score),
                    row.reason,
                ]
            )
    total, subject, project = view.total, view.subject, view.project
    rows.append(["总分", "", "", "", "", _number(total.points), _number(total.score), ""])
    return Sheet(
        title=f"{subject.name}项目支出绩效自评表（{subject.year}年度）：{project.name}",
        header=HEADER,
        rows=rows,
        before=[
            ["项目名称", project.name],
            ["主管部门", project.department, "实施单位", project.unit],
            [f"项目资金（{funding.unit}）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            *funding_rows,
            ["年度总体目标", "预期目标：" + view.goals.expected, "实际完成情况：" + view.goals.achieved],
        ],
    )
