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
    """一级指标的编号，字母开头（如 output）：评分树中这一部分的编号，不得与行的编号、funding、total 相同。

    The level's id, starting with a letter (``output``): the id of its section of the scored tree,
    unlike any row's, ``funding`` and ``total``."""
    name: str = Field(min_length=1)
    """一级指标名称（如 产出指标）；表中一级指标一格与它相同（不计空格和所写的分值，如 产出指标（50分））即归入本项。

    The level's name (产出指标); a row whose 一级指标 cell reads the same, spaces and a stated weight
    (产出指标（50分）) aside, belongs to it."""
    aliases: list[str] = Field(default_factory=list)
    """一级指标的其他写法（如 效益指标 又写作 效果指标、效益），照样归入本项。

    Other names tables give the level (效果指标 for 效益指标), matched as ``name`` is."""
    points: Decimal = Field(gt=0)
    """一级指标的权重分值（如 产出指标 50）；表中各行都写了分值且与预算执行率分值合计等于 total 时，以表中所写为准。

    The level's weight (产出指标 50); when every row states its 分值 and they add up to ``total``
    with the budget block's, the table's own are used."""
    within: str | None = None
    """从哪个一级指标的权重中划出（写其 id，如新表样的成本指标从 output 中划出10分）；表中没有本项的行时，那一项照常计
    权重。

    The level whose weight this one is carved out of, when a table has it (the newer form's
    成本指标 takes its points from 产出指标); a table without it weights the other as usual."""

    def matches(self, text: str) -> bool:
        """Whether a table's 一级指标 cell names this level (spaces and a stated weight aside)."""
        name = level_name(text)
        return name == self.name or name in self.aliases


class Funding(Strict):
    """The budget block's score: the execution rate × its points, capped."""

    title: str = "预算执行率"
    """评分表中资金一项的名称，默认“预算执行率”。

    The budget block's title in the score table (default 预算执行率)."""
    points: Decimal = Field(gt=0)
    """资金一项的分值（国家表样为10分），按 全年执行数 ÷ 全年预算数 × 分值 计分，最高为分值；表中各行都写了分值时以表
    中所写为准。

    The budget block's points (10 in the national form), scored as spent ÷ budget × points, at
    most the points; the table's own when every row states its 分值."""
    note: str | None = None
    """备注：计分方法或推定依据，随评分说明显示。

    A remark: how it is scored or why it is assumed, shown with the explanation."""
    assumed: bool = False
    """计分方法是推定的、文件原文未写明时写 true（须在 note 中说明）。

    True when the scoring is inferred, not stated by the source (``note`` says why)."""


class Comparators(Strict):
    """The comparator of a target written without one, by 二级指标, else the default."""

    default: Comparator = ">="
    """年度指标值未写比较符号时所用的符号：">="（不低于，默认）、"<="（不高于）或 "="（等于）。

    The comparator of a target written without one: ``">="`` (the default), ``"<="`` or ``"="``."""
    by_category: dict[str, Comparator] = Field(default_factory=dict)
    """按二级指标另定的符号：二级指标名称 → 符号（如 {成本指标: "<="}）；名称互相包含即算相符。

    A comparator by 二级指标: name → comparator (``{成本指标: "<="}``); a name matches one that
    contains it or is contained in it."""
    note: str | None = None
    """备注：比较符号的推定依据，供评分标准的读者参考。

    A remark for the rubric's readers: why these comparators."""
    assumed: bool = False
    """比较符号是推定的、文件原文未写明时写 true：未写符号的行标为推定并说明所用符号。

    True when the comparators are inferred: each row written without one is marked assumed, saying
    which it was given."""


class Qualitative(Strict):
    """How a qualitative row (「达到预期」) is judged: in tiers of achievement."""

    tiers: list[Tier] = Field(min_length=1)
    """定性指标的档次，每档写 name、low、high（得分占本行分值的比例，0 至 1，如 {name: 达成, low: 0.8, high: 1}），
    合起来覆盖0至1；行的评定 judgement.tier 写其中一档的名称。

    The tiers of achievement, each ``name``, ``low`` and ``high`` (the share of the row's points,
    0 to 1), together covering 0 to 1; a row's ``judgement.tier`` names one."""
    note: str | None = None
    """备注：定性指标如何评定，显示在每个定性行的说明中。

    How qualitative rows are judged, shown in each such row's note."""


