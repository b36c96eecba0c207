"""The form read out of a grid: every part found by its header text, never by its position.

What is looked for, in any row or column:

- the indicator header: a row naming 三级指标 and 年度指标值 or 实际完成值 (spelled as provinces
  do: 年度目标值, 指标值; 全年实际值, 实际值; 未完成原因及拟采取的改进措施), with 一级指标,
  二级指标, 分值, 得分 and the provincial 权重, 单项指标得分, 折算得分 where the table has them;
  the rows under it, to the 总分 row;
- the budget block: a row naming at least two of 年初预算数, 全年预算数, 全年执行数, with 分值,
  执行率, 得分, and the lines under it (年度资金总额, 其中：当年财政拨款, …); its unit from
  「项目资金（万元）」, a header's bracket or a line 「单位：万元」;
- 项目名称, 主管部门, 实施单位, each followed by its value (or written 项目名称：… in one cell);
  预期目标 and 实际完成情况, each with its text after it, below it or beside it;
- the county and year in the title (稷山县项目支出绩效自评表（2020年度）), and the province where
  the title names it (山西省稷山县…) or a cell 省份 holds it;
- every table on a sheet: a second indicator header after a table's 总分 row starts a table of
  its own (:func:`split`), and what stands after the last 总分 row is said, cell by cell.

执行率 and percentages are read as meant: a number formatted as a percentage holds a fraction
(0.99 shows 99%); a number without the format means what it shows (99 is 99%); a bare number of
at most 1.5 beside a percentage (0.99 under 95%以上) could be 99% or 0.99%, so it is written as
it shows and marked doubtful, at its cell. An empty cell in a row that has values is written
``~`` (to fill) and counted.

Every value placed remembers its cell. A value that cannot be read is written 未知 and said,
at its cell; a column whose header is not the form's and that holds something is said too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from selfeval.errors import InvalidValue
from selfeval.forms.project_table.cells import read_cell
from selfeval.forms.project_table.importer.grid import Cell, Grid
from selfeval.forms.project_table.messages import msg
from selfeval.forms.project_table.models import TableRubric
from selfeval.i18n import Msg
from selfeval.models.data import UNKNOWN, quantity
from selfeval.numbers import as_written, normalise, parse_quantity

COLUMNS: dict[str, tuple[str, ...]] = {
    "level": ("一级指标",),
    "category": ("二级指标",),
    "name": ("三级指标", "指标名称", "绩效指标名称"),
    "target": ("年度指标值", "年度目标值", "指标值", "目标值", "年度目标", "预期指标值", "计划指标值", "全年指标值"),
    "actual": ("实际完成值", "全年实际值", "实际值", "完成值", "全年完成值", "实际完成指标值", "全年实际完成值"),
    "points": ("分值", "指标分值", "标准分值"),
    "score": ("得分", "自评得分"),
    "weight": ("权重", "权重占比", "指标权重"),
    "item_score": ("单项指标得分", "单项得分"),
    "weighted": ("折算得分",),
}
"""The indicator columns by the header texts provinces write them with (spaces and a bracketed
unit aside); a header holding 原因 is the 偏差原因 column."""
PASSIVE = frozenset({"绩效指标", "年度绩效指标", "序号", "项目", "指标"})
"""Headers of columns that carry no value of a row (a 绩效指标 cell merged down the left edge)."""

FUNDING: dict[str, tuple[str, ...]] = {
    "initial": ("年初预算数", "年初预算"),
    "budget": ("全年预算数", "全年预算", "调整后预算数"),
    "spent": ("全年执行数", "全年执行", "实际执行数"),
    "points": ("分值",),
    "rate": ("执行率", "预算执行率"),
    "score": ("得分",),
}
LABELS = {"name": ("项目名称",), "department": ("主管部门",), "unit": ("实施单位",)}
GOALS = {"expected": ("预期目标",), "achieved": ("实际完成情况", "实际完成")}
TOTAL_ROW = frozenset({"总分", "合计", "总计", "综合得分", "自评总分"})
OTHER_LABELS = frozenset({"年度总体目标", "预期目标", "实际完成情况", *TOTAL_ROW})
NONE = frozenset({"", "—", "——", "-", "--", "/", "／", "无", "—-"})
"""How a table leaves a budget cell empty."""
ASSUMED = re.compile(r"[（(]推定[)）]$")
"""A 分值 the tool's own table marks as a share it assumed: the table states none."""
RANGE = re.compile(r"^\d+(?:\.\d+)?\s*[–~～-]\s*\d+(?:\.\d+)?$")
"""A score written as a range (an unknown left it open): no score the county claims."""
UNIT = re.compile(r"单位[:：]\s*(亿元|万元|千元|元)")
BRACKET_UNIT = re.compile(r"\((?:单位[:：])?\s*([^()]*)\)$")
NUMBERED = re.compile(r"^指标\s*\d+\s*[:：.、]\s*")
"""指标1：全县参合人数 — the form's own numbering of the 三级指标."""
TITLE_YEAR = re.compile(r"(20\d{2})\s*年")
COUNTY = re.compile(r"[^省市县区旗]{1,8}?(?:自治县|自治旗|县|旗|区)")
CITY = re.compile(r"[^省市]{1,8}?市")
"""The county in a department's name: 稷山县医疗保障局 → 稷山县, 山西省运城市万荣县民政局 → 万荣县."""
TABLE_NAME = re.compile(r"(?:项目支出)?(?:绩效)?自评表")
PROVINCE = re.compile(r"^(.{2,7}?(?:省|自治区)|北京市|天津市|上海市|重庆市)")
"""A province at the start of a title or a department's name (山西省, 宁夏回族自治区)."""
CITY_COUNTY = re.compile(r"^(.{2,6}?市)(.{1,8}(?:自治县|自治旗|县|旗|区|市))$")
"""运城市稷山县: the 地级市 before the county."""
PROVINCE_LABELS = ("省份", "所属省份", "省", "省（自治区、直辖市）", "省(自治区、直辖市)")
PLAIN_FRACTION = Decimal("1.5")
"""A bare number up to this beside a percentage may be a fraction (0.99 for 99%) or a percentage
(0.99%): doubtful. Above it, a number means what it shows."""


