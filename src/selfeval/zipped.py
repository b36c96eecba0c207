"""A Word document a rubric names as its layout (``docx-reference``), checked before anything opens
it: a rubric arrives from the same hands as a county's data, and a .docx is a zip file whose few
kilobytes may expand to gigabytes of XML."""

from __future__ import annotations

import zipfile
from pathlib import Path

from selfeval.i18n import Msg, msg
from selfeval.load import MAX_BYTES

MAX_ENTRIES = 1_000
"""Most parts a reference document may hold (Word's own have about twenty)."""
MAX_EXPANDED = 64 * 2**20
"""Most bytes its parts may expand to, embedded fonts and pictures included."""
MAX_XML = 8 * 2**20
"""Most bytes of XML, which is parsed into memory many times its size (Word's own: under 1 MB)."""


def docx_problem(path: Path) -> Msg | None:
    """Why ``path`` cannot serve as a reference document, or None when it can."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return msg("docx-reference-large", size=f"{size:,}", limit=f"{MAX_BYTES:,}")
        if not zipfile.is_zipfile(path):
            return msg("docx-reference-not-docx")
        with zipfile.ZipFile(path) as z:
            parts = z.infolist()
    except (OSError, zipfile.BadZipFile, ValueError) as e:  # unreadable, or a damaged zip
        return msg("docx-reference-unreadable", reason=str(e))
    names = {p.filename for p in parts}
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        return msg("docx-reference-not-docx")
    xml = sum(p.file_size for p in parts if p.filename.endswith((".xml", ".rels")))
    if len(parts) > MAX_ENTRIES or sum(p.file_size for p in parts) > MAX_EXPANDED or xml > MAX_XML:
        total = f"{sum(p.file_size for p in parts):,}"
        return msg("docx-reference-expands", parts=len(parts), size=total, xml=f"{xml:,}", limit=f"{MAX_XML:,}")
    return None


def listing(path: Path) -> list[zipfile.ZipInfo]:
    """The parts a zip file lists, from its directory alone: nothing is expanded, so what they would
    expand to can be judged first. Raises ``zipfile.BadZipFile`` or ``OSError``."""
    with zipfile.ZipFile(path) as z:
        return z.infolist()
