"""The leaflets' text layer: what copying, search and a screen reader get from each PDF.

WeasyPrint's own glyph→Unicode map garbles complex scripts (Arabic ligatures, Nastaliq,
Bengali pre-base vowels); parentinfo.outputs.leaflets.pdftext adds /ActualText. These tests read the PDFs with
poppler, as the accessibility review did, and the tag tree with pdfplumber.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pdfplumber
import pytest

MIN_INTACT = 0.98


class _BodyText(HTMLParser):
    """The leaflet HTML's visible text (its <head>, with title and CSS, is not drawn)."""

    BREAKS = {"br", "p", "li", "dt", "dd", "h1", "h2", "h3", "div", "section", "a"}
    VOID = {"br", "img", "meta", "hr"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden: set[str] = set()
        self._in_body = False
        self._open: list[bool] = []  # per open element: is it hidden by the leaflet's CSS?

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._in_body = self._in_body or tag == "body"
        if tag in self.BREAKS:
            self.parts.append(" ")
        if tag not in self.VOID:
            classes = set((dict(attrs).get("class") or "").split())
            self._open.append(bool(classes & self.hidden) or bool(self._open and self._open[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BREAKS:
            self.parts.append(" ")
        if tag not in self.VOID and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._in_body and not (self._open and self._open[-1]):
            self.parts.append(data)


def words(text: str) -> Counter[str]:
    """Words after NFC, without punctuation, symbols or invisible controls (poppler adds bidi
    embedding marks around right-to-left text; ZWNJ is not a letter either)."""
    text = unicodedata.normalize("NFC", text)
    kept = "".join(" " if unicodedata.category(c)[0] in "PSZC" and c not in "\u200c\u200d" else c for c in text)
    return Counter(w for w in (t.replace("\u200c", "").replace("\u200d", "") for t in kept.split()) if w)


def html_words(html_text: str) -> Counter[str]:
    parser = _BodyText()
    # Classes the leaflet's own CSS hides (admonition titles) are not drawn.
    parser.hidden = set(re.findall(r"\.([\w-]+) \{ display: none", html_text))
    parser.feed(html_text)
    return words("".join(parser.parts))


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def intact_share(html_text: str, pdf: Path) -> float:
    """Share of the HTML's words (with repeats) found intact among the PDF's words."""
    want = html_words(html_text)
    found = want & words(pdf_text(pdf))
    return sum(found.values()) / max(1, sum(want.values()))


def leaflets(built: Path) -> list[tuple[dict, Path, Path]]:
    """(manifest entry, site PDF, the HTML it was rendered from) for every edition's leaflet.

    The site's PDF is a copy of a cached one; the HTML is kept beside the cached PDF."""
    cache = {hashlib.sha256(p.read_bytes()).digest(): p for p in (built / ".parentinfo" / "pdf").glob("*.pdf")}
    out = []
    for e in json.loads((built / "site" / "manifest.json").read_text())["editions"]:
        pdf = built / "site" / e["pdf"]
        out.append((e, pdf, cache[hashlib.sha256(pdf.read_bytes()).digest()].with_suffix(".html")))
    return out


def test_every_leaflet_keeps_its_words_in_the_text_layer(built: Path) -> None:
    shares = {e["pdf"]: intact_share(html.read_text(encoding="utf-8"), pdf) for e, pdf, html in leaflets(built)}
    worst = min(shares, key=shares.__getitem__)
    failing = {k: f"{v:.1%}" for k, v in shares.items() if v < MIN_INTACT}
    assert not failing, f"words intact below {MIN_INTACT:.0%}: {failing} (worst {worst})"


SNIPPET = """<!doctype html><html lang="{lang}" dir="{dir}"><head><meta charset="utf-8"><title>t</title>
<style>html {{ font-family: {font}; font-size: 14pt; }}</style></head><body><p>{text}</p></body></html>"""
SAMPLES = {
    "ur": (
        "rtl",
        '"Noto Nastaliq Urdu"',
        "آپ کے بچے کی حفاظت کے بارے میں ایک میٹنگ ہوگی۔ آپ اپنے ساتھ کسی کو لا سکتے ہیں۔",
    ),
    "bn": ("ltr", '"Noto Sans Bengali"', "আপনার সন্তানের নিরাপত্তা নিয়ে একটি সভা হবে। কিছু বিষয় লিখে রাখুন।"),
    "ar": ("rtl", '"Noto Naskh Arabic"', "سيكون هناك اجتماع حول سلامة طفلك. يمكنك إحضار شخص معك للمساعدة."),
    "pa": ("ltr", '"Noto Sans Gurmukhi"', "ਤੁਹਾਡੇ ਬੱਚੇ ਦੀ ਸੁਰੱਖਿਆ ਬਾਰੇ ਇੱਕ ਮੀਟਿੰਗ ਹੋਵੇਗੀ। ਕਿਰਪਾ ਕਰਕੇ ਸਵਾਲ ਪੁੱਛੋ।"),
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_complex_script_words_survive_copying(lang: str, tmp_path: Path) -> None:
    """Seconds, not a build: a paragraph rendered the way a leaflet is, then read by poppler."""
    from parentinfo.outputs.leaflets.leaflets import write_leaflet_pdf

    direction, font, text = SAMPLES[lang]
    html_text = SNIPPET.format(lang=lang, dir=direction, font=font, text=text)
    pdf = tmp_path / "snippet.pdf"
    from parentinfo.outputs.leaflets import pdftext

    before = pdftext.fallbacks
    write_leaflet_pdf(html_text, pdf, b"test")
    got = words(pdf_text(pdf))
    assert got == html_words(html_text), (lang, pdf_text(pdf))
    assert pdftext.fallbacks == before  # every line split into runs, none wrapped whole


def _struct_elements(node: dict | list):
    for item in node if isinstance(node, list) else [node]:
        yield item
        yield from _struct_elements(item.get("children", []))


def test_pictures_without_alt_are_artifacts_and_figures_have_alt(built: Path) -> None:
    """Decorative pictures (alt="") are artifacts a screen reader skips, not /Figure tags with
    nothing to say; every picture with alt text is a /Figure that says it (the QR code too)."""
    seen = 0
    for e, pdf, html in leaflets(built):
        alts = re.findall(r'<img [^>]*alt="([^"]*)"', html.read_text(encoding="utf-8"))
        seen += "" in alts
        with pdfplumber.open(pdf) as doc:
            tree = [el for page in doc.pages for el in _struct_elements(page.structure_tree)]
        figures = [el for el in tree if el["type"] == "Figure"]
        untitled = [el for el in figures if not el.get("alt_text")]
        assert not untitled, (e["pdf"], untitled[:2])
        assert len(figures) == len([a for a in alts if a]), (e["pdf"], len(figures), alts)
    assert seen, "no leaflet with decorative pictures was built"


def test_no_relative_link_in_any_leaflet(built: Path) -> None:
    for e, pdf, _ in leaflets(built):
        with pdfplumber.open(pdf) as doc:
            uris = [link["uri"] for page in doc.pages for link in page.hyperlinks if link.get("uri")]
        relative = [u for u in uris if not re.match(r"(https?|mailto|tel):", u)]
        assert not relative, (e["pdf"], relative[:3])


def test_page_numbers_are_pagination_artifacts(built: Path) -> None:
    """ "2 / 9" in the page margin is pagination, not content a screen reader reads mid-text."""
    from pdfminer.pdftypes import resolve1

    for e, pdf, _ in leaflets(built):
        with pdfplumber.open(pdf) as doc:
            for number, page in enumerate(doc.pages[1:], start=2):
                data = b"".join(resolve1(s).get_data() for s in page.page_obj.contents)
                assert data.count(b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC") == 1, (e["pdf"], number)
