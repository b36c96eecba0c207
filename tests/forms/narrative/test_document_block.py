"""The document block's 版头 and 版记 fields (:class:`selfeval.forms.narrative.models.ReportDocument`):
签发人, 抄送, 印发机关 and 印发日期, all optional, with the defaults a county's office would use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from helpers import DATA, evaluate_file, load_yaml, write_yaml
from selfeval.forms.narrative.models import ReportDocument
from selfeval.forms.narrative.view import DocumentView


def block(**extra: Any) -> dict[str, Any]:
    return {**load_yaml(DATA)["document"], **extra}


def test_the_new_fields_are_optional() -> None:
    doc = ReportDocument.model_validate(block())
    assert (doc.signer, doc.cc, doc.printed_by, doc.printed_on) == (None, [], None, None)


def test_as_a_county_writes_them() -> None:
    doc = ReportDocument.model_validate(
        block(
            signer=["王建军", "李明"],
            cc=["石嘴山市民政局"],
            printed_by="平罗县民政局办公室",
            printed_on="2021年3月29日",
        )
    )
    assert doc.signer == ["王建军", "李明"] and doc.printed_on == dt.date(2021, 3, 29)
    assert ReportDocument.model_validate(block(signer="王建军")).signer == "王建军"


@pytest.mark.parametrize("key", ["signers", "chaosong", "printed", "cc_list"])
def test_a_misspelt_field_is_refused(key: str) -> None:
    with pytest.raises(ValidationError):
        ReportDocument.model_validate(block(**{key: "x"}))


def document_view(tmp_path: Path, **extra: Any) -> DocumentView:
    from selfeval.choices import Scores
    from selfeval.forms.interface import ReportOptions

    data = load_yaml(DATA)
    data["document"].update(extra)
    ev = evaluate_file(write_yaml(tmp_path / "d.yaml", data))
    options = ReportOptions(scores=Scores.COMPUTED, with_audit=False)
    return ev.form.view_model(ev.result, ev.findings, ev.provenance, options).document


def test_the_view_says_them_with_their_defaults(tmp_path: Path) -> None:
    view = document_view(tmp_path)
    assert (view.signers, view.cc, view.printed_by, view.printed_on) == ([], [], "平罗县民政局办公室", "2021年3月29日")
    view = document_view(
        tmp_path, signer="王建军", cc=["石嘴山市民政局"], printed_on="2021-04-02", printed_by="县政府办"
    )
    assert (view.signers, view.cc, view.printed_by, view.printed_on) == (
        ["王建军"],
        ["石嘴山市民政局"],
        "县政府办",
        "2021年4月2日",
    )


def test_the_bundled_file_scores_the_same() -> None:
    assert evaluate_file(DATA).result.total == 104  # the optional fields change no score


def test_defaults_the_first_issuer_s_office_and_the_date() -> None:
    from selfeval.forms.narrative.view import _office, _signers

    assert _office("平罗县民政局") == "平罗县民政局办公室"
    assert _office("平罗县人民政府办公室") == "平罗县人民政府办公室"
    assert _signers(None) == [] and _signers("王建军") == ["王建军"] and _signers(["王建军", " "]) == ["王建军"]


@pytest.mark.parametrize(
    ("issuers", "signer"),
    [
        (["平罗县民政局", "平罗县财政局"], ["王五", "赵六", "钱七"]),
        (["平罗县民政局", "平罗县财政局", "平罗县卫健局"], ["王五", "赵六"]),
    ],
)
def test_a_signer_for_each_issuer_or_one(issuers: list[str], signer: list[str]) -> None:
    with pytest.raises(ValidationError, match=f"签发人写了{len(signer)}个，发文机关有{len(issuers)}个"):
        ReportDocument.model_validate(block(issuers=issuers, signer=signer))
    assert ReportDocument.model_validate(block(signer=[])).signer == []  # none, as the view reads it
    assert ReportDocument.model_validate(block(signer=["王五"])).signer == ["王五"]
    assert ReportDocument.model_validate(block(signer=["王五", "赵六"])).signer == ["王五", "赵六"]


def test_a_wrong_count_of_signers_is_refused_at_its_line(runner: Any, tmp_path: Path) -> None:
    from selfeval.cli import app

    text = DATA.read_text("utf-8").replace(
        "  issuers: [平罗县民政局, 平罗县财政局]\n",
        "  issuers: [平罗县民政局, 平罗县财政局]\n  signer: [王五, 赵六, 钱七]\n",
    )
    path = tmp_path / "d.yaml"
    path.write_text(text, "utf-8")
    for command in (["validate", str(path)], ["report", str(path), "--out", str(tmp_path / "r.docx")]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1
        assert f"{path}:14:3: error: document.signer: 签发人写了3个，发文机关有2个" in result.output
