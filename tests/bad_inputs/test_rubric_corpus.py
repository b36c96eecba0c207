"""Rubrics, the templates and reference documents they name, and values that outgrow a format:
hostile input from the hands that write a rubric or a county's file.

Each case is a folder in tests/bad_inputs/rubric_corpus/ (a data file naming its rubric by
``rubric.path``, and what that rubric names), or is built here where committing it would mean a
large file or a link: a zip bomb, a unit of 125,001 characters, a county name of 300, a cell of
40,000, a template that links to /etc/passwd.
Every command of a case runs as ``python -m selfeval`` in a copy of its folder, in a process held
to 2 GB of address space and stopped at 20 s (the bounds of test_corpus_bounds.py). Each asserts
the exit code, the message at the place it names (``path:line:col: ``), that no traceback
reached the user, that no message line quotes a value whole, and that the folder holds what it
held before plus, on success, the output asked for.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import DATA, ROOT, TABLE_DATA, load_yaml, write_yaml

pytestmark = [
    pytest.mark.slow,  # every case in a bounded process of its own: CI runs it, the quick loop does not
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and wait4"),
]

CORPUS = Path(__file__).resolve().parent / "rubric_corpus"
MEMORY = 2 * 1024**3
SECONDS = 20
LONGEST_LINE = 1_000
"""Most characters a line of a message may have: a message quotes a value, never a whole long one."""
NAME = "平" * 297 + "罗县县"
"""A county name of 300 characters."""
LONG_TEXT = "原" * 40_000
"""A cell's text longer than the 32,767 characters an Excel cell holds."""


# ----------------------------------------------------------------------------- running a command


@dataclasses.dataclass(frozen=True)
class Run:
    code: int | None
    """The exit code; None when the run was stopped at the time bound."""
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    """The process's peak resident memory."""

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _limit(memory: int) -> Callable[[], None]:
    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return limit


def bounded(args: list[str], cwd: Path, memory: int = MEMORY, seconds: float = SECONDS) -> Run:
    """``python -m selfeval *args`` in ``cwd``, held to ``memory`` bytes and stopped at ``seconds``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SELFEVAL_")}  # Chinese, as by default
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "selfeval", *args],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            preexec_fn=_limit(memory),
        )
        stopped = threading.Event()

        def stop() -> None:
            stopped.set()
            proc.kill()

        timer = threading.Timer(seconds, stop)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return Run(
            code=None if stopped.is_set() else proc.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            seconds=elapsed,
            peak_mb=usage.ru_maxrss / 1024,
        )


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# ----------------------------------------------------------------------------- cases built here


def zip_bomb(dest: Path, size: int = 110 * 2**20) -> Path:
    """The bundled reference document with its word/document.xml grown to ``size`` bytes of
    paragraphs: a few hundred kilobytes on disk, written without ever holding it whole."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    )
    paragraph = "<w:p><w:r><w:t>炸</w:t></w:r></w:p>".encode()
    chunk = paragraph * (2**20 // len(paragraph))
    with (
        zipfile.ZipFile(ROOT / "templates" / "report.docx") as src,
        zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out,
    ):
        for info in src.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info.filename, src.read(info.filename))
                continue
            with out.open(info.filename, "w", force_zip64=True) as fh:
                fh.write(head)
                written = len(head)
                while written < size:
                    fh.write(chunk)
                    written += len(chunk)
                fh.write(b"<w:sectPr/></w:body></w:document>")
    return dest


def _unit_of_yi(folder: Path) -> None:
    folder.mkdir()
    (folder / "data.yaml").write_text(
        "subject: {name: 测试县, year: 2020}\n"
        'rubric: {id: ningxia-2020-county, version: "2020.1"}\n'
        "figures:\n"
        f'  urban_dibao_funds: "13{"亿" * 125_001}"\n',
        encoding="utf-8",
    )


def _long_name(folder: Path) -> None:
    folder.mkdir()
    data = load_yaml(DATA)
    data["subject"]["name"] = NAME
    write_yaml(folder / "data.yaml", data)


def _long_cell(folder: Path) -> None:
    folder.mkdir()
    data = load_yaml(TABLE_DATA)
    data["indicators"][0]["reason"] = LONG_TEXT
    write_yaml(folder / "data.yaml", data)


def _link_out(folder: Path) -> None:
    """A rubric naming a template in its folder that is a link to /etc/passwd (a copied folder
    would hold the file itself, so the link is made here)."""
    shutil.copytree(CORPUS / "template_etc_passwd", folder)
    rubric = folder / "rubric.yaml"
    rubric.write_text(rubric.read_text(encoding="utf-8").replace("/etc/passwd", "link.j2"), encoding="utf-8")
    (folder / "link.j2").symlink_to("/etc/passwd")


