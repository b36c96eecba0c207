"""Fuzz: mutated rubrics and the report templates they name end in a result or a clean error,
never a crash, a hang, a stray file or the text of a file outside the rubric's folder.

Each example is a copy of a bundled rubric (2020_county.yaml or 2020_project.yaml) with keys
removed or renamed and values replaced (odd types, huge numbers, long strings, control
characters), its ``template:`` / ``templates:`` pointing at the generated template or at odd
paths, and a template drawn from a grammar of hostile Jinja constructs (deep nesting, doubling
by ``s ~ s``, namespace loops, dunder attributes, huge ranges and repetitions, recursive macros,
``include`` / ``import`` of other paths, unknown names). The bundled example data, pointing at
that rubric, goes through validate, score and report (Markdown and Word, with the rubric's own
template and with ``--template``), all in one process held to 500 MB of address space.

The example count is small for CI; raise it with SELFEVAL_FUZZ_EXAMPLES=200. A failing example
is reported as found (not shrunk): each one runs several commands in a process of its own.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from helpers import DATA, ROOT, RUBRIC, TABLE_DATA, TABLE_RUBRIC, load_yaml, write_yaml

pytestmark = [
    pytest.mark.slow,  # fuzzing: CI runs it, the quick loop (-m "not slow") does not
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS, symbolic links"),
]

EXAMPLES = int(os.environ.get("SELFEVAL_FUZZ_EXAMPLES", "8"))
MEMORY = 500 * 2**20
SECONDS = 20
"""Longest one command may take (a template's own render is stopped at 10 s)."""
SECRETS = ("root:x:0:0:", "OUTSIDE-SECRET-5c1e")
"""Text of files outside the rubric's folder (/etc/passwd, ../../outside.j2): never in any output."""
FORMS = {"county": (RUBRIC, DATA), "project": (TABLE_RUBRIC, TABLE_DATA)}
BUNDLED_TEMPLATES = sorted((ROOT / "templates").glob("*.j2"))

# ----------------------------------------------------------------------------- odd values and paths

ODD_PATHS = [
    "/etc/passwd",
    "../../outside.j2",
    "../outside.j2",
    "sub/../../../outside.j2",
    "sub/../t.j2",
    "./t.j2",
    "~/t.j2",
    "~",
    "C:\\t.j2",
    "\\\\server\\share\\t.j2",
    "file:///etc/passwd",
    "",
    " ",
    ".",
    "..",
    "sub",
    "t.j2/",
    "nosuch.j2",
    "rubric.yaml",
    "data.yaml",
    "fake.docx",
    "/dev/zero",
    "/proc/self/environ",
    "link.j2",
    "loop.j2",
    "report.md.j2",
    "report.docx",
    "table.docx.j2",
    "../templates/report.md.j2",
    "%2e%2e/outside.j2",
    "t.j2\n",
    "t.j2\x00.md",
    "平" * 300,
    "a/" * 200 + "t.j2",
]
"""Where a rubric may say its templates are: the generated one (t.j2) by odd names, files that are
no template, files outside the rubric's folder, a link out of it, a link loop, names too long."""

ESCAPES = ["/etc/passwd", "../../outside.j2", "link.j2", "sub/../../../outside.j2", "/proc/self/environ"]
"""The names that reach outside the rubric's folder, drawn more often than the other odd paths."""

ODD_VALUES = [
    None,
    True,
    0,
    -1,
    10**30,
    -(10**30),
    2**64,
    1e308,
    float("inf"),
    float("nan"),
    "",
    "  ",
    "1e999",
    "x" * 100_000,
    "平" * 50_000,
    "亿" * 125_001,
    "\x00\x1b[31m\x07\u202e\u2028\x85\ufffe",
    "{{ 7 * 7 }}{% include '/etc/passwd' %}",
    [],
    {},
    [1, [2, [3]]],
    {"a": {"b": None}},
    ["t.j2"],
    {"markdown": "/etc/passwd"},
]
REFERENCE = "templates.docx-reference"
KEYS = ["", "平", "template", "templates", "__class__", "id", "x" * 300, "\x1b", 7, True, None]

# ----------------------------------------------------------------------------- templates


def _q(text: str) -> str:
    """``text`` as a Jinja string literal."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


EXPRESSIONS = st.sampled_from(
    [
        "''.__class__",
        "''.__class__.__mro__[1].__subclasses__()",
        "().__class__.__base__.__subclasses__()",
        "cycler.__init__.__globals__",
        "joiner.__init__.__globals__.os",
        "namespace.__init__.__globals__",
        "self.__init__.__globals__",
        "self._TemplateReference__context",
        "range.__self__",
        "''.format.__self__",
        "'{0.__class__}'.format('')",
        "lipsum(10)",
        "config",
        "request",
        "range(10**9)|list|length",
        "range(100000)|list|length",
        "10 ** 10 ** 10",
        "(10 ** 64) ** 64",
        "9 ** 999",
        "10.0 ** 400",
        "('9' * 5000)|int",
        "('x' * 10000)|replace('', 'y' * 10000)",
        "('x' * 9999).replace('x', 'yy' * 5000)",
        "range(100000)|join('x' * 9999)",
        "'{0:>99999}'.format(1)",
        "'{0:{1}}'.format(1, 99999)",
        "'%99999s' % 1",
        "'a'|center(10**9)",
        "'a'|indent(10**9)",
        "'a'|truncate(10**9)",
        "[1]|batch(10**9)|list",
        "('x ' * 9999)|wordwrap(1)",
        "('http://' * 5000)|urlize",
        "range(10)|list|tojson",
        "dict(a=1).items()",
        "1 / 0",
        "'a' + 1",
        "[][0]",
        "{}['x']",
        "none.x",
        "nosuch",
        "nosuch.attr",
        "nosuch()",
        "subject.nosuch",
        "loop.index",
        "subject.name",
        "subject",
        "document.title",
        "self",
        "varargs",
        "caller()",
    ]
)
OPERANDS = st.sampled_from(
    ["'ab'", "'平'", "[1]", "(1,)", "1", "1.5", "subject.name", "nosuch", "none", "{}", "range(3)"]
)
FACTORS = st.sampled_from(["10**8", "10 ** 4", "10000", "10001", "-1", "0", "2", "10**9 * 10**9", "1e300"])
PATHS = st.sampled_from(
    [
        "/etc/passwd",
        "../../outside.j2",
        "t.j2",
        "link.j2",
        "rubric.yaml",
        "data.yaml",
        "report.md.j2",
        "templates/report.md.j2",
        "nosuch.j2",
        "",
    ]
)
NESTERS = st.sampled_from(
    [
        ("{% if true %}", "{% endif %}"),
        ("{% for i in [1] %}", "{% endfor %}"),
        ("{% with x = 1 %}", "{% endwith %}"),
        ("{% filter upper %}", "{% endfilter %}"),
        ("{{ (", ") }}"),
        ("{{ [", "] }}"),
        ("{{ -(", ") }}"),
        ("{{ f(", ") }}"),
    ]
)

_LEAVES = st.one_of(
    st.builds(lambda e: "{{ " + e + " }}", EXPRESSIONS),
    st.builds(lambda x, n: "{{ " + f"{x} * {n}" + " }}", OPERANDS, FACTORS),
    st.builds(lambda n, x: "{{ " + f"{n} * {x}" + " }}", FACTORS, OPERANDS),
    st.builds(  # doubling, one line at a time
        lambda s, k: "{% set s = " + _q(s) + " %}\n" + "{% set s = s ~ s %}\n" * k + "{{ s|length }}",
        st.sampled_from(["ab", "平", "x" * 9999]),
        st.integers(1, 40),
    ),
    st.builds(  # doubling in a loop, through a namespace
        lambda n, op: (
            "{% set ns = namespace(s='ab', l=[1]) %}"
            + f"{{% for i in range({n}) %}}{{% set ns.{op} %}}{{% endfor %}}"
            + "{{ ns.s|length }}{{ ns.l|length }}"
        ),
        st.sampled_from(["3", "40", "100000", "10**9"]),
        st.sampled_from(["s = ns.s ~ ns.s", "s = ns.s + ns.s", "l = ns.l + ns.l", "s = ns.s * 2"]),
    ),
    st.sampled_from(
        [
            "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
            "{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f('ab') }}",
            "{% macro a() %}{{ b() }}{% endmacro %}{% macro b() %}{{ a() }}{% endmacro %}{{ a() }}",
            "{% macro f() %}{{ caller() }}{{ caller() }}{% endmacro %}"
            + "{% call f() %}{% call f() %}{% call f() %}x{% endcall %}{% endcall %}{% endcall %}",
            "{% for x in [[1, [2, [3]]]] recursive %}{{ loop(x) if x is iterable else x }}{% endfor %}",
            "{% for i in range(100000) %}{{ i }}{% endfor %}",
            "{% raw %}{{ unclosed",
            "{{",
            "{%",
            "{% endfor %}",
            "{% for %}",
            "{% set %}",
            "{# unclosed",
            "{% extends 'report.md.j2' %}",
            "{% block b %}{{ super() }}{% endblock %}",
        ]
    ),
    st.builds(lambda p: "{% include " + _q(p) + " %}", PATHS),
    st.builds(lambda p: "{% include " + _q(p) + " ignore missing %}", PATHS),
    st.builds(lambda p: "{% import " + _q(p) + " as m %}{{ m.x }}", PATHS),
    st.builds(lambda p: "{% from " + _q(p) + " import x %}", PATHS),
    st.builds(lambda p: "{% extends " + _q(p) + " %}", PATHS),
    st.text(
        st.sampled_from(["平", "x", "@", "#", "|", "\n", "\t", "\x00", "\x1b", "\u202e", "{", "}", "%"]), max_size=12
    ),
)


def _grow(inner: Any) -> Any:
    return st.one_of(
        st.builds(lambda a, b: a + "\n" + b, inner, inner),
        st.builds(lambda b: "{% if true %}" + b + "{% else %}" + b + "{% endif %}", inner),
        st.builds(
            lambda n, b: f"{{% for i in range({n}) %}}{b}{{% endfor %}}", st.sampled_from(["0", "2", "30", "-1"]), inner
        ),
        st.builds(lambda b: "{% macro m(x=1) %}" + b + "{% endmacro %}{{ m() }}{{ m(m) }}", inner),
        st.builds(lambda b: "{% filter upper %}" + b + "{% endfilter %}", inner),
        st.builds(lambda b: "@公文正文 " + b, inner),
    )


_BODIES = st.recursive(_LEAVES, _grow, max_leaves=6)
_DEEP = st.builds(
    lambda nest, k, body: nest[0] * k + body + nest[1] * k,
    NESTERS,
    st.sampled_from([2, 19, 20, 21, 25, 50, 100, 120, 1000]),
    st.sampled_from(["x", "1", "{{ subject.name }}", "@公文正文 x"]),
)


@st.composite
def _in_bundled(draw: Any, body: str) -> str:
    """A bundled template with ``body`` put in at one of its lines."""
    lines = draw(st.sampled_from(BUNDLED_TEMPLATES)).read_text(encoding="utf-8").splitlines()
    at = draw(st.integers(0, len(lines)))
    return "\n".join([*lines[:at], body, *lines[at:]]) + "\n"


TEMPLATES = st.one_of(
    _BODIES,
    _DEEP,
    _BODIES.flatmap(_in_bundled),
    _DEEP.flatmap(_in_bundled),
)

# ----------------------------------------------------------------------------- an example


def _short(value: Any) -> str:
    """A value as a failing example shows it: a long string by its start and length."""
    if isinstance(value, str) and len(value) > 60:
        return f"{value[:12]!r}…({len(value):,} chars)"
    if isinstance(value, (tuple, list)):
        inner = ", ".join(_short(v) for v in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    return repr(value)


@dataclasses.dataclass(frozen=True, repr=False)
class Example:
    """What one example changes, kept small enough to read when it fails."""

    form: str
    names: tuple[tuple[str, Any], ...]
    """How the rubric names its templates: ("template", name) or ("templates.<kind>", name)."""
    mutations: tuple[tuple[str, tuple[Any, ...], Any], ...]
    """Each (operation, path in the rubric, new value or key)."""
    template: str
    encoding: str

    def __repr__(self) -> str:
        template = self.template if len(self.template) < 2000 else _short(self.template)
        return (
            f"Example(form={self.form!r}, names={_short(self.names)}, mutations={_short(self.mutations)}, "
            f"encoding={self.encoding!r}, template=\n{template})"
        )

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self))


def _slots(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value in a loaded YAML tree."""
    out: list[tuple[Any, ...]] = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        out.append((*path, key))
        out += _slots(value, (*path, key))
    return out


def _at(tree: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        tree = tree[key]
    return tree


def _mutate(tree: Any, op: str, path: tuple[Any, ...], value: Any) -> None:
    parent, key = _at(tree, path[:-1]), path[-1]
    if op == "drop":
        del parent[key]
    elif op == "rename" and isinstance(parent, dict):
        parent[value] = parent.pop(key)
    else:
        parent[key] = copy.deepcopy(value)


def _rubric(form: str, names: Any) -> Any:
    """A bundled rubric of its own id (never the bundled one: the data names this file by path),
    naming its templates as ``names`` says."""
    rubric = load_yaml(FORMS[form][0])
    rubric["id"] = f"fuzz-{form}"
    for where, name in names:
        if where == "template":
            rubric["template"] = copy.deepcopy(name)
        else:
            if not isinstance(rubric.get("templates"), dict):
                rubric["templates"] = {}
            rubric["templates"][where.split(".", 1)[1]] = copy.deepcopy(name)
    return rubric


def _odd_values() -> Any:
    return st.one_of(st.sampled_from(ODD_VALUES), st.sampled_from(ODD_PATHS), st.text(max_size=20), st.integers())


@st.composite
def examples(draw: Any) -> Example:
    form = draw(st.sampled_from(sorted(FORMS)))
    names: list[tuple[str, Any]] = []
    for _ in range(draw(st.integers(1, 3))):  # mostly the generated template, so that it renders
        where = draw(st.sampled_from(["template", "templates.markdown", "templates.docx"] * 2 + [REFERENCE]))
        odd = draw(st.integers(0, 9))
        good = "ref.docx" if where == REFERENCE else "t.j2"
        odds = [ESCAPES, ESCAPES, ODD_PATHS, ODD_PATHS, ODD_VALUES]
        name = good if odd < 5 else draw(st.sampled_from(odds[odd - 5]))
        names.append((where, name))
    rubric = _rubric(form, names)
    mutations: list[tuple[str, tuple[Any, ...], Any]] = []
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2, 3]))):  # mostly none: a broken rubric renders nothing
        slots = _slots(rubric)
        if not slots:
            break
        path = slots[draw(st.integers(0, len(slots) - 1))]
        op = draw(st.sampled_from(["drop", "rename", "value", "value"]))
        value = draw(st.sampled_from(KEYS)) if op == "rename" else None if op == "drop" else draw(_odd_values())
        if op == "rename" and value in _at(rubric, path[:-1]):
            continue  # a key already there: YAML would hold one of the two
        _mutate(rubric, op, path, value)
        mutations.append((op, path, value))
    encoding = draw(st.sampled_from(["utf-8"] * 6 + ["utf-8-sig", "utf-16", "gbk"]))
    return Example(form, tuple(names), tuple(mutations), draw(TEMPLATES), encoding)


