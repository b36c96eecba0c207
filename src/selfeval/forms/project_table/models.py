"""The project table's models: a rubric that fixes the form and its scoring rules, and a data
file that holds the project's own rows (项目支出绩效自评表, 财预〔2020〕10号).

Each row's 年度指标值 and 实际完成值 are read as the table writes them (``≥8755人``,
``75元``, ``95%``, ``达到预期``); the rows become figures, claims and stated points the shared
engine scores and audits, each remembering the cell it came from.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from selfeval.errors import InvalidValue
from selfeval.forms.project_table.cells import STATE_VALUES, Comparator, Status, read_cell
from selfeval.forms.project_table.messages import msg
from selfeval.models.data import UNKNOWN, DataBase, Figure, Judgement
from selfeval.models.rubric import ID_PATTERN, RESERVED_IDS, RubricBase, Strict
from selfeval.numbers import ZERO, fmt, parse_quantity
from selfeval.rules.tiers import Tier
from selfeval.units import convert, magnitude, same_kind

ROW_ID = r"^[A-Za-z][A-Za-z0-9_]*$"
"""A row id is part of figure names (``r1_target``), which expressions read: no ``-`` or ``.``."""

_WEIGHT = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")


# --------------------------------------------------------------------------- rubric


class Level(Strict):
    """一级指标 and its weight: 产出指标 50, 效益指标 30, 满意度指标 10."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    points: Decimal = Field(gt=0)
    within: str | None = None
    """The level whose weight this one is carved out of, when a table has it (the newer form's
    成本指标 takes its points from 产出指标); a table without it weights the other as usual."""

    def matches(self, text: str) -> bool:
        """Whether a table's 一级指标 cell names this level (spaces and a stated weight aside)."""
        name = level_name(text)
        return name == self.name or name in self.aliases


class Funding(Strict):
    """The budget block's score: the execution rate × its points, capped."""

    title: str = "预算执行率"
    points: Decimal = Field(gt=0)
    note: str | None = None
    assumed: bool = False


class Comparators(Strict):
    """The comparator of a target written without one, by 二级指标, else the default."""

    default: Comparator = ">="
    by_category: dict[str, Comparator] = Field(default_factory=dict)
    note: str | None = None
    assumed: bool = False


class Qualitative(Strict):
    """How a qualitative row (「达到预期」) is judged: in tiers of achievement."""

    tiers: list[Tier] = Field(min_length=1)
    note: str | None = None


class TableRubric(RubricBase):
    """A rubric for the project self-evaluation table: the form, the weights and the rules."""

    form: Literal["project_table"] = "project_table"
    funding: Funding
    levels: list[Level] = Field(min_length=1)
    comparators: Comparators = Field(default_factory=Comparators)
    equal_tolerance: Decimal = Field(default=ZERO, ge=0)
    """How far an ``=`` target may be missed and still count as met, in the target's unit."""
    partial: Literal["proportional", "none"] = "proportional"
    qualitative: Qualitative

    def level_of(self, text: str) -> Level | None:
        """The level a table's 一级指标 cell names."""
        return next((lv for lv in self.levels if lv.matches(text)), None)

    def comparator_for(self, category: str) -> Comparator:
        """The comparator of a target written without one, for a 二级指标."""
        name = level_name(category)
        return next(
            (c for key, c in self.comparators.by_category.items() if key in name or name in key),
            self.comparators.default,
        )


def level_name(text: str) -> str:
    """A cell's name without spaces (the PDF's line breaks) or a stated weight: 产出 指标 (50分 ) → 产出指标."""
    return re.sub(r"\s+", "", _WEIGHT.sub("", text))


def stated_weight(text: str) -> Decimal | None:
    """The weight a 一级指标 cell states: 产出指标（50分） → 50."""
    m = _WEIGHT.search(text)
    return Decimal(m.group(1)) if m else None


# --------------------------------------------------------------------------- data


