"""Screenshot built pages in Debian's Chromium, as a reader sees them.

Usage: python scripts/screenshot.py OUT_DIR WIDTH PAGE [PAGE ...]   (PAGE relative to site/)
Serves site/ on 127.0.0.1 only; never downloads a browser.
"""

from __future__ import annotations

import functools
import os
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    out, width, pages = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    out.mkdir(parents=True, exist_ok=True)
    server = serve(Path("site"))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": 900})
        for rel in pages:
            page.goto(base + rel)
            name = rel.replace("/", "_").replace(".html", "") + f"-{width}.png"
            page.screenshot(path=str(out / name), full_page=os.environ.get("FULL", "1") == "1")
            print(out / name)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
