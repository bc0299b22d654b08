"""The easy-read edition: short sentences, a picture beside each point, every fact a parent acts on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitetools import REPO, article, links_of, text_of

COUNCILS = sorted(p.stem for p in (REPO / "councils").glob("[!_]*.yml"))
PICTURES = REPO / "overrides" / "assets" / "pictures"
# Each idea's (picture, alt text), as docs/easy-read/_easy.jinja names them.
EASY_MACROS = (REPO / "docs" / "easy-read" / "_easy.jinja").read_text()
REGISTRY = re.findall(r'^\s*"[^"]+": \("([0-9A-F-]+)", _\("([^"]+)"\)\),$', EASY_MACROS, re.M)


def pages(root: Path, slug: str, variant: str, language: str = "en") -> dict[str, str]:
    folder = root / "site" / slug / language / variant
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.html")) if p.name != "404.html"}


def sentences(html: str) -> list[str]:
    """The page's own sentences: each line of text split after . ? ! or :, navigation left out."""
    body = re.sub(r'<nav class="pi-editions".*?</nav>', "", article(html), flags=re.S)
    body = re.sub(r'<p class="pi-(pdf|credits)".*?</p>', "", body, flags=re.S)
    out = []
    for line in text_of(body).splitlines():
        out += [s for s in re.split(r"(?<=[.?!:])\s+", line.strip()) if re.search(r"\w", s)]
    return out


def words(sentence: str) -> int:
    return len(re.findall(r"\w[\w'’-]*", sentence))


@pytest.mark.parametrize("slug", COUNCILS)
def test_sentences_are_short(built: Path, slug: str) -> None:
    found = [s for html in pages(built, slug, "easy-read").values() for s in sentences(html)]
    counts = [words(s) for s in found]
    mean = sum(counts) / len(counts)
    long = [s for s in found if words(s) > 20]
    assert len(found) > 100, "easy read should cover the whole guide"
    assert mean <= 12, f"mean sentence length {mean:.1f} words"
    assert len(long) / len(found) < 0.02, f"sentences over 20 words: {long}"


@pytest.mark.parametrize("slug", COUNCILS)
def test_every_page_has_a_picture_from_the_site(built: Path, slug: str) -> None:
    site = built / "site" / slug / "en" / "easy-read"
    for name, html in pages(built, slug, "easy-read").items():
        images = re.findall(r'<img src="([^"]+)" alt="([^"]*)"', article(html))
        assert images, f"{name}: no picture"
        for src, _ in images:
            assert not src.startswith(("http:", "https:", "//")), f"{name}: picture from another host: {src}"
            assert (site / src).resolve().is_file(), f"{name}: picture {src} is not in the site"
        # Pictures with words carry them in the page's language; the rest are marked decorative.
        assert any(alt for _, alt in images) or name != "index.html", f"{name}: the first picture has no words"
        credits = dict((text, href) for href, text in links_of(article(html)))
        assert credits.get("openmoji.org") == "https://openmoji.org/", f"{name}: OpenMoji not credited"
        assert "creativecommons.org/licenses/by-sa/4.0" in credits, f"{name}: picture licence not named"


def test_pictures_are_openmojis_own_files() -> None:
    """Every picture shipped is byte-for-byte the file in the pinned openmoji npm package."""
    package = REPO / "node_modules" / "openmoji" / "color" / "svg"
    used = {code for code, _ in REGISTRY}
    shipped = {p.stem for p in PICTURES.glob("*.svg")}
    assert used == shipped, "run scripts/pictures: pictures used and shipped differ"
    for code in sorted(shipped):
        assert (PICTURES / f"{code}.svg").read_bytes() == (package / f"{code}.svg").read_bytes(), code


@pytest.mark.parametrize("slug", COUNCILS)
def test_keeps_every_number_to_call_and_time_limit(built: Path, slug: str) -> None:
    """A parent must act on these: every phone number of the standard guide, and its numbers of days."""

    def tel_links(variant: str) -> set[str]:
        return {
            href
            for html in pages(built, slug, variant).values()
            for href, _ in links_of(article(html))
            if href.startswith("tel:")
        }

    assert tel_links("easy-read") == tel_links("standard")
    easy = " ".join(text_of(article(h)) for h in pages(built, slug, "easy-read").values())
    standard = pages(built, slug, "standard")
    limits = re.findall(
        r"within (\d+ (?:working )?(?:days?|weeks?|months?))",
        text_of(article(standard["after.html"] + standard["disagree.html"])),
    )
    assert limits, "the standard guide names time limits"
    for limit in limits:
        assert limit in easy, f"easy read leaves out the time limit {limit!r}"


def test_picture_beside_words_in_the_pdf(built: Path) -> None:
    pdf_html = next((built / ".parentinfo" / "pdf").glob("*.html"))
    leaflets = [p.read_text(encoding="utf-8") for p in (built / ".parentinfo" / "pdf").glob("*.html")]
    easy = [h for h in leaflets if 'class="pi-point"' in h]
    assert pdf_html and easy, "no easy-read leaflet"
    for html in easy:
        assert "../assets/pictures" not in html, "leaflet pictures must be embedded"
        assert html.count('class="pi-credits"') == 1


def test_one_picture_for_one_idea() -> None:
    """A picture never stands for two ideas, and its words name the idea."""
    assert len(REGISTRY) >= 30
    codes = [code for code, _ in REGISTRY]
    alts = [alt for _, alt in REGISTRY]
    assert len(set(codes)) == len(codes), sorted(c for c in codes if codes.count(c) > 1)
    assert len(set(alts)) == len(alts), sorted(a for a in alts if alts.count(a) > 1)
    used = re.findall(r'point\("([^"]+)"\)', "".join(p.read_text() for p in (REPO / "docs" / "easy-read").glob("*.md")))
    ideas = set(re.findall(r'^\s*"([^"]+)": \(', EASY_MACROS, re.M))
    assert set(used) <= ideas, set(used) - ideas


def _mean_length(htmls: list[str]) -> float:
    """Mean sentence length in characters (words are not comparable across scripts)."""
    found = [s for html in htmls for s in sentences(html)]
    return sum(len(s) for s in found) / len(found)


@pytest.mark.parametrize("slug", COUNCILS[:1])
def test_easy_read_is_short_in_every_language(built: Path, slug: str) -> None:
    """In each language, easy read's sentences are clearly shorter than the standard guide's."""
    from parentinfo.languages import LANGUAGES

    for language in LANGUAGES:
        easy = _mean_length(list(pages(built, slug, "easy-read", language).values()))
        standard = _mean_length(list(pages(built, slug, "standard", language).values()))
        assert easy <= 0.8 * standard, (language, round(easy), round(standard))