class Value(Strict):
    """A cell of the table: a number with its unit (and comparator), a direction, a state, words,
    or nothing the source shows (:mod:`selfeval.forms.project_table.cells` reads it)."""

    text: str
    """As the table writes it."""
    comparator: Comparator | None = None
    value: Decimal | None = None
    unit: str | None = None
    direction: str | None = None
    """A target that asks for a direction (提高, 下降): judged, not compared."""
    status: Status | None = None
    """An actual value written as a state: 已完成 (met), 未完成 (unmet), 部分完成 (partly)."""
    unknown: bool = False
    pending: bool = False

    @property
    def quantitative(self) -> bool:
        return self.value is not None


def _unstated(v: object) -> bool:
    """A cell the source does not show (未知): as if the table had no such column for the row."""
    return isinstance(v, str) and v.strip().lower() in UNKNOWN


class Row(Strict):
    """One indicator row: 一级、二级、三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因."""

    id: str | None = None
    """The row's own id (default r1, r2, …): letters, digits and _ only, for it names the row's
    figures (``r1_actual``) that the rules read."""
    level: str = Field(min_length=1)
    category: str | None = None
    name: str | None = None
    target: Value
    actual: Value = Field(default_factory=lambda: Value(text="", pending=True))
    points: Decimal | None = Field(default=None, gt=0)
    """分值 as the table states it; None when the table has no 分值 column or writes 未知 (the
    weights then share the level's weight among such rows, as an assumption that says so)."""
    score: Decimal | None = None
    """The county's own 得分."""
    reason: str | None = None
    """偏差原因分析及改进措施."""
    judgement: Judgement | None = None
    """For a qualitative row: the assessor's tier of achievement, points and reason."""
    weight: Decimal | None = Field(default=None, gt=0, le=1)
    """权重占比 (a provincial column): the row's share of the total, written 10% or 0.1; the
    row's points are that share of 100 when it states no 分值."""
    item_score: Decimal | None = Field(default=None, ge=0, le=100)
    """单项指标得分: the row's score out of 100, before weighting."""
    weighted: Decimal | None = Field(default=None, ge=0)
    """折算得分 = 单项指标得分 × 权重: the row's claimed score when it states no 得分."""

    @field_validator("weight", mode="before")
    @classmethod
    def _weight(cls, v: object) -> object:
        """10% or 0.1 (a share), or 10 (a percentage without its sign); 未知: not stated."""
        if _unstated(v):
            return None
        if isinstance(v, str) and v.strip().endswith(("%", "％")):
            return Decimal(parse_quantity(v)[0]) / 100
        if isinstance(v, (int, Decimal)) and not isinstance(v, bool) and v > 1:
            return Decimal(v) / 100
        return v

    @model_validator(mode="after")
    def _weighted_points(self) -> Row:
        if self.points is None and self.weight is not None:
            self.points = self.weight * 100  # the national tables are out of 100
        if self.score is None and self.weighted is not None:
            self.score = self.weighted
        return self

    @field_validator("points", "score", "item_score", "weighted", mode="before")
    @classmethod
    def _points(cls, v: object) -> object:
        return None if _unstated(v) else v  # 分值 未知: not stated (a share is assumed, and said)

    _target = field_validator("target", mode="before")(
        lambda cls, v: v if isinstance(v, (dict, Value)) else read_cell(v)
    )
    _actual = field_validator("actual", mode="before")(
        lambda cls, v: v if isinstance(v, (dict, Value)) else read_cell(v, actual=True)
    )

    @field_validator("actual")
    @classmethod
    def _actual_readable(cls, v: Value, info: ValidationInfo) -> Value:
        """Words where the target is a quantity (良好, 八十五%) would score as missing: refused here,
        at the cell, so no row silently scores nothing."""
        target = info.data.get("target")
        readable = v.quantitative or v.status or v.unknown or v.pending
        if isinstance(target, Value) and target.value is not None and not readable:
            example = f"{fmt(target.value)}{target.unit or ''}"
            raise InvalidValue.saying(msg("table-actual-words", text=v.text, target=target.text, example=example))
        return v

    @field_validator("id")
    @classmethod
    def _row_id(cls, v: str | None) -> str | None:
        # refused here, where the row is read, so the tree built from the rows never meets it
        if v in RESERVED_IDS:
            raise InvalidValue("reserved-id", id=v)
        if v is not None and not re.fullmatch(ROW_ID, v):
            raise InvalidValue.saying(msg("table-row-id", id=v))
        return v

    @property
    def units_agree(self) -> bool:
        """Whether the actual value can be read in the target's unit (人 and 万人, not 人 and 元)."""
        both = self.target.quantitative and self.actual.quantitative
        return not both or same_kind(self.target.unit, self.actual.unit)


