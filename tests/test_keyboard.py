"""Keyboard use without JavaScript, in Chromium: every Tab stop on screen, visible and visibly
focused; the menu drawer opened and closed from the keyboard; hover and focus colours readable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

WIDTHS = [320, 768, 1024, 1280]
DRAWER_WIDTHS = [320, 768, 1024]  # below 1220 px the navigation is an off-canvas drawer


def pages_to_tab(built: Path) -> list[str]:
    """For each edition: a page in a left-to-right and one in a right-to-left language; one home page."""
    editions = json.loads((built / "site" / "manifest.json").read_text())["editions"]
    rtl = {"ar", "ur"}
    picked: dict[tuple[str, bool], str] = {}
    for e in editions:
        picked.setdefault((e["variant"], e["language"] in rtl), e["pages"][1])
    return [f"{editions[0]['council']}/index.html", *picked.values()]


# Relative luminance and contrast (WCAG 2), with each colour composited over the ones behind it.
CONTRAST_JS = """
const rgba = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
const over = (top, under) => {
  const a = top[3]; return [0, 1, 2].map(i => top[i] * a + under[i] * (1 - a)).concat(1); };
const background = e => {
  const layers = [];
  for (let n = e; n && n.nodeType === 1; n = n.parentElement) layers.push(rgba(getComputedStyle(n).backgroundColor));
  return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
};
const lum = c => {
  const [r, g, b] = c.slice(0, 3).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const contrast = e => { const s = getComputedStyle(e); const bg = background(e); const fg = over(rgba(s.color), bg);
                        const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x); return (a + 0.05) / (b + 0.05); };
