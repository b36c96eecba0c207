"""The rubric side: the indicator tree's nodes and everything a rubric of any form declares."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from functools import cached_property
from pathlib import PurePosixPath
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from selfeval.errors import InvalidValue
from selfeval.expr import checked, parse_expr
from selfeval.numbers import ZERO
from selfeval.rules import Rule

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_.\-]*$"
RESERVED_IDS = frozenset({"total"})
"""Ids with a meaning of their own in data files (``claims: {total: …}``)."""

Loc = tuple[int | str, ...]


class Strict(BaseModel):
    """Base for input models: unknown keys are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", defer_build=True)  # built when first used, not at import


class NodeType(str, Enum):
    """Which part of the score a node belongs to."""

    STANDARD = "standard"
    """基本分：计入满分 total。

    Standard points: part of ``total``."""
    BONUS = "bonus"
    """加分：合计不超过 bonus_cap。

    Bonus points, together at most ``bonus_cap``."""
    DEDUCTION = "deduction"
    """扣分：合计不超过 deduction_cap。

    Points taken off, together at most ``deduction_cap``."""


class NAPolicy(str, Enum):
    """What a not-applicable (不适用) node does to the score."""

    RESCALE = "rescale"
    """该项分值从满分中去除，同级其他各项按比例放大补足。

    Its points leave the maximum and its siblings are scaled up to fill it."""
    ZERO = "zero"
    """该项得0分。

    It scores zero."""
    FULL = "full"
    """该项得满分。

    It scores its full points."""


class Node(Strict):
    """A node of the indicator tree: a section, an indicator, a criterion or a clause."""

    id: str = Field(pattern=ID_PATTERN)
    """稳定的编号，字母开头（如 c27）；数据文件、判定和评审调整都以它指称本项，改版时宜保持不变。

    A stable id starting with a letter (``c27``); data files, judgements and reviews name the node by it, so
    keep it across versions."""
    number: str | None = None
    """文件中的序号（一、（一）、27），报告和 explain 按它显示和查找。

    The number the document gives it (一, （一）, 27), shown in reports and accepted by explain."""
    title: str = Field(min_length=1)
    """标题，照文件原文。

    The title, as the document words it."""
    points: Decimal = Field(gt=0)
    """分值（扣分项为最多扣的分数）。

    Its points (for a deduction, the most it takes off)."""
    type: NodeType | None = None
    """standard 基本分、bonus 加分、deduction 扣分；省略则随上级（顶层默认 standard）。

    ``standard``, ``bonus`` or ``deduction``; left out, its parent's (``standard`` at the top)."""
    rule: Rule | None = None
    """末级项的评分规则，按 kind 选类型（见 selfeval rules）；有 children 的项不写。

    A leaf's scoring rule, chosen by ``kind`` (see ``selfeval rules``); a node with children has none."""
    children: list[Node] = Field(default_factory=list)
    """下级各项，键与本项相同。

    The nodes under it, with the same keys."""
    children_exceed: bool = False
    """下级分值之和超过本项分值时写 true（得分封顶为本项分值）。

    True when the children's points add up to more than this node's (the sum is capped)."""
    not_applicable: NAPolicy = NAPolicy.RESCALE
    """县里声明本项不适用（数据文件 not_applicable）时如何计：rescale、zero 或 full。

    How a node the county declares not applicable (the data's ``not_applicable``) scores: ``rescale``,
    ``zero`` or ``full``."""
    assumed: bool = False
    """规则是推定的、文件原文未写明时写 true，并须在 note 中说明依据；评分表以 * 标出。

    True when the rule was inferred, not stated by the source document; ``note`` then says why (marked ``*``
    in the score table)."""
    note: str | None = None
    """备注：推定规则的依据，或给读者的说明。

    A remark: the basis of an inferred rule, or a word to readers."""
    source: str | None = None
    """文件中本项的原文。

    The source document's own wording for this node."""

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, v: str) -> str:
        if v in RESERVED_IDS:
            raise InvalidValue("reserved-id", id=v)
        return v

    @model_validator(mode="after")
    def _leaf_or_branch(self) -> Node:
        if self.rule is not None and self.children:
            raise InvalidValue("rule-and-children")
        if self.rule is None and not self.children:
            raise InvalidValue("leaf-without-rule")
        if self.assumed and not self.note:
            raise InvalidValue("assumed-without-note")
        return self


