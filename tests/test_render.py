"""Values as the render stage writes them for each language (parentinfo/render.py)."""

from __future__ import annotations

import datetime

import pytest

from parentinfo.render import clock


@pytest.mark.parametrize(("language", "shown"), [("en", "09:30"), ("ar", "9:30\u00a0ص"), ("ur", "9:30\u00a0AM")])
def test_a_time_is_written_as_its_readers_write_it_and_never_split(language: str, shown: str) -> None:
    assert clock(datetime.time(9, 30), language) == shown
