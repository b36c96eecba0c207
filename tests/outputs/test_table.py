"""Tables for a terminal (:mod:`selfeval.outputs.table`): fitted to its width (a CJK character takes
two columns), the least needed columns kept for wide screens, data text never read as markup."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from helpers import DATA, TABLE_DATA, evaluate_file, load_yaml, write_yaml
from selfeval.batch import Ranking, score_row
from selfeval.choices import Sort
from selfeval.inputs import Library
from selfeval.outputs import Checked, Findings, Options
from selfeval.outputs import table as table_output
from selfeval.problems import Problem, Severity

LONG_TITLE = "印发兜底脱贫行动实施方案并报民政厅社会救助处备案"


def written(writer: Any, result: Any, **options: Any) -> str:
    out = io.BytesIO()
    writer(result, out, Options(**options))
    return out.getvalue().decode("utf-8")


@pytest.fixture(scope="module")
def ranking() -> Ranking:
    library = Library()
    return Ranking.sorted([score_row(DATA, library), score_row(TABLE_DATA, library)], Sort.TOTAL)


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_the_score_table_fits_the_width(width: int) -> None:
    text = written(table_output.score, evaluate_file(), width=width)
    assert max(cell_len(line) for line in text.splitlines()) <= width
    header = next(line for line in text.splitlines() if "分值" in line)
    assert header.split() == ["编号", "指标", "分值", "得分", "自评"]
    if width >= 100:  # room for the longest title: it stays on one line
        assert LONG_TITLE in text
    else:  # it wraps, and nothing of it is lost
        assert LONG_TITLE not in text and LONG_TITLE[:3] in text
    assert "总分104，自评104等次优" in "".join(text.split())  # the summary, wrapped or not


def test_ids_only_when_asked() -> None:
    ev = evaluate_file()
    plain = written(table_output.score, ev, width=120)
    with_ids = written(table_output.score, ev, width=120, ids=True)
    assert " c01.1 " not in plain and "ID" not in plain.split("\n")[2]
    assert next(line for line in with_ids.splitlines() if "分值" in line).split() == [
        "编号",
        "指标",
        "ID",
        "分值",
        "得分",
        "自评",
    ]
    row = next(line for line in with_ids.splitlines() if LONG_TITLE in line)
    assert row.split() == [LONG_TITLE, "c01.1", "2", "2", "2"]
    s2 = next(line for line in with_ids.splitlines() if "工作保障与管理" in line)
    assert s2.split() == ["二", "工作保障与管理", "s2", "38", "37", "38", "≠"]  # claimed 38, computed 37


@pytest.mark.parametrize(
    ("width", "parts", "files"),
    [(80, False, False), (100, True, False), (140, True, True)],
)
def test_ranking_keeps_its_least_needed_columns_for_wide_screens(
    ranking: Ranking, width: int, parts: bool, files: bool
) -> None:
    text = written(table_output.ranking, ranking, width=width)
    assert max(cell_len(line) for line in text.splitlines()) <= width
    pingluo = next(line for line in text.splitlines() if "平罗县" in line).split()
    jishan = next(line for line in text.splitlines() if "稷山县" in line).split()
    sections = ["18", "37", "44", "5", "0"] if parts else []
    path = [str(DATA)] if files else []
    assert pingluo == ["1", "平罗县", "2020", *sections, "104", "优", "104", "8", *path]
    assert jishan[:3] == ["1", "稷山县", "2020"] and jishan[-4 - len(path) :][:4] == ["优", "94", "-5.77", "6"]
    # each rubric ranks in its own table, titled with it
    assert "排名 · caiyu-2020-project 2020.1" in text and "排名 · ningxia-2020-county 2020.1" in text


def test_text_from_a_file_is_never_markup_nor_a_terminal_command(tmp_path: Path) -> None:
    data = load_yaml(DATA)
    data["subject"]["name"] = "[bold red]某县[/]"
    ev = evaluate_file(write_yaml(tmp_path / "d.yaml", data))
    assert written(table_output.score, ev, width=120).splitlines()[0].strip().startswith("[bold red]某县[/] 2020 · ")
    assert written(table_output.gaps, ev, width=120).startswith("[bold red]某县[/] 2020：总分 104，失分 1 处")
    problem = Problem(path="d.yaml", line=2, col=1, message="\x1b[2J[red]清屏[/red]", code="c", severity=Severity.ERROR)
    text = written(table_output.findings, Findings([Checked("d.yaml", [problem])]), width=120)
    assert text.splitlines() == [
        "d.yaml：1 个错误，0 个警告，0 条提示",
        "【错误】第2行：\\x1b[2J[red]清屏[/red]",
    ]
    assert "\x1b" not in text
