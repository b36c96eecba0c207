"""Hostile input beyond the corpus: devices, loops, limits, signals, and data text in every output.

Each test asserts the exit code, the message, that no traceback reached the user and that
no stray file is left. Hangs are guarded by subprocess timeouts, never by timed assertions.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, RUBRIC, load_yaml, write_yaml
from selfeval.cli import app

POSIX = sys.platform != "win32"


def run(runner: Any, *args: object) -> Any:
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def data(tmp_path: Path, file: str = "d.yaml", **subject: Any) -> Path:
    d = load_yaml(DATA)
    d["subject"].update(subject)
    return write_yaml(tmp_path / file, d)


# ----------------------------------------------------------------------------- one bad file, not the batch


def test_an_unexpected_failure_sinks_only_its_own_file(runner: Any, tmp_path: Path, monkeypatch: Any) -> None:
    import selfeval.batch

    good, bad = data(tmp_path, "a.yaml"), data(tmp_path, "b.yaml", name="乙县")
    real = selfeval.batch.evaluate

    def flaky(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path.name == bad.name:
            raise RuntimeError("boom")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(selfeval.batch, "evaluate", flaky)
    result = run(runner, "score", tmp_path, "-f", "json")
    assert result.exit_code == 1
    rows = {Path(r["path"]).name: r for r in json.loads(result.stdout)}
    assert rows[good.name]["total"] == 104
    assert rows[bad.name]["status"] == "failed" and "RuntimeError: boom" in rows[bad.name]["error"]


# ----------------------------------------------------------------------------- data text is inert


HOSTILE_NAME = "平罗县[/][link=http://x]点\x1b[31m红\x07\u202e反"


def test_data_text_is_inert_in_every_output(runner: Any, tmp_path: Path) -> None:
    path = data(tmp_path, name=HOSTILE_NAME)
    other = data(tmp_path, "b.yaml", name="乙县")
    outputs = []
    for args in (
        ["score", path],
        ["score", path, "-f", "csv"],
        ["audit", path],
        ["audit", path, "-f", "parsable"],
        ["audit", path, "-f", "github"],
        ["report", path, "--with-audit"],
        ["score", path, other],
        ["score", path, other, "-f", "html"],
        ["explain", "40", path],
    ):
        result = run(runner, *args)
        assert result.exit_code in (0, 1), (args, result.output)
        outputs.append((args, result.stdout + result.stderr))
    for args, text in outputs:
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text, args
    table = outputs[0][1]
    assert "[/][link=http://x]" in table and "\\x1b[31m" in table  # shown as written, never acted on


def test_markdown_cannot_swallow_the_report(runner: Any, tmp_path: Path) -> None:
    d = load_yaml(DATA)
    item = d["items"]["c10"]["narrative"][0]
    item["text"] = "说明\n\n```\n代码\n~~~\n    缩进\n---\n===\n<script>x</script>\n| a | b |"
    path = write_yaml(tmp_path / "d.yaml", d)
    text = run(runner, "report", path).stdout
    assert "```" not in text and "~~~" not in text and "<script>" not in text
    [line] = [x for x in text.splitlines() if x.startswith("10. 说明")]  # one line, the whole text
    assert "代码" in line and r"\| a \| b \|" in line
    starts = [x[:4] for x in text.splitlines() if x.startswith(("---", "===", "    "))]
    assert starts == ["---"]  # the template's own rule before the provenance, nothing from the data
    assert text.rstrip().endswith("</sub>")  # the provenance line is still the last


# ----------------------------------------------------------------------------- what is read


@pytest.mark.skipif(not POSIX, reason="devices and FIFOs")
@pytest.mark.parametrize("role", ["data", "rubric", "template"])
def test_only_regular_files_are_read(runner: Any, tmp_path: Path, role: str) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    for special in (Path("/dev/zero"), fifo):
        args: list[object] = {
            "data": ["score", special],
            "rubric": ["score", DATA, "--rubric", special],
            "template": ["report", DATA, "--template", special],
        }[role]
        result = run(runner, *args)
        assert result.exit_code == 2 and "不是普通文件" in result.stderr, result.output


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_globs_and_folders_do_not_follow_link_loops(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    data(tmp_path / "a", "x.yaml")
    (tmp_path / "a" / "up").symlink_to("..")
    (tmp_path / "a" / "self").symlink_to(".")
    cmd = [sys.executable, "-m", "selfeval", "score", "**/*.yaml", "-f", "json"]
    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["subject"]["name"] == "平罗县"  # one file found, scored alone


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_system_errors_are_messages(runner: Any, tmp_path: Path) -> None:
    (tmp_path / "l1").symlink_to("l2")
    (tmp_path / "l2").symlink_to("l1")
    result = run(runner, "score", tmp_path / "l1")
    assert result.exit_code == 2 and "l1: 符号链接层数过多" in result.stderr
    result = run(runner, "score", DATA / "x.yaml")
    assert result.exit_code == 2 and "不是文件夹" in result.stderr
    result = run(runner, "score", tmp_path / ("长" * 200 + ".yaml"))
    assert result.exit_code == 2 and "文件名过长" in result.stderr
    result = run(runner, "report", DATA, "--template", tmp_path)
    assert result.exit_code == 2 and "这是文件夹，不是文件" in result.stderr


def test_a_glob_or_folder_with_no_data_is_usage(runner: Any, tmp_path: Path) -> None:
    assert run(runner, "score", tmp_path / "*.yaml").exit_code == 2
    assert run(runner, "audit", tmp_path).exit_code == 2


def test_jobs_are_capped_by_files_and_processors(tmp_path: Path) -> None:
    from selfeval.batch import score_many

    paths = [data(tmp_path, f"{i}.yaml", name=f"县{i}") for i in range(2)]
    assert [r.total for r in score_many(paths, jobs=512)] == [104, 104]


# ----------------------------------------------------------------------------- rubric expressions


def _rubric_with_metrics(tmp_path: Path, block: str) -> Path:
    text = RUBRIC.read_text(encoding="utf-8")
    i = text.index("metrics:\n") + len("metrics:\n")
    path = tmp_path / "r.yaml"
    path.write_text(text[:i] + block + text[i:], encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ('  deep: {title: 深, expr: "' + "(" * 40 + "towns" + ")" * 40 + '"}\n', "嵌套超过 32 层"),
        ('  many: {title: 多, expr: "' + "+".join(["towns"] * 300) + '"}\n', "公式超过 400 个"),
        ('  long: {title: 长, expr: "' + " + ".join(["towns"] * 970) + '"}\n', "公式超过 2000 个字符"),
        (
            "".join(f"  m{k}: {{title: m{k}, expr: m{k + 1} + 1}}\n" for k in range(300))
            + "  m300: {title: m, expr: towns}\n",
            "经 301 层指标才算出",
        ),
    ],
    ids=["nesting", "terms", "length", "chain"],
)
def test_metric_expressions_have_limits(runner: Any, tmp_path: Path, block: str, message: str) -> None:
    path = _rubric_with_metrics(tmp_path, block)
    result = run(runner, "validate", path)
    assert result.exit_code == 1
    [line] = [x for x in result.stdout.splitlines() if message in x]
    assert line.startswith(f"{path}:") and ":" in line.split(": error:")[0]


@pytest.mark.slow
@pytest.mark.parametrize(
    "cell",
    [
        "1" * 1_000_000 + "(",  # a closing bracket that never comes
        "≥" + "1a" * 500_000,
        "1" * 1_000_000 + "季",  # nearly a quarter (第3季度)
        "≥95%" + "（备注）" * 200_000,
        "≥" + "万" * 1_000_000 + "5",
        "9" * 1_000_000 + "亿元",
    ],
)
def test_a_long_cell_is_read_in_one_pass(tmp_path: Path, cell: str) -> None:
    # bounded by the subprocess's timeout, not timed: a pattern that backtracks takes hours here
    from helpers import TABLE_DATA

    table = load_yaml(TABLE_DATA)
    table["indicators"][0]["target"] = cell
    path = write_yaml(tmp_path / "t.yaml", table)
    cmd = [sys.executable, "-m", "selfeval", "score", str(path), "-f", "json"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr[-500:]


# ----------------------------------------------------------------------------- user templates


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('{{ "x" * 1000000000 }}', "沙箱不允许"),
        ('{{ "x".ljust(1000000000) }}', "沙箱不允许"),
        ('{{ "{:>999999999}".format(1) }}', "沙箱不允许"),
        ('{{ "%999999999s" % 1 }}', "沙箱不允许"),
        ('{{ "%999999999s"|format(1) }}', "沙箱不允许"),
        ('{{ "a"|center(1000000000) }}', "沙箱不允许"),
        ("{{ [1]|batch(1000000000, 0)|list }}", "沙箱不允许"),
        ("{{ lipsum(100000) }}", "lipsum"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "递归过深"),
        ('{% for i in range(100000) %}{{ "x" * 9999 }}{% endfor %}', "输出超过"),
        # text or lists that double: bounded as they grow, long before the output is
        ('{% set ns = namespace(s="ab") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}', "超过"),
        ('{% set ns = namespace(s="ab") %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}', "超过"),
        ('{% set ns = namespace(l=["ab"]) %}{% for i in range(40) %}{% set ns.l = ns.l + ns.l %}{% endfor %}', "超过"),
        (
            '{% set ns = namespace(s=["ab"]) %}{% for i in range(40) %}'
            "{% set ns.s = [ns.s|join, ns.s|join] %}{% endfor %}",
            "超过",
        ),
        ('{% macro d(s, n) %}{% if n %}{{ d(s ~ s, n - 1) }}{% endif %}{% endmacro %}{{ d("ab", 40) }}', "超过"),
        (
            '{% set ns = namespace(s="ab") %}{% for i in range(40) %}'
            '{% set ns.s = ns.s.replace("a", ns.s) %}{% endfor %}',
            "超过",
        ),
        # many mid-sized pieces kept: the memory bound (where the system allows one), else the time bound
        (
            '{% set ns = namespace(l=["x" * 9000]) %}{% for i in range(100000) %}{% for j in range(1000) %}'
            "{% set _ = ns.l.append(ns.l[0] ~ i) %}{% endfor %}{% endfor %}",
            "已停止",
        ),
    ],
)
def test_user_templates_have_resource_limits(runner: Any, tmp_path: Path, source: str, message: str) -> None:
    tpl = tmp_path / "t.md.j2"
    tpl.write_text("第一行\n" + source + "\n", encoding="utf-8")
    result = run(runner, "report", DATA, "--template", tpl, "--out", tmp_path / "r.md")
    assert result.exit_code == 1, result.output
    assert message in result.stderr and f"{tpl}:" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.md.j2"]


# ----------------------------------------------------------------------------- nothing lost


@pytest.mark.skipif(not POSIX, reason="signals")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_a_write_leaves_no_temporary_file(tmp_path: Path, sig: int) -> None:
    tpl = tmp_path / "slow.md.j2"  # slow enough to be caught writing, well inside the time limit
    tpl.write_text("{% for i in range(3000) %}{% for j in range(3000) %}{% endfor %}{% endfor %}x\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "selfeval", "report", str(DATA), "--template", str(tpl), "--out", "r.md"]
    proc = subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
        assert proc.poll() is None and time.monotonic() < deadline, "the write never started"
        time.sleep(0.02)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + sig, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slow.md.j2"]


@pytest.mark.skipif(not POSIX, reason="devices")
def test_force_replaces_only_regular_files_that_are_not_inputs(runner: Any, tmp_path: Path) -> None:
    result = run(runner, "report", DATA, "--out", "/dev/null", "--format", "markdown", "--force")
    assert result.exit_code == 2 and "不是普通文件" in result.stderr
    rubric = tmp_path / "r.yaml"
    rubric.write_text(RUBRIC.read_text(encoding="utf-8"), encoding="utf-8")
    before = rubric.read_bytes()
    result = run(runner, "score", DATA, "--rubric", rubric, "--out", rubric, "--format", "json", "--force")
    assert result.exit_code == 2 and rubric.read_bytes() == before


def own_rubric(folder: Path, **changes: Any) -> tuple[Path, Path]:
    """A rubric of the county's own beside two data files that name it by ``rubric.path``."""
    rubric = load_yaml(RUBRIC)
    rubric.update(id="own-county", **changes)
    write_yaml(folder / "r.yaml", rubric)
    for name in ("a.yaml", "b.yaml"):
        d = load_yaml(DATA)
        d["rubric"] = {"id": "own-county", "version": rubric["version"], "path": "r.yaml"}
        d["subject"]["name"] = name[0] + "县"
        write_yaml(folder / name, d)
    return folder / "a.yaml", folder / "b.yaml"


