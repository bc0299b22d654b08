"""The red-team cases (issue #17): hostile and careless council data and translations.

Each case is a file. A council case in tests/fixtures/redteam/councils/ is a whole council file,
dropped in beside the real ones (its first line may say the file name it arrives under); a
translation case in tests/fixtures/redteam/catalogues/ says which PO file to change and how.
A refused case gives its exact messages, exit 1, no traceback and site/ byte-for-byte as it was;
an accepted case says what the reader gets. `check` gives the build's verdict, so refused cases
run it (it stops at the same messages, without rendering anything).
"""

# ruff: noqa: E501 (each expected message is quoted whole, as the reader sees it)
from __future__ import annotations

import ast
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from sitetools import article, copy_project, snapshot, text_of
from test_build import run_cli

from parentinfo.data.council import Council
from parentinfo.data.loading import load_council, load_national

FIXTURES = Path(__file__).parent / "fixtures" / "redteam"
COUNCILS = sorted(p.stem for p in (FIXTURES / "councils").glob("*.yml"))
CATALOGUES = sorted(p.stem for p in (FIXTURES / "catalogues").glob("*.yml"))
NEWTOWN = Path(__file__).parent / "fixtures" / "new-council" / "newtown.yml"


# ---- putting a case into the project -----------------------------------------------------------


def arrival_name(case: str) -> str:
    """The file name a council case arrives under: its own, or the one its first line gives."""
    first = (FIXTURES / "councils" / f"{case}.yml").read_bytes().split(b"\n", 1)[0]
    note = first.decode("utf-8", "replace").removeprefix("\ufeff").removeprefix("# Red-team case: ")
    return ast.literal_eval(note.removeprefix("file: ")) if note.startswith("file: ") else f"{case}.yml"


def add_council(root: Path, case: str) -> Path:
    dest = root / "councils" / arrival_name(case)
    shutil.copy(FIXTURES / "councils" / f"{case}.yml", dest)
    return dest


def _po_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def edit_catalogue(root: Path, case: str) -> tuple[Path, dict[str, int]]:
    """Apply a translation case to its PO file; the lines it changed, for the expected messages."""
    spec = yaml.safe_load((FIXTURES / "catalogues" / f"{case}.yml").read_text())
    path = root / "locales" / spec["language"] / "LC_MESSAGES" / f"{spec['domain']}.po"
    text = path.read_text()
    after = 0  # for `replace`: the line just after the replaced text, where an addition starts
    if "msgid" in spec:
        old = f"msgid {_po_quote(spec['msgid'])}\nmsgstr "
        start = text.index(old)
        end = text.index("\n", start + len(old))
        text = text[:start] + old + _po_quote(spec["msgstr"]) + text[end:]
    elif "replace" in spec:
        old, new = spec["replace"]
        assert text.count(old) == 1, f"{case}: {old!r} must occur once"
        start = text.index(old)
        after = text[:start].count("\n") + 1 + old.count("\n")
        text = text.replace(old, new)
    elif "cut_after" in spec:
        start = text.index(spec["cut_after"])
        text = text[: start + len(spec["cut_after"])]
    else:
        assert spec.get("crlf"), f"{case}: expected msgid, replace, cut_after or crlf"
        start = 0
        text = text.replace("\n", "\r\n")
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    line = text[:start].count("\n") + 1
    return path, {"line": line, "after": after or line}


def _load(root: Path, name: str) -> Council:
    return load_council(root / "councils" / name, root, load_national(root))


def page_text(root: Path, council: str, language: str, page: str) -> str:
    return text_of(article((root / "site" / council / language / "standard" / page).read_text()))


