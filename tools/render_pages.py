"""Render every document selfeval writes for the bundled examples, and a generated province, to
PNG pages, so that a person can look at them as a clerk and a reviewer would before filing.

    python tools/render_pages.py pages/            # every output, pages as pages/png/*.png
    python tools/render_pages.py pages/ --dpi 110  # sharper pages
    python tools/render_pages.py pages/ --plan     # what it would write and render, nothing run

It writes, into ``OUT/files``: for 平罗县 (the narrative report) and 稷山县 (the project table) the
report as Markdown (text: listed, not rendered), Word and Excel and the 评分表 (``score --out``);
for a province of ten counties made from the Pingluo example (figures varied, names of
Ningxia's counties) the workbook and the page (``score DIR --out``). Word and Excel files are
turned into PDF by LibreOffice headless (``soffice --convert-to pdf``), the page by Chromium
headless (``--print-to-pdf``), and every PDF into PNG pages by ``pdftoppm``. A program that is
missing is installed with ``apt-get install -y`` when it can be; when it cannot, the files it
would have rendered are still written and listed, and the run says what it could not do.
The list of PNG pages is printed at the end, one path a line.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NARRATIVE = ROOT / "data" / "pingluo_2020.yaml"
TABLE = ROOT / "data" / "jishan_2020.yaml"

OFFICE = "office"
BROWSER = "browser"
TEXT = "text"
RENDERERS = {".docx": OFFICE, ".xlsx": OFFICE, ".html": BROWSER, ".md": TEXT}
"""How a file becomes pages: LibreOffice for Word and Excel, Chromium for HTML; Markdown is read as text."""

PACKAGES = {
    OFFICE: ("libreoffice-writer-nogui", "libreoffice-calc-nogui"),
    BROWSER: ("chromium",),
    "pdftoppm": ("poppler-utils",),
}
"""The Debian packages each renderer needs (LibreOffice's writer and calc: soffice alone opens no .xlsx)."""

COUNTIES = ("永宁县", "贺兰县", "灵武市", "平罗县", "惠农区", "大武口区", "利通区", "青铜峡市", "盐池县", "同心县")
"""The generated province: names of Ningxia's counties (the files are Pingluo's, varied)."""

TIMEOUT = 600
"""Seconds any one program may take before the run gives up on it."""


@dataclass(frozen=True, kw_only=True)
class Job:
    """One output to write with selfeval and, unless it is text, to render to pages."""

    name: str
    """The file written, in ``OUT/files``: its suffix chooses the format and the renderer."""
    args: tuple[str, ...]
    """selfeval's arguments before ``--out``."""

    @property
    def renderer(self) -> str:
        return RENDERERS[Path(self.name).suffix]


def plan(province: Path) -> list[Job]:
    """Every output of both bundled examples and of the province in ``province``."""
    jobs = []
    for who, data, report in (("平罗县", NARRATIVE, "自评报告"), ("稷山县", TABLE, "自评表")):
        for suffix in (".md", ".docx", ".xlsx"):
            jobs.append(Job(name=f"{who}-{report}{suffix}", args=("report", str(data))))
        jobs.append(Job(name=f"{who}-评分表.xlsx", args=("score", str(data))))
    for name in ("全区汇总.xlsx", "全区.html"):
        jobs.append(Job(name=name, args=("score", str(province))))
    return jobs


def make_province(folder: Path, names: Sequence[str] = COUNTIES, seed: int = 2020) -> list[Path]:
    """A province's data files: the Pingluo example under each name (in its text too), its figures varied a little
    (the same seed, the same files), so the ranking, the matrix and the chart have differences to show."""
    import yaml

    base = yaml.safe_load(NARRATIVE.read_text(encoding="utf-8"))
    rng = random.Random(seed)  # noqa: S311 - synthetic figures, not secrets
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, name in enumerate(names):
        data = {**base, "subject": {**base["subject"], "name": name}}
        data["figures"] = {key: _varied(value, rng) for key, value in base["figures"].items()}
        claims = dict(base.get("claims", {}))
        for key in rng.sample(sorted(k for k in claims if k != "total"), min(2, len(claims))):
            claims[key] = max(0, float(claims[key]) - rng.choice([0.5, 1, 2]))
        data["claims"] = claims
        path = folder / f"{i + 1:02d}_{name}.yaml"
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        path.write_text(text.replace("平罗县", name), encoding="utf-8")  # its letterhead and title too
        paths.append(path)
    return paths


def _varied(value: Any, rng: random.Random) -> Any:
    raw = value["value"] if isinstance(value, dict) else value
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not raw:
        return value
    if isinstance(raw, int):
        new: Any = max(0, round(raw * rng.uniform(0.7, 1.2)))
    else:
        new = round(raw * rng.uniform(0.7, 1.2), 2)
    return {**value, "value": new} if isinstance(value, dict) else new


def soffice_command(files: Sequence[Path], pdf: Path, profile: Path) -> list[str]:
    """LibreOffice headless turning ``files`` into PDFs in ``pdf``, with a profile of its own (a
    LibreOffice already running for someone else would otherwise take the request and do nothing)."""
    return [
        "soffice",
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(pdf),
        *(str(f) for f in files),
    ]


def chromium_command(html: Path, pdf: Path, profile: Path) -> list[str]:
    """Chromium headless printing ``html`` to ``pdf`` as its print style lays it out, without the
    browser's own header and footer (date, address)."""
    return [
        _chromium() or "chromium",
        "--headless",
        "--no-sandbox",  # as root in a container there is no sandbox to have
        "--disable-gpu",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        "--print-to-pdf-no-header",
        f"--print-to-pdf={pdf}",
        html.resolve().as_uri(),
    ]


def pages_command(pdf: Path, prefix: Path, dpi: int) -> list[str]:
    """pdftoppm writing each page of ``pdf`` as ``<prefix>-N.png``."""
    return ["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)]


def _chromium() -> str | None:
    return next(
        (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None
    )


def _has_calc() -> bool:
    program = Path("/usr/lib/libreoffice/program")
    return not program.is_dir() or any(program.glob("libsclo.*"))


CHECKS: dict[str, Callable[[], bool]] = {
    OFFICE: lambda: shutil.which("soffice") is not None and _has_calc(),
    BROWSER: lambda: _chromium() is not None,
    "pdftoppm": lambda: shutil.which("pdftoppm") is not None,
}


def ensure(what: str, say: Callable[[str], None]) -> bool:
    """Whether ``what`` can run, installing its packages with apt-get when it cannot yet."""
    if CHECKS[what]():
        return True
    packages = PACKAGES[what]
    if shutil.which("apt-get") is None:
        say(f"{what}: not installed and no apt-get here; its files are written but not rendered")
        return False
    say(f"{what}: installing {' '.join(packages)} with apt-get")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = ["apt-get", "install", "-y", *packages]  # fixed names: apt-get from PATH, as a person runs it
    done = subprocess.run(command, env=env, capture_output=True, check=False)  # noqa: S603
    if done.returncode != 0 or not CHECKS[what]():
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        say(f"{what}: apt-get could not install it ({tail[0]}); its files are written but not rendered")
        return False
    return True


def _run(command: list[str], say: Callable[[str], None]) -> bool:
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)  # noqa: S603 - our own commands
    except (OSError, subprocess.TimeoutExpired) as e:
        say(f"{command[0]}: {e}")
        return False
    if done.returncode != 0:
        say(f"{command[0]} exited {done.returncode}: {done.stderr.decode('utf-8', 'replace').strip()[-400:]}")
    return done.returncode == 0


def write(jobs: Sequence[Job], files: Path, say: Callable[[str], None]) -> list[Path]:
    """Run selfeval for each job; the files written (a job that writes nothing is said, and skipped)."""
    written = []
    for job in jobs:
        out = files / job.name
        command = [sys.executable, "-m", "selfeval", *job.args, "--out", str(out), "--force"]
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)  # noqa: S603 - selfeval itself
        if out.is_file():
            written.append(out)
        else:
            say(f"{job.name}: not written (exit {done.returncode}): {done.stderr.decode('utf-8', 'replace').strip()}")
    return written


def pdf_of(f: Path, pdf: Path) -> Path:
    """Where the PDF of ``f`` is made: one folder per suffix, as LibreOffice names a PDF by the
    file's stem alone (自评报告.docx and 自评报告.xlsx would make one 自评报告.pdf)."""
    return pdf / f.suffix.lstrip(".") / f"{f.stem}.pdf"


def pages_prefix(f: Path) -> str:
    """The name the pages of ``f`` start with: 平罗县-自评报告-docx (-1.png, -2.png…)."""
    return f"{f.stem}-{f.suffix.lstrip('.')}"


def render(written: Sequence[Path], out: Path, dpi: int, say: Callable[[str], None]) -> list[Path]:
    """Every written file that is not text as PNG pages in ``out/png``; the pages, in order."""
    pdf, png, work = out / "pdf", out / "png", out / "work"
    for folder in (pdf, png, work):
        folder.mkdir(parents=True, exist_ok=True)
    for old in [*png.glob("*.png"), *pdf.glob("*/*.pdf")]:  # an earlier run's would pass for this one's
        old.unlink()
    by = {r: [f for f in written if RENDERERS[f.suffix] == r] for r in (OFFICE, BROWSER)}
    if not ensure("pdftoppm", say):
        return []
    if by[OFFICE] and ensure(OFFICE, say):
        for suffix in sorted({f.suffix for f in by[OFFICE]}):
            group = [f for f in by[OFFICE] if f.suffix == suffix]
            _run(soffice_command(group, pdf_of(group[0], pdf).parent, work / "libreoffice"), say)
    if by[BROWSER] and ensure(BROWSER, say):
        for html in by[BROWSER]:
            pdf_of(html, pdf).parent.mkdir(parents=True, exist_ok=True)
            _run(chromium_command(html, pdf_of(html, pdf), work / "chromium"), say)
    pages: list[Path] = []
    for f in [*by[OFFICE], *by[BROWSER]]:
        made = pdf_of(f, pdf)
        if not made.is_file():
            say(f"{f.name}: no PDF made")
            continue
        prefix = pages_prefix(f)
        if _run(pages_command(made, png / prefix, dpi), say):
            pages += sorted(png.glob(f"{prefix}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return pages


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="the folder for the files, PDFs and PNG pages")
    parser.add_argument("--dpi", type=int, default=80, help="resolution of the PNG pages (default 80)")
    parser.add_argument("--plan", action="store_true", help="list what would be written and how, and stop")
    args = parser.parse_args(argv)

    def say(text: str) -> None:
        print(text, file=sys.stderr)

    files = args.out / "files"
    province = args.out / "province"
    jobs = plan(province)
    if args.plan:
        for job in jobs:
            print(f"{job.renderer:8} {job.name:20} selfeval {' '.join(job.args)} --out {files / job.name}")
        return 0
    files.mkdir(parents=True, exist_ok=True)
    make_province(province)
    written = write(jobs, files, say)
    for f in written:
        if RENDERERS[f.suffix] == TEXT:
            print(f)  # text: read it as it is
    pages = render(written, args.out, args.dpi, say)
    for page in pages:
        print(page)
    return 0 if pages else 1


if __name__ == "__main__":
    sys.exit(main())