def test_no_output_replaces_a_file_the_run_read_however_it_was_found(runner: Any, tmp_path: Path) -> None:
    # the rubric a data file names, and the template that rubric names, are inputs as much as the data
    (tmp_path / "mine.md.j2").write_text("{{ title }}\n", encoding="utf-8")
    a, b = own_rubric(tmp_path, templates={"markdown": "mine.md.j2"})
    rubric, template = tmp_path / "r.yaml", tmp_path / "mine.md.j2"
    before = {p: p.read_bytes() for p in (rubric, template)}
    attempts = [
        ("audit", a, "-f", "json", "--out", rubric),
        ("audit", a, b, "-f", "csv", "--out", rubric),
        ("score", a, "-f", "json", "--out", rubric),
        ("score", a, b, "-f", "csv", "--out", rubric),
        ("validate", a, b, "-f", "json", "--out", rubric),
        ("compare", a, b, "-f", "json", "--out", template),
        ("report", a, "-f", "markdown", "--out", template),
        ("init", rubric, "--from", a),
        ("init", template, "--from", a),
    ]
    for args in attempts:
        result = run(runner, *args, "--force")
        assert result.exit_code == 2 and "这是本命令读取的文件，绝不覆盖" in result.stderr, args
    assert {p: p.read_bytes() for p in before} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml", "mine.md.j2", "r.yaml"]


