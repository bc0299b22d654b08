"""The published translations: every edition present, facts intact, nothing left in English."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sitetools import article, links_of, text_of

from parentinfo.data.loading import load_councils
from parentinfo.languages import LANGUAGES


def editions(built: Path) -> list[dict]:
    return json.loads((built / "site" / "manifest.json").read_text())["editions"]


def test_every_council_is_published_in_every_language_it_lists(built: Path) -> None:
    found = {(e["council"], e["language"]) for e in editions(built) if e["variant"] == "standard"}
    assert len(editions(built)) == len(found) * 3  # each in standard, easy read and large text
    wanted = {(c.slug, lang) for c in load_councils(built) for lang in c.languages}
    assert found == wanted
    assert {lang for _, lang in found} == set(LANGUAGES)


def _pages(built: Path, council: str, language: str, variant: str = "standard") -> list[str]:
    """The edition's pages without what is marked as English (names, and allowed fallback)."""
    (e,) = [e for e in editions(built) if (e["council"], e["language"], e["variant"]) == (council, language, variant)]
    pages = [article((built / "site" / p).read_text()) for p in e["pages"]]
    if language == "en":
        return pages
    return [re.sub(r'<span lang="en"[^>]*>.*?</span>', " ", page, flags=re.S) for page in pages]


def _sentences(html: str) -> list[str]:
    text = text_of(html)
    parts = re.split(r"(?<=[.?!:])\s+|\n+", text)
    # Names and numbers stand alone on a line and stay the same in every language.
    return [s.strip() for s in parts if len(s.split()) >= 4]


def test_translations_keep_every_phone_number_and_leave_no_english(built: Path) -> None:
    report = []
    for council in sorted({e["council"] for e in editions(built)}):
        for e in editions(built):
            if e["council"] != council or e["language"] == "en" or e["variant"] == "large-text":
                continue
            english = _pages(built, council, "en", e["variant"])
            numbers = {href for page in english for href, _ in links_of(page) if href.startswith("tel:")}
            sentences = {s for page in english for s in _sentences(page)}
            pages = _pages(built, council, e["language"], e["variant"])
            tels = {href for page in pages for href, _ in links_of(page) if href.startswith("tel:")}
            assert numbers <= tels, (council, e["language"], numbers - tels)
            text = " ".join(text_of(p) for p in pages)
            left = sorted(s for s in sentences if s in text)
            share = len(left) / len(sentences)
            report.append((council, e["language"], e["variant"], share))
            assert share < 0.03, (council, e["language"], e["variant"], left[:10])
    assert report, "no translated edition was built"
