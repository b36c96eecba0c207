"""Safe YAML loading: positions, duplicate keys, decimals, bombs, encodings."""

from decimal import Decimal
from pathlib import Path

import pytest

from selfeval.errors import InputError, UsageError
from selfeval.load import MAX_BYTES, load_document, parse


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as e:
        parse(text, "f.yaml")
    return [f"{p.where}: {p.message_en}" for p in e.value.problems]


def test_floats_are_decimals_from_their_text() -> None:
    doc = parse("a: 0.1\nb: 910.38\nc: 3\n", "f.yaml")
    assert doc.data == {"a": Decimal("0.1"), "b": Decimal("910.38"), "c": 3}
    assert isinstance(doc.data["a"], Decimal)


def test_duplicate_key_is_an_error_with_both_lines() -> None:
    (line,) = problems("a: 1\nb: 2\na: 3\n")
    assert line.startswith("f.yaml:3:1: duplicate key 'a' (first at line 1)")


def test_duplicate_key_nested() -> None:
    (line,) = problems("top:\n  x: 1\n  y: 2\n  x: 3\n")
    assert line.startswith("f.yaml:4:3: duplicate key 'x'")


def test_syntax_error_has_line_and_column() -> None:
    (line,) = problems("a: [1, 2\nb: 3\n")
    assert line.startswith("f.yaml:2:")
    assert "YAML syntax error" in line


def test_tabs_explained() -> None:
    (line,) = problems("a:\n\tb: 1\n")
    assert line.startswith("f.yaml:2:1:")
    assert "Tab" in line


def test_alias_bomb_refused_quickly() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    (line,) = problems("\n".join(lines) + "\n")
    assert "alias bomb" in line


def test_small_aliases_are_fine() -> None:
    doc = parse("base: &b {x: 1}\nother: *b\n", "f.yaml")
    assert doc.data["other"] == {"x": 1}


def test_empty_and_scalar_roots() -> None:
    assert "empty" in problems("")[0]
    assert "empty" in problems("# only a comment\n")[0]
    assert "expected a mapping at the top, found a list" in problems("- 1\n- 2\n")[0]


def test_locate_follows_the_path() -> None:
    doc = parse("a:\n  b:\n    - x: 1\n    - x: 2\n", "f.yaml")
    assert doc.locate(("a", "b", 1, "x")) == (4, 7)
    assert doc.locate(("a", "b", 1, "missing")) == (4, 7)
    assert doc.locate(("a", "tag-not-in-file", "b")) == (2, 3)


def test_files(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="文件不存在"):
        load_document(tmp_path / "nope.yaml")
    with pytest.raises(UsageError, match="这是文件夹"):
        load_document(tmp_path)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: 1\n" * (MAX_BYTES // 5 + 1))
    with pytest.raises(InputError, match="超过允许"):
        load_document(big)
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert load_document(bom).data == {"a": 1}
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("a: 平罗县\n".encode("gbk"))
    with pytest.raises(InputError, match=r"gbk.yaml:1:\d+: 不是 UTF-8 编码.*GBK"):
        load_document(gbk)


def test_scalars_are_read_as_written() -> None:
    # YAML 1.1 would read 012 as octal 10, 0x1F as 31 and 1:30 as 90: never converted here
    doc = parse("a: 012\nb: -0\nc: +5\nd: 1_000\ne: 0x1F\nf: 007.5\ng: yes\nh: ~\ni: 2021-03-29\nj: '12'\n", "f.yaml")
    import datetime

    assert doc.data == {
        "a": 12,
        "b": 0,
        "c": 5,
        "d": 1000,
        "e": "0x1F",
        "f": Decimal("7.5"),
        "g": True,
        "h": None,
        "i": datetime.date(2021, 3, 29),
        "j": "12",
    }


def test_refused_tags_and_documents() -> None:
    assert "not allowed" in problems("a: !!python/object:os.system x\n")[0]
    assert "not allowed" in problems("a: !!binary aGVsbG8=\n")[0]
    assert "only one YAML document" in problems("a: 1\n---\nb: 2\n")[0]
    assert "mapping key must be a plain value" in problems("? [1, 2]\n: x\n")[0]


def test_merge_keys() -> None:
    doc = parse("base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\n", "f.yaml")
    assert doc.data["other"] == {"x": 1, "y": 3}
