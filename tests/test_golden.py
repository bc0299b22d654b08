"""One built page per council, compared with a reviewed copy (tests/golden/).

After a deliberate change, regenerate with UPDATE_GOLDEN=1 and review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sitetools import article

GOLDEN = Path(__file__).parent / "golden"
PAGES = {
    "solihull": "disagree.html",
    "east-riding": "before.html",
    "south-gloucestershire": "on-the-day.html",
    "staffordshire": "help.html",
    "somerset": "after.html",
}


@pytest.mark.parametrize("council", sorted(PAGES))
def test_page_matches_golden_copy(built: Path, council: str) -> None:
    html = (built / "site" / council / "en" / "standard" / PAGES[council]).read_text()
    content = article(html).strip() + "\n"
    golden = GOLDEN / f"{council}-{PAGES[council]}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(content)
    assert content == golden.read_text()