def build(example: Example, root: Path) -> Path:
    """The example's files; returns the folder the commands run in (``root/a/b``)."""
    rubric = _rubric(example.form, example.names)
    for op, path, value in example.mutations:
        _mutate(rubric, op, path, value)
    here = root / "a" / "b"
    (here / "sub").mkdir(parents=True)
    (root / "outside.j2").write_text(SECRETS[1] + "\n", encoding="utf-8")
    (here / "sub" / "x.j2").write_text("{{ subject.name }}\n", encoding="utf-8")
    shutil.copyfile(ROOT / "templates" / "report.docx", here / "ref.docx")
    (here / "fake.docx").write_text("纯文本，改了扩展名\n", encoding="utf-8")
    (here / "link.j2").symlink_to("/etc/passwd")
    (here / "loop.j2").symlink_to("loop2.j2")
    (here / "loop2.j2").symlink_to("loop.j2")
    (here / "t.j2").write_bytes(example.template.encode(example.encoding, "replace"))
    write_yaml(here / "rubric.yaml", rubric)
    data = load_yaml(FORMS[example.form][1])
    data["rubric"] = {"id": rubric.get("id"), "version": rubric.get("version"), "path": "rubric.yaml"}
    if not isinstance(data["rubric"]["id"], str) or not isinstance(data["rubric"]["version"], str):
        data["rubric"] = {"id": f"fuzz-{example.form}", "version": "1", "path": "rubric.yaml"}
    write_yaml(here / "data.yaml", data)
    return here


