"""Careless and hostile values from the user trials, each read as the build reads a council file
(the fixture council with one change): refused with one message naming the line, or read as the
person who typed it meant."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from parentinfo.data.loading import load_council, load_national
from parentinfo.errors import BuildError

FIXTURE = Path(__file__).parent / "fixtures" / "new-council" / "newtown.yml"
CONTACT = '  - name: Newtown Children\'s Services\n    phone: "0118 496 0123"'


def council(tmp_path: Path, old: str, new: str):  # noqa: ANN201
    root = tmp_path / "project"
    (root / "councils").mkdir(parents=True)
    shutil.copy(Path(__file__).parents[1] / "councils" / "_national.yml", root / "councils")
    text = FIXTURE.read_text()
    assert old in text
    path = root / "councils" / "newtown.yml"
    path.write_text(text.replace(old, new, 1))
    return load_council(path, root, load_national(root))


REFUSED = {
    "premium number in a contact's name": (
        CONTACT,
        '  - name: Helpline 0909 879 0000\n    phone: "0118 496 0123"',
        "councils/newtown.yml:27: contacts.0.name: expected a name without a phone number (give it as a phone), "
        "found 'Helpline 0909 879 0000'",
    ),
    "circled digits in a name": (
        CONTACT,
        '  - name: Helpline ⓪⑨⓪⑨\n    phone: "0118 496 0123"',
        "councils/newtown.yml:27: contacts.0.name: expected digits written 0-9, found '⓪' (U+24EA) in 'Helpline ⓪⑨⓪⑨'",
    ),
    "phone number in an address line": (
        "      - Town Hall, High Street",
        "      - Ring 0909 879 0000 first",
        "councils/newtown.yml:33: contacts.0.address.0: expected an address line without a phone number "
        "(give it as a phone), found 'Ring 0909 879 0000 first'",
    ),
    "leading zero (YAML 1.1 octal: 020 was 16)": (
        "  deadline_days: 20",
        "  deadline_days: 020",
        "councils/newtown.yml:25: complaints.deadline_days: expected a whole number, found '020'",
    ),
    "true as a number": (
        "  first_conference: {number: 15, unit: working days}",
        "  first_conference: {number: true, unit: working days}",
        "councils/newtown.yml:20: timescales.first_conference.number: expected a whole number, found True",
    ),
    "a date still to come": (
        "checked: 2026-11-23",
        "checked: 2099-01-01",
        "councils/newtown.yml:3: checked: expected the day the facts were checked, found 2099-01-01, "
        "which is in the future",
    ),
    "closing before opening": (
        CONTACT,
        CONTACT + '\n    hours: {days: Monday to Friday, opens: "17:00", closes: "09:30"}',
        "councils/newtown.yml:29: contacts.0.hours: expected a closing time after the opening time, "
        "found 17:00 to 09:30",
    ),
    "YAML merge key": (
        CONTACT,
        CONTACT + "\n    <<: {about: Hidden words here}",
        "councils/newtown.yml:29: contacts.0.<<: unknown field; expected one of: name, about, phone, phone_label, "
        "international, text, email, web, address, hours",
    ),
    "a web address without its scheme in a sentence": (
        "children:",
        "own_words:\n  before:\n    - Fill in the real form at bit.ly/newtown-help first.\nchildren:",
        "councils/newtown.yml:17: own_words.before.0: expected words without numbers, emails or links, "
        "found 'Fill in the real form at bit.ly/newtown-help first.' (put numbers and contact details in their "
        "own fields: see `parentinfo schema`)",
    ),
    "a phone given in its national and e164 parts": (
        CONTACT,
        '  - name: Newtown Children\'s Services\n    phone: {national: 0300 123 456, e164: "+449091234567"}',
        "councils/newtown.yml:28: contacts.0.phone: expected a phone number written as text, e.g. '0300 123 4567', "
        "found {'national': '0300 123 456', 'e164': '+449091234567'}",
    ),
    "a blank letter in a name": (
        "name: Newtown",
        "name: New\u3164town",
        "councils/newtown.yml:2: name: expected text without control, bidi or invisible characters, "
        "found U+3164 (hangul filler) in 'New\u3164town'",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_with_the_line(tmp_path: Path, case: str) -> None:
    old, new, expected = REFUSED[case]
    with pytest.raises(BuildError) as err:
        council(tmp_path, old, new)
    assert err.value.problems == [expected]


def test_unquoted_times_are_read_as_times(tmp_path: Path) -> None:
    """YAML 1.1 read 17:00 as 1020 (base 60), and the page said 'open 09:30 to 00:17'."""
    found = council(tmp_path, CONTACT, CONTACT + "\n    hours: {days: Monday to Friday, opens: 09:30, closes: 17:00}")
    hours = found.contacts[0].hours
    assert hours is not None and (hours.opens, hours.closes) == (datetime.time(9, 30), datetime.time(17, 0))
