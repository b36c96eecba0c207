"""The data side: what every county's data file holds, whatever its form."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, PrivateAttr, field_validator, model_validator

from selfeval.errors import InvalidValue
from selfeval.models.rubric import Loc, Relation, Strict
from selfeval.numbers import check_finite, normalise, parse_approx


def quantity(v: Any) -> Any:
    """Accept ``910.38``, ``"910.38万元"`` or ``{value: ..., unit: ...}`` for a figure (``~``: still to fill).

    A number written approximately (``约260人次``, ``200余人``, ``260左右``) is read with ``approx: true``."""
    if v is None:
        return {"value": None}
    if isinstance(v, str) and v.strip().lower() in UNKNOWN:
        return {"value": None, "unknown": True}
    if isinstance(v, dict) and isinstance(v.get("value"), str) and v["value"].strip().lower() in UNKNOWN:
        return {**v, "value": None, "unknown": True}
    if isinstance(v, bool):
        raise InvalidValue("number-not-bool")
    if isinstance(v, (int, Decimal)):
        return {"value": v}
    if isinstance(v, float):  # only from Python callers; YAML floats arrive as Decimal
        return {"value": Decimal(repr(v))}
    if isinstance(v, str):
        value, unit, approx = parse_approx(v)
        return {"value": value, **({"unit": unit} if unit else {}), **({"approx": True} if approx else {})}
    if isinstance(v, dict) and isinstance(v.get("value"), str):
        value, unit, approx = parse_approx(v["value"])
        if unit and v.get("unit") not in (None, unit):
            raise InvalidValue("unit-disagrees", written=unit, unit=v.get("unit"))
        if approx and v.get("approx") is False:
            raise InvalidValue("approx-disagrees", text=v["value"])
        return {**v, "value": value, **({"unit": unit} if unit else {}), **({"approx": True} if approx else {})}
    return v


YES_NO = {
    **dict.fromkeys(("是", "有", "对", "√", "✓", "✔"), True),
    **dict.fromkeys(("否", "无", "错", "×", "✗", "✘"), False),
}
"""How a clerk writes yes and no, besides true and false (the ticks and crosses of a printed form)."""


def _fact(v: Any) -> Any:
    """``true``, ``是``, ``对``, ``√``, ``~`` or ``{value: 否, note: …}`` for a fact."""
    if isinstance(v, str):
        if v.strip() in YES_NO:
            return {"value": YES_NO[v.strip()]}
        raise InvalidValue("expect-yes-no", text=v)  # a word, not a mapping: say what a fact may be
    if v is None or isinstance(v, bool):
        return {"value": v}
    if isinstance(v, (int, Decimal)):  # 1 and 0 are counts here, not yes and no
        raise InvalidValue("expect-yes-no", text=str(v))
    if isinstance(v, dict) and isinstance(v.get("value"), str) and v["value"].strip() in YES_NO:
        return {**v, "value": YES_NO[v["value"].strip()]}
    return v


def _stated(v: Any) -> Any:
    """A score or points as written: ``5``, ``"5分"``; each checked where it stands in the file."""
    if isinstance(v, bool):
        raise InvalidValue("number-not-bool")
    if not isinstance(v, str):
        return v
    read = quantity(v)
    if read.get("approx"):  # 约5分 is no score a rule can be checked against
        raise InvalidValue("stated-approx", text=v)
    return read["value"]


_DATE = re.compile(r"(\d{4})([-./])(\d{1,2})\2(\d{1,2})|(\d{4})年(\d{1,2})月(\d{1,2})日?")
_DATE_HAN = re.compile("([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_HAN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
MAX_DATE = 40
"""Longest text read as a date (二〇二一年十二月三十一日 even with blanks between is shorter)."""


def _han(text: str) -> int | None:
    """一 … 三十一 as a number (a month or a day), or None."""
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _HAN_DIGITS.get(text) if len(text) == 1 else None
    if len(tens) > 1 or len(units) > 1:
        return None
    high = 1 if not tens else _HAN_DIGITS.get(tens)
    low = 0 if not units else _HAN_DIGITS.get(units)
    return None if high is None or low is None else high * 10 + low


def read_date(v: Any) -> Any:
    """A date as clerks write it: ``2021-03-29`` (YAML reads it), ``2021-3-29``, ``2021.3.29``,
    ``2021/3/29``, ``2021年3月29日`` and ``二〇二一年三月二十九日``. A date that does not exist
    (``2021年2月30日``) and a number (which pydantic would take for seconds since 1970) are refused."""
    if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
        raise InvalidValue("expect-date-written", text=str(v))
    if not isinstance(v, str):
        return v
    text = re.sub(r"\s+", "", normalise(v)) if len(v) <= MAX_DATE else ""
    parts: list[int | None] = []
    if (m := _DATE.fullmatch(text)) is not None:
        parts = [int(x) for x in (m.group(1, 3, 4) if m[1] else m.group(5, 6, 7))]
    elif (h := _DATE_HAN.fullmatch(text)) is not None:
        parts = [int("".join(str(_HAN_DIGITS[c]) for c in h[1])), _han(h[2]), _han(h[3])]
    year, month, day = parts if len(parts) == 3 else [None] * 3
    if year is None or month is None or day is None:
        raise InvalidValue("expect-date-written", text=v)
    try:
        return dt.date(year, month, day)
    except ValueError as e:
        raise InvalidValue("bad-date", text=v, year=year, month=month, day=day) from e


Date = Annotated[dt.date, BeforeValidator(read_date)]
"""A date in a data file (成文日期), however a clerk writes it."""


Stated = Annotated[Decimal, BeforeValidator(_stated), AfterValidator(check_finite)]
"""A number a report states (自评得分, 分值)."""


UNKNOWN = frozenset({"unknown", "未知", "不详", "?", "？"})
"""How a value the source does not show is written: the score that reads it becomes a range."""


class Figure(Strict):
    """A figure from the county's report, with its unit. A value of ``~`` is still to fill; one
    written ``未知`` (or ``unknown``) is not shown by the source, and what reads it scores a range."""

    value: Decimal | None
    """数值，可带单位：910.38、"910.38万元"、"约260人次"；写 未知 则原文未载明、得分成区间，写 ~ 为待填。

    The number, with its unit if need be: 910.38, "910.38万元", "约260人次"; 未知 when the source
    does not show it (a range), ``~`` still to fill."""
    unknown: bool = False
    """原文未载明这项数据（写 value: 未知 即是）：读它的得分成区间。

    The source does not show the figure (``value: 未知`` says so): what reads it scores a range."""
    unit: str | None = None
    """单位（如 万元、元/月、人、户次、%）；写在数值里的单位（910.38万元）亦可，两处不得不同。

    The unit (万元, 元/月, 人, 户次, %); one written with the value (910.38万元) does too, and the two
    may not differ."""
    title: str | None = None
    """这项数据是什么（如 城市低保累计救助户次）；评分标准未列的数据必须写。

    What the figure is; required for one the rubric does not list."""
    approx: bool = False
    """约数：原文写 约、大约、近、将近、余、多、左右，数值不是确数；写在数值里（约260人次、200余人）即是。

    The report says 约, 近, 余, 多 or 左右: the stated value is not exact (约260人次 says so itself)."""
    note: str | None = None
    """备注，如数据的出处或口径。

    A remark: where the figure comes from, how it is counted."""

    _v = field_validator("value")(lambda cls, v: v if v is None else check_finite(v))
    _words: str | None = PrivateAttr(default=None)
    """Set by a form that codes words as a number (部分完成 as 0.5): what a reader is shown."""

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, v: object) -> object:
        return quantity(v)

    @classmethod
    def coded(cls, value: Decimal, words: str, **kw: Any) -> Figure:
        """A figure a form read from words (已完成), shown as those words."""
        fig = cls(value=value, **kw)
        fig._words = words
        return fig

    @property
    def words(self) -> str | None:
        return self._words


NO_NUMBER = frozenset({"无", "无文号", "没有", "没有文号", "/", "／", "—", "——", "-"})
"""How a clerk says a document has no 文号 (``number: 无``): said, so never still to fill."""


def unnumbered(number: str | None) -> bool:
    """Whether a 文号 as written says the document has none."""
    return number is not None and number.strip() in NO_NUMBER


class Evidence(Strict):
    """A document or record offered as evidence."""

    title: str = Field(min_length=1)
    """文件或记录的名称，照原文（如 关于印发《平罗县社会救助兜底脱贫行动实施方案》的通知）。

    The document's or record's title, as written."""
    number: str | None = None
    """文号（如 平民发〔2020〕34号）；没有文号写 无，尚待填写写 ~（待填的不算证明材料）。

    The document number (文号), e.g. 平民发〔2020〕34号; None when there is none (``无``) or it is
    still to fill (``~``)."""
    issuer: str | None = None
    """发文单位（如 平罗县民政局）。

    Who issued it."""
    kind: Literal["document", "record", "meeting", "other"] = "document"
    """类别：document（文件，默认）、record（记录、台账）、meeting（会议）、other（其他）。

    What it is: ``document`` (the default), ``record``, ``meeting`` or ``other``."""
    note: str | None = None
    """备注。

    A remark."""

    _no_number: bool = PrivateAttr(default=False)

    @model_validator(mode="after")
    def _unnumbered(self) -> Evidence:
        # 无 is not a 文号: no output prints it where a 文号 goes, and nothing asks for one
        if unnumbered(self.number):
            self.number, self._no_number = None, True
        return self

    @property
    def no_number(self) -> bool:
        """Written ``number: 无``: the document has no 文号."""
        return self._no_number

    @property
    def pending(self) -> bool:
        """Written with ``number: ~``: its 文号 is still to fill, so it does not count as evidence yet."""
        return self.number is None and "number" in self.model_fields_set and not self._no_number


class Fact(Strict):
    """A yes/no fact with an optional note; ``~`` when still to fill."""

    value: bool | None
    """是或否：是、有、对、√、true 为是；否、无、错、×、false 为否；~ 为待填。不能写 1 或 0。

    Yes or no: 是, 有, 对, √, true; 否, 无, 错, ×, false; ``~`` still to fill. Never 1 or 0."""
    note: str | None = None
    """备注，如依据。

    A remark, such as what it rests on."""

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, v: object) -> object:
        return _fact(v)  # here, not on the whole section, so a refusal lands on the fact's own line


class Judgement(Strict):
    """An assessor's judgement of a node: points, or a tier of achievement (定性指标), and the reason in writing."""

    points: Decimal | None = Field(default=None, ge=0)
    """评审给出的分数（不小于0）。

    The points the assessor gives (0 or more)."""
    tier: str | None = None
    """评审认定的完成档次，写评分规则 tiers 中的一档名称（如 部分达成）。

    The tier of achievement judged: the name of one of the rule's tiers (部分达成)."""
    reason: str = Field(min_length=2)
    """评定的书面理由（至少两个字），必填。

    The reason in writing (two characters at least); required."""
    by: str | None = None
    """评审人。

    Who judged."""