REFUSED: dict[str, list[str]] = {
    "d01-duplicate-key": [
        "councils/d01-duplicate-key.yml:29: phone: given twice (first on line 28); keep one",
    ],
    "d02-alias-bomb": [
        "councils/d02-alias-bomb.yml:35: expected plain values, found a YAML anchor or alias ('&' or '*'); write the value out",
    ],
    "d03-tab-indentation": [
        "councils/d03-tab-indentation.yml:7: this is not valid YAML: found character '\\t' that cannot start any token",
    ],
    "d05-latin1-byte": [
        "councils/d05-latin1-byte.yml:9: expected UTF-8 text, found byte 0xe9, which is not UTF-8 (save the file as UTF-8)",
    ],
    "d06a-space-in-file-name": [
        "councils/Newtown Town.yml: expected a file name of lower-case words joined by '-', found 'Newtown Town.yml'",
    ],
    "d06b-dots-in-file-name": [
        "councils/a..b.yml: expected a file name of lower-case words joined by '-', found 'a..b.yml'",
    ],
    "d06c-only-dots-in-file-name": [
        "councils/...yml: expected a file name of lower-case words joined by '-', found '...yml'",
    ],
    "d06f-newline-in-file-name": [
        "councils/'newtown\\n.yml': expected a file name of lower-case words joined by '-', found 'newtown\\n.yml'",
    ],
    "d07a-script-in-prose": [
        "councils/d07a-script-in-prose.yml:37: own_words.before.0: expected plain words, found markup ('<') in 'Hello <script>alert(1)</script> world.'",
    ],
    "d07b-img-onerror-in-contact-name": [
        "councils/d07b-img-onerror-in-contact-name.yml:27: contacts.0.name: expected a name of letters, spaces and ordinary punctuation (at most 120), found 'Children<img src=x onerror=alert(1)>'",
    ],
    "d07c-iframe-in-prose": [
        "councils/d07c-iframe-in-prose.yml:37: own_words.before.0: expected plain words, found markup ('<') in 'Welcome. <iframe src=\"//evil.example/x\"></iframe>'",
    ],
    "d07d-image-in-prose": [
        "councils/d07d-image-in-prose.yml:37: own_words.before.0: expected plain words, found markup ('[') in 'See ![logo](//evil.example/prose-img.png) here.'",
    ],
    "d07e-image-in-contact-name": [
        'councils/d07e-image-in-contact-name.yml:27: contacts.0.name: expected a name of letters, spaces and ordinary punctuation (at most 120), found "Children\'s Services ![t](//evil.example/name-img.png)"',
    ],
    "d07f-file-attachment-in-prose": [
        "councils/d07f-file-attachment-in-prose.yml:37: own_words.before.0: expected plain words, found markup ('<') in 'Read <a rel=\"attachment\" href=\"file:///etc/passwd\">the notes</a> first.'",
    ],
    "d07g-javascript-link-in-prose": [
        "councils/d07g-javascript-link-in-prose.yml:37: own_words.before.0: expected plain words, found markup ('[') in 'Please [click here](javascript:alert(1)) now.'",
    ],
    "d07i-html-in-team-and-address": [
        "councils/d07i-html-in-team-and-address.yml:36: formats.team: expected a name of letters, spaces and ordinary punctuation (at most 120), found 'Call the <b id=pwn-team>Team</b>'",
    ],
    "d07j-meta-refresh-in-prose": [
        "councils/d07j-meta-refresh-in-prose.yml:37: own_words.before.0: expected plain words, found markup ('<') in 'Welcome. <meta http-equiv=\"refresh\" content=\"0;url=//evil.example/phish\"> Please read on.'",
    ],
    "d07k-html-in-address": [
        "councils/d07k-html-in-address.yml:34: contacts.0.address.1: expected one line of a postal address, found '<i id=pwn-addr>Newtown</i> NT1 1AA'",
    ],
    "d08a-bidi-override-in-name": [
        'councils/d08a-bidi-override-in-name.yml:27: contacts.0.name: expected text without control, bidi or invisible characters, found U+202E (right-to-left override) in "Children\'s Services \\u202e0008 111 0030 llac ro"',
    ],
    "d08c-separated-digits-in-prose": [
        "councils/d08c-separated-digits-in-prose.yml:37: own_words.before.0: expected text without control, bidi or invisible characters, found U+200B (zero width space) in 'If you need help, call 0121-704-8000 or 0\\u200b121\\u200b704\\u200b6000 or 0121.704.7000.'",
    ],
    "d08d-zero-width-in-address": [
        "councils/d08d-zero-width-in-address.yml:34: contacts.0.address.1: expected text without control, bidi or invisible characters, found U+200B (zero width space) in 'Newtown\\u200b NT1 1AA'",
    ],
    "d08e-dashed-number-in-prose": [
        "councils/d08e-dashed-number-in-prose.yml:37: own_words.before.0: expected words without numbers, emails or links, found 'If you need help, call 0121-704-8000 or 0121.704.7000.' (put numbers and contact details in their own fields: see `parentinfo schema`)",
    ],
    "d09c-premium-phone": [
        "councils/d09c-premium-phone.yml:28: contacts.0.phone: expected a UK phone number that is free or costs a normal call, found '0909 879 0000' (a costly range)",
    ],
    "d09d-us-phone": [
        "councils/d09d-us-phone.yml:28: contacts.0.phone: expected a UK phone number that can be dialled, found '+1 202 555 0143'",
    ],
    "d09e-french-phone": [
        "councils/d09e-french-phone.yml:28: contacts.0.phone: expected a UK phone number that can be dialled, found '+33 1 42 68 53 00'",
    ],
    "d10a-huge-file": [
        "councils/d10a-huge-file.yml: expected a file of at most 32 KB, found 33 KB",
    ],
    "d10b-long-sentence": [
        "councils/d10b-long-sentence.yml:37: own_words.before.0: expected one sentence of at most 300 characters, found 301",
    ],
    "d11a-javascript-email": [
        "councils/d11a-javascript-email.yml:30: contacts.0.email: expected an email address, found 'javascript:alert(1)'",
    ],
    "d11b-script-email": [
        "councils/d11b-script-email.yml:30: contacts.0.email: expected an email address, found '<script>alert(1)</script>@x.com'",
    ],
    "d11c-markdown-email": [
        "councils/d11c-markdown-email.yml:30: contacts.0.email: expected an email address, found 'x@y.com)[pwn](javascript:alert(1)//.com'",
    ],
    "d12a-javascript-site-url": [
        "councils/d12a-javascript-site-url.yml:4: site_url: expected a web address starting https://, found 'javascript:alert(1)'",
    ],
    "d12b-bare-scheme-site-url": [
        "councils/d12b-bare-scheme-site-url.yml:4: site_url: expected a web address starting https://, found 'http://'",
    ],
    "d12c-plain-http-site-url": [
        "councils/d12c-plain-http-site-url.yml:4: site_url: expected a web address starting https://, found 'http://example.org/child-protection/newtown/'",
    ],
    "d12e-script-in-site-url": [
        'councils/d12e-script-in-site-url.yml:4: site_url: expected a web address starting https://, found \'https://example.org/newtown/"><script>document.title="PWNED"</script>\'',
    ],
    "d12f-plain-http-web": [
        "councils/d12f-plain-http-web.yml:31: contacts.0.web: expected a web address starting https://, found 'http://example.org/childrens-services'",
    ],
    "d13-script-in-name": [
        "councils/d13-script-in-name.yml:2: name: expected a name of letters, spaces and ordinary punctuation (at most 120), found 'Newtown</title><script>document.title=\"PWNED\"</script><title>'",
    ],
    "d14a-css-in-colour": [
        "councils/d14a-css-in-colour.yml:5: colour: expected a colour like '#005a70', found 'red; background:url(https://evil.example)'",
    ],
    "d14b-css-after-hex-colour": [
        "councils/d14b-css-after-hex-colour.yml:5: colour: expected a colour like '#005a70', found '#1d4f91; background:url(//evil.example/x)'",
    ],
    "d15-control-characters-in-note": [
        "councils/d15-control-characters-in-note.yml:38: unconfirmed.0.why: expected text without control, bidi or invisible characters, found U+000D (a control character) in 'name and number blank\\rAll checks passed\\x1b[2J'",
    ],
    "x01-period-too-long": [
        "councils/x01-period-too-long.yml:21: timescales.first_conference.number: expected a number from 1 to 365, found 1500",
    ],
    "x02-range-downwards": [
        "councils/x02-range-downwards.yml:21: timescales.first_conference: expected a range from a smaller number to a larger one, found 15 to 10",
    ],
    "x03-age-of-an-adult": [
        "councils/x03-age-of-an-adult.yml:18: children.chair_writes_if_over: expected a number from 1 to 17, found 111",
    ],
    "x04-complaint-deadline-years": [
        "councils/x04-complaint-deadline-years.yml:26: complaints.deadline_days: expected a number from 1 to 365, found 2000",
    ],
    "l01-no-languages": [
        "councils/l01-no-languages.yml:35: languages: expected at least one item (leave the field out for the default), found an empty list",
    ],
    "l02-no-english": [
        "councils/l02-no-english.yml:35: languages: expected a list that includes en (every translated page links to the English edition), found [pl]",
    ],
    "y01-complex-key": [
        "councils/y01-complex-key.yml:35: this is not valid YAML: while constructing a mapping that starts on line 2, found unhashable key",
    ],
    "y02-deep-nesting": [
        "councils/y02-deep-nesting.yml:35: expected lists and mappings at most 20 deep, found deeper",
    ],
    "y03-python-tag": [
        "councils/y03-python-tag.yml:35: this is not valid YAML: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    ],
    "y04-date-as-name": [
        "councils/y04-date-as-name.yml:2: name: expected text, found datetime.date(2026, 1, 1)",
    ],
    "c01-script": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is not allowed: found '<script>', '</script>'",
    ],
    "c02a-javascript-link": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is not allowed: found '](javascript:alert(1)'",
    ],
    "c02b-reference-link-with-entity": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is not allowed: found '][e]', '\\n', '\\n[e]:', '&#115;'",
    ],
    "c02c-entity-without-semicolon": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is not allowed: found '&#106avascript'",
    ],
    "c03a-remote-image": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is not allowed: found '![', '](https://evil.example/x.png)'",
    ],
    "c03b-schemeless-image": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is not allowed: found '![', '](//evil.example/x.png)'",
    ],
    "c03c-reference-image": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is not allowed: found '![', '][e]', '\\n', '\\n[e]:', 'evil.example/po-img.png'",
    ],
    "c04a-template-syntax": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is not allowed: found '{{{{ 7*7 }}}}'",
    ],
    "c04b-template-statement": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is not allowed: found '{{% include \"_macros.jinja\" %}}'",
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': a lone '%' breaks formatting; write '%%' or use a placeholder",
    ],
    "c05a-extra-number": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': numbers not in the source are not allowed: found 0000, 0909, 879",
    ],
    "c05b-attr-list-tel": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is not allowed: found '{{ href=\"tel:+449098790000\" }}'",
    ],
    "c05c-attr-list-no-space": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is not allowed: found '{{href=\"tel:+449098790000\"}}'",
    ],
    "c06a-latin2-charset": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: expected charset=UTF-8 in the header, found charset=ISO-8859-2",
    ],
    "c06b-unknown-charset": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: expected charset=UTF-8 in the header, found charset=bogus-9",
    ],
    "c06c-latin2-bytes": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: expected UTF-8 text, found byte 0xb1, which is not UTF-8",
    ],
    "c07a-cut-inside-msgstr": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: expected a quoted string closed by '\"', found 'msgstr \"Strona inte' (a missing quote, or the file was cut short)",
    ],
    "c07b-cut-after-msgid": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: expected a msgstr after this msgid, found the end of the file (cut short)",
    ],
    "c07c-missing-closing-quote": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: expected a quoted string closed by '\"', found 'msgstr \"Strona internetowa: %(site)s (oficjalna' (a missing quote, or the file was cut short)",
    ],
    "c09-overlong-translation": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': expected a translation about as long as its English (17 characters), found 859 characters",
    ],
    "c10a-attr-list-href": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Website: %(site)s': markup not in the source is not allowed: found '{{ href=\"//evil.example/phish\" }}'",
    ],
    "c10b-attr-list-colon": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Website: %(site)s': markup not in the source is not allowed: found '{{: href=\"//evil.example/phish\" }}'",
    ],
    "c11-markup-in-review-status": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: Review-Status: expected 'checked by NAME on YYYY-MM-DD' with a plain name and a real date, found 'Review-Status: checked by <script>document.title=\"PWNED\"</script>[Jan](javascript:alert(1)) on 2026-01-01'",
    ],
    "c11b-impossible-review-date": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: Review-Status: expected 'checked by NAME on YYYY-MM-DD' with a plain name and a real date, found 'Review-Status: checked by Jan Kowalski on 2026-13-45'",
    ],
    "c12a-wrong-plural-rule": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: Plural-Forms: expected 'nplurals=3; plural=n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;' (the CLDR rule for pl), found 'nplurals=3; plural=0;'",
    ],
    "c12b-unreadable-plural-rule": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: Plural-Forms: expected 'nplurals=3; plural=n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;' (the CLDR rule for pl), found an expression that cannot be read: '(n==1 ? 0 : 1'",
    ],
    "c13-bidi-in-translation": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': control, bidi or invisible characters are not allowed: found U+202E",
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': numbers not in the source are not allowed: found 0008, 0030, 111",
    ],
    "c14-new-paragraph-heading": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': markup not in the source is not allowed: found '\\n', '#'",
    ],
    "c15-wrong-language-header": [
        "locales/pl/LC_MESSAGES/guide.po:{line}: Language: expected 'pl' (the folder it is in), found 'ar'",
    ],
    "c16-duplicate-msgid": [
        "locales/pl/LC_MESSAGES/guide.po:{after}: msgid 'Website: %(site)s': given twice (first on line {line}); keep one",
    ],
}

