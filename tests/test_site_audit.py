"""The built site audited as the red team audited it (S01, S03, S04, S05; S02 is in
test_fetch_nothing.py): no script anywhere, links only to the hosts the data names, and PDFs
with no actions, attachments or links a downloaded leaflet could not follow."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

# Credits every easy-read page carries (the pictures' maker and licence), and the national
# equality advice service the accessibility statement names.
CREDIT_HOSTS = {"openmoji.org", "creativecommons.org", "www.equalityadvisoryservice.com"}


def data_hosts(root: Path) -> set[str]:
    """Every host a council file or the national file gives a web address for."""
    hosts = set(CREDIT_HOSTS)

    def walk(value: object) -> None:
        if isinstance(value, str) and value.startswith("https://"):
            hosts.add(urlsplit(value).hostname or "")
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in (root / "councils").glob("*.yml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return hosts


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_no_page_can_run_script_or_load_from_another_host(built: Path) -> None:
    hosts = data_hosts(built)
    for page in sorted((built / "site").rglob("*.html")):
        parser = _Attributes()
        parser.feed(page.read_text(encoding="utf-8"))
        where = page.relative_to(built / "site")
        for tag, attrs in parser.tags:
            assert tag not in {"script", "iframe", "object", "embed", "base", "form"}, (where, tag)
            assert not [a for a in attrs if a.startswith("on")], (where, tag, attrs)
            if tag == "meta":
                assert attrs.get("http-equiv", "").lower() in {"", "content-security-policy"}, (where, attrs)
            for name in ("src", "href", "action", "srcset", "poster", "data"):
                url = (attrs.get(name) or "").strip()
                scheme = urlsplit(url).scheme.lower()
                navigates = (tag == "a" and name == "href") or (
                    tag == "link" and name == "href" and attrs.get("rel") in {"canonical", "alternate", "prev", "next"}
                )
                if navigates:
                    assert scheme in {"", "https", "tel", "mailto", "sms"}, (where, url)
                    if scheme == "https":
                        assert urlsplit(url).hostname in hosts, (where, url)
                elif url:
                    # What a page loads (styles, fonts, pictures) is the site's own.
                    assert scheme == "" and not url.startswith("//"), (where, tag, url)


def _objects(reader: PdfReader) -> list[DictionaryObject]:
    """Every dictionary in the file: in the cross-reference table and in object streams."""
    numbers = set(reader.xref_objStm).union(*(set(table) for table in reader.xref.values()))
    found = []
    for number in sorted(numbers):
        obj = reader.get_object(number)
        if isinstance(obj, DictionaryObject):
            found.append(obj)
    return found


def test_no_leaflet_has_actions_attachments_or_links_it_cannot_follow(built: Path) -> None:
    hosts = data_hosts(built)
    risky = {"/JavaScript", "/JS", "/Launch", "/OpenAction", "/AA", "/EmbeddedFile", "/EmbeddedFiles"}
    risky |= {"/FileAttachment", "/SubmitForm", "/ImportData", "/GoToR", "/RichMedia"}
    pdfs = sorted((built / "site").rglob("*.pdf"))
    assert pdfs
    for path in pdfs:
        reader = PdfReader(path)
        where = path.relative_to(built / "site")
        for obj in _objects(reader):
            keys = {str(k) for k in obj} | {str(obj.get(k, "")) for k in ("/Type", "/Subtype", "/S")}
            assert not keys & risky, (where, keys & risky)
            if "/URI" in obj:
                url = str(obj["/URI"])
                scheme = urlsplit(url).scheme
                assert scheme in {"https", "tel", "mailto", "sms"}, (where, url)  # absolute: a leaflet is downloaded
                if scheme == "https":
                    assert urlsplit(url).hostname in hosts, (where, url)


def test_the_audit_sees_what_it_looks_for(tmp_path: Path) -> None:
    """The page audit fails on each thing the red team planted (so the checks above can fail)."""
    site = tmp_path / "site"
    (tmp_path / "councils").mkdir()
    for planted in (
        '<script>alert(1)</script>',
        '<img src="x" onerror="alert(1)">',
        '<meta http-equiv="refresh" content="0;url=//evil.example/">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="https://evil.example/phish">x</a>',
        '<img src="//evil.example/x.png">',
    ):
        site.mkdir(exist_ok=True)
        (site / "page.html").write_text(f"<!doctype html><html><body>{planted}</body></html>")
        with pytest.raises(AssertionError):
            test_no_page_can_run_script_or_load_from_another_host(tmp_path)
