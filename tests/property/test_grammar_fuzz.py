"""Grammar-aware fuzzing: YAML scalars in every notation, metric expressions, data strings
carrying the markup of every output format, and file-system situations.

Each example ends in a result or a clean :class:`~selfeval.errors.SelfevalError`, never another
exception; text from a file never acts in an output. Runs in-process (fast enough for many
examples); the count is modest for CI; raise it with SELFEVAL_FUZZ_EXAMPLES.
"""

from __future__ import annotations

import io
import json
import os
import sys
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import DATA
from selfeval.batch import Ranking, Row
from selfeval.choices import Format, Sort
from selfeval.errors import ExprSyntaxError, InvalidValue, SelfevalError, Undefined
from selfeval.expr import parse_expr
from selfeval.inputs import Library
from selfeval.outputs import FORMATS, OUTPUTS, Findings, Kind, Options, Report
from selfeval.outputs.base import Checked
from selfeval.pipeline import ARITHMETIC, evaluate

pytestmark = pytest.mark.slow  # fuzzing: CI runs it, the quick loop (-m "not slow") does not

EXAMPLES = int(os.environ.get("SELFEVAL_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
BASE = DATA.read_text(encoding="utf-8")
LIBRARY = Library()

# ----------------------------------------------------------------------------- YAML scalars

digits = st.text("0123456789", min_size=1, max_size=30)
SCALARS = st.one_of(
    digits,
    st.builds(lambda a, b: f"{a}.{b}", digits, digits),
    st.builds(lambda a, e: f"{a}e{e}", st.sampled_from(["1.0", "-2.5", "9.", ".5"]), st.integers(-999999, 999999)),
    st.builds(lambda d: "0" + d, digits),  # YAML 1.1 octal
    st.builds(lambda a, b: f"{a}:{b}", digits, st.integers(0, 59)),  # sexagesimal
    st.builds(lambda d: "0x" + d, st.text("0123456789abcdefABCDEF", min_size=1, max_size=12)),
    st.builds(lambda d: "0b" + d, st.text("01_", min_size=1, max_size=12)),
    st.builds(lambda d: "_".join(d), st.lists(digits, min_size=2, max_size=4)),
    st.builds(lambda y, m, d: f"{y}-{m}-{d}", st.integers(1, 9999), st.integers(0, 19), st.integers(0, 39)),
    st.builds(
        lambda y, m, d: f"{y}-{m:02d}-{d:02d}T25:61:00", st.integers(1900, 2100), st.integers(1, 12), st.integers(1, 31)
    ),
    st.builds(
        lambda tag, v: f"!!{tag} {v}",
        st.sampled_from(["int", "float", "bool", "timestamp", "str", "null", "binary", "python/none", "set"]),
        st.sampled_from(["1.5", "abc", "maybe", '""', "x", "2021-02-30", "0x1F", "1e999", "~", "[1]", "12²"]),
    ),
    st.sampled_from(
        [".nan", ".inf", "-.inf", "1e999", "１２，３２５", "12²", "①12户", "12,32,5户", "910.38万元", "true", "~"]
    ),
    st.builds(lambda d, u: d + u, digits, st.sampled_from(["%", "万元", "元", "人", "万人", "个百分点", "户", "‰"])),
)
PLACES = ["  towns: {}", "  name: {}", "  total: {}", "  year: {}"]


def _place(text: str, where: str, value: str) -> str:
    key = where.split(":")[0]
    lines = text.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith(key + ":"))
    lines[i] = where.format(value)
    return "\n".join(lines) + "\n"


@FUZZ
@given(value=SCALARS, where=st.sampled_from(PLACES))
def test_yaml_scalars_in_every_notation(tmp_path: Path, value: str, where: str) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(_place(BASE, where, value), encoding="utf-8")
    try:
        ev = evaluate(path, LIBRARY)
        ev.findings  # noqa: B018 - the audit runs too
        OUTPUTS[Kind.SCORE].writers[Format.JSON](ev, io.BytesIO(), Options())
    except SelfevalError:
        pass


# ----------------------------------------------------------------------------- expressions

NAMES = st.sampled_from(["towns", "villages", "x", "urban_dibao_funds", "min", "round"])


def _expressions() -> Any:
    leaf = st.one_of(
        NAMES, st.builds(str, st.integers(-5, 10**6)), st.sampled_from(["0", "0.0", "1.5", "99999999999999"])
    )

    def grow(inner: Any) -> Any:
        return st.one_of(
            st.builds(lambda a, op, b: f"{a} {op} {b}", inner, st.sampled_from(list("+-*/×÷")), inner),
            st.builds(lambda a: f"({a})", inner),
            st.builds(lambda a: f"-{a}", inner),
            st.builds(
                lambda f, a: f"{f}({', '.join(a)})",
                st.sampled_from(["min", "max", "abs", "round", "sum"]),
                st.lists(inner, max_size=3),
            ),
        )

    garbage = st.sampled_from(
        ["(" * 60 + "1" + ")" * 60, "+".join(["1"] * 500), "1 +", "()", "1 2", "a..b", "1e5", "%", "x ** 2"]
    )
    return st.one_of(st.recursive(leaf, grow, max_leaves=40), garbage)


@FUZZ
@given(
    text=_expressions(),
    values=st.dictionaries(
        NAMES, st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**12), max_value=10**12)
    ),
)
def test_metric_expressions(text: str, values: dict[str, Decimal]) -> None:
    try:
        expr = parse_expr(text)
    except ExprSyntaxError:
        return
    import decimal

    with decimal.localcontext(ARITHMETIC):
        try:
            expr.evaluate(values)
        except (LookupError, Undefined, ZeroDivisionError, decimal.DecimalException):
            pass


