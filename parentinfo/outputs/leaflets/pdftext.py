"""What a PDF leaflet says to copy-and-paste, search and screen readers, on top of WeasyPrint.

WeasyPrint 70 keeps one glyph→Unicode map per font (draw/text.py, `font.to_unicode`): a glyph
keeps the text of the first cluster it was drawn in, so Nastaliq and Bengali glyphs shared by
several clusters, lam-alef ligatures and pre-base vowels (ি drawn before its consonant) extract
as nonsense (WeasyPrint issue 2841). PDF's remedy is marked content with /ActualText (PDF 32000-1
§14.9.4): each word of a left-to-right run and each right-to-left run is wrapped in
`/Span <</ActualText …>> BDC … EMC`, inside WeasyPrint's own tagged /Span, with its text.
Poppler, Acrobat and screen readers read that instead of the glyphs. Left-to-right text (Bengali
too) is in logical order; right-to-left in drawing order, as readers expect right-to-left glyphs
to be (see `_Unit.text`). Words whose glyphs already map one to one (most Latin text) are left
bare, so those PDFs keep their size.

Also, from our side of WeasyPrint's tagging (pdf/tags.py): pictures with alt="" and the page
numbers in the page margin become artifacts, not untitled /Figure tags or stray /Span content.

These are patches of WeasyPrint internals, so `install` refuses any other WeasyPrint version:
an upgrade fails loudly, and this module is checked against the new source before it is lifted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import weasyprint
from weasyprint.draw import text as draw_text_module
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder
from weasyprint.pdf import tags as tags_module
from weasyprint.pdf.stream import Stream
from weasyprint.text.ffi import ffi, pango

WEASYPRINT = "70.0"
"""The WeasyPrint whose draw_first_line, Stream.marked and _build_box_tree this was written for."""
ARTIFACT = "_parentinfo_artifact"
"""Box attribute: the property list of the /Artifact it is drawn as, instead of a tag."""
DECORATIVE = b"<</Type /Layout>>"
PAGE_NUMBER = b"<</Type /Pagination /Subtype /Footer>>"


def actual_text(text: str) -> bytes:
    """The marked-content operator that gives the glyphs after it `text` (UTF-16BE, as §7.9.2.2
    allows for any text string; pydyf would write ASCII as a literal, fine too but two paths)."""
    return b"/Span <</ActualText <feff" + text.encode("utf-16-be").hex().encode() + b">>> BDC"


@dataclass
class _Unit:
    """Glyphs drawn one after another that get one /ActualText, with its text's UTF-8 byte range."""

    start: int
    end: int
    glyphs: int
    rtl: bool
    space: bool = False
    plain: bool = True
    """Every glyph is one character, its cluster's only glyph, and the font's glyph→Unicode map
    already gives it: no /ActualText needed (Latin text, mostly; it keeps those PDFs their size)."""

    def text(self, utf8: bytes) -> str:
        text = utf8[self.start : self.end].decode(errors="replace")
        # Right to left: in the order the glyphs are drawn (left to right on the page). That is
        # how readers take a right-to-left word (poppler, PDFium reverse it to logical order,
        # as they do glyph by glyph); in logical order, pdftotext gave every such word backwards.
        return text[::-1] if self.rtl else text