class Subject(Strict):
    """Who is evaluated, and for which year."""

    name: str = Field(min_length=1)
    """县（市、区）名称，如 平罗县；评审调整记录的 county 按它对应。

    The county (district), e.g. 平罗县; a review ledger's ``county`` names it so."""
    year: int = Field(ge=2000, le=2100)
    """评价的年度，如 2020（2000 至 2100）。

    The year evaluated, e.g. 2020 (2000 to 2100)."""
    province: str | None = None
    """省（自治区），如 宁夏回族自治区。

    The province, e.g. 宁夏回族自治区."""
    city: str | None = None
    """地级市：全省汇总的页面和工作簿按它分组小计。

    地级市: a province's page and workbook group and subtotal their counties by it."""
    code: str | None = None
    """行政区划代码（如 640221）。

    The administrative division code (640221)."""


class RubricRef(Strict):
    """Which rubric the data is scored against."""

    id: str = Field(min_length=1)
    """评分标准的 id（如 ningxia-2020-county）。

    The rubric's id (``ningxia-2020-county``)."""
    version: str = Field(min_length=1)
    """评分标准的 version，加引号（如 "2020.1"），以免读成数。

    The rubric's version, quoted (``"2020.1"``) so that it is not read as a number."""
    path: str | None = None
    """评分标准文件的路径，相对于本数据文件所在的文件夹（也在 --rubric-path 的各文件夹中找）；内置的评分标准
    按 id 和 version 即可找到，不必写。

    The rubric file, relative to this data file's folder (or inside a ``--rubric-path`` folder); a
    bundled rubric is found by id and version without it."""


