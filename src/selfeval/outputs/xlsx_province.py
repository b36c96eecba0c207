"""Excel for many counties: the province's workbook, and the findings of an audit as a sheet.

The workbook, from :func:`selfeval.province.summary`: 排名 (each county's total, grade, claims
and section subtotals, with the average under them), 统计 (the grade distribution, the figures,
the indicators that lost the most, the 地级市 subtotals), 指标统计 (each indicator across the
province), one indicator × county matrix per rubric named by the rubric's title, 问题清单
(every finding by county, in words) and 调整记录 (the reviewer's ledger as applied). Every
sheet prints as filed: a title row naming the province and year, A4 landscape, one page wide,
its title and header rows repeated on every page, page numbers at the foot. A matrix too wide
for one page prints across pages with its label columns on each, its title and facts wrapped
within them so that every page has the whole title.

Shares the workbook and its formats with :mod:`selfeval.outputs.xlsx`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

from selfeval.batch import Row
from selfeval.i18n import t
from selfeval.numbers import quantize
from selfeval.outputs.base import Findings, Options
from selfeval.outputs.xlsx import Book, as_number, score_cell
from selfeval.problems import Problem

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

    from selfeval.batch import Ranking
    from selfeval.province import Finding, Group, Province

HEAD = 2
"""The header row of every sheet: under the title (row 0) and the facts (row 1)."""
MAX_ROWS = 1_048_576
"""Rows an Excel sheet holds."""
MATRIX_COUNTIES = 16_000
"""Counties one matrix sheet holds (a sheet has 16,384 columns); more go on the next sheet."""
FIT_COUNTIES = 15
"""A matrix of at most this many counties prints one page wide; a wider one prints across
pages, the indicator columns repeated on each, so every number has its label beside it."""
LABELS = 3
"""The matrix's label columns (编号, 指标, 分值), printed on every page of a wider matrix. Its
title and facts stay within them, wrapped: merged across the whole width they were cut at each
page's edge, and the part within the label columns repeated cut on every page after the first."""
_NOT_IN_NAME = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def sheet_name(wanted: str, used: set[str]) -> str:
    """A sheet name Excel takes: at most 31 characters, none of ``[]:*?/\\``, not beginning or
    ending with an apostrophe, and unlike any in ``used`` (Excel ignores case)."""
    base = _NOT_IN_NAME.sub("", wanted).strip().strip("'").strip() or t("sheet-matrix")
    if base.lower() == "history":  # Excel keeps the name for itself
        base += "1"
    name, n = base[:31], 1
    while name.lower() in used:
        n += 1
        suffix = f"（{n}）"
        name = base[: 31 - len(suffix)] + suffix
    used.add(name.lower())
    return name


