"""Time `selfeval score` against its floor, measured in the same run: every figure is a ratio.

The floor is what any Python YAML tool must pay: a fresh Python reading the same files with
PyYAML's C loader (``yaml.load(..., Loader=CSafeLoader)``), one file in one process, or a
batch in as many processes as ``selfeval`` uses (2 on a 2-core machine). Each measurement and
its floor run alternately, best of N each, so both see the same machine.

Figures (all with the peak resident memory of the largest process, the command or a worker):

- one county from a cold start, ``score FILE -f json``, cache off, and again with a warm cache,
  against the single-file floor;
- each batch size, ``score DIR -f csv``: the first run (cache off, and cache empty) and a re-run
  with the cache warm, against the floor of the same files;
- the largest size against the one before it (linear: 4× the files in about 4× the time).

The files are made from the bundled Pingluo example with figures varied and some claims made
wrong, so that every file is scored and audited in full.

    python benchmarks/bench_score.py                          # sizes 3000 12000
    python benchmarks/bench_score.py --sizes 300 --cold 3     # a quick look
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from selfeval import __version__, resources

Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
PERCENT_UNITS = {"%"}


def _plain(value: Any) -> Any:
    """Floats back to numbers YAML writes exactly (the loader reads them as Decimal again)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def vary(base: dict[str, Any], i: int, rng: random.Random) -> dict[str, Any]:
    """One synthetic county: the example with its figures varied and a few claims wrong."""
    data = {**base, "subject": {**base["subject"], "name": f"合成县{i:04d}"}}
    figures = {}
    for key, value in base["figures"].items():
        raw = value["value"] if isinstance(value, dict) else value
        if isinstance(raw, (int, float)) and raw:
            if "pct" in key or "rate" in key:
                new: Any = round(min(100.0, float(raw) * rng.uniform(0.85, 1.05)), 1)
            elif isinstance(raw, int):
                new = max(0, int(raw * rng.uniform(0.6, 1.4)))
            else:
                new = round(float(raw) * rng.uniform(0.6, 1.4), 2)
            value = {**value, "value": new} if isinstance(value, dict) else new
        elif isinstance(raw, str):  # "910.38万元"
            value = raw
        figures[key] = value
    data["figures"] = figures
    claims = dict(base["claims"])
    for key in rng.sample(sorted(k for k in claims if k != "total"), 3):
        claims[key] = max(0, float(claims[key]) - rng.choice([0.5, 1]))
    data["claims"] = claims
    return data


def generate(n: int, folder: Path, seed: int = 2020) -> list[Path]:
    base = yaml.safe_load(resources.EXAMPLE_DATA.read_text(encoding="utf-8"))
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    paths = []
    for i in range(n):
        path = folder / f"county_{i:04d}.yaml"
        text = yaml.dump(_plain(vary(base, i, rng)), Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


MEASURE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "wall = time.perf_counter() - t\n"
    "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(p.returncode, wall, rss)\n"
    "sys.stderr.write(p.stderr.decode()[-2000:])\n"
)
"""Run a command in a fresh process: its exit code, wall time and the peak memory (KB) of the
largest process it started (the command or one of its workers)."""


FLOOR = "import sys, yaml\nyaml.load(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n"
"""What any Python YAML tool pays for one file: start Python, import PyYAML, parse the file with libyaml."""

FLOOR_MANY = (
    "import sys, glob, multiprocessing, yaml\n"
    "def read(p):\n"
    "    with open(p, encoding='utf-8') as fh:\n"
    "        yaml.load(fh.read(), Loader=yaml.CSafeLoader)\n"
    "if __name__ == '__main__':\n"
    "    files = sorted(glob.glob(sys.argv[1] + '/*.yaml'))\n"
    "    jobs = int(sys.argv[2])\n"
    "    how = 'fork' if 'fork' in multiprocessing.get_all_start_methods() else 'spawn'\n"
    "    with multiprocessing.get_context(how).Pool(jobs) as pool:\n"
    "        pool.map(read, files, chunksize=max(1, len(files) // (jobs * 4)))\n"
)
"""The floor of a batch: the same files read with PyYAML's C loader in as many processes."""


def run(args: list[str], env: dict[str, str] | None = None) -> tuple[int, float, int]:
    out = subprocess.run([sys.executable, "-c", MEASURE, *args], capture_output=True, text=True, check=True, env=env)
    code, wall, rss = out.stdout.split()
    return int(code), float(wall), int(rss)


