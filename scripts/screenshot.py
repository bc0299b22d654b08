"""Screenshot built pages in Debian's Chromium, as a reader sees them.

Usage: .venv/bin/python scripts/screenshot.py OUT_DIR WIDTH PAGE [PAGE ...]   (PAGE relative to site/)
FULL=0 captures only the first screen. Serves site/ on 127.0.0.1 only; never downloads a browser.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from browser import chromium, serve  # noqa: E402  (the test suite's own launcher and server)


def main() -> None:
    out, width, pages = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    out.mkdir(parents=True, exist_ok=True)
    with serve(Path("site")) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": 900})
        for rel in pages:
            page.goto(base + rel)
            name = rel.replace("/", "_").replace(".html", "") + f"-{width}.png"
            page.screenshot(path=str(out / name), full_page=os.environ.get("FULL", "1") == "1")
            print(out / name)


if __name__ == "__main__":
    main()