def norm(text: str) -> str:
    """A header as compared: full-width folded, no spaces, no closing colon."""
    return re.sub(r"\s+", "", normalise(text)).rstrip(":")


def header_key(text: str, table: dict[str, tuple[str, ...]]) -> tuple[str | None, str | None]:
    """Which column a header names, and the unit in its brackets (年初预算数（万元））."""
    n = norm(text)
    m = BRACKET_UNIT.search(n)
    unit = None
    if m:
        unit = m.group(1) or None
        n = n[: m.start()]
    for key, names in table.items():
        if n in names:
            return key, unit
    if table is COLUMNS and "原因" in n:
        return "reason", unit
    return None, unit


@dataclass(frozen=True, kw_only=True)
class Val:
    """A value for the data file as YAML writes it, with the cell it came from and any remark."""

    yaml: str
    at: str = ""
    note: str = ""
    origin: str = ""
    """Where a problem with the value is said when it names no cell of its own (the table's first cell)."""


@dataclass(kw_only=True)
class Placed:
    """The form's data as read from one grid, and what could not be read."""

    subject: dict[str, Val] = field(default_factory=dict)
    project: dict[str, Val] = field(default_factory=dict)
    funding: dict[str, Val] = field(default_factory=dict)
    lines: list[dict[str, Val]] = field(default_factory=list)
    goals: dict[str, Val] = field(default_factory=dict)
    rows: list[dict[str, Val]] = field(default_factory=list)
    more: Val | None = None
    total: dict[str, Val] = field(default_factory=dict)
    unread: list[tuple[str, Msg]] = field(default_factory=list)
    """(address, why) of every cell not read as meant, in table order."""
    skipped: int = 0
    """Rows under the indicator header with nothing in them."""
    doubtful: list[tuple[str, Msg]] = field(default_factory=list)
    """(address, why) of every value read one way that could mean another (0.99 beside 95%)."""
    empty: list[str] = field(default_factory=list)
    """Addresses of the empty cells of rows that have values: written ``~``, to fill."""
    outside: list[tuple[str, Msg]] = field(default_factory=list)
    """(address, what) of each row under the last 总分 row (填表人, 联系电话, 备注): no part of the
    form, so not read, and said as such; a table's own cells are never here."""

    def values(self) -> list[Val]:
        """Every value placed, in the data file's order."""
        parts = [self.subject, self.project, self.funding, *self.lines, self.goals, *self.rows, self.total]
        return [v for part in parts for v in part.values()] + ([self.more] if self.more else [])

    def cells(self) -> int:
        """How many cells the values were read from (a merged cell once)."""
        unread = {at for at, _ in self.unread}
        return len({v.at for v in self.values() if v.at and v.yaml != "~"} - unread)

    def miss(self, cell: Cell | str, why: Msg) -> None:
        at = cell if isinstance(cell, str) else cell.at
        if (at, why.key) not in {(a, m.key) for a, m in self.unread}:  # a merged cell is said once
            self.unread.append((at, why))

    def doubt(self, at: str, why: Msg) -> None:
        if at not in {a for a, _ in self.doubtful}:
            self.doubtful.append((at, why))

    def blank(self, at: str) -> None:
        if at not in self.empty:
            self.empty.append(at)


