"""The project table form: 项目支出绩效自评表 in the national form (财预〔2020〕10号).

The rubric fixes the form, the weights of the 一级指标 and the scoring rules; each project's
data file holds its own rows. The tree scored is built from those rows: the budget block,
then one section per 一级指标 with the project's rows under it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from selfeval.forms.interface import Form, Imported, Properties, ReportOptions, Summary
from selfeval.forms.project_table import completion
from selfeval.forms.project_table.cells import COMPARATOR_WORDS
from selfeval.forms.project_table.checks import CHECKS
from selfeval.forms.project_table.messages import msg
from selfeval.forms.project_table.models import UNSEEN, Row, TableData, TableRubric, level_name
from selfeval.forms.project_table.skeleton import skeleton
from selfeval.forms.project_table.weights import Weights, weights
from selfeval.i18n import suggest_msg
from selfeval.load import Document
from selfeval.models.rubric import Node
from selfeval.numbers import ZERO, fmt
from selfeval.problems import Problem, Severity
from selfeval.provenance import Provenance
from selfeval.rules.tiers import check_tiers
from selfeval.scoring import ScoreResult
from selfeval.validate import check_relation_nodes, duplicate_ids

if TYPE_CHECKING:
    from selfeval.forms.project_table.view import TableView
    from selfeval.forms.views import Sheet


def _row_node(rubric: TableRubric, data: TableData, i: int, row: Row, w: Weights) -> Node:
    rid = data.row_id(i)
    base: dict[str, Any] = {"id": rid, "title": level_name(row.name or rid), "points": w.rows[i]}
    if i in w.shared:  # the table states no 分值 for the row: a share of its level's weight, said as such
        note = msg("table-points-shared", points=fmt(w.rows[i])).text()
        base |= {"assumed": True, "note": note}
    tiers = {"kind": "tiers", "tiers": [t.model_dump() for t in rubric.qualitative.tiers]}
    if row.judgement is not None and (row.actual.status is not None or row.actual.unknown):
        # 部分完成 or 未知, and an assessor's judgement of it: the judgement decides, in tiers
        return Node.model_validate({**base, "rule": tiers, "note": _notes(base, rubric.qualitative.note)})
    if row.actual.status is not None:  # 已完成, 未完成: the table says, no number
        return Node.model_validate({**base, "rule": {"kind": "completion", "status": f"{rid}_status"}})
    if row.target.direction is not None:  # 持续提高: a direction, judged with its own words
        note = msg("table-direction", target=row.target.text.strip(), direction=row.target.direction).text()
        return Node.model_validate({**base, "rule": tiers, "note": _notes(base, note)})
    if row.target.text and not (row.target.quantitative or row.target.unknown):  # 达到预期: judged in tiers
        return Node.model_validate({**base, "rule": tiers, "note": _notes(base, rubric.qualitative.note)})
    comparator = row.target.comparator or rubric.comparator_for(row.category or "")
    rule: dict[str, Any] = {
        "kind": "indicator",
        "actual": f"{rid}_actual",
        "target": f"{rid}_target",
        "comparator": comparator,
        "tolerance": rubric.equal_tolerance,
        "partial": rubric.partial,
    }
    if row.target.comparator is None and rubric.comparators.assumed:
        note = msg("table-comparator-assumed", comparator=COMPARATOR_WORDS[comparator]).text()
        return Node.model_validate({**base, "rule": rule, "assumed": True, "note": _notes(base, note)})
    return Node.model_validate({**base, "rule": rule})


def _notes(base: dict[str, Any], note: str | None) -> str | None:
    """A row's note after the note its points already carry, if any."""
    return "；".join(n for n in (base.get("note"), note) if n) or None


def _unseen(level_id: str, level_name: str, points: Decimal) -> Node:
    """The rows of a 一级指标 a cut-off table does not show, worth the rest of its weight."""
    rule = {"kind": "completion", "status": UNSEEN}
    note = msg("table-unseen", level=level_name, points=fmt(points)).text()
    return Node.model_validate(
        {"id": f"{level_id}-unseen", "title": "表中未见的行", "points": points, "rule": rule, "note": note}
    )