class _Sheets:
    """The province's workbook: sheets with their title rows and print set-up."""

    def __init__(self, book: Book, province: Province) -> None:
        self.book = book
        self.province = province
        self.used: set[str] = set()
        self.title = book.format({"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"})
        self.narrow_title = book.format(
            {"bold": True, "font_size": 12, "align": "center", "valign": "vcenter", "text_wrap": True}
        )
        self.facts = book.format({"align": "center", "valign": "vcenter", "text_wrap": True})
        self.caption = book.format({"bold": True, "font_size": 12})

    def sheet(
        self, name: str, headers: list[str], widths: list[int], *, wide: bool = True, span: int | None = None
    ) -> Worksheet:
        """A sheet headed with the province's title and facts, its header row at :data:`HEAD`,
        set up to print: A4 landscape, one page wide (unless ``wide`` is False), the title
        and header rows on every page. The title and facts span the first ``span`` columns
        (all of them by default: one page wide, they are on one page)."""
        book = self.book
        ws = book.book.add_worksheet(sheet_name(name, self.used))
        columns = max(len(headers), len(widths), 1)
        last = min(span, columns) - 1 if span else columns - 1
        narrow = last < columns - 1
        p = self.province
        title = t("province-sheet-title", title=p.title, sheet=name)
        facts = "；".join(p.facts)
        for row, text, fmt in ((0, title, self.narrow_title if narrow else self.title), (1, facts, self.facts)):
            if last:
                ws.merge_range(row, 0, row, last, "", fmt)  # made blank, its text goes in as any other's
            book.string(ws, row, 0, text, fmt)
        if narrow:  # wrapped within the columns spanned: as many lines as the text takes there
            room = sum(widths[: last + 1])
            ws.set_row(0, 17 * _lines(title, room, 12))
            ws.set_row(1, 15 * max(_lines(facts, room, 11), 2))
        else:
            ws.set_row(0, 24)
            ws.set_row(1, 30)  # two lines of facts
        for col, width in enumerate(widths):
            ws.set_column(col, col, width)
        for col, header in enumerate(headers):
            book.string(ws, HEAD, col, header, book.head)
        ws.freeze_panes(HEAD + 1 if headers else HEAD, 0)
        book.page(ws, widths, head=(0, HEAD if headers else HEAD - 1), fit=wide)
        ws.hide_gridlines(0)  # printed too: a table on paper has its lines
        return ws

    def caption_row(self, ws: Worksheet, row: int, text: str) -> None:
        self.book.string(ws, row, 0, text, self.caption)

    def write(self, ws: Worksheet, row: int, cells: list[Any], fmt: Any = None) -> None:
        for col, value in enumerate(cells):
            self.book.cell(ws, row, col, value, fmt)


def ranking(ranking: Ranking, out: IO[bytes], options: Options) -> None:
    """The province's workbook."""
    from selfeval.province import summary  # built only when a workbook is written

    province = summary(ranking, options.heading)
    book = Book(province.title, options)
    sheets = _Sheets(book, province)
    _ranking(sheets, ranking.rows, province)
    _statistics(sheets, province)
    _indicators(sheets, province)
    for group in province.groups:
        _matrix(sheets, group)
    _problems(sheets, province)
    _ledger(sheets, province)
    out.write(book.close())


def _ranking(sheets: _Sheets, rows: list[Row], p: Province) -> None:
    """Each county's rank, total, grade, claims and section subtotals, in the order asked for,
    the average of each rubric's counties under them."""
    sections = list(dict.fromkeys(s for g in p.groups for s in g.sections))
    many = len(p.groups) > 1
    titles = {g.standard.key: g.standard.title for g in p.groups}
    headers = [t("col-rank"), t("col-county"), *([t("col-city")] if p.cities else []), t("col-year")]
    headers += [t("col-total"), t("col-grade"), t("col-claimed"), t("col-claimed-minus"), t("col-audit-errors")]
    headers += [t("col-adjust-count"), *sections, t("col-note"), *([t("col-rubric")] if many else []), t("col-file")]
    widths = [5, 14, *([10] if p.cities else []), 6, 8, 6, 7, 9, 7, 7, *(9 for _ in sections), 24]
    widths += [*([30] if many else []), 28]
    ws = sheets.sheet(t("sheet-ranking"), headers, widths)
    book = sheets.book
    i = HEAD
    for row in rows:
        i += 1
        notes = [t("ranking-failed-short")] if row.failed else []
        if row.duplicate_of is not None:
            notes.append(t("duplicate-unranked-short", ranked=row.duplicate_of))
        if row.duplicates:
            notes.append(t("duplicates-note", others="、".join(row.duplicates)))
        if row.refused and row.ranked:
            notes.append(t("refused-note", n=len(row.refused)))
        total = None if row.total is None else score_cell(row.total, row.total_high or row.total, row.places)
        mine = {c.label: c for c in row.sections}
        parts = [score_cell(c.score, c.high, row.places) if c else None for c in (mine.get(s) for s in sections)]
        cells = [row.rank, row.name or None, *([row.city] if p.cities else []), row.year, total, row.grade]
        cells += [as_number(row.claimed_total), as_number(row.claimed_minus_computed), row.audit_errors]
        cells += [len(row.adjustments) or None, *parts, "；".join(notes)]
        cells += [*([titles.get(row.rubric, "")] if many else []), row.path]
        sheets.write(ws, i, cells)
    ws.autofilter(HEAD, 0, max(i, HEAD + 1), len(headers) - 1)
    i += 1
    for g in p.groups:  # the average under the ranking: each section's as well as the total's
        if not g.rows:
            continue
        i += 1
        places = max(r.places for r in g.rows)
        label = t("province-average") + (f"（{g.standard.title}）" if many else "")
        mean_total = _mean([r.total for r in g.rows if r.total is not None], places)
        parts = []
        for s in sections:
            scores = [c.score for r in g.rows for c in r.sections if c.label == s]
            parts.append(_mean(scores, places) if scores else None)
        shift = 1 if p.cities else 0  # the columns: rank, county, [city], year, total … adjustments, sections
        book.string(ws, i, 1, label, book.bold)
        book.cell(ws, i, 3 + shift, mean_total, book.bold_number)
        for col, value in enumerate(parts, 9 + shift):
            book.cell(ws, i, col, value, book.bold_number)