def _q(text: str) -> str:
    """Text as a YAML scalar; 未知 as it is written by hand."""
    from selfeval.yamltext import scalar

    return "未知" if text == "未知" else scalar(text)


class Placer:
    """Reads one grid into :class:`Placed`."""

    def __init__(self, grid: Grid, rubric: TableRubric, file_name: str) -> None:
        self.grid = grid
        self.rubric = rubric
        self.file_name = file_name
        self.out = Placed()
        self.first_at = grid.cell(0, 0).at or "A1"
        """Where what is missing from the whole table is said (no year, no county)."""

    # ------------------------------------------------------------------ cells

    def take(self, cell: Cell) -> str | None:
        """A cell's text, or None (said) when the file holds no value for it."""
        if cell.unread is not None:
            self.out.miss(cell, cell.unread)
            return None
        return cell.text.strip()

    def text(self, cell: Cell) -> Val | None:
        value = self.take(cell)
        if value is None:
            return Val(yaml="未知", at=cell.at, note=msg("import-unread-note").text())
        if not value:
            return None
        return Val(yaml=_q(value), at=cell.at, note=_formula_note(cell))

    def number(self, cell: Cell, *, positive: bool = False) -> Val | None:
        """分值, 得分, 权重 and the like: a number (15, 15分, 10%), 未知, or nothing."""
        value = self.take(cell)
        if value is None:
            return Val(yaml="未知", at=cell.at, note=msg("import-unread-note").text())
        if value in NONE:
            return None
        if value.lower() in UNKNOWN:
            return Val(yaml="未知", at=cell.at)
        if ASSUMED.search(value):
            return None  # the tool's own mark: the table states no 分值 here
        if RANGE.match(value):
            return Val(yaml="未知", at=cell.at, note=msg("import-range-note", text=value).text())
        try:
            number, unit = parse_quantity(value)
        except InvalidValue:
            return self.bad(cell, msg("import-not-number", text=value))
        if unit not in (None, "分", "%"):
            return self.bad(cell, msg("import-not-number", text=value))
        if positive and number <= 0:
            return self.bad(cell, msg("import-not-positive", text=value))
        shown = f"{as_written(number)}%" if unit == "%" else as_written(number)
        return Val(yaml=_q(shown) if unit == "%" else shown, at=cell.at, note=_formula_note(cell))

    def bad(self, cell: Cell, why: Msg) -> Val:
        self.out.miss(cell, why)
        return Val(yaml="未知", at=cell.at, note=why.text())

    def value_cell(self, cell: Cell, *, actual: bool) -> tuple[Val, dict[str, object] | None]:
        """年度指标值 or 实际完成值 read as the form reads it (:func:`read_cell`)."""
        value = self.take(cell)
        if value is None:
            return Val(yaml="未知", at=cell.at, note=msg("import-unread-note").text()), {"unknown": True}
        if not value or value == "待填":
            return Val(yaml="~", at=cell.at, note=msg("import-blank-note").text()), None
        try:
            parts = read_cell(value, actual=actual)
        except InvalidValue as e:
            return self.bad(cell, e.message), {"unknown": True}
        return Val(yaml=_q(value), at=cell.at, note=_formula_note(cell)), parts

    # ------------------------------------------------------------------ finding

    def find(self, names: tuple[str, ...], rows: range | None = None) -> tuple[int, int] | None:
        """The first cell (row, column) whose text is one of ``names`` or starts with one and a colon."""
        for r in rows if rows is not None else range(len(self.grid.rows)):
            for c, cell in enumerate(self.grid.rows[r]):
                n = norm(cell.text)
                if cell.first and any(n == x or n.startswith((x + ":", x + "(")) for x in names):
                    return r, c
        return None

    def beside(self, r: int, c: int, labels: set[str]) -> Cell | None:
        """The value to the right of a label cell: the next cell that is not the label's own merge."""
        here = self.grid.cell(r, c)
        for cc in range(c + 1, self.grid.width):
            cell = self.grid.cell(r, cc)
            if cell.at == here.at or (cell.blank and not cell.first):
                continue
            if norm(cell.text) in labels:
                return None
            return cell
        return None

    # ------------------------------------------------------------------ parts

    def place(self) -> Placed:
        found = indicator_header(self.grid)
        if found is None:
            raise LookupError("no indicator header")
        head, cols, strange = found
        above = range(head)
        self.title(above)
        self.project(above)
        self.funding(above)
        self.goals(above)
        self.indicators(head, cols, strange)
        return self.out

    def title(self, rows: range) -> None:
        texts = [*self.grid.lines, *(c for r in rows for c in self.grid.rows[r] if c.first and c.text)]
        title = next((c for c in texts if TABLE_NAME.search(norm(c.text))), None)
        name: Val | None = None
        if title is not None:
            head = norm(title.text)
            before = TABLE_NAME.split(head, maxsplit=1)[0]
            before = re.sub(r"20\d{2}年度?|[()（）]", "", before).strip()
            before = self.province(before, title.at)
            if before:
                name = Val(yaml=_q(before), at=title.at)
        year: Val | None = None
        for c in [*([title] if title else []), *texts]:
            m = TITLE_YEAR.search(normalise(c.text))
            if m:
                year = Val(yaml=m.group(1), at=c.at)
                break
        if year is None:
            m = re.search(r"20\d{2}", self.file_name)
            if m:
                year = Val(yaml=m.group(0), note=msg("import-year-from-name").text())
        self.out.subject["name"] = name or self.county_from_department(rows)
        if year is None:
            self.out.miss(self.first_at, msg("import-no-year"))
            year = Val(yaml="~", note=msg("import-no-year").text(), origin=self.first_at)
        self.out.subject["year"] = year
        if "province" not in self.out.subject:
            self.province_field(rows)

    def province(self, before: str, at: str) -> str:
        """The title's words before 自评表 less the province (and 地级市) they start with, which
        are kept as subject.province (and subject.city)."""
        m = PROVINCE.match(before)
        if m is None or len(before) == m.end():
            return before
        self.out.subject["province"] = Val(yaml=_q(m.group(1)), at=at)
        rest = before[m.end() :]
        both = CITY_COUNTY.match(rest)
        if both is not None:
            self.out.subject["city"] = Val(yaml=_q(both.group(1)), at=at)
            return both.group(2)
        return rest

    def province_field(self, rows: range) -> None:
        """A province named in a cell: 省份 beside its value, or the department's name (山西省…)."""
        at = self.find(PROVINCE_LABELS, rows)
        if at is not None:
            cell = self.grid.cell(*at)
            inline = _after_colon(cell.text)
            value = Cell(text=inline, at=cell.at) if inline else self.beside(*at, set())
            if value is not None and value.text.strip():
                self.out.subject["province"] = Val(yaml=_q(value.text.strip()), at=value.at)
                return
        for names in (LABELS["department"], LABELS["unit"], ("填报单位",)):
            at = self.find(names, rows)
            if at is None:
                continue
            cell = self.grid.cell(*at)
            inline = _after_colon(cell.text)
            value = Cell(text=inline, at=cell.at) if inline else self.beside(*at, set())
            m = PROVINCE.match(norm(value.text)) if value is not None else None
            if m is not None and value is not None and len(norm(value.text)) > m.end():
                self.out.subject["province"] = Val(yaml=_q(m.group(1)), at=value.at)
                return

    def county_from_department(self, rows: range) -> Val:
        for names in (LABELS["department"], LABELS["unit"]):
            at = self.find(names, rows)
            cell = self.grid.cell(*at) if at else None
            value = self.beside(*at, set()) if at else None
            text = _after_colon(cell.text) if cell else ""
            source = cell if text else value
            written = norm(text or (value.text if value else ""))
            m = COUNTY.search(written) or CITY.search(written)
            if m and source is not None:
                return Val(yaml=_q(m.group(0)), at=source.at, note=msg("import-county-from", text=written).text())
        self.out.miss(self.first_at, msg("import-no-county"))
        return Val(yaml="未知", note=msg("import-no-county").text(), origin=self.first_at)

    def project(self, rows: range) -> None:
        labels = {x for names in (*LABELS.values(), *FUNDING.values()) for x in names} | set(OTHER_LABELS)
        for key, names in LABELS.items():
            at = self.find(names, rows)
            if at is None:
                continue
            cell = self.grid.cell(*at)
            inline = _after_colon(cell.text)
            if inline:
                self.out.project[key] = Val(yaml=_q(inline), at=cell.at)
                continue
            value = self.beside(*at, labels)
            if value is not None:
                read = self.text(value)
                if read is not None:
                    self.out.project[key] = read

    def funding(self, rows: range) -> None:
        head = None
        for r in rows:
            cols: dict[str, int] = {}
            units: list[str] = []
            for c, cell in enumerate(self.grid.rows[r]):
                if not cell.first or cell.blank:
                    continue
                key, unit = header_key(cell.text, FUNDING)
                if key is not None and key not in cols:
                    cols[key] = c
                if unit and key in ("initial", "budget", "spent", None):
                    units.append(unit)
            if sum(k in cols for k in ("initial", "budget", "spent")) >= 2:
                head = (r, cols, units)
                break
        stated = self.unit(rows, head[2] if head else [])
        if stated is not None:
            self.out.funding["unit"] = stated
        if head is None:
            self.out.miss(self.first_at, msg("import-no-funding"))
            for key in ("budget", "spent"):
                self.out.funding[key] = Val(yaml="未知", note=msg("import-no-funding").text(), origin=self.first_at)
            return
        r0, cols, _ = head
        label = min(cols.values()) - 1
        stop = {*OTHER_LABELS, *(x for names in LABELS.values() for x in names)}
        lines: list[tuple[Cell, int]] = []
        for r in range(r0 + 1, rows.stop):
            name_cell = self.grid.cell(r, label) if label >= 0 else Cell(text="", at="")
            n = norm(name_cell.text)
            if any(n.startswith(x) for x in stop) or (not n and lines):
                break
            if n:
                lines.append((name_cell, r))
            if len(lines) >= 20:
                break
        total_at = next((i for i, (c, _) in enumerate(lines) if re.search("总额|合计|总计", norm(c.text))), 0)
        for i, (name_cell, r) in enumerate(lines):
            line: dict[str, Val] = {"name": Val(yaml=_q(" ".join(name_cell.text.split())), at=name_cell.at)}
            for key in ("initial", "budget", "spent", "points", "rate", "score"):
                if key not in cols:
                    continue
                cell = self.grid.cell(r, cols[key])
                if not cell.first and i > 0 and key in ("points", "score"):
                    continue  # 分值 and 得分 merged down the block: the first line's
                value = self.take(cell)
                if value is None:
                    line[key] = Val(yaml="未知", at=cell.at, note=msg("import-unread-note").text())
                elif value in NONE:
                    line[key] = Val(yaml="~", at=cell.at)
                elif value.lower() in UNKNOWN:
                    line[key] = Val(yaml="未知", at=cell.at)
                elif key == "rate":
                    value, doubt = self.rate(cell, value)
                    line[key] = Val(yaml=_q(value), at=cell.at, note=_notes(_formula_note(cell), doubt))
                else:
                    line[key] = Val(yaml=_q(value), at=cell.at, note=_formula_note(cell))
                if i == total_at:
                    self.figure(key, cell, value)
            self.out.lines.append(line)
        for key in ("budget", "spent"):
            if key not in self.out.funding:
                self.out.funding[key] = Val(yaml="~", note=msg("import-blank-note").text())

    def figure(self, key: str, cell: Cell, value: str | None) -> None:
        """A budget figure of the block's total line, read as the data file reads it."""
        if value is None:
            self.out.funding[key] = Val(yaml="未知", at=cell.at, note=msg("import-unread-note").text())
            return
        if value in NONE:
            return
        if key in ("points", "score"):
            if RANGE.match(value):
                self.out.funding[key] = Val(yaml="未知", at=cell.at, note=msg("import-range-note", text=value).text())
                return
            try:
                number, unit = parse_quantity(value)
                if unit not in (None, "分"):
                    raise InvalidValue("bad-number", text=value)
            except InvalidValue:
                if value.lower() in UNKNOWN:
                    self.out.funding[key] = Val(yaml="未知", at=cell.at)
                    return
                self.out.funding[key] = self.bad(cell, msg("import-not-number", text=value))
                return
            self.out.funding[key] = Val(yaml=as_written(number), at=cell.at, note=_formula_note(cell))
            return
        try:
            quantity(value)
        except InvalidValue:
            self.out.funding[key] = self.bad(cell, msg("import-not-number", text=value))
            return
        doubt = next((why.text() for at, why in self.out.doubtful if at == cell.at), "")
        self.out.funding[key] = Val(yaml=_q(value), at=cell.at, note=_notes(_formula_note(cell), doubt))

    def rate(self, cell: Cell, value: str) -> tuple[str, str]:
        """执行率 as meant, and a remark where it may mean something else (said as doubtful).

        A number formatted as a percentage holds a fraction (0.99 shows 99%); one that shows more
        than 150% (99 formatted as a percentage shows 9900%) is a percentage typed into a cell
        formatted for fractions, read as 99%. A number without % means what it shows (99 is 99%);
        up to 1.5 it could be a fraction too (0.99: 99% or 0.99%), written as it shows."""
        if cell.number is not None and cell.percent:
            stored = (cell.number / 100).normalize()
            if stored > PLAIN_FRACTION:
                read = f"{as_written(stored)}%"
                why = msg("import-rate-formatted", stored=as_written(stored), shown=value, read=read)
                self.out.doubt(cell.at, why)
                return read, why.text()
            return value, ""
        try:
            number, unit = parse_quantity(value)
        except InvalidValue:
            return value, ""  # said where the figure is read
        if unit is not None:
            return value, ""
        read = f"{as_written(number)}%"
        if 0 < number <= PLAIN_FRACTION:
            why = msg("import-percent-bare", text=value, read=read, whole=f"{as_written((number * 100).normalize())}%")
            self.out.doubt(cell.at, why)
            return read, why.text()
        return read, ""

    def unit(self, rows: range, from_headers: list[str]) -> Val | None:
        """万元 or 元: said in 「项目资金（万元）」, a header's bracket, or a line 单位：万元."""
        for c in [*self.grid.lines, *(c for r in rows for c in self.grid.rows[r] if c.first)]:
            n = norm(c.text)
            m = UNIT.search(n)
            if m:
                return Val(yaml=_q(m.group(1)), at=c.at)
            if n.startswith("项目资金"):
                b = BRACKET_UNIT.search(n)
                if b and b.group(1).endswith("元"):
                    return Val(yaml=_q(b.group(1)), at=c.at)
        units = [u for u in from_headers if u.endswith("元")]
        return Val(yaml=_q(units[0])) if units else None

    def goals(self, rows: range) -> None:
        for key, names in GOALS.items():
            at = self.find(names, rows)
            if at is None:
                continue
            r, c = at
            cell = self.grid.cell(r, c)
            inline = _after_colon(cell.text, names)
            if inline:
                self.out.goals[key] = Val(yaml=_q(inline), at=cell.at)
                continue
            labels = {x for n in GOALS.values() for x in n}
            below = self.grid.cell(r + 1, c) if r + 1 < rows.stop else None
            # its text under it (the labels side by side above their texts), else beside it
            for value in (below, self.beside(r, c, set())):
                if value is None or not value.first or value.blank or norm(value.text) in labels:
                    continue
                read = self.text(value)
                if read is not None:
                    self.out.goals[key] = read
                break

    def indicators(self, head: int, cols: dict[str, int], strange: list[int]) -> None:
        last_level: Val | None = None
        strange_cells: dict[int, list[str]] = {c: [] for c in strange}
        for r in range(head + 1, len(self.grid.rows)):
            row = self.grid.rows[r]
            if total_row(row):
                self.total(r, cols)
                break
            if _header_row(self.grid, r) is not None:
                self.out.miss(row[0].at, msg("import-second-table"))
                break
            cells = {k: self.grid.cell(r, c) for k, c in cols.items()}
            if all(cells[k].blank for k in ("name", "target", "actual") if k in cells):
                rest = [c for k, c in cells.items() if k not in ("level", "category") and c.first and not c.blank]
                if rest:  # 分值 or 得分 with no indicator: a row the form has no place for
                    self.out.miss(rest[0], msg("import-row-unplaced", cells="、".join(c.at for c in rest)))
                self.out.skipped += 1
                continue
            for c in strange:
                cell = self.grid.cell(r, c)
                if cell.first and not cell.blank:
                    strange_cells[c].append(cell.at)
            name = self.grid.cell(r, cols["name"]).text if "name" in cols else ""
            if norm(name) == "表中未见的行":  # the tool's own row for the rows a cut-off table lacks
                self.out.more = Val(yaml="未知", at=cells["name"].at)
                continue
            out: dict[str, Val] = {}
            level = self.text(cells["level"]) if "level" in cols else None
            if level is None and last_level is not None:
                level = Val(yaml=last_level.yaml, at=last_level.at, note=msg("import-same-as-above").text())
            if level is None:
                at = cells["level"].at if "level" in cols else row[0].at
                self.out.miss(at, msg("import-no-level"))
                level = Val(yaml="未知", at=at, note=msg("import-no-level").text())
            elif level.yaml != "未知":
                text = _unquote(level.yaml)
                if self.rubric.level_of(text) is None:
                    known = "、".join(lv.name for lv in self.rubric.levels)
                    self.out.miss(level.at, msg("import-level-unknown", level=text, known=known))
            last_level = level
            out["level"] = level
            for key in ("category", "name"):
                if key in cols:
                    v = self.text(cells[key])
                    if v is not None and key == "name" and v.yaml != "未知":
                        v = Val(yaml=_q(NUMBERED.sub("", _unquote(v.yaml))), at=v.at, note=v.note)
                    if v is not None:
                        out[key] = v
            target_parts: dict[str, object] | None = None
            parts: dict[str, object] | None = None
            for key, actual in (("target", False), ("actual", True)):
                if key not in cols:
                    out[key] = Val(yaml="~", note=msg("import-no-column", column=key).text())
                    continue
                v, parts = self.value_cell(cells[key], actual=actual)
                if key == "target":
                    target_parts = parts
                elif parts is not None and target_parts is not None and target_parts.get("value") is not None:
                    readable = parts.get("value") is not None or parts.get("status") or parts.get("unknown")
                    if not readable:
                        example = f"{as_written(target_parts['value'])}{target_parts.get('unit') or ''}"  # type: ignore[arg-type]
                        why = msg(
                            "table-actual-words",
                            text=_unquote(v.yaml),
                            target=_unquote(out["target"].yaml),
                            example=example,
                        )
                        v = self.bad(cells[key], why)
                out[key] = v
            self.percent_doubt(out, cells, target_parts, parts if "actual" in cols else None)
            for key in ("target", "actual", "points", "score"):
                if key in cols and (cells[key].blank or norm(cells[key].text) == "待填"):
                    self.out.blank(cells[key].at)
                    if key in ("points", "score"):
                        out[key] = Val(yaml="~", at=cells[key].at, note=msg("import-blank-note").text())
            for key, positive in (("points", True), ("score", False), ("item_score", False), ("weighted", False)):
                if key in cols and (v := self.number(cells[key], positive=positive)) is not None:
                    out[key] = v
            if "weight" in cols and (v := self.number(cells["weight"], positive=True)) is not None:
                out["weight"] = v
            if "reason" in cols and (v := self.text(cells["reason"])) is not None:
                out["reason"] = v
            self.out.rows.append(out)
        for c, ats in strange_cells.items():
            if ats:
                header = self.grid.cell(head, c)
                self.out.miss(
                    header.at, msg("import-column-unknown", header=header.text, n=len(ats), cells="、".join(ats[:5]))
                )

    def percent_doubt(
        self,
        out: dict[str, Val],
        cells: dict[str, Cell],
        target: dict[str, object] | None,
        actual: dict[str, object] | None,
    ) -> None:
        """A bare number of at most 1.5 beside a percentage (0.99 under 95%以上): 99% or 0.99%?
        Written as it shows, marked doubtful at its cell."""
        for key, this, other in (("target", target, actual), ("actual", actual, target)):
            if this is None or other is None or this.get("unit") is not None or other.get("unit") != "%":
                continue
            number = this.get("value")
            if isinstance(number, Decimal) and 0 < number <= PLAIN_FRACTION and key in out:
                shown = _unquote(out[key].yaml)
                why = msg(
                    "import-percent-bare",
                    text=shown,
                    read=f"{shown}%",
                    whole=f"{as_written((number * 100).normalize())}%",
                )
                self.out.doubt(cells[key].at, why)
                v = out[key]
                out[key] = Val(yaml=v.yaml, at=v.at, note=_notes(v.note, why.text()))

    def total(self, r: int, cols: dict[str, int]) -> None:
        for key, col in (("points", cols.get("points")), ("score", cols.get("score", cols.get("weighted")))):
            if col is None:
                continue
            v = self.number(self.grid.cell(r, col), positive=key == "points")
            if v is not None:
                self.out.total[key] = v


