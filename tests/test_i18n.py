"""Translations: placeholders and markup are safe, no English passes as another language."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from sitetools import REPO, copy_project, text_of

from parentinfo.build import WORK, build
from parentinfo.errors import BuildError
from parentinfo.i18n import catalogues


def fake_translate(root: Path, lang: str, skip: int = 0, leave: tuple[str, ...] = ()) -> Path:
    """Fill a language's catalogues with marked copies of the English, leaving the first `skip`
    guide messages, and those in `leave`, untranslated."""
    for domain in catalogues.DOMAINS:
        path = catalogues.po_path(root, lang, domain)
        with path.open("rb") as f:
            catalog = read_po(f, locale=lang)
        left = skip if domain == "guide" else 0
        for message in catalog:
            if not message.id:
                continue
            if message.id in leave:
                message.string = ""
                continue
            if left and isinstance(message.id, str) and "%" not in message.id:
                message.string = ""
                left -= 1
                continue
            if isinstance(message.id, tuple | list):
                message.string = tuple(f"[{lang}] {message.id[1]}" for _ in range(catalog.num_plurals))
            else:
                message.string = f"[{lang}] {message.id}"
            message.flags.discard("fuzzy")
        with path.open("wb") as f:
            write_po(f, catalog, width=100)
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = copy_project(tmp_path)
    shutil.rmtree(root / "locales", ignore_errors=True)
    catalogues.update(root, ["pl", "ar"])
    for name in ("staffordshire",):
        path = root / "councils" / f"{name}.yml"
        path.write_text(
            path.read_text().replace("name: Staffordshire\n", "name: Staffordshire\nlanguages: [en, pl, ar]\n")
        )
    return root


def set_translation(root: Path, lang: str, msgid: str, text: str) -> int:
    """Set one guide message's translation; returns its line in the PO file."""
    path = catalogues.po_path(root, lang, "guide")
    po = path.read_text()
    source = 'msgid "' + msgid.replace('"', '\\"') + '"\nmsgstr "'
    start = po.index(source)
    end = po.index("\n", start + len(source))
    path.write_text(po[: start + len(source)] + text.replace('"', '\\"') + '"' + po[end:])
    return po[:start].count("\n") + 1


def build_errors(root: Path, **options: object) -> list[str]:
    with pytest.raises(BuildError) as err:
        build(root, ["staffordshire"], **options)  # type: ignore[arg-type]
    return err.value.problems


def test_incomplete_translation_stops_the_build(project: Path) -> None:
    fake_translate(project, "ar")
    fake_translate(project, "pl", skip=1)
    problems = build_errors(project)
    assert len(problems) == 2
    assert re.fullmatch(r"locales/pl/LC_MESSAGES/guide\.po:\d+: msgid '.+': not translated", problems[0])
    # What a web team can do about it, not a translator's command.
    assert problems[1] == (
        "to publish now: list only the languages you want under `languages:` in your council file,"
        " or build with --allow-fallback to show the missing parts in English, marked as English"
    )


def test_fallback_is_marked_english_and_announced(project: Path) -> None:
    fake_translate(project, "ar")
    fake_translate(
        project,
        "pl",
        leave=("Before the conference", "Who runs the meeting?", "Useful contacts", "Child Protection Conferences"),
    )
    build(project, ["staffordshire"], allow_fallback=True)
    pages = sorted((project / "site" / "staffordshire" / "pl" / "standard").glob("*.html"))
    english_spans = 0
    for page in pages:
        html = page.read_text()
        article = html[html.index("<article") : html.index("</article>")]
        # Every text outside a lang="en" span is a translation (marked "[pl]") or a fact.
        for span in re.findall(r'<span lang="en" dir="ltr">(.*?)</span>', article):
            english_spans += 1
            assert not span.startswith("[pl]")
        if '<span lang="en" dir="ltr">' in article:
            assert "[pl] Some parts of this page are not translated yet." in text_of(article)
    assert english_spans >= 3
    # The printed leaflet's cover marks its English title too, and keeps its translated words.
    covers = [p.read_text() for p in (project / WORK / "pdf").glob("*.html")]
    polish = [c[: c.index("</div>\n</div>")] for c in covers if '<html lang="pl"' in c]
    assert len(polish) == 3
    for cover in polish:
        assert '<h1><span lang="en" dir="ltr">Child Protection Conferences</span></h1>' in cover
        assert '<p class="subtitle">[pl] Information for parents and carers</p>' in cover


def test_english_around_the_page_is_announced_on_every_page(project: Path) -> None:
    # The site name sits in the header and <title>, where no lang="en" span can go.
    fake_translate(project, "ar")
    fake_translate(project, "pl", leave=("%(name)s: Child Protection Conferences",))
    build(project, ["staffordshire"], allow_fallback=True)
    pages = sorted((project / "site" / "staffordshire" / "pl").glob("*/*.html"))
    assert len(pages) > 20
    for page in pages:
        assert "[pl] Some parts of this page are not translated yet." in text_of(page.read_text()), page
    arabic = (project / "site" / "staffordshire" / "ar" / "standard" / "index.html").read_text()
    assert "not translated yet" not in arabic


