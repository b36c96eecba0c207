"""The narrative form's own audit checks: its text against its figures, its 文号, its letterhead.

One module per check, registered here in the order they run.
"""

from __future__ import annotations

from selfeval.audit.base import Check
from selfeval.forms.narrative.checks import document_number, narrative_numbers, other_subject, subject

CHECKS: tuple[Check, ...] = tuple(Check.of(m) for m in (narrative_numbers, document_number, subject, other_subject))