# ---- what the reader gets from an accepted case ------------------------------------------------


def _same_as_newtown(root: Path, council: Council, newtown: Council) -> None:
    """The same values as the clean file, so the same pages, word for word."""
    assert council.model_dump(exclude={"slug"}) == newtown.model_dump(exclude={"slug"})


def _letters_dialled_as_digits(root: Path, council: Council, newtown: Council) -> None:
    phone = council.contacts[0].phone
    assert phone is not None
    assert (phone.national, phone.e164) == ("0800 225 5669", "+448002255669")


def _extension_shown(root: Path, council: Council, newtown: Council) -> None:
    phone = council.contacts[0].phone
    assert phone is not None
    assert (phone.national, phone.e164) == ("0118 496 0123 x123", "+441184960123")


def _site_url_as_written(root: Path, council: Council, newtown: Council) -> None:
    assert council.site_url == "https://other.example/phish/"
    assert council.model_dump(exclude={"slug", "site_url"}) == newtown.model_dump(exclude={"slug", "site_url"})


def _entity_shown_as_text(root: Path, council: Council, newtown: Council) -> None:
    result = run_cli(root, "build", "--council", council.slug, "--language", "en")
    assert result.returncode == 0, result.stderr
    html = article((root / "site" / council.slug / "en" / "standard" / "before.html").read_text())
    assert "Never type &lt;script&gt; here." in text_of(html).splitlines()
    assert "<script" not in html


