"""subject-mismatch: 报告的发文机关、标题、开头或文号与数据文件的县（市、区）和年度不符（另一县的报告改名未改全，或
沿用了去年的标题）。

the letterhead, title, opening or 文号 of the report do not match the
county and year the data file is for (a copy of another county's report not fully renamed,
last year's title left in place).

PASS: 发文机关、标题、文号都是平罗县2020年度的
    rubric:
      sections:
        - {id: s1, number: 一, title: 工作部署, points: 1, children: [
            {id: c01, number: "1", title: 印发实施方案, points: 1, rule: {kind: fact, fact: plan}}]}
      facts: {plan: 印发社会救助兜底脱贫行动实施方案}
    data:
      subject: {name: 平罗县, year: 2020}
      facts: {plan: 是}
      document:
        issuers: [平罗县民政局, 平罗县财政局]
        number: 平民发〔2021〕21号
        title: 平罗县2020年度困难群众救助工作绩效自评报告
        addressee: 自治区民政厅、财政厅
        preamble: 平罗县民政局、财政局对照评分标准，完成了2020年度困难群众救助工作绩效考评，
        date: 2021-03-29
FAIL: 照抄永宁县的报告，发文机关未改
    rubric:
      sections:
        - {id: s1, number: 一, title: 工作部署, points: 1, children: [
            {id: c01, number: "1", title: 印发实施方案, points: 1, rule: {kind: fact, fact: plan}}]}
      facts: {plan: 印发社会救助兜底脱贫行动实施方案}
    data:
      subject: {name: 平罗县, year: 2020}
      facts: {plan: 是}
      document:
        issuers: [永宁县民政局, 永宁县财政局]
        number: 平民发〔2021〕21号
        title: 平罗县2020年度困难群众救助工作绩效自评报告
        addressee: 自治区民政厅、财政厅
        preamble: 平罗县民政局、财政局对照评分标准，完成了2020年度困难群众救助工作绩效考评，
        date: 2021-03-29
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selfeval.audit.base import Audit
from selfeval.forms.narrative.messages import msg
from selfeval.forms.narrative.models import NarrativeData, NarrativeRubric
from selfeval.forms.narrative.text import fill, resolver
from selfeval.i18n import Msg
from selfeval.problems import Problem, Severity

ID = "subject-mismatch"

_BUREAU = re.compile(r"民政局|财政局")
_LEADING_PLACE = re.compile(r"^[\u4e00-\u9fff]{2}[县区市旗]")
_DOC_YEAR = re.compile(r"〔(\d{4})〕")


def _bureaus_of_others(text: str, name: str) -> list[str]:
    """``平罗县民政局`` in a text about 永宁县: each county bureau not preceded by the county's name."""
    out = []
    for m in _BUREAU.finditer(text):
        before = text[: m.start()]
        if before.endswith(name) or before.endswith("、") or not before or before[-1] not in "县区市旗":
            continue
        out.append(before[-3:] + m.group(0))
    return out


def check(audit: Audit[NarrativeRubric, NarrativeData]) -> Iterator[Problem]:
    data = audit.result.data
    if data.document is None:
        return
    d, name, year = data.document, data.subject.name, data.subject.year
    value = resolver(audit.result)

    def mismatch(loc: tuple[str | int, ...], message: Msg, stated: str) -> Problem:
        return audit.finding(Severity.ERROR, ID, str(loc[1]), message, loc, values={"stated": stated, "expected": name})

    for i, raw in enumerate(d.issuers):
        issuer = fill(raw, value)
        if not issuer.startswith(name):
            yield mismatch(("document", "issuers", i), msg("issuer-mismatch", issuer=issuer, name=name), issuer)
    title = fill(d.title, value)
    if name not in title:
        yield mismatch(("document", "title"), msg("title-without-name", title=title, name=name), title)
    if str(year) not in title:
        yield mismatch(("document", "title"), msg("title-without-year", title=title, year=year), title)
    for key in ("preamble", "attachments_title"):
        raw_text = getattr(d, key)
        if not raw_text:
            continue
        text = fill(raw_text, value)
        places = _bureaus_of_others(text, name)
        lead = _LEADING_PLACE.match(text)
        if lead and not text.startswith(name) and lead.group(0) != "自治区":
            places.append(lead.group(0))
        where = msg(f"where-{key}")
        for place in dict.fromkeys(places):
            yield mismatch(("document", key), msg("text-names-other", where=where, place=place, name=name), place)
    if d.number:
        m = _DOC_YEAR.search(d.number)
        if m and int(m.group(1)) != d.date.year:
            yield audit.finding(
                Severity.WARNING,
                ID,
                "number",
                msg("number-year", number=d.number, year=d.date.year),
                ("document", "number"),
                values={"stated": m.group(1), "expected": str(d.date.year)},
            )
    if d.date.year not in (year, year + 1):
        yield audit.finding(
            Severity.WARNING,
            ID,
            "date",
            msg("date-year", date=d.date.isoformat(), year=year),
            ("document", "date"),
            values={"stated": str(d.date.year), "expected": f"{year}–{year + 1}"},
        )