class TableRubric(RubricBase):
    """A rubric for the project self-evaluation table: the form, the weights and the rules."""

    form: Literal["project_table"] = "project_table"
    """文件类型：project_table，项目支出绩效自评表。

    The document family: ``project_table``, the project expenditure self-evaluation table."""
    funding: Funding
    """项目资金一块（预算执行率）的名称、分值和计分说明。

    The budget block (预算执行率): its title, points and how it is scored."""
    levels: list[Level] = Field(min_length=1)
    """一级指标及其权重（产出指标50、效益指标30、满意度指标10），按表中顺序；funding 的分值加上各一级指标（within 划出
    的除外）须等于 total。

    The 一级指标 and their weights (产出 50, 效益 30, 满意度 10), in the table's order; with the
    budget block's points they add up to ``total`` (those carved out ``within`` another aside)."""
    comparators: Comparators = Field(default_factory=Comparators)
    """年度指标值未写比较符号（≥、≤、=）时按什么比较：默认 ">="，可按二级指标另定。

    How a target written without ≥, ≤ or = is compared: ``">="`` by default, or by 二级指标."""
    equal_tolerance: Decimal = Field(default=ZERO, ge=0)
    """“=”的指标值允许偏差多少仍算达到，单位同指标值，默认0。

    How far an ``=`` target may be missed and still count as met, in the target's unit (default 0)."""
    partial: Literal["proportional", "none"] = "proportional"
    """未达到指标值的行如何计分：proportional 按完成比例（默认），none 不得分。

    How a row that misses its target scores: ``proportional`` (the default) in proportion, ``none`` nothing."""
    qualitative: Qualitative
    """定性指标（如 达到预期、持续提高，或实际完成值为未知、部分完成而有评定的行）按档次评定的方法。

    How qualitative rows (达到预期, 持续提高, or an unknown or partly met row with a judgement) are
    judged, in tiers."""

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
    """表中原文（如 ≥8755人、95%以上、达到预期）；通常只写这一格，其余各键由程序读出。

    As the table writes it (≥8755人, 95%以上, 达到预期); usually the cell alone is written and the
    other keys are read from it."""
    comparator: Comparator | None = None
    """比较符号：">="（≥、不低于、以上）、"<="（≤、不高于、以内）或 "="；不写则按评分标准 comparators。

    The comparator: ``">="`` (≥, 不低于, 以上), ``"<="`` (≤, 不高于, 以内) or ``"="``; left out, the rubric's
    ``comparators``."""
    value: Decimal | None = None
    """数值（如 8755）；文字或状态的格子没有数值。

    The number (8755); none for words or a state."""
    unit: str | None = None
    """单位（如 人、元、%、万元）；实际完成值按指标值的单位换算（万人与人可比，人与元不可）。

    The unit (人, 元, %, 万元); an actual value is read in its target's unit (万人 and 人, not 人 and 元)."""
    direction: str | None = None
    """只要求方向的指标值（提高、下降，如 持续提高）：评定而不比较。

    A target that asks for a direction (提高, 下降): judged, not compared."""
    status: Status | None = None
    """以状态写的实际完成值：met（已完成、达到）、unmet（未完成）或 partly（部分完成、基本完成）。

    An actual value written as a state: 已完成 (met), 未完成 (unmet), 部分完成 (partly)."""
    unknown: bool = False
    """原文未载明（写作 未知、不详）：该行得分成区间。

    The source does not show it (written 未知 or 不详): the row's score becomes a range."""
    pending: bool = False
    """尚待填写（写 ~；实际完成值也可不写）：validate 提示待填。

    Still to fill (``~``; an actual value may also be left out): validate says so."""

    @property
    def quantitative(self) -> bool:
        return self.value is not None


def _unstated(v: object) -> bool:
    """A cell the source does not show (未知): as if the table had no such column for the row."""
    return isinstance(v, str) and v.strip().lower() in UNKNOWN


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


