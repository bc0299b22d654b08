"""The theme's stylesheet cut to what a build's pages use, with pages that look exactly the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser import chromium, serve
from material import __file__ as material_file

from parentinfo.outputs.site.cssprune import collect, prune

PAGES = [
    '<html lang="ar" dir="rtl"><body dir="rtl"><nav class="md-nav md-nav--primary">'
    '<a class="md-nav__link" href="x.html" data-kind="leaflet">x</a></nav><h1 id="top">T</h1></body></html>'
]


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        # A class, id, tag or attribute no page has: the rule can never match.
        (".md-search{color:red}.md-nav{color:blue}", ".md-nav{color:blue}"),
        ("#__search{top:0}#top{top:1px}", "#top{top:1px}"),
        ("table td{padding:0}h1{margin:0}", "h1{margin:0}"),
        ("[dir=ltr] .md-nav{left:0}[dir=rtl] .md-nav{right:0}", "[dir=rtl] .md-nav{right:0}"),
        (
            'a[data-kind="leaflet"]{x:1}a[data-kind="video"]{x:2}a[href$=".html"]{x:3}',
            'a[data-kind="leaflet"]{x:1}a[href$=".html"]{x:3}',
        ),
        # Only the selectors of a list that can match are kept.
        (".md-tabs,.md-nav__link,.md-search__input{x:1}", ".md-nav__link{x:1}"),
        # A comma inside a function does not split the list.
        (".md-tabs:not(.a, .b),.md-nav :is(h1, h2){x:1}", ".md-nav :is(h1, h2){x:1}"),
        # Negated and pseudo parts are not judged: the rule stays.
        (".md-nav:not(.md-nav--secondary) a:hover{x:1}", ".md-nav:not(.md-nav--secondary) a:hover{x:1}"),
        (":root{--c:red}html::before{x:1}", ":root{--c:red}html::before{x:1}"),
        # Media blocks keep what matches inside and go when nothing does.
        (
            "@media screen and (min-width:60em){.md-nav{x:1}.md-tabs{x:2}}@media print{.md-tabs{x:3}}",
            "@media screen and (min-width:60em){.md-nav{x:1}}",
        ),
        # Rules about fonts and animations are kept whole.
        ("@keyframes spin{0%{x:0}to{x:1}}", "@keyframes spin{0%{x:0}to{x:1}}"),
    ],
)
def test_rules_no_page_can_match_are_dropped(css: str, expected: str) -> None:
    assert prune(css, collect(PAGES)) == expected


def test_the_built_sites_theme_css_is_cut_and_every_page_links_it(built: Path) -> None:
    site = built / "site"
    whole = next((Path(material_file).parent / "templates/assets/stylesheets").glob("main.*.min.css"))
    for folder, page in [
        ("solihull", "index.html"),
        ("solihull/ar", "standard/index.html"),
        ("somerset/ur", "easy-read/index.html"),
    ]:
        sheets = list((site / folder / "assets" / "stylesheets").glob("main.*.min.css"))
        assert len(sheets) == 1
        css = sheets[0].read_text()
        assert ".md-header" in css and ".md-search" not in css
        assert len(css) < whole.stat().st_size / 2
        assert f'stylesheets/{sheets[0].name}"' in (site / folder / page).read_text()


def sample(built: Path) -> list[str]:
    """A page of every kind: home, print page, and each edition in a left-to-right and a right-to-left language."""
    editions = json.loads((built / "site" / "manifest.json").read_text())["editions"]
    pages = ["solihull/index.html", "solihull/print.html"]
    for e in editions:
        if e["council"] == "solihull" and e["language"] in ("en", "ur"):
            pages += [e["pages"][0], e["pages"][-1]]
    return pages


def test_pages_look_the_same_as_with_the_whole_theme_css(built: Path) -> None:
    whole = Path(material_file).parent / "templates" / "assets" / "stylesheets"

    def original(route: object) -> None:
        name = route.request.url.rsplit("/", 1)[1].split(".")[0]  # type: ignore[attr-defined]
        route.fulfill(path=str(next(whole.glob(f"{name}.*.min.css"))))  # type: ignore[attr-defined]

    with serve(built / "site") as base, chromium() as browser:
        for width in (320, 1280):
            context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=False)
            pruned, full = context.new_page(), context.new_page()
            full.route("**/stylesheets/*.min.css", original)
            for url in sample(built):
                shots = []
                for page in (pruned, full):
                    page.goto(base + url)
                    # Transitions (the nav chevrons turn) are run to their end, not caught half way.
                    shots.append(page.screenshot(full_page=True, animations="disabled"))
                assert shots[0] == shots[1], f"{url} at {width} px looks different with the pruned CSS"
            context.close()