class ProjectTableForm(Form[TableRubric, TableData, "TableView"]):
    """The project expenditure self-evaluation table."""

    name = "project_table"
    title = "项目支出绩效自评表"
    rubric_model = TableRubric
    data_model = TableData
    templates: ClassVar[dict[str, str]] = {
        "markdown": "table.md.j2",
        "docx": "table.docx.j2",
        "docx-reference": "report.docx",
    }
    checks = CHECKS

    def tree(self, rubric: TableRubric, data: TableData) -> list[Node]:
        w = weights(rubric, data)
        funding = {
            "id": "funding",
            "title": rubric.funding.title,
            "points": w.funding,
            "rule": {"kind": "ratio", "numerator": "funding_spent", "denominator": "funding_budget"},
            "assumed": rubric.funding.assumed,
            "note": rubric.funding.note,
        }
        sections = [Node.model_validate(funding)]
        for level in rubric.levels:
            rows = [_row_node(rubric, data, i, r, w) for i, r in enumerate(data.indicators) if level.matches(r.level)]
            points = w.levels.get(level.id, ZERO)
            seen = sum((r.points for r in rows), ZERO)
            if data.more and seen < points:  # rows not shown: up to the rest of the weight
                rows.append(_unseen(level.id, level.name, points - seen))
            if rows:
                total = sum((r.points for r in rows), ZERO)
                section = {
                    "id": level.id,
                    "title": level.name,
                    "points": points,
                    "children_exceed": total > points,
                    "children": rows,
                }
                sections.append(Node.model_validate(section))
        return sections

    def check_rubric(self, rubric: TableRubric, doc: Document) -> Iterator[Problem]:
        yield from duplicate_ids(((lv.id, ("levels", i, "id")) for i, lv in enumerate(rubric.levels)), doc, "node")
        national = rubric.funding.points + sum((lv.points for lv in rubric.levels if lv.within is None), ZERO)
        if national != rubric.total:
            yield doc.problem(("levels",), msg("table-weights", weights=national, total=rubric.total), "sum")
        levels = {lv.id: lv for lv in rubric.levels}
        for i, lv in enumerate(rubric.levels):  # a level carved out of another takes its points from it
            if lv.within is not None and lv.within not in levels:
                hint = suggest_msg(lv.within, [x for x in levels if x != lv.id])
                problem = msg("level-within-unknown", id=lv.within, hint=hint)
                yield doc.problem(("levels", i, "within"), problem, "unknown-name")
            elif lv.within is not None and levels[lv.within].within is not None:
                yield doc.problem(("levels", i, "within"), msg("level-within-nested", id=lv.within), "unknown-name")
        # the rubric's relations belong to the budget block or a level: the rows are each project's own
        yield from check_relation_nodes(rubric.relations, ["funding", *levels], doc, ("relations",))
        for flaw in check_tiers(rubric.qualitative.tiers, ("qualitative", "tiers")):
            yield doc.problem(flaw.at, flaw.message, "rule")

    def check_data(self, data: TableData, doc: Document, rubric: TableRubric) -> Iterator[Problem]:
        reserved = {"funding", "total", *(lv.id for lv in rubric.levels)}
        ids = ((data.row_id(i), ("indicators", i, "id")) for i in range(len(data.indicators)))
        yield from duplicate_ids(ids, doc, "node")
        names = [lv.name for lv in rubric.levels]
        tiers = [t.name for t in rubric.qualitative.tiers]
        for i, row in enumerate(data.indicators):
            if data.row_id(i) in reserved:
                yield doc.problem(("indicators", i, "id"), msg("reserved-id", id=data.row_id(i)), "schema")
            if rubric.level_of(row.level) is None:
                hint = suggest_msg(level_name(row.level), names)
                yield doc.problem(("indicators", i, "level"), msg("table-level", level=row.level, hint=hint), "schema")
            if not row.units_agree:
                units = msg("unit-kinds", unit=row.actual.unit, to=row.target.unit)
                yield doc.problem(("indicators", i, "actual"), units, "unit")
            tier = row.judgement.tier if row.judgement else None
            if tier is not None and tier not in tiers:
                hint = suggest_msg(tier, tiers)
                problem = msg("table-tier", tier=tier, known="、".join(tiers), hint=hint)
                yield doc.problem(("indicators", i, "judgement", "tier"), problem, "schema")

    def left_to_fill(self, rubric: TableRubric, data: TableData, doc: Document) -> Iterator[Problem]:
        def to_fill(loc: tuple[str | int, ...], what: str) -> Problem:
            return doc.problem(loc, msg("to-fill", where=what), "to-fill", Severity.WARNING)

        if data.project.name is None:
            yield to_fill(("project", "name"), "project.name（项目名称）")
        for key, title in (("budget", "全年预算数"), ("spent", "全年执行数")):
            fig = getattr(data.funding, key)
            if fig.value is None and not fig.unknown:
                yield to_fill(("funding", key), f"funding.{key}（{title}）")
        for i, row in enumerate(data.indicators):
            for key, title in (("category", "二级指标"), ("name", "三级指标")):
                if getattr(row, key) is None:
                    yield to_fill(("indicators", i, key), f"indicators[{i + 1}].{key}（{title}）")
            for key, title in (("target", "年度指标值"), ("actual", "实际完成值")):
                if getattr(row, key).pending:
                    yield to_fill(("indicators", i, key), f"indicators[{i + 1}].{key}（{title}）")

    def view_model(
        self,
        result: ScoreResult[TableRubric, TableData],
        findings: list[Problem],
        provenance: Provenance,
        options: ReportOptions,
    ) -> TableView:
        from selfeval.forms.project_table.view import view_model  # only a document needs a view

        return view_model(result, findings, provenance, options)

    def sheet(self, view: TableView) -> Sheet:
        from selfeval.forms.project_table.view import sheet

        return sheet(view)

    def summary(self, result: ScoreResult[TableRubric, TableData]) -> Summary:
        return completion.summary(result)

    def identity(self, data: TableData) -> tuple[str, ...]:
        """A county files one table per project a year."""
        return (*super().identity(data), data.project.name or "")

    def properties(self, result: ScoreResult[TableRubric, TableData]) -> Properties:
        data = result.data
        name = f"：{data.project.name}" if data.project.name else ""
        title = f"{data.subject.name}{self.title}（{data.subject.year}年度）{name}"
        return Properties(title=title, author=data.project.department or data.subject.name)

    def skeleton(self, rubric: TableRubric, name: str, year: int, previous: TableData | None = None) -> str:
        return skeleton(rubric, name, year, previous)

    import_suffixes = (".xlsx", ".xlsm", ".docx", ".xls", ".doc", ".et", ".wps")

    def import_table(
        self, path: Path, rubric: TableRubric, *, shown: str, sheet: str | None = None, table: int | None = None
    ) -> list[Imported]:
        from selfeval.forms.project_table.importer import import_table  # openpyxl only when a table is read

        return import_table(path, rubric, shown=shown, sheet=sheet, table=table)


FORM = ProjectTableForm()
"""This form, as the registry (:mod:`selfeval.forms`) takes it."""
