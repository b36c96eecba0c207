"""The data file an imported table becomes: the form's keys in the order a clerk reads them, each
value with a comment naming the cell it came from (``# B12``, ``# 表1 第5行第3列``), and where
a value could not be read, 未知 and why."""

from __future__ import annotations

from selfeval.forms.project_table.importer.place import Placed, Val
from selfeval.forms.project_table.messages import msg
from selfeval.forms.project_table.models import TableRubric
from selfeval.yamltext import line, scalar

ROW_KEYS: tuple[str, ...] = ("level", "category", "name", "target", "actual", "points", "score", "weight")
ROW_KEYS += ("item_score", "weighted", "reason")
LINE_KEYS = ("name", "initial", "budget", "spent", "points", "rate", "score")


def _value(indent: str, key: str, v: Val) -> str:
    remark = " ".join(x for x in (v.at, v.note) if x)
    return f"{indent}{key}: {v.yaml}" + (f"    # {remark}" if remark else "")


def _mapping(indent: str, part: dict[str, Val], keys: tuple[str, ...]) -> list[str]:
    return [_value(indent, k, part[k]) for k in keys if k in part]


def _items(indent: str, items: list[dict[str, Val]], keys: tuple[str, ...]) -> list[str]:
    out = []
    for item in items:
        lines = _mapping(indent + "  ", item, keys)
        if lines:
            out += [indent + "- " + lines[0].lstrip(), *lines[1:]]
    return out


def data_text(placed: Placed, rubric: TableRubric, source: str) -> str:
    """The YAML text of the data file read from ``source`` (the file and sheet or table, for people)."""
    p = placed
    head = [
        "# " + msg("import-head", source=source).text(),
        "# " + msg("import-head-cells").text(),
    ]
    if p.unread:
        head.append("# " + msg("import-head-unread", n=len(p.unread)).text())
    text = [
        *head,
        "subject:",
        *_mapping("  ", p.subject, ("name", "year")),
        "rubric:",
        f"  id: {scalar(rubric.id)}",
        f"  version: {scalar(rubric.version)}",
        "project:" if p.project else "project: {}",
        *_mapping("  ", p.project, ("name", "department", "unit")),
        "funding:    # 项目资金",
        *_mapping("  ", p.funding, ("unit", "initial", "budget", "spent", "rate", "points", "score")),
    ]
    if p.lines:
        text += ["  lines:", *_items("    ", p.lines, LINE_KEYS)]
    if p.goals:
        text += ["goals:    # 年度总体目标", *_mapping("  ", p.goals, ("expected", "achieved"))]
    text += ["indicators:    # 绩效指标" if p.rows else "indicators: []", *_items("  ", p.rows, ROW_KEYS)]
    if p.more is not None:
        text.append(_value("", "more", p.more))
    if p.total:
        text += ["total:    # 总分", *_mapping("  ", p.total, ("points", "score"))]
    return "\n".join(line(x) for x in text) + "\n"
