# ruff: noqa: E501 - a catalogue reads best one message to a line
"""The messages only the project table says, in Chinese and in English (keys as in :mod:`selfeval.messages`).

Its modules make every message with :data:`msg`: a key of this catalogue is its own, any
other the shared catalogue's.
"""

from __future__ import annotations

from selfeval.i18n import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    "table-cell-unreadable": (
        "读不出“{text}”：应为数值，可带比较符号（如 ≥95%、不低于8755人、95%以上、≤5300元/户），或文字目标（如 达到预期、持续提高），或完成情况（已完成、未完成、部分完成）",
        "cannot read '{text}': expected a number, with a comparator if any (≥95%, 不低于8755人, 95%以上, ≤5300元/户), words (达到预期, 持续提高), or a state (已完成, 未完成, 部分完成)",
    ),
    "table-level-empty": (
        "表中没有“{level}”的行：其{points}分按0分计；若表格不全，请写 more: 未知",
        "the table has no rows of '{level}': its {points} points count as 0; if the table is cut off, write more: 未知",
    ),
    "table-actual-words": (
        "实际完成值“{text}”读不出数：年度指标值“{target}”是数量，应写数值（如 {example}），或完成情况（已完成、未完成、部分完成），或 未知",
        "cannot read a number in the actual value '{text}': the target '{target}' is a quantity, so write a number (such as {example}), a state (已完成, 未完成, 部分完成) or 未知",
    ),
    "completion-head": ("完成情况：共{rows}项，{counts}（{parts}）", "completion: {rows} rows, {counts} ({parts})"),
    "completion-level": ("{name}{rows}项：{counts}", "{name} {rows}: {counts}"),
    "completion-count-join": ("，", ", "),
    "completion-parts-join": ("；", "; "),
    "completion-level-join": ("、", ", "),
    "completion-count-met": ("完成{n}项", "{n} met"),
    "completion-count-partly": ("部分完成{n}项", "{n} partly met"),
    "completion-count-unmet": ("未完成{n}项", "{n} not met"),
    "completion-count-undecided": ("待定{n}项", "{n} undecided"),
    "completion-level-met": ("完成{n}", "{n} met"),
    "completion-level-partly": ("部分完成{n}", "{n} partly met"),
    "completion-level-unmet": ("未完成{n}", "{n} not met"),
    "completion-level-undecided": ("待定{n}", "{n} undecided"),
    "completion-unmet": ("  未完成：{name}——{why}", "  not met: {name}: {why}"),
    "completion-partly": ("  部分完成：{name}——{why}", "  partly met: {name}: {why}"),
    "table-points-shared": (
        "表中未写本行分值：按一级指标的全国通用权重，由未写分值的各行平均分得{points}分（推定）",
        "the table states no points for the row: an equal share of its level's national weight, {points} (assumed)",
    ),
    "cell-no-unit": (
        "{node}的“{text}”未写单位，按同一行的单位“{unit}”计；请核对",
        "{node}: '{text}' states no unit; read in the row's '{unit}'; check it",
    ),
    "cell-percent-count": (
        "{node}是数量指标（实际完成{actual}），年度指标值却写成百分比“{target}”",
        "{node} counts things (actual {actual}), yet its target is a percentage '{target}'",
    ),
    "cell-weighted": (
        "{node}折算得分写{weighted}分，但单项指标得分{item}分×权重{weight}%应为{expected}分",
        "{node}: the weighted score is {weighted}, but {item} × {weight}% is {expected}",
    ),
    "cell-weighted-twice": (
        "{node}折算得分写{weighted}分，是单项指标得分{item}分乘了两次权重{weight}%的结果；应为{expected}分",
        "{node}: the weighted score {weighted} is {item} with the weight {weight}% applied twice; it should be {expected}",
    ),
    "cell-rate-undefined": (
        "全年预算数为0（全年执行数{spent}），执行率无法计算，表中却写{rate}%",
        "the budget is 0 (spent {spent}): no execution rate can be computed, yet the table states {rate}%",
    ),
    "cell-weight-points": (
        "{node}权重占比{weight}%即{share}分，表中分值却写{points}分；按分值{points}分计",
        "{node}: a weight of {weight}% is {share} points, yet the table states {points}; scored as {points}",
    ),
    "cell-spent-over": (
        "全年执行数{spent}大于全年预算数{budget}：执行率按100%封顶计分，请核对是否写反或漏写追加预算",
        "spent {spent} is more than the budget {budget}: the rate is capped at 100% for scoring; check for swapped cells or a missing supplementary budget",
    ),
    "table-row-id": (
        "行编号“{id}”只能用字母、数字和下划线，以字母开头（如 r1、cz_1）：它是该行数据名的一部分",
        "row id '{id}' may hold only letters, digits and _, starting with a letter (r1, cz_1): it names the row's figures",
    ),
    "table-unseen": (
        "数据文件注明表格不全（more: 未知）：{level}未见的行共{points}分，得分在0至{points}分之间",
        "the data file says the table is not whole (more: 未知): the rows of {level} not shown are worth {points}, scoring 0 to {points}",
    ),
    "table-direction": (
        "年度指标值为“{target}”（要求{direction}），不是可直接比较的数值：由评审对照实际完成情况评定完成档次并写明理由",
        "the target is '{target}' (a direction: {direction}), not a number to compare: an assessor judges the tier of achievement against what was done, with a reason",
    ),
    "table-comparator-assumed": (
        "年度指标值未写比较符号，按评分标准的默认“{comparator}”计",
        "the target states no comparator; the rubric's default '{comparator}' is used",
    ),
    "table-weights": (
        "预算执行率与各一级指标的权重合计 {weights} 分，但 total 为 {total}",
        "the funding and level weights add up to {weights}, but total is {total}",
    ),
    "table-level": ("一级指标“{level}”不在评分标准中{hint}", "the level '{level}' is not in the rubric{hint}"),
    "table-tier": (
        "完成档次“{tier}”不在评分标准中（可用：{known}）{hint}",
        "the tier '{tier}' is not in the rubric (known: {known}){hint}",
    ),
    "unexplained-loss": (
        "{node}实际完成{actual}，已达到年度指标值{target}，自评却扣{lost}分（得{claimed}分），且未写偏差原因；按规则应得{computed}分",
        "{node}: the actual {actual} meets the target {target}, yet the claim takes {lost} off ({claimed}) with no reason given; the rule gives {computed}",
    ),
    "unmet-full": (
        "{node}实际完成{actual}，未达到年度指标值{target}，却自评满分{claimed}分；按规则应得{computed}分",
        "{node}: the actual {actual} misses the target {target}, yet claims full marks ({claimed}); the rule gives {computed}",
    ),
    "table-weight-stated": (
        "表中写{level}为{stated}分，评分标准为{points}分",
        "the table states {level} as {stated} points, the rubric {points}",
    ),
    "table-weight-cell": (
        "表中写{level}为{stated}分，但其下各行分值合计{points}分",
        "the table states {level} as {stated} points, but its rows add up to {points}",
    ),
    "table-weight-own": (
        "表中{level}的分值为{own}分，与全国通用权重{national}分不同；表中分值合计为总分，按表中分值评分",
        "the table weights {level} at {own} points, the national form at {national}; the table's own add up to the total and are used",
    ),
    "table-weight-rows": (
        "{level}下{rows}行分值合计{total}分，不等于该指标的权重{points}分",
        "the {rows} rows under {level} add up to {total} points, not its weight {points}",
    ),
}

CATALOGUE = Catalogue(MESSAGES)
msg = CATALOGUE.msg
t = CATALOGUE.t