ACCEPTED_COUNCILS: dict[str, Callable[[Path, Council, Council], None]] = {
    "d04-utf8-bom": _same_as_newtown,
    "d04b-crlf-line-ends": _same_as_newtown,
    "d07h-entity-in-prose": _entity_shown_as_text,
    "d08b-zero-width-in-phone": _same_as_newtown,
    "d09a-letters-in-phone": _letters_dialled_as_digits,
    "d09b-extension-in-phone": _extension_shown,
    "d12d-site-url-on-another-host": _site_url_as_written,
}


def _crlf_reads_the_same(root: Path, original: bytes) -> None:
    result = run_cli(root, "check")
    assert result.returncode == 0, result.stderr
    path = root / "locales" / "pl" / "LC_MESSAGES" / "guide.po"
    clean = read_po(io.BytesIO(original), locale="pl")
    assert [(m.id, m.string) for m in read_po(path.open("rb"), locale="pl")] == [(m.id, m.string) for m in clean]


ACCEPTED_CATALOGUES: dict[str, Callable[[Path, bytes], None]] = {"c08-crlf-line-ends": _crlf_reads_the_same}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with the fixture council built in English: the site/ a bad input must not touch."""
    root = copy_project(tmp_path_factory.mktemp("redteam"))
    shutil.copy(NEWTOWN, root / "councils" / NEWTOWN.name)
    result = run_cli(root, "build", "--council", "newtown", "--language", "en")
    assert result.returncode == 0, result.stderr
    return root


def test_every_case_has_a_verdict() -> None:
    assert sorted(REFUSED) == sorted(set(COUNCILS + CATALOGUES) - set(ACCEPTED_COUNCILS) - set(ACCEPTED_CATALOGUES))
    assert not set(REFUSED) & (set(ACCEPTED_COUNCILS) | set(ACCEPTED_CATALOGUES))


# ---- refused cases -------------------------------------------------------------------------------


def _assert_refused(root: Path, result, expected: list[str], before: dict[str, bytes]) -> None:
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    # `check` gives build's verdict; only build and merge add that site/ was not changed.
    assert result.stderr.splitlines() == [f"error: {line}" for line in expected]
    assert snapshot(root / "site") == before


@pytest.mark.parametrize("case", sorted(set(COUNCILS) - set(ACCEPTED_COUNCILS)))
def test_refused_council_file(published: Path, case: str) -> None:
    before = snapshot(published / "site")
    bad = add_council(published, case)
    try:
        result = run_cli(published, "check")
    finally:
        bad.unlink()
    _assert_refused(published, result, REFUSED[case], before)


@pytest.mark.parametrize("case", sorted(set(CATALOGUES) - set(ACCEPTED_CATALOGUES)))
def test_refused_translation(published: Path, case: str) -> None:
    before = snapshot(published / "site")
    path = published / "locales" / "pl" / "LC_MESSAGES" / "guide.po"
    original = path.read_bytes()
    try:
        path, at = edit_catalogue(published, case)
        result = run_cli(published, "check")
    finally:
        path.write_bytes(original)
    _assert_refused(published, result, [line.format(**at) for line in REFUSED[case]], before)


# ---- accepted cases: what the reader gets --------------------------------------------------------


@pytest.mark.parametrize("case", sorted(ACCEPTED_COUNCILS))
def test_accepted_council_file(published: Path, case: str) -> None:
    added = add_council(published, case)
    try:
        result = run_cli(published, "check")
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        ACCEPTED_COUNCILS[case](published, _load(published, arrival_name(case)), _load(published, NEWTOWN.name))
    finally:
        added.unlink()
        shutil.rmtree(published / "site" / case, ignore_errors=True)


@pytest.mark.parametrize("case", sorted(ACCEPTED_CATALOGUES))
def test_accepted_translation(published: Path, case: str) -> None:
    path = published / "locales" / "pl" / "LC_MESSAGES" / "guide.po"
    original = path.read_bytes()
    try:
        path, _ = edit_catalogue(published, case)
        ACCEPTED_CATALOGUES[case](published, original)
    finally:
        path.write_bytes(original)
