"""PDF leaflets: one per edition, A4, designed for paper, rendered by WeasyPrint.

The leaflet is made from the same rendered Markdown as the web pages, with a cover, page numbers,
contacts together at the end and a QR code back to the web edition. Each PDF is cached by the
hash of its input, so an unchanged edition is never rendered again; new ones are rendered in
warm worker processes on every core.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import markdown
import segno

from parentinfo import cache
from parentinfo.editions import EDITIONS
from parentinfo.errors import BuildError
from parentinfo.languages import LANGUAGES
from parentinfo.outputs import fonts

# Paper order: no accessibility statement (it is about the web pages), contacts last.
LEAVE_OUT = ("accessibility.md",)
LAST = ("help.md",)
# Easy read on paper (Mencap, DH "Making written information easier to understand"): big
# pictures beside the words, each section starting a page, a contents page, a picture on the cover.
EASY_READ_CSS = """
@page { margin: 15mm 16mm 18mm; }
.pi-picture { flex: 0 0 26mm; }
.pi-picture img { width: 26mm; height: 26mm; }
.pi-point { gap: 6mm; margin: 0 0 4mm; }
section { break-before: page; }
section:first-of-type h1 { margin-top: 0; }
.cover .picture { width: 45mm; height: 45mm; margin: 8mm 0 0; }
.cover .edition { font-size: 1.5em; font-weight: 700; }
.contents { break-after: page; list-style: none; padding: 0; margin: 0; font-size: 1.2em; }
.contents li { display: flex; gap: 4mm; margin: 0 0 5mm; }
.contents a { text-decoration: none; flex: 1; }
.contents a::after { content: leader(".") target-counter(attr(href), page); }
.pi-credits { font-size: 0.9em; }
"""
COVER_PICTURE = "1F46A"  # the family, as on the easy-read guide's first page
EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "toc"]
VERSION = "5"  # bump when the print design changes, so cached PDFs are rendered again


@dataclass(frozen=True)
class Words:
    """The leaflet's own words, in the edition's language."""

    title: str
    subtitle: str
    edition: str
    qr_caption: str
    qr_alt: str
    english: tuple[str, ...] = ()
    """Fields that are English because the translation lacks them (allowed fallback only)."""


@dataclass(frozen=True)
class Leaflet:
    key: str
    """Hash of everything the PDF is made from."""
    inputs: tuple
    """The arguments of `leaflet_html`: the HTML is made by the worker that renders it."""
    path: Path
    """Where the PDF is cached."""


@dataclass(frozen=True)
class Made:
    path: Path
    pages: int
    size: int


def paper_order(pages: list[str]) -> list[str]:
    keep = [p for p in pages if p not in LEAVE_OUT]
    return [p for p in keep if p not in LAST] + [p for p in keep if p in LAST]


def _css(language: str, variant: str) -> str:
    size = EDITIONS[variant].leaflet_pt
    family = fonts.print_family(language)
    line = LANGUAGES[language].script.print_line_height
    return f"""
@page {{ size: A4; margin: 18mm 18mm 20mm;
  @bottom-center {{ content: counter(page) " / " counter(pages); font: {max(10, size - 2)}pt {family};
    direction: ltr; }} }}