class Row(Strict):
    """One indicator row: 一级、二级、三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因."""

    id: str | None = None
    """本行的编号（默认按顺序为 r1、r2、……）：只用字母、数字和 _，字母开头，因为它也是本行数据名的一部分（r1_actual）。

    The row's own id (default r1, r2, …): letters, digits and _ only, for it names the row's
    figures (``r1_actual``) that the rules read."""
    level: str = Field(min_length=1)
    """一级指标，照表中所写（如 产出指标（50分））；须是评分标准 levels 中的一个（名称或别名）。

    The 一级指标 as the table writes it (产出指标（50分）); one of the rubric's ``levels`` (a name or alias)."""
    category: str | None = None
    """二级指标（如 数量指标、成本指标）；未写比较符号时按它选符号；写 ~ 为待填。

    The 二级指标 (数量指标, 成本指标); it picks the comparator of a target written without one; ``~`` to fill."""
    name: str | None = None
    """三级指标，即本行的名称（如 全县参合人数）；写 ~ 为待填。

    The 三级指标, the row's title (全县参合人数); ``~`` to fill."""
    target: Value
    """年度指标值，照表中所写：≥8755人、95%以上、不高于75元、达到预期、持续提高；未知 则得分成区间。

    The year's target as the table writes it: ≥8755人, 95%以上, 不高于75元, 达到预期, 持续提高; 未知 makes
    the score a range."""
    actual: Value = Field(default_factory=lambda: Value(text="", pending=True))
    """实际完成值，照表中所写：8676人、95%、已完成、未完成、部分完成；未知 则得分成区间；不写或 ~ 为待填。

    The actual value as the table writes it: 8676人, 95%, 已完成, 未完成, 部分完成; 未知 makes the score a
    range; left out or ``~``, still to fill."""
    points: Decimal | None = Field(default=None, gt=0)
    """表中所写的分值；表中没有分值一栏或写 未知 时不写，由所在一级指标的权重在这些行中均分（作为推定并说明）。

    分值 as the table states it; None when the table has no 分值 column or writes 未知 (the
    weights then share the level's weight among such rows, as an assumption that says so)."""
    score: Decimal | None = None
    """县里自评的得分，照表中所写；未知 或不写为未说明。

    The county's own 得分; 未知 or left out: not stated."""
    reason: str | None = None
    """偏差原因分析及改进措施，照表中所写。

    偏差原因分析及改进措施, as written."""
    judgement: Judgement | None = None
    """定性行的评定：评审认定的档次（tier）或分数（points），以及理由（reason）。

    For a qualitative row: the assessor's tier of achievement, points and reason."""
    weight: Decimal | None = Field(default=None, gt=0, le=1)
    """权重占比（有的省份的表有此栏）：本行占总分的比例，写 10%、0.1 或 10；未写分值时，本行分值为 100 × 比例。

    权重占比 (a provincial column): the row's share of the total, written 10% or 0.1; the
    row's points are that share of 100 when it states no 分值."""
    item_score: Decimal | None = Field(default=None, ge=0, le=100)
    """单项指标得分：本行按百分制的得分（0 至 100），加权之前。

    单项指标得分: the row's score out of 100, before weighting."""
    weighted: Decimal | None = Field(default=None, ge=0)
    """折算得分 = 单项指标得分 × 权重：本行未写得分时，作为本行的自评得分。

    折算得分 = 单项指标得分 × 权重: the row's claimed score when it states no 得分."""

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
        if isinstance(target, Value) and target.quantitative and v.quantitative:
            unitless_in(target, v)  # a reading off by 1,000× either way is refused here, at the cell
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
    """该行的名称（年度资金总额、其中：当年财政拨款、上年结转资金、其他资金）。

    The line's name (年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金)."""
    initial: str | None = None
    """年初预算数，照表中所写（只显示，不计分）。

    年初预算数 as written (shown, not scored)."""
    budget: str | None = None
    """全年预算数，照表中所写（只显示，不计分）。

    全年预算数 as written (shown, not scored)."""
    spent: str | None = None
    """全年执行数，照表中所写（只显示，不计分）。

    全年执行数 as written (shown, not scored)."""
    points: str | None = None
    """分值，照表中所写（只显示，不计分）。

    分值 as written (shown, not scored)."""
    rate: str | None = None
    """执行率，照表中所写（如 99%；只显示，不计分）。

    执行率 as written (99%; shown, not scored)."""
    score: str | None = None
    """得分，照表中所写（只显示，不计分）。

    得分 as written (shown, not scored)."""

    @field_validator("initial", "budget", "spent", "points", "rate", "score", mode="before")
    @classmethod
    def _as_written(cls, v: Any) -> Any:
        if isinstance(v, bool):
            raise InvalidValue("number-not-bool")
        return v if v is None or isinstance(v, str) else str(v)


