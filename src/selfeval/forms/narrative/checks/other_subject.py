"""other-subject: 正文写着另一县（市、区）的名称或另一年度，多是照抄别县或去年的报告未改全：“在平罗县政府网站公开”出现在
盐池县的文件里，“2019年全县共救助”出现在2020年度的文件里。名称指以县、区、市、旗结尾的地名（“全县”“社区”“城市”
“自治区”“开发区”等不算）；写在本县名称之前的市（石嘴山市平罗县）和主送机关中的市是本县的上级，不算；其他市可能是
上级市，列为提示。年份只看叙述当年工作之处（“2019年全县……”“截至2019年底”“2019年度”），不看所引文件标题和文号、
“自2019年起”“较2019年”等；评价年度及其次年不算。文头、标题和开头的发文机关由 subject-mismatch 核对。

the body names another county, or another year: the leftovers of another
county's report or of last year's (「在平罗县政府网站公开」 in 盐池县's file, 「2019年全县共救助」
in a file for 2020). A county is a name ending in 县, 区, 市 or 旗 (全县, 社区, 城市, 自治区 and
开发区 are none); a city written before the county's own name (石嘴山市平罗县) or in the
addressee is its superior, and any other city may be one, so it is a note. A year counts where
the text states the year's work (2019年全县…, 截至2019年底, 2019年度), not in a cited title or
文号, nor in 自2019年起 or 较2019年; the year evaluated and the next are the file's own. The
letterhead, title and the issuers in the opening are subject-mismatch's.

PASS: 盐池县的文件写本县和上级市
    rubric:
      sections:
        - {id: s1, number: 三, title: 工作效果, points: 1, children: [
            {id: c36, number: "36", title: 公开举报电话, points: 1, rule: {kind: fact, fact: published}}]}
      facts: {published: 公开城乡低保信息和举报电话}
    data:
      subject: {name: 盐池县, year: 2020}
      facts: {published: 是}
      items:
        c36:
          narrative:
            - {text: 按照吴忠市盐池县的统一部署，在盐池县政府网站公开城乡低保信息；自2019年起全县设立举报箱, score: c36}
FAIL: 盐池县的文件仍写着平罗县
    rubric:
      sections:
        - {id: s1, number: 三, title: 工作效果, points: 1, children: [
            {id: c36, number: "36", title: 公开举报电话, points: 1, rule: {kind: fact, fact: published}}]}
      facts: {published: 公开城乡低保信息和举报电话}
    data:
      subject: {name: 盐池县, year: 2020}
      facts: {published: 是}
      items:
        c36:
          narrative:
            - {text: 在平罗县政府网站公开城乡低保信息, score: c36}
FAIL: 2020年度的文件写着“2019年全县共救助”
    rubric:
      sections:
        - {id: s1, number: 二, title: 临时救助, points: 1, children: [
            {id: c08, number: "8", title: 临时救助水平, points: 1, rule: {kind: fact, fact: aided}}]}
      facts: {aided: 开展临时救助}
    data:
      subject: {name: 盐池县, year: 2020}
      facts: {aided: 是}
      items:
        c08:
          narrative:
            - {text: 2019年全县共救助城乡困难家庭3118人, score: c08}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selfeval.audit.base import Audit
from selfeval.forms.narrative.messages import msg
from selfeval.forms.narrative.models import NarrativeData, NarrativeRubric
from selfeval.forms.narrative.text import REFERENCE
from selfeval.i18n import Msg
from selfeval.load import Loc
from selfeval.problems import Problem, Severity

ID = "other-subject"

_HAN = re.compile(r"[\u4e00-\u9fff]")
_STEM = re.compile(r"[\u4e00-\u9fff]+")
_SUFFIXED = re.compile("[县区市旗]")
_FUNCTION = re.compile(
    "[县区市旗向是对在的了与及为由把被给就也都还又再并但而或等之此这那每各该我已均未无有年度报需请经按据月日委]"
)
"""Characters of the words around a name, in no county's: 时向县 in 及时向县民政局报告 is none, nor 县委县."""
_BEFORE_PLACE = tuple(
    "在 于 与 和 及 同 向 对 到 赴 由 从 为 是 了 经 将 给 跟 年 度 原 据 按照 根据 会同 联合 协调 印发 制定 召开 成立 "
    "调整 下发 转发 出台 学习 借鉴 参照 参考 前往 深入 走访 来自 位于 地处 包括 覆盖".split()
)
"""Words a place name follows: where a name may begin inside a run of Chinese (在平罗县政府网站)."""
_NOT_A_NAME_END = set("全我本该各外邻此其每两省市县区乡镇村州旗盟")
"""A last character before 县/区/市 that makes a common word, not a name (全县, 各区, 市县)."""
_COMMON_TAILS = frozenset(
    "社区 城区 辖区 地区 山区 小区 园区 景区 牧区 灾区 片区 校区 街区 老区 库区 矿区 郊区 新区 湾区 港区 厂区 营区 "
    "学区 病区 疫区 控区 险区 民区 政区 税区 胜区 大区 发区 范区 护区 验区 务区 置区 理区 住区 能区 行区 "
    "治区 治县 治旗 "
    "城市 超市 集市 都市 上市 门市 夜市 股市 红旗 国旗 党旗 锦旗 彩旗 战旗 队旗 团旗 会旗 校旗 升旗 "
    "贫县 困县 点县 范县 进县 标县 口县 建县 援县 扶县 帽县 大县 强县 小县 穷县 级市 级县 级区".split()
)
"""Words ending like a place that are none (社区, 开发区, 自治区, 城市, 锦旗, 贫困县, 帮扶县, 县级市)."""
_NOT_AFTER = {"市": "场民值面价容级", "区": "域块间分别划级", "旗": "帜下杆号手级", "县": "级"}
"""What after 县/区/市/旗 makes it the start of another word (农贸市场, 区域, 旗帜, 乡镇和县级部门); 市民政局
is a city's bureau all the same."""
_TITLED = re.compile(r"《[^《》]*》|〔[^〔〕]*〕|“[^“”]*”")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_YEARS_WORK = re.compile(r"^(?:度|底|末|初|全年|上半年|下半年|共|累计|全县|全区|全市|全旗|我县|本县|我区|本区)")
"""After 2019年: the year's work stated (2019年全县共救助, 2019年底, 2019年度)."""
_YEAR_AS_START = ("截至", "截止", "截止到", "截至到")
_NOT_THE_YEAR = ("自", "从", "于", "较", "比", "与", "同", "和", "及", "、", "至", "到", "—", "-", "~", "～", "在")
"""Before a year: a starting point, a comparison, a range (自2019年起, 较2019年, 2019年至2020年)."""


