"""Document families. A rubric's ``form:`` picks one; this is the one place they are registered.

A form is a folder here with one :class:`~selfeval.forms.interface.Form` (see its docstring);
adding one is that folder and a line below.
"""

from __future__ import annotations

from typing import Any

from selfeval.forms.interface import Form, Properties, ReportOptions
from selfeval.forms.narrative import NarrativeForm
from selfeval.forms.project_table import ProjectTableForm

FORMS: dict[str, Form[Any, Any, Any]] = {f.name: f for f in (NarrativeForm(), ProjectTableForm())}
"""Every form, by the value of ``form:`` that selects it."""

DEFAULT_FORM = "narrative"
"""The form of a rubric that does not say (rubrics written before forms existed)."""

__all__ = ["DEFAULT_FORM", "FORMS", "Form", "Properties", "ReportOptions"]