def test_no_output_goes_into_the_installed_tool(runner: Any, tmp_path: Path) -> None:
    from selfeval import resources

    shipped = resources.DEFAULT_RUBRIC
    before = shipped.read_bytes()
    result = run(runner, "score", DATA, "-f", "json", "--out", shipped, "--force")
    assert result.exit_code == 2 and "selfeval 自带的文件" in result.stderr and shipped.read_bytes() == before
    inside = Path(resources.__file__).parent / "new.json"
    result = run(runner, "score", DATA, "-f", "json", "--out", inside)
    assert result.exit_code == 2 and not inside.exists()


@pytest.mark.parametrize(
    ("name", "line"),
    [("/etc/passwd", "r.yaml:"), ("../outside.md.j2", "r.yaml:"), ("~/x.md.j2", "r.yaml:"), ("C:/x.md.j2", "r.yaml:")],
)
def test_a_rubric_names_only_files_inside_its_own_folder(runner: Any, tmp_path: Path, name: str, line: str) -> None:
    (tmp_path / "outside.md.j2").write_text("secret\n", encoding="utf-8")
    folder = tmp_path / "county"
    folder.mkdir()
    a, _ = own_rubric(folder, templates={"markdown": name})
    for args in (("validate", folder / "r.yaml"), ("report", a)):
        result = run(runner, *args)
        assert result.exit_code == 1 and "不在评分标准所在的文件夹内" in result.output, args
        assert "secret" not in result.stdout and "root:" not in result.stdout


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_a_template_that_links_out_of_the_rubrics_folder_is_refused(runner: Any, tmp_path: Path) -> None:
    (tmp_path / "county").mkdir()
    (tmp_path / "county" / "t.md.j2").symlink_to("/etc/passwd")
    a, _ = own_rubric(tmp_path / "county", templates={"markdown": "t.md.j2"})
    result = run(runner, "report", a)
    assert result.exit_code == 1 and "指向评分标准文件夹之外的链接" in result.stderr and "root:" not in result.stdout


