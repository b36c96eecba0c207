"""The bundled example: Pingluo County 2020, scored from its own figures and evidence."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import yaml

from helpers import DATA, RUBRIC, score_file

# What the filed report's numbered items state, section by section (「得X分」 clauses added up,
# each indicator capped at its points where the rubric caps it).
FILED_ITEMS = {
    "s1": D(6) + 3 + 6 + 3,  # (一) items give 8, capped at 6
    "s2": D(8) + 8 + 10 + 4 + 6,  # (五) items give 9, capped at 8; (六) items give 8: item 12 states none
    "s3": D(20) + 14 + 5 + 5,
    "s4": D(5),
    "s5": D(0),
}


def test_sections_match_what_the_filed_items_add_up_to() -> None:
    r = score_file()
    by_id = r.by_id()
    for sid, expected in FILED_ITEMS.items():
        got = by_id[sid].score
        if sid == "s2":
            # Item 12 states no score; its rule (217 of 217 housed, 100%) earns its 1 point.
            assert by_id["c12"].claimed is None and by_id["c12"].score == 1
            assert got == expected + 1, sid
        else:
            assert got == expected, sid


def test_totals() -> None:
    r = score_file()
    assert (r.standard, r.bonus, r.deduction, r.total) == (D(99), D(5), D(0), D(104))
    assert r.grade == "优"
    # The county claimed 104 in its opening; the headings claim 38 for 二 where its items give 37.
    assert r.claimed_total == 104
    assert r.by_id()["s2"].claimed == 38 and r.by_id()["s2"].score == 37


def test_item_27_loses_a_point_by_rule() -> None:
    c27 = score_file().by_id()["c27"]
    assert (c27.max, c27.score, c27.claimed) == (2, 1, 1)
    assert "2070" in c27.explanation


def _changed(tmp_path: Path, figure: str, value: object) -> Path:
    text = DATA.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["figures"][figure] = value
    out = tmp_path / "changed.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def test_low_satisfaction_loses_the_right_points(tmp_path: Path) -> None:
    # 满意度 82%: 8 points under the 90% line, 4 steps of 2 points, 1 point each: 3 - 4 → 0.
    r = score_file(_changed(tmp_path, "recipient_satisfaction_pct", 82))
    c40 = r.by_id()["c40"]
    assert c40.score == 0 and c40.claimed == 3
    assert "82%" in c40.explanation and "扣3分" in c40.explanation
    assert r.by_id()["i13"].score == 2
    assert r.total == D(101)
    # 88%: one started step below 90 → 1 point off.
    assert score_file(_changed(tmp_path, "recipient_satisfaction_pct", 88)).by_id()["c40"].score == 2


def test_lower_subsidy_fails_the_standard_item(tmp_path: Path) -> None:
    # Urban funds so low that the per-capita subsidy falls below the region's 444 元.
    r = score_file(_changed(tmp_path, "urban_dibao_funds", "600万元"))
    c05 = r.by_id()["c05"]
    assert c05.score == 0
    assert "未高于0元，不得分" in c05.explanation
    # (五) has 9 points of items capped at 8: losing item 5's 4 points costs 3.
    assert r.by_id()["i05"].score == 5


def test_rubric_file_is_the_bundled_one() -> None:
    assert RUBRIC.name == "2020_county.yaml"


def test_every_number_of_the_filed_report_is_in_the_data_file() -> None:
    import re

    from helpers import FILED

    numbers = set(re.findall(r"\d+(?:\.\d+)?", FILED.read_text(encoding="utf-8")))
    data = set(re.findall(r"\d+(?:\.\d+)?", DATA.read_text(encoding="utf-8")))
    assert numbers - data == set()
