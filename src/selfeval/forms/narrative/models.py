"""The narrative form's models: a rubric that holds its indicator tree, and a report's text."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from selfeval.errors import InvalidValue
from selfeval.models.data import DataBase, Date
from selfeval.models.rubric import Node, RubricBase, Strict, Walked, walk_tree


class Wording(Strict):
    """The report's fixed words, as the province's own reports write them. Each ``{…}`` is filled
    in: ``{max}`` a heading's points, ``{score}`` its score, ``{n}`` an item's number. The defaults
    say nothing any one province says; the bundled Ningxia rubric gives Ningxia's."""

    letterhead: str = "文件"
    """发文机关标志中接在发文机关之后的字（GB/T 9704：机关名称加“文件”二字），默认“文件”；写 "" 则不加。

    After the issuers in the 发文机关标志 (GB/T 9704: 机关名称加“文件”二字), default 文件, or "" for none."""
    bonus: str = "加分"
    """开头一句对加分的称呼（自评标准分值100分，{bonus}5分），默认“加分”；评分标准没有加分项时不提。

    What the opening sentence calls the bonus points (自评标准分值100分，{bonus}5分), default 加分; not
    said when the rubric has none."""
    points: str = "{max}分"
    """标题后括号中的分值（{points}，{score}），{max} 换成本项分值，默认“{max}分”，宁夏写“指标分值{max}分”。

    A heading's points in its brackets (（{points}，{score}）), ``{max}`` its points; default ``{max}分``,
    Ningxia's ``指标分值{max}分``."""
    score: str = "自评得{score}分"
    """标题后括号中的自评得分，{score} 换成本项得分，默认“自评得{score}分”。

    A heading's score in its brackets, ``{score}`` the score; default ``自评得{score}分``."""
    deduction_points: str = "最多扣{max}分"
    """扣分项标题后的分值，{max} 换成最多扣的分数，默认“最多扣{max}分”；写成负数（指标分值-{max}分）亦可，公文中仍按扣
    分写。

    A deduction heading's points, ``{max}`` the most taken off; default ``最多扣{max}分``. Written
    negative (指标分值-{max}分) it is still said as points taken off in a 公文."""
    deduction_score: str = "自评扣{score}分"
    """扣分项标题后的自评扣分，{score} 换成所扣分数，默认“自评扣{score}分”。

    A deduction heading's score, ``{score}`` the points taken off; default ``自评扣{score}分``."""
    item_number: str = "{n}．"
    """条目的编号格式，{n} 换成序号：默认“{n}．”（GB/T 9704 第四层，全角点），宁夏写“{n}.”。

    How an item is numbered, ``{n}`` its number: 1． by default (GB/T 9704's 第四层), or Ningxia's 1. """
    item_titles: bool = True
    """直接列在部分之下（上面没有指标标题）的条目，是否以其标题开头（“标题：”），默认 true。

    Whether an item placed directly under a section (no indicator above it) is introduced by
    its title, which no heading gives it (default true)."""


class WordingOverride(Strict):
    """A county's own changes to its rubric's wording (``document.wording`` in its data file)."""

    letterhead: str | None = None
    """本报告发文机关标志中机关名称后的字（如 文件）；不写则用评分标准 wording 的。

    The word after the issuers in this report's letterhead; left out, the rubric's."""
    bonus: str | None = None
    """本报告开头一句对加分的称呼；不写则用评分标准 wording 的。

    What this report's opening sentence calls the bonus points; left out, the rubric's."""
    points: str | None = None
    """本报告标题后的分值写法（{max} 为分值）；不写则用评分标准 wording 的。

    How this report writes a heading's points (``{max}``); left out, the rubric's."""
    score: str | None = None
    """本报告标题后的自评得分写法（{score} 为得分）；不写则用评分标准 wording 的。

    How this report writes a heading's score (``{score}``); left out, the rubric's."""
    deduction_points: str | None = None
    """本报告扣分项标题后的分值写法（{max} 为最多扣分）；不写则用评分标准 wording 的。

    How this report writes a deduction heading's points (``{max}``); left out, the rubric's."""
    deduction_score: str | None = None
    """本报告扣分项标题后的扣分写法（{score} 为所扣分数）；不写则用评分标准 wording 的。

    How this report writes a deduction heading's score (``{score}``); left out, the rubric's."""
    item_number: str | None = None
    """本报告条目的编号格式（{n} 为序号，如 {n}. ）；不写则用评分标准 wording 的。

    How this report numbers an item (``{n}``); left out, the rubric's."""
    item_titles: bool | None = None
    """本报告直接列在部分之下的条目是否以标题开头（true 或 false）；不写则用评分标准 wording 的。

    Whether this report introduces an item directly under a section by its title; left out, the rubric's."""


class NarrativeRubric(RubricBase):
    """A rubric whose indicator tree (sections, indicators, criteria, clauses) is fixed in the file."""

    form: Literal["narrative"] = "narrative"
    """文件类型：narrative，按指标逐项作答的自评报告。

    The document family: ``narrative``, a report that answers the indicators one by one."""
    sections: list[Node] = Field(min_length=1)
    """指标树：顶层各部分（一、二、……），下级指标、评分细则和条款写在各自的 children 中；每项的键见“节点的键”。至少一
    项。

    The indicator tree: its top sections (一, 二, …), with the indicators, criteria and clauses under
    each in ``children``; see a node's keys. At least one."""
    wording: Wording = Field(default_factory=Wording)
    """报告中固定的用语（发文机关标志、标题后的分值和得分、条目编号），照本省报告的写法；不写用通用写法。

    The report's fixed words (letterhead, a heading's points and score, item numbers) as the
    province writes them; left out, plain defaults."""

    @cached_property
    def walked(self) -> Walked:
        """Every node, depth first, with its location and effective type (walked once per batch)."""
        return walk_tree(self.sections)


