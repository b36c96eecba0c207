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
    "cell-no-unit-plain": (
        "{node}的“{text}”未写单位；年度指标值写作“{target}”，读作{text}{unit}则与之相差百倍以上，按{text}本身计；请核对并写明单位",
        "{node}: '{text}' states no unit; the target is '{target}', and {text}{unit} would be a hundred times off or more,"
        " so it is read as {text} itself; check it and write the unit",
    ),
    "table-actual-unit-unclear": (
        "实际完成值“{text}”未写单位，年度指标值为“{target}”：是{text}还是{text}{unit}无法判断，请写明单位",
        "the actual '{text}' states no unit and the target is '{target}': {text} or {text}{unit} cannot be told;"
        " write the unit",
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

# the importer (selfeval import): reading a county's own workbook or Word table
MESSAGES.update(
    {
        "import-too-big": (
            "{where}超过{limit}{what}：自评表没有这么大，未读入（若工作簿中另有自评表，请把它复制到新工作簿后再导入）",
            "{where} has more than {limit} ({what}): no self-evaluation table is that large; nothing read (if the workbook also holds a table, copy that into a new workbook and import it)",
        ),
        "import-file-large": (
            "文件有 {size} 字节，超过 {limit}：自评表的工作簿或文档只有几十 KB，未读入",
            "the file is {size} bytes, more than {limit}: a self-evaluation table's workbook or document is a few dozen KB; nothing read",
        ),
        "import-expands": (
            "文件解压后有 {parts} 个部件、共 {size} 字节（XML 上限 {limit}）：不是正常的工作簿或文档（可能是压缩炸弹），未读入",
            "the file expands to {parts} parts, {size} bytes (XML limit {limit}): no ordinary workbook or document (perhaps a zip bomb); nothing read",
        ),
        "import-xls": (
            "这是旧版 Excel 97-2003 工作簿（.xls），无法直接读取：请用 Excel 或 WPS 打开，“文件→另存为”选“Excel 工作簿(*.xlsx)”后再导入（或 libreoffice --headless --convert-to xlsx 文件名.xls）",
            "this is an old Excel 97-2003 workbook (.xls), which cannot be read: open it in Excel or WPS and 'Save As' an 'Excel Workbook (*.xlsx)', then import that (or: libreoffice --headless --convert-to xlsx FILE.xls)",
        ),
        "import-doc": (
            "这是旧版 Word 97-2003 文档（.doc），无法直接读取：请用 Word 或 WPS 打开，“文件→另存为”选“Word 文档(*.docx)”后再导入（或 libreoffice --headless --convert-to docx 文件名.doc）",
            "this is an old Word 97-2003 document (.doc), which cannot be read: open it in Word or WPS and 'Save As' a 'Word Document (*.docx)', then import that (or: libreoffice --headless --convert-to docx FILE.doc)",
        ),
        "import-encrypted": (
            "文件设有打开密码（已加密），无法读取：请在 Excel 或 Word 中打开，“文件→信息→保护工作簿/文档→用密码进行加密”清空密码并保存后再导入",
            "the file is protected by a password (encrypted) and cannot be read: open it in Excel or Word, clear the password under File > Info > Protect > Encrypt with Password, save, and import that",
        ),
        "import-not-office": (
            "不是 .xlsx 工作簿或 .docx 文档（文件内容不是 Office 文件的格式）：若它是从网上系统导出的，请用 Excel 或 Word 打开后另存为 .xlsx 或 .docx",
            "not an .xlsx workbook or a .docx document (its content is not an Office file's): if a web system exported it, open it in Excel or Word and save it as .xlsx or .docx",
        ),
        "import-not-office-zip": (
            "不是 .xlsx 工作簿或 .docx 文档（是压缩包，但其中既没有工作簿也没有 Word 文档）：请用 Excel 或 Word 打开后另存为 .xlsx 或 .docx",
            "not an .xlsx workbook or a .docx document (a zip archive holding neither a workbook nor a Word document): open it in Excel or Word and save it as .xlsx or .docx",
        ),
        "import-damaged": (
            "文件按其内容是 {kind}，但已损坏或内容不完整，无法读取：请用 Excel 或 Word 打开检查，另存后再导入（加 --debug 可看详细原因）",
            "by its content the file is {kind}, but it is damaged or incomplete and cannot be read: open it in Excel or Word, check it, save it again and import that (--debug shows the detail)",
        ),
        "import-too-much": (
            "文件内容过多，读取时内存不足：自评表的工作簿或文档只有几十 KB，未读入",
            "the file holds too much to read in memory: a self-evaluation table's workbook or document is a few dozen KB; nothing read",
        ),
        "import-kind-xlsx": ("Excel 工作簿", "an Excel workbook"),
        "import-kind-docx": ("Word 文档", "a Word document"),
        "import-unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
        "import-nested": (
            "{where}中嵌套了另一张表格：自评表的单元格里不应有表格，请把它移到表格之外（或拆成普通单元格）后再导入；未读入",
            "{where} holds a table nested inside it: a self-evaluation table's cells hold no tables; move it out (or split it into ordinary cells) and import again; nothing read",
        ),
        "import-formula-unsaved": (
            "公式 {formula} 没有保存计算结果（文件不是由 Excel 保存的）：不代为计算；请在 Excel 或 WPS 中打开并保存后再导入，或改填数值",
            "the formula {formula} was saved without its result (the file was not saved by Excel): it is not worked out here; open and save the file in Excel or WPS and import again, or type the value",
        ),
        "import-formula-note": ("公式 {formula} 的计算结果", "the result of the formula {formula}"),
        "import-unread-note": (
            "表中读不出，见导入时列出的说明",
            "not readable in the table: see what the import listed",
        ),
        "import-blank-note": ("表中为空：待填", "empty in the table: to fill"),
        "import-range-note": (
            "表中为区间“{text}”，不是自评得分",
            "the table writes a range '{text}', not a claimed score",
        ),
        "import-same-as-above": ("同上", "as above"),
        "import-not-number": (
            "读不出数“{text}”：应为数值（如 15、9.5、15分、10%），或 未知",
            "cannot read a number in '{text}': expected a number (15, 9.5, 15分, 10%) or 未知",
        ),
        "import-not-positive": ("分值“{text}”应大于0", "the points '{text}' should be more than 0"),
        "import-no-column": ("表中没有{column}列", "the table has no {column} column"),
        "import-no-level": (
            "这一行没有一级指标（上方也没有）：填为未知",
            "the row has no 一级指标 (nor one above it): written as unknown",
        ),
        "import-level-unknown": (
            "一级指标“{level}”不是评分标准的一级指标（{known}）",
            "the level '{level}' is none of the rubric's ({known})",
        ),
        "import-column-unknown": (
            "表头“{header}”不是自评表的列：其下{n}格未读入（{cells}）",
            "the header '{header}' is no column of the form: {n} cells under it were not read ({cells})",
        ),
        "import-row-unplaced": (
            "这一行没有三级指标、年度指标值或实际完成值，其中的 {cells} 未读入",
            "the row has no 三级指标, target or actual value; {cells} not read",
        ),
        "import-second-table": (
            "此处又有一个指标表头，而上一张表到此没有总分行：第二张表未读入（请在上一张表末写上总分行，或把第二张表放到单独的工作表）",
            "another indicator header starts here and the table above has no 总分 row before it: the second table is not read (end the table above with its 总分 row, or put the second on a sheet of its own)",
        ),
        "import-after-total": (
            "总分行之后的这一行不属于自评表，未读入：{cells}",
            "this row after the 总分 row is no part of the form and was not read: {cells}",
        ),
        "import-rate-formatted": (
            "格中存的是 {stored}、设了百分比格式而显示为 {shown}：执行率不会这么高，按 {read} 读入，请核对",
            "the cell holds {stored} formatted as a percentage, which shows {shown}: no execution rate is that high; read as {read}, check it",
        ),
        "import-percent-bare": (
            "表中为“{text}”，没有 %：可能是 {read}，也可能是小数写的 {whole}；按所示写作 {read}，请核对",
            "the table writes '{text}' without %: it may be {read}, or {whole} written as a fraction; written as shown, {read}; check it",
        ),
        "import-no-year": (
            "表题和文件名中都没有年度（如“2020年度”）：请填写 subject.year",
            "no year in the title or the file name (such as 2020年度): fill in subject.year",
        ),
        "import-year-from-name": ("年度取自文件名", "the year is the file name's"),
        "import-county-from": ("县名取自单位名称“{text}”", "the county is read from the department's name '{text}'"),
        "import-no-county": (
            "表题和单位名称中都没有县（市、区）名：请填写 subject.name",
            "no county in the title or the department's name: fill in subject.name",
        ),
        "import-no-funding": (
            "未找到项目资金的表头（年初预算数、全年预算数、全年执行数）：预算执行率填为未知",
            "no budget block header (年初预算数, 全年预算数, 全年执行数): the budget figures are written as unknown",
        ),
        "import-no-rows": ("指标表头下没有可读的指标行", "no indicator row under the indicator header"),
        "import-no-header": (
            "未找到自评表的指标表头（三级指标，以及年度指标值或实际完成值）",
            "no indicator header of the form (三级指标, with 年度指标值 or 实际完成值)",
        ),
        "import-no-header-anywhere": (
            "未找到自评表的指标表头（三级指标，以及年度指标值或实际完成值）；查看了：{parts}",
            "no indicator header of the form (三级指标, with 年度指标值 or 实际完成值) in: {parts}",
        ),
        "import-no-sheet": (
            "工作簿中没有名为“{sheet}”的工作表；有：{sheets}",
            "the workbook has no sheet named '{sheet}'; it has: {sheets}",
        ),
        "import-no-table": (
            "文档共有{count}张表格，第{table}张不属于任何自评表；自评表在：{forms}",
            "the document has {count} tables; table {table} belongs to no self-evaluation table; the tables are: {forms}",
        ),
        "import-table-in-workbook": (
            "--table 用于 Word 文档；工作簿请用 --sheet 指定工作表",
            "--table is for a Word document; name a workbook's sheet with --sheet",
        ),
        "import-sheet-in-docx": (
            "--sheet 用于 Excel 工作簿；Word 文档请用 --table 指定第几张表格",
            "--sheet is for an Excel workbook; name a Word document's table by its number with --table",
        ),
        "import-source-sheet": ("工作表“{name}”", "sheet '{name}'"),
        "import-source-table": ("{name}", "{name}"),
        "import-head": (
            "由 selfeval import 从{source}读入。",
            "Read by selfeval import from {source}.",
        ),
        "import-head-cells": (
            "每个值后的注释是它在原表中的位置，可逐格核对；写作“未知”的值表中读不出，注释说明原因。",
            "The comment after each value is its cell in the original table; a value written 未知 could not be read there, and its comment says why.",
        ),
        "import-head-unread": (
            "有{n}处未能读入，核对原表后改写。",
            "{n} places could not be read: check the table and fill them in.",
        ),
        "import-head-word-cells": (
            "Word 表格的位置“第几行第几列”按该行看得见的格子从左数，合并的格子算一格。",
            "In a Word table, 第N行第M列 counts the cells a person sees in that row from the left, a merged cell as one.",
        ),
        "import-head-doubtful": (
            "有{n}处存疑（{cells}），注释说明如何读入，核对原表后改写。",
            "{n} values are doubtful ({cells}): their comments say how they were read; check the table.",
        ),
        "import-head-empty": (
            "有{n}处表中为空（{cells}），已写作 ~ 待填。",
            "{n} cells are empty in the table ({cells}): written ~, to fill.",
        ),
        "import-summary": (
            "{part}：读入指标{rows}行、资金{lines}行，共{cells}格；跳过空行{skipped}行",
            "{part}: read {rows} indicator rows and {lines} budget lines, {cells} cells; {skipped} empty rows skipped",
        ),
        "import-summary-doubtful": (
            "；存疑{n}处（{cells}），注释说明如何读入，请核对",
            "; {n} doubtful ({cells}), their comments say how they were read: check them",
        ),
        "import-summary-outside": (
            "；总分行以下{n}行不属于自评表（{cells}），未读入",
            "; {n} rows under the 总分 row are no part of the form ({cells}) and were not read",
        ),
        "import-summary-empty": (
            "；空格{n}处（{cells}），已写作 ~ 待填",
            "; {n} empty cells ({cells}), written ~ to fill",
        ),
    }
)