def test_translated_pages_have_their_language_and_direction(project: Path) -> None:
    fake_translate(project, "pl")
    fake_translate(project, "ar")
    build(project, ["staffordshire"])
    site = project / "site" / "staffordshire"
    pl = (site / "pl" / "standard" / "help.html").read_text()
    ar = (site / "ar" / "standard" / "help.html").read_text()
    en = (site / "en" / "standard" / "help.html").read_text()
    assert re.search(r'<html lang="pl" class="no-js">', pl)
    assert re.search(r'<html dir="rtl" lang="ar" class="no-js">', ar)
    assert re.search(r'<body dir="rtl"', ar)
    assert re.search(r'<html lang="en" class="no-js">', en)
    # The switcher on every page leads to the same page in each language, named in its own script.
    for html in (pl, ar, en):
        for code, name in (("en", "English"), ("pl", "Polski"), ("ar", "العربية")):
            assert re.search(rf'href="\.\./\.\./{code}/standard/help\.html" hreflang="{code}"[^>]*>\s*{name}', html)
    # Facts are never translated: Staffordshire's numbers stay tap-to-call on the Arabic page.
    for number in ("+443001118000", "+441785277135", "+448088010366"):
        assert f'href="tel:{number}"' in ar
    fonts = sorted(p.name for p in (site / "ar" / "assets" / "fonts").iterdir())
    assert fonts == ["NotoNaskhArabic-Regular.woff2"]


def test_review_notice_says_whether_the_translation_was_checked(project: Path) -> None:
    fake_translate(project, "pl")
    fake_translate(project, "ar")
    path = catalogues.po_path(project, "pl", "guide")
    path.write_text(
        path.read_text().replace("# Review-Status: draft", "# Review-Status: checked by Anna Nowak on 2026-11-20")
    )
    build(project, ["staffordshire"])
    site = project / "site" / "staffordshire"
    pl = text_of((site / "pl" / "standard" / "before.html").read_text())
    assert "[pl] This translation was checked by a qualified translator, Anna Nowak, on 20 listopada 2026." in pl
    ar_html = (site / "ar" / "standard" / "before.html").read_text()
    assert "[ar] This translation has not yet been checked by a qualified translator." in text_of(ar_html)
    assert 'href="../../en/standard/before.html" hreflang="en"' in ar_html


@pytest.mark.parametrize(
    ("translation", "expected"),
    [
        (
            "[pl] Telefon: %(numer)s",
            "placeholders must match the source: expected %(number)s, found %(numer)s in '[pl] Telefon: %(numer)s'",
        ),
        ("[pl] Telefon:", "placeholders must match the source: expected %(number)s, found none in '[pl] Telefon:'"),
        (
            "[pl] Telefon: %(number)s <script>alert(1)</script>",
            "markup not in the source is not allowed: found '<script>', '</script>'",
        ),
        (
            '[pl] Telefon: %(number)s <img src=x onerror="alert(1)">',
            "markup not in the source is not allowed: found '<img src=x onerror=\"alert(1)\">'",
        ),
        (
            "[pl] Telefon: %(number)s{: onclick=alert(1) }",
            "markup not in the source is not allowed: found '{: onclick=alert(1) }'",
        ),
        (
            "[pl] Telefon: %(number)s [tutaj](https://example.com)",
            "markup not in the source is not allowed: found '](https://example.com)'",
        ),
    ],
)
def test_unsafe_translation_is_rejected_with_file_and_line(project: Path, translation: str, expected: str) -> None:
    fake_translate(project, "pl")
    fake_translate(project, "ar")
    line = set_translation(project, "pl", "Phone: %(number)s", translation)
    assert build_errors(project) == [f"locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': {expected}"]


def test_changed_source_marks_translation_fuzzy_and_stops_the_build(project: Path) -> None:
    fake_translate(project, "pl")
    fake_translate(project, "ar")
    page = project / "docs" / "standard" / "help.md"
    page.write_text(
        page.read_text().replace(
            "Your social worker is the first person to ask about anything in this guide.",
            "Your social worker is the first person to ask about anything in this short guide.",
        )
    )
    catalogues.update(project, ["pl", "ar"])
    po = catalogues.po_path(project, "pl", "guide").read_text()
    entry = po[po.index("#, fuzzy") :].split("\n\n")[0]
    assert 'msgid "Your social worker is the first person to ask about anything in this short guide."' in entry
    assert '#| msgid "Your social worker is the first person to ask about anything in this guide."' in entry
    assert 'msgstr "[pl] Your social worker is the first person to ask about anything in this guide."' in entry
    problems = build_errors(project)
    assert any(p.endswith("fuzzy (its English changed): check it and remove the fuzzy flag") for p in problems)


def test_update_keeps_translations_and_rewrites_nothing_unchanged(project: Path) -> None:
    fake_translate(project, "pl")
    catalogues.update(project, ["pl"])
    po = catalogues.po_path(project, "pl", "guide").read_text()
    assert 'msgstr "[pl] Phone: %(number)s"' in po
    assert catalogues.update(project, ["pl"]) == []


@pytest.mark.parametrize(
    "po", sorted((REPO / "locales").glob("*/LC_MESSAGES/*.po")), ids=lambda p: str(p.relative_to(REPO))
)
def test_committed_catalogue_passes_msgfmt_check(po: Path) -> None:
    result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
