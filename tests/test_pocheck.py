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


@pytest.mark.parametrize(
    ("translation", "found"),
    [
        ("!!! danger \"NIE PRZYCHODŹ\"\n\nTelefon: %(number)s", "markup not in the source is not allowed: found '!!!'"),
        ("# Telefon: %(number)s", "markup not in the source is not allowed: found '#'"),
        ("> Telefon: %(number)s", "markup not in the source is not allowed: found '>'"),
        ("Telefon: %(number)s (bit.ly/pomoc)", "markup not in the source is not allowed: found 'bit.ly/pomoc)'"),
        ("Telefon: %(number)s lub ⓪⑨⓪⑨", "numbers not in the source are not allowed: found ⑨, ⓪"),
    ],
)
def test_blocks_bare_addresses_and_other_numerals_are_refused(translation: str, found: str) -> None:
    assert found in " ".join(pocheck.message(Message("Phone: %(number)s", translation), "x.po:1"))


def test_only_a_form_for_one_number_may_leave_the_count_out() -> None:
    """Polish: 'one' is 1 alone ('rok'); 'many' is 5, 6, … ('kilka lat', a few years, hides the age)."""
    from babel.messages.catalog import Catalog

    single = pocheck.single_number_forms(Catalog(locale="pl"))
    assert single == {0}
    message = Message(
        ("over %(count)s year old", "over %(count)s years old"),
        ("ponad rok", "ponad %(count)s lata", "ponad kilka lat"),
    )
    assert pocheck.message(message, "x.po:1", single) == [
        "x.po:1: placeholders must match the source: expected %(count)s, found none in 'ponad kilka lat'"
    ]