def _lines(text: str, width: int, points: int) -> int:
    """About how many lines ``text`` wraps to in ``width`` columns (Excel's unit, about a digit of
    11-point text) at ``points``: a Chinese character is about two digits wide, and rendered a
    little wider still; the estimate errs towards a line too many, never one too few."""
    wide = sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
    per_line = max(int(width * 11 / points * 0.85), 1)
    return max(-(-wide // per_line), 1)


def _mean(values: list[Decimal], places: int) -> float | None:
    if not values:
        return None
    return as_number(quantize(sum(values, Decimal(0)) / len(values), places))


def _statistics(sheets: _Sheets, p: Province) -> None:
    """The grade distribution, the figures, the indicators that lost the most and the 地级市."""
    headers = [t("col-grade"), t("col-band"), t("col-count"), t("col-share")]
    ws = sheets.sheet(t("sheet-stats"), [], [28, 30, 10, 12, 12, 12, 12])
    book = sheets.book
    i = HEAD - 1
    for g in p.groups:
        if len(p.groups) > 1:
            i += 1
            sheets.caption_row(ws, i, g.standard.named)
        i += 1
        sheets.caption_row(ws, i, t("head-grades"))
        i += 1
        sheets.write(ws, i, headers, book.head)
        for c in g.grades:
            i += 1
            sheets.write(ws, i, [c.name, c.band, c.low if c.low == c.high else c.count, c.share])
        if g.undecided:
            i += 1
            book.string(
                ws, i, 0, t("province-undecided", grades="、".join(f"{n}：{k}" for n, k in g.undecided)), book.text
            )
        a = g.averages
        i += 2
        sheets.caption_row(ws, i, t("head-overview"))
        i += 1
        sheets.write(ws, i, [t("col-item"), t("col-value")], book.head)
        figures = [
            ("stat-counties", a.counties),
            ("stat-mean", a.mean),
            ("stat-highest", a.highest),
            ("stat-lowest", a.lowest),
            ("stat-claimed-over", a.claimed_over),
            ("stat-claimed-under", a.claimed_under),
            ("stat-mean-diff", a.mean_claimed_minus),
            ("stat-with-errors", a.with_errors),
            ("stat-adjusted", a.adjusted),
        ]
        for key, value in figures:
            i += 1
            sheets.write(ws, i, [t(key), _figure(value)])
        most = g.most_lost
        if most:
            i += 2
            sheets.caption_row(ws, i, t("head-most-lost", n=len(most)))
            i += 1
            top = [t("col-lost-rank"), t("col-title"), t("col-points"), t("col-lost"), t("col-lost-points")]
            sheets.write(ws, i, [*top, t("col-mean"), t("col-rate")], book.head)
            for x in most:
                i += 1
                cells = [x.lost_rank, x.label, as_number(x.max), x.lost, as_number(x.lost_points)]
                sheets.write(ws, i, [*cells, _figure(x.mean), x.rate])
        if g.cities:
            i += 2
            sheets.caption_row(ws, i, t("head-cities"))
            i += 1
            names = [n for n, _ in g.standard.grades]
            top = [t("col-city"), t("col-count"), t("col-mean-total"), t("col-highest"), t("col-lowest")]
            sheets.write(ws, i, [*top, *names, t("col-with-errors")], book.head)
            for city in g.cities:
                i += 1
                cells = [city.name, city.counties, _figure(city.mean), _figure(city.highest), _figure(city.lowest)]
                sheets.write(ws, i, [*cells, *city.grades, city.with_errors])
        i += 1


def _figure(value: Any) -> Any:
    """A figure as a number where it is one (96.5), as text where it is a range (96–98)."""
    if isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value):
        return float(value)
    return value


def _indicators(sheets: _Sheets, p: Province) -> None:
    """Each indicator across the province: its mean, how many counties lost points on it."""
    headers = [t("col-number"), t("col-title"), t("col-points"), t("col-counted"), t("col-mean"), t("col-rate")]
    headers += [t("col-lost"), t("col-undecided"), t("col-full"), t("col-lost-points"), t("col-lost-rank")]
    ws = sheets.sheet(t("sheet-indicators"), headers, [7, 44, 7, 8, 9, 9, 8, 8, 8, 9, 8])
    book = sheets.book
    i = HEAD
    for g in p.groups:
        if len(p.groups) > 1:
            i += 1
            sheets.caption_row(ws, i, g.standard.named)
        for x in g.indicators:
            i += 1
            top = x.depth == 0
            book.cell(ws, i, 0, x.number, book.bold if top else book.text)
            book.cell(ws, i, 1, x.label, book.bold if top else book.indents[min(x.depth, 5)])
            cells = [as_number(x.max), x.counties, _figure(x.mean), x.rate, x.lost, x.undecided, x.full]
            cells += [as_number(x.lost_points), x.lost_rank]
            for col, value in enumerate(cells, 2):
                book.cell(ws, i, col, value, book.bold_number if top and isinstance(value, float) else None)


def _matrix(sheets: _Sheets, group: Group) -> None:
    """Each indicator's score per county, coloured by the share of its points (weak indicators
    stand out across the province); the sheet is named by the rubric's title."""
    from selfeval.province import number_of

    rows, lines = group.rows, group.lines
    for start in range(0, max(len(rows), 1), MATRIX_COUNTIES):
        part = rows[start : start + MATRIX_COUNTIES]
        headers = [t("col-number"), t("col-title"), t("col-points"), *(r.name for r in part)]
        widths = [6, 40, 6, *(9 for _ in part)]
        wide = len(part) <= FIT_COUNTIES
        span = None if wide else LABELS
        ws = sheets.sheet(group.standard.title, headers, widths, wide=wide, span=span)
        ws.freeze_panes(HEAD + 1, 3)
        ws.repeat_columns(0, LABELS - 1)  # on every printed page the labels stand beside the numbers
        book = sheets.book
        for i, (cell, theirs) in enumerate(lines, HEAD + 1):
            book.cell(ws, i, 0, number_of(cell.label))
            book.cell(ws, i, 1, cell.label, book.bold if cell.depth == 0 else book.indents[min(cell.depth, 5)])
            book.cell(ws, i, 2, as_number(cell.max))
            mine = theirs[start : start + MATRIX_COUNTIES]
            for col, (row, c) in enumerate(zip(part, mine, strict=True), 3):
                book.cell(ws, i, col, None if c is None else score_cell(c.score, c.high, row.places))
        if part and lines:
            # green for full marks, red for none: a colour scale over each node's share of its
            # points; on a deduction node the score is points taken off, so none taken off is green
            for i, (cell, _) in enumerate(lines, HEAD + 1):
                good, bad = ("#F8696B", "#63BE7B") if cell.deduction else ("#63BE7B", "#F8696B")
                if cell.max:
                    ws.conditional_format(
                        i,
                        3,
                        i,
                        2 + len(part),
                        {
                            "type": "3_color_scale",
                            "min_type": "num",
                            "min_value": 0,
                            "mid_type": "num",
                            "mid_value": float(cell.max) / 2,
                            "max_type": "num",
                            "max_value": float(cell.max),
                            "min_color": bad,
                            "mid_color": "#FFEB84",
                            "max_color": good,
                        },
                    )
        last = HEAD + len(lines) + 2
        book.string(ws, last, 1, group.standard.named, book.text)
        book.string(ws, last + 1, 1, t("province-matrix-note"), book.text)


def _problems(sheets: _Sheets, p: Province) -> None:
    """Every finding by county, in words: the counties' own, files that failed, the rubric's, the ledger's."""
    headers = [t("col-county"), *([t("col-city")] if p.cities else []), t("col-severity"), t("col-kind")]
    headers += [t("col-message"), t("col-line"), t("col-file")]
    ws = sheets.sheet(t("sheet-problems"), headers, [14, *([10] if p.cities else []), 6, 16, 80, 6, 28])
    found: list[Finding] = [*p.findings, *p.rubric_findings, *p.ledger]
    room = MAX_ROWS - HEAD - 2
    i = HEAD
    for f in found[:room]:
        i += 1
        cells = [f.county, *([f.city] if p.cities else []), f.severity, f.kind, f.message, f.line or None, f.path]
        sheets.write(ws, i, cells)
    if len(found) > room:
        sheets.book.string(
            ws, i + 1, 0, t("province-rows-cut", n=f"{len(found):,}", shown=f"{room:,}"), sheets.book.text
        )
    ws.autofilter(HEAD, 0, max(i, HEAD + 1), len(headers) - 1)


def _ledger(sheets: _Sheets, p: Province) -> None:
    """The ledger as applied: each change before → after, and each entry not applied with why."""
    headers = [t("col-county"), t("col-year"), t("col-title"), t("col-before"), t("col-after"), t("col-reason")]
    headers += [t("col-reviewer"), t("col-date"), t("col-evidence"), t("col-ledger"), t("csv-status")]
    ws = sheets.sheet(t("sheet-adjustments"), headers, [12, 6, 30, 7, 7, 40, 14, 11, 24, 20, 30])
    for i, a in enumerate(p.adjustments, HEAD + 1):
        cells = [a.county, a.year, a.node, as_number(a.before), as_number(a.after), a.reason]
        sheets.write(ws, i, [*cells, a.reviewer, a.date, a.evidence, a.where, a.status])


# ----------------------------------------------------------------------------- an audit's findings


def _findings_sheet(book: Book, problems: list[Problem]) -> None:
    """Every finding, located, one per row."""
    headers = [t(k) for k in ("col-file", "col-line", "col-severity", "col-code", "col-message")]
    headers += [t("col-stated"), t("col-expected")]
    ws = book.sheet(t("sheet-findings"), headers, [28, 6, 8, 18, 80, 10, 10])
    for row, f in enumerate(problems, 1):
        cells = [f.path, f.line or None, t(f"sev-{f.severity.value}"), f.code, f.message]
        cells += [f.values.get("stated", ""), f.values.get("expected", "")]
        for col, value in enumerate(cells):
            book.cell(ws, row, col, value)
    ws.autofilter(0, 0, max(len(problems), 1), len(headers) - 1)


def findings(findings: Findings, out: IO[bytes], options: Options) -> None:
    book = Book(t("sheet-findings"), options)
    _findings_sheet(book, sorted(findings.problems, key=Problem.position_key))
    out.write(book.close())
