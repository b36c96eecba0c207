"""Loading: forms chosen by the rubric, ids checked, provenance from the bytes actually read."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from helpers import DATA, RUBRIC, evaluate_file
from selfeval.errors import InputError
from selfeval.inputs import Library


def broken_rubric(tmp_path: Path, old: str, new: str) -> Path:
    text = RUBRIC.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "r.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as e:
        Library().load(path)
    return [f"{p.line}: {p.message_en}" for p in e.value.problems]


def test_provenance_hashes_the_bytes_read() -> None:
    ev = evaluate_file()
    assert ev.provenance.data_sha256 == hashlib.sha256(DATA.read_bytes()).hexdigest()
    assert ev.provenance.rubric_sha256 == hashlib.sha256(RUBRIC.read_bytes()).hexdigest()
    assert ev.form.name == "narrative"


def test_unknown_form_is_refused_at_its_line(tmp_path: Path) -> None:
    path = broken_rubric(tmp_path, "form: narrative", "form: poster")
    (line,) = problems(path)
    expected = path.read_text(encoding="utf-8").splitlines().index("form: poster") + 1
    assert line.startswith(f"{expected}: unknown form 'poster'")


def test_reserved_node_id(tmp_path: Path) -> None:
    path = broken_rubric(tmp_path, "- id: c09\n", "- id: total\n")
    assert any("'total' is reserved" in p for p in problems(path))


def test_duplicate_relation_and_veto_ids(tmp_path: Path) -> None:
    path = broken_rubric(tmp_path, "id: rural-subsidy-pc", "id: urban-subsidy-pc")
    (line,) = problems(path)
    assert "duplicate relation id 'urban-subsidy-pc' (first at line" in line


def test_data_relation_may_not_reuse_a_rubric_relation_id(tmp_path: Path) -> None:
    text = DATA.read_text(encoding="utf-8") + (
        "relations:\n  - {kind: subset, id: care-agreements, title: 重复, part: towns, whole: villages}\n"
    )
    path = tmp_path / "d.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="关系编号“care-agreements”已被评分标准使用"):
        evaluate_file(path)


def test_findings_are_computed_only_when_asked() -> None:
    ev = evaluate_file()
    assert "findings" not in vars(ev)
    assert len(ev.findings) == 15 and "findings" in vars(ev)
