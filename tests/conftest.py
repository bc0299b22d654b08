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


# Test layers, assigned here rather than in each file. `scripts/test -m "not browser and not slow"`
# runs the fast part: unit tests and single commands on a copy of the project.
BROWSER_FIXTURES = {"browser"}
# Fixtures that build the whole site (or serve it) before the test can start.
SLOW_FIXTURES = {"built", "base", "published", "sites"}  # sites: test_faults.py's fixture council builds
# Tests that build councils themselves, as "file" or "file::function" (each 8-50 s on 2 cores).
BUILDS_ITSELF = {
    "test_new_council.py",
    "test_i18n.py::test_fallback_is_marked_english_and_announced",
    "test_i18n.py::test_english_around_the_page_is_announced_on_every_page",
    "test_i18n.py::test_translated_pages_have_their_language_and_direction",
    "test_i18n.py::test_review_notice_says_whether_the_translation_was_checked",
    "test_build.py::test_build_lists_unconfirmed_and_stale_facts_at_the_end",
    "test_lang_parts.py::test_home_page_lists_only_the_editions_built",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for entry in BUILDS_ITSELF:  # a renamed test would silently join the fast layer
        file, _, function = entry.partition("::")
        source = Path(__file__).parent / file
        if not source.is_file() or (function and f"def {function}(" not in source.read_text()):
            raise pytest.UsageError(f"tests/conftest.py: BUILDS_ITSELF: no test {entry!r}")
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        file = item.path.name
        function = getattr(item, "originalname", item.name)
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if names & SLOW_FIXTURES or {file, f"{file}::{function}"} & BUILDS_ITSELF:
            item.add_marker(pytest.mark.slow)