def _after_colon(text: str, names: tuple[str, ...] | None = None) -> str:
    """项目名称：xxx → xxx (the label and its colon written in the value's cell)."""
    m = re.match(r"^\s*[^:：]{1,12}[:：]\s*(.*)$", text, flags=re.S)
    if m is None:
        return ""
    if names is not None and not any(norm(text).startswith(n) for n in names):
        return ""
    return m.group(1).strip()


def _unquote(yaml_text: str) -> str:
    import json

    return str(json.loads(yaml_text)) if yaml_text.startswith('"') else yaml_text


def _notes(*notes: str) -> str:
    return "；".join(n for n in notes if n)


def _formula_note(cell: Cell) -> str:
    return msg("import-formula-note", formula=cell.formula).text() if cell.formula else ""


def _header_row(grid: Grid, r: int) -> tuple[dict[str, int], list[int]] | None:
    """Row ``r``'s columns by key if it names 三级指标 and 年度指标值 or 实际完成值, and the columns
    whose headers are none of the form's."""
    cols: dict[str, int] = {}
    strange: list[int] = []
    for c, cell in enumerate(grid.rows[r]):
        if not cell.first or cell.blank:
            continue
        key, _ = header_key(cell.text, COLUMNS)
        if key is not None and key not in cols:
            cols[key] = c
        elif key is None and norm(cell.text) not in PASSIVE:
            strange.append(c)
    return (cols, strange) if "name" in cols and ("target" in cols or "actual" in cols) else None


