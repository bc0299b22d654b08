"""The build: council data → rendered Markdown per edition → site → manifest → publish.

Each step is one call into the stage's own module, in the order a reader would expect.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import manifest, publish
from .council import Council, load_councils, unconfirmed_warnings
from .errors import BuildError
from .languages import LANGUAGES, SOURCE_LANGUAGE
from .render import Edition, environment, render_edition, render_page
from .site import VARIANT_TITLES, SiteConfig, build_home, build_language, page_html

WORK = ".parentinfo"


@dataclass
class BuildResult:
    editions: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sync: publish.SyncReport | None = None


def plan(councils: list[Council]) -> list[Edition]:
    """Every edition to build: council × language × variant."""
    # Only English has a source and no catalogues exist yet, so each council gets its English
    # standard edition; languages and variants join this list as their sources arrive.
    return [Edition(c, SOURCE_LANGUAGE, "standard") for c in councils]


def home_markdown(root: Path, council: Council, editions: list[Edition]) -> str:
    languages = []
    for code in LANGUAGES:
        mine = [e for e in editions if e.language == code]
        if mine:
            languages.append(
                {
                    "code": code,
                    "name": LANGUAGES[code].name,
                    # Names in their own script are marked up in their own language for screen readers.
                    "attrs": "" if code == SOURCE_LANGUAGE else f'{{: lang="{code}" hreflang="{code}" }}',
                    "editions": [
                        {"title": VARIANT_TITLES[e.variant], "link": f"{code}/{e.variant}/index.html"}
                        for e in mine
                    ],
                }
            )
    env = environment(root / "docs")
    context = {
        "council": council,
        "languages": languages,
        "accessibility_link": f"{SOURCE_LANGUAGE}/standard/accessibility.html",
    }
    return render_page(env, "home.md", context)


def site_index(councils: list[dict]) -> str:
    """A plain list of councils for `site/index.html` (a web team hosts only its own folder)."""
    items = "\n".join(
        f'<li><a href="{html.escape(c["slug"])}/index.html">{html.escape(c["name"])}</a></li>'
        for c in councils
    )
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Child Protection Conferences: information for parents and carers</title>\n"
        "</head>\n<body>\n<main>\n<h1>Child Protection Conferences: information for parents and carers</h1>\n"
        f"<ul>\n{items}\n</ul>\n</main>\n</body>\n</html>\n"
    )


def build(
    root: Path,
    only: list[str] | None = None,
    strict: bool = False,
    progress: Callable[[str], None] = lambda _: None,
) -> BuildResult:
    """Build the site into `root/site`. Raises BuildError, leaving `site/` untouched, on bad input."""
    result = BuildResult()
    cfg = SiteConfig.read(root)

    # 1. Council data, validated: every problem in every file, then one abort.
    councils = load_councils(root, only)
    result.warnings = unconfirmed_warnings(councils)
    if strict and result.warnings:
        raise BuildError(["--strict: unconfirmed facts must be confirmed or removed first", *result.warnings])

    # 2. Render every edition's Markdown before building anything, so a template error stops
    #    the build before any work is wasted.
    editions = plan(councils)
    rendered = {
        e.folder: render_edition(root / "docs", e, cfg.pages, data_translations=None, context=cfg.statement)
        for e in editions
    }
    homes = {
        c.slug: home_markdown(root, c, [e for e in editions if e.council.slug == c.slug]) for c in councils
    }

    # 3. Build each council × language, and the council's home page, into a staging folder.
    work = publish.fresh(root / WORK / "work")
    stage = publish.fresh(root / WORK / "stage")
    for council in councils:
        progress(f"Building {council.slug} ({council.name})")
        build_home(cfg, council, homes[council.slug], work / council.slug / "_home", stage / council.slug)
        for language in dict.fromkeys(e.language for e in editions if e.council.slug == council.slug):
            mine = {
                e.variant: rendered[e.folder]
                for e in editions
                if e.council.slug == council.slug and e.language == language
            }
            build_language(
                cfg, council, language, mine, work / council.slug / language, stage / council.slug / language
            )
        for e in editions:
            if e.council.slug == council.slug:
                pages = [f"{e.folder}/{page_html(p)}" for p in cfg.pages]
                result.editions.append(manifest.entry(council.slug, e.language, e.variant, pages))

    # 4. The manifest and the site index cover every council, including ones not rebuilt now.
    site = root / "site"
    rebuilt = {c.slug for c in councils}
    result.editions = manifest.merge(manifest.read(site), result.editions, rebuilt)
    (stage / manifest.NAME).write_text(manifest.dumps(result.editions), encoding="utf-8")
    everyone = load_councils(root) if only else councils
    (stage / "index.html").write_text(
        site_index([{"slug": c.slug, "name": c.name} for c in everyone]), encoding="utf-8"
    )

    # 5. Publish: only now is site/ touched, and only files whose bytes changed are written.
    scope = None if only is None else [*rebuilt, manifest.NAME, "index.html"]
    result.sync = publish.sync(stage, site, scope)
    return result