# ----------------------------------------------------------------------------- markup in data

MARKUP = st.lists(
    st.sampled_from(
        [
            "#",
            "```",
            "~~~",
            "---",
            "===",
            "|",
            "*",
            "_",
            "[",
            "]",
            "<",
            ">",
            "&amp;",
            "\n",
            "\n\n",
            "    ",
            "1. ",
            "[b]",
            "[/]",
            "[link=http://x]",
            "<script>alert(1)</script>",
            '"',
            "'",
            "<w:p>",
            "]]>",
            "{{ 7*7 }}",
            "{% raw %}",
            "=cmd|' /C calc'!A0",
            "@SUM(1)",
            "\x1b[31m",
            "\x07",
            "\r",
            "\u202e",
            "\x85",
            "\x9b31m",
            "\u2028",
            "\t",
            "平罗县",
            "县",
            "104分",
            "a",
            " ",
        ]
    ),
    min_size=1,
    max_size=12,
).map("".join)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tags.append(tag)


def _with_text(tmp_path: Path, name: str, text: str) -> Path:
    d = yaml.safe_load(BASE)
    d["subject"]["name"] = name.strip() or "县"
    d["items"]["c10"]["narrative"][0]["text"] = text
    d["document"]["title"] = name or "标题"
    path = tmp_path / "d.yaml"
    path.write_text(yaml.safe_dump(d, allow_unicode=True), encoding="utf-8")
    return path


def _out(fmt: Format, kind: Kind, payload: Any) -> bytes:
    buf = io.BytesIO()
    OUTPUTS[kind].writers[fmt](payload, buf, Options(width=100))
    return buf.getvalue()


