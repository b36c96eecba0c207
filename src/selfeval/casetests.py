"""Rubric test cases (``selfeval test``): a data file, scored against its rubric, must come out as
the case says, so a changed rule that moves a county's score is caught before it is issued.

A case is a YAML file named ``*.test.yaml``::

    # 平罗县2020年：宁民字〔2020〕83号逐项核对的结果
    data: ../../data/pingluo_2020.yaml   # relative to this file
    rubric: ../2020_county.yaml          # optional: else the one the data file names
    expect:
      total: 104                         # exactly; 96至104 for a range an unknown input leaves;
      grade: 优                          #   {min: 90} or {min: 96, max: 104} for bounds
      nodes:                             # by id, number (（一）, 27) or title
        i01: 6
        （二）: 3
        年终人均救助水平: {min: 1}
      findings:
        present: [claim-differs]         # audit finding codes found …
        absent: [veto]                   # … and not found

Every expectation that does not hold is a problem at its own line in the case file, with what
was expected and what the score gave; a case file that cannot be read, or whose data file does
not load, is one too. Nothing here prints: the command writes the problems as ``validate`` does.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from selfeval.errors import InputError, InvalidValue, SelfevalError, UsageError
from selfeval.i18n import msg, suggest_msg
from selfeval.inputs import Library
from selfeval.load import Document, load_document
from selfeval.models.rubric import Strict
from selfeval.numbers import normalise, parse_quantity, quantize, span
from selfeval.pipeline import Evaluation, evaluate
from selfeval.problems import Problem, Severity
from selfeval.schema import validate_model
from selfeval.scoring import NodeResult
from selfeval.wording import grades

SUFFIX = ".test.yaml"
MAX_CASES = 1_000
"""Most case files one run reads from the folders it is given (a folder that holds more is no rubric's)."""
MAX_DEPTH = 12
"""Deepest folder searched for case files."""

_RANGE = re.compile(r"^\s*(?P<low>[^至~～–—]+?)\s*(?:至|~|～|–|—|-(?=\s*\d))\s*(?P<high>.+?)\s*$")


@dataclass(frozen=True)
class Want:
    """An expected score: exactly ``low`` (to ``high``, for a range), or within bounds."""

    low: Decimal | None
    high: Decimal | None
    exact: bool = True

    def holds(self, low: Decimal, high: Decimal, places: int) -> bool:
        """Whether a score from ``low`` to ``high`` (equal when decided) is what is wanted."""
        low, high = quantize(low, places), quantize(high, places)
        if self.exact:
            return (low, high) == (self.low, self.high)
        return (self.low is None or low >= self.low) and (self.high is None or high <= self.high)

    def text(self) -> str:
        if self.exact and self.low is not None and self.high is not None:
            return span(self.low, self.high)
        parts = ([f"≥{span(self.low, self.low)}"] if self.low is not None else []) + (
            [f"≤{span(self.high, self.high)}"] if self.high is not None else []
        )
        return "，".join(parts)


def _number(v: Any, text: object) -> Decimal:
    if isinstance(v, bool):
        raise InvalidValue("case-range-bad", text=str(text))
    if isinstance(v, (int, Decimal)):
        return Decimal(v)
    if isinstance(v, str):
        try:
            value, unit = parse_quantity(v)
        except InvalidValue:
            raise InvalidValue("case-range-bad", text=str(text)) from None
        if unit not in (None, "分"):
            raise InvalidValue("case-range-bad", text=str(text))
        return value
    raise InvalidValue("case-range-bad", text=str(text))


def _want(v: Any) -> Any:
    """``104``, ``"104分"``, ``"96至104"`` (exactly that range) or ``{min: …, max: …}`` (bounds)."""
    if isinstance(v, Want):
        return v
    if isinstance(v, dict):
        unknown = set(v) - {"min", "max"}
        if unknown or not v:
            raise InvalidValue("case-range-bad", text=str(v))
        low = None if v.get("min") is None else _number(v["min"], v)
        high = None if v.get("max") is None else _number(v["max"], v)
        return Want(low, high, exact=False)
    if isinstance(v, str) and (m := _RANGE.match(normalise(v))) is not None:
        low, high = _number(m["low"], v), _number(m["high"], v)
        if low > high:
            raise InvalidValue("case-range-bad", text=v)
        return Want(low, high)
    n = _number(v, v)
    return Want(n, n)


Expected = Annotated[Any, BeforeValidator(_want)]


class FindingsExpected(Strict):
    """Audit finding codes that must be found, and that must not."""

    present: list[str] = Field(default_factory=list)
    absent: list[str] = Field(default_factory=list)


class Expect(Strict):
    """What a case expects of the score."""

    total: Expected | None = None
    grade: str | None = None
    nodes: dict[str, Expected] = Field(default_factory=dict)
    findings: FindingsExpected | None = None


class Case(Strict):
    """A rubric test case: the data file (relative to the case), the rubric if not the data's, what to expect."""

    data: str = Field(min_length=1)
    rubric: str | None = None
    title: str | None = None
    note: str | None = None
    expect: Expect


@dataclass(frozen=True)
class Outcome:
    """One case file run: its problems (failed expectations among them) and how many expectations it held."""

    path: Path
    problems: list[Problem]
    checks: int = 0
    failed: int = 0


def discover(paths: list[str]) -> list[Path]:
    """The case files named (any name) or found in folders named (``*.test.yaml``, recursively,
    hidden folders and links to folders skipped), in a stable order, without repeats."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_file():
            out.append(p)
            continue
        if not p.is_dir():
            raise UsageError(msg("no-such-file", path=raw))
        found = list(_walk(p))
        if not found:
            raise UsageError(msg("case-none-found", path=raw))
        out += found
    seen: set[Path] = set()
    unique = []
    for p in out:
        if p.resolve() not in seen:
            seen.add(p.resolve())
            unique.append(p)
    return unique


def _walk(top: Path) -> Iterator[Path]:
    found = 0
    base = len(top.parts)
    for folder, dirs, files in os.walk(top):  # os.walk does not follow links to folders
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if len(here.parts) - base < MAX_DEPTH else []
        for name in sorted(files):
            if name.endswith(SUFFIX):
                found += 1
                if found > MAX_CASES:
                    raise UsageError(msg("case-too-many", path=top, limit=MAX_CASES))
                yield here / name


def run_case(path: Path, libraries: dict[Path | None, Library], search: tuple[Path, ...] = ()) -> Outcome:
    """Read one case file, score its data file and check every expectation."""
    try:
        doc = load_document(path)
        case = validate_model(doc, Case)
    except InputError as e:
        return Outcome(path, e.problems)
    data = path.parent / case.data
    if not data.is_file():
        return Outcome(path, [doc.problem(("data",), msg("case-file-missing", path=case.data), "case-input")])
    explicit = None
    if case.rubric is not None:
        explicit = path.parent / case.rubric
        if not explicit.exists() and (Path(case.rubric).suffix or "/" in case.rubric):
            missing = msg("case-file-missing", path=case.rubric)
            return Outcome(path, [doc.problem(("rubric",), missing, "case-input")])
        if not explicit.exists():  # a rubric's id (bundled, or on the search path)
            explicit = Path(case.rubric)
    library = libraries.setdefault(explicit, Library(explicit, search=search))
    try:
        ev = evaluate(data, library)
    except InputError as e:
        failed = doc.problem(("data",), msg("case-data-failed", path=case.data, n=len(e.problems)), "case-input")
        return Outcome(path, [failed, *e.problems])
    except SelfevalError as e:
        return Outcome(path, [doc.problem(("rubric",) if case.rubric else ("data",), e.message, "case-input")])
    failures = list(_check(case.expect, ev, doc))
    checks = _count(case.expect)
    if not checks:
        return Outcome(path, [doc.problem(("expect",), msg("case-nothing-expected"), "case-input")])
    return Outcome(path, failures, checks=checks, failed=len(failures))


def _count(e: Expect) -> int:
    found = e.findings or FindingsExpected()
    return (e.total is not None) + (e.grade is not None) + len(e.nodes) + len(found.present) + len(found.absent)


def _check(expect: Expect, ev: Evaluation, doc: Document) -> Iterator[Problem]:
    r = ev.result
    places = r.rubric.rounding.places
    if expect.total is not None and not expect.total.holds(r.total, r.total_high, places):
        got = span(r.total, r.total_high, places)
        yield _failed(doc, ("expect", "total"), msg("case-total", expected=expect.total.text(), got=got), "total")
    if expect.grade is not None:
        got = grades(r.grade, r.grade_high)
        if expect.grade.strip() != got:
            yield _failed(doc, ("expect", "grade"), msg("case-grade", expected=expect.grade, got=got), "grade")
    nodes = list(r.walk())
    for key, want in expect.nodes.items():
        at = ("expect", "nodes", key)
        found = find_node(key, nodes)
        if isinstance(found, list):
            shown = "、".join(f"{n.id}（{n.label}）" for n in found)
            yield _failed(doc, at, msg("case-node-ambiguous", name=key, nodes=shown), key)
        elif found is None:
            hint = suggest_msg(key, [*(n.id for n in nodes), *(n.node.title for n in nodes)])
            yield _failed(doc, at, msg("case-node-unknown", name=key, hint=hint), key)
        elif not want.holds(found.score, found.top, found.places):
            got = span(found.score, found.top, found.places)
            said = msg("case-node", node=f"{found.label}（{found.id}）", expected=want.text(), got=got)
            yield _failed(doc, at, said, found.id)
    if expect.findings is not None:
        codes: dict[str, list[Problem]] = {}
        for f in ev.findings:
            codes.setdefault(f.code, []).append(f)
        for i, code in enumerate(expect.findings.present):
            if code not in codes:
                found_codes = "、".join(sorted(codes)) or "—"
                yield _failed(
                    doc, ("expect", "findings", "present", i), msg("case-finding-present", code=code, found=found_codes)
                )
        for i, code in enumerate(expect.findings.absent):
            if code in codes:
                where = "、".join(p.where for p in codes[code][:3]) + ("…" if len(codes[code]) > 3 else "")
                said = msg("case-finding-absent", code=code, n=len(codes[code]), where=where)
                yield _failed(doc, ("expect", "findings", "absent", i), said)


def _failed(doc: Document, at: tuple[str | int, ...], said: Any, subject: str = "") -> Problem:
    return doc.problem(at, said, "case-failed", Severity.ERROR, subject=subject)


def _number_key(text: str) -> str:
    """A node's number as compared: full-width folded, brackets and a trailing 、 or . set aside."""
    return normalise(text).strip("()、. ").strip()


def find_node(key: str, nodes: list[NodeResult]) -> NodeResult | list[NodeResult] | None:
    """The node ``key`` names: by id, else by number as written (（一） and (一) alike), else by title
    or label, else by number without its brackets (一 for （一）, when only one node has it); several
    nodes that answer to it are returned as a list."""
    for match in (
        lambda n: n.id == key,
        lambda n: n.node.number is not None and normalise(n.node.number) == normalise(key),
        lambda n: n.node.title == key.strip() or n.label == key.strip(),
        lambda n: n.node.number is not None and _number_key(n.node.number) == _number_key(key),
    ):
        hits = [n for n in nodes if match(n)]
        if len(hits) == 1:
            return hits[0]
        if hits:
            return hits
    return None