@page :first {{ @bottom-center {{ content: none; }} }}
html {{ font-family: {family}, sans-serif; font-size: {size}pt; line-height: {line}; color: #111; }}
body {{ margin: 0; }}
.cover {{ break-after: page; display: flex; flex-direction: column; min-height: 250mm; }}
.cover .council {{ font-size: 1.4em; font-weight: 700; border-bottom: 4pt solid var(--colour); padding-bottom: 4mm; }}
.cover h1 {{ font-size: 2.4em; line-height: 1.2; margin: 20mm 0 4mm; }}
.cover .subtitle {{ font-size: 1.4em; margin: 0 0 8mm; }}
.cover .edition {{ font-size: 1.1em; }}
.cover .qr {{ margin-top: auto; display: flex; gap: 6mm; align-items: center; }}
.cover .qr img {{ width: 32mm; height: 32mm; }}
.cover .qr p {{ margin: 0; font-size: 0.9em; overflow-wrap: anywhere; }}
section h1 {{ font-size: 1.6em; line-height: 1.25; margin: 10mm 0 3mm; color: var(--colour); }}
section:first-of-type h1 {{ margin-top: 0; }}
h2 {{ font-size: 1.2em; line-height: 1.3; margin: 6mm 0 2mm; }}
h1, h2, h3, dt {{ break-after: avoid; }}
p, li, dd {{ orphans: 3; widows: 3; }}
p {{ margin: 0 0 3mm; }}
ul, ol {{ margin: 0 0 3mm; padding-inline-start: 7mm; }}
li {{ margin-bottom: 1.5mm; }}
dt {{ font-weight: 700; margin-top: 3mm; }}
dd {{ margin: 0 0 2mm; padding-inline-start: 5mm; }}
a {{ color: inherit; text-decoration: underline; }}
a[href^="tel:"] {{ font-weight: 700; text-decoration: none; white-space: nowrap; }}
.admonition {{ border: 1pt solid #555; padding: 2mm 4mm; margin: 0 0 5mm; font-size: 0.9em; }}
.admonition-title {{ display: none; }}
em, i {{ font-style: normal; font-weight: 700; }}
.pi-point {{ display: flex; gap: 5mm; align-items: flex-start; margin: 0 0 4mm; break-inside: avoid; }}
.pi-picture {{ flex: 0 0 16mm; }}
.pi-picture img {{ width: 16mm; height: 16mm; }}
.pi-words {{ flex: 1; }}
.pi-credits {{ font-size: 0.86em; }}
"""


PICTURE = re.compile(r'src="\.\./assets/pictures/([0-9A-F-]+)\.svg"')


def _embed_pictures(text: str, pictures: Path) -> str:
    """Easy-read pictures inline as data URIs: the leaflet is one self-contained document, and
    its cache key changes when a picture does."""

    def inline(match: re.Match[str]) -> str:
        data = (pictures / f"{match.group(1)}.svg").read_bytes()
        return f'src="data:image/svg+xml;base64,{base64.b64encode(data).decode()}"'

    return PICTURE.sub(inline, text)


HREF = re.compile(r'href="([^"]*)"')


def _absolute_links(text: str, url: str) -> str:
    """Links resolved against the edition's web address: a downloaded or printed-and-scanned
    PDF has no folder for `../../en/standard/index.html` to be relative to. Links within the
    leaflet (#...) and absolute ones (https:, tel:, mailto:) are left as they are."""

    def resolve(match: re.Match[str]) -> str:
        href = html.unescape(match.group(1))
        if href.startswith("#") or re.match(r"[a-z][a-z0-9+.-]*:", href, re.I):
            return match.group(0)
        return f'href="{html.escape(urljoin(url, href))}"'

    return HREF.sub(resolve, text)


def leaflet_html(
    language: str,
    variant: str,
    council_name: str,
    colour: str,
    pages: dict[str, str],
    words: Words,
    url: str,
    pictures: Path,
) -> str:
    """The whole leaflet as one HTML document; `pictures` is the folder of easy-read pictures."""
    lang = LANGUAGES[language]
    qr = segno.make(url, error="m").svg_data_uri(scale=4, border=2)
    bodies = {name[:-3]: markdown.markdown(pages[name], extensions=EXTENSIONS) for name in paper_order(list(pages))}
    sections = "\n".join(f'<section id="{anchor}">\n{body}\n</section>' for anchor, body in bodies.items())
    # The pictures' licence once, at the end, not under every section.
    credits = re.findall(r'<p class="pi-credits">.*?</p>', sections, re.S)
    sections = re.sub(r'<p class="pi-credits">.*?</p>', "", sections, flags=re.S) + (credits[0] if credits else "")
    sections = _absolute_links(_embed_pictures(sections, pictures), url)
    e = html.escape
    easy = EDITIONS[variant].pictures
    contents = ""
    cover_picture = ""
    if easy:
        # Each section's title, from the HTML already made above.
        titles = [
            (anchor, re.sub(r"<[^>]+>", "", m.group(1)))
            for anchor, body in bodies.items()
            if (m := re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S))
        ]
        items = "".join(f'<li><a href="#{anchor}">{title}</a></li>' for anchor, title in titles)
        contents = f'<ol class="contents">{items}</ol>'
        data = base64.b64encode((pictures / f"{COVER_PICTURE}.svg").read_bytes()).decode()
        cover_picture = f'<img class="picture" src="data:image/svg+xml;base64,{data}" alt="">'

    def say(field: str) -> str:
        text = e(getattr(words, field))
        return f'<span lang="en" dir="ltr">{text}</span>' if field in words.english else text

    return f"""<!doctype html>
<html lang="{language}" dir="{"rtl" if lang.rtl else "ltr"}">
<head><meta charset="utf-8"><title>{e(words.title)}: {e(council_name)}</title>
<style>:root {{ --colour: {colour}; }}{_css(language, variant)}{EASY_READ_CSS if easy else ""}</style></head>
<body>
<div class="cover">
<p class="council"{' lang="en"' if language != "en" else ""}>{e(council_name)}</p>
<h1>{say("title")}</h1>
<p class="subtitle">{say("subtitle")}</p>
<p class="edition">{e(lang.name)} · {say("edition")}</p>
{cover_picture}
<div class="qr"><img src="{qr}" alt="{e(words.qr_alt)}">
<p>{say("qr_caption")}<br><a href="{e(url)}" dir="ltr">{e(url)}</a></p></div>
</div>
{contents}
{sections}
</body>
</html>
"""


def key_of(inputs: tuple, pictures: Path) -> str:
    """Hash of everything a leaflet is made from: its inputs, the pictures, the fonts, the code
    that draws it (this module, pdftext) and the tools' versions (WeasyPrint, which pdftext patches).

    Computed before the HTML, so an unchanged edition costs neither Markdown nor a QR code.
    """
    digest = hashlib.sha256((VERSION + cache.tools() + repr(inputs)).encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(Path(__file__).with_name("pdftext.py").read_bytes())  # not imported: it loads WeasyPrint
    for picture in sorted(pictures.glob("*.svg")):
        digest.update(picture.name.encode() + picture.read_bytes())
    for font in fonts.print_fonts(inputs[0]):  # raises, before anything is rendered, if one is missing
        digest.update(font.name.encode() + _font_digest(font).encode())
    return digest.hexdigest()[:20]


@functools.cache
def _font_digest(path: Path) -> str:
    return cache.digest(path.read_bytes())


def plan(key: str, cache: Path, inputs: tuple) -> Leaflet:
    """A leaflet, rendered by `make` unless its key is already in the cache."""
    return Leaflet(key, inputs, cache / f"{key}.pdf")


def write_leaflet_pdf(html_text: str, path: Path, identifier: bytes) -> int:
    """HTML → tagged PDF with a true text layer (see pdftext); returns the page count.

    Tagged as PDF/UA asks, but it claims no PDF/UA conformance (`pdf_variant`): no PDF/UA
    checker (veraPDF) can be run here, and a leaflet claims it only once one has passed it."""
    from weasyprint import HTML

    from parentinfo.outputs.leaflets import pdftext

    pdftext.install()
    refused: list[str] = []
    document = HTML(string=html_text, base_url=None, url_fetcher=_fetch_nothing(refused)).render(pdf_tags=True)
    pdftext.mark_artifacts(document)  # between layout and drawing: write_pdf draws the pages
    tmp = Path(f"{path}.tmp")
    # A fixed identifier (the input's hash) keeps the same input's PDF byte-identical.
    document.write_pdf(tmp, pdf_tags=True, pdf_version="1.7", pdf_identifier=identifier)
    if refused:  # only hostile input could put one there: the HTML embeds all it shows
        tmp.unlink()
        raise BuildError(
            f"PDF leaflets: the leaflet refers to {refused[0]}; a leaflet may load nothing from outside it"
        )
    os.replace(tmp, path)
    return len(document.pages)


def _fetch_nothing(refused: list[str]) -> Any:
    """WeasyPrint's url_fetcher for leaflets: the pictures are data: URLs in the HTML, and
    nothing else is read, from the network or from this machine's files (`file:`, attachments)."""
    from weasyprint.urls import URLFetcher

    class DataOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith("data:"):
                refused.append(url)
            return super().fetch(url, headers)  # refuses every scheme but data:

    return DataOnly(allowed_protocols={"data"})


def _render(job: tuple[tuple, str, str]) -> int:
    """In a worker: inputs → HTML → tagged PDF; returns the page count."""
    inputs, path, key = job
    html_text = leaflet_html(*inputs)
    # Kept beside the PDF: what it was made from, for debugging, scripts/bench and the tests.
    Path(path).with_suffix(".html").write_text(html_text, encoding="utf-8")
    pages = write_leaflet_pdf(html_text, Path(path), key.encode())
    cache.seal(Path(path), {"pages": pages})  # its hash and page count, checked before reuse
    return pages


def _reusable(path: Path) -> int | None:
    """Page count of a cached PDF that is whole and unchanged since it was rendered, else None."""
    meta = cache.opened(path)
    pages = meta.get("pages") if meta else None
    return pages if isinstance(pages, int) and pages > 0 else None


def make(leaflets: list[Leaflet], workers: int | None = None) -> dict[str, Made]:
    """Render every leaflet not already cached; {key: Made}."""
    # One job per key: editions with identical inputs share a PDF, and two workers writing the
    # same file would race.
    unique = {lf.key: lf for lf in leaflets}
    reused = {lf.key: _reusable(lf.path) for lf in unique.values()}
    todo = [lf for lf in unique.values() if reused[lf.key] is None]
    for lf in todo:
        lf.path.parent.mkdir(parents=True, exist_ok=True)
    done: dict[str, int] = {}
    if todo:
        # Longest first, one at a time: no core sits idle at the end while the other finishes a
        # batch of long leaflets (large text, Urdu).
        todo.sort(key=lambda lf: len(repr(lf.inputs)), reverse=True)
        jobs = [(lf.inputs, str(lf.path), lf.key) for lf in todo]
        try:
            if len(jobs) == 1 or (workers or os.cpu_count() or 1) == 1:
                counts = [_render(job) for job in jobs]
            else:
                # Workers start clean from a fork server, not as forks of this large process.
                context = multiprocessing.get_context("forkserver")
                with ProcessPoolExecutor(max_workers=workers or os.cpu_count(), mp_context=context) as pool:
                    counts = list(pool.map(_render, jobs))
        except BuildError:
            raise
        except Exception as err:  # WeasyPrint errors are bugs in our HTML or a missing system library
            raise BuildError(f"PDF leaflets: rendering failed ({type(err).__name__}: {err})") from None
        done = {lf.key: n for lf, n in zip(todo, counts, strict=True)}
    return {lf.key: Made(lf.path, done.get(lf.key) or reused[lf.key] or 0, lf.path.stat().st_size) for lf in leaflets}
