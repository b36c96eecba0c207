"""Approximate figures as reports write them (约260人次, 200余人, 260左右): the number, its unit and
that it is approximate, read in one pass; nothing else about a figure's reading changes."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, score_file
from selfeval.errors import InvalidValue
from selfeval.i18n import Lang
from selfeval.models.data import DataBase, Figure
from selfeval.numbers import parse_approx, parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("约260", D(260), None),
        ("约260人次", D(260), "人次"),
        ("260左右", D(260), None),
        ("260人次左右", D(260), "人次"),
        ("260余", D(260), None),
        ("260余人", D(260), "人"),
        ("近260", D(260), None),
        ("近1000元", D(1000), "元"),
        ("260多", D(260), None),
        ("1000多元", D(1000), "元"),
        ("约200余人", D(200), "人"),  # as Pingluo's report writes it
        ("2.6万余人", D("2.6"), "万人"),
        ("3359.62万多元", D("3359.62"), "万元"),
        ("大约1,500册", D(1500), "册"),
        ("将近98.8%", D("98.8"), "%"),
        ("约 ２６０ 人次", D(260), "人次"),  # full-width digits and blanks
    ],
)
def test_approximate_quantities(text: str, value: D, unit: str | None) -> None:
    assert parse_approx(text) == (value, unit, True)


def test_exact_quantities_read_as_before_and_what_cannot_be_read_is_refused_as_written() -> None:
    for text in ["910.38万元", "12,325户", "98%", "-3", "42", "256.60"]:
        assert parse_approx(text) == (*parse_quantity(text), False)
    for text in ["约", "近期", "约五百", "约1,23", "260余余", "约1.2.3人", "260左右左右"]:
        with pytest.raises(InvalidValue) as e:
            parse_approx(text)
        assert f"'{text}'" in e.value.message.text(Lang.EN)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("约260人次", {"value": D(260), "unit": "人次", "approx": True}),
        ("260余", {"value": D(260), "approx": True}),
        ({"value": "近260", "unit": "人次"}, {"value": D(260), "unit": "人次", "approx": True}),
        (
            {"value": "260左右", "approx": True, "note": "报告写260左右"},
            {"value": D(260), "unit": None, "approx": True},
        ),
    ],
)
def test_a_figure_written_approximately(written: Any, read: dict[str, Any]) -> None:
    fig = Figure.model_validate(written)
    assert {k: getattr(fig, k) for k in read} == read


def test_an_approximate_figure_written_exact_elsewhere_is_refused() -> None:
    with pytest.raises(ValueError, match="约数“约260”，approx 却是 false"):
        Figure.model_validate({"value": "约260", "approx": False})


@pytest.mark.parametrize("field", ["claims", "points"])
def test_a_score_is_never_approximate(field: str) -> None:
    from pydantic import ValidationError

    data = {"subject": {"name": "平罗县", "year": 2020}, "rubric": {"id": "x", "version": "1"}, field: {"c1": "约5分"}}
    with pytest.raises(ValidationError, match="“约5分”是约数；得分和分值须写确数"):
        DataBase.model_validate(data)


def test_the_bundled_figure_written_as_the_report_writes_it_scores_the_same(tmp_path: Path) -> None:
    text = DATA.read_text(encoding="utf-8")
    old = "  training_person_times: {value: 350, approx: true, note: 报告写“约350人次”}\n"
    assert text.count(old) == 1
    path = tmp_path / "d.yaml"
    path.write_text(text.replace(old, "  training_person_times: 约350人次\n"), encoding="utf-8")
    result = score_file(path)
    fig = result.data.figures["training_person_times"]
    assert (fig.value, fig.unit, fig.approx) == (D(350), "人次", True)
    assert result.total == score_file().total


def test_reading_is_linear_in_the_text() -> None:
    # bounded by the subprocess's timeout, not timed: a reading that backtracks takes hours here
    code = (
        "from selfeval.numbers import parse_approx\n"
        "assert parse_approx('约260人次')[2]\n"
        "for text in ['约' + '1' * 1_000_000 + '余' + '人' * 1_000_000 + '左右x',"
        " '1,' * 500_000 + '多', '近' * 1_000_000, '1' * 1_000_000 + '万' * 1_000_000 + '余']:\n"
        "    try:\n"
        "        parse_approx(text)\n"
        "    except ValueError:\n"
        "        pass\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-500:]


def test_what_init_says_of_last_year_reads_back_as_written(runner: Any, tmp_path: Path) -> None:
    # init --from writes each figure's last value beside it (「去年 约1000元」); a clerk who copies
    # it in place of ~ gets what it says
    import re

    from helpers import evaluate_file
    from selfeval.cli import app

    new = tmp_path / "next.yaml"
    assert runner.invoke(app, ["init", str(new), "--from", str(DATA)]).exit_code == 0
    text, n = re.subn(r"(?m)^(  \w+): ~ +# [^\n]*；去年 (约[0-9.]+元)$", r"\1: \2", new.read_text(encoding="utf-8"))
    assert n >= 4
    new.write_text(text, encoding="utf-8")
    fig = evaluate_file(new).result.data.figures["urban_tekun_other_pc"]
    assert (fig.value, fig.unit, fig.approx) == (D(1000), "元", True)
