"""The reviewer's ledger: loaded once, checked on its own, and matched to each county's scored tree.

An entry is located in the ledger file, so every problem with it (no reason, a node the
rubric does not have, a score beyond the node's points) is ``ledger:line:col: message``.
A wrong entry is the ledger's problem, not the county's: the county is scored without it,
the entry is listed as not applied, and the run says every problem of the ledger at once.
The changes are applied by the scorer, after the rules and within each node's points.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from selfeval.i18n import Msg, msg, suggest_msg
from selfeval.load import Document, load_document
from selfeval.models.review import Change, Entry, Ledger
from selfeval.models.rubric import Node, Walked
from selfeval.numbers import fmt
from selfeval.problems import Problem, Severity
from selfeval.schema import schema_problems


@dataclass(frozen=True, kw_only=True)
class Refused:
    """An entry of the ledger that was not applied to its county: the county is scored without it."""

    county: str
    year: int
    node: str
    """The node as the entry names it (it may name none)."""
    reason: str
    """The reason as written (empty when the entry has none)."""
    problems: tuple[Problem, ...]
    """Why it was not applied, each at the ledger's line."""
    where: str
    """``REVIEW.yaml:12``: the entry."""

    @property
    def why(self) -> str:
        """Every problem of the entry, in a line."""
        return "；".join(p.message for p in self.problems)


@dataclass(frozen=True)
class Review:
    """A county's entries, resolved against its tree: those applied, and those not."""

    changes: dict[str, Change]
    refused: list[Refused]


@dataclass(frozen=True, kw_only=True)
class _Broken:
    """An entry the ledger's own model refuses (no reason, both score and deduct, no county…)."""

    index: int
    county: str | None
    year: int | None
    node: str
    reason: str
    problems: tuple[Problem, ...]


@dataclass(kw_only=True)
class LedgerFile:
    """A ledger and where it came from: its entries that read, and its problems, each located."""

    doc: Document
    path: Path
    ledger: Ledger
    """The ledger's header (who reviewed, when); its entries are :attr:`entries`."""
    entries: list[tuple[int, Entry]] = field(default_factory=list)
    """The entries that read, with their index in the file."""
    broken: list[_Broken] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    """What is wrong with the file itself and with each entry that does not read."""

    def _at(self, i: int) -> str:
        line, _ = self.doc.locate(("adjustments", i))
        return f"{self.doc.display}:{line}"

    @cached_property
    def _by_county(self) -> dict[tuple[str, int], tuple[list[tuple[int, Entry]], list[_Broken]]]:
        """The entries that read and those that do not, by county and year: each county of a batch
        finds its own without reading every entry (a province's ledger against a province)."""
        out: dict[tuple[str, int], tuple[list[tuple[int, Entry]], list[_Broken]]] = {}
        for i, e in self.entries:
            out.setdefault((e.county, e.year), ([], []))[0].append((i, e))
        for b in self.broken:
            if b.county is not None and b.year is not None:
                out.setdefault((b.county, b.year), ([], []))[1].append(b)
        return out

    def entries_for(self, name: str, year: int) -> list[tuple[int, Entry]]:
        """The entries that read for one county and year, with their index in the ledger."""
        return list(self._by_county.get((name, year), ([], []))[0])

    def review(self, name: str, year: int, walked: Walked) -> Review:
        """The entries for ``name`` and ``year`` as changes by node id, and those that cannot apply."""
        by_id = {n.id: n for n, _, _ in walked}
        by_number = {n.number: n.id for n, _, _ in walked if n.number}
        titles: dict[str, list[str]] = {}
        for n, _, _ in walked:
            titles.setdefault(n.title, []).append(n.id)
        out: dict[str, Change] = {}
        refused: list[tuple[int, Refused]] = []

        def refuse(i: int, e: Entry, key: str, why: Msg) -> None:
            problem = self.doc.problem(("adjustments", i, key), why, "adjust")
            refused.append(
                (
                    i,
                    Refused(
                        county=name, year=year, node=e.node, reason=e.reason, problems=(problem,), where=self._at(i)
                    ),
                )
            )

        for i, e in self.entries_for(name, year):
            nid = e.node if e.node in by_id else by_number.get(e.node)
            if nid is None and len(titles.get(e.node, [])) == 1:
                nid = titles[e.node][0]
            if nid is None:
                hint = suggest_msg(e.node, [*by_id, *by_number, *titles])
                refuse(i, e, "node", msg("adjust-unknown-node", node=e.node, hint=hint))
                continue
            bad = _out_of_range(e, by_id[nid])
            if bad is not None:
                refuse(i, e, "score" if e.score is not None else "deduct", bad)
                continue
            if nid in out:
                refuse(i, e, "node", msg("adjust-twice", node=e.node))
                continue
            reviewer = e.reviewer or self.ledger.reviewer or ""
            when = e.date or self.ledger.date
            out[nid] = Change(
                node=nid,
                entry=e,
                where=self._at(i),
                reviewer=reviewer,
                date=when.isoformat() if when else "",
            )
        for b in self._by_county.get((name, year), ([], []))[1]:
            if b.county == name and b.year == year:
                r = Refused(
                    county=name, year=year, node=b.node, reason=b.reason, problems=b.problems, where=self._at(b.index)
                )
                refused.append((b.index, r))
        return Review(out, [r for _, r in sorted(refused, key=lambda x: x[0])])

    def changes(self, name: str, year: int, walked: Walked) -> dict[str, Change]:
        """The entries for ``name`` and ``year`` that apply, as changes by node id."""
        return self.review(name, year, walked).changes

    def unused(self, scored: set[tuple[str, int]]) -> list[Problem]:
        """A warning for each entry for none of the ``scored`` counties and years (misspelt?)."""
        named = [(i, e.county, e.year) for i, e in self.entries]
        named += [(b.index, b.county, b.year) for b in self.broken if b.county is not None and b.year is not None]
        return [
            self.doc.problem(
                ("adjustments", i, "county"),
                msg("adjust-unmatched", county=county, year=year),
                "adjust-unmatched",
                Severity.WARNING,
            )
            for i, county, year in sorted(named)
            if (county, year) not in scored
        ]

    def all_problems(self, refused: Iterable[Refused], scored: set[tuple[str, int]]) -> list[Problem]:
        """Everything wrong with the ledger in a run, each once, in the file's order: the file's own
        problems, the entries that could not apply to the counties scored, and the entries for
        counties and years not scored."""
        found = [*self.problems, *(p for r in refused for p in r.problems), *self.unused(scored)]
        return sorted(dict.fromkeys(found), key=Problem.position_key)


