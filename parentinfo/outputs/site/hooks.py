"""parentinfo's part in every MkDocs build, as MkDocs hooks (the `hooks:` setting).

`parentinfo/outputs/site/site.py` names this file in each build's generated mkdocs.yml, with what differs per
build under `extra.parentinfo_build` ({"language", "languages"} for an edition build, {"home": true}
for a council's home build). So that mkdocs.yml alone rebuilds the same site with bare
`mkdocs build -f`, and all that is MkDocs-specific stays in site.py and here.

MkDocs loads this file by its path, not as part of the package: imports are absolute.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from parentinfo.outputs.site import cssprune
from parentinfo.languages import LANGUAGES

# Theme files a page never loads: all JavaScript (the site ships none) and source maps.
UNUSED_THEME_FILES = ("assets/javascripts/",)
UNUSED_SUFFIXES = (".map",)
UNUSED_FILES = ("sitemap.xml",)  # the template itself, copied as a plain file once not rendered
# The page each edition's logo (and the drawer's) leads to: a real file, as a folder link ("..")
# is refused by a server without directory listings. The edition's own first page keeps the
# reader in their language and edition; the council's home page lists every one, in English.
HOME_PAGE = "index.html"

# Material's markup for the drawer's checkbox and the skip link, rewritten by keyboard_ready().
_SKIP = re.compile(r'\s*<div data-md-component="skip">.*?</div>', re.S)
_DRAWER = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
_NAV_LABEL = re.compile(r'(<nav class="md-nav md-nav--primary" aria-label=")([^"]*)"')
# Section headings in the navigation: Material makes them tabindex=0 labels that only its script
# can open, so a keyboard stops on something Enter and Space do nothing to.
_FAKE_BUTTON = re.compile(r'(<label class="md-nav__link" for="__nav_[\d_]+" id="__nav_[\d_]+_label") tabindex="0"')


def keyboard_ready(output: str) -> str:
    """Material's page made to work from the keyboard without its script.

    The drawer's own checkbox becomes the menu button (parentinfo.css shows it over the
    hamburger, named like the navigation it opens); the skip link moves before it so it stays
    the first Tab stop; `autocomplete`, not allowed on a checkbox, goes.
    """
    skip = _SKIP.search(output)
    name = _NAV_LABEL.search(output)
    label = html.escape(name.group(2) if name else "Menu", quote=True)
    drawer = f'<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" aria-label="{label}">'
    if skip and _DRAWER in output:
        output = output[: skip.start()] + output[skip.end() :]
        output = output.replace(_DRAWER, skip.group(0).strip() + "\n    " + drawer, 1)
    output = output.replace(' type="checkbox" id="__search" autocomplete="off">', ' type="checkbox" id="__search">')
    return _FAKE_BUTTON.sub(r"\1", output)


def _build(config: Any) -> dict[str, Any]:
    return dict(config["extra"].get("parentinfo_build") or {})


def on_config(config: Any) -> Any:
    # No sitemap: it carries the build date, so every rebuild would differ, and a guide of ten
    # linked pages needs none.
    config.theme.static_templates.discard("sitemap.xml")
    if not _build(config).get("home"):
        # One 404 page per council, from its (English) home build: Material's 404 text is English
        # whatever the language, and a host serves one page for every missing address.
        config.theme.static_templates.discard("404.html")
    return config


def on_files(files: Any, config: Any) -> Any:
    """Drop theme files no page uses, so each edition ships only what it needs."""
    for file in list(files):
        uri = file.src_uri
        if uri.startswith(UNUSED_THEME_FILES) or uri.endswith(UNUSED_SUFFIXES) or uri in UNUSED_FILES:
            files.remove(file)
    return files


def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    """Per page of an edition: the logo leads to the edition's first page, and the language
    switcher to the same page in each language."""
    build = _build(config)
    if build.get("home"):
        return context
    # Links are from this build's root (site/<slug>/<lang>/); MkDocs makes them page-relative.
    config["extra"]["homepage"] = f"{page.url.split('/', 1)[0]}/{HOME_PAGE}"
    languages = build.get("languages", [])
    if len(languages) < 2:
        return context
    # Each name is in its own language and direction (overrides/partials/alternate.html).
    config["extra"]["alternate"] = [
        {
            "name": LANGUAGES[code].name,
            "lang": code,
            "dir": "rtl" if LANGUAGES[code].rtl else "ltr",
            "link": f"../{code}/{page.url}",
        }
        for code in languages
    ]
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    language = _build(config).get("language")
    # Material sets dir only on <body>; browsers and screen readers read it from <html>.
    if language and LANGUAGES[language].rtl:
        output = output.replace("<html ", '<html dir="rtl" ', 1)
    return keyboard_ready(output)


def on_post_build(config: Any) -> None:
    # The theme CSS cut to the rules these pages can use: most of what a first view loaded.
    cssprune.prune_site(Path(config["site_dir"]))
