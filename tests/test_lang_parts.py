"""Language of parts: every language's name in its own `lang` and `dir`, no English under another
language's `lang`, and a council's home page listing only the editions that were built."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from sitetools import copy_project, links_of

from parentinfo.languages import LANGUAGES, SOURCE_LANGUAGE

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _LangText(HTMLParser):
    """Text of the page, each run with the `lang` it sits under; and the language switcher's links."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.runs: list[tuple[str, str]] = []
        self.switcher: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if "md-select__link" in (a.get("class") or "").split():
            self.switcher.append(a)
        if tag not in VOID:
            self.stack.append((tag, a.get("lang") or (self.stack[-1][1] if self.stack else "")))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip() and self.stack and self.stack[-1][0] not in ("script", "style"):
            self.runs.append((self.stack[-1][1], data.strip()))


def parse(path: Path) -> _LangText:
    parser = _LangText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def manifest_of(site: Path) -> list[dict]:
    return json.loads((site / "manifest.json").read_text())["editions"]


def test_language_switcher_names_are_in_their_own_language_and_direction(built: Path) -> None:
    editions = manifest_of(built / "site")
    wrong = []
    for e in editions[:: max(1, len(editions) // 12)]:
        for rel in e["pages"][:3]:
            links = parse(built / "site" / rel).switcher
            assert links, rel
            for a in links:
                code = a["hreflang"] or ""
                if a.get("lang") != code or a.get("dir") != ("rtl" if LANGUAGES[code].rtl else "ltr"):
                    wrong.append((rel, a))
    assert wrong == []


def test_no_english_under_another_language_on_the_home_and_print_pages(built: Path) -> None:
    """Text under a foreign `lang` there is only that language's own name."""
    council = manifest_of(built / "site")[0]["council"]
    english = []
    for name in ("index.html", "print.html"):
        for lang, text in parse(built / "site" / council / name).runs:
            if lang in LANGUAGES and lang != SOURCE_LANGUAGE:
                words = re.sub(r"[\s:()]+", " ", text).strip()
                if words and words != LANGUAGES[lang].name:
                    english.append((name, lang, text))
    assert english == []


def test_home_page_lists_only_the_editions_built(tmp_path: Path) -> None:
    """A build of one language (of one council) links that language's editions, none missing."""
    from parentinfo.build import build

    root = copy_project(tmp_path)
    slug = next(p.stem for p in sorted((root / "councils").glob("*.yml")) if not p.stem.startswith("_"))
    language = next(code for code in LANGUAGES if code != SOURCE_LANGUAGE)
    build(root, [slug], languages=[language])
    site = root / "site"
    assert {e["language"] for e in manifest_of(site)} == {language}
    home = site / slug / "index.html"
    targets = [href for href, _ in links_of(home.read_text(encoding="utf-8")) if not href.startswith(("http", "#"))]
    guides = [t for t in targets if t.split("/", 1)[0] in LANGUAGES]
    assert guides and all(t.startswith(f"{language}/") for t in guides), guides
    assert [t for t in targets if not (home.parent / t).is_file()] == []
    # Nor does any built page's language switcher lead to a language that was not built.
    for e in manifest_of(site):
        for rel in e["pages"]:
            page = site / rel
            dead = [a["href"] for a in parse(page).switcher if not (page.parent / str(a["href"])).is_file()]
            assert dead == [], rel