def best(runs: list[tuple[int, float, int]]) -> tuple[float, int]:
    """The best wall time of some runs, and the largest peak memory among them."""
    return min(r[1] for r in runs), max(r[2] for r in runs)


def alternate(
    repeat: int,
    cmd: list[str],
    floor: list[str],
    env: dict[str, str],
    before: Callable[[], None] | None = None,
) -> tuple[tuple[float, int], tuple[float, int]]:
    """``cmd`` and its ``floor`` run one after the other ``repeat`` times (``before`` each run of
    ``cmd``): the best of each."""
    mine, base = [], []
    for _ in range(max(1, repeat)):
        base.append(run(floor))
        if before is not None:
            before()
        code, wall, rss = run(cmd, env)
        if code not in (0, 1):
            sys.exit(f"{' '.join(cmd)} failed with exit {code}")
        mine.append((code, wall, rss))
    return best(mine), best(base)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 12000], help="batch sizes (files)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each batch and its floor; the best is reported")
    parser.add_argument("--jobs", type=int, default=0, help="passed to selfeval score --jobs (0: the cores)")
    parser.add_argument("--cold", type=int, default=10, help="runs of one county and of its floor")
    args = parser.parse_args()
    exe = shutil.which("selfeval") or sys.exit("selfeval is not on PATH; pip install . first")
    jobs = args.jobs or os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="selfeval-bench-"))
    store = work / "cache"
    off = {**os.environ, "SELFEVAL_NO_CACHE": "1"}
    on = {k: v for k, v in os.environ.items() if k != "SELFEVAL_NO_CACHE"}
    on["SELFEVAL_CACHE_DIR"] = str(store)

    def empty() -> None:
        shutil.rmtree(store, ignore_errors=True)

    rows: list[tuple[str, str, str, str, str]] = []

    def add(what: str, mine: tuple[float, int], floor: tuple[float, int] | None, unit: str = "s") -> None:
        def shown(x: float) -> str:
            return f"{x * 1000:.0f} ms" if unit == "ms" else f"{x:.2f} s"

        ratio = f"{mine[0] / floor[0]:.2f}×" if floor else ""
        rows.append((what, shown(mine[0]), shown(floor[0]) if floor else "", ratio, f"{mine[1] / 1024:.0f} MB"))
        print(f"  {what}: {shown(mine[0])}" + (f", floor {shown(floor[0])}, {ratio}" if floor else ""), flush=True)

    try:
        print(
            f"selfeval {__version__}, Python {platform.python_version()}, {platform.machine()}, "
            f"{os.cpu_count()} cores, PyYAML C loader: {hasattr(yaml, 'CSafeLoader')}",
            flush=True,
        )
        example = str(resources.EXAMPLE_DATA)
        one = [exe, "score", example, "--format", "json"]
        floor_one = [sys.executable, "-c", FLOOR, example]
        add("one county, cold start, cache off", *alternate(args.cold, one, floor_one, off), unit="ms")
        empty()
        run(one, on)  # fills the cache
        add("one county, warm cache", *alternate(args.cold, one, floor_one, on), unit="ms")
        times: dict[int, float] = {}
        for n in args.sizes:
            folder = work / str(n)
            folder.mkdir()
            generate(n, folder)
            cmd = [exe, "score", str(folder), "--format", "csv", "--jobs", str(args.jobs)]
            floor = [sys.executable, "-c", FLOOR_MANY, str(folder), str(jobs)]
            mine, base = alternate(args.repeat, cmd, floor, off)
            times[n] = mine[0]
            add(f"{n:,} files, first run, cache off", mine, base)
            add(f"{n:,} files, first run, cache empty", *alternate(args.repeat, cmd, floor, on, empty))
            run(cmd, on)  # the cache as the last run left it
            add(f"{n:,} files, re-run, warm cache", *alternate(args.repeat, cmd, floor, on))
            shutil.rmtree(folder, ignore_errors=True)
        sizes = sorted(times)
        print()
        print("Command: `python benchmarks/bench_score.py " + " ".join(sys.argv[1:]) + "`")
        print()
        print("| what | selfeval | floor (PyYAML C loader) | ratio | peak memory |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for r in rows:
            print("| " + " | ".join(r) + " |")
        for small, large in itertools.pairwise(sizes):
            print(
                f"| {large:,} files against {small:,} ({large / small:.1f}× the files), cache off "
                f"| {times[large]:.2f} s | {times[small]:.2f} s | {times[large] / times[small]:.2f}× | |"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
