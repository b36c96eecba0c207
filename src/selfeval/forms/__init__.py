"""Document families. A rubric's ``form:`` picks one; this is the one place they are registered.

A form is a folder here with one :class:`~selfeval.forms.interface.Form` (see its docstring);
adding one is that folder and its name in :data:`PACKAGES`.
"""

from __future__ import annotations

import importlib
from typing import Any

from selfeval.forms.interface import Form, Properties, ReportOptions
from selfeval.models.rubric import RubricBase

PACKAGES = (
    "narrative",
    "project_table",
)
"""Every form's folder: each holds its Form as ``FORM`` in its ``__init__.py``."""

FORMS: dict[str, Form[Any, Any, Any]] = {
    f.name: f for f in (importlib.import_module(f"selfeval.forms.{p}").FORM for p in PACKAGES)
}
"""Every form, by the value of ``form:`` that selects it."""

RUBRIC_KEYS: tuple[str, ...] = (
    "form",
    *sorted(
        {k for f in FORMS.values() for k in f.rubric_model.model_fields}
        - set(RubricBase.model_fields)
        - {k for f in FORMS.values() for k in f.data_model.model_fields}
    ),
)
"""The top-level keys only a rubric has: a file with one of them is a rubric (or a data file in error)."""

DEFAULT_FORM = "narrative"
"""The form of a rubric that does not say (rubrics written before forms existed)."""

__all__ = ["DEFAULT_FORM", "FORMS", "RUBRIC_KEYS", "Form", "Properties", "ReportOptions"]
