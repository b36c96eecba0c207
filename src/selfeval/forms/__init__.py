"""Document families. A rubric's ``form:`` picks one; this is the one place they are registered."""

from __future__ import annotations

from typing import Any

from selfeval.forms.base import Form, Provenance, ReportOptions
from selfeval.forms.narrative import NarrativeForm
from selfeval.forms.project_table import ProjectTableForm

DEFAULT_FORM = "narrative"
"""The form of a rubric that does not say (rubrics written before forms existed)."""

FORMS: dict[str, Form[Any, Any]] = {f.name: f for f in (NarrativeForm(), ProjectTableForm())}
"""Every form, by the value of ``form:`` that selects it."""

__all__ = ["DEFAULT_FORM", "FORMS", "Form", "Provenance", "ReportOptions"]
