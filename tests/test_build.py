"""The whole build, as a council web team runs it: site layout, manifest, failure safety."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import phonenumbers
import pytest
import yaml
from sitetools import REPO, copy_project, links_of, snapshot, text_of

from parentinfo.data.loading import load_councils
from parentinfo.languages import LANGUAGES

# Every council file in the project, whatever it holds: a team adds one without touching the tests.
COUNCILS = sorted(p.stem for p in (REPO / "councils").glob("[!_]*.yml"))
NAV = [p[:-3] + ".html" for p in yaml.safe_load((REPO / "mkdocs.yml").read_text())["nav"]]


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "parentinfo", *args], cwd=root, env=env, capture_output=True, text=True
    )


def test_manifest_lists_every_edition_in_reading_order(built: Path) -> None:
    data = json.loads((built / "site" / "manifest.json").read_text())
    assert list(data) == ["editions"]
    languages = {c.slug: c.languages for c in load_councils(REPO)}
    assert [(e["council"], e["language"], e["variant"]) for e in data["editions"]] == [
        (c, lang, v)
        for c in COUNCILS
        for lang in LANGUAGES
        if lang in languages[c]
        for v in ("standard", "easy-read", "large-text")
    ]
    for e in data["editions"]:
        assert list(e) == ["council", "language", "variant", "pages", "pdf", "untranslated"]
        folder = f"{e['council']}/{e['language']}/{e['variant']}"
        assert e["pages"] == [f"{folder}/{page}" for page in NAV]
        assert e["pdf"] == f"{folder}/{e['council']}-{e['language']}-{e['variant']}.pdf"
        assert (built / "site" / e["pdf"]).read_bytes().startswith(b"%PDF-")
        for page in e["pages"]:
            assert (built / "site" / page).is_file(), page


def test_each_council_has_a_home_page_linking_its_guide(built: Path) -> None:
    editions = json.loads((built / "site" / "manifest.json").read_text())["editions"]
    for slug in COUNCILS:
        home = (built / "site" / slug / "index.html").read_text()
        # One list item per edition, each linking it.
        items = re.findall(r"<li>\s*<a href=\"([^\"]+)\"", home)
        assert items == [e["pages"][0].split("/", 1)[1] for e in editions if e["council"] == slug], slug
        hrefs = [href for href, _ in links_of(home)]
        assert "en/standard/index.html" in hrefs
        assert "en/large-text/index.html" in hrefs
        assert "en/standard/accessibility.html" in hrefs


def all_pages(built: Path) -> list[Path]:
    return sorted((built / "site").rglob("*.html"))


def test_every_internal_link_leads_to_a_built_file(built: Path) -> None:
    broken = []
    # 404.html is served at any missing address, so its links are absolute from site_url.
    for page in [p for p in all_pages(built) if p.name != "404.html"]:
        for href, _ in links_of(page.read_text()):
            if re.match(r"^[a-z]+:", href) or href.startswith("#"):
                continue
            target = (page.parent / href.split("#")[0]).resolve()
            if not target.exists():
                broken.append(f"{page.relative_to(built)} → {href}")
    assert broken == []


def test_every_tel_link_is_a_valid_uk_number_shown_as_dialled(built: Path) -> None:
    seen = set()
    for page in all_pages(built):
        for href, text in links_of(page.read_text()):
            if href.startswith("tel:"):
                number = phonenumbers.parse(href[4:])
                assert phonenumbers.is_valid_number(number), (page, href)
                assert number.country_code == 44
                national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
                assert text == national, (page, href, text)
                seen.add(href)
    # Every number in the council files is linked somewhere, and no other.
    files = "\n".join(p.read_text() for p in (REPO / "councils").glob("*.yml"))
    written = {
        phonenumbers.format_number(phonenumbers.parse(n, "GB"), phonenumbers.PhoneNumberFormat.E164)
        for n in re.findall(r'^\s*(?:- )?phone: "([^"]+)"', files, re.M)
    }
    assert seen == {f"tel:{n}" for n in written}


BROKEN_SEED_FACTS = [
    "802 000",
    "8020 00",
    "Children's Legal Centre",
    "Children’s Legal Centre",
    "10-14:30",
    "None",
    "unconfirmed",
]


def test_no_broken_seed_fact_is_printed(built: Path) -> None:
    for page in all_pages(built):
        text = text_of(page.read_text())
        for fact in BROKEN_SEED_FACTS:
            assert fact not in text, f"{fact!r} printed on {page.relative_to(built)}"


def test_pages_make_no_request_to_another_host(built: Path) -> None:
    """No fonts, scripts, styles or images from a CDN: only links a reader chooses to follow."""
    for page in all_pages(built):
        html = page.read_text()
        fetched = re.findall(r'<(?:script|img|iframe|source|link(?![^>]*rel="(?:canonical|alternate)"))\b[^>]*>', html)
        for attr in fetched:
            assert not re.search(r'(src|href)="(https?:)?//', attr), (page, attr)


NEW_COUNCIL = Path(__file__).parent / "fixtures" / "new-council" / "newtown.yml"


def add_new_council(root: Path, extra: str = "") -> Path:
    """The fixture council, written into a project copy, with `extra` YAML appended."""
    path = root / "councils" / NEW_COUNCIL.name
    path.write_text(NEW_COUNCIL.read_text() + extra)
    return path


def test_build_lists_unconfirmed_and_stale_facts_at_the_end(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    path = add_new_council(
        root,
        "languages: [en]\nunconfirmed:\n  - fact: Text-message number\n    seed: Text 71006\n"
        "    why: from an undated copy of the leaflet\n",
    )
    path.write_text(path.read_text().replace("checked: 2026-11-23", "checked: 2019-05-01"))
    result = run_cli(root, "build", "--council", "newtown")
    assert result.returncode == 0, result.stderr
    assert "Building newtown (Newtown)" in result.stdout.splitlines()
    assert result.stderr.splitlines()[-3:] == [
        "2 warning(s): facts left off the pages until confirmed, out of date, or untranslated:",
        "warning: councils/newtown.yml: unconfirmed, left off the page: Text-message number "
        "(from an undated copy of the leaflet)",
        "warning: councils/newtown.yml: checked: facts last checked on 2019-05-01, over 12 months ago; "
        "confirm them with the council and update `checked` (pages show the date)",
    ]
    page = (root / "site" / "newtown" / "en" / "standard" / "help.html").read_text()
    assert "Information checked: May 2019" in text_of(page)
    strict = run_cli(root, "build", "--council", "newtown", "--strict")
    assert strict.returncode == 1
    assert "error: --strict: unconfirmed facts must be confirmed or removed first" in strict.stderr


def test_rebuild_with_nothing_changed_writes_no_file(built: Path) -> None:
    before = {p: p.stat().st_mtime_ns for p in (built / "site").rglob("*") if p.is_file()}
    result = run_cli(built, "build")
    assert result.returncode == 0, result.stderr
    assert "0 file(s) written, 0 removed" in result.stdout
    after = {p: p.stat().st_mtime_ns for p in (built / "site").rglob("*") if p.is_file()}
    assert after == before


def test_one_council_build_keeps_the_others(built: Path, tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "site").mkdir()
    for item in (built / "site").iterdir():
        os.system(f"cp -r '{item}' '{root / 'site'}'")
    slug = COUNCILS[0]
    path = root / "councils" / f"{slug}.yml"
    text, found = re.subn(r"^checked: .*$", "checked: 2026-01-15", path.read_text(), flags=re.M)
    assert found == 1
    path.write_text(text)
    result = run_cli(root, "build", "--council", slug)
    assert result.returncode == 0, result.stderr
    old = snapshot(built / "site")
    changed = {k for k, v in snapshot(root / "site").items() if old.get(k) != v}
    assert changed and all(k.startswith(f"{slug}/") for k in changed), changed
    editions = json.loads((root / "site" / "manifest.json").read_text())["editions"]
    assert editions == json.loads((built / "site" / "manifest.json").read_text())["editions"]


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (
            lambda t: t.replace("chair:\n  title: Independent Chair\n", ""),
            "error: councils/newtown.yml: chair: required field is missing",
        ),
        (
            lambda t: t.replace('colour: "#1d4f91"', "colour: [oops"),
            "error: councils/newtown.yml:6: this is not valid YAML: while parsing a flow sequence that starts "
            "on line 5, expected ',' or ']', but got ':'",
        ),
        (
            lambda t: t.replace('"0118 496 0123"', '"0118 496 012"'),
            "error: councils/newtown.yml:28: contacts.0.phone: expected a UK phone number that can be "
            "dialled, found '0118 496 012'",
        ),
    ],
)
def test_failed_build_leaves_the_site_exactly_as_it_was(built: Path, tmp_path: Path, break_it, message) -> None:
    root = copy_project(tmp_path / "p")
    os.system(f"cp -r '{built / 'site'}' '{root}'")
    before = snapshot(root / "site")
    path = add_new_council(root)
    path.write_text(break_it(path.read_text()))
    result = run_cli(root, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == message
    assert snapshot(root / "site") == before


def test_two_builds_of_the_same_inputs_are_byte_identical(built: Path, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "elsewhere")
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    assert snapshot(root / "site") == snapshot(built / "site")


def test_a_generated_mkdocs_yml_rebuilds_the_same_pages_with_bare_mkdocs(built: Path, tmp_path: Path) -> None:
    """Everything parentinfo adds to MkDocs is in the file it writes (hooks, not injected plugins)."""
    entry = json.loads((built / "site" / "manifest.json").read_text())["editions"][-1]
    folder = f"{entry['council']}/{entry['language']}"
    config = built / ".parentinfo" / "work" / folder / "mkdocs.yml"
    assert "parentinfo/outputs/site/hooks.py" in config.read_text()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(tmp_path / "bare")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    published = {rel: data for rel, data in snapshot(built / "site" / folder).items() if not rel.endswith(".pdf")}
    assert snapshot(tmp_path / "bare") == published
