"""Scripts shown whole: no line of Arabic or Urdu cut by a box that hides its overflow, and web
fonts that hold every character their pages use. And the install scripts' promise: the venv the
tests run in holds exactly the lock's pins."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from browser import serve
from sitetools import REPO, text_of

from parentinfo.languages import LANGUAGES
from parentinfo.outputs.fonts import FONTS, NOTO

# Every box that hides overflow and holds text: its content (ascent to descent of each line)
# must fit, or the dots above and below the letters are cut off.
CLIPPED_JS = """() => [...document.querySelectorAll('body *')].filter(e => {
    const s = getComputedStyle(e);
    return /hidden|clip/.test(s.overflowX + s.overflowY) && e.textContent.trim()
           && e.scrollHeight > e.clientHeight;
  }).map(e => [e.className, e.textContent.trim().slice(0, 30), e.scrollHeight, e.clientHeight])"""


def rtl_pages(built: Path) -> list[str]:
    editions = json.loads((built / "site" / "manifest.json").read_text())["editions"]
    return [p for e in editions if LANGUAGES[e["language"]].rtl for p in e["pages"][::4]]


@pytest.mark.parametrize("width", [320, 1280])
def test_no_arabic_or_urdu_line_is_clipped(built: Path, browser, width: int) -> None:
    pages = rtl_pages(built)
    assert pages
    page = browser.new_page(viewport={"width": width, "height": 800})
    clipped = {}
    with serve(built / "site") as base:
        for rel in pages:
            page.goto(base + rel)
            page.evaluate("document.fonts.ready")
            found = page.evaluate(CLIPPED_JS)
            if found:
                clipped[rel] = found[:3]
    assert clipped == {}


def test_web_font_subsets_hold_every_character_their_pages_show(built: Path) -> None:
    """Each language's subset has every character of its built pages' text that the full Noto
    font has: a missing one (the danda, the space) is drawn from another font, or not at all."""
    from fontTools.ttLib import TTFont

    editions = json.loads((built / "site" / "manifest.json").read_text())["editions"]
    missing, checked = {}, 0
    for folder in sorted({(e["council"], e["language"]) for e in editions if e["language"] in FONTS}):
        council, language = folder
        root = built / "site" / council / language
        text = "".join(text_of(p.read_text(encoding="utf-8")) for p in root.rglob("*.html"))
        for subset in sorted((root / "assets" / "fonts").glob("*.woff2")):
            full = set(TTFont(NOTO / subset.with_suffix(".ttf").name).getBestCmap())
            have = set(TTFont(subset).getBestCmap())
            lacking = sorted({ch for ch in text if ord(ch) in full and ord(ch) not in have})
            if lacking:
                missing[f"{council}/{language}/{subset.name}"] = [f"U+{ord(ch):04X}" for ch in lacking]
            checked += 1
    assert checked and missing == {}


def _pins(text: str) -> dict[str, str]:
    """name -> version of every `name==version` line, names normalised as pip compares them."""
    found = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", text, re.M)
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in found}


def test_venv_holds_exactly_the_locks_pins() -> None:
    """scripts/test installs requirements/test.txt and nothing else (scripts/setup.sh)."""
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable"], capture_output=True, text=True, check=True
    ).stdout
    assert _pins(frozen) == _pins((REPO / "requirements" / "test.txt").read_text())


def test_build_and_test_locks_agree() -> None:
    build, test = (_pins((REPO / "requirements" / f"{name}.txt").read_text()) for name in ("build", "test"))
    assert {name: test.get(name) for name in build} == build