# ----------------------------------------------------------------------------- running the commands

COMMANDS: list[tuple[list[str], str | None]] = [
    (["validate", "rubric.yaml"], None),
    (["validate", "data.yaml"], None),
    (["score", "data.yaml", "-f", "json"], None),
    (["report", "data.yaml"], None),
    (["report", "data.yaml", "--out", "out.docx"], "out.docx"),
    (["report", "data.yaml", "--template", "t.j2", "--out", "out.md"], "out.md"),
    (["report", "data.yaml", "--template", "t.j2", "--out", "out2.docx"], "out2.docx"),
]
"""Each command, and the file it is asked to write."""

CHILD = r"""
import json, os, resource, sys, time, traceback, zipfile
from typer.testing import CliRunner
from selfeval.cli import app

root, commands, secrets = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])

def listing():
    out = []
    for folder, dirs, files in os.walk(root):
        out += [os.path.relpath(os.path.join(folder, n), root) for n in dirs + files]
    return sorted(out)

def contents(path):
    if not os.path.isfile(path):
        return ""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
    with open(path, "rb") as fh:
        return fh.read().decode("utf-8", "replace")

runner = CliRunner()
for args, written in commands:
    start = time.monotonic()
    try:
        result = runner.invoke(app, args, catch_exceptions=True)
        code, text = result.exit_code, result.stdout + result.stderr
        e = result.exception
        crash = "" if e is None or isinstance(e, SystemExit) else "".join(traceback.format_exception(e))[-2000:]
    except BaseException as e:
        code, text, crash = None, "", f"{type(e).__name__}: {e}"
    seconds = time.monotonic() - start
    target = os.path.join(root, "a", "b", written) if written else None
    wrote = bool(target) and os.path.lexists(target)
    leaked = [s for s in secrets if s in text or (wrote and s in contents(target))]
    if wrote:
        os.remove(target)
    files = listing()
    print(json.dumps({
        "args": args, "code": code, "seconds": round(seconds, 2), "crash": crash,
        "traceback": "Traceback" in text, "internal": "内部错误" in text or "internal error" in text,
        "leaked": leaked, "wrote": wrote, "files": files, "tail": text[-600:],
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }), flush=True)
"""


