"""The build: council data → catalogues → Markdown per edition → site → manifest → publish.

Each step is one call into the stage's own module, in the order a reader would expect.
"""

from __future__ import annotations

import html
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import catalogues, leaflets, manifest, publish
from .council import Council
from .errors import BuildError
from .languages import LANGUAGES, SOURCE_LANGUAGE, SOURCES, VARIANTS
from .loading import load_councils, unconfirmed_warnings
from .render import Edition, environment, render_edition, render_page, ui
from .site import Labels, SiteConfig, build_home, build_language, page_html

WORK = ".parentinfo"


@dataclass
class BuildResult:
    editions: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sync: publish.SyncReport | None = None


def plan(root: Path, councils: list[Council], languages: list[str] | None = None) -> list[Edition]:
    """Every edition to build: council × language × variant, in manifest order.

    A variant is built once its source exists in docs/ (easy read has its own text).
    """
    variants = [v for v in VARIANTS if (root / "docs" / SOURCES[v]).is_dir()]
    return [
        Edition(c, lang, variant)
        for c in councils
        for lang in LANGUAGES
        if lang in c.languages and (not languages or lang in languages)
        for variant in variants
    ]


def _check_languages(codes: list[str] | None) -> None:
    bad = [c for c in codes or [] if c not in LANGUAGES]
    if bad:
        raise BuildError(f"--language: expected one of {', '.join(LANGUAGES)}, found {', '.join(map(repr, bad))}")


VARIANT_TITLES = {"standard": "Standard", "easy-read": "Easy read", "large-text": "Large text"}


def home_markdown(root: Path, council: Council, variants: list[str]) -> str:
    languages = [
        {
            "code": code,
            "name": LANGUAGES[code].name,
            # Names in their own script are marked up in their own language for screen readers.
            "attrs": "" if code == SOURCE_LANGUAGE else f'{{: lang="{code}" hreflang="{code}" }}',
            "editions": [{"title": VARIANT_TITLES[v], "link": f"{code}/{v}/index.html"} for v in variants],
        }
        for code in LANGUAGES
        if code in council.languages
    ]
    env = environment(root / "docs")
    context = {
        "council": council,
        "languages": languages,
        "accessibility_link": f"{SOURCE_LANGUAGE}/standard/accessibility.html",
    }
    return render_page(env, "home.md", context)


def ui_words(root: Path, language: str, locales: Path) -> Any:
    """The macros of docs/_ui.jinja, speaking `language`.

    Unmarked: these words go into attributes, titles and PDFs, where a lang="en" span cannot.
    """
    return ui(environment(root / "docs", catalogues.translations(locales, language, "guide").inner))


def labels(root: Path, council: Council, language: str, locales: Path) -> Labels:
    """Words around the guide (site name, section titles) in the build's language."""
    words = ui_words(root, language, locales)
    return Labels(
        site_name=str(words.site_name(council.name)),
        variants={v: str(words.variant_title(v)) for v in VARIANTS},
        editions=str(words.editions_label()),
    )


def pdf_name(e: Edition) -> str:
    return f"{e.council.slug}-{e.language}-{e.variant}.pdf"


def make_leaflets(
    root: Path,
    editions: list[Edition],
    rendered: dict[str, dict[str, str]],
    locales: Path,
    progress: Callable[[str], None],
) -> dict[str, leaflets.Made]:
    """Every edition's leaflet, rendered only if its HTML changed: {edition folder: Made}."""
    planned = {}
    for e in editions:
        words = ui_words(root, e.language, locales)
        html = leaflets.leaflet_html(
            e.language,
            e.variant,
            e.council.name,
            e.council.colour,
            rendered[e.folder],
            leaflets.Words(
                str(words.cover_title()),
                str(words.cover_subtitle()),
                str(words.variant_title(e.variant)),
                str(words.qr_caption()),
                str(words.qr_alt()),
            ),
            f"{e.council.site_url.rstrip('/')}/{e.language}/{e.variant}/index.html",
        )
        planned[e.folder] = leaflets.plan(html, root / WORK / "pdf")
    fresh = sum(not lf.path.exists() for lf in planned.values())
    if fresh:
        progress(f"Rendering {fresh} PDF leaflet(s) ({len(planned) - fresh} unchanged)")
    made = leaflets.make(list(planned.values()))
    return {folder: made[lf.key] for folder, lf in planned.items()}


def size_text(size: int) -> str:
    return f"{max(1, round(size / 1024))} KB"


def pdf_link(root: Path, e: Edition, made: leaflets.Made, locales: Path) -> dict[str, Any]:
    words = ui_words(root, e.language, locales)
    return {"href": pdf_name(e), "text": str(words.pdf_link(made.pages, size_text(made.size)))}


def print_markdown(council: Council, editions: list[Edition], pdfs: dict[str, leaflets.Made]) -> str:
    """`site/<slug>/print.html`: every language × edition's leaflet, for a social worker to print."""
    lines = [
        f"# Print a leaflet: {council.name}",
        "",
        "Choose the parent's language and the edition that suits them. Each leaflet is A4.",
        "",
    ]
    for code in LANGUAGES:
        mine = [e for e in editions if e.language == code]
        if not mine:
            continue
        lang = LANGUAGES[code]
        # A language's own name, marked as that language, then its English name for the social worker.
        heading = lang.name if code == SOURCE_LANGUAGE else f"{lang.name} ({lang.english}) {{: lang=\"{code}\" }}"
        lines += [f"## {heading}", ""]
        for e in mine:
            made = pdfs[e.folder]
            lines.append(
                f"- [{VARIANT_TITLES[e.variant]}: PDF, {made.pages} pages, {size_text(made.size)}]"
                f"({e.language}/{e.variant}/{pdf_name(e)})"
            )
        lines.append("")
    return "\n".join(lines)


