"""The bad-input table: each broken file gives one clear message, exit 1, no traceback, and
the previously built site/ left byte-for-byte as it was.

Each council case is a file in tests/fixtures/bad-councils/, dropped in beside the real councils.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitetools import REPO, copy_project, polish_phone_line, set_polish_phone, snapshot
from test_build import run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "bad-councils"
CASES = sorted(p.stem for p in FIXTURES.glob("*.yml"))

EXPECTED: dict[str, list[str]] = {
    "bad-period-unit": [
        "councils/bad-period-unit.yml:8: timescales.core_group_every.unit: "
        "expected 'days', 'working days', 'weeks' or 'months', found 'fortnights'"
    ],
    "bad-short-code": [
        "councils/bad-short-code.yml:9: contacts.0.text: expected a text-message short code of 5 or 6 digits "
        "starting 1 to 5 or 7, found '69999' (codes starting 6, 8 or 9 are premium rate)"
    ],
    "bad-url": [
        "councils/bad-url.yml:9: contacts.0.web: expected a web address starting https://, "
        "found 'sites.example.org/safeguarding'"
    ],
    "broken-yaml": [
        "councils/broken-yaml.yml:7: this is not valid YAML: while scanning a quoted scalar that starts on "
        "line 4, found unexpected end of stream"
    ],
    "duplicate-key": ["councils/duplicate-key.yml:7: name: given twice (first on line 1); keep one"],
    "empty-file": ["councils/empty-file.yml: the file is empty; expected the council's fields"],
    "invalid-phone": [
        "councils/invalid-phone.yml:9: contacts.0.phone: expected a UK phone number that can be dialled, "
        "found '0808 802 000'"
    ],
    "low-contrast-colour": [
        "councils/low-contrast-colour.yml:4: colour: expected a colour dark enough for white text "
        "(contrast 4.5:1), found '#ffcc00' with 1.5:1"
    ],
    "markup-in-name": [
        "councils/markup-in-name.yml:1: name: expected a name of letters, spaces and ordinary punctuation "
        "(at most 120), found 'Testshire</title><script>alert(1)</script>'"
    ],
    "missing-required-field": ["councils/missing-required-field.yml: chair: required field is missing"],
    "no-languages": [
        "councils/no-languages.yml:5: languages: expected at least one item (leave the field out for the "
        "default), found an empty list"
    ],
    "not-a-mapping": ["councils/not-a-mapping.yml: expected a mapping of fields, found a list"],
    "number-in-words": [
        "councils/number-in-words.yml:9: own_words.before.0: expected words without numbers, emails or links, "
        "found 'The report reaches you 2 days before.' (put numbers and contact details in their own fields: "
        "see `parentinfo schema`)"
    ],
    "phone-in-prose": [
        "councils/phone-in-prose.yml:9: own_words.before.0: expected words without numbers, emails or links, "
        "found 'If you need help, call 01454 866000 first.' (put numbers and contact details in their own "
        "fields: see `parentinfo schema`)"
    ],
    "phone-not-a-number": [
        "councils/phone-not-a-number.yml:9: contacts.0.phone: expected a UK phone number that can be dialled, "
        "found 'call us'"
    ],
    "premium-phone": [
        "councils/premium-phone.yml:9: contacts.0.phone: expected a UK phone number that is free or costs a "
        "normal call, found '0909 879 0000' (a costly range)"
    ],
    "quote-in-url": [
        "councils/quote-in-url.yml:3: site_url: expected a web address starting https://, "
        "found 'https://example.org/\"onmouseover=\"x'"
    ],
    "several-problems": [
        "councils/several-problems.yml:3: site_url: expected a web address starting https://, found 'example.org'",
        "councils/several-problems.yml:8: timescales.first_review.number: expected a number above 0, found 0",
        "councils/several-problems.yml:10: contacts.0: expected at least one of phone, international, text, "
        "email, web or address, found none",
    ],
    "unknown-field": [
        "councils/unknown-field.yml:7: timescale: unknown field; expected one of: name, checked, organisation, "
        "partnership, runs_conferences, site_url, colour, languages, chair, venue, about, approach, timescales, "
        "invitation, reports, pre_meeting, supporter, solicitor, practical, parent_advocacy, attendees, "
        "children, exclusion, on_the_day, decisions, after, complaints, contacts, advice, procedures, formats, "
        "national, own_words, unconfirmed"
    ],
    "unknown-language": [
        "councils/unknown-language.yml:7: languages.2: expected one of the supported languages "
        "(en, pl, ro, pa, ur, pt, es, ar, bn), found 'xx'"
    ],
    "unknown-national-key": [
        "councils/unknown-national-key.yml:7: national: expected keys from councils/_national.yml "
        "(family-rights-group), found 'citizens-advice'"
    ],
    "wrong-type": ["councils/wrong-type.yml:8: complaints.deadline_days: expected a whole number, found 'soon'"],
}


@pytest.fixture(scope="module")
def published(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose site/ was built before the bad input arrived."""
    root = copy_project(tmp_path_factory.mktemp("published"))
    shutil.copytree(built / "site", root / "site")
    return root


def test_every_fixture_has_an_expected_message() -> None:
    assert CASES == sorted(EXPECTED)


