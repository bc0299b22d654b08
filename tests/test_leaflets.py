"""PDF leaflets as a social worker prints them: A4, tagged, fonts embedded, readable sizes."""

from __future__ import annotations

import json
import re
import statistics
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from sitetools import links_of

from parentinfo.languages import LANGUAGES

BODY_PT = {"standard": 12, "easy-read": 16, "large-text": 18}
MM = 72 / 25.4  # PDF points in a millimetre
SCRIPT_FONT = {"ar": "NotoNaskhArabic", "ur": "NotoNastaliqUrdu", "bn": "NotoSansBengali", "pa": "NotoSansGurmukhi"}


def editions(built: Path) -> list[dict]:
    return json.loads((built / "site" / "manifest.json").read_text())["editions"]


def test_every_edition_has_an_a4_tagged_leaflet_with_embedded_fonts(built: Path) -> None:
    for e in editions(built):
        pdf = built / "site" / e["pdf"]
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "Tagged:          yes" in info, e["pdf"]
        assert "Page size:       595.276 x 841.89 pts (A4)" in info, e["pdf"]
        assert re.search(r"^Title:\s+\S", info, re.M), e["pdf"]
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), fonts  # the "emb" column
        if e["language"] in SCRIPT_FONT:
            assert SCRIPT_FONT[e["language"]] in fonts.replace("-", ""), fonts


@pytest.mark.parametrize("variant", ["standard", "easy-read", "large-text"])
def test_body_text_size_per_edition(built: Path, variant: str) -> None:
    first = editions(built)[0]["council"]
    # Every easy-read leaflet is measured; of the others, one council's in every language.
    chosen = [
        e for e in editions(built) if e["variant"] == variant and (variant == "easy-read" or e["council"] == first)
    ]
    for e in chosen:
        with pdfplumber.open(built / "site" / e["pdf"]) as pdf:
            sizes = [round(c["size"], 1) for page in pdf.pages[1:] for c in page.chars if c["text"].strip()]
        body = statistics.mode(sizes)
        assert body >= BODY_PT[variant], (e["pdf"], body)
        # Nothing but page numbers is smaller than body text by much.
        assert min(sizes) >= BODY_PT[variant] - 2, e["pdf"]


def test_easy_read_leaflet_is_laid_out_for_easy_read(built: Path) -> None:
    """A contents page with page numbers, each section on a new page, at most 24 pages (Mencap
    and DH easy-read guidance)."""
    for e in [e for e in editions(built) if e["variant"] == "easy-read"]:
        with pdfplumber.open(built / "site" / e["pdf"]) as pdf:
            assert len(pdf.pages) <= 24, (e["pdf"], len(pdf.pages))
            page = pdf.pages[1]
            # The contents page without its page number in the bottom margin.
            contents = page.crop((0, 0, page.width, page.height - 20 * MM)).extract_text() or ""
            numbers = [int(n) for n in re.findall(r"\d+", contents)]
            assert len(numbers) >= 6 and numbers == sorted(numbers), (e["pdf"], contents[:200])
            # Each listed page starts a section: its first line is in the section's title size.
            for number in numbers:
                chars = [c for c in pdf.pages[number - 1].chars if c["text"].strip()]
                top = min(c["top"] for c in chars)
                first_line = [c for c in chars if abs(c["top"] - top) < 2]
                assert max(c["size"] for c in first_line) >= BODY_PT["easy-read"] * 1.5, (e["pdf"], number)


def _image_boxes(box: object) -> list:
    """WeasyPrint's laid-out boxes of <img> elements under `box`."""
    found = []
    if getattr(box, "element_tag", None) == "img":
        found.append(box)
    for child in getattr(box, "children", []) or []:
        found += _image_boxes(child)
    return found


def test_easy_read_pictures_are_big_and_the_cover_has_one(built: Path) -> None:
    """Measured in the leaflet's own layout (WeasyPrint draws the SVG pictures as vectors)."""
    from weasyprint import HTML

    px_to_mm = 25.4 / 96
    sources = [p for p in (built / ".parentinfo" / "pdf").glob("*.html") if 'class="pi-point"' in p.read_text()]
    languages = {re.search(r'<html lang="(\w+)"', p.read_text()).group(1): p for p in sources}
    for language in ("en", "ar", "bn"):
        document = HTML(string=languages[language].read_text(), base_url=None).render()
        cover = _image_boxes(document.pages[0]._page_box)
        # The QR code is 32 mm: only the cover's picture is 40 mm or more.
        assert any(b.width * px_to_mm >= 40 for b in cover), (language, "no picture on the cover")
        pictures = [b for page in document.pages[2:] for b in _image_boxes(page._page_box)]
        assert pictures, language
        assert min(b.width * px_to_mm for b in pictures) >= 25, (language, min(b.width for b in pictures))


def test_leaflet_starts_with_cover_and_ends_with_contacts(built: Path) -> None:
    (e,) = [
        e for e in editions(built) if (e["council"], e["language"], e["variant"]) == ("staffordshire", "en", "standard")
    ]
    with pdfplumber.open(built / "site" / e["pdf"]) as pdf:
        cover = pdf.pages[0].extract_text()
        last = pdf.pages[-1].extract_text()
        text = "\n".join(page.extract_text() for page in pdf.pages)
    assert cover.splitlines()[:3] == [
        "Staffordshire",
        "Child Protection Conferences",
        "Information for parents and carers",
    ]
    assert "https://www.staffordshire.gov.uk/parentinfo/en/standard/index.html" in cover
    assert "01785 277135" in last and "Help and contacts" in text
    assert "Accessibility statement" not in text  # about the web pages, not paper


def test_web_pages_and_print_page_link_each_leaflet(built: Path) -> None:
    html = (built / "site" / "solihull" / "en" / "large-text" / "help.html").read_text()
    (link,) = [(h, t) for h, t in links_of(html) if h.endswith(".pdf")]
    assert link[0] == "solihull-en-large-text.pdf"
    assert re.fullmatch(r"Print this guide \(PDF, \d+ pages, \d+ KB\)", link[1])
    print_page = (built / "site" / "solihull" / "print.html").read_text()
    hrefs = [h for h, _ in links_of(print_page) if h.endswith(".pdf")]
    # Every language the council publishes, each in all three editions, English first.
    assert hrefs == [
        f"{lang}/{v}/solihull-{lang}-{v}.pdf" for lang in LANGUAGES for v in ("standard", "easy-read", "large-text")
    ]


def test_cover_qr_code_scans_to_the_editions_web_page(built: Path, tmp_path: Path) -> None:
    for e in editions(built):
        if e["council"] != "south-gloucestershire":
            continue
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "150",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(built / "site" / e["pdf"]),
                str(tmp_path / "cover"),
            ],
            check=True,
        )
        scan = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "cover.png")], capture_output=True, text=True)
        assert scan.stdout.strip() == (
            f"https://www.southglos.gov.uk/parentinfo/{e['language']}/{e['variant']}/index.html"
        )