def site_index(councils: list[dict]) -> str:
    """A plain list of councils for `site/index.html` (a web team hosts only its own folder)."""
    items = "\n".join(
        f'<li><a href="{html.escape(c["slug"])}/index.html">{html.escape(c["name"])}</a></li>' for c in councils
    )
    title = "Child Protection Conferences: information for parents and carers"
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n"
        f"<ul>\n{items}\n</ul>\n</main>\n</body>\n</html>\n"
    )


def build(
    root: Path,
    only: list[str] | None = None,
    strict: bool = False,
    languages: list[str] | None = None,
    allow_fallback: bool = False,
    progress: Callable[[str], None] = lambda _: None,
) -> BuildResult:
    """Build the site into `root/site`. Raises BuildError, leaving `site/` untouched, on bad input."""
    result = BuildResult()
    cfg = SiteConfig.read(root)
    _check_languages(languages)

    # 1. Council data, validated: every problem in every file, then one abort.
    councils = load_councils(root, only)
    result.warnings = unconfirmed_warnings(councils)
    if strict and result.warnings:
        raise BuildError(["--strict: unconfirmed facts must be confirmed or removed first", *result.warnings])
    editions = plan(root, councils, languages)

    # 2. Catalogues of every language to build: complete (no silent English), placeholders and
    #    markup intact; then compiled to .mo for this build only.
    locales = root / WORK / "locales"
    foreign = [code for code in LANGUAGES if code != SOURCE_LANGUAGE and any(e.language == code for e in editions)]
    if foreign:
        problems, _ = catalogues.check(root, foreign, allow_incomplete=allow_fallback)
        if problems:
            raise BuildError(problems)
        catalogues.compile_all(root, locales, foreign)

    # 3. Render every edition's Markdown before building anything, so a template error stops
    #    the build before any work is wasted.
    rendered = {
        e.folder: render_edition(
            root / "docs",
            e,
            cfg.pages,
            translations=catalogues.translations(locales, e.language, "guide"),
            data_translations=catalogues.translations(locales, e.language, "councils"),
            context=cfg.statement,
            review=catalogues.review(root, e.language) if e.language != SOURCE_LANGUAGE else None,
        )
        for e in editions
    }

    # 4. PDF leaflets, one per edition, made before the site so each page can show its PDF's
    #    length and size. Only editions whose leaflet changed are rendered.
    pdfs = make_leaflets(root, editions, rendered, locales, progress)

    # 5. Build each council × language, and the council's home page, into a staging folder;
    #    then put each edition's PDF beside its pages.
    work = publish.fresh(root / WORK / "work")
    stage = publish.fresh(root / WORK / "stage")
    for council in councils:
        progress(f"Building {council.slug} ({council.name})")
        mine = [e for e in editions if e.council.slug == council.slug]
        build_home(
            cfg,
            council,
            home_markdown(root, council, list(dict.fromkeys(e.variant for e in mine))),
            print_markdown(council, mine, pdfs),
            work / council.slug / "_home",
            stage / council.slug,
        )
        built_languages = list(dict.fromkeys(e.language for e in mine))
        for language in built_languages:
            variants = {e.variant: rendered[e.folder] for e in mine if e.language == language}
            build_language(
                cfg,
                council,
                language,
                variants,
                labels(root, council, language, locales),
                council.languages,
                {e.variant: pdf_link(root, e, pdfs[e.folder], locales) for e in mine if e.language == language},
                work / council.slug / language,
                stage / council.slug / language,
            )
        for e in mine:
            pdf = f"{e.folder}/{pdf_name(e)}"
            shutil.copyfile(pdfs[e.folder].path, stage / pdf)
            pages = [f"{e.folder}/{page_html(p)}" for p in cfg.pages]
            result.editions.append(manifest.entry(council.slug, e.language, e.variant, pages, pdf))

    # 6. The manifest and the site index cover every council, including ones not rebuilt now.
    site = root / "site"
    rebuilt = {(c.slug, lang) for c in councils for lang in (languages or LANGUAGES)}
    result.editions = manifest.merge(manifest.read(site), result.editions, rebuilt)
    (stage / manifest.NAME).write_text(manifest.dumps(result.editions), encoding="utf-8")
    everyone = load_councils(root) if only else councils
    index = site_index([{"slug": c.slug, "name": c.name} for c in everyone])
    (stage / "index.html").write_text(index, encoding="utf-8")

    # 7. Publish: only now is site/ touched, and only files whose bytes changed are written.
    #    A partial build (--council, --language) replaces only what it built.
    scope = None
    if only or languages:
        scope = [manifest.NAME, "index.html"]
        for council in councils:
            if not languages:
                scope.append(council.slug)
                continue
            scope += [
                f"{council.slug}/{p.name}"
                for p in (stage / council.slug).iterdir()
                if p.name not in LANGUAGES or p.name in languages
            ]
    result.sync = publish.sync(stage, site, scope)
    return result
