"""The form registry: every form is whole, and a form that lacks a part is refused when registered."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

from selfeval.forms import FORMS, PACKAGES
from selfeval.forms.interface import Form
from selfeval.forms.narrative import NarrativeForm


def test_every_folder_registers_its_form() -> None:
    assert len(FORMS) == len(PACKAGES)
    for form in FORMS.values():
        assert set(Form.TEMPLATE_KINDS) <= set(form.templates) and form.title


def test_a_form_without_its_word_template_is_refused_when_registered() -> None:
    class Partial(NarrativeForm):
        templates: ClassVar[dict[str, str]] = {"markdown": "x.md.j2"}

    with pytest.raises(TypeError, match=r"templates\['docx'\], templates\['docx-reference'\]"):
        Partial()


def test_a_form_without_a_title_is_refused_when_registered() -> None:
    class Untitled(Form[Any, Any, Any]):
        name = "untitled"
        templates: ClassVar[dict[str, str]] = dict.fromkeys(Form.TEMPLATE_KINDS, "x")

        def tree(self, rubric: Any, data: Any) -> list[Any]:
            return []

        def view_model(self, *args: Any) -> Any:
            return None

        def skeleton(self, *args: Any, **kw: Any) -> str:
            return ""

    with pytest.raises(TypeError, match="title, rubric_model, data_model"):
        Untitled()
