"""A blank narrative data file for a rubric: every figure, fact, document and claim, ready to fill in."""

from __future__ import annotations

import json

from selfeval.forms.narrative.models import NarrativeRubric
from selfeval.models.rubric import NodeType


def _q(value: object) -> str:
    """A YAML scalar (JSON is YAML), Chinese left readable."""
    return json.dumps(value, ensure_ascii=False)


def skeleton(rubric: NarrativeRubric, name: str, year: int) -> str:
    """The text of a data file for ``rubric`` with every input commented out, grouped by item."""
    used_by: dict[str, str] = {}
    figure_order: list[str] = []
    fact_order: list[str] = []
    slot_order: list[str] = []
    labels: dict[str, str] = {}

    for node, _, _ in rubric.walked:
        if node.number:
            labels[node.id] = f"{node.number}{'. ' if node.number.isdigit() else ''}{node.title}"
        if node.rule is None:
            continue
        heading = next((labels[i] for i in [node.id, node.id.split(".")[0]] if i in labels), node.title)
        for n in sorted(node.rule.names()):
            for f in rubric.figures_read(n):
                if f not in used_by:
                    used_by[f] = heading
                    figure_order.append(f)
        for f in sorted(node.rule.facts()):
            if f not in fact_order:
                fact_order.append(f)
        for s in sorted(node.rule.slots()):
            if s not in slot_order:
                slot_order.append(s)
    audit_only = [f for f in rubric.figures if f not in used_by]

    lines = [
        f"# {name}{year}年度自评数据，按《{rubric.title}》（{rubric.document_number}）填写。",
        "# 取消行首的 # 并填写。数字可带单位（910.38万元、98%），全角数字亦可；",
        "# 未填写的数据对应的指标不得分，`selfeval validate` 会逐项提示。",
        "subject:",
        f"  name: {_q(name)}",
        f"  year: {year}",
        "rubric:",
        f"  id: {_q(rubric.id)}",
        f"  version: {_q(rubric.version)}",
        "",
        "# document:            # 报告文头，selfeval report 用",
        "#   issuers: [某县民政局, 某县财政局]",
        '#   number: ""',
        f'#   title: "{name}{year}年度困难群众救助工作绩效自评报告"',
        '#   addressee: ""',
        '#   preamble: ""',
        f"#   date: {year + 1}-03-31",
        "",
        "figures:",
    ]
    group = None
    for f in figure_order + audit_only:
        g = used_by.get(f, "审核用数据（复算与核对）")
        if g != group:
            lines.append(f"  # —— {g}")
            group = g
        spec = rubric.figures.get(f)
        title = f"{spec.title}（{spec.unit}）" if spec and spec.unit else (spec.title if spec else f)
        lines.append(f"  # {f}:    # {title}")
    lines += ["", "facts:    # 是否属实：true / false"]
    lines += [f"  # {f}: true    # {rubric.facts.get(f, f)}" for f in fact_order]
    lines += ["", "evidence:    # 证明材料：文件标题与文号；同一项可列多个文件"]
    lines += [f'  # {s}: {{title: "", number: ""}}    # {rubric.evidence.get(s, s)}' for s in slot_order]
    lines += ["", "claims:    # 自评得分（报告写明的才填；扣分项填扣掉的分数）", "  # total:    # 自评总分"]
    for node, _, kind in rubric.walked:
        if node.number or node.rule is not None:
            verb = "扣分上限" if kind is NodeType.DEDUCTION else "分值"
            lines.append(f"  # {node.id}:    # {labels.get(node.id, node.title)}（{verb}{node.points}分）")
    lines += [
        "",
        "items:    # 各项文字说明；写法见自带示例（selfeval init 示例.yaml --example 写出）",
        "",
        "attachments:    # 材料清单",
        "",
    ]
    return "\n".join(lines)
