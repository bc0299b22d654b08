"""Web fonts for scripts a phone may not have: Noto (SIL OFL), served from the site itself.

Each font is cut down to the characters of the language's text that it has (all of its script
when no text is given), with the space, digits and punctuation any page may use, and stored as
WOFF2, cached by the source file and the characters, so a page in Arabic downloads about 17 KB
a weight, never from a CDN.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from parentinfo import cache as caches
from parentinfo.errors import BuildError
from parentinfo.languages import ALWAYS, LANGUAGES, LATIN, ScriptFont

NOTO = Path("/usr/share/fonts/truetype/noto")


# Each language's script and its font: languages.py, with the languages themselves.
FONTS: dict[str, ScriptFont] = {code: lang.script for code, lang in LANGUAGES.items() if lang.script is not LATIN}
PRINT_WEIGHTS = ("Regular", "Bold")


def print_fonts(language: str) -> list[Path]:
    """The font files a leaflet in `language` is set in (its script's, then Latin's).

    Checked before any leaflet is made: without them WeasyPrint silently falls back to
    another font, and a Bengali leaflet would be printed as empty boxes."""
    specs = [FONTS[language], LATIN] if language in FONTS else [LATIN]
    files = [NOTO / f"{spec.file}-{weight}.ttf" for spec in specs for weight in PRINT_WEIGHTS]
    missing = [f for f in files if not f.is_file()]
    if missing:
        raise BuildError(f"{missing[0]}: font not found; install Debian's fonts-noto-core (scripts/build does this)")
    return files


def print_family(language: str) -> str:
    """The CSS font-family list of a leaflet in `language`."""
    specs = [FONTS[language], LATIN] if language in FONTS else [LATIN]
    return ", ".join(f'"{spec.family}"' for spec in specs)


# One weight is served: bold headings are drawn by the browser from it (font synthesis), which
# halves what a phone downloads before the first words show (an Arabic page: 62 KB -> 45 KB).
WEIGHTS = {"Regular": 400}


def _subset(source: Path, ranges: tuple[tuple[int, int], ...], out: Path) -> None:
    """Cut `source` down to `ranges` as WOFF2 at `out`.

    fontTools' output depends on Python's string hashing (set order in its layout closure), so it
    runs in a child process with a fixed hash seed: the same input always gives the same bytes.
    """
    unicodes = ",".join(f"{lo:04X}-{hi:04X}" if hi > lo else f"{lo:04X}" for lo, hi in ranges)
    command = [
        sys.executable, "-m", "fontTools.subset", str(source), f"--unicodes={unicodes}",
        "--flavor=woff2", "--layout-features=*",  # joining and ligature rules make the script legible
        "--name-IDs=*", "--notdef-outline", f"--output-file={out}",
        # Hinting only sharpens small text on Windows; phones ignore it. Without it a Bengali
        # page's font is 54 -> 34 KB, Urdu's 107 -> 90 KB.
        "--no-hinting",
    ]  # fmt: skip
    result = subprocess.run(command, env={**os.environ, "PYTHONHASHSEED": "0"}, capture_output=True, text=True)
    if result.returncode:
        raise BuildError(f"{source}: cannot cut the font down ({result.stderr.strip().splitlines()[-1:]})")


def used_ranges(spec: ScriptFont, text: str, covered: set[int]) -> tuple[tuple[int, int], ...]:
    """The characters of `text` the font has (`covered`, its cmap), with those ALWAYS kept; the
    whole script if `text` is empty. Letters' joined and positional forms come along through
    the font's layout rules, so only the characters themselves are needed."""
    ranges = spec.ranges + ALWAYS
    wanted = {ord(ch) for ch in text} if text else {c for lo, hi in ranges for c in range(lo, hi + 1)}
    wanted |= {c for lo, hi in ALWAYS for c in range(lo, hi + 1)}
    return tuple((c, c) for c in sorted(wanted & covered))


def web_fonts(language: str, cache: Path, text: str = "") -> dict[str, bytes]:
    """{file name: WOFF2 bytes} for a language that needs its own font, else {}.

    `text` is everything the language's pages may show (its catalogues and the theme's words).
    """
    spec = FONTS.get(language)
    if spec is None:
        return {}
    from fontTools.ttLib import TTFont

    files = {}
    for weight in WEIGHTS:
        source = NOTO / f"{spec.file}-{weight}.ttf"
        if not source.exists():
            raise BuildError(f"{source}: font not found; install Debian's fonts-noto-core (scripts/build does this)")
        ranges = used_ranges(spec, text, set(TTFont(source, lazy=True).getBestCmap()))
        key = hashlib.sha256(b"3" + source.read_bytes() + repr(ranges).encode()).hexdigest()[:16]
        cached = cache / f"{spec.file}-{weight}-{key}.woff2"
        data = caches.load(cached)  # None if missing or not the bytes it was stored with
        if data is None:
            cache.mkdir(parents=True, exist_ok=True)
            # Written whole, then renamed: builds in parallel processes may make the same file.
            tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
            _subset(source, ranges, tmp)
            data = tmp.read_bytes()
            tmp.unlink()
            caches.store(cached, data)
        files[f"{spec.file}-{weight}.woff2"] = data
    return files


def one_line_height(language: str) -> float | None:
    """Line height for a box that clips what overflows it (one line with an ellipsis): the
    script's own, or the font's whole ascent + descent if taller (Nastaliq: 2.5 em), so no
    glyph is cut. None if the system font is used."""
    from fontTools.ttLib import TTFont

    spec = FONTS.get(language)
    if spec is None:
        return None
    source = NOTO / f"{spec.file}-{next(iter(WEIGHTS))}.ttf"
    if not source.exists():
        return spec.line_height
    font = TTFont(source, lazy=True)
    return max(spec.line_height, round((font["hhea"].ascent - font["hhea"].descent) / font["head"].unitsPerEm, 2))


def font_css(language: str) -> str:
    """@font-face rules and the text font for a language's pages ('' if the system font will do)."""
    spec = FONTS.get(language)
    if spec is None:
        return ""
    # A phone that has the font already (most Android phones have Noto) downloads nothing.
    faces = "".join(
        f'@font-face {{ font-family: "{spec.family}"; font-weight: {w}; font-display: swap;'
        f' src: local("{spec.family}"), local("{spec.file}-{name}"),'
        f' url("fonts/{spec.file}-{name}.woff2") format("woff2"); }}\n'
        for name, w in WEIGHTS.items()
    )
    return f'{faces}:root {{ --md-text-font: "{spec.family}"; }}\n.md-typeset {{ line-height: {spec.line_height}; }}\n'
