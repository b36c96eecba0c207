"""What a province's summary is headed with: the one record both the command line and the
summary know, below both of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Heading:
    """What a province's workbook and page are headed with, where the person names it (``score
    --title/--province/--reviewer/--date``, the reviewer and date else from the ledger)."""

    title: str = ""
    """The whole title, in place of the one made from the province and year."""
    province: str = ""
    reviewer: str = ""
    date: dt.date | None = None
