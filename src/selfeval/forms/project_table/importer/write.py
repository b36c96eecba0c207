"""The data file an imported table becomes: the form's keys in the order a clerk reads them, each
value with a comment naming the cell it came from (``# B12``, ``# 表1 第5行第3列``), and where
a value could not be read, 未知 and why.

:func:`data_text` also tells which line of the file holds which cell's value, so that what the
data file's loading finds wrong is said at the cell of the table, not in a file not written."""

from __future__ import annotations

from collections.abc import Iterable

from selfeval.forms.project_table.importer.place import Placed, Val
from selfeval.forms.project_table.messages import msg
from selfeval.forms.project_table.models import TableRubric
from selfeval.yamltext import line, scalar

ROW_KEYS: tuple[str, ...] = ("level", "category", "name", "target", "actual", "points", "score", "weight")
ROW_KEYS += ("item_score", "weighted", "reason")
LINE_KEYS = ("name", "initial", "budget", "spent", "points", "rate", "score")


Line = tuple[str, str]
"""A line of the data file and the cell its value came from ("" for none)."""


def _value(indent: str, key: str, v: Val) -> Line:
    remark = " ".join(x for x in (v.at, v.note) if x)
    return f"{indent}{key}: {v.yaml}" + (f"    # {remark}" if remark else ""), v.at or v.origin


def _mapping(indent: str, part: dict[str, Val], keys: tuple[str, ...]) -> list[Line]:
    return [_value(indent, k, part[k]) for k in keys if k in part]


def _items(indent: str, items: list[dict[str, Val]], keys: tuple[str, ...]) -> list[Line]:
    out: list[Line] = []
    for item in items:
        lines = _mapping(indent + "  ", item, keys)
        if lines:
            out += [(indent + "- " + lines[0][0].lstrip(), lines[0][1]), *lines[1:]]
    return out


def _plain(*texts: str) -> list[Line]:
    return [(t, "") for t in texts]


def data_text(placed: Placed, rubric: TableRubric, source: str, *, word: bool = False) -> tuple[str, dict[int, str]]:
    """The YAML text of the data file read from ``source`` (the file and sheet or table, for
    people), and the cell each line's value came from, by line number (from 1). ``word``: the
    cells are a Word table's, named by the cells a person sees, which the header says."""
    p = placed
    head = [
        "# " + msg("import-head", source=source).text(),
        "# " + msg("import-head-cells").text(),
    ]
    if word:
        head.append("# " + msg("import-head-word-cells").text())
    if p.unread:
        head.append("# " + msg("import-head-unread", n=len(p.unread)).text())
    if p.doubtful:
        doubtful = _cells(a for a, _ in p.doubtful)
        head.append("# " + msg("import-head-doubtful", n=len(p.doubtful), cells=doubtful).text())
    if p.empty:
        head.append("# " + msg("import-head-empty", n=len(p.empty), cells=_cells(p.empty)).text())
    text: list[Line] = [
        *_plain(*head, "subject:"),
        *_mapping("  ", p.subject, ("name", "year", "province", "city")),
        *_plain("rubric:", f"  id: {scalar(rubric.id)}", f"  version: {scalar(rubric.version)}"),
        *_plain("project:" if p.project else "project: {}"),
        *_mapping("  ", p.project, ("name", "department", "unit")),
        *_plain("funding:    # 项目资金"),
        *_mapping("  ", p.funding, ("unit", "initial", "budget", "spent", "rate", "points", "score")),
    ]
    if p.lines:
        text += [*_plain("  lines:"), *_items("    ", p.lines, LINE_KEYS)]
    if p.goals:
        text += [*_plain("goals:    # 年度总体目标"), *_mapping("  ", p.goals, ("expected", "achieved"))]
    text += [*_plain("indicators:    # 绩效指标" if p.rows else "indicators: []"), *_items("  ", p.rows, ROW_KEYS)]
    if p.more is not None:
        text.append(_value("", "more", p.more))
    if p.total:
        text += [*_plain("total:    # 总分"), *_mapping("  ", p.total, ("points", "score"))]
    where = {n: at for n, (_, at) in enumerate(text, 1) if at}
    return "\n".join(line(x) for x, _ in text) + "\n", where


def _cells(ats: Iterable[str]) -> str:
    listed = list(ats)
    return "、".join(listed[:8]) + ("…" if len(listed) > 8 else "")