class Segment(Strict):
    """A run of narrative text, optionally followed by the score clause of a node.

    The text refers to figures as ``{key}`` (see :mod:`selfeval.forms.narrative.text`);
    ``~`` marks text still to write."""

    text: str | None
    """本段文字，照报告原文；以 {数据名} 引用数据（如 {towns}、{subject.year}），报告中换成数值；写 ~ 表示尚待撰写（报
    告显示【待填】）。

    The text, as the report words it; ``{name}`` brings in a figure (``{towns}``, ``{subject.year}``);
    ``~`` marks text still to write (shown as 【待填】)."""
    score: str | None = None
    """本段之后接哪一项的得分句（「得X分」），写该项的编号（如 c01.1）；不写则本段后不接得分句。

    The node whose score clause (「得X分」) follows this text in the report (``c01.1``); left out, none."""


class Item(Strict):
    """The narrative of one numbered item of the report."""

    narrative: list[Segment] = Field(min_length=1)
    """本条的文字，按顺序分段，每段可在末尾接一项的得分句；至少一段。

    The item's text in runs, in order, each optionally followed by a node's score clause; at least one."""


class Attachment(Strict):
    """One entry of the attachment list (材料清单)."""

    title: str = Field(min_length=1)
    """材料名称，照原文（如 关于印发《平罗县社会救助兜底脱贫行动实施方案》的通知）。

    The attachment's title, as written."""
    number: str | None = None
    """文号（如 平民发〔2020〕34号）；没有文号写 无，或不写。

    Its document number (平民发〔2020〕34号); ``无`` or left out when it has none."""


class ReportDocument(Strict):
    """The report's letterhead, addressee, opening and closing, and its 版记."""

    issuers: list[str] = Field(min_length=1)
    """发文机关，按原文顺序（如 [平罗县民政局, 平罗县财政局]），至少一个；用于发文机关标志。

    The issuing offices in the document's order, at least one; they make the letterhead."""
    number: str | None = None
    """发文字号（如 平民发〔2021〕21号）；没有写 无，或不写。

    The report's 发文字号 (平民发〔2021〕21号); ``无`` or left out when it has none."""
    signer: str | list[str] | None = None
    """签发人（上行文）：一个姓名，或按发文机关顺序每个机关一个；印在发文字号右侧。不写则没有签发人，发文字号居中。

    签发人 of a report to a higher office (上行文): one name, or one per issuer in their order;
    printed right of the 发文字号. None: no 签发人, the 发文字号 centred."""
    title: str
    """报告标题（如 平罗县2020年度困难群众救助工作绩效自评报告）。

    The report's title."""
    addressee: str
    """主送机关（如 自治区民政厅、财政厅）。

    Who the report is addressed to (主送机关)."""
    preamble: str | None
    """开头一段，写到得分句之前，得分句由程序按得分补上；写 ~ 表示尚待撰写。

    Opening text up to the score sentence, which the report adds from the scores (``~``: to write)."""
    date: Date
    """成文日期，写作 2021-03-29、2021年3月29日、2021.3.29 或 二〇二一年三月二十九日。

    The date of the report (成文日期): 2021-03-29, 2021年3月29日, 2021.3.29 or 二〇二一年三月二十九日."""
    attachments_title: str | None = None
    """材料清单的标题（如 平罗县困难群众救助工作绩效评价材料清单）；不写则 Word 报告称“材料清单”，Markdown 报告不写标
    题。

    The attachment list's title; left out, the Word report says 材料清单 and the Markdown one none."""
    cc: list[str] = Field(default_factory=list)
    """抄送机关，按顺序；不写则版记中没有抄送一行。

    抄送机关, in their order; none: the 版记 has no 抄送 line."""
    printed_by: str | None = None
    """版记中的印发机关；不写则为第一个发文机关的办公室（如 平罗县民政局办公室）。

    印发机关 in the 版记; None: the first issuer's office (平罗县民政局办公室)."""
    printed_on: Date | None = None
    """版记中的印发日期，写法同 date；不写则同成文日期。

    印发日期 in the 版记, written as ``date`` is; None: the report's date."""
    wording: WordingOverride | None = None
    """本报告与评分标准 wording 不同的用语，只写不同的几项。

    Words this report writes otherwise than its rubric's: only those that differ."""

    @field_validator("signer")
    @classmethod
    def _one_signer_or_one_per_issuer(cls, v: str | list[str] | None, info: ValidationInfo) -> str | list[str] | None:
        # a third name for two issuers would be printed beside nobody's seal: refused at its line
        issuers = info.data.get("issuers")
        if isinstance(v, list) and v and issuers and len(v) not in (1, len(issuers)):  # [] is none
            raise InvalidValue("signer-count", n=len(v), issuers=len(issuers))
        return v


class NarrativeData(DataBase):
    """A county's figures and evidence, and the text of its narrative report."""

    document: ReportDocument | None = None
    """报告的文头、主送机关、开头、成文日期和版记；不写则报告以被评对象（subject.name）为发文机关，标题为“名称+年度+年
    度自评报告”。

    The report's letterhead, addressee, opening, date and 版记; left out, the report is issued by
    ``subject.name`` and titled after it and the year."""
    items: dict[str, Item] = Field(default_factory=dict)
    """报告各条的文字，按指标编号（如 c01）。

    The text of each numbered item of the report, by node id (``c01``)."""
    attachments: list[Attachment] = Field(default_factory=list)
    """材料清单，按顺序列出每份材料的标题和文号。

    The attachment list (材料清单): each document's title and number, in order."""