def _out_of_range(e: Entry, node: Node) -> Msg | None:
    if e.score is not None and e.score > node.points:
        return msg("adjust-over", score=fmt(e.score), points=fmt(node.points), node=node.title)
    if e.deduct is not None and e.deduct > node.points:
        return msg("adjust-deduct-over", deduct=fmt(e.deduct), points=fmt(node.points), node=node.title)
    return None


def _text(item: Any, key: str) -> str:
    value = item.get(key) if isinstance(item, dict) else None
    return str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""


def load_ledger(path: Path) -> LedgerFile:
    """A ledger file, loaded and checked entry by entry: an entry that does not read is kept with its
    problems (and not applied), never the end of the others. Raises :class:`InputError` only for a
    file that cannot be read as YAML at all."""
    doc = load_document(path)
    raw = doc.data.get("adjustments")
    items: list[Any] = raw if isinstance(raw, list) else []
    problems: list[Problem] = []
    header: dict[str, Any] = {}
    for key, value in doc.data.items():  # each field of the header on its own: a typo drops that field only
        one = {key: [] if key == "adjustments" and isinstance(raw, list) else value}
        try:
            Ledger.model_validate(one)
        except ValidationError as e:
            problems += schema_problems(doc, e, Ledger)
            continue
        if key != "adjustments":
            header[key] = value
    ledger = Ledger.model_validate(header)
    entries: list[tuple[int, Entry]] = []
    broken: list[_Broken] = []
    for i, item in enumerate(items):
        try:
            entries.append((i, Entry.model_validate(item)))
        except ValidationError as e:
            found = schema_problems(doc, e, Entry, ("adjustments", i))
            problems += found
            county = _text(item, "county") or None
            year = item.get("year") if isinstance(item, dict) else None
            broken.append(
                _Broken(
                    index=i,
                    county=county,
                    year=year if isinstance(year, int) and not isinstance(year, bool) else None,
                    node=_text(item, "node"),
                    reason=_text(item, "reason"),
                    problems=tuple(found),
                )
            )
    return LedgerFile(doc=doc, path=path, ledger=ledger, entries=entries, broken=broken, problems=problems)