def _places(text: str) -> Iterator[tuple[str, int, str | None]]:
    """Each place name in ``text``: the name, where it starts, and the place written just before it
    (石嘴山市 in 石嘴山市平罗县), if any. A name is read back from its 县/区/市/旗 to where a name may
    begin, shortest first, and holds no word that names none (时向县 in 及时向县民政局报告)."""
    ends: dict[int, str] = {}
    for m in _SUFFIXED.finditer(text):
        end = m.start()
        after = text[end + 1 : end + 3]
        if after[:1] and after[0] in _NOT_AFTER[m.group()] and after != "民政":
            continue
        for stem in (2, 3, 4) if m.group() == "旗" else (2, 3):
            start = end - stem
            if start < 0 or not _STEM.fullmatch(text, start, end) or _FUNCTION.search(text, start, end):
                break
            if start == 0 or not _HAN.match(text, start - 1) or text.endswith(_BEFORE_PLACE, 0, start) or start in ends:
                name = text[start : end + 1]
                if name[-2] not in _NOT_A_NAME_END and name[-2:] not in _COMMON_TAILS:
                    yield name, start, ends.get(start)
                    ends[end + 1] = name
                break


def _plain(text: str, name: str) -> str:
    """``text`` with the county's name where it refers to it, and other references blanked."""
    return REFERENCE.sub(lambda m: name if m["name"] == "subject.name" else "＃", text) if "{" in text else text