class Line(Strict):
    """A row of the budget block as the table writes it: shown, not scored."""

    name: str = Field(min_length=1)
    initial: str | None = None
    budget: str | None = None
    spent: str | None = None
    points: str | None = None
    rate: str | None = None
    score: str | None = None

PLAUSIBLE = (Decimal("0.01"), Decimal(100))
"""An actual between a hundredth and a hundred times its target is a reading a table could mean."""


def unitless_in(target: Value, actual: Value) -> str | None:
    """The unit an actual written without one is read in: the target's (65.07 under 65.66万元 is
    65.07万元), unless the target's unit carries 千/万/亿 and only the plain number is a value the
    row could mean (8676 under 0.9万 is 8676, not 8676万). Refused when both readings could be
    meant: a wrong choice would be a score off by a factor of a thousand."""
    unit = target.unit
    if not unit or actual.unit or target.value is None or actual.value is None:
        return unit
    plain, factor = magnitude(unit)
    if factor == 1 or not target.value or not actual.value:
        return unit
    low, high = PLAUSIBLE
    as_target = low < abs(actual.value / target.value) < high
    as_plain = low < abs(actual.value / factor / target.value) < high
    if as_target and as_plain:
        raise InvalidValue.saying(
            msg("table-actual-unit-unclear", text=actual.text.strip(), target=target.text.strip(), unit=unit)
        )
    return plain if as_plain else unit


    @field_validator("initial", "budget", "spent", "points", "rate", "score", mode="before")
    @classmethod
    def _as_written(cls, v: Any) -> Any:
        if isinstance(v, bool):
            raise InvalidValue("number-not-bool")
        return v if v is None or isinstance(v, str) else str(v)


class Money(Strict):
    """The budget block (项目资金): 年初预算数, 全年预算数, 全年执行数, 执行率, 分值, 得分."""

    initial: Figure | None = None
    budget: Figure
    spent: Figure
    rate: Figure | None = None
    """执行率 as the table writes it."""
    points: Decimal | None = None
    """分值 as the table writes it."""
    score: Decimal | None = None
    """得分 as the county gives it."""
    unit: str = "万元"
    lines: list[Line] = Field(default_factory=list)

    @field_validator("points", "score", mode="before")
    @classmethod
    def _unknown(cls, v: object) -> object:
        return None if _unstated(v) else v

    """The block's rows as written (年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金)."""
    note: str | None = None


class Project(Strict):
    """Which project: 项目名称, 主管部门, 实施单位."""

    name: str | None = None
    department: str | None = None
    unit: str | None = None


class Goals(Strict):
    """年度总体目标: what was expected and what was achieved."""

    expected: str | None = None
    achieved: str | None = None


class Totals(Strict):
    """总分: the points and score the table states."""

    points: Decimal | None = None
    score: Decimal | None = None

    @field_validator("points", "score", mode="before")
    @classmethod
    def _unknown(cls, v: object) -> object:
        return None if _unstated(v) else v


UNSEEN = "unseen_rows"
"""The figure the rows a cut-off table does not show are scored by: unknown, so a range."""

FUNDING_FIGURES = {
    "initial": ("funding_initial", "年初预算数"),
    "budget": ("funding_budget", "全年预算数"),
    "spent": ("funding_spent", "全年执行数"),
    "rate": ("funding_rate", "执行率"),
}