def indicator_header(grid: Grid, start: int = 0) -> tuple[int, dict[str, int], list[int]] | None:
    """The first row from ``start`` that is the indicator header."""
    for r in range(start, len(grid.rows)):
        found = _header_row(grid, r)
        if found is not None:
            return r, *found
    return None


def headed(grid: Grid) -> bool:
    """Whether a grid holds the form's indicator header (a table of this form, or its last part)."""
    return indicator_header(grid) is not None


def total_row(row: list[Cell]) -> bool:
    """Whether a row is the 总分 row (总分, 合计 in its first cells)."""
    firsts = [norm(c.text) for c in row if not c.blank]
    return any(x in TOTAL_ROW for x in firsts[:2])


def split(grid: Grid) -> tuple[list[Grid], list[list[Cell]]]:
    """Each table on a grid, and the rows with something in them after the last table's 总分 row.

    A table runs from where the one before it ended (its header block above its indicator
    header) to its 总分 row. A second indicator header before any 总分 row is left in the table,
    where the placing says it is not read."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(grid.rows):
        found = indicator_header(grid, start)
        if found is None:
            break
        end = None
        for r in range(found[0] + 1, len(grid.rows)):
            if _header_row(grid, r) is not None:
                break
            if total_row(grid.rows[r]):
                end = r + 1
                break
        if end is None:
            bounds.append((start, len(grid.rows)))
            start = len(grid.rows)
            break
        bounds.append((start, end))
        start = end
    after = [[c for c in row if c.first and not c.blank] for row in grid.rows[start:] if bounds]
    after = [cells for cells in after if cells]
    if len(bounds) <= 1:
        return ([grid] if bounds else []), after
    parts = []
    for k, (a, b) in enumerate(bounds, 1):
        while a < b and all(c.blank for c in grid.rows[a]):  # the empty rows between two tables
            a += 1
        span = f"第{a + 1}–{b}行" if grid.sheet else f"自{grid.rows[a][0].at}起"
        parts.append(
            Grid(
                name=f"{grid.name}-{k}",
                rows=grid.rows[a:b],
                lines=grid.lines if k == 1 else [],
                tables=grid.tables,
                prefix=grid.prefix,
                sheet=grid.sheet,
                span=span,
            )
        )
    return parts, after
