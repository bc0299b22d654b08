"""Left-to-right islands in right-to-left pages, as a reader sees them: phone numbers, emails,
web addresses and English names must read left to right in their rendered positions, on screen
(Chromium's layout) and on paper (the characters' boxes in the PDF). Text extraction cannot see
this: the characters are in the right order in the file even when they are shown reversed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pdfplumber
import pytest
from browser import serve

from parentinfo.languages import LANGUAGES

RTL = {code for code, lang in LANGUAGES.items() if lang.rtl}

# Each island's characters with their rendered boxes, per line (an island may wrap).
ISLANDS_JS = """
() => [...document.querySelectorAll('main [dir="ltr"], main a[href^="tel:"]')]
  .filter(el => el.getClientRects().length)
  .map(el => {
    const chars = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        if (/\\s/.test(node.data[i])) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        chars.push([box.left + box.width / 2, box.top + box.height / 2, node.data[i]]);
      }
    }
    return {href: el.getAttribute('href') || '', text: el.textContent, chars};
  })
"""


def editions(built: Path) -> list[dict]:
    return [e for e in json.loads((built / "site" / "manifest.json").read_text())["editions"] if e["language"] in RTL]


def national_digits(href: str) -> str:
    """The digits a UK caller dials, from a tel: link in E.164 (+44 1785 ... → 01785 ...)."""
    digits = re.sub(r"\D", "", href)
    return "0" + digits[2:] if digits.startswith("44") else digits


def lines_left_to_right(chars: list, tolerance: float) -> list[str]:
    """(x, y, character) boxes as an eye reads them: lines top down (boxes whose y differ by less
    than `tolerance` share a line), each line left to right."""
    lines: list[list] = []
    for x, y, c in sorted(chars, key=lambda ch: ch[1]):
        if lines and abs(lines[-1][0][1] - y) < tolerance:
            lines[-1].append((x, y, c))
        else:
            lines.append([(x, y, c)])
    return ["".join(c for _x, _y, c in sorted(line)) for line in lines]


def read_left_to_right(chars: list) -> str:
    """An island's characters as read on screen (box centres in CSS pixels)."""
    return "".join(lines_left_to_right(chars, 4))


def test_there_are_right_to_left_editions_to_check(built: Path) -> None:
    # The checks below pass vacuously on a site with no right-to-left edition or no phone number.
    assert editions(built), "no right-to-left edition in the manifest"


@pytest.mark.parametrize("width", [360, 1280])
def test_numbers_addresses_and_names_read_left_to_right_on_screen(built: Path, browser, width: int) -> None:
    wrong: list[str] = []
    phones = 0
    with serve(built / "site") as base:
        page = browser.new_page(viewport={"width": width, "height": 800})
        for edition in editions(built):
            for path in edition["pages"]:
                page.goto(base + path)
                for island in page.evaluate(ISLANDS_JS):
                    seen = read_left_to_right(island["chars"])
                    if island["href"].startswith("tel:"):
                        phones += 1
                        expected = national_digits(island["href"])
                        seen = re.sub(r"\D", "", seen)
                    else:
                        expected = re.sub(r"\s", "", island["text"])
                    if seen != expected:
                        wrong.append(f"{path}: {island['text']!r} is shown as {seen!r}")
        page.close()
    assert phones, "no phone number on any right-to-left page"
    assert not wrong, f"{len(wrong)} shown out of order, e.g.\n" + "\n".join(wrong[:10])


def pdf_lines(pdf_path: Path) -> list[str]:
    """Each printed line's characters in the order an eye reads them (left to right)."""
    out = []
    with pdfplumber.open(pdf_path) as pdf:
        for sheet in pdf.pages:
            chars = [(c["x0"], c["top"], c["text"]) for c in sheet.chars if c["text"].strip()]
            out += lines_left_to_right(chars, 3)  # PDF points
    return out


def test_phone_numbers_read_left_to_right_on_paper(built: Path) -> None:
    site = built / "site"
    wrong: list[str] = []
    for edition in editions(built):
        numbers = set()
        for path in edition["pages"]:
            numbers |= {national_digits(h) for h in re.findall(r'href="(tel:[^"]+)"', (site / path).read_text())}
        # A run of 9 or more digits on a printed line is a phone number: it must be one of the
        # edition's numbers as dialled, in the order it is read.
        printed = [
            re.sub(r"\D", "", run)
            for line in pdf_lines(site / edition["pdf"])
            for run in re.findall(r"\d[\d\s]{7,}\d", line)
        ]
        if numbers and not printed:
            wrong.append(f"{edition['pdf']}: no phone number found on paper")
        wrong += [f"{edition['pdf']}: {run} is not one of {sorted(numbers)}" for run in printed if run not in numbers]
    assert not wrong, "\n".join(wrong[:10])