Walked = list[tuple[Node, Loc, NodeType]]


def walk_tree(sections: list[Node], base: Loc = ("sections",)) -> Walked:
    """Every node, depth first, with its location under ``base`` and its effective type."""
    out: Walked = []

    def visit(node: Node, loc: Loc, inherited: NodeType) -> None:
        kind = node.type or inherited
        out.append((node, loc, kind))
        for i, child in enumerate(node.children):
            visit(child, (*loc, "children", i), kind)

    for i, s in enumerate(sections):
        visit(s, (*base, i), s.type or NodeType.STANDARD)
    return out


class Grade(Strict):
    """A grade band: a total of at least ``min`` earns ``name``."""

    name: str = Field(min_length=1)
    """等次名称（优、良、中、差）。

    The grade's name (优, 良, 中, 差)."""
    min: Decimal = Field(ge=0)
    """得到该等次的最低总分。

    The lowest total that earns it."""


DEFAULT_GRADES = [
    Grade(name="优", min=Decimal(90)),
    Grade(name="良", min=Decimal(80)),
    Grade(name="中", min=Decimal(60)),
    Grade(name="差", min=ZERO),
]


class FigureSpec(Strict):
    """A figure the rubric knows: what it means and its unit."""

    title: str = Field(min_length=1)
    """数据的中文名称。

    What the figure is called."""
    unit: str | None = None
    """单位（人、户、万元、%）；数据文件写了其他可换算的单位时按此换算。

    Its unit (人, 户, 万元, %); a data file's other unit of the same kind is converted to it."""
    signed: bool = False
    """可以为负数时写 true（如增减数）；人数和金额不可为负。

    True when the figure may be negative (a change, a difference); counts and money may not."""
    aliases: list[str] = Field(default_factory=list)
    """报告中对该数据的其他叫法（满意率、群众满意度），审核时据此在正文中找到它的数字。

    Other names reports give the figure (满意率, 群众满意度 for 救助对象满意度): the audit reads a number in the text
    beside one of them as this figure."""


class MetricSpec(Strict):
    """A derived figure defined by safe arithmetic over figures and other metrics."""

    title: str = Field(min_length=1)
    """派生指标的中文名称。

    What the metric is called."""
    unit: str | None = None
    """单位。

    Its unit."""
    expr: str
    """算式：数据名、+ - * /、括号、min、max、round、abs。

    The formula: figure names, ``+ - * /``, parentheses, ``min``, ``max``, ``round``, ``abs``."""

    _v = field_validator("expr")(lambda cls, v: checked(v))


class Tolerance(Strict):
    """How close a stated derived figure must be to its recomputation."""

    relative: Decimal | None = Field(default=None, ge=0)
    """允许的相对误差（0.005 即0.5%）。

    The relative difference allowed (0.005 is 0.5%)."""
    absolute: Decimal | None = Field(default=None, ge=0)
    """允许的绝对误差，按数据的单位。

    The absolute difference allowed, in the figure's unit."""


class DerivedRelation(Strict):
    """A stated figure that must be reproducible from others: ``figure ≈ expr``."""

    kind: Literal["derived"]
    """derived：一个填报的数据须能由其他数据算出。

    ``derived``: a stated figure must be reproducible from others."""
    id: str = Field(pattern=ID_PATTERN)
    """关系的编号。

    The relation's id."""
    title: str
    """关系的说明，审核发现中显示。

    What it checks, shown in findings."""
    figure: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    """填报的数据名（只写名称，不写算式）。

    The stated figure's name (a name, not a formula)."""
    expr: str
    """重新计算它的算式。

    The formula that recomputes it."""
    tolerance: Tolerance | None = None
    """允许的误差；省略为评分标准的 tolerance。

    The difference allowed; left out, the rubric's ``tolerance``."""
    node: str | None = None
    """相关指标项的 id，审核发现归于该项。

    The node the finding belongs to, by id."""

    _v = field_validator("expr")(lambda cls, v: checked(v))

    def exprs(self) -> dict[str, str]:
        """The expressions it reads, by key."""
        return {"figure": self.figure, "expr": self.expr}