BUILT: dict[str, Callable[[Path], object]] = {
    "template_link_outside": _link_out,
    "reference_zip_bomb": lambda folder: zip_bomb(folder / "bomb.docx"),
    "unit_125001_yi": _unit_of_yi,
    "county_name_300": _long_name,
    "cell_40000": _long_cell,
}


# ----------------------------------------------------------------------------- what a written file holds


def _docx_opens(folder: Path, run: Run) -> None:
    from docx import Document

    Document(str(folder / "r.docx"))  # Word opens it


def _cell_kept_or_said(folder: Path, run: Run) -> None:
    """The long text is in the workbook whole, or the run said it was shortened (never silently)."""
    import openpyxl

    book = openpyxl.load_workbook(folder / "r.xlsx")
    kept = sum(str(c.value).count("原") for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value)
    assert kept >= len(LONG_TEXT) or "截断" in run.stderr, (kept, run.stderr[-500:])


# ----------------------------------------------------------------------------- the cases

OUTSIDE = "不在评分标准所在的文件夹内"
TOO_BIG = r"超过|沙箱不允许"
_TEMPLATE_AT = r"{}:\d+:1: "

# case, command line (after `selfeval`), exit code, where the message line starts (a regex; "" for
# no message), message part (a regex), and what else the written output must hold
CASES: list[tuple[str, str, int, str, str, Callable[[Path, Run], None] | None]] = [
    # A rubric names a file outside its folder: refused at the rubric's line by every command.
    *[
        ("template_etc_passwd", cmd, 1, r"rubric\.yaml:2:1: error: ", OUTSIDE, None)
        for cmd in ("validate data.yaml", "score data.yaml", "audit data.yaml", "report data.yaml")
    ],
    ("template_etc_passwd", "report data.yaml --out r.docx", 1, r"rubric\.yaml:2:1: error: ", OUTSIDE, None),
    *[
        ("template_outside", cmd, 1, r"a/b/rubric\.yaml:2:1: error: ", OUTSIDE, None)
        for cmd in ("validate a/b/data.yaml", "score a/b/data.yaml", "audit a/b/data.yaml", "report a/b/data.yaml")
    ],
    ("template_outside", "report a/b/data.yaml --out r.docx", 1, r"a/b/rubric\.yaml:2:1: error: ", OUTSIDE, None),
    # A template in the rubric's folder that links out of it.
    *[
        ("template_link_outside", cmd, 1, r"rubric\.yaml:2:1: error: ", "链接", None)
        for cmd in ("validate data.yaml", "score data.yaml", "report data.yaml", "report data.yaml --out r.docx")
    ],
    # A template name longer than a file name may be.
    *[
        ("template_name_too_long", cmd, 1, r"rubric\.yaml:2:1: error: ", "每段不超过 255 字节", None)
        for cmd in ("validate data.yaml", "score data.yaml", "report data.yaml")
    ],
    # A template name holding a NUL (a YAML escape, so the file itself has no control character).
    *[
        ("template_name_nul", cmd, 1, r"rubric\.yaml:2:13: error: ", r"控制字符|U\+0000", None)
        for cmd in ("validate data.yaml", "score data.yaml", "report data.yaml", "report data.yaml --out r.docx")
    ],
    # Templates that double a string until memory runs out: stopped at the template's line.
    ("template_doubling", "validate data.yaml", 0, "", "", None),
    ("template_doubling", "report data.yaml", 1, _TEMPLATE_AT.format(r"double\.md\.j2"), TOO_BIG, None),
    ("template_doubling", "report data.yaml --out r.md", 1, _TEMPLATE_AT.format(r"double\.md\.j2"), TOO_BIG, None),
    ("template_doubling", "report data.yaml --out r.docx", 1, _TEMPLATE_AT.format(r"double\.md\.j2"), TOO_BIG, None),
    (
        "template_doubling",
        "report data.yaml --template double.md.j2 --out r.md",
        1,
        _TEMPLATE_AT.format(r"double\.md\.j2"),
        TOO_BIG,
        None,
    ),
    ("template_namespace_loop", "validate data.yaml", 0, "", "", None),
    ("template_namespace_loop", "report data.yaml", 1, _TEMPLATE_AT.format(r"loop\.md\.j2"), TOO_BIG, None),
    (
        "template_namespace_loop",
        "report data.yaml --out r.docx",
        1,
        _TEMPLATE_AT.format(r"loop\.md\.j2"),
        TOO_BIG,
        None,
    ),
    (
        "template_namespace_loop",
        "report data.yaml --template loop.md.j2 --out r.md",
        1,
        _TEMPLATE_AT.format(r"loop\.md\.j2"),
        TOO_BIG,
        None,
    ),
    # Blocks nested deeper than Python compiles (25 for loops): a template error at the template.
    ("template_nested_blocks", "validate data.yaml", 0, "", "", None),
    ("template_nested_blocks", "report data.yaml", 1, _TEMPLATE_AT.format(r"nested\.md\.j2"), "模板", None),
    (
        "template_nested_blocks",
        "report data.yaml --out r.docx",
        1,
        _TEMPLATE_AT.format(r"nested\.md\.j2"),
        "模板",
        None,
    ),
    # A reference document that is no Word document, or a zip bomb: refused at the rubric's line.
    *[
        ("reference_not_docx", cmd, 1, r"rubric\.yaml:2:13: error: ", "reference.docx：不是 Word 文档", None)
        for cmd in ("validate data.yaml", "score data.yaml", "report data.yaml", "report data.yaml --out r.docx")
    ],
    *[
        ("reference_zip_bomb", cmd, 1, r"rubric\.yaml:2:13: error: ", "bomb.docx：参考文档解压后过大", None)
        for cmd in ("validate data.yaml", "score data.yaml", "report data.yaml", "report data.yaml --out r.docx")
    ],
    # A unit of 125,001 亿: a located refusal that quotes the unit shortened, not 375 KB of it.
    *[
        ("unit_125001_yi", cmd, 1, r"data\.yaml:4:3: error: ", "两者不是同一类量", None)
        for cmd in ("validate data.yaml", "score data.yaml", "audit data.yaml", "report data.yaml")
    ],
    # A county name of 300 characters is a name: every output is written (Word's and Excel's
    # 255-character document properties are no reason to fail).
    ("county_name_300", "validate data.yaml", 0, "", "", None),
    ("county_name_300", "report data.yaml", 0, "", "", None),
    ("county_name_300", "report data.yaml --out r.docx", 0, "", "", _docx_opens),
    ("county_name_300", "report data.yaml --out r.xlsx", 0, "", "", None),
    # A text cell of 40,000 characters: Excel holds 32,767 in a cell; never a crash, never cut silently.
    ("cell_40000", "validate data.yaml", 0, "", "", None),
    ("cell_40000", "report data.yaml --out r.xlsx", 0, "", "", _cell_kept_or_said),
    ("cell_40000", "report data.yaml --out r.docx", 0, "", "", _docx_opens),
]
NEVER = {
    "template_etc_passwd": "root:x:0:0",
    "template_link_outside": "root:x:0:0",
    "template_outside": "OUTSIDE-SENTINEL",
}
"""Text of a file outside the rubric's folder, which no output may carry."""


