"""Values as the render stage writes them for each language (parentinfo/render.py)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from sitetools import REPO

from parentinfo.render import clock


@pytest.mark.parametrize(("language", "shown"), [("en", "09:30"), ("ar", "9:30\u00a0ص"), ("ur", "9:30\u00a0AM")])
def test_a_time_is_written_as_its_readers_write_it_and_never_split(language: str, shown: str) -> None:
    assert clock(datetime.time(9, 30), language) == shown


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from parentinfo.i18n import catalogues
    from parentinfo.languages import LANGUAGES

    out = tmp_path_factory.mktemp("locales")
    catalogues.compile_all(REPO, out, [code for code in LANGUAGES if code != "en"])
    return out


@pytest.mark.parametrize(
    ("language", "low", "high", "unit", "shown"),
    [
        ("en", 4, 6, "weeks", "4 to 6 weeks"),
        ("pl", 4, 6, "weeks", "4–6 tygodni"),  # chosen by 6 (many), not by 4 (few: "tygodnie")
        ("pl", 12, 22, "weeks", "12–22 tygodnie"),  # by 22 (few), not 12 (many)
        ("pl", 1, 2, "weeks", "1–2 tygodnie"),
        ("ar", 5, 12, "weeks", "5 إلى 12 أسبوعًا"),  # by 12 (11-99: accusative singular)
        ("ar", 2, 5, "weeks", "2 إلى 5 أسابيع"),  # the upper number is kept
        ("ro", 4, 21, "days", "4–21 de zile"),
    ],
)
def test_a_range_agrees_with_its_upper_number(
    compiled: Path, language: str, low: int, high: int, unit: str, shown: str
) -> None:
    from parentinfo.data.values import Period
    from parentinfo.i18n import catalogues
    from parentinfo.render import environment, for_language

    translations = None if language == "en" else catalogues.translations(compiled, language, "guide").inner
    env = for_language(environment(REPO / "docs", translations), language)
    template = env.from_string('{% from "_macros.jinja" import length %}{{ length(p) }}')
    assert template.render(p=Period(number=low, to=high, unit=unit)).strip() == shown
