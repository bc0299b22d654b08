"""Debian's Chromium driven by Playwright, on pages served from 127.0.0.1 only."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# Never let Chromium reach out: this machine's network is closed, and a reader's privacy matters.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass


class _Strict(_Quiet):
    """A host without directory listings (nginx without autoindex, Apache without Indexes): a
    folder is served only through its index.html, else refused with 403."""

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(403, "Directory listing refused")
        return None


@contextmanager
def serve(site: Path, strict: bool = False) -> Iterator[str]:
    """Serve `site` on a free port of 127.0.0.1; yields the base URL."""
    handler = functools.partial(_Strict if strict else _Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def axe_violations(page: object) -> list[dict]:
    """axe-core's WCAG A/AA violations on the loaded page (injected without weakening its CSP)."""
    page.evaluate(AXE.read_text() + "\n;0")  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]
    ]
