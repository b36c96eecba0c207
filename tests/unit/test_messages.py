"""The message catalogues: both languages say the same thing with the same fields, and every key
the code names is in the catalogue it reads (a form's own, or the shared one)."""

from __future__ import annotations

import importlib
import re
import string
from pathlib import Path

import pytest

from selfeval.forms import FORMS
from selfeval.i18n import Lang, Msg
from selfeval.messages import MESSAGES

SRC = Path(__file__).resolve().parents[2] / "src" / "selfeval"
CALLS = re.compile(r"""\b(?:msg|t|InvalidValue|say\.info|say\.detail|ExprSyntaxError)\(\s*"([a-z0-9-]+)\"""")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _own(form: str) -> dict[str, tuple[str, str]]:
    return importlib.import_module(f"selfeval.forms.{form}.messages").MESSAGES


CATALOGUES = {"shared": MESSAGES, **{name: _own(name) for name in FORMS}}


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_both_languages_name_the_same_fields_and_format(name: str) -> None:
    catalogue = CATALOGUES[name]
    for key, (zh, en) in catalogue.items():
        assert fields(zh) == fields(en), key
        args = {f: "x" for f in fields(zh)}
        message = Msg(key, args, catalogue)
        assert message.text(Lang.ZH) is not None and message.text(Lang.EN) is not None, key


def test_a_form_says_its_own_messages_and_no_shared_key_twice() -> None:
    for name in FORMS:
        assert not set(_own(name)) & set(MESSAGES), name


def test_every_key_used_in_the_code_exists() -> None:
    missing = []
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC).parts
        own = _own(parts[1]) if parts[0] == "forms" and len(parts) > 2 else {}
        for key in CALLS.findall(path.read_text(encoding="utf-8")):
            if key not in own and key not in MESSAGES:
                missing.append(f"{path.relative_to(SRC)}: {key}")
    assert not missing, missing
