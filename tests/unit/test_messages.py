"""The message catalogue: both languages say the same thing with the same fields."""

from __future__ import annotations

import re
import string
from pathlib import Path

from selfeval.i18n import Lang, msg
from selfeval.messages import MESSAGES


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_name_the_same_fields_and_format() -> None:
    for key, (zh, en) in MESSAGES.items():
        assert fields(zh) == fields(en), key
        args = {f: "x" for f in fields(zh)}
        assert msg(key, **args).text(Lang.ZH) is not None and msg(key, **args).text(Lang.EN) is not None


def test_every_key_used_in_the_code_exists() -> None:
    src = Path(__file__).resolve().parents[2] / "src" / "selfeval"
    used = set()
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        calls = r"""\b(?:msg|t|InvalidValue|say\.info|say\.detail|ExprSyntaxError)\(\s*"([a-z0-9-]+)\""""
        used |= set(re.findall(calls, text))
    missing = {k for k in used if k not in MESSAGES}
    assert not missing, missing
