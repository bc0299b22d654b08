"""What the build reads and what a page may load: the leaflets fetch nothing (no network, no
file of the build machine), and every page's Content-Security-Policy comes first in <head>,
before anything made from the data."""

from __future__ import annotations

import http.server
import re
import threading
from pathlib import Path

import pytest

from parentinfo.errors import BuildError
from parentinfo.outputs.leaflets.leaflets import write_leaflet_pdf
from parentinfo.outputs.site.site import CSP

PIXEL = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


@pytest.fixture
def listener():
    """A web server on 127.0.0.1 that notes every request it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


@pytest.mark.parametrize(
    "markup",
    [
        '<a rel="attachment" href="file://{secret}">the notes</a>',
        '<img src="file://{secret}" alt="">',
        '<img src="{url}/picture.png" alt="">',
        '<link rel="stylesheet" href="{url}/style.css">',
        '<p style="background: url({url}/bg.png)">x</p>',
    ],
)
def test_a_leaflet_loads_nothing_from_outside_it(tmp_path: Path, listener, markup: str) -> None:
    url, hits = listener
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    body = markup.format(secret=secret, url=url, host=url.removeprefix("http://"))
    html = f'<!doctype html><html lang="en"><body><p>Hello <img src="{PIXEL}" alt=""></p>{body}</body></html>'
    with pytest.raises(BuildError) as err:
        write_leaflet_pdf(html, tmp_path / "out.pdf", b"id")
    [problem] = err.value.problems
    assert re.fullmatch(r"PDF leaflets: the leaflet refers to \S+; a leaflet may load nothing from outside it", problem)
    assert hits == []
    assert not (tmp_path / "out.pdf").exists()


def test_a_leaflet_may_show_its_own_embedded_pictures(tmp_path: Path, listener) -> None:
    url, hits = listener
    # A link without a scheme has no base to resolve against: nothing is fetched.
    host = url.removeprefix("http:")
    html = f'<!doctype html><html lang="en"><body><p>Hi <img src="{PIXEL}" alt=""><img src="{host}/x.png" alt="">'
    assert write_leaflet_pdf(html + "</p></body></html>", tmp_path / "out.pdf", b"id") == 1
    assert hits == []


def test_every_page_puts_its_policy_first_in_head(built: Path) -> None:
    pages = sorted((built / "site").rglob("*.html"))
    assert (built / "site" / "index.html") in pages
    for page in pages:
        head = page.read_text(encoding="utf-8").split("<head>", 1)[1]
        tags = re.findall(r"<[a-z][^>]*>", head)
        assert tags[:2] == ['<meta charset="utf-8">', f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'], (
            page.relative_to(built)
        )