def listing(root: Path) -> list[str]:
    """Every name under ``root`` (links listed, never followed), as the child lists them."""
    out: list[str] = []
    for folder, dirs, files in os.walk(root):
        out += [os.path.relpath(os.path.join(folder, n), root) for n in dirs + files]
    return sorted(out)


def _limit() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_all(root: Path) -> list[dict[str, Any]]:
    """Every command in one process held to MEMORY; each reports as it ends."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SELFEVAL_")}
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(root), json.dumps(COMMANDS), json.dumps(SECRETS)],
            cwd=root / "a" / "b",
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=SECONDS * len(COMMANDS) + 30,
            preexec_fn=_limit,
            check=False,
        )
        stdout, stderr, code = done.stdout, done.stderr, done.returncode
    except subprocess.TimeoutExpired as e:
        stdout = e.stdout.decode() if isinstance(e.stdout, bytes) else e.stdout or ""
        stderr, code = "stopped", None
    runs = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    if len(runs) < len(COMMANDS):
        stopped = COMMANDS[len(runs)][0]
        pytest.fail(f"`selfeval {' '.join(stopped)}` never ended (process exit {code}): {stderr[-1500:]}")
    return runs


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)


@FUZZ
@given(example=examples())
def test_rubrics_and_templates(tmp_path: Path, example: Example) -> None:
    root = Path(tempfile.mkdtemp(dir=tmp_path))  # each example in a folder of its own
    here = build(example, root)
    before = listing(root)
    for run in run_all(root):
        about = f"`selfeval {' '.join(run['args'])}`: exit {run['code']} in {run['seconds']} s\n{run['tail']}"
        assert not run["crash"], f"{about}\n{run['crash']}"
        assert run["code"] in (0, 1, 2), about
        assert not run["traceback"] and not run["internal"], about
        assert run["seconds"] <= SECONDS, about
        assert run["leaked"] == [], f"{about}\nthe output holds a file outside the rubric's folder"
        written = next(w for c, w in COMMANDS if c == run["args"])
        assert run["files"] == before, f"{about}\na stray file: {sorted(set(run['files']) ^ set(before))}"
        if written:
            assert run["wrote"] == (run["code"] == 0), f"{about}\nwritten: {run['wrote']}"
    assert listing(root) == before
    assert (here / "rubric.yaml").is_file()