class Money(Strict):
    """The budget block (项目资金): 年初预算数, 全年预算数, 全年执行数, 执行率, 分值, 得分."""

    initial: Figure | None = None
    """年初预算数（如 65.66、65.66万元）；未写单位按 unit；未知 亦可。

    年初预算数 (65.66, 65.66万元), in ``unit`` unless it says; 未知 too."""
    budget: Figure
    """全年预算数，执行率的分母；未写单位按 unit；未知 则资金得分成区间，~ 为待填。

    全年预算数, the rate's denominator, in ``unit`` unless it says; 未知 makes the score a range, ``~``
    is still to fill."""
    spent: Figure
    """全年执行数，执行率的分子；未写单位按 unit；未知 则资金得分成区间，~ 为待填。

    全年执行数, the rate's numerator, in ``unit`` unless it says; 未知 makes the score a range, ``~``
    is still to fill."""
    rate: Figure | None = None
    """表中所写的执行率（如 99%）；评分标准的数据关系可拿它与 全年执行数 ÷ 全年预算数 比对。

    执行率 as the table writes it (99%); the rubric's relations may check it against spent ÷ budget."""
    points: Decimal | None = None
    """表中所写的资金一项分值（如 10）；未知 为未说明。

    分值 as the table writes it (10); 未知: not stated."""
    score: Decimal | None = None
    """县里自评的资金一项得分；未知 为未说明。

    得分 as the county gives it; 未知: not stated."""
    unit: str = "万元"
    """未写单位的金额所用的单位，默认 万元。

    The unit of an amount written without one (default 万元)."""
    lines: list[Line] = Field(default_factory=list)
    """资金一块各行，照表中所写（年度资金总额、其中：当年财政拨款、上年结转资金、其他资金）：只显示，不计分。

    The block's rows as written (年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金): shown, not scored."""

    @field_validator("points", "score", mode="before")
    @classmethod
    def _unknown(cls, v: object) -> object:
        return None if _unstated(v) else v

    note: str | None = None
    """备注：如原文某格无法辨认的说明（只作记录）。

    A remark, such as why a cell could not be read (kept, not shown)."""


class Project(Strict):
    """Which project: 项目名称, 主管部门, 实施单位."""

    name: str | None = None
    """项目名称（如 建档立卡个人缴费县级配套资金）；写 ~ 为待填。

    The project's name; ``~`` to fill."""
    department: str | None = None
    """主管部门（如 稷山县医疗保障局），亦作为生成文件属性中的作者。

    The department in charge (主管部门), also the author in the written documents' properties."""
    unit: str | None = None
    """实施单位（如 稷山县医疗保险服务中心）。

    The unit carrying it out (实施单位)."""


class Goals(Strict):
    """年度总体目标: what was expected and what was achieved."""

    expected: str | None = None
    """年度总体目标中的预期目标，照表中所写。

    The year's overall goal as expected, as written."""
    achieved: str | None = None
    """年度总体目标的实际完成情况，照表中所写。

    What was achieved of it, as written."""


class Totals(Strict):
    """总分: the points and score the table states."""

    points: Decimal | None = None
    """表中所写的总分分值（如 100），审核时与评分标准的 total 比对；未知 为未说明。

    The total points the table states (100), checked against the rubric's ``total``; 未知: not stated."""
    score: Decimal | None = None
    """表中所写的总得分（县里自评的总分）；未知 为未说明。

    The total score the table states (the county's claim); 未知: not stated."""

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
    """项目名称、主管部门、实施单位。

    Which project: 项目名称, 主管部门, 实施单位."""
    funding: Money
    """项目资金（默认单位万元）：年初预算数、全年预算数、全年执行数、执行率、分值、得分。

    The budget block (amounts in 万元 unless said): 年初预算数, 全年预算数, 全年执行数, 执行率, 分值, 得分."""
    goals: Goals = Field(default_factory=Goals)
    """年度总体目标：预期目标与实际完成情况。

    年度总体目标: what was expected and what was achieved."""
    indicators: list[Row] = Field(min_length=1)
    """绩效指标各行，按表中顺序（一级、二级、三级指标、年度指标值、实际完成值、分值、得分、偏差原因）；至少一行。

    The indicator rows in the table's order; at least one."""
    more: bool = False
    """原文只显示表的一部分（写 more: 未知，如页面被截断）：未见的行使各一级指标得分成区间，最高到其权重。
    写 是 或 true 亦同，默认 false。

    The source shows only part of the table (``more: 未知``, a page cut off): the rows not seen
    make each 一级指标's score a range up to its weight, and a 一级指标 not seen at all a range up to
    its whole weight."""
    total: Totals = Field(default_factory=Totals)
    """总分：表中所写的分值与得分。

    总分: the points and score the table states."""

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