def _superiors(data: NarrativeData, texts: list[str]) -> set[str]:
    """The cities the file shows as the county's own: written before its name (石嘴山市平罗县) in its
    body or its evidence, or addressed."""
    name = data.subject.name
    texts = [*texts, *(e.title for docs in data.evidence.values() for e in docs)]
    texts += [e.issuer for docs in data.evidence.values() for e in docs if e.issuer]
    out = {before for t in texts if name in t for place, _, before in _places(t) if place == name and before}
    if data.document is not None:
        out |= {place for place, _, _ in _places(data.document.addressee) if place.endswith("市")}
    return out


def _all_texts(data: NarrativeData) -> Iterator[tuple[Loc, str]]:
    """The body: the opening and every item's text (references blanked: they print the file's own)."""
    if data.document is not None and data.document.preamble:
        yield ("document", "preamble"), data.document.preamble
    for key, item in data.items.items():
        for i, seg in enumerate(item.narrative):
            if seg.text:
                yield ("items", key, "narrative", i, "text"), seg.text


def _stated_years(text: str, year: int) -> Iterator[str]:
    """Each year other than ``year`` and the next where ``text`` states a year's work, with its words."""
    if not _YEAR.search(text):
        return  # most texts write no year but {subject.year}
    blank = REFERENCE.sub(lambda m: " " * len(m.group(0)), text)
    blank = _TITLED.sub(lambda m: " " * len(m.group(0)), blank)
    for m in _YEAR.finditer(blank):
        stated = int(m.group(1))
        if stated in (year, year + 1):
            continue
        before, after = blank[: m.start()].rstrip(), blank[m.end() :]
        if before.endswith(_YEAR_AS_START) or (not before.endswith(_NOT_THE_YEAR) and _YEARS_WORK.match(after)):
            yield re.split(r"[，。；：、,;]", text[m.start() : m.end() + 20])[0]


def _where(at: Loc, numbers: dict[str, str | None]) -> Msg:
    """第36项, or 开头."""
    return msg("where-preamble") if at[0] == "document" else msg("where-item", n=numbers.get(str(at[1])) or at[1])


def check(audit: Audit[NarrativeRubric, NarrativeData]) -> Iterator[Problem]:
    data = audit.result.data
    name, year = data.subject.name, data.subject.year
    body = [(at, text, _plain(text, name)) for at, text in _all_texts(data)]
    superiors = _superiors(data, [plain for _, _, plain in body])
    numbers = {r.id: r.node.number for r in audit.result.walk()}
    for at, text, plain in body:
        said: set[str] = set()
        places = list(_places(plain))
        cities_of = {before for _, _, before in places if before}  # 石嘴山市惠农区: the county is what to say
        for place, start, _ in places:
            if place == name or place in said or place in superiors or place in cities_of:
                continue
            if at[0] == "document" and (start == 0 or plain.startswith(("民政局", "财政局"), start + len(place))):
                continue  # the opening's issuers are subject-mismatch's
            said.add(place)
            city, where = place.endswith("市"), _where(at, numbers)
            yield audit.finding(
                Severity.INFO if city else Severity.WARNING,
                ID,
                str(at[1]),
                msg("text-other-city" if city else "text-other-county", where=where, place=place, name=name),
                at,
                values={"stated": place, "expected": name},
            )
        for words in dict.fromkeys(_stated_years(text, year)):
            where = _where(at, numbers)
            yield audit.finding(
                Severity.WARNING,
                ID,
                str(at[1]),
                msg("text-other-year", where=where, text=words, year=year),
                at,
                values={"stated": words[:4], "expected": str(year)},
            )