def _run_units(utf8: bytes, item: Any, glyphs: Any, to_unicode: dict[int, str]) -> list[_Unit]:
    """A Pango run (one font, one direction) as units in drawing order: left to right, words and
    spaces (selecting and searching in a viewer finds words where they are); right to left, the
    whole run."""
    rtl = bool(item.analysis.level % 2)
    clusters = [glyphs.log_clusters[i] for i in range(glyphs.num_glyphs)]
    starts = sorted(set(clusters))
    ends = dict(zip(starts, [*starts[1:], item.length], strict=True))
    units: list[_Unit] = []
    for i, cluster in enumerate(clusters):
        start, end = item.offset + cluster, item.offset + ends[cluster]
        glyph = glyphs.glyphs[i].glyph
        # Empty glyphs (zero-width joiners) are drawn as a move, not a glyph.
        drawn = int(glyph != pango.PANGO_GLYPH_EMPTY)
        alone = (i == 0 or clusters[i - 1] != cluster) and (i + 1 == len(clusters) or clusters[i + 1] != cluster)
        text = utf8[start:end].decode(errors="replace")
        # Left to right, one glyph for one character, not moved off its place (a mark on its
        # base): anything else, poppler's glyph-by-glyph reading splits words where glyphs
        # overlap (Arabic letters around lam-alef, Gurmukhi vowel signs) even when the map is right.
        geometry = glyphs.glyphs[i].geometry
        plain = (
            not rtl
            and alone
            and bool(drawn)
            and len(text) == 1
            and not (geometry.x_offset or geometry.y_offset)
            and to_unicode.get(glyph) == text
        )
        space = utf8[start:end].isspace()
        last = units[-1] if units else None
        # Glyphs of one cluster stay together (a Bengali syllable drawn vowel first); a word
        # runs on until a space. A right-to-left run is one unit: poppler puts a unit's leading
        # marks first, so a word-final mark (the tanween of لقاءً, the zer of براہِ) would come
        # out before its word; inside a run, only a run-final mark does.
        if last and (rtl or last.start == start or not (space or last.space)):
            last.start, last.end, last.glyphs = min(last.start, start), max(last.end, end), last.glyphs + drawn
            last.plain = last.plain and plain
        else:
            units.append(_Unit(start, end, drawn, rtl, space, plain))
    return units


def _units(stream: Stream, textbox: Any) -> tuple[bytes, list[_Unit]]:
    """The text drawn by draw_first_line as units in the order it walks the glyphs."""
    layout = textbox.pango_layout
    first_line, _ = layout.get_first_line()
    utf8 = layout.text.encode()
    units: list[_Unit] = []
    run = first_line.runs[0] if first_line.runs != ffi.NULL else ffi.NULL
    while run != ffi.NULL:
        glyph_item, run = run.data, run.next
        font, _ = stream.add_font(glyph_item.item.analysis.font)  # the one draw_first_line used
        for unit in _run_units(utf8, glyph_item.item, glyph_item.glyphs, font.to_unicode):
            if units and not (unit.glyphs and units[-1].glyphs):
                # No glyph to put its text on: it joins its neighbour (one is drawn, the other not).
                last = units[-1] if units[-1].glyphs else unit
                last.start, last.end = min(units[-1].start, unit.start), max(units[-1].end, unit.end)
                last.plain = False
                units[-1] = last
            else:
                units.append(unit)
    return utf8, units


# What WeasyPrint writes in a TJ array: glyph ids in hex, and moves as Python floats ("1e-05").
TJ_TOKEN = re.compile(rb"\s*(?:<([0-9a-f]*)>|(-?[0-9.]+(?:e[-+]?[0-9]+)?))")


def _split_by_unit(items: list, utf8: bytes, units: list[_Unit]) -> list | None:
    """The drawn operators with each unit's glyphs in its own /ActualText span, TJ arrays split
    where a unit ends; None if the glyphs shown are not the glyphs counted (then the caller
    wraps the line as a whole)."""
    owner = [n for n, unit in enumerate(units) for _ in range(unit.glyphs)]
    out: list = []
    shown, current = 0, -1
    for item in items:
        if not (isinstance(item, bytes) and item.startswith(b"[") and item.endswith(b"] TJ")):
            out.append(item)
            continue
        piece: list[bytes] = []
        has_glyphs = False
        body = item[1:-4]
        tokens = list(TJ_TOKEN.finditer(body))
        if sum(len(t.group(0)) for t in tokens) != len(body.rstrip()):
            return None  # something this parser does not know: leave the operators alone
        for hex_glyphs, number in (t.groups() for t in tokens):
            if number:
                piece.append(number)
                continue
            count = len(hex_glyphs) // 4  # 2-byte glyph ids (WeasyPrint's fonts but bitmap ones)
            if len(hex_glyphs) % 4 or shown + count > len(owner):
                return None
            k = 0
            while k < count:
                unit = owner[shown + k]
                if unit != current:
                    if has_glyphs:
                        out.append(b"[" + b" ".join(piece) + b"] TJ")
                        piece, has_glyphs = [], False
                    if current >= 0 and not units[current].plain:
                        out.append(b"EMC")
                    current = unit
                    if not units[unit].plain:
                        out.append(actual_text(units[unit].text(utf8)))
                j = k + 1
                while j < count and owner[shown + j] == unit:
                    j += 1
                piece.append(b"<" + hex_glyphs[4 * k : 4 * j] + b">")
                has_glyphs, k = True, j
            shown += count
        if piece:
            out.append(b"[" + b" ".join(piece) + b"] TJ")
    if shown != len(owner) or current < 0:
        return None
    return out if units[current].plain else [*out, b"EMC"]