class TableData(DataBase):
    """One project's self-evaluation table."""

    project: Project
    funding: Money
    goals: Goals = Field(default_factory=Goals)
    indicators: list[Row] = Field(min_length=1)
    more: bool = False
    """The source shows only part of the table (``more: 未知``, a page cut off): the rows not seen
    make each 一级指标's score a range up to its weight, and a 一级指标 not seen at all a range up to
    its whole weight."""
    total: Totals = Field(default_factory=Totals)

    @field_validator("more", mode="before")
    @classmethod
    def _more(cls, v: object) -> object:
        if isinstance(v, str) and (v.strip().lower() in UNKNOWN or v.strip() in ("是", "有")):
            return True  # more: 未知 — further rows, not shown
        return v

    @model_validator(mode="after")
    def _derive(self) -> TableData:
        """The rows as figures, claims, stated points and judgements, each remembering its cell."""
        origins: dict[tuple[str | int, ...], tuple[str | int, ...]] = {}
        if self.more:
            self.figures[UNSEEN] = Figure(value=None, unknown=True, title="表中未见的行")
            origins[("figures", UNSEEN)] = ("more",)
        for key, (name, title) in FUNDING_FIGURES.items():
            fig: Figure | None = getattr(self.funding, key)
            if fig is not None:
                unit = fig.unit or ("%" if key == "rate" else self.funding.unit)
                self.figures[name] = fig.model_copy(update={"title": title, "unit": unit})
                origins[("figures", name)] = ("funding", key)
        if isinstance(target, Value) and target.quantitative and v.quantitative:
            unitless_in(target, v)  # a reading off by 1,000× either way is refused here, at the cell
        self._claim("funding", self.funding.score, ("funding", "score"), origins)
        if self.funding.points is not None:
            self.points["funding"] = self.funding.points
            origins[("points", "funding")] = ("funding", "points")
        self._claim("total", self.total.score, ("total", "score"), origins)
        if self.total.points is not None:
            self.points["total"] = self.total.points
            origins[("points", "total")] = ("total", "points")
        for i, row in enumerate(self.indicators):
            rid = self.row_id(i)
            here: tuple[str | int, ...] = ("indicators", i)
            origins[("items", rid)] = here
            self._claim(rid, row.score, (*here, "score"), origins)
            if row.judgement is not None:
                self.judgements[rid] = row.judgement
                origins[("judgements", rid)] = (*here, "judgement")
            if row.actual.status is not None:
                title = f"{level_name(row.name or rid)}（完成情况）"
                done = STATE_VALUES[row.actual.status]
                self.figures[f"{rid}_status"] = Figure.coded(done, row.actual.text.strip(), title=title)
                origins[("figures", f"{rid}_status")] = (*here, "actual")
            for cell in ("target", "actual"):
                value: Value = getattr(row, cell)
                if not (value.quantitative or value.unknown or value.pending):
                    continue
                amount = value.value
                if cell == "actual" and amount is not None and row.target.quantitative and row.units_agree:
                    written = value.unit or unitless_in(row.target, value)
                    if written == "":  # a plain number under a bare 万: the number itself
                        amount = amount / magnitude(row.target.unit or "")[1]
                    else:
                        amount = convert(amount, written, row.target.unit)  # read in the target's unit
                cell_unit = row.target.unit or value.unit
                title = f"{level_name(row.name or rid)}（{'年度指标值' if cell == 'target' else '实际完成值'}）"
                self.figures[f"{rid}_{cell}"] = Figure(value=amount, unit=cell_unit, title=title, unknown=value.unknown)
                origins[("figures", f"{rid}_{cell}")] = (*here, cell)
        self._origins = origins
        return self

    def _claim(self, key: str, value: Decimal | None, at: tuple[str | int, ...], origins: dict[Any, Any]) -> None:
        if value is not None:
            self.claims[key] = value
        origins[("claims", key)] = at

    def row_id(self, i: int) -> str:
        """A row's node id: its own, else r1, r2, …"""
        return self.indicators[i].id or f"r{i + 1}"
