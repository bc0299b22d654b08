"""One translated message against its English (parentinfo/i18n/pocheck.py), as unit tests."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message

from parentinfo.i18n import pocheck


@pytest.mark.parametrize(
    "translation",
    [
        "فون: \u200f%(number)s",  # Arabic: a right-to-left mark before the number
        "فون نمبر\u200c: %(number)s",  # Urdu: a zero-width non-joiner keeps two letters apart
        "ফোন\u200d: %(number)s",  # Bengali: a joiner asks for a conjunct's form
    ],
)
def test_a_script_may_use_its_own_joiners_and_direction_marks(translation: str) -> None:
    assert pocheck.message(Message("Phone: %(number)s", translation), "x.po:1") == []


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200b", "\ue000", "\x1b"])
def test_overrides_isolates_and_invisible_characters_are_refused(char: str) -> None:
    found = pocheck.message(Message("Phone: %(number)s", f"Telefon: {char}%(number)s"), "x.po:1")
    assert found == [f"x.po:1: control, bidi or invisible characters are not allowed: found U+{ord(char):04X}"]
