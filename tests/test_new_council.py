"""A new council from one data file (tests/fixtures/new-council): its own untranslated sentences
hold up no other council and no language; they are shown in English, marked, and counted."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from sitetools import article, copy_project, text_of

from parentinfo.build import build
from parentinfo.errors import BuildError

FIXTURE = Path(__file__).parent / "fixtures" / "new-council" / "newtown.yml"
SENTENCE = "Our conferences are held at the town hall."


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with one more council, whose file adds one free sentence no catalogue has."""
    root = copy_project(tmp_path_factory.mktemp("new-council"))
    text = FIXTURE.read_text() + f"own_words:\n  about:\n    - {SENTENCE}\n"
    (root / "councils" / FIXTURE.name).write_text(text)
    return root


@pytest.fixture(scope="module")
def built_polish(project: Path) -> dict:
    """The new council and one existing council, in Polish: {council: [manifest entries]}."""
    others = sorted(p.stem for p in (project / "councils").glob("[!_]*.yml") if p.name != FIXTURE.name)
    result = build(project, only=[FIXTURE.stem, others[0]], languages=["pl"])
    # The web team is told at the end of the build, not only on the Polish pages.
    assert (
        f"councils/{FIXTURE.name}: own_words: shown in English, marked, in pl until translated in "
        "locales/<language>/LC_MESSAGES/councils.po"
    ) in result.warnings
    assert not [w for w in result.warnings if f"councils/{others[0]}.yml: own_words" in w]
    editions = json.loads((project / "site" / "manifest.json").read_text())["editions"]
    out: dict[str, list] = {}
    for e in editions:
        out.setdefault(e["council"], []).append(e)
    return out


def test_new_council_publishes_with_its_own_sentences_in_english(project: Path, built_polish: dict) -> None:
    mine = built_polish[FIXTURE.stem]
    assert {e["variant"] for e in mine} == {"standard", "easy-read", "large-text"}
    assert all(e["untranslated"] >= 1 for e in mine), mine
    index = (project / "site" / mine[0]["pages"][0]).read_text()
    assert re.search(rf'<span lang="en" dir="ltr">{re.escape(SENTENCE)}</span>', index)
    # The page tells its reader, in Polish, that parts are in English.
    po = read_po((project / "locales" / "pl" / "LC_MESSAGES" / "guide.po").open("rb"))
    notice = po["Some parts of this page are not translated yet. They are shown in English."].string
    assert notice and html.escape(notice, quote=False) in index


def test_other_councils_are_untouched_by_it(built_polish: dict) -> None:
    others = [e for council, entries in built_polish.items() if council != FIXTURE.stem for e in entries]
    assert others and all(e["untranslated"] == 0 for e in others), others


def test_strict_refuses_untranslated_council_sentences(project: Path) -> None:
    with pytest.raises(BuildError) as err:
        build(project, only=[FIXTURE.stem], languages=["pl"], strict=True)
    problems = err.value.problems
    po = "locales/pl/LC_MESSAGES/councils.po"
    line = (project / "councils" / FIXTURE.name).read_text().splitlines().index(f"    - {SENTENCE}") + 1
    want = f"councils/{FIXTURE.name}:{line}: {SENTENCE!r} has no Polish translation ({po})"
    assert want in problems, problems
    assert problems[-1].startswith("to publish now: list only the languages you want under `languages:`")


def test_a_missing_guide_translation_still_stops_the_build_with_advice(project: Path, tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    shutil.copy(project / "councils" / FIXTURE.name, root / "councils" / FIXTURE.name)
    po = root / "locales" / "pl" / "LC_MESSAGES" / "guide.po"
    po.write_text(re.sub(r'(msgid "Accessibility statement"\nmsgstr )"[^"]*"', r'\1""', po.read_text()))
    with pytest.raises(BuildError) as err:
        build(root, only=[FIXTURE.stem], languages=["pl"])
    text = str(err.value)
    assert "guide.po" in text and "not translated" in text
    assert "`languages:`" in text and "--allow-fallback" in text


def test_a_council_of_typed_facts_publishes_every_edition_with_nothing_to_translate(tmp_path: Path) -> None:
    """The fixture council as written: every language, every edition, no catalogue touched."""
    from parentinfo.languages import LANGUAGES

    root = copy_project(tmp_path)
    shutil.copy(FIXTURE, root / "councils" / FIXTURE.name)
    before = {p: p.read_bytes() for p in (root / "locales").rglob("*.po")}
    build(root, only=[FIXTURE.stem])
    editions = [
        e for e in json.loads((root / "site" / "manifest.json").read_text())["editions"] if e["council"] == FIXTURE.stem
    ]
    assert {(e["language"], e["variant"]) for e in editions} == {
        (lang, variant) for lang in LANGUAGES for variant in ("standard", "easy-read", "large-text")
    }
    assert all(e["untranslated"] == 0 for e in editions), [e for e in editions if e["untranslated"]]
    assert {p: p.read_bytes() for p in (root / "locales").rglob("*.po")} == before
    # Its facts reach a reader of every language: the venue, the minutes, the age and the number.
    for e in editions:
        text = " ".join(text_of(article((root / "site" / p).read_text())) for p in e["pages"])
        for fact in ("Newtown Town Hall", "30", "11", "15", "0118 496 0123", "71006"):
            assert re.search(rf"(?<!\d){re.escape(fact)}(?!\d)", text), (e["language"], e["variant"], fact)
