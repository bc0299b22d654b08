from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from sitetools import copy_project  # noqa: E402


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the whole site built once, shared by read-only tests.

    PARENTINFO_BUILT=<project folder> reuses a site built there (say one council), for a quick
    run of a few read-only tests on a shared machine.
    """
    from parentinfo.build import build

    if os.environ.get("PARENTINFO_BUILT"):
        return Path(os.environ["PARENTINFO_BUILT"])

    root = copy_project(tmp_path_factory.mktemp("built"))
    build(root)
    return root


# Debian's Chromium and the built site served on 127.0.0.1, shared by a test module's browser tests.
@pytest.fixture(scope="module")
def browser():
    from browser import chromium

    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def base(built: Path):
    from browser import serve

    with serve(built / "site") as url:
        yield url