def _case_folder(tmp_path: Path, case: str) -> Path:
    """A copy of the case's folder, with what is built for it (or only what is built)."""
    work = tmp_path / "work" / case
    work.parent.mkdir()
    if case in BUILT and not (CORPUS / case).exists():
        BUILT[case](work)
    else:
        shutil.copytree(CORPUS / case, work)
        if case in BUILT:
            BUILT[case](work)
    return work


def test_every_case_folder_has_cases() -> None:
    assert {c[0] for c in CASES} == {p.name for p in CORPUS.iterdir()} | set(BUILT)


@pytest.mark.parametrize(
    ("case", "command", "code", "where", "message", "then"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES]
)
def test_rubric_corpus(
    tmp_path: Path,
    case: str,
    command: str,
    code: int,
    where: str,
    message: str,
    then: Callable[[Path, Run], None] | None,
) -> None:
    folder = _case_folder(tmp_path, case)
    args = command.split()
    written = args[args.index("--out") + 1] if "--out" in args else None
    before = listing(tmp_path)
    run = bounded(args, folder)
    about = f"exit {run.code} in {run.seconds:.1f} s, {run.peak_mb:.0f} MB\n{run.output[-1500:]}"
    assert run.code is not None, f"stopped at {SECONDS} s\n{about}"
    assert "Traceback" not in run.output, about
    if case in NEVER:
        assert NEVER[case] not in run.output, f"the output holds a file outside the rubric's folder\n{about}"
    assert run.code == code, about
    if message:
        lines = [x for x in run.output.splitlines() if re.search(message, x)]
        assert lines, about
        assert re.match(where, lines[0]), (lines[0][:300], where)
    longest = max((len(x) for x in run.stderr.splitlines()), default=0)
    if command.startswith("validate"):
        longest = max([longest, *(len(x) for x in run.stdout.splitlines())])
    assert longest <= LONGEST_LINE, f"a message line of {longest:,} characters\n{run.output[:300]}"
    after = listing(tmp_path)
    expected = sorted([*before, f"work/{case}/{written}"]) if written and code == 0 else before
    assert after == expected, "a stray file appeared, or the output was not written"
    if then is not None:
        then(folder, run)