"""

STOP_JS = (
    "async () => {"
    + CONTRAST_JS
    + """
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  await Promise.all(document.getAnimations().map(a => a.finished));  // the skip link fades in
  (window.__stops = window.__stops || []).push(e);
  const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const hit = document.elementFromPoint(x, y);
  const labels = [...(e.labels || [])];
  const text = e.innerText ? e.innerText.trim() : '';
  return {what: e.outerHTML.slice(0, 100), left: r.left, top: r.top, right: r.right, bottom: r.bottom,
          w: innerWidth, h: innerHeight, visibility: s.visibility, opacity: parseFloat(s.opacity),
          onTop: !!hit && (e.contains(hit) || hit.contains(e) || labels.some(l => l.contains(hit))),
          ring: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' '),
          noRing: (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0) && s.boxShadow === 'none',
          contrast: text ? contrast(e) : null};
}"""
)


def tab_through(page, limit: int = 120) -> list[dict]:
    """Tab from the top of the page until focus leaves it or comes round again."""
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(STOP_JS)
        if stop is None or (stops and stop["what"] == stops[0]["what"]):
            break
        stops.append(stop)
    return stops


def off_screen_or_hidden(stop: dict) -> bool:
    inside = stop["left"] >= 0 and stop["top"] >= 0 and stop["right"] <= stop["w"] and stop["bottom"] <= stop["h"]
    return not (inside and stop["visibility"] == "visible" and stop["opacity"] > 0 and stop["onTop"])


@pytest.mark.parametrize("width", WIDTHS)
def test_every_tab_stop_is_on_screen_visible_and_visibly_focused(built: Path, browser, base: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 720}, java_script_enabled=True)
    page = context.new_page()
    hidden, unringed, faint, unchanged = {}, {}, {}, {}
    for rel in pages_to_tab(built):
        page.goto(base + rel)
        stops = tab_through(page)
        assert len(stops) >= 5, (rel, stops)
        # The same elements unfocused: their ring must come from focus, not be there all along.
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        rings = page.evaluate(
            "() => window.__stops.map(e => { const s = getComputedStyle(e);"
            " return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' '); })"
        )
        hidden[rel] = [s["what"] for s in stops if off_screen_or_hidden(s)]
        unringed[rel] = [s["what"] for s in stops if s["noRing"]]
        unchanged[rel] = [s["what"] for s, ring in zip(stops, rings[: len(stops)], strict=True) if s["ring"] == ring]
        faint[rel] = [(s["what"], round(s["contrast"], 2)) for s in stops if s["contrast"] and s["contrast"] < 4.5]
    assert {k: v for k, v in hidden.items() if v} == {}
    assert {k: v for k, v in unringed.items() if v} == {}
    assert {k: v for k, v in unchanged.items() if v} == {}
    assert {k: v for k, v in faint.items() if v} == {}
    context.close()


@pytest.mark.parametrize("width", DRAWER_WIDTHS)
def test_menu_opens_and_closes_from_the_keyboard(built: Path, browser, base: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 720})
    links = "() => [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link')]"
    shown = links + ".filter(a => getComputedStyle(a).visibility === 'visible' && a.getBoundingClientRect().left >= 0"
    shown += " && a.getBoundingClientRect().right <= innerWidth).length"
    for rel in pages_to_tab(built)[1:]:
        page.goto(base + rel)
        assert page.evaluate(shown) == 0, rel  # closed: no link of the drawer on screen or tabbable
        stops = []
        for _ in range(5):
            page.keyboard.press("Tab")
            stops.append(page.evaluate("() => [document.activeElement.type, document.activeElement.ariaLabel]"))
            if stops[-1][0] == "checkbox":
                break
        kind, name = stops[-1]
        assert kind == "checkbox" and name, (rel, stops)  # a named control, reached in a few Tabs
        page.keyboard.press("Space")
        page.wait_for_timeout(400)  # the drawer slides in
        assert page.evaluate(shown) >= 5, rel
        for _ in range(20):  # past the header's language list
            page.keyboard.press("Tab")
            if page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"):
                break
        else:
            raise AssertionError(f"{rel}: Tab never reached the open menu's links")
        page.keyboard.press("Shift+Tab")
        while page.evaluate("() => document.activeElement.type") != "checkbox":
            page.keyboard.press("Shift+Tab")
        page.keyboard.press("Space")
        page.wait_for_timeout(400)
        assert page.evaluate(shown) == 0, rel


def test_links_keep_readable_colours_on_hover(built: Path, browser, base: str) -> None:
    """Hovered links of the navigation, the language list and the text: 4.5:1 on their background."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    faint = []
    for rel in pages_to_tab(built)[1:]:
        page.goto(base + rel)
        for selector in ("a.md-nav__link:not(.md-nav__link--active)", "article a[href]", ".md-select__link"):
            if selector == ".md-select__link":
                page.hover(".md-select button")  # the list opens under its button
            target = page.locator(selector).first
            target.hover()
            ratio = target.evaluate("e => {" + CONTRAST_JS + " return contrast(e); }")
            if ratio < 4.5:
                faint.append((rel, selector, round(ratio, 2)))
    assert faint == []


def test_draft_notice_and_skip_link_are_body_size(built: Path, browser, base: str) -> None:
    """The translation notice (an admonition under the H1) and the skip link are read like the
    text: at least body size in every edition, large text included."""
    editions = json.loads((built / "site" / "manifest.json").read_text())["editions"]
    page = browser.new_page(viewport={"width": 390, "height": 800})
    small, notices = [], 0
    for e in editions[:: max(1, len(editions) // 18)]:
        page.goto(base + e["pages"][1])
        sizes = page.evaluate(
            """() => { const px = e => e ? parseFloat(getComputedStyle(e).fontSize) : null;
                 const body = [...document.querySelectorAll('article p')].find(p => !p.closest('.admonition'));
                 return {body: px(body), notice: px(document.querySelector('article .admonition p')),
                         skip: px(document.querySelector('.md-skip'))}; }"""
        )
        notices += sizes["notice"] is not None
        if sizes["skip"] < sizes["body"] or (sizes["notice"] is not None and sizes["notice"] < sizes["body"]):
            small.append((e["pages"][1], sizes))
    assert notices and small == []
