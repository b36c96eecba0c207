"""Rebuild templates/report.docx, the GB/T 9704-2012 reference document, from its definition.

    python tools/make_reference_docx.py        # after changing selfeval/outputs/gongwen.py

A test checks that the shipped file is what the definition gives, so the two never drift.
"""

from __future__ import annotations

from pathlib import Path

from selfeval.outputs.gongwen import reference_bytes

if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "templates" / "report.docx"
    target.write_bytes(reference_bytes())
    print(f"wrote {target}")