class DataBase(Strict):
    """What every county reports for one year, whatever the form."""

    subject: Subject
    """被评对象：县（市、区）名称 name 与年度 year，可写 province、city、code。

    Who is evaluated: ``name`` and ``year``, and ``province``, ``city``, ``code`` if need be."""
    rubric: RubricRef
    """所依据的评分标准：id 与 version，可写 path 指向文件。

    The rubric scored against: ``id`` and ``version``, and ``path`` to its file if need be."""
    figures: dict[str, Figure] = Field(default_factory=dict)
    """报告中的各项数据，按数据名：910.38、"910.38万元"、"约260人次"、未知（得分成区间）、~（待填），或写
    明 value、unit、title。

    The report's figures by name: 910.38, "910.38万元", "约260人次", 未知 (a range), ``~`` (to fill),
    or ``value``, ``unit``, ``title``."""
    facts: dict[str, Fact] = Field(default_factory=dict)
    """是/否事实，按名称：是、否、true、false、√、×；~ 为待填。

    Yes/no facts by name: 是, 否, true, false, √, ×; ``~`` to fill."""
    evidence: dict[str, list[Evidence]] = Field(default_factory=dict)
    """证明材料，按材料名列出一份或多份文件（title、number 文号、issuer、kind）；~ 为待填。

    Evidence by slot: one document or a list (``title``, ``number``, ``issuer``, ``kind``); ``~`` to fill."""
    judgements: dict[str, Judgement] = Field(default_factory=dict)
    """评审评定，按指标编号：分数 points 或档次 tier，以及理由 reason。

    An assessor's judgements by node id: ``points`` or ``tier``, and ``reason``."""
    not_applicable: dict[str, str] = Field(default_factory=dict)
    """本县不适用的指标，按指标编号写明原因；如何计分由评分标准该项的 not_applicable 决定。

    Nodes that do not apply to the county, by id, with the reason; the rubric's ``not_applicable`` of
    the node says how it scores."""
    claims: dict[str, Stated] = Field(default_factory=dict)
    """自评得分，按指标编号；total 为自评总分。可写 5 或 "5分"，不能写约数。

    Self-claimed scores (自评得分) by node id; ``total`` for the overall claim."""
    points: dict[str, Stated] = Field(default_factory=dict)
    """报告写明的分值，按指标编号（扣分项可写负数）；total 为基本分满分。审核时与评分标准的分值比对。

    The points (分值) the report states for a node, where it states them (a deduction's may be
    written negative); ``total`` for the standard total. Compared with the rubric's by the audit."""
    relations: list[Relation] = Field(default_factory=list)
    """本县补充的数据关系（derived 可复算、subset 部分不大于整体），与评分标准的一同审核。

    The county's own relations between figures (``derived``, ``subset``), audited with the rubric's."""

    _origins: dict[Loc, Loc] = PrivateAttr(default_factory=dict)
    """Where a value a form derives (a row's claim, its target) is written in the file."""

    def where(self, loc: Loc) -> Loc:
        """The place in the file of the value at ``loc`` (``("claims", "r1")`` → the row's 得分 cell)."""
        for n in (2, 1):
            origin = self._origins.get(loc[:n])
            if origin is not None:
                return (*origin, *loc[n:])
        return loc

    @model_validator(mode="before")
    @classmethod
    def _empty_sections(cls, v: object) -> object:
        """A section left empty (``figures:`` with only comments under it) is an empty one."""
        if not isinstance(v, dict):
            return v
        out = {}
        for k, x in v.items():
            field = cls.model_fields.get(k) if isinstance(k, str) else None
            factory = field.default_factory if field is not None else None
            out[k] = factory() if x is None and factory in (dict, list) else x
        return out

    @field_validator("evidence", mode="before")
    @classmethod
    def _evidence(cls, v: object) -> object:
        if isinstance(v, dict):  # one document, or ~ for a slot still to fill
            return {k: [x] if isinstance(x, dict) else [] if x is None else x for k, x in v.items()}
        return v
