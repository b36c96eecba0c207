"""The reviewer's ledger: loaded once, checked, and matched to each county's scored tree.

An entry is located in the ledger file, so every problem with it (no reason, a node the
rubric does not have, a score beyond the node's points) is ``ledger:line:col: message``.
The changes are applied by the scorer, after the rules and within each node's points.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfeval.errors import InputError
from selfeval.i18n import Msg, msg, suggest_msg
from selfeval.load import Document, load_document
from selfeval.models.review import Change, Entry, Ledger
from selfeval.models.rubric import Node, Walked
from selfeval.numbers import fmt
from selfeval.problems import Problem, Severity
from selfeval.schema import validate_model


@dataclass
class LedgerFile:
    """A checked ledger and where it came from."""

    doc: Document
    path: Path
    ledger: Ledger

    def entries_for(self, name: str, year: int) -> list[tuple[int, Entry]]:
        """The entries for one county and year, with their index in the ledger."""
        return [(i, e) for i, e in enumerate(self.ledger.adjustments) if e.county == name and e.year == year]

    def changes(self, name: str, year: int, walked: Walked) -> dict[str, Change]:
        """The entries for ``name`` and ``year`` as changes by node id; every problem at its line."""
        by_id = {n.id: n for n, _, _ in walked}
        by_number = {n.number: n.id for n, _, _ in walked if n.number}
        titles: dict[str, list[str]] = {}
        for n, _, _ in walked:
            titles.setdefault(n.title, []).append(n.id)
        out: dict[str, Change] = {}
        problems: list[Problem] = []
        for i, e in self.entries_for(name, year):
            nid = e.node if e.node in by_id else by_number.get(e.node)
            if nid is None and len(titles.get(e.node, [])) == 1:
                nid = titles[e.node][0]
            if nid is None:
                hint = suggest_msg(e.node, [*by_id, *by_number, *titles])
                unknown = msg("adjust-unknown-node", node=e.node, hint=hint)
                problems.append(self.doc.problem(("adjustments", i, "node"), unknown, "adjust"))
                continue
            bad = _out_of_range(e, by_id[nid])
            if bad is not None:
                key = "score" if e.score is not None else "deduct"
                problems.append(self.doc.problem(("adjustments", i, key), bad, "adjust"))
                continue
            if nid in out:
                twice = msg("adjust-twice", node=e.node)
                problems.append(self.doc.problem(("adjustments", i, "node"), twice, "adjust"))
                continue
            line, _ = self.doc.locate(("adjustments", i))
            reviewer = e.reviewer or self.ledger.reviewer or ""
            when = e.date or self.ledger.date
            out[nid] = Change(
                node=nid,
                entry=e,
                where=f"{self.doc.display}:{line}",
                reviewer=reviewer,
                date=when.isoformat() if when else "",
            )
        if problems:
            raise InputError(problems)
        return out

    def unused(self, scored: set[tuple[str, int]]) -> list[Problem]:
        """A warning for each entry for none of the ``scored`` counties and years (misspelt?)."""
        return [
            self.doc.problem(
                ("adjustments", i, "county"),
                msg("adjust-unmatched", county=e.county, year=e.year),
                "adjust-unmatched",
                Severity.WARNING,
            )
            for i, e in enumerate(self.ledger.adjustments)
            if (e.county, e.year) not in scored
        ]


def _out_of_range(e: Entry, node: Node) -> Msg | None:
    if e.score is not None and e.score > node.points:
        return msg("adjust-over", score=fmt(e.score), points=fmt(node.points), node=node.title)
    if e.deduct is not None and e.deduct > node.points:
        return msg("adjust-deduct-over", deduct=fmt(e.deduct), points=fmt(node.points), node=node.title)
    return None


def load_ledger(path: Path) -> LedgerFile:
    """A ledger file, loaded and checked; raises :class:`InputError` with every problem located."""
    doc = load_document(path)
    return LedgerFile(doc, path, validate_model(doc, Ledger))
