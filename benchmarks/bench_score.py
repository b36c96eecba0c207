"""Time `selfeval score` from a cold start against its floor, and on 1, 22, 300 and 3,000
synthetic county data files.

The floor is the same Python reading the same file with PyYAML's C loader, in a fresh
process: what any YAML tool in Python must pay. It and `selfeval score FILE -f json` run
alternately in one session, best of N each, so the ratio is measured side by side.

The files are made from the bundled Pingluo example with figures varied and some claims
made wrong, so that every file is scored and audited in full. Each size runs in a fresh
process, as a user would run it; the table gives wall time, files per second and the peak
resident memory of the largest process (the command or one of its workers).

    python benchmarks/bench_score.py                 # sizes 1 22 300 3000
    python benchmarks/bench_score.py --sizes 1 22    # a quick look
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
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


FLOOR = "import sys, yaml\nyaml.load(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n"
"""What any Python YAML tool pays: start Python, import PyYAML, parse the file with libyaml."""


def run(args: list[str]) -> tuple[int, float, int]:
    out = subprocess.run([sys.executable, "-c", MEASURE, *args], capture_output=True, text=True, check=True)
    code, wall, rss = out.stdout.split()
    return int(code), float(wall), int(rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 22, 300, 3000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is reported")
    parser.add_argument("--jobs", type=int, default=0, help="passed to selfeval score --jobs")
    parser.add_argument("--cold", type=int, default=15, help="runs of the cold start and of the floor")
    args = parser.parse_args()
    exe = shutil.which("selfeval") or sys.exit("selfeval is not on PATH; pip install . first")
    work = Path(tempfile.mkdtemp(prefix="selfeval-bench-"))
    try:
        print(
            f"selfeval {__version__}, Python {platform.python_version()}, {platform.machine()}, "
            f"{os.cpu_count()} cores, PyYAML C loader: {hasattr(yaml, 'CSafeLoader')}"
        )
        print()
        example = str(resources.EXAMPLE_DATA)
        floor_cmd = [sys.executable, "-c", FLOOR, example]
        cold_cmd = [exe, "score", example, "--format", "json"]
        floor, cold = [], []
        for _ in range(max(1, args.cold)):  # alternate, so both see the same machine
            floor.append(run(floor_cmd)[1])
            cold.append(run(cold_cmd)[1])
        print(
            f"one county from a cold start: {min(cold) * 1000:.0f} ms; floor (Python + PyYAML C loader "
            f"on the same file): {min(floor) * 1000:.0f} ms; ratio {min(cold) / min(floor):.1f}×"
        )
        print()
        print("| files | wall time | files/s | peak memory |")
        print("| ---: | ---: | ---: | ---: |")
        for n in args.sizes:
            folder = work / str(n)
            folder.mkdir()
            paths = generate(n, folder)
            target = [str(paths[0])] if n == 1 else [str(folder)]
            cmd = [exe, "score", *target, "--format", "json", "--jobs", str(args.jobs)]
            runs = []
            for _ in range(max(1, args.repeat)):
                code, wall, rss = run(cmd)
                if code not in (0, 1):
                    sys.exit(f"selfeval score failed with exit {code}")
                runs.append((wall, rss))
            wall, rss = min(runs)
            print(f"| {n:,} | {wall:.2f} s | {n / wall:,.0f} | {rss / 1024:.0f} MB |", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
