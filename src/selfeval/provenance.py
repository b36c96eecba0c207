"""Where a result came from: enough to reproduce it, and nothing that varies by machine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Provenance:
    """Which inputs a result came from: enough to reproduce it, and nothing that varies by machine."""

    rubric_id: str
    rubric_version: str
    rubric_sha256: str
    data_sha256: str
    selfeval_version: str
