"""The edition types: what each is made from, how it is translated and typeset, what it is called.

The one registry every stage reads (render, catalogues, site, leaflets, home and print pages,
manifest). A new edition type is one entry here, its text in docs/<source>/ (or an existing
source), and, if it looks different, its stylesheet in overrides/assets/stylesheets/.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EditionType:
    name: str
    """Its folder in site/<council>/<language>/ and its `variant` in the manifest."""
    source: str
    """The folder of docs/ its pages are written in: large text is the standard text, larger."""
    domains: tuple[str, ...]
    """The catalogues its pages are translated from, first match wins."""
    title: str
    """Its English title on the council's home and print pages (translated: docs/_ui.jinja)."""
    leaflet_pt: int
    """The leaflet's body text size, in points."""
    stylesheet: bool = False
    """Its own web typesetting, overrides/assets/stylesheets/<name>.css."""
    pictures: bool = False
    """A picture beside each point: the leaflet adds a contents page and a cover picture."""


EDITIONS: dict[str, EditionType] = {
    e.name: e
    for e in (
        EditionType("standard", "standard", ("guide",), "Standard", 12),
        EditionType("easy-read", "easy-read", ("easy-read", "guide"), "Easy read", 16, True, True),
        EditionType("large-text", "standard", ("guide",), "Large text", 18, True),
    )
}
VARIANTS = tuple(EDITIONS)