@FUZZ
@given(name=MARKUP, text=MARKUP)
def test_markup_in_data_stays_text_in_every_output(tmp_path: Path, name: str, text: str) -> None:
    try:
        ev = evaluate(_with_text(tmp_path, name, text), LIBRARY)
    except SelfevalError:
        return
    row = Row.of(Path("d.yaml"), ev)
    ranking = Ranking.sorted([row], Sort.TOTAL)
    findings = Findings([Checked("d.yaml", ev.findings, ("x", 2020))])
    texts = {
        "table": _out(Format.TABLE, Kind.SCORE, ev),
        "csv": _out(Format.CSV, Kind.SCORE, ev),
        "parsable": _out(Format.PARSABLE, Kind.FINDINGS, findings),
        "github": _out(Format.GITHUB, Kind.FINDINGS, findings),
        "markdown": _out(Format.MARKDOWN, Kind.REPORT, Report(ev)),
        "html": _out(Format.HTML, Kind.RANKING, ranking),
        "json": _out(Format.JSON, Kind.SCORE, ev),
    }
    for fmt, raw in texts.items():
        out = raw.decode("utf-8")
        assert not any(c in out for c in "\x1b\x07\u202e\x9b"), fmt
    for line in texts["parsable"].decode().splitlines():
        assert ": error: " in line or ": warning: " in line or ": info: " in line  # one problem, one line
    md = texts["markdown"].decode()
    assert len([x for x in md.splitlines() if x.startswith("10. ")]) >= 1
    assert md.rstrip().endswith("</sub>")
    page = _Tags()
    page.feed(texts["html"].decode())
    assert "script" not in page.tags and "b" not in page.tags and "w:p" not in page.tags
    json.loads(texts["json"])
    docx = _out(Format.DOCX, Kind.REPORT, Report(ev))
    from docx import Document

    Document(io.BytesIO(docx))  # Word opens it: no markup from the data broke its XML
    import openpyxl

    for kind, payload in ((Kind.SCORE, ev), (Kind.RANKING, ranking)):
        openpyxl.load_workbook(io.BytesIO(_out(Format.XLSX, kind, payload)))  # and Excel


# ----------------------------------------------------------------------------- the file system

SITUATIONS = [
    "missing",
    "directory",
    "fifo",
    "loop",
    "dangling",
    "long",
    "not-a-dir",
    "device",
    "empty-glob",
    "empty-dir",
]
ROLES = ["data", "rubric", "template", "out", "ledger"]


def _situation(tmp_path: Path, kind: str) -> str:
    if kind == "missing":
        return str(tmp_path / "nope.yaml")
    if kind in ("directory", "empty-dir"):
        (tmp_path / "dir").mkdir(exist_ok=True)
        return str(tmp_path / "dir")
    if kind == "fifo":
        p = tmp_path / "fifo.yaml"
        if not p.exists():
            os.mkfifo(p)
        return str(p)
    if kind == "loop":
        a, b = tmp_path / "l1.yaml", tmp_path / "l2.yaml"
        if not a.is_symlink():
            a.symlink_to(b.name)
            b.symlink_to(a.name)
        return str(a)
    if kind == "dangling":
        p = tmp_path / "dangling.yaml"
        if not p.is_symlink():
            p.symlink_to("gone.yaml")
        return str(p)
    if kind == "long":
        return str(tmp_path / ("长" * 120 + ".yaml"))
    if kind == "not-a-dir":
        return str(DATA / "x.yaml")
    if kind == "device":
        return "/dev/zero"
    return str(tmp_path / "none" / "*.yaml")


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and devices")
@FUZZ
@given(kind=st.sampled_from(SITUATIONS), role=st.sampled_from(ROLES), force=st.booleans())
def test_file_system_situations(tmp_path: Path, kind: str, role: str, force: bool) -> None:
    import tempfile

    from typer.testing import CliRunner

    from selfeval.cli import app

    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))  # each example in a folder of its own
    where = _situation(tmp_path, kind)
    args = {
        "data": ["score", where],
        "rubric": ["score", str(DATA), "--rubric", where],
        "template": ["report", str(DATA), "--template", where],
        "out": ["report", str(DATA), "--format", "markdown", "--out", where],
        "ledger": ["score", str(DATA), "--adjustments", where],
    }[role] + (["--force"] if force and role in ("out", "template") else [])
    result = CliRunner().invoke(app, args)
    writes_new = role == "out" and kind == "missing"  # the one situation that is fine
    assert result.exit_code in ((0,) if writes_new else (1, 2)), (args, result.output)
    assert "Traceback" not in result.output and "内部错误" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if kind == "device":
        assert Path("/dev/zero").is_char_device()
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_the_markup_alphabet_reaches_every_format() -> None:
    assert {f for f in Format} <= set(FORMATS)
    with pytest.raises(InvalidValue):
        from selfeval.numbers import parse_quantity

        parse_quantity("12²")
