"""Helpers for tests that read the built site as a reader would."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("councils", "docs", "overrides", "locales", "mkdocs.yml")


def copy_project(dest: Path) -> Path:
    """A throw-away copy of the project's inputs, so a test can break one and build."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        else:
            shutil.copy2(src, dest / part)
    return dest


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class _Text(HTMLParser):
    """Visible text of the page's main content, and its links."""

    SKIP = {"script", "style", "svg", "template"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._skip = 0
        self._href: str | None = None
        self._link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self._link_text = []
        if tag in {"p", "li", "h1", "h2", "h3", "br", "td", "div"}:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._link_text).split())))
            self._href = None

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)
            if self._href is not None:
                self._link_text.append(data)


def article(html: str) -> str:
    """The page's own content (Material's <article>), without navigation."""
    match = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    assert match, "page has no <article>"
    return match.group(1)


def text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"[ \t\r\f\v]+", " ", "".join(parser.parts)).replace(" \n", "\n")


def links_of(html: str) -> list[tuple[str, str]]:
    parser = _Text()
    parser.feed(html)
    return parser.links



POLISH_GUIDE = Path("locales") / "pl" / "LC_MESSAGES" / "guide.po"
_PHONE = re.compile(r'(msgid "Phone: %\(number\)s"\nmsgstr )"[^"\n]*"')


def set_polish_phone(root: Path, msgstr: str) -> None:
    """Set the Polish msgstr of 'Phone: %(number)s' in `root`'s catalogue, as a translator might."""
    po = root / POLISH_GUIDE
    text, found = _PHONE.subn(lambda m: f'{m.group(1)}"{msgstr}"', po.read_text())
    assert found == 1
    po.write_text(text)


def polish_phone_line(root: Path) -> int:
    """The line of that msgid, for expected messages."""
    text = (root / POLISH_GUIDE).read_text()
    return text[: text.index('msgid "Phone: %(number)s"')].count("\n") + 1
