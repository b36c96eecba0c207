"""Ranks at the scale of a nation: equal totals share a rank (1, 1, 3), and ranking n counties
takes about n log n comparisons of totals, not n²."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from selfeval.batch import Ranking, Row, matrix
from selfeval.choices import Sort


class Counted(Decimal):
    """A total that counts how often it is compared."""

    seen = 0

    def __lt__(self, other: Any) -> bool:
        Counted.seen += 1
        return Decimal.__lt__(self, other)

    def __gt__(self, other: Any) -> bool:
        Counted.seen += 1
        return Decimal.__gt__(self, other)

    def __le__(self, other: Any) -> bool:
        Counted.seen += 1
        return Decimal.__le__(self, other)

    def __ge__(self, other: Any) -> bool:
        Counted.seen += 1
        return Decimal.__ge__(self, other)


def _rows(n: int, seed: int = 7) -> list[Row]:
    rng = random.Random(seed)  # noqa: S311 - totals, not secrets
    return [
        Row(
            path=f"{i:05d}.yaml",
            name=f"县{i:05d}",
            year=2020,
            total=Counted(rng.randint(60, 100)),
            rubric="r 1",
            identity=(f"县{i:05d}", "2020"),
        )
        for i in range(n)
    ]


def test_ties_share_a_rank_at_scale() -> None:
    rows = _rows(14_220)  # every county in China, on 41 totals: thousands of ties
    Ranking.sorted(rows, Sort.PATH)
    above: dict[Decimal, int] = {}
    totals = sorted((r.total for r in rows if r.total is not None), reverse=True)
    for i, t in enumerate(totals):
        above.setdefault(t, i)
    for r in rows:
        assert r.total is not None and r.rank == above[r.total] + 1
    assert min(r.rank or 0 for r in rows) == 1
    assert sorted({r.rank for r in rows if r.total == totals[0]}) == [1]


def test_ranking_compares_totals_n_log_n_times() -> None:
    rows = _rows(3_000)
    Counted.seen = 0
    Ranking.sorted(rows, Sort.NAME)
    assert Counted.seen < 3_000 * 40  # a count of every total above each row would be 3_000²


def test_matrix_keeps_each_indicator_under_its_parent() -> None:
    from selfeval.batch import Cell

    def cell(*key: str) -> Cell:
        one = Decimal(1)
        return Cell(id=key[-1], label=key[-1], depth=len(key) - 1, max=one, score=one, high=one, key=key)

    a = Row(path="a", nodes=[cell("一"), cell("一", "1"), cell("二"), cell("二", "3")])
    b = Row(path="b", nodes=[cell("一"), cell("一", "1"), cell("一", "2"), cell("一", "2", "x"), cell("三")])
    keys = [c.key for c, _ in matrix([a, b])]
    assert keys == [("一",), ("一", "1"), ("一", "2"), ("一", "2", "x"), ("二",), ("二", "3"), ("三",)]
