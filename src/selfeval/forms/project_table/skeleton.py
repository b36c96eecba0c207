"""A project table to fill in: blank from the rubric, or next year's started from this year's.

A table started from another county's says the new county's name wherever the old one's stood
(稷山县医疗保障局 → 万荣县医疗保障局); every text is quoted so that it loads back as written.
"""

from __future__ import annotations

from selfeval.forms.project_table.models import TableData, TableRubric
from selfeval.numbers import fmt
from selfeval.yamltext import line
from selfeval.yamltext import scalar as _q


def skeleton(rubric: TableRubric, name: str, year: int, previous: TableData | None = None) -> str:
    """The text of a table data file: the project, the budget block, the goals and a row per 一级指标."""
    p = previous
    old = p.subject.name if p else name

    def q(text: str | None) -> str:  # the whole name only: a short one may be part of another word
        return _q(text.replace(old, name) if text else text)

    lines = [
        f"# {name}{year}年度项目支出绩效自评表，按《{rubric.title}》（{rubric.document_number}）填写。",
        "# 写作 ~ 的是待填内容；表中看不到的写“未知”，该项得分即为一个区间。",
        "# 年度指标值可写比较符号：≥8755人、≤75元、=100%；未写的按评分标准的默认。",
        "# 定性指标写“达到预期”等文字，由评审评定档次。",
        "subject:",
        f"  name: {_q(name)}",
        f"  year: {year}",
        "rubric:",
        f"  id: {_q(rubric.id)}",
        f"  version: {_q(rubric.version)}",
        *([f"  path: {_q(p.rubric.path)}"] if p and p.rubric.path else []),
        "project:",
        f"  name: {q(p.project.name) if p else '~'}    # 项目名称",
        f"  department: {q(p.project.department) if p and p.project.department else '~'}    # 主管部门",
        f"  unit: {q(p.project.unit) if p and p.project.unit else '~'}    # 实施单位",
        "funding:    # 项目资金（万元）",
        "  initial: ~    # 年初预算数",
        "  budget: ~     # 全年预算数",
        "  spent: ~      # 全年执行数",
        "  rate: ~       # 执行率（表中所填）",
        f"  points: {fmt(rubric.funding.points)}    # 分值",
        "  # score:      # 得分（自评）",
        "goals:    # 年度总体目标",
        f"  expected: {q(p.goals.expected) if p and p.goals.expected else '~'}    # 预期目标",
        "  achieved: ~    # 实际完成情况",
        "indicators:    # 绩效指标：每行一个三级指标",
    ]
    rows = p.indicators if p else []
    if rows:
        for row in rows:
            lines += [
                f"  - level: {_q(row.level)}",
                f"    category: {_q(row.category)}",
                f"    name: {q(row.name)}",
                f"    target: {q(row.target.text)}    # 年度指标值",
                f"    actual: ~    # 实际完成值；去年 {row.actual.text or '—'}",
                f"    points: {'未知' if row.points is None else fmt(row.points)}",
                "    # score:      # 得分（自评）",
                "    # reason:     # 偏差原因分析及改进措施",
            ]
    else:
        for level in (lv for lv in rubric.levels if lv.within is None):  # the form's own levels
            lines += [
                f"  - level: {_q(f'{level.name}（{fmt(level.points)}分）')}",
                "    category: ~    # 二级指标：数量、质量、时效、成本、社会效益、服务对象满意度指标等",
                "    name: ~        # 三级指标",
                "    target: ~      # 年度指标值",
                "    actual: ~      # 实际完成值",
                f"    points: {fmt(level.points)}    # 分值（本级各行合计{fmt(level.points)}分）",
                "    # score:      # 得分（自评）",
                "    # reason:     # 偏差原因分析及改进措施",
            ]
    lines += ["total:    # 总分", f"  points: {fmt(rubric.total)}", "  # score:      # 自评总分", ""]
    return "\n".join(line(x) for x in lines)
