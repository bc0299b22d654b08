"""Every link of a council's pages leads to a file a plain web server serves: no folder links,
which a host without directory listings answers with 403."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from browser import serve
from sitetools import links_of

FOLDER_ENDINGS = ("/", "..", ".")


def one_council(built: Path) -> tuple[str, list[Path]]:
    """The first council in the manifest and every HTML file of its folder."""
    editions = json.loads((built / "site" / "manifest.json").read_text())["editions"]
    slug = editions[0]["council"]
    return slug, sorted((built / "site" / slug).rglob("*.html"))


def internal(href: str) -> bool:
    return not urlsplit(href).scheme and not href.startswith(("#", "//"))


def hrefs(path: Path) -> list[str]:
    """Link targets of a page, <link> and <a> both."""
    text = path.read_text(encoding="utf-8")
    found = [href for href, _ in links_of(text)]
    found += [part.split('"', 1)[0] for part in text.split('<link rel="stylesheet" href="')[1:]]
    return found


def test_no_link_targets_a_folder(built: Path) -> None:
    slug, pages = one_council(built)
    folders = {}
    for path in pages:
        bad = [h for h in hrefs(path) if internal(h) and urldefrag(h)[0].endswith(FOLDER_ENDINGS)]
        if bad:
            folders[path.relative_to(built / "site").as_posix()] = sorted(set(bad))
    assert folders == {}


def test_every_internal_link_is_served_by_a_strict_host(built: Path) -> None:
    """Crawled from the council's home page over a server that refuses folder requests."""
    slug, _ = one_council(built)
    with serve(built / "site", strict=True) as base:
        start = f"{base}{slug}/index.html"
        seen, queue, broken = {start}, [start], {}
        while queue:
            url = queue.pop()
            try:
                with urllib.request.urlopen(url) as response:
                    body = response.read()
                    kind = response.headers.get_content_type()
            except urllib.error.HTTPError as err:
                broken[url[len(base) :]] = err.code
                continue
            if kind != "text/html":
                continue
            for href, _ in links_of(body.decode("utf-8")):
                if not internal(href):
                    continue
                target = urldefrag(urljoin(url, href))[0]
                if target.startswith(base + slug + "/") and target not in seen:
                    seen.add(target)
                    queue.append(target)
    assert broken == {}
    assert len(seen) > 20


def test_one_404_page_per_council_in_english(built: Path) -> None:
    """Material's 404 page is English in every language; a host serves one page for any missing
    address, so each council has one, marked English, at its top."""
    slug, pages = one_council(built)
    assert [p.relative_to(built / "site").as_posix() for p in pages if p.name == "404.html"] == [f"{slug}/404.html"]
    assert '<html lang="en"' in (built / "site" / slug / "404.html").read_text(encoding="utf-8")