def test_a_reference_document_is_checked_before_it_is_opened(runner: Any, tmp_path: Path) -> None:
    import zipfile

    a, _ = own_rubric(tmp_path, templates={"docx-reference": "ref.docx"})
    (tmp_path / "ref.docx").write_text("not a zip", encoding="utf-8")
    result = run(runner, "report", a, "--out", tmp_path / "r.docx")
    assert result.exit_code == 1 and "不是 Word 文档" in result.stderr and "r.yaml:" in result.stderr
    with zipfile.ZipFile(tmp_path / "ref.docx", "w", zipfile.ZIP_DEFLATED) as z:  # 5 million paragraphs
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + "<w:p/>" * 5_000_000 + "</w:document>")
    assert (tmp_path / "ref.docx").stat().st_size < 100_000
    result = run(runner, "report", a, "--out", tmp_path / "r.docx")
    assert result.exit_code == 1 and "解压后过大" in result.stderr
    assert not (tmp_path / "r.docx").exists()


def test_an_output_name_as_long_as_names_can_be(runner: Any, tmp_path: Path) -> None:
    out = tmp_path / ("b" * 250 + ".md")
    result = run(runner, "report", DATA, "--out", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


# ----------------------------------------------------------------------------- messages


def test_github_annotations_escape_names_and_messages() -> None:
    from selfeval.outputs.github import annotation
    from selfeval.problems import Problem, Severity

    p = Problem(path="a,b:c\nd.yaml", line=3, col=1, message="第一行\n第二行, 50%", code="x", severity=Severity.ERROR)
    line = annotation(p)
    assert "\n" not in line
    assert line.startswith("::error file=a%2Cb%3Ac%0Ad.yaml,line=3,col=1,")
    assert line.endswith("::第一行%0A第二行, 50%25")


@pytest.mark.parametrize("name", ["平罗县\n二", 'a"b', "#x", "*a", "- y", "{z}", "x\u2028y", "x\x1by", "'q'", "!!int"])
def test_init_always_writes_yaml_that_parses(runner: Any, tmp_path: Path, name: str) -> None:
    from selfeval.load import parse

    out = tmp_path / "n.yaml"
    assert run(runner, "init", out, "--name", name, "--year", "2021").exit_code == 0
    assert parse(out.read_bytes(), "n.yaml").data["subject"]["name"] == name