class SubsetRelation(Strict):
    """A part that may not exceed its whole: ``part ≤ whole`` (either may be an expression)."""

    kind: Literal["subset"]
    """subset：部分不得大于整体。

    ``subset``: a part may not exceed its whole."""
    id: str = Field(pattern=ID_PATTERN)
    """关系的编号。

    The relation's id."""
    title: str
    """关系的说明，审核发现中显示。

    What it checks, shown in findings."""
    part: str
    """部分：名称或算式。

    The part: a name or an expression."""
    whole: str
    """整体：名称或算式。

    The whole: a name or an expression."""
    node: str | None = None
    """相关指标项的 id，审核发现归于该项。

    The node the finding belongs to, by id."""

    _v = field_validator("part", "whole")(lambda cls, v: checked(v))

    def exprs(self) -> dict[str, str]:
        """The expressions it reads, by key."""
        return {"part": self.part, "whole": self.whole}


Relation = DerivedRelation | SubsetRelation


class Veto(Strict):
    """一票否决: when the fact is true, the grade or the total is capped."""

    id: str = Field(pattern=ID_PATTERN)
    """否决项的编号。

    The veto's id."""
    title: str
    """否决项的说明。

    What it is."""
    fact: str
    """触发否决的是/否事实（facts 中的名称），为“是”时生效。

    The yes/no fact (a name under ``facts``) that triggers it when true."""
    max_grade: str | None = None
    """生效时等次最高为此（grades 中的名称）。

    The best grade allowed when it applies (a name under ``grades``)."""
    max_total: Decimal | None = Field(default=None, ge=0)
    """生效时总分最高为此；与 max_grade 至少写一个。

    The highest total allowed when it applies; give this or ``max_grade`` or both."""
    assumed: bool = False
    """否决规则是推定的时写 true，并在 note 中说明。

    True when the veto was inferred; ``note`` says why."""
    note: str | None = None
    """备注。

    A remark."""

    @model_validator(mode="after")
    def _effect(self) -> Veto:
        if self.max_grade is None and self.max_total is None:
            raise InvalidValue("veto-without-effect")
        return self


class Rounding(Strict):
    """Where and how the total is rounded (once)."""

    places: int = Field(default=2, ge=0, le=6)
    """总分保留的小数位数（0 至 6）。

    Decimal places the total is rounded to (0 to 6)."""


TemplateKind = Literal["markdown", "docx", "docx-reference"]