@pytest.mark.parametrize("case", CASES)
def test_bad_council_file(published: Path, case: str) -> None:
    before = snapshot(published / "site")
    bad = published / "councils" / f"{case}.yml"
    shutil.copy(FIXTURES / f"{case}.yml", bad)
    try:
        result = run_cli(published, "build")
    finally:
        bad.unlink()
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        *(f"error: {m}" for m in EXPECTED[case]),
        "Stopped; site/ was not changed.",
    ]
    assert snapshot(published / "site") == before


def _template_names_a_missing_field(root: Path) -> None:
    page = root / "docs" / "standard" / "help.md"
    page.write_text(page.read_text() + "\n{{ council.helpline }}\n")


def _unknown_council(root: Path) -> None:
    pass


NEW_COUNCIL = Path(__file__).parent / "fixtures" / "new-council" / "newtown.yml"


def _publish_polish(root: Path, msgstr: str) -> None:
    """A new council publishes Polish; one message is 'translated' as given."""
    (root / "councils" / NEW_COUNCIL.name).write_text(NEW_COUNCIL.read_text() + "languages: [en, pl]\n")
    set_polish_phone(root, msgstr)


PROJECT_CASES = {
    "PO entry with a broken placeholder": (
        lambda root: _publish_polish(root, "Telefon: %(numer)s"),
        ("build", "--allow-fallback"),
        "error: locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': placeholders must match the "
        "source: expected %(number)s, found %(numer)s in 'Telefon: %(numer)s'",
    ),
    "translation injecting a script": (
        lambda root: _publish_polish(root, "Telefon: %(number)s <script>alert(1)</script>"),
        ("build", "--allow-fallback"),
        "error: locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is "
        "not allowed: found '<script>', '</script>'",
    ),
    "translation injecting onerror=": (
        lambda root: _publish_polish(root, "Telefon: %(number)s <img src=x onerror=alert(1)>"),
        ("build", "--allow-fallback"),
        "error: locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is "
        "not allowed: found '<img src=x onerror=alert(1)>'",
    ),
    "translation adding an attr_list link target": (
        lambda root: _publish_polish(root, 'Telefon: %(number)s{ href=\\"tel:+449090000000\\" }'),
        ("build", "--allow-fallback"),
        "error: locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is "
        "not allowed: found '{{ href=\"tel:+449090000000\" }}'",
    ),
    "translation adding a reference link": (
        lambda root: _publish_polish(root, "Telefon: %(number)s [tutaj][1]"),
        ("build", "--allow-fallback"),
        "error: locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is "
        "not allowed: found '][1]'",
    ),
    "translation adding a phone number of its own": (
        lambda root: _publish_polish(root, "Telefon: 0909 879 0000 lub %(number)s"),
        ("build",),
        "error: locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': numbers not in the source are "
        "not allowed: found 0000, 0909, 879",
    ),
    "translation adding bold": (
        lambda root: _publish_polish(root, "Telefon: **%(number)s**"),
        ("build", "--allow-fallback"),
        "error: locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is "
        "not allowed: found '**'",
    ),
    "translation using a word the term base says to avoid": (
        lambda root: _publish_polish(root, "Telefon co najmniej co tydzień: %(number)s"),
        ("build",),
        "error: locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': uses 'co najmniej co' for "
        "'at least every'; the term base says 'nie rzadziej niż co'",
    ),
    "template names a council field that does not exist": (
        _template_names_a_missing_field,
        ("build",),
        "error: docs/standard/help.md: 'parentinfo.data.council.Council object' has no attribute 'helpline' "
        "(not a field in the council schema)",
    ),
    "unknown council on the command line": (
        _unknown_council,
        ("build", "--council", "narnia"),
        "error: --council: expected one of "
        + ", ".join(sorted(p.stem for p in (REPO / "councils").glob("[!_]*.yml")))
        + ", found 'narnia'",
    ),
    "unknown language on the command line": (
        _unknown_council,
        ("build", "--language", "klingon"),
        "error: --language: expected one of en, pl, ro, pa, ur, pt, es, ar, bn, found 'klingon'",
    ),
}


@pytest.mark.parametrize("case", sorted(PROJECT_CASES))
def test_bad_project_input(built: Path, tmp_path: Path, case: str) -> None:
    edit, args, message = PROJECT_CASES[case]
    root = copy_project(tmp_path)
    shutil.copytree(built / "site", root / "site")
    before = snapshot(root / "site")
    edit(root)
    result = run_cli(root, *args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    if "{line}" in message:
        message = message.format(line=polish_phone_line(root))
    assert result.stderr.splitlines() == [message, "Stopped; site/ was not changed."]
    assert snapshot(root / "site") == before


def test_check_validates_without_building(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    good = run_cli(root, "check")
    assert good.returncode == 0, good.stderr
    assert good.stdout.splitlines() == ["5 council file(s) and 24 catalogue(s) OK."]
    assert not (root / "site").exists()
    _publish_polish(root, "Telefon: %(numer)s")
    bad = run_cli(root, "check")
    assert bad.returncode == 1
    assert "placeholders must match the source: expected %(number)s, found %(numer)s" in bad.stderr
    assert "Traceback" not in bad.stderr
