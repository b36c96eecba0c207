# ruff: noqa: E501 - a catalogue reads best one message to a line
"""The message catalogue: every text selfeval shows a person, in Chinese and in English.

Keys are stable; values are ``str.format`` templates with named fields. Keep the two
languages saying the same thing. A test checks that both name the same fields.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "nothing": ("", ""),
    # ---------------------------------------------------------------- the error tree's own messages
    "input-problems": ("输入文件有 {n} 个问题", "{n} problems in the input"),
    "template-timeout": ("模板渲染超时", "the template took too long to render"),
    "value-missing": ("{name} 没有值", "{name} has no value"),
    "expr-undefined": ("{text}：除数为0或无法计算", "{text}: division by zero or invalid operation"),
    "terminated": ("收到信号 {signum}，已停止", "stopped by signal {signum}"),
    # ---------------------------------------------------------------- files
    "no-such-file": ("{path}: 文件不存在", "{path}: no such file"),
    "is-directory": ("{path}: 这是文件夹，不是文件", "{path}: is a directory, not a file"),
    "errno-ENAMETOOLONG": ("文件名过长", "file name too long"),
    "errno-ELOOP": ("符号链接层数过多（链接成环？）", "too many levels of symbolic links (a loop?)"),
    "errno-ENOTDIR": ("路径中有一段不是文件夹", "a part of the path is not a directory"),
    "errno-EACCES": ("没有权限", "permission denied"),
    "errno-EIO": ("读写出错", "input/output error"),
    "permission-denied": ("{path}: 没有读取权限", "{path}: permission denied"),
    "too-large": (
        "文件有 {size} 字节，超过允许的 {limit} 字节",
        "file is {size} bytes, larger than the {limit} accepted",
    ),
    "utf16": ("文件是 {encoding} 编码，请另存为 UTF-8", "file is {encoding}; save it as UTF-8"),
    "control-char": (
        "有控制字符 {char}（{name}），常由 Word 或网页粘贴带入，请删除",
        "a control character {char} ({name}), often pasted from Word or a web page; delete it",
    ),
    "not-regular": (
        "{path}: 不是普通文件（设备、管道或套接字），不读取",
        "{path}: not a regular file (a device, pipe or socket); not read",
    ),
    "os-error": ("{path}: {reason}", "{path}: {reason}"),
    "file-failed": (
        "此文件未能评分（内部错误：{detail}），其余文件照常评分",
        "this file could not be scored (internal error: {detail}); the others were",
    ),
    "arithmetic": (
        "计算超出范围（{detail}），请检查各项数据的数量级",
        "arithmetic out of range ({detail}); check the figures' magnitudes",
    ),
    "number-too-large": (
        "数值“{value}”超出可评的范围（至多 20 位有效数字，绝对值小于 10 的 15 次方）",
        "the number '{value}' is beyond what can be evaluated (at most 20 significant digits, below 10**15)",
    ),
    "bad-scalar": (
        "“{value}”不是有效的{tag}（若是文字，请加引号）",
        "'{value}' is not a valid {tag} (quote it if it is text)",
    ),
    "scalar-int": ("整数", "integer"),
    "scalar-float": ("数", "number"),
    "scalar-bool": ("是/否值", "true/false value"),
    "scalar-timestamp": ("日期", "date"),
    "scalar-null": ("空值", "null"),
    "too-many-chars": (
        "展开后文字超过 {limit} 个字符（别名重复长文字？），拒绝读取",
        "expands to more than {limit} characters of text (a long string aliased?); refused",
    ),
    "binary": ("这是二进制文件，不是 YAML 文本", "this is a binary file, not YAML text"),
    "gbk": (
        "不是 UTF-8 编码：字节 {byte} 无法解码；看来是 GBK/GB18030（常见于 Windows 中文系统），请另存为 UTF-8",
        "not valid UTF-8: byte {byte} cannot be decoded; it looks like GBK/GB18030, save it as UTF-8",
    ),
    "not-utf8": ("不是 UTF-8 编码：字节 {byte} 无法解码", "not valid UTF-8: byte {byte} cannot be decoded"),
    "empty-file": ("文件是空的；应为 YAML 键值对", "file is empty; expected a YAML mapping"),
    "top-not-mapping": ("文件最外层应为键值对，实为{found}", "expected a mapping at the top, found {found}"),
    "kind-list": ("列表", "a list"),
    "kind-scalar": ("单个值", "a single value"),
    # ---------------------------------------------------------------- YAML
    "yaml-syntax": ("YAML 格式错误：{detail}{hint}", "YAML syntax error: {detail}{hint}"),
    # YAML slips located at their cause, values as clerks write them
    "yaml-unclosed-quote": (
        "YAML 格式错误：这里开始的引号 {quote} 没有闭合，其后的内容都被读成了这段文字；请在这段文字末尾补上 {quote}",
        "YAML syntax error: the quotation mark {quote} opened here is never closed, so what follows was read as its text; close it with {quote} at the end of the text",
    ),
    "yaml-fullwidth-colon": (
        "YAML 格式错误：“{key}”后是中文冒号“：”，应为英文冒号“:”，其后加一个空格（{key}: …）",
        "YAML syntax error: '{key}' is followed by a full-width colon '：'; write an ASCII colon and a space ({key}: …)",
    ),
    "yaml-fullwidth-space": (
        "YAML 格式错误：缩进中有全角空格“　”，应为英文（半角）空格",
        "YAML syntax error: a full-width space '　' in the indentation; indent with ASCII spaces",
    ),
    "bad-date": (
        "“{text}”不是有效的日期：{year}年没有{month}月{day}日",
        "'{text}' is not a valid date: {year} has no {month}/{day}",
    ),
    "expect-date-written": (
        "“{text}”不是日期；应写作 2021-03-29、2021年3月29日、2021.3.29 或 2021/3/29",
        "'{text}' is not a date; write 2021-03-29, 2021年3月29日, 2021.3.29 or 2021/3/29",
    ),
    "approx-disagrees": (
        "数值写的是约数“{text}”，approx 却是 false",
        "the value '{text}' is approximate, but approx is false",
    ),
    "stated-approx": (
        "“{text}”是约数；得分和分值须写确数",
        "'{text}' is approximate; scores and points must be exact",
    ),
    "expect-yes-no": (
        "“{text}”不是是/否；应写 是/否、有/无、对/错 或 √/×（也可写 true/false）",
        "'{text}' is not yes/no; write 是/否, 有/无, 对/错 or √/× (or true/false)",
    ),
    "doc-number-differs": (
        "“{title}”的文号写作“{stated}”，但{where}写作“{other}”；同一文件的文号应一致",
        "the 文号 of '{title}' is '{stated}' here but '{other}' in {where}; one document has one 文号",
    ),
    "doc-number-in-evidence": ("证明材料（第 {line} 行）", "the evidence (line {line})"),
    "doc-number-in-attachments": ("材料清单（第 {line} 行）", "the attachment list (line {line})"),
    "doc-number-none": ("无文号", "no 文号"),
    "yaml-hint-colon": ("（可能缺少冒号“:”，或冒号后缺少空格）", " (a ':' is missing, or the space after it)"),
    "yaml-hint-colon-in-value": (
        "（值中含有“: ”时须整段加引号）",
        " (a value containing ': ' must be quoted)",
    ),
    "yaml-hint-indent": ("（缩进不对齐，或一行中多了内容）", " (the indentation is off, or a line has extra text)"),
    "yaml-hint-character": (
        "（出现了不能开头的字符，如 @、`、%；含这些字符的值须加引号）",
        " (a value starting with @, ` or % must be quoted)",
    ),
    "yaml-hint-quote": ("（引号没有闭合）", " (a quotation mark is not closed)"),
    "yaml-hint-bracket": ("（方括号 [ ] 没有闭合）", " (a [ is not closed)"),
    "yaml-hint-brace": ("（花括号 {{ }} 没有闭合）", " (a {{ is not closed)"),
    "yaml-hint-alias": ("（引用了未定义的锚点 *名称）", " (an *alias names no anchor)"),
    "yaml-hint-tab": ("（YAML 不允许用制表符 Tab 缩进，请改用空格）", " (YAML does not allow tabs for indentation)"),
    "yaml-hint-reference": (
        "（以 {{引用}} 开头的文字须整段加引号，如 text: '{{towns}}个乡镇…'）",
        " (a text that starts with a {{reference}} must be quoted: text: '{{towns}}…')",
    ),
    "yaml-tag": ("不允许使用 YAML 标签 {tag}", "YAML tag {tag} is not allowed here"),
    "alias-bomb": (
        "展开后超过 {limit} 个值（别名炸弹？），拒绝读取",
        "expands to more than {limit} values (an alias bomb?); refused",
    ),
    "complex-key": ("键名须是简单的文字或数字", "a mapping key must be a plain value"),
    "bad-merge": ("合并（<<）须引用键值对或键值对的列表", "a merge (<<) needs a mapping or a list of mappings"),
    "duplicate-key": (
        "键名“{key}”重复（第一次在第 {line} 行）；YAML 只会保留后一个",
        "duplicate key '{key}' (first at line {line}); YAML would keep only the last",
    ),
    "too-deep": ("嵌套超过 {depth} 层", "nesting deeper than {depth} levels"),
    "bad-alias": ("别名 *{anchor} 没有对应的锚点", "alias *{anchor} refers to no finished anchor"),
    "many-documents": ("一个文件只能有一个 YAML 文档（不要用 ---）", "only one YAML document per file is allowed"),
    # ---------------------------------------------------------------- schema
    "at-key": ("{where}: {what}", "{where}: {what}"),
    "did-you-mean": ("；是否应为“{suggestion}”？", "; did you mean '{suggestion}'?"),
    "unknown-key": ("未知的键“{key}”{hint}", "unknown key '{key}'{hint}"),
    "missing-key": ("缺少必填项“{key}”", "required key '{key}' is missing"),
    "expect-mapping": ("应为键值对（键: 值）", "expected a mapping (key: value)"),
    "expect-list": ("应为列表（每项以“- ”开头）", "expected a list (items starting with '- ')"),
    "expect-text": ("应为文字", "expected text"),
    "expect-number": ("应为数字", "expected a number"),
    "expect-integer": ("应为整数", "expected a whole number"),
    "expect-bool": ("应为“是”或“否”（true / false）", "expected yes or no (true / false)"),
    "expect-date": ("应为日期，如 2021-03-29", "expected a date such as 2021-03-29"),
    "expect-nonempty": ("不能为空", "must not be empty"),
    "expect-id": (
        "只能用英文字母、数字、点、横线和下划线，并以字母开头",
        "use letters, digits, '.', '-' and '_', starting with a letter",
    ),
    "expect-finite": ("须为有限数值", "must be a finite number"),
    "expect-greater-than": ("应大于 {bound}", "must be greater than {bound}"),
    "expect-greater-than-equal": ("应不小于 {bound}", "must be at least {bound}"),
    "expect-less-than": ("应小于 {bound}", "must be less than {bound}"),
    "expect-less-than-equal": ("应不大于 {bound}", "must be at most {bound}"),
    "expect-at-least": ("至少需要 {n} 项", "needs at least {n} entries"),
    "expect-one-of": ("应为以下之一：{choices}", "expected one of: {choices}"),
    "unknown-kind": ("未知的类型“{tag}”；可用：{choices}", "unknown kind '{tag}'; known: {choices}"),
    "schema-other": ("{detail}", "{detail}"),
}
MESSAGES.update(
    {
        # ------------------------------------------------------------ values
        "bad-number": (
            "无法把“{text}”读作数字（千分位须三位一组，如 12,325；可带单位，如 910.38万元）",
            "cannot read '{text}' as a number (group thousands by three: 12,325; a unit may follow: 910.38万元)",
        ),
        "number-not-bool": ("应为数字，不是“是/否”", "expected a number, not yes/no"),
        "unit-disagrees": (
            "数值写的单位是“{written}”，unit 却是“{unit}”",
            "the value says unit '{written}' but unit is '{unit}'",
        ),
        "bad-expression": (
            "表达式“{text}”有误：{detail}（第 {pos} 个字符）",
            "invalid expression '{text}': {detail} (at character {pos})",
        ),
        # ------------------------------------------------------------ rubric models
        "reserved-id": (
            "“{id}”是保留名称（claims.{id} 表示总分），请换一个编号",
            "'{id}' is reserved; choose another id",
        ),
        # what a rubric's bands and tiers leave out, and the ids it names that do not exist
        "band-gap": (
            "{low}至{high}之间没有分档：{low}或{mid}会得0分（每档含下限、不含上限）",
            "no band covers {low} up to {high}: {low} or {mid} would score 0 (a band includes its min, not its max)",
        ),
        "band-ceiling": (
            "得分最高的一档止于{max}（不含{max}）：{max}及以上反而会得0分；去掉这一档的 max，或在其上再加一档",
            "the best band stops below {max}: {max} and above would score 0; drop its max or add a band above it",
        ),
        "band-floor": (
            "得分最高的一档从{min}起：低于{min}反而会得0分；去掉这一档的 min，或在其下再加一档",
            "the best band starts at {min}: anything below {min} would score 0; drop its min or add a band below it",
        ),
        "tiers-gap": (
            "{low}至{high}之间没有档次：得分为本项分值的{mid}时无档可归，会被改到所评档次的界限",
            "no tier covers {low} to {high}: a score of {mid} of the node's points fits no tier and would be moved to the bound of the tier named",
        ),
        "tiers-overlap": (
            "两档重叠：“{a}”（{a_range}）与“{b}”（{b_range}）",
            "tiers overlap: '{a}' ({a_range}) and '{b}' ({b_range})",
        ),
        "tiers-empty": (
            "档次“{name}”的下限{low}高于上限{high}",
            "tier '{name}': its low {low} is above its high {high}",
        ),
        "tiers-name-twice": (
            "档次名称“{name}”与第{n}档重复：评定为“{name}”的只会按第{n}档计",
            "tier name '{name}' is also tier {n}'s: a judgement naming it would always take tier {n}",
        ),
        "relation-unknown-node": (
            "关系所属的节点“{id}”不存在{hint}",
            "the relation's node '{id}' does not exist{hint}",
        ),
        "level-within-unknown": (
            "within 指向的一级指标“{id}”不存在{hint}",
            "within names level '{id}', which does not exist{hint}",
        ),
        "level-within-nested": (
            "within 须指向一个自有分值的一级指标，“{id}”本身也写了 within",
            "within must name a level with points of its own; '{id}' has a within itself",
        ),
        "judged-unknown-tier": (
            "评定的档次“{tier}”不是{node}的档次（可用：{known}）{hint}",
            "'{tier}' is not a tier of {node} (known: {known}){hint}",
        ),
        "template-outside": (
            "“{name}”不在评分标准所在的文件夹内：模板和参考文档只能写该文件夹内的相对路径（如 templates/report.md.j2），不能写绝对路径、~ 或 ..",
            "'{name}' is not inside the rubric's folder: templates and reference documents are named by a relative path inside it (templates/report.md.j2), never an absolute path, ~ or ..",
        ),
        "in-file": ("{path}：{detail}", "{path}: {detail}"),
        "docx-reference-not-docx": (
            "不是 Word 文档（.docx）：参考文档须是用 Word 或 WPS 另存为 .docx 的文件",
            "not a Word document (.docx): a reference document must be a file saved as .docx",
        ),
        "docx-reference-large": (
            "参考文档有 {size} 字节，超过 {limit} 字节的上限",
            "the reference document is {size} bytes, over the limit of {limit}",
        ),
        "docx-reference-expands": (
            "参考文档解压后过大（{parts} 个部件，共 {size} 字节，其中 XML {xml} 字节；XML 上限 {limit} 字节）：不像是一份版式文档",
            "the reference document expands too far ({parts} parts, {size} bytes, {xml} of XML; the XML limit is {limit}): not a layout document",
        ),
        "docx-reference-unreadable": (
            "无法读取参考文档：{reason}",
            "cannot read the reference document: {reason}",
        ),
        "template-name-bad": (
            "文件名“{name}”不可用：不能含控制字符，每段不超过 255 字节",
            "the file name '{name}' cannot be used: no control characters, at most 255 bytes a part",
        ),
        "template-link-outside": (
            "“{name}”是指向评分标准文件夹之外的链接（{target}）：模板和参考文档须在该文件夹内",
            "'{name}' is a link out of the rubric's folder ({target}): templates and reference documents must be inside it",
        ),
        "rule-and-children": (
            "一个节点要么有评分规则（rule），要么有下级（children），不能两者都有",
            "a node has either a rule or children, not both",
        ),
        "leaf-without-rule": ("没有下级的节点须有评分规则（rule）", "a leaf node needs a rule"),
        "assumed-without-note": (
            "推定（assumed）的节点须用 note 写明推定了什么",
            "an assumed node needs a note saying what was assumed",
        ),
        "veto-without-effect": ("一票否决须写 max_grade 或 max_total", "a veto needs 'max_grade' or 'max_total'"),
        "evidence-rule-empty": (
            "evidence 规则须写 requires 或 any_of",
            "an evidence rule needs 'requires' or 'any_of'",
        ),
        "threshold-bound": (
            "threshold 规则须写 value 或 against 之一（只能一个）",
            "a threshold needs exactly one of 'value' or 'against'",
        ),
        "tolerance-bounds": ("tolerance 规则须写 min 或 max（或两者）", "a tolerance needs 'min' or 'max' (or both)"),
        "tolerance-order": ("tolerance 规则的 min 大于 max", "tolerance 'min' is above 'max'"),
    }
)
MESSAGES.update(
    {
        "expr-character": ("不认识的字符“{char}”", "unexpected character '{char}'"),
        "expr-expected": ("此处应为“{want}”，却是“{found}”", "expected '{want}', found '{found}'"),
        "expr-function": ("未知函数“{name}”（可用 min、max、round、abs）", "unknown function '{name}'"),
        "expr-arity": ("{name}() 需要 {lo} 到 {hi} 个参数", "{name}() takes {lo} to {hi} arguments"),
        "expr-unexpected": ("此处不应出现“{found}”", "unexpected '{found}'"),
        "expr-end": ("表达式结尾", "end of expression"),
        "expr-empty": ("表达式为空", "empty expression"),
    }
)
MESSAGES.update(
    {
        # ------------------------------------------------------------ rules, for rubric authors
        "band-empty": ("第{n}档下限 {min} 不小于上限 {max}", "band {n}: min {min} is not below max {max}"),
        "band-too-many": (
            "第{n}档给 {got} 分，超过本项分值 {points} 分",
            "band {n} gives {got} points, more than the node's {points}",
        ),
        "band-order": (
            "各档须按界限从低到高或从高到低排列",
            "bands are out of order: list them by their bounds, rising or falling",
        ),
        "band-overlap": ("两档重叠：{a} 与 {b}", "bands overlap: {a} and {b}"),
        "band-unreachable": ("没有一档能得到本项分值 {points} 分", "no band reaches the node's {points} points"),
        "tier-too-many": (
            "第{n}档给 {got} 分，超过本项分值 {points} 分",
            "tier {n} gives {got} points, more than the node's {points}",
        ),
        "tier-unreachable": ("没有一档能得到本项分值 {points} 分", "no tier reaches the node's {points} points"),
        "tier-order": ("各档须按分数从高到低排列", "tiers must be listed from the highest points down"),
        "threshold-too-many": (
            "达标给 {got} 分，超过本项分值 {points} 分",
            "threshold gives {got} points, more than the node's {points}",
        ),
        "threshold-unreachable": (
            "达标并不多得分：规则无意义",
            "threshold has no reachable points: meeting it gives nothing more",
        ),
        "threshold-else-too-many": (
            "else_points 超过本项分值 {points} 分",
            "else_points exceed the node's {points} points",
        ),
    }
)
MESSAGES.update(
    {
        # ------------------------------------------------------------ rubric checks
        "what-node": ("节点", "node"),
        "what-relation": ("关系", "relation"),
        "what-veto": ("一票否决", "veto"),
        "type-standard": ("基本分", "standard"),
        "type-bonus": ("加分", "bonus"),
        "type-deduction": ("扣分", "deduction"),
        "duplicate-id": (
            "{what}编号“{id}”重复（第一次在第 {line} 行）",
            "duplicate {what} id '{id}' (first at line {line})",
        ),
        "metric-is-figure": ("计算指标“{name}”与数据同名", "metric '{name}' has the name of a figure"),
        "unknown-fact": ("未知的事实“{name}”{hint}", "unknown fact '{name}'{hint}"),
        "unknown-grade": ("未知的等次“{name}”", "unknown grade '{name}'"),
        "unknown-slot": ("未知的证明材料项“{name}”{hint}", "unknown evidence slot '{name}'{hint}"),
        "grades-order": (
            "等次须按下限从高到低排列，且不能重复",
            "grades must be listed from the highest minimum down, without repeats",
        ),
        "grades-floor": (
            "最低等次的下限须为 0，使每个总分都有等次",
            "the lowest grade must start at 0 so that every total has a grade",
        ),
        "rule-unknown-figure": (
            "{id} 的评分规则用到未知的数据或指标“{name}”{hint}",
            "rule of '{id}' reads unknown figure or metric '{name}'{hint}",
        ),
        "rule-unknown-evidence": (
            "{id} 的评分规则用到未知的证明材料项“{name}”{hint}",
            "rule of '{id}' names unknown evidence '{name}'{hint}",
        ),
        "rule-not-deduction": (
            "{id} 是扣分项，但规则类型 {kind} 只会给分，不会扣分（扣分项可用 per_occurrence、fact、threshold、judged）",
            "'{id}' is a deduction, but rule kind {kind} gives points and cannot take them off (use per_occurrence, fact, threshold or judged)",
        ),
        "rule-unknown-fact": (
            "{id} 的评分规则用到未知的事实“{name}”{hint}",
            "rule of '{id}' names unknown fact '{name}'{hint}",
        ),
        "relation-unknown": (
            "关系用到未知的数据或指标“{name}”{hint}",
            "relation reads unknown figure or metric '{name}'{hint}",
        ),
        "relation-id-taken": ("关系编号“{id}”已被评分标准使用", "relation id '{id}' is already the rubric's"),
        "type-inside": ("{id} 标为{type}，却在{parent}节点之下", "{id} is {type} inside a {parent} node"),
        "exceed-not-exceeded": (
            "{id}：写了 children_exceed，但下级合计 {total} 分，并未超过 {points} 分",
            "{id}: children_exceed is set but the children add up to {total}, not more than {points}",
        ),
        "children-sum": (
            "{id}：下级合计 {total} 分，与本项分值 {points} 分不符{hint}",
            "{id}: children add up to {total}, not the node's {points}{hint}",
        ),
        "sum-hint-exceed": (
            "（若下级之和本应封顶，请写 children_exceed: true）",
            " (set children_exceed: true if the sum is meant to be capped)",
        ),
        "sections-sum": (
            "{type}部分合计 {total} 分，但 {key} 为 {want}",
            "{type} sections add up to {total}, but {key} is {want}",
        ),
        "metric-unknown": (
            "计算指标“{metric}”用到未知的数据或指标“{name}”{hint}",
            "metric '{metric}' reads unknown figure or metric '{name}'{hint}",
        ),
        "metric-cycle": ("计算指标循环引用：{cycle}", "metrics form a cycle: {cycle}"),
        # ------------------------------------------------------------ data checks
        "rubric-mismatch": (
            "数据文件对应评分标准 {id} {version}，却按 {rid} {rv} 评分",
            "data is for rubric {id} {version}, but scored against {rid} {rv}",
        ),
        "unknown-node": ("未知的节点“{id}”{hint}", "unknown node '{id}'{hint}"),
        "claim-range": (
            "{node}自评 {claimed} 分，超出 0 至 {points} 分",
            "claimed {claimed} for {node}, outside 0–{points}",
        ),
        "judged-too-many": (
            "{node}评定 {given} 分，超过本项分值 {points} 分",
            "judged {given} for {node}, more than its {points} points",
        ),
        "judged-not-judged": (
            "{node}按规则计分，不由评审评定；这里的评定不会起作用，请删去（调整分数请用评审调整表）",
            "{node} is scored by its rule, not judged; this judgement would do nothing",
        ),
        "figure-is-metric": (
            "“{name}”是评分标准计算的指标，不能作为数据填写",
            "'{name}' is a metric the rubric computes; it cannot be given as a figure",
        ),
        "figure-unit": (
            "{name} 的单位是“{unit}”，评分标准按“{expected}”计，两者不是同一类量",
            "{name}: unit '{unit}' where the rubric counts in '{expected}', a different kind",
        ),
        "figure-negative": (
            "{name} 为 {value}，这项数据不能为负数",
            "{name}: {value} is negative; this figure cannot be below zero",
        ),
        "figure-unknown": (
            "数据“{name}”不在评分标准中{hint}（若是另加的数据，请写 title 说明它是什么）",
            "figure '{name}' is not in the rubric{hint} (a figure of your own needs a title)",
        ),
        "missing-input": (
            "缺少 {where}{title}：{nodes}的评分需要它，请在 {section}: 下填写",
            "{where}{title} is missing: {nodes} needs it; add it under {section}:",
        ),
        "to-fill": ("{where} 待填", "{where}: still to fill"),
        "to-fill-fact": ("{where} 待填（是 / 否）", "{where}: still to fill (yes / no)"),
        "to-fill-number": (
            "{where} 的文号待填（未填前不计为证明材料）",
            "{where}: 文号 still to fill (not evidence until it is)",
        ),
    }
)
MESSAGES.update(
    {
        # ------------------------------------------------------------ finding inputs
        "unknown-form": (
            "未知的文书类型（form）“{name}”；可用：{known}{hint}",
            "unknown form '{name}'; known forms: {known}{hint}",
        ),
        "bundled-versions": ("；自带的 {id} 版本有：{versions}", "; bundled versions of {id}: {versions}"),
        "looked-beside": ("（也在数据文件旁找过 {path}）", " (looked for {path} next to the data file too)"),
        "rubric-not-found": (
            "找不到评分标准 {id} 版本 {version}{where}{hint}；请用 --rubric 指定",
            "rubric {id} version {version} not found{where}{hint}; give it with --rubric",
        ),
        "empty-folder": ("{path}: 文件夹里没有 .yaml 文件", "{path}: folder has no .yaml files"),
        "no-match": ("{pattern}: 没有匹配的文件", "{pattern}: no files match"),
        "neither-rubric-nor-data": (
            "既不是评分标准（没有 {keys} 中的任何一个）也不是数据文件（没有 subject）",
            "neither a rubric (none of {keys}) nor a data file (no 'subject')",
        ),
        # ------------------------------------------------------------ outputs
        "unknown-suffix": (
            "{path}: 无法从后缀“{suffix}”判断格式；请用 --format 指定（{names}）",
            "{path}: cannot tell the format from '{suffix}'; use --format ({names})",
        ),
        "format-not-here": (
            "这里不能用 --format {format}；可用：{names}",
            "--format {format} cannot write this; use one of: {names}",
        ),
        "out-is-directory": (
            "{path}: 这是文件夹；请给出输出文件名",
            "{path}: is a directory; give a file name for the output",
        ),
        "out-no-folder": ("{path}: 文件夹 {folder} 不存在", "{path}: folder {folder} does not exist"),
        "out-is-input": (
            "{path}: 这是本命令读取的文件，绝不覆盖",
            "{path}: is an input of this command; it is never overwritten",
        ),
        "out-is-shipped": (
            "{path}: 这是 selfeval 自带的文件（或其安装目录），绝不写入：请写到别的文件夹",
            "{path}: is part of selfeval's own installation; it is never written: write somewhere else",
        ),
        "out-exists": (
            "{path}: 文件已存在；如要覆盖，请加 --force",
            "{path}: already exists; use --force to overwrite it",
        ),
        "out-shortened": (
            "{what}：有 {length} 个字符，超出上限 {limit}，已截断，末尾标“{mark}”",
            "{what}: {length} characters, more than the {limit} it holds; shortened, ending in '{mark}'",
        ),
        "shortened-mark": ("…（已截断）", "… (truncated)"),
        "limit-docx-property": ("Word 文档属性“{name}”", "the Word document property '{name}'"),
        "limit-xlsx-property": ("Excel 文档属性“{name}”", "the Excel document property '{name}'"),
        "limit-xlsx-cell": ("Excel 单元格 {sheet}!{cell}", "the Excel cell {sheet}!{cell}"),
        "prop-title": ("标题", "title"),
        "prop-subject": ("主题", "subject"),
        "prop-author": ("作者", "author"),
        "prop-keywords": ("关键词", "keywords"),
        "prop-comments": ("备注", "comments"),
        "prop-category": ("类别", "category"),
        "out-cannot-write-in": (
            "{path}: 无法在 {folder} 中写入（{reason}）",
            "{path}: cannot write in {folder} ({reason})",
        ),
        "out-cannot-write": ("{path}: 无法写入（{reason}）", "{path}: cannot write ({reason})"),
        "stdout-cannot-write": ("无法写入标准输出：{reason}", "cannot write to standard output: {reason}"),
        "errno-ENOSPC": ("设备上没有空间", "no space left on device"),
        "stdout-escaped": (
            "标准输出的编码（{encoding}）写不出中文，已以 \\u 转义写出：请设 PYTHONIOENCODING=utf-8，或加 --lang en",
            "standard output's encoding ({encoding}) cannot take Chinese; written as \\u escapes: set PYTHONIOENCODING=utf-8, or add --lang en",
        ),
        "out-not-regular": (
            "{path}: 不是普通文件（设备、管道或套接字），即使加 --force 也不覆盖",
            "{path}: not a regular file (a device, pipe or socket); not replaced, even with --force",
        ),
    }
)
MESSAGES.update(
    {
        # ------------------------------------------------------------ audit findings
        "claim-term": ("{op}{name}{value}{summed}", "{op}{name} {value}{summed}"),
        "claim-term-summed": ("（未写，按各项合计）", " (not stated: its items' sum)"),
        "claims-absent": ("（{ids}未写得分）", " ({ids} state no score)"),
        "claim-sum": (
            "{node}自评{claimed}分，但其下各项自评得分合计{parts}分{note}",
            "{node} claims {claimed} but its items' claims add up to {parts}{note}",
        ),
        "claim-sum-total": (
            "自评总分{claimed}分，但各部分自评得分合计{parts}分（{terms}）{note}",
            "the total claim is {claimed} but the sections' claims add up to {parts} ({terms}){note}",
        ),
        "capped-note": (
            "；评分标准按{points}分封顶，所写得分仍多于分值",
            "; the rubric caps them at {points}, the claims still exceed it",
        ),
        "claim-over-points": (
            "{node}下各项自评合计{total}分，超过本项分值{points}分{note}",
            "{node}: its items claim {total}, more than its {points} points{note}",
        ),
        "claim-differs": (
            "{node}自评得{claimed}分，按证据计算应得{computed}分：{why}",
            "{node} claims {claimed}, the evidence gives {computed}: {why}",
        ),
        "claim-differs-deduction": (
            "{node}自评扣{claimed}分，按证据计算应扣{computed}分：{why}",
            "{node} claims {claimed} off, the evidence gives {computed}: {why}",
        ),
        "claim-undecided": (
            "{node}自评{claimed}分，在按证据计算的得分范围{range}分之内，尚不能判定；查明{decide}即可判定",
            "{node} claims {claimed}, within the {range} the evidence allows: not yet decided; {decide} would decide it",
        ),
        "claim-undecided-total": (
            "自评总分{claimed}分，在按证据计算的总分范围{range}分之内，尚不能判定；查明{decide}即可判定",
            "the total claim {claimed} is within the {range} the evidence allows: not yet decided; {decide} would decide it",
        ),
        "claim-differs-total": (
            "自评总分{claimed}分，按证据计算总分为{computed}分",
            "the total claim is {claimed}, the evidence gives {computed}",
        ),
        "claim-missing": (
            "{node}（{title}，{points}分）未写自评得分",
            "{node} ({title}, {points} points) states no score",
        ),
        "suspicious-fraction": (
            "{title}写作 {value}，按 {value}% 计分；若本意是 {likely}%，请写 {likely}",
            "{title} is written {value} and scored as {value}%; if {likely}% is meant, write {likely}",
        ),
        "suspicious-count": (
            "{title}写作 {value}{unit}：计数不应有小数，请核对（是否漏写“万”或多写小数点）",
            "{title} is written {value} {unit}: a count has no fraction; check it (a 万 left out, a stray point)",
        ),
        "evidence-missing": (
            "{node}的评分需要“{name}”，数据文件中没有：{why}",
            "{node} needs {name}, which the data lacks: {why}",
        ),
        "relative-diff": ("，相差{pct}%", ", {pct}% off"),
        "points-diff": ("，相差{diff}个百分点", ", {diff} percentage points off"),
        "derived-mismatch": (
            "{title}报告为{stated}{unit}，按{rule}复算为{computed}{unit}{off}",
            "{title} is stated as {stated}{unit}; {rule} gives {computed}{unit}{off}",
        ),
        "subset-exceeded": ("{rule}：{part}，超过{whole}", "{rule}: {part} exceeds {whole}"),
        "standard-points": ("自评标准分值", "the standard total"),
        "node-points": ("{node}的指标分值", "the points of {node}"),
        "points-differ": (
            "报告写{what}为{stated}分，评分标准为{points}分",
            "the report states {what} as {stated}, the rubric {points}",
        ),
        "veto-grade": ("等次最高为{grade}", "the grade is at most {grade}"),
        "veto-total": ("总分最高{total}分", "the total is at most {total}"),
        "veto": ("一票否决：{title}（{effect}）", "one-vote veto: {title} ({effect})"),
        "not-applicable": ("{node}{why}", "{node}: {why}"),
        "where-attachments_title": ("材料清单标题", "The attachment list's title"),
    }
)
MESSAGES.update(
    {
        "template-syntax": ("{where}: 模板语法错误：{detail}", "{where}: template syntax error: {detail}"),
        "template-undefined": ("{where}: {detail}（模板用到了不存在的名称）", "{where}: {detail} (StrictUndefined)"),
        "template-sandbox": ("{where}: 沙箱不允许：{detail}", "{where}: not allowed in the sandbox: {detail}"),
        "template-error": ("{where}: 模板错误：{detail}", "{where}: template error: {detail}"),
    }
)
MESSAGES.update(
    {
        "no-such-node": ("没有编号为“{key}”的指标{hint}", "no node '{key}'{hint}"),
        "explain-children": ("由其下 {n} 项相加", "the sum of its {n} items"),
        "explain-capped": ("，超过本项分值的部分不计（封顶）", ", capped at its points"),
    }
)
MESSAGES.update(
    {
        # ------------------------------------------------------------ commands
        "wrote": ("已写出 {path}", "wrote {path}"),
        "validate-summary": (
            "检查了 {files} 个文件，{bad} 个有问题（{errors} 个错误，{warnings} 个警告）",
            "{files} file(s) checked, {bad} with problems ({errors} errors, {warnings} warnings)",
        ),
        "scored-against": ("{path}: 按评分标准 {id} {version} 评分", "{path}: scored against {id} {version}"),
        "below-fail-under": ("总分 {total} 低于 --fail-under {limit}", "total {total} is below --fail-under {limit}"),
        "maybe-below-fail-under": (
            "总分 {total} 可能低于 --fail-under {limit}（有未知数据，尚不能判定）",
            "total {total} may be below --fail-under {limit} (unknown inputs: not yet decided)",
        ),
        "gaps-one-file": (
            "--gaps 只解释一个县的失分；请只给一个数据文件",
            "--gaps explains one county; give a single data file",
        ),
        "files-failed": ("{files} 个文件中有 {failed} 个无法评分", "{failed} of {files} file(s) could not be scored"),
        "totals-below": ("{n} 个县的总分低于 --fail-under {limit}", "{n} county total(s) below --fail-under {limit}"),
        "audit-summary": (
            "审核发现 {errors} 个错误、{warnings} 个警告、{notes} 条提示（selfeval audit {path} 查看）",
            "the audit finds {errors} errors, {warnings} warnings and {notes} notes (selfeval audit {path} lists them)",
        ),
        "report-refused": (
            "{summary}；按 --fail-on {level}，未写出报告",
            "{summary}; with --fail-on {level}, no report was written",
        ),
        "scores-computed": ("按证据计算的得分", "the scores the evidence gives"),
        "scores-claimed": ("自评得分（报告所写）", "the county's own scores (as its report states them)"),
        "report-written": (
            "{who}：报告载{scores}，总分 {total}；{summary}",
            "{who}: the report carries {scores}, total {total}; {summary}",
        ),
        "init-example": ("自带的平罗县2020年示例", "the bundled Pingluo 2020 example"),
        "init-other-form": (
            "{path} 是 {form} 类文件；--rubric 指定的是 {other} 类",
            "{path} is a {form} file; --rubric is for {other}",
        ),
        "init-from": (
            "由 {path} 生成的{year}年度数据文件，各项数字、是否、文号均待重新填写",
            "{year} from {path}, every figure, fact and 文号 to fill in again",
        ),
        "init-blank": ("评分标准 {id} {version} 的空白数据文件", "a blank data file for {id} {version}"),
        "init-wrote": (
            "已写出 {path}：{what}；填写后运行 selfeval validate {path} 查看还缺什么",
            "wrote {path}: {what}; then run selfeval validate {path} to see what is left",
        ),
        "init-renamed": ("“{old}”改为“{new}”{n}处", "{old} renamed {new} ({n})"),
        "init-name-left": (
            "仍写着“{text}”：如指{old}，请改为{new}",
            "still says '{text}': if it means {old}, write {new}",
        ),
        "init-name-kept": (
            "新文件沿用{old}的文字，{n}行写着“{old}”；如是另一县（市、区）的文件，请加 --name 名称，这些地方随之改写",
            "the new file keeps {old}'s text, {n} lines name {old}; for another county, give --name and they are renamed",
        ),
        "rules-heading": ("评分规则类型（rule.kind）：", "Rule kinds (rule.kind):"),
        "checks-heading": ("审核检查（发现代码）：", "Audit checks (finding codes):"),
        "form-checks-heading": ("{form}专用的审核检查：", "Audit checks of the {form} form only:"),
        "example-rule-pass": ("例（得满分）：{title}", "Example (full points): {title}"),
        "example-rule-fail": ("例（失分）：{title}", "Example (points lost): {title}"),
        "example-check-pass": ("例（无此发现）：{title}", "Example (nothing found): {title}"),
        "example-check-fail": ("例（有此发现）：{title}", "Example (found): {title}"),
        "rules-examples": (
            "每种规则后附例子，各是一段 YAML：points 为本项分值（type: deduction 为扣分项），rule 为评分标准中该项的规则，figures、facts、evidence、judgements 为数据文件中的相应内容（judgements 中 x 指本项），score 为按规则应得的分数。",
            "Each kind is followed by examples, each a YAML block: points is the node's points (type: deduction for a deduction), rule the node's rule as a rubric writes it, figures, facts, evidence and judgements what the data file holds (x in judgements is the node), score what the rule gives.",
        ),
        "checks-examples": (
            "每项检查后附例子，各是一段 YAML：rubric 为评分标准中与之相关的部分（未写的按自带评分标准），data 为数据文件中与之相关的部分；前者查无此项发现，后者有。",
            "Each check is followed by examples, each a YAML block: rubric is the part of a rubric it reads (or the data names a bundled one), data the part of a data file; the first finds nothing, the second finds what the check looks for.",
        ),
        "internal-error": (
            "selfeval：内部错误：{detail}（加 --debug 查看详情）",
            "selfeval: internal error: {detail} (run with --debug for details)",
        ),
    }
)
MESSAGES.update(
    {
        # ------------------------------------------------------------ tables
        "col-number": ("编号", "No."),
        "col-id": ("ID", "ID"),
        "col-title": ("指标", "Indicator"),
        "col-points": ("分值", "Points"),
        "col-score": ("得分", "Score"),
        "col-claimed": ("自评", "Claimed"),
        "col-claimed-minus": ("自评−核算", "Claimed − computed"),
        "col-rank": ("名次", "Rank"),
        "col-county": ("县（市、区）", "County"),
        "col-year": ("年度", "Year"),
        "col-standard": ("基本分", "Standard"),
        "col-bonus": ("加分", "Bonus"),
        "col-deduction": ("扣分", "Deduction"),
        "col-total": ("总分", "Total"),
        "col-grade": ("等次", "Grade"),
        "col-audit-errors": ("审核错误", "Audit errors"),
        "col-file": ("文件", "File"),
        "col-kind": ("类别", "Kind"),
        "col-item": ("项目", "Item"),
        "col-change": ("变化", "Change"),
        "change-range": ("{low}至{high}", "{low} to {high}"),
        "col-unit": ("单位", "Unit"),
        "line-node": ("得分", "score"),
        "line-score": ("合计", "total"),
        "line-figure": ("数据", "figure"),
        "sev-error": ("错误", "error"),
        "sev-warning": ("警告", "warning"),
        "sev-info": ("提示", "note"),
        "not-applicable-short": ("不适用", "n/a"),
        "ranking-title": ("排名", "Ranking"),
        "score-summary": (
            "基本分 {standard}/{standard_max}  加分 {bonus}/{bonus_max}  扣分 {deduction}/{deduction_max}  总分 {total}{claimed}  等次 {grade}",
            "standard {standard}/{standard_max}  bonus {bonus}/{bonus_max}  deduction {deduction}/{deduction_max}  total {total}{claimed}  grade {grade}",
        ),
        "score-claimed": ("，自评 {claimed}", ", claimed {claimed}"),
        "score-vetoes": ("一票否决：{titles}", "one-vote veto: {titles}"),
        "score-footnote": (
            "* 规则为推定，“selfeval explain 编号”查看依据。审核发现 {errors} 个错误、{others} 个警告或提示（selfeval audit 查看）。",
            "* an inferred rule: 'selfeval explain NUMBER' shows its basis. The audit finds {errors} errors and {others} warnings or notes (selfeval audit).",
        ),
        "findings-none": ("{label}：未发现问题。", "{label}: no findings."),
        "findings-head": (
            "{label}：{errors} 个错误，{warnings} 个警告，{notes} 条提示",
            "{label}: {errors} errors, {warnings} warnings, {notes} notes",
        ),
        "finding-line": ("第{line}行：", "line {line}: "),
        # No space in the Chinese form: the line then folds at the width, not at the one space.
        "finding": ("【{severity}】{at}{code}{message}", "[{severity}] {at}{code}{message}"),
        "gaps-head": (
            "{who}：总分 {total}，失分 {n} 处，按对总分的影响从大到小：",
            "{who}: total {total}; {n} places lost points, largest effect on the total first:",
        ),
        "gaps-none": ("  无失分项。", "  No points lost."),
        "gap-lost": ("- 失{lost}分{absorbed}  {node}", "- {lost} lost{absorbed}  {node}"),
        "gap-deducted": ("- 扣{lost}分{absorbed}  {node}", "- {lost} taken off{absorbed}  {node}"),
        "gap-absorbed": (
            "（因上级封顶，实际影响总分 {effect} 分）",
            " (a cap above absorbs some: {effect} on the total)",
        ),
        "gap-unknown": (
            "- 得分未定（{range}分），最多失{lost}分{absorbed}  {node}",
            "- undecided ({range}), at most {lost} lost{absorbed}  {node}",
        ),
        "gap-decide": ("    查明：{what}", "    to settle: {what}"),
        "gap-why": ("    原因：{why}", "    why: {why}"),
        "gap-fix": ("    挽回：{fix}", "    to recover: {fix}"),
        "explain-points": ("{node}（分值{points}分）", "{node} ({points} points)"),
        "explain-deduction-points": ("{node}（最多扣{points}分）", "{node} (at most {points} off)"),
        "explain-where": ("所属：{path}", "under: {path}"),
        "explain-rule": ("评分规则：{rule}", "rule: {rule}"),
        "explain-note": ("评分标准注释：{note}", "rubric note: {note}"),
        "explain-assumed": (
            "（此规则为推定：评分标准原文未写明，依据见注释）",
            "(an inferred rule: the standard's text does not state it; the note says on what grounds)",
        ),
        "explain-inputs": ("所用数据：", "inputs:"),
        "explain-input": ("  {title}（{key}{line}）：{value}", "  {title} ({key}{line}): {value}"),
        "explain-line": ("，第{line}行", ", line {line}"),
        "explain-score": ("得分：{score}分{claimed}", "score: {score}{claimed}"),
        "explain-claimed": ("（自评{claimed}分）", " (claimed {claimed})"),
        "explain-why": ("理由：{why}", "why: {why}"),
        "explain-fix": ("挽回：{fix}", "to recover: {fix}"),
    }
)
MESSAGES.update(
    {
        # ------------------------------------------------------------ command-line help
        "help-app": (
            "按 YAML 评分标准为困难群众救助工作绩效自评打分，核对自评所述是否有据，生成自评报告。",
            "Score a county's social-assistance self-evaluation against a YAML rubric, "
            "audit its claims, and render the Chinese report.",
        ),
        "help-rubric": (
            "评分标准文件或自带评分标准的编号，如 caiyu-2020-project（默认：数据文件所写的那个）",
            "Rubric file, or a bundled rubric's id such as caiyu-2020-project (default: the one the data names).",
        ),
        "help-out": (
            "把结果写入此文件（原子写入；默认打印到屏幕）",
            "Write the result to this file, atomically (default: print it).",
        ),
        "help-force": ("覆盖已存在的 --out 文件", "Overwrite an existing --out file."),
        "help-format": (
            "输出格式：{formats}（默认按 --out 的后缀判断）",
            "Output format: {formats} (default: from --out's suffix).",
        ),
        "help-lang": (
            "界面语言：zh（中文，默认）或 en（也可设环境变量 SELFEVAL_LANG）",
            "Language: zh (default) or en (or set SELFEVAL_LANG).",
        ),
        "help-quiet": ("只输出结果和错误", "Print only results and errors."),
        "help-verbose": ("多说一些（如所用的评分标准）", "Say more (such as the rubric used)."),
        "help-ids": (
            "显示内部编号（节点、关系、发现代码），供编写评分标准时用",
            "Show internal ids (nodes, relations, finding codes).",
        ),
        "help-debug": ("出错时显示程序调用栈", "Show tracebacks for errors."),
        "help-version": ("显示版本", "Print the version."),
        "help-validate": (
            "检查评分标准和数据文件；每个问题输出为 路径:行:列: 级别: 说明",
            "Check rubric and data files; print path:line:col: severity: message for every problem.",
        ),
        "help-files-any": (
            "评分标准或数据文件、文件夹或通配符（- 表示标准输入）",
            "Rubric or data files, folders or globs (- for standard input).",
        ),
        "help-files-data": (
            "数据文件、文件夹或通配符（- 表示标准输入）",
            "Data files, folders or globs (- for standard input).",
        ),
        "help-file-data": ("一个县的数据文件（- 表示标准输入）", "A county data file (- for standard input)."),
        "help-file-example": (
            "数据文件（默认：自带的平罗县示例）",
            "County data file (default: the bundled Pingluo example).",
        ),
        "help-score": (
            "评分：一个文件给出明细，多个文件给出排名",
            "Score county data: one file in detail, several as a ranking.",
        ),
        "help-fail-under": ("总分低于此值时以 1 退出", "Exit 1 when a total is below this."),
        "help-gaps": ("列出失分项及挽回办法", "List the points lost and how to recover them."),
        "help-sort": ("排名顺序", "Ranking order."),
        "help-separate": (
            "文件按不同评分标准评分时，按评分标准分别排名（否则拒绝混排）",
            "Rank each rubric's files apart when a batch mixes rubrics (else it is refused).",
        ),
        "help-jobs": ("大批量时用的进程数（0：自动）", "Processes for large batches (0: automatic)."),
        "help-audit": (
            "列出自评所述中与其证据不符之处",
            "List every claim in a report that its own evidence does not support.",
        ),
        "help-fail-on": ("有此级别或更严重的发现时以 1 退出", "Exit 1 on findings at this level or worse."),
        "help-report": (
            "生成自评报告；审核摘要输出到标准错误",
            "Render the self-evaluation report; the audit's summary goes to stderr.",
        ),
        "help-template": ("自定义 Jinja2 模板（在沙箱中渲染）", "Your own Jinja2 template (rendered sandboxed)."),
        "help-with-audit": ("在报告后附审核发现", "Append the audit findings."),
        "help-final": (
            "定稿：数据文件尚有待填处时不写报告（默认写出，每页标明草稿）",
            "Final: write nothing while the data file leaves places to fill (by default the report is marked a draft on every page).",
        ),
        "draft-mark": ("【草稿：尚有{n}处待填】", "[DRAFT: {n} places still to fill]"),
        "report-draft": (
            "{who}：数据文件尚有{n}处待填，报告每页标明草稿（selfeval validate {path} 列出各处；定稿用 --final）",
            "{who}: the data file leaves {n} places to fill; the report is marked a draft on every page (selfeval validate {path} lists them; --final for the final copy)",
        ),
        "report-not-final": (
            "{who}：数据文件尚有{n}处待填，--final 不写报告：",
            "{who}: the data file leaves {n} places to fill; --final writes no report:",
        ),
        "help-scores": (
            "computed：按证据计算的得分（默认）；claimed：报告所写的自评得分",
            "computed: the scores the evidence gives (default); claimed: the county's own.",
        ),
        "help-report-fail-on": (
            "审核有此级别或更严重的发现时不写报告",
            "Write nothing when the audit finds problems at this level or worse.",
        ),
        "help-init": (
            "写出一个待填写的数据文件：空白的，或由去年的文件生成（--from）",
            "Write a data file to fill in: blank, or next year's started from this year's (--from).",
        ),
        "help-init-out": ("要创建的数据文件", "The data file to create."),
        "help-from": (
            "去年的数据文件：保留县名、证明材料清单和各项文字",
            "Last year's data file: keep the county, evidence list and text.",
        ),
        "help-name": ("县（市、区）名称", "County name."),
        "help-year": (
            "评价年度（默认：--from 的次年，否则去年）",
            "Year evaluated (default: the one after --from's, else last year).",
        ),
        "help-example": ("改为写出自带的平罗县示例", "Write the bundled Pingluo example instead."),
        "help-compare": (
            "逐项对比两个数据文件的得分和数据",
            "Compare two data files node by node, with the key figures and their change.",
        ),
        "help-compare-a": ("第一个数据文件（如去年）", "First data file (e.g. last year)."),
        "help-compare-b": ("第二个数据文件（如今年）", "Second data file (e.g. this year)."),
        "help-explain": (
            "解释一项指标：分值、规则、所用数据、得分及理由",
            "Explain one indicator: its points, rule, the inputs it reads and the score.",
        ),
        "help-node": (
            "指标编号（如 27、（九）、二）或 ID（如 c27）",
            "The indicator's number (27, （九）, 二) or id (c27).",
        ),
        "help-rules": (
            "列出评分标准可用的规则类型和审核检查",
            "List the rule kinds a rubric can use, and the audit checks.",
        ),
        "not-a-number": ("“{value}”不是数字", "'{value}' is not a number"),
        "help-html-many": ("；html 用于多个文件", "; html for many files"),
        # ------------------------------------------------------------ the command line's frame
        "cli-usage": ("用法：", "Usage: "),
        "cli-arguments": ("参数：", "Arguments:"),
        "cli-options": ("选项：", "Options:"),
        "cli-commands": ("命令：", "Commands:"),
        "cli-options-metavar": ("[选项]", "[OPTIONS]"),
        "cli-command-metavar": ("命令 [参数]...", "COMMAND [ARGS]..."),
        "cli-required": ("必填", "required"),
        "cli-default": ("默认：{value}", "default: {value}"),
        "cli-env-var": ("环境变量：{value}", "env var: {value}"),
        "cli-help-help": ("显示本帮助并退出", "Show this message and exit."),
        "cli-help-install-completion": ("为当前 shell 安装命令补全", "Install completion for the current shell."),
        "cli-help-show-completion": (
            "显示当前 shell 的命令补全脚本，供复制或自行安装",
            "Show completion for the current shell, to copy it or customize the installation.",
        ),
        "cli-try-help": ("运行 {command} 查看帮助。", "Try '{command}' for help."),
        "cli-error": ("错误：{message}", "Error: {message}"),
        "cli-colon": ("：{text}", ": {text}"),
        "cli-missing-argument": ("缺少参数 {name}", "missing argument {name}"),
        "cli-missing-option": ("缺少选项 {name}", "missing option {name}"),
        "cli-no-such-option": ("没有 {name} 这个选项", "no such option: {name}"),
        "cli-near-options": ("（相近的选项：{names}）", " (possible options: {names})"),
        "cli-bad-choice": (
            "{name} 的值“{value}”不可用，可选：{choices}",
            "{name}: '{value}' is not one of {choices}",
        ),
        "cli-bad-value": ("{name} 的值“{value}”不是{type}", "{name}: '{value}' is not a valid {type}"),
        "cli-type-integer": ("整数", "integer"),
        "cli-type-float": ("数", "number"),
        "cli-type-boolean": ("是/否值", "boolean"),
        "cli-type-uuid": ("UUID", "UUID"),
        "cli-bad-parameter": ("{name} 的值有误：{message}", "invalid value for {name}: {message}"),
        "cli-option-needs-value": ("选项 {name} 后面要跟一个值", "option {name} requires a value"),
        "cli-option-takes-no-value": ("选项 {name} 不带值", "option {name} does not take a value"),
        "cli-no-such-command": ("没有 {name} 这个命令{hint}", "no such command: {name}{hint}"),
        "cli-extra-arguments": ("多余的参数：{args}", "unexpected extra arguments: {args}"),
        "cli-missing-command": ("缺少命令", "missing command"),
        "cli-aborted": ("已中止", "Aborted!"),
    }
)
MESSAGES.update({"progress-scoring": ("评分中", "scoring")})
MESSAGES.update(
    {
        "docx-line": (
            "{where}: Word 模板的每一行须以“@样式名 ”开头",
            "{where}: each line of a Word template must start with '@style '",
        ),
        "docx-style": (
            "{where}: 参考文档中没有样式“{style}”",
            "{where}: the reference document has no style '{style}'",
        ),
    }
)
MESSAGES.update(
    {
        "csv-id": ("编号（ID）", "ID"),
        "csv-number": ("编号", "No."),
        "csv-title": ("指标", "Indicator"),
        "csv-type": ("类型", "Type"),
        "csv-depth": ("层级", "Depth"),
        "csv-max": ("分值", "Points"),
        "csv-score": ("得分", "Score"),
        "csv-score_max": ("最高可得", "Highest possible"),
        "csv-claimed": ("自评", "Claimed"),
        "csv-differs": ("不一致", "Differs"),
        "csv-assumed": ("推定规则", "Inferred rule"),
        "csv-status": ("状态", "Status"),
        "csv-explanation": ("说明", "Explanation"),
        "csv-rank": ("名次", "Rank"),
        "csv-name": ("县（市、区）", "County"),
        "csv-year": ("年度", "Year"),
        "csv-standard": ("基本分", "Standard"),
        "csv-standard_max": ("基本分最高可得", "Highest possible standard"),
        "csv-bonus": ("加分", "Bonus"),
        "csv-bonus_max": ("加分最高可得", "Highest possible bonus"),
        "csv-deduction": ("扣分", "Deduction"),
        "csv-deduction_min": ("扣分最少", "Lowest possible deduction"),
        "csv-total": ("总分", "Total"),
        "csv-total_max": ("总分最高可得", "Highest possible total"),
        "csv-grade": ("等次", "Grade"),
        "csv-claimed_total": ("自评总分", "Claimed total"),
        "csv-audit_errors": ("审核错误", "Audit errors"),
        "csv-rubric": ("评分标准", "Rubric"),
        "csv-claimed_minus_computed": ("自评−核算", "Claimed − computed"),
        "csv-adjustments": ("评审调整", "Adjustments"),
        "csv-duplicate_of": ("重复于", "Duplicate of"),
        "csv-path": ("文件", "File"),
        "csv-error": ("错误", "Error"),
        "csv-file": ("文件", "File"),
        "csv-line": ("行", "Line"),
        "csv-col": ("列", "Column"),
        "csv-severity": ("级别", "Severity"),
        "csv-code": ("代码", "Code"),
        "csv-subject": ("对象", "Subject"),
        "csv-message": ("说明", "Message"),
        "csv-stated": ("报告所述", "Stated"),
        "csv-expected": ("核算结果", "Expected"),
        "csv-kind": ("类别", "Kind"),
        "csv-a": ("甲", "A"),
        "csv-b": ("乙", "B"),
        "csv-change": ("变化", "Change"),
        "csv-unit": ("单位", "Unit"),
        "col-differs": ("差异", "Difference"),
        "col-explanation": ("说明", "Explanation"),
        "sheet-score": ("评分表", "Scores"),
        "sheet-table": ("自评表", "table"),
        "sheet-ranking": ("排名", "Ranking"),
        "sheet-matrix": ("指标矩阵", "Indicators"),
        "sheet-findings": ("审核发现", "Findings"),
        "sheet-ledger": ("评审调整", "Adjustments"),
        "col-line": ("行", "Line"),
        "col-severity": ("级别", "Severity"),
        "col-code": ("代码", "Code"),
        "col-message": ("说明", "Message"),
        "col-stated": ("所述", "Stated"),
        "col-expected": ("核算", "Expected"),
        "col-adjust-count": ("评审调整", "Adjustments"),
        "col-note": ("备注", "Note"),
        "col-before": ("调整前", "Before"),
        "col-after": ("调整后", "After"),
        "col-reason": ("理由", "Reason"),
        "col-reviewer": ("评审", "Reviewer"),
        "col-date": ("日期", "Date"),
        "col-evidence": ("依据", "Evidence"),
        "col-ledger": ("台账位置", "Ledger entry"),
        "ranking-failed-short": ("未能评分", "not scored"),
        "duplicate-of": ("与 {others} 重复", "duplicate of {others}"),
    }
)
MESSAGES.update(
    {
        "unit-kinds": (
            "单位“{unit}”与“{to}”不是同一类量，不能换算",
            "'{unit}' and '{to}' measure different things and do not convert",
        ),
    }
)
MESSAGES.update({})
MESSAGES.update(
    {
        "rubrics-mixed": (
            "这些文件按不同的评分标准评分，不能在一张表中排名：{groups}。加 --separate 按评分标准分别排名",
            "these files are scored against different rubrics and cannot be ranked in one table: {groups}. Add --separate to rank each rubric's files apart",
        ),
        "rubric-group": ("{rubric}（{n} 个文件，如 {example}）", "{rubric} ({n} files, e.g. {example})"),
        "compare-rubrics": (
            "两个文件按不同的评分标准评分（{a}；{b}），无法逐项比较",
            "the two files are scored against different rubrics ({a}; {b}) and cannot be compared item by item",
        ),
        "ranking-title-rubric": ("排名 · {rubric}", "Ranking · {rubric}"),
        # ------------------------------------------------------------ the reviewer's ledger
        "adjust-no-reason": ("调整须写明理由", "an adjustment needs its reason in writing"),
        "adjust-one-change": (
            "每条调整写 score（调整后得分）或 deduct（扣减分数）之一",
            "each adjustment gives either score (the new score) or deduct (points taken off)",
        ),
        "adjust-unknown-node": (
            "评分标准中没有指标“{node}”{hint}",
            "the rubric has no node '{node}'{hint}",
        ),
        "adjust-over": (
            "调整后得分{score}分超过“{node}”的分值{points}分",
            "the new score {score} exceeds the {points} points of '{node}'",
        ),
        "adjust-deduct-over": (
            "扣减{deduct}分超过“{node}”的分值{points}分",
            "taking off {deduct} exceeds the {points} points of '{node}'",
        ),
        "adjust-twice": ("指标“{node}”已有一条调整", "'{node}' is adjusted twice"),
        "adjust-unmatched": (
            "这条调整所指的{county} {year}年不在所评的文件中",
            "this adjustment is for {county} {year}, which is not among the files scored",
        ),
        "help-adjustments": (
            "评审调整台账（YAML）：按县和年度记录的调整，在按规则计分之后计入",
            "A reviewer's ledger (YAML): adjustments by county and year, applied after the rules.",
        ),
        "adjust-none": ("调整台账 {path} 中没有{who}的调整", "the ledger {path} has no adjustment for {who}"),
        "duplicate-file": (
            "{path}: 与 {others} 为同一县同一年度（重复）",
            "{path}: the same county and year as {others} (a duplicate)",
        ),
        # ------------------------------------------------ duplicates ranked once, the ledger checked on its own
        "duplicate-unranked": (
            "{path}: 与 {ranked} 为同一县同一年度（重复），不参与排名（同一县同一年度只排名路径在前的文件）",
            "{path}: the same county and year as {ranked} (a duplicate), not ranked (of one county and year, the file first by path is ranked)",
        ),
        "duplicate-unranked-short": ("与 {ranked} 重复，不参与排名", "duplicate of {ranked}, not ranked"),
        "duplicates-note": ("另有重复文件 {others}（不参与排名）", "also given as {others} (not ranked)"),
        "adjust-not-applied": (
            "✗ {node}：评审调整未采用（{why}；{where}）",
            "✗ {node}: adjustment not applied ({why}; {where})",
        ),
        "adjust-applied": ("已采用", "applied"),
        "adjust-refused": ("未采用：{why}", "not applied: {why}"),
        "refused-note": ("{n} 条评审调整未采用", "{n} adjustments not applied"),
        "audit-rubric-findings": (
            "评分标准本身有 {n} 个发现（{rubrics}），单独列出，不计入任何县",
            "the rubric itself has {n} findings ({rubrics}), listed apart and counted against no county",
        ),
        "csv-not_applied": ("未采用的评审调整", "Adjustments not applied"),
        "csv-duplicates": ("重复文件", "Duplicates"),
        "audit-many-summary": (
            "审核了 {files} 个文件，{bad} 个有发现（{errors} 个错误，{warnings} 个警告）",
            "audited {files} files, {bad} with findings ({errors} errors, {warnings} warnings)",
        ),
        "duplicate-mark": ("（重复）", " (duplicate)"),
        "ranking-failed": ("{path}: 未能评分，不在排名中：{why}", "{path}: not scored, not ranked: {why}"),
        "adjusted-line": (
            "† {node}：评审调整{before}→{after}分（{reason}{by}；{where}）",
            "† {node}: adjusted by review {before} → {after} ({reason}{by}; {where})",
        ),
        "html-title": ("自评结果汇总", "Self-evaluation results"),
        "binary-to-terminal": (
            "{format} 是文件格式，不能显示在终端上；请用 --out 指定文件，如 --out 结果.{format}",
            "{format} is a file format, not for a terminal; name a file with --out, e.g. --out result.{format}",
        ),
        "expr-too-long": ("公式超过 {limit} 个字符", "the formula is longer than {limit} characters"),
        "expr-too-many": (
            "公式超过 {limit} 个数、名称和运算符",
            "the formula has more than {limit} numbers, names and operators",
        ),
        "expr-too-deep": (
            "括号、函数或正负号嵌套超过 {limit} 层",
            "parentheses, calls or signs nest deeper than {limit}",
        ),
        "metric-chain": (
            "指标“{metric}”经 {depth} 层指标才算出，超过 {limit} 层",
            "metric '{metric}' reads through {depth} levels of metrics, more than {limit}",
        ),
        "template-too-large": (
            "{where}: 模板输出超过 {limit} 个字符",
            "{where}: the template's output exceeds {limit} characters",
        ),
        "template-value-too-large": (
            "{where}: 模板拼出的文字或列表超过 {limit} 个字符或项，已停止",
            "{where}: the template built text or a list of more than {limit} characters or items; stopped",
        ),
        "template-too-much-memory": (
            "{where}: 模板占用内存超过 {limit} MB，已停止（模板不应反复倍增文字或列表）",
            "{where}: the template took more than {limit} MB of memory; stopped (a template should not keep doubling text or lists)",
        ),
        "template-too-slow": (
            "{where}: 模板运行超过 {limit} 秒，已停止",
            "{where}: the template ran longer than {limit} seconds; stopped",
        ),
        "template-nested": (
            "{where}: 模板嵌套过深（for、if、宏一层套一层太多），无法编译",
            "{where}: the template nests too deep (for, if and macros inside each other) to compile",
        ),
        "template-recursion": (
            "{where}: 模板递归过深（宏调用自身？）",
            "{where}: the template recurses too deep (a macro calling itself?)",
        ),
        "data-with-rubric": (
            "数据文件中混入了评分标准的内容（{keys}）：评分标准应单独成文件，请从数据文件中删除",
            "the data file holds rubric content ({keys}): a rubric is a file of its own; delete it here",
        ),
    }
)

# the rubric author's reference (selfeval rules), did-you-mean and comparing rubrics
MESSAGES.update(
    {
        "unknown-kind-hint": (
            "未知的类型“{tag}”{hint}；可用：{choices}",
            "unknown kind '{tag}'{hint}; known: {choices}",
        ),
        "expect-one-of-hint": (
            "“{got}”不是可用的值{hint}；可用：{choices}",
            "'{got}' is not allowed{hint}; allowed: {choices}",
        ),
        "comparator-ascii": (
            "比较符须用半角（英文）符号书写，可用：{choices}；“{got}”应写作“{want}”",
            "comparators are written in ASCII: {choices}; write '{got}' as '{want}'",
        ),
        "yaml-said": ("YAML 格式错误：{what}", "YAML syntax error: {what}"),
        "yaml-indent-more": (
            "“{key}”比上一行的键多缩进了，被读成了上一行的值的接续；同一层的键须从同一列开始（只用空格）",
            "'{key}' is indented more than the key above, so it reads as the rest of that value; keys of one level start in one column (spaces only)",
        ),
        "yaml-colon-in-value": (
            "“{key}”的值中有“: ”（冒号加空格），YAML 把它读成了又一个键；含冒号的值须整段加引号：{key}: {value}",
            "the value of '{key}' holds ': ' (a colon and a space), which YAML reads as another key; quote the whole value: {key}: {value}",
        ),
        "yaml-indent-off": (
            "这一行与上面同一层的键没有对齐（同一层的键须从同一列开始，只用空格缩进），或上一行在值之后多了内容",
            "this line is not in line with the keys of its level above (keys of one level start in one column, indented with spaces only), or the line above has more after its value",
        ),
        "yaml-list-indent": (
            "这一行在列表中，却没有以“- ”开头，或缩进与列表的各项不一致",
            "this line is inside a list but does not start with '- ', or is indented unlike the list's items",
        ),
        "yaml-list-here": (
            "这里不能开始列表（“- ”）：列表须另起一行，写在一个以冒号结尾的键下面并缩进",
            "a list ('- ') cannot start here: it goes on lines of its own, indented under a key ending in a colon",
        ),
        "yaml-no-colon": (
            "这一行缺少冒号“:”，或冒号后缺少空格",
            "a ':' is missing on this line, or the space after it",
        ),
        "yaml-quote-open": ("引号没有闭合", "a quotation mark is not closed"),
        "yaml-bracket-open": (
            "方括号 [ 没有闭合：列表写作 [a, b]，各项之间用英文逗号",
            "a [ is not closed: a list is written [a, b], its items separated by ASCII commas",
        ),
        "yaml-brace-open": (
            "花括号 {{ 没有闭合：键值对写作 {{a: 1, b: 2}}，各项之间用英文逗号",
            "a {{ is not closed: a mapping is written {{a: 1, b: 2}}, its entries separated by ASCII commas",
        ),
        "yaml-alias-undefined": ("引用了未定义的锚点（*名称）", "an alias (*name) names no anchor"),
        "yaml-bad-start": (
            "值以 YAML 不允许开头的字符（如 @、`、%）开始；请给整个值加引号",
            "a value starts with a character YAML does not allow there (@, `, %); quote the whole value",
        ),
        "yaml-tab": (
            "缩进里有制表符 Tab：YAML 只能用空格缩进，请把 Tab 换成空格",
            "the indentation holds a Tab: YAML indents with spaces only; replace the Tab with spaces",
        ),
        "yaml-reference": (
            "以 {{引用}} 开头的文字须整段加引号，如 text: '{{towns}}个乡镇…'",
            "a text that starts with a {{reference}} must be quoted: text: '{{towns}}…'",
        ),
        "yaml-hint-general": (
            "（请检查这一行及上一行的缩进、冒号和引号）",
            " (check the indentation, colons and quotation marks of this line and the one above)",
        ),
        "compare-node-words": ("{type}，{points}分", "{type}, {points} points"),
        "compare-top": ("顶层", "the top"),
        "compare-unmatched-a": (
            "以下指标只在 {rubric} 中，{other} 中没有对应项（按编号、序号和标题都未能对应）：{nodes}",
            "only in {rubric}, matching nothing in {other} (by id, number or title): {nodes}",
        ),
        "compare-unmatched-b": (
            "以下指标只在 {rubric} 中，{other} 中没有对应项（按编号、序号和标题都未能对应）：{nodes}",
            "only in {rubric}, matching nothing in {other} (by id, number or title): {nodes}",
        ),
        "compare-renamed": (
            "按序号和标题对应、编号不同的指标：{pairs}",
            "matched by number and title under other ids: {pairs}",
        ),
        "compare-across": (
            "两个文件按不同的评分标准评分（{a}；{b}），指标按编号、序号和标题对应",
            "the two files are scored against different rubrics ({a}; {b}); nodes are matched by id, number and title",
        ),
        "compare-nothing-matched": (
            "两个文件按不同的评分标准评分（{a}；{b}），且没有一个指标能按编号、序号或标题对应，无法比较",
            "the two files are scored against different rubrics ({a}; {b}) and no node matches by id, number or title; nothing to compare",
        ),
        "compare-changed-only": ("（只列出有变化的行，以及总分）", "(only the lines that changed, and the total)"),
        "compare-no-changes": ("两个评分标准的指标和设置完全相同", "the two rubrics have the same nodes and settings"),
        "change-added": ("新增", "added"),
        "change-removed": ("删除", "removed"),
        "change-moved": ("移动", "moved"),
        "change-points": ("分值", "points"),
        "change-rule": ("规则", "rule"),
        "change-title": ("标题", "title"),
        "change-type": ("类型", "type"),
        "change-cap": ("上限", "cap"),
        "change-node": ("其他", "other"),
        "change-key": ("设置", "setting"),
        "col-before": ("原", "Before"),
        "col-after": ("现", "After"),
        "col-what": ("变化内容", "What changed"),
        "help-compare-changed": ("只列出有变化的行（以及总分）", "Only the lines that changed (and the total)."),
        "help-compare-rubrics": (
            "比较两个评分标准（A、B 为评分标准文件）：新增、删除、移动的指标，分值、规则、标题和上限的变化",
            "Compare two rubrics (A and B are rubric files): nodes added, removed, moved, re-pointed; rules, titles and caps changed.",
        ),
        "help-rubric-a": ("A 所用的评分标准（默认：A 自己指明的）", "The rubric for A (default: the one A names)."),
        "help-rubric-b": ("B 所用的评分标准（默认：B 自己指明的）", "The rubric for B (default: the one B names)."),
        "csv-before": ("原", "Before"),
        "csv-after": ("现", "After"),
        "csv-detail": ("变化内容", "What changed"),
        "ref-kind": ("规则类型，决定本表中的其他键", "The rule kind, which decides the other keys here"),
        "ref-type-number": ("数", "number"),
        "ref-type-integer": ("整数", "integer"),
        "ref-type-text": ("文字", "text"),
        "ref-type-bool": ("true | false", "true | false"),
        "ref-type-name": ("名称", "name"),
        "ref-type-mapping": ("键值对（见下）", "mapping (below)"),
        "ref-type-list": ("列表，每项：{item}", "list of {item}"),
        "ref-type-dict": ("{key} → {value}", "{key} → {value}"),
        "ref-default-none": ("不写", "none"),
        "ref-required": ("必填", "required"),
        "ref-col-key": ("键", "key"),
        "ref-col-type": ("类型", "type"),
        "ref-col-default": ("默认", "default"),
        "ref-col-doc": ("说明", "meaning"),
        "ref-values": ("{key} 的取值：", "values of {key}:"),
        "ref-rule-keys": ("rule 的键：", "Keys of rule:"),
        "ref-held-one": ("{key} 的键：", "Keys of {key}:"),
        "ref-held-item": ("{key} 每一项的键：", "Keys of each item of {key}:"),
        "ref-held-value": ("{key} 中每个名称下的键：", "Keys under each name in {key}:"),
        "ref-held-item-kind": ("{key} 中 kind: {kind} 一项的键：", "Keys of an item of {key} with kind: {kind}:"),
        "ref-held-one-kind": ("{key}（kind: {kind}）的键：", "Keys of {key} (kind: {kind}):"),
        "ref-held-value-kind": ("{key} 中 kind: {kind} 一项的键：", "Keys of an entry of {key} with kind: {kind}:"),
        "ref-type-node": ("节点", "node"),
        "ref-type-rule": ("规则（见 selfeval rules KIND）", "rule (see selfeval rules KIND)"),
        "ref-default-below": ("见下", "below"),
        "ref-top-keys": ("评分标准顶层的键（各种文件类型都有）：", "Top-level keys of every rubric:"),
        "ref-form-keys": (
            "form: {form}（{title}）的评分标准另有的键：",
            "Keys a form: {form} rubric ({title}) adds:",
        ),
        "ref-node-keys": (
            "节点的键（sections 与 children 的每一项）：",
            "Keys of a node (each item of sections and of children):",
        ),
        "ref-keys-intro": (
            "评分标准的键，由程序读取评分标准所用的模型生成：类型、默认值（“必填”为必须写）和说明。规则 rule 的键见 selfeval rules KIND。",
            "A rubric's keys, generated from the models a rubric is read with: type, default (required: must be written) and meaning. The keys of a rule are in selfeval rules KIND.",
        ),
        "ref-kinds-intro": (
            "selfeval rules KIND 只列出一种规则（或一项审核检查）；selfeval rules --keys 列出评分标准和节点的键。",
            "selfeval rules KIND shows one kind (or one audit check); selfeval rules --keys the keys of a rubric and of a node.",
        ),
        "rules-no-such-kind": (
            "没有名为“{kind}”的规则类型或审核检查{hint}（可用的规则类型：{kinds}）",
            "no rule kind or audit check '{kind}'{hint} (rule kinds: {kinds})",
        ),
        "help-rules-kind": (
            "规则类型（如 threshold）或审核检查的代码；省略则列出全部",
            "A rule kind (threshold) or an audit check's code; left out, all of them.",
        ),
        "help-rules-keys": (
            "列出评分标准顶层和节点的键（类型、默认值、说明）",
            "List the keys of a rubric and of a node (type, default, meaning).",
        ),
    }
)

# the county's workbooks (评分表, the form's table): title, byline, page numbers
MESSAGES.update(
    {
        "xlsx-score-title": (
            "{name}{year}年度{work}绩效自评评分表",
            "{name} {year}: {work} self-evaluation score sheet",
        ),
        "xlsx-byline": ("被评单位：{name}　　年度：{year}年", "Evaluated: {name}    Year: {year}"),
        "xlsx-dated": ("成文日期：{year}年{month}月{day}日", "Dated: {year}-{month}-{day}"),
        "xlsx-page-of": ("第 &P 页 共 &N 页", "Page &P of &N"),
    }
)

# the rubric author's kit: JSON Schema, rubric test cases, the rubric search path
MESSAGES.update(
    {
        # ---------------------------------------------------------------- JSON Schema: titles and keys
        "schema-title-rubric": ("selfeval 评分标准文件", "selfeval rubric file"),
        "schema-title-data": ("selfeval 数据文件", "selfeval data file"),
        "schema-title-data-for": (
            "selfeval 数据文件（评分标准 {id} {version}）",
            "selfeval data file (rubric {id} {version})",
        ),
        "schema-total": ("总分", "the total"),
        "schema-DataBase.subject": ("被评对象：县（市、区）名称与年度", "Subject: the county (district) and the year"),
        "schema-DataBase.rubric": (
            "评分标准：所依据的评分标准的编号与版本（可写 path 指向文件）",
            "Rubric: the id and version of the rubric scored against (path: its file)",
        ),
        "schema-DataBase.figures": (
            '数据：报告中的各项数字，按数据名填写；可写 910.38、"910.38万元"、"约260人次"、未知（得分成区间）、~（待填）',
            'Figures: the report\'s numbers by name; 910.38, "910.38万元", "约260人次", 未知 (a range), ~ (to fill)',
        ),
        "schema-DataBase.facts": (
            "事实：是/否的情况，可写 是、否、true、false、√、×",
            "Facts: yes/no statements; 是, 否, true, false, √, ×",
        ),
        "schema-DataBase.evidence": (
            "证明材料：按材料名列出文件（标题、文号）",
            "Evidence: documents by slot (title, number)",
        ),
        "schema-DataBase.judgements": (
            "评审意见：按指标编号给出评分（points 或 tier）与理由",
            "Judgements: an assessor's points or tier and reason, by node id",
        ),
        "schema-DataBase.not_applicable": (
            "不适用：按指标编号写明不适用的原因",
            "Not applicable: the reason, by node id",
        ),
        "schema-DataBase.claims": (
            "自评得分：按指标编号填写；total 为自评总分",
            "Claims: the self-assessed score by node id; total for the overall claim",
        ),
        "schema-DataBase.points": (
            "分值：报告写明的各项分值；total 为标准总分",
            "Points: the points the report states by node id; total for the standard total",
        ),
        "schema-DataBase.relations": (
            "数据关系：本县补充的数据核对关系",
            "Relations: the county's own checks between figures",
        ),
        "schema-Subject.name": ("名称：县（市、区）名称，如 平罗县", "Name: the county (district), e.g. 平罗县"),
        "schema-Subject.year": ("年度：评价的年度，如 2020", "Year: the year evaluated, e.g. 2020"),
        "schema-Subject.province": ("省份：如 宁夏回族自治区", "Province: e.g. 宁夏回族自治区"),
        "schema-Subject.code": ("代码：行政区划代码", "Code: the administrative division code"),
        "schema-RubricRef.id": ("编号：评分标准的 id", "Id: the rubric's id"),
        "schema-RubricRef.version": (
            '版本：评分标准的 version（加引号，如 "2020.1"）',
            'Version: the rubric\'s version (quoted, e.g. "2020.1")',
        ),
        "schema-RubricRef.path": (
            "路径：评分标准文件，相对于本数据文件",
            "Path: the rubric file, relative to this data file",
        ),
        "schema-Figure.value": (
            '数值：可带单位，如 "910.38万元"；未知、~ 亦可',
            'Value: with its unit if need be, e.g. "910.38万元"; 未知 or ~ too',
        ),
        "schema-Figure.unknown": (
            "未知：原文未载明，得分成区间",
            "Unknown: the source does not show it; the score becomes a range",
        ),
        "schema-Figure.unit": ("单位：如 万元、人、%", "Unit: e.g. 万元, 人, %"),
        "schema-Figure.title": (
            "名称：这项数据是什么（评分标准未列的数据必须写）",
            "Title: what the figure is (required for one the rubric does not list)",
        ),
        "schema-Figure.approx": ("约数：原文写约、近、以上", "Approximate: the source says 约, 近, 以上"),
        "schema-Figure.note": ("备注", "Note"),
        "schema-Evidence.title": ("标题：文件或记录的名称", "Title: the document's or record's title"),
        "schema-Evidence.number": (
            "文号：如 平民发〔2020〕34号；没有文号写 无，待填写 ~",
            "Number: e.g. 平民发〔2020〕34号; 无 for none, ~ to fill",
        ),
        "schema-Evidence.issuer": ("发文单位", "Issuer"),
        "schema-Evidence.kind": (
            "类别：document（文件）、record（记录）、meeting（会议）、other（其他）",
            "Kind: document, record, meeting or other",
        ),
        "schema-Evidence.note": ("备注", "Note"),
        "schema-Fact.value": ("是否：是、否、true、false；待填写 ~", "Value: 是, 否, true, false; ~ to fill"),
        "schema-Fact.note": ("备注", "Note"),
        "schema-Judgement.points": ("评分：评审给出的分数", "Points: the points the assessor gives"),
        "schema-Judgement.tier": ("档次：评审认定的完成档次", "Tier: the tier of achievement judged"),
        "schema-Judgement.reason": ("理由：评分的书面理由", "Reason: the reason in writing"),
        "schema-Judgement.by": ("评审人", "By: the assessor"),
        "schema-RubricBase.form": (
            "文书形式：narrative（自评报告）或 project_table（项目支出绩效自评表）",
            "Form: narrative (自评报告) or project_table (项目支出绩效自评表)",
        ),
        "schema-RubricBase.template": (
            "报告模板：Markdown 模板文件，与评分标准同一文件夹",
            "Template: the Markdown report template, beside the rubric",
        ),
        "schema-RubricBase.templates": (
            "各类模板：markdown、docx、docx-reference",
            "Templates by kind: markdown, docx, docx-reference",
        ),
        "schema-RubricBase.id": (
            "编号：评分标准的 id，数据文件以它指明评分标准",
            "Id: the rubric's id, by which data files name it",
        ),
        "schema-RubricBase.version": ('版本：如 "2020.1"', 'Version: e.g. "2020.1"'),
        "schema-RubricBase.title": ("标题", "Title"),
        "schema-RubricBase.issuer": ("发文机关", "Issuer"),
        "schema-RubricBase.document_number": (
            "文号：如 宁民字〔2020〕83号",
            "Document number: e.g. 宁民字〔2020〕83号",
        ),
        "schema-RubricBase.document_title": ("文件标题", "Document title"),
        "schema-RubricBase.year": ("年度", "Year"),
        "schema-RubricBase.total": ("总分：标准分值合计（默认100）", "Total: the standard points (default 100)"),
        "schema-RubricBase.bonus_cap": ("加分上限", "Bonus cap"),
        "schema-RubricBase.deduction_cap": ("扣分上限", "Deduction cap"),
        "schema-RubricBase.grades": ("等次：名称与最低分，如 优 90", "Grades: a name and the lowest total, e.g. 优 90"),
        "schema-RubricBase.rounding": ("舍入：总分保留的小数位数", "Rounding: the places the total is rounded to"),
        "schema-RubricBase.tolerance": (
            "容差：推算数据与报告所写的允许差距",
            "Tolerance: how far a derived figure may differ from the stated one",
        ),
        "schema-RubricBase.figures": (
            "数据：数据文件要填写的各项数字，按数据名列出名称与单位",
            "Figures: the numbers a data file gives, by name, with title and unit",
        ),
        "schema-RubricBase.facts": (
            "事实：数据文件要回答是/否的情况，按名称列出说明",
            "Facts: the yes/no statements a data file answers, by name",
        ),
        "schema-RubricBase.evidence": (
            "证明材料：数据文件要列出的材料，按名称列出说明",
            "Evidence: the document slots a data file fills, by name",
        ),
        "schema-RubricBase.metrics": (
            "指标：由数据推算的数，写公式 expr",
            "Metrics: numbers computed from figures by an expr",
        ),
        "schema-RubricBase.relations": (
            "数据关系：数据之间应成立的关系（derived、subset）",
            "Relations: what must hold between figures (derived, subset)",
        ),
        "schema-RubricBase.vetoes": (
            "一票否决：事实为是时限定等次或总分",
            "Vetoes: a fact that caps the grade or the total when true",
        ),
        "schema-Node.id": (
            "编号：指标的 id（字母开头），数据文件按它填写自评得分等",
            "Id: the node's id (a letter first), which data files key claims by",
        ),
        "schema-Node.number": ("序号：原文的序号，如 （一）、1", "Number: the source's numbering, e.g. （一）, 1"),
        "schema-Node.title": ("名称：指标名称", "Title: the node's title"),
        "schema-Node.points": ("分值", "Points"),
        "schema-Node.type": (
            "类型：standard（标准分）、bonus（加分）、deduction（扣分）；默认同上级",
            "Type: standard, bonus or deduction; default as its parent",
        ),
        "schema-Node.rule": (
            "评分规则：kind 选规则种类（selfeval rules 列出全部）",
            "Rule: kind picks the rule kind (selfeval rules lists them)",
        ),
        "schema-Node.children": ("下级指标", "Children: the nodes under this one"),
        "schema-Node.children_exceed": (
            "下级超分：下级分值合计可超过本项（本项封顶）",
            "Children exceed: the children's points may add up to more (capped here)",
        ),
        "schema-Node.not_applicable": (
            "不适用时：rescale（分值由同级按比例分摊）、zero（得0分）、full（得满分）",
            "When not applicable: rescale (siblings share its points), zero or full",
        ),
        "schema-Node.assumed": (
            "推定：规则为推定，原文未写明（须写 note 说明）",
            "Assumed: the rule is inferred, not stated by the source (note says why)",
        ),
        "schema-Node.note": ("备注", "Note"),
        "schema-Node.source": ("原文：原文对本项的表述", "Source: the source document's wording"),
        # ---------------------------------------------------------------- selfeval schema
        "help-schema": (
            "输出评分标准或数据文件的 JSON Schema，供编辑器补全键名、提示拼写错误",
            "Print the JSON Schema of rubric or data files, for editors to complete keys and flag misspellings.",
        ),
        "help-schema-kind": ("rubric（评分标准）或 data（数据文件）", "rubric or data"),
        "help-schema-rubric": (
            "数据文件所依据的评分标准：所出的 Schema 认得它的数据名和指标编号",
            "The rubric data files are scored against: the schema then knows its names and node ids.",
        ),
        "schema-kind-unknown": (
            "没有“{kind}”这种 Schema，可选 rubric、data{hint}",
            "no schema '{kind}'; choose rubric or data{hint}",
        ),
        "init-schema-kept": (
            "{path} 已存在且内容不同，未覆盖（加 --force 更新）；数据文件首行仍指向它",
            "{path} exists with other content and was kept (add --force to update it); the data file's first line still points at it",
        ),
        "init-schema-wrote": (
            "已写出 {path}：编辑器据此补全键名、提示拼写错误",
            "wrote {path}: editors complete keys and flag misspellings with it",
        ),
        # ---------------------------------------------------------------- selfeval test
        "help-test": (
            "运行评分标准的测试用例（*.test.yaml）：核对总分、等次、各项得分和审核发现",
            "Run rubric test cases (*.test.yaml): check the total, grade, node scores and findings.",
        ),
        "help-test-paths": (
            "用例文件或文件夹（在其中查找 *.test.yaml；默认：当前文件夹）",
            "Test case files or folders (searched for *.test.yaml; default: the current folder).",
        ),
        "case-total": ("总分：期望 {expected}，实得 {got}", "total: expected {expected}, got {got}"),
        "case-grade": ("等次：期望 {expected}，实得 {got}", "grade: expected {expected}, got {got}"),
        "case-node": ("{node}：期望得 {expected} 分，实得 {got} 分", "{node}: expected {expected}, got {got}"),
        "case-finding-present": (
            "期望审核发现 {code}，实际没有（实际发现：{found}）",
            "expected the finding {code}, but there is none (found: {found})",
        ),
        "case-finding-absent": (
            "期望没有审核发现 {code}，实际有 {n} 条（{where}）",
            "expected no finding {code}, but there are {n} ({where})",
        ),
        "case-node-unknown": (
            "评分标准中没有指标“{name}”（可写 id、序号或名称）{hint}",
            "no node '{name}' in the rubric (give an id, number or title){hint}",
        ),
        "case-node-ambiguous": (
            "“{name}”可指多个指标：{nodes}；请写 id",
            "'{name}' may mean several nodes: {nodes}; give the id",
        ),
        "case-range-bad": (
            "“{text}”不是分数或分数区间（如 104、96至104，或 {{min: 96, max: 104}}）",
            "'{text}' is not a score or a range (e.g. 104, 96至104, or {{min: 96, max: 104}})",
        ),
        "case-data-failed": (
            "数据文件 {path} 未能评分（{n} 个问题，见其后各行）",
            "the data file {path} could not be scored ({n} problems, listed after this)",
        ),
        "case-file-missing": ("找不到 {path}（相对于本用例文件）", "{path} not found (relative to this test file)"),
        "case-none-found": ("{path} 中没有 *.test.yaml 用例文件", "no *.test.yaml test files under {path}"),
        "case-too-many": (
            "{path} 中的用例文件超过 {limit} 个，请指定更小的文件夹",
            "more than {limit} test files under {path}; name a smaller folder",
        ),
        "case-summary": (
            "运行了 {files} 个用例文件，{checks} 项期望：{failed} 项未通过",
            "{files} test file(s), {checks} expectation(s): {failed} failed",
        ),
        "case-nothing-expected": (
            "用例没有写任何期望（expect 下写 total、grade、nodes 或 findings）",
            "the case expects nothing (give total, grade, nodes or findings under expect)",
        ),
        # ---------------------------------------------------------------- the rubric search path
        "help-rubric-path": (
            "查找评分标准的文件夹（可多次给出；亦可用环境变量 SELFEVAL_RUBRIC_PATH）",
            "A folder to look for rubrics in (repeatable; also the SELFEVAL_RUBRIC_PATH environment variable).",
        ),
        "looked-in-path": ("（也在评分标准查找路径中找过：{dirs}）", " (looked in the rubric search path too: {dirs})"),
        "rubric-ambiguous": (
            "评分标准 {id} 版本 {version} 在查找路径中有多个不同的文件：{paths}；请用 --rubric 指定",
            "rubric {id} version {version} is in several different files on the search path: {paths}; give it with --rubric",
        ),
        # ---------------------------------------------------------------- validate --only (pre-commit hooks)
        "help-only": (
            "只检查这一种文件（rubric 或 data，可给两次），其余文件注明后跳过（供 pre-commit 钩子使用）",
            "Check only this kind of file (rubric or data; may be given twice), skipping the others with a note (for pre-commit hooks).",
        ),
        "only-skipped": ("跳过 {path}：{what}", "skipped {path}: {what}"),
        "only-kind-rubric": ("是评分标准文件", "a rubric file"),
        "only-kind-data": ("是数据文件", "a data file"),
        "only-kind-other": ("不是 selfeval 的文件", "not a selfeval file"),
    }
)

# the province's workbook and page
MESSAGES.update(
    {
        "help-title": (
            "全区汇总的标题（默认由省份和年度生成）",
            "The province summary's title (default: made from the province and year).",
        ),
        "help-province": ("省（自治区）名称，写入全区汇总的标题", "The province, for the summary's title."),
        "help-reviewer": (
            "评审单位，写入全区汇总（默认取评审调整台账的 reviewer）",
            "Who reviewed, for the summary (default: the ledger's reviewer).",
        ),
        "help-date": (
            "日期，如 2021-03-10（默认取评审调整台账的 date）",
            "The date, e.g. 2021-03-10 (default: the ledger's date).",
        ),
        "not-a-date": (
            "“{value}”不是日期，请写成 2021-03-10 或 2021年3月10日",
            "{value} is not a date; write 2021-03-10",
        ),
        "province-title": ("{province}自评结果汇总", "{province} self-evaluation results"),
        "province-title-year": ("{province}{years}年度自评结果汇总", "{province} self-evaluation results, {years}"),
        "province-standard": ("评分标准：{title}", "Rubric: {title}"),
        "province-reviewer": ("评审：{who}", "Reviewed by {who}"),
        "province-date": ("日期：{date}", "Date: {date}"),
        "province-counties": ("参与排名的县（市、区）{n}个", "{n} counties ranked"),
        "province-failed": ("未能评分的文件{n}个", "{n} files could not be scored"),
        "province-duplicates": ("重复的文件{n}个（不参与排名）", "{n} duplicate files (not ranked)"),
        "province-rubric-n": ("评分标准{n}", "Rubric {n}"),
        "province-no-city": ("（未写地级市）", "(no city given)"),
        "province-rubric-file": ("（评分标准）", "(the rubric)"),
        "province-ledger-file": ("（评审调整台账）", "(the reviewer's ledger)"),
        "province-average": ("平均", "Average"),
        "province-sheet-title": ("{title}　{sheet}", "{title}: {sheet}"),
        "province-matrix-note": (
            "颜色按得分占分值的比例，由红（不得分）到绿（满分）；扣分项不扣分为绿",
            "Coloured by the share of the points earned, red (none) to green (all); a deduction with nothing taken off is green",
        ),
        "province-undecided": ("等次未定（有未知数据）：{grades}", "Grade not yet decided (unknown inputs): {grades}"),
        "province-rows-cut": (
            "共{n}项，工作表最多容纳{shown}项，其余未列出",
            "{n} items; a sheet holds {shown}, the rest are not listed",
        ),
        "sheet-stats": ("统计", "Statistics"),
        "sheet-indicators": ("指标统计", "Indicator statistics"),
        "sheet-problems": ("问题清单", "Problems"),
        "sheet-adjustments": ("调整记录", "Adjustments"),
        "col-city": ("地级市", "City"),
        "col-band": ("分数段", "Totals"),
        "col-count": ("县数", "Counties"),
        "col-share": ("占比", "Share"),
        "col-mean": ("平均得分", "Mean score"),
        "col-rate": ("得分率", "Score rate"),
        "col-counted": ("计分县数", "Counties scored"),
        "col-lost": ("失分县数", "Counties losing points"),
        "col-undecided": ("待定县数", "Counties undecided"),
        "col-full": ("满分县数", "Counties with full marks"),
        "col-lost-points": ("失分合计", "Points lost"),
        "col-lost-rank": ("失分排名", "Rank by points lost"),
        "col-mean-total": ("平均总分", "Mean total"),
        "col-highest": ("最高", "Highest"),
        "col-lowest": ("最低", "Lowest"),
        "col-with-errors": ("有审核错误的县数", "Counties with audit errors"),
        "col-rubric": ("评分标准", "Rubric"),
        "col-value": ("数值", "Value"),
        "head-grades": ("等次分布", "Grades"),
        "head-overview": ("总体情况", "Overview"),
        "head-cities": ("按地级市汇总", "By city"),
        "head-most-lost": ("失分最多的指标（前{n}项）", "The {n} indicators that lost the most points"),
        "head-ranking": ("排名", "Ranking"),
        "head-totals": ("总分", "Totals"),
        "head-indicators": ("各指标得分情况", "Each indicator"),
        "head-matrix": ("指标 × 县", "Indicators × counties"),
        "head-error-counties": ("审核发现错误的县（市、区）", "Counties whose files have errors"),
        "head-duplicates": ("重复的文件（不参与排名）", "Duplicate files (not ranked)"),
        "head-failed": ("未能评分的文件", "Files that could not be scored"),
        "head-adjustments": ("评审调整", "Adjustments on review"),
        "head-ledger-problems": ("评审调整台账本身的问题", "Problems in the reviewer's ledger"),
        "head-findings": ("审核发现", "Findings"),
        "head-rubric-findings": ("评分标准本身的发现（不计入任何县）", "Findings in the rubric itself (no county's)"),
        "stat-counties": ("参与排名的县（市、区）", "Counties ranked"),
        "stat-mean": ("平均总分", "Mean total"),
        "stat-highest": ("最高总分", "Highest total"),
        "stat-lowest": ("最低总分", "Lowest total"),
        "stat-claimed-over": ("自评总分高于核算的县数", "Counties claiming more than computed"),
        "stat-claimed-under": ("自评总分低于核算的县数", "Counties claiming less than computed"),
        "stat-mean-diff": ("平均（自评−核算）", "Mean claimed − computed"),
        "stat-with-errors": ("有审核错误的县数", "Counties with audit errors"),
        "stat-adjusted": ("经评审调整的县数", "Counties adjusted on review"),
        "finding-kind-claim-differs": ("自评得分与核算不符", "claim differs from the score"),
        "finding-kind-claim-missing": ("未写自评得分", "no claimed score"),
        "finding-kind-claim-over-points": ("自评合计超过分值", "claims above the points"),
        "finding-kind-claim-sum": ("自评得分合计不符", "claims do not add up"),
        "finding-kind-derived-mismatch": ("数据无法复算", "figure not reproducible"),
        "finding-kind-evidence-missing": ("缺少评分所需材料", "evidence missing"),
        "finding-kind-not-applicable": ("不适用项", "not applicable"),
        "finding-kind-points-differ": ("分值与评分标准不符", "points differ from the rubric"),
        "finding-kind-subset-exceeded": ("部分超过整体", "part exceeds its whole"),
        "finding-kind-suspicious-value": ("数值疑似写错", "suspicious value"),
        "finding-kind-veto": ("一票否决", "veto"),
        "finding-kind-document-number": ("文号有误", "document number"),
        "finding-kind-narrative-number": ("文字与数据不符", "text contradicts a figure"),
        "finding-kind-other-subject": ("写有他县或他年", "another county or year"),
        "finding-kind-subject-mismatch": ("发文机关或标题与本县不符", "letterhead or title of another county"),
        "finding-kind-table-cells": ("表中单元格有误", "table cells"),
        "finding-kind-table-weights": ("权重与评分标准不符", "weights differ from the rubric"),
        "finding-kind-unexplained-loss": ("扣分未写原因", "loss unexplained"),
        "finding-kind-unmet-full": ("未达标却得满分", "full marks for a target not met"),
        "finding-kind-input": ("文件内容有误", "bad content"),
        "finding-kind-yaml-syntax": ("文件格式有误", "YAML syntax"),
        "finding-kind-encoding": ("文件编码有误", "encoding"),
        "finding-kind-too-large": ("文件过大", "file too large"),
        "finding-kind-usage": ("无法评分", "cannot be scored"),
        "finding-kind-internal": ("无法评分", "cannot be scored"),
        "finding-kind-narrative-unchecked": ("文字中的数字未核对", "number in the text not checked"),
        "finding-kind-reference-unit": ("文字中的单位与数据不符", "unit in the text differs"),
        "finding-kind-empty": ("文件为空", "empty file"),
        "finding-kind-too-deep": ("文件嵌套过深", "nested too deep"),
        "finding-kind-refused": ("文件内容被拒收", "input refused"),
        "finding-kind-duplicate-key": ("重复的键", "duplicate key"),
        "finding-kind-schema": ("文件结构有误", "file structure"),
        "finding-kind-rubric": ("评分标准无法使用", "rubric unusable"),
        "finding-kind-arithmetic": ("无法计算", "cannot be computed"),
        "finding-kind-to-fill": ("尚未填写", "still to fill"),
        "finding-kind-unknown-name": ("名称不在评分标准中", "name not in the rubric"),
        "finding-kind-unknown-node": ("指标不在评分标准中", "indicator not in the rubric"),
        "finding-kind-reference": ("引用的数据不存在", "unknown reference"),
        "finding-kind-claim-range": ("得分超出分值", "score outside the points"),
        "finding-kind-not-judged": ("非评审项写了评审分", "judged an indicator scored by rule"),
        "finding-kind-unit": ("单位与评分标准不符", "unit differs from the rubric"),
        "finding-kind-range": ("数值超出范围", "value out of range"),
        "finding-kind-missing-input": ("缺少评分所需数据", "input missing"),
        "finding-kind-duplicate-id": ("编号重复", "duplicate id"),
        "finding-kind-bands": ("等次设置有误", "grades"),
        "finding-kind-rule": ("评分规则有误", "scoring rule"),
        "finding-kind-type": ("指标类型有误", "indicator type"),
        "finding-kind-sum": ("分值合计不符", "points do not add up"),
        "finding-kind-cycle": ("计算指标循环引用", "metrics refer in a circle"),
        "finding-kind-metric-chain": ("计算指标层级过深", "metrics chained too deep"),
        "finding-kind-adjust": ("评审调整有误", "adjustment"),
        "finding-kind-adjust-unmatched": ("评审调整未对应任何县", "adjustment matches no county"),
        "finding-kind-import": ("导入有误", "import"),
        "finding-kind-init-renamed": ("已改名", "renamed"),
        "finding-kind-init-name-left": ("名称未改", "name left unchanged"),
        "finding-kind-init-name-kept": ("名称保留", "name kept"),
        "finding-kind-case-input": ("测试用例有误", "test case input"),
        "finding-kind-case-failed": ("测试用例未通过", "test case failed"),
        "finding-kind-other": ("其他", "other"),
    }
)

# the result cache
MESSAGES.update(
    {
        "help-no-cache": (
            "不用也不写结果缓存，每个文件都重新评分（也可设环境变量 SELFEVAL_NO_CACHE=1）",
            "Neither read nor write the result cache: score every file afresh (or set SELFEVAL_NO_CACHE=1).",
        ),
    }
)

# the importer (selfeval import)
MESSAGES.update(
    {
        "help-import": (
            "把县里已有的自评表（Excel 工作簿 .xlsx 或 Word 表格 .docx）读入为数据文件，每个值注明所在单元格",
            "Read a self-evaluation table a county already keeps (an Excel .xlsx workbook or a Word .docx table) into a data file, each value with its cell.",
        ),
        "help-import-file": ("要读入的 .xlsx 或 .docx 文件", "The .xlsx or .docx file to read."),
        "help-import-out": (
            "要写出的数据文件（工作簿有多张自评表时，每张一个文件：在此文件名后加工作表名）",
            "The data file to write (for a workbook of several tables, one file each: this name with the sheet's after it).",
        ),
        "help-sheet": ("只读入此工作表（Excel）", "Read only this sheet (Excel)."),
        "help-import-rubric": (
            "按此评分标准读表（文件或自带评分标准的编号；默认：该表格式自带的评分标准，如 caiyu-2020-project）",
            "Read the table for this rubric (a file or a bundled rubric's id; default: the form's bundled one, such as caiyu-2020-project).",
        ),
        "help-table": (
            "只读入第几张表格所在的自评表（Word，从1数起）",
            "Read only the table holding the document's table N (Word, counting from 1).",
        ),
        "help-partial": (
            "有读不出的单元格时仍写出数据文件，这些值写作“未知”（默认：列出它们，不写文件，以 1 退出）",
            "Write the data file even where cells could not be read, as 未知 (default: list them, write nothing, exit 1).",
        ),
        "import-kind": (
            "无法导入 {suffix} 文件：可导入 {known}（{convert}）",
            "cannot import a {suffix} file: importable are {known} ({convert})",
        ),
        "import-convert": (
            "{old} 须先另存为 {new}",
            "{old} must first be saved as {new}",
        ),
        "import-said-unread": (
            "{summary}；未能读入{n}处（{which}）",
            "{summary}; {n} places not read ({which})",
        ),
        "import-no-rubric": (
            "没有“{form}”的自带评分标准：请用 --rubric 指定",
            "no bundled rubric for '{form}': name one with --rubric",
        ),
        "import-rubric-form": (
            "评分标准 {rubric} 用于“{form}”，不能用来读“{table}”",
            "the rubric {rubric} is for '{form}', not for reading a '{table}'",
        ),
        "import-sheet-and-table": (
            "--sheet 和 --table 只能用一个",
            "use --sheet or --table, not both",
        ),
        "import-several-to-stdout": (
            "文件中有{n}张自评表（{parts}）：请用 --out 写成文件，或用 --sheet/--table 选一张",
            "the file holds {n} tables ({parts}): write them to files with --out, or pick one with --sheet/--table",
        ),
        "import-said": ("{summary}", "{summary}"),
        "import-refused": (
            "有{n}处未能读入，未写出数据文件：请核对原表，或用 --partial 写出（这些值写作“未知”）",
            "{n} places could not be read; no data file written: check the table, or write it with --partial (those values as 未知)",
        ),
        "import-wrote": ("已写出 {path}（{part}）", "wrote {path} ({part})"),
        "import-partial": (
            "--partial：有{n}处写作“未知”或须改正，核对原表后改写（selfeval validate 列出）",
            "--partial: {n} places are written 未知 or need correcting; check the table and fill them in (selfeval validate lists them)",
        ),
    }
)

# the 签发人 of a 上行文
MESSAGES.update(
    {
        "signer-count": (
            "签发人写了{n}个，发文机关有{issuers}个：写一个签发人，或按发文机关顺序每个机关一个",
            "{n} signers for {issuers} issuers: give one, or one per issuer in their order",
        ),
    }
)