def inside(name: str) -> str:
    """A file a rubric names, as a path inside the rubric's own folder: a rubric arrives from the
    same hands as a county's data, so it may not reach /etc/passwd or ../ anything."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if not name.strip() or name.startswith(("/", "\\", "~")) or ":" in name or ".." in parts:
        raise InvalidValue("template-outside", name=name)
    if any(ord(c) < 32 or ord(c) == 127 for c in name) or any(len(p.encode("utf-8")) > 255 for p in parts):
        raise InvalidValue("template-name-bad", name=name)
    return name


Inside = Annotated[str, AfterValidator(inside)]


class RubricBase(Strict):
    """What every evaluation standard declares, whatever its form."""

    form: str
    """文件类型：narrative（按指标逐项作答的自评报告）或 project_table（项目支出绩效自评表）。

    The document family (:mod:`selfeval.forms`) this rubric is for: ``narrative`` or ``project_table``."""
    template: Inside | None = None
    """Markdown 报告模板：评分标准同一文件夹中的文件；省略用内置模板。

    The Markdown report template: a file next to the rubric or a bundled one (default: the form's)."""
    templates: dict[TemplateKind, Inside] = Field(default_factory=dict)
    """按种类指定模板：markdown、docx、docx-reference。

    Templates by kind (``markdown``, ``docx``, ``docx-reference``), as ``template`` is for Markdown."""
    id: str = Field(pattern=ID_PATTERN)
    """评分标准的编号，数据文件 rubric.id 据此指向它。

    The rubric's id, which a data file's ``rubric.id`` names."""
    version: str = Field(min_length=1)
    """版本（如 2020.1），数据文件 rubric.version 据此指向它。

    Its version (2020.1), which a data file's ``rubric.version`` names."""
    title: str
    """评分标准的名称。

    The rubric's title."""
    issuer: str
    """发文机关。

    Who issued it."""
    document_number: str
    """文号（如 宁民发〔2020〕40号）。

    Its document number (宁民发〔2020〕40号)."""
    document_title: str | None = None
    """原文件标题。

    The source document's title."""
    year: int = Field(ge=2000, le=2100)
    """适用年度。

    The year it applies to."""
    total: Decimal = Field(default=Decimal(100), gt=0)
    """基本分满分，standard 各项之和须等于它。

    The standard points; the standard sections add up to it."""
    bonus_cap: Decimal = Field(default=ZERO, ge=0)
    """加分上限，bonus 各项之和须等于它。

    The most bonus points; the bonus sections add up to it."""
    deduction_cap: Decimal = Field(default=ZERO, ge=0)
    """扣分上限，deduction 各项之和须等于它。

    The most points taken off; the deduction sections add up to it."""
    grades: list[Grade] = Field(default_factory=lambda: list(DEFAULT_GRADES))
    """等次，每项写 name 和 min。

    The grades, each with ``name`` and ``min``."""
    rounding: Rounding = Field(default_factory=Rounding)
    """总分如何取舍。

    How the total is rounded."""
    tolerance: Tolerance = Field(default_factory=lambda: Tolerance(relative=Decimal("0.005")))
    """审核复算填报数据时允许的误差。

    How close a stated figure must be to its recomputation in the audit."""
    figures: dict[str, FigureSpec] = Field(default_factory=dict)
    """数据文件填报的数据，按名称：title、unit 等。

    The figures a data file gives, by name: ``title``, ``unit``…"""
    facts: dict[str, str] = Field(default_factory=dict)
    """是/否事实，名称 → 中文说明。

    Yes/no facts, name → what it asks."""
    evidence: dict[str, str] = Field(default_factory=dict)
    """证明材料的种类，名称 → 中文说明。

    Kinds of evidence, name → what it is."""
    metrics: dict[str, MetricSpec] = Field(default_factory=dict)
    """由数据算出的派生指标，按名称：title、unit、expr。

    Derived figures by name: ``title``, ``unit``, ``expr``."""
    relations: list[Relation] = Field(default_factory=list)
    """审核用的数据关系：derived（可复算）或 subset（部分不大于整体）。

    Relations the audit checks: ``derived`` or ``subset``."""
    vetoes: list[Veto] = Field(default_factory=list)
    """一票否决项。

    Vetoes (一票否决)."""

    @cached_property
    def known_names(self) -> frozenset[str]:
        """Every figure and metric name the rubric defines."""
        return frozenset(self.figures) | frozenset(self.metrics)

    @cached_property
    def _reads(self) -> dict[str, list[str]]:
        return {}

    @cached_property
    def memo(self) -> dict[object, object]:
        """What checks work out from the rubric alone, kept for every file of a batch."""
        return {}

    def figures_read(self, name: str) -> list[str]:
        """The figures a figure-or-metric name reads in the end, metrics expanded, in rubric order
        (worked out once per name: a rubric is read by every file of a batch)."""
        cache = self._reads
        if name not in cache:
            cache[name] = self._figures_read(name)
        return list(cache[name])

    def _figures_read(self, name: str) -> list[str]:
        order = {f: i for i, f in enumerate(self.figures)}
        out: list[str] = []
        pending, seen = [name], set()
        while pending:
            n = pending.pop()
            if n in self.metrics:
                if n not in seen:  # a cycle is validate's to report; stop here
                    seen.add(n)
                    pending += parse_expr(self.metrics[n].expr).names
            elif n not in out:
                out.append(n)
        return sorted(out, key=lambda f: (order.get(f, len(order)), f))
