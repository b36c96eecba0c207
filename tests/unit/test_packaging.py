"""The bundled files: real files at the top of the repository, the same bytes inside the package."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT
from selfeval import resources
from selfeval.forms import FORMS
from selfeval.inputs import Library


@pytest.mark.parametrize("folder", ["rubrics", "data", "templates"])
def test_top_level_folders_are_real_and_shipped(folder: str) -> None:
    top = ROOT / folder
    assert top.is_dir() and not top.is_symlink()
    shipped = resources.ROOT / folder
    names = sorted(p.name for p in top.iterdir() if p.is_file())
    assert names and names == sorted(p.name for p in shipped.iterdir() if p.is_file())
    for name in names:
        assert (shipped / name).read_bytes() == (top / name).read_bytes(), f"{folder}/{name} differs"


def test_every_form_has_its_template_and_the_rubric_names_one() -> None:
    for form in FORMS.values():
        for name in form.templates.values():
            assert (resources.TEMPLATES / name).is_file(), name
    rf = Library().default()
    assert rf.rubric.templates["markdown"] == "report.md.j2"
    assert all(rf.template(kind).is_file() for kind in ("markdown", "docx", "docx-reference"))


def test_a_rubric_template_beside_the_rubric_wins(tmp_path: Path) -> None:
    rubric = tmp_path / "r.yaml"
    rubric.write_text((ROOT / "rubrics" / "2020_county.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert Library(rubric).default().template("markdown") == resources.TEMPLATES / "report.md.j2"
    (tmp_path / "report.md.j2").write_text("{{ subject.name }}\n", encoding="utf-8")
    assert Library(rubric).default().template("markdown") == tmp_path / "report.md.j2"