fallbacks = 0
"""Lines given one /ActualText as a whole, in logical order (right-to-left ones then extract
backwards in poppler): the tests expect none."""


def _with_actual_text(draw_first_line: Callable[..., list]) -> Callable[..., list]:
    def wrapped(stream: Stream, textbox: Any, *args: Any) -> list:
        start = len(stream.stream)
        emojis = draw_first_line(stream, textbox, *args)
        drawn = stream.stream[start:]
        if not any(isinstance(item, bytes) and item.endswith(b"TJ") for item in drawn):
            return emojis  # the original returns early for blank lines
        utf8, units = _units(stream, textbox)
        split = _split_by_unit(drawn, utf8, units)
        if split is None:
            global fallbacks
            fallbacks += 1
            split = [actual_text(utf8.decode(errors="replace")), *drawn, b"EMC"]
        stream.stream[start:] = split
        return emojis

    wrapped.parentinfo_wrapped = True  # type: ignore[attr-defined]
    return wrapped


def _marked_or_artifact(marked: Callable[..., Any]) -> Callable[..., Any]:
    @contextmanager
    def wrapped(self: Stream, box: Any, tag: str) -> Iterator[None]:
        properties = getattr(box, ARTIFACT, None)
        if properties is None or self._tags is None:
            with marked(self, box, tag):
                yield
            return
        # Not in self._tags: no MCID, so _build_box_tree (below) must not look for one.
        self.stream.append(b"/Artifact " + properties + b" BDC")
        try:
            yield
        finally:
            self.stream.append(b"EMC")

    return wrapped


def _tree_without_artifacts(build_box_tree: Callable[..., Iterator]) -> Callable[..., Iterator]:
    def wrapped(box: Any, *args: Any) -> Iterator:
        target = box._box if isinstance(box, AbsolutePlaceholder) else box
        if getattr(target, ARTIFACT, None) is not None:
            return iter(())
        return build_box_tree(box, *args)

    return wrapped


def install() -> None:
    """Patch WeasyPrint in this process (idempotent). Called by the leaflet worker."""
    if weasyprint.__version__ != WEASYPRINT:
        raise RuntimeError(
            f"{__name__} patches WeasyPrint {WEASYPRINT} internals, found {weasyprint.__version__}: "
            "check draw/text.py draw_first_line, pdf/stream.py Stream.marked and pdf/tags.py _build_box_tree, "
            "then update WEASYPRINT"
        )
    if getattr(draw_text_module.draw_first_line, "parentinfo_wrapped", False):
        return
    # draw_text and svg/text.py look draw_first_line up in its module at call time; tags.py's
    # recursion looks _build_box_tree up in its module too, so the wrappers see every call.
    draw_text_module.draw_first_line = _with_actual_text(draw_text_module.draw_first_line)
    Stream.marked = _marked_or_artifact(Stream.marked)  # type: ignore[method-assign]
    tags_module._build_box_tree = _tree_without_artifacts(tags_module._build_box_tree)


def _descendants(box: Any) -> Iterator[Any]:
    stack = [box]
    while stack:
        box = stack.pop()
        yield box
        stack.extend(getattr(box, "children", ()))


def mark_artifacts(document: weasyprint.Document) -> int:
    """Flag a rendered document's decorative pictures (alt="") and page-margin content (page
    numbers) to be drawn as artifacts; returns how many boxes were flagged."""
    flagged = 0
    for page in document.pages:
        for box in _descendants(page._page_box):
            if isinstance(box, boxes.MarginBox) or getattr(box, ARTIFACT, None) == PAGE_NUMBER:
                # The margin box and all in it: tags.py would build them a /Span the tree
                # never links to (its comment: an Artifact there is PDF 2.0 only).
                for child in getattr(box, "children", ()):
                    setattr(child, ARTIFACT, PAGE_NUMBER)
                setattr(box, ARTIFACT, PAGE_NUMBER)
                flagged += 1
            elif (
                isinstance(box, boxes.ReplacedBox)
                and box.element is not None
                and box.element_tag == "img"
                and box.element.get("alt") == ""
            ):
                setattr(box, ARTIFACT, DECORATIVE)
                flagged += 1
    return flagged
