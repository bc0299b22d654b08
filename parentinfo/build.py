"""The build: council data → catalogues → Markdown per edition → site → manifest → publish.

Each step is one call into the stage's own module, in the order a reader would expect.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parentinfo.data.council import Council
from parentinfo.data.loading import load_councils, own_sources, unconfirmed_warnings
from parentinfo.editions import EDITIONS, VARIANTS
from parentinfo.errors import BuildError
from parentinfo.i18n import catalogues
from parentinfo.languages import LANGUAGES, SOURCE_LANGUAGE
from parentinfo.outputs.leaflets import leaflets
from parentinfo.outputs.site import shared
from parentinfo.outputs.site.site import Labels, SiteConfig, build_language, page_html
from parentinfo.publish import manifest, publish
from parentinfo.render import Edition, environment, render_edition, ui

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
    variants = [v for v in VARIANTS if (root / "docs" / EDITIONS[v].source).is_dir()]
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


def cover_words(root: Path, language: str, variant: str, locales: Path) -> leaflets.Words:
    """The leaflet's own words; any that fall back to English (only with --allow-fallback) are
    named in `english`, so the leaflet marks them `lang="en"` as the web pages do."""
    marked = ui(environment(root / "docs", catalogues.translations(locales, language, "guide")))
    said = {
        "title": marked.cover_title(),
        "subtitle": marked.cover_subtitle(),
        "edition": marked.variant_title(variant),
        "qr_caption": marked.qr_caption(),
        "qr_alt": marked.qr_alt(),
    }
    english = tuple(name for name, text in said.items() if 'lang="en"' in str(text))
    plain = {name: re.sub(r"<[^>]+>", "", str(text)) for name, text in said.items()}
    return leaflets.Words(**plain, english=english)


def pdf_name(e: Edition) -> str:
    return f"{e.council.slug}-{e.language}-{e.variant}.pdf"


def make_leaflets(
    root: Path,
    editions: list[Edition],
    rendered: dict[str, dict[str, str]],
    locales: Path,
    progress: Callable[[str], None],
) -> dict[str, leaflets.Made]:
    """Every edition's leaflet, rendered only if its inputs changed: {edition folder: Made}."""
    planned = {}
    pictures = root / "overrides" / "assets" / "pictures"
    for e in editions:
        inputs = (
            e.language,
            e.variant,
            e.council.name,
            e.council.colour,
            rendered[e.folder],
            cover_words(root, e.language, e.variant, locales),
            f"{e.council.site_url.rstrip('/')}/{e.language}/{e.variant}/index.html",
        )
        planned[e.folder] = leaflets.plan(leaflets.key_of(inputs, pictures), root / WORK / "pdf", (*inputs, pictures))
    fresh = sum(not lf.path.exists() for lf in planned.values())
    if fresh:
        progress(f"Rendering {fresh} PDF leaflet(s) ({len(planned) - fresh} unchanged)")
    made = leaflets.make(list(planned.values()))
    return {folder: made[lf.key] for folder, lf in planned.items()}


def pdf_link(root: Path, e: Edition, made: leaflets.Made, locales: Path) -> dict[str, Any]:
    words = ui_words(root, e.language, locales)
    return {"href": pdf_name(e), "text": str(words.pdf_link(made.pages, shared.size_text(made.size)))}


def _call(job: tuple[Callable[..., Any], tuple]) -> None:
    function, args = job
    function(*args)


def _on_every_core(
    function: Callable[..., Any], jobs: list[tuple], started: Callable[[int], None] = lambda _: None
) -> None:
    """Run independent jobs (one MkDocs build each) in worker processes, one per core.

    `started(i)` is called, in order, as the results of job i are awaited (for progress lines).
    """
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers <= 1:
        for i, args in enumerate(jobs):
            started(i)
            function(*args)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        started(0)
        for i, _ in enumerate(pool.map(_call, [(function, args) for args in jobs])):
            if i + 1 < len(jobs):
                started(i + 1)


def build(
    root: Path,
    only: list[str] | None = None,
    strict: bool = False,
    languages: list[str] | None = None,
    allow_fallback: bool = False,
    progress: Callable[[str], None] = lambda _: None,
) -> BuildResult:
    """Build the site into `root/site`. Raises BuildError, leaving `site/` untouched, on bad input.

    One build at a time: a second waits (saying so) until the first has published."""
    with publish.exclusive(root, progress):
        return _build(root, only, strict, languages, allow_fallback, progress)


def _build(
    root: Path,
    only: list[str] | None,
    strict: bool,
    languages: list[str] | None,
    allow_fallback: bool,
    progress: Callable[[str], None],
) -> BuildResult:
    result = BuildResult()
    cfg = SiteConfig.read(root)
    _check_languages(languages)

    # 1. Council data, validated: every problem in every file, then one abort (and no source
    #    that is a link to somewhere else).
    own_sources(root)
    councils = load_councils(root, only)
    result.warnings = unconfirmed_warnings(councils)
    if strict and result.warnings:
        raise BuildError(["--strict: unconfirmed facts must be confirmed or removed first", *result.warnings])
    editions = plan(root, councils, languages)

    # 2. Catalogues of every language to build: complete (no silent English), placeholders and
    #    markup intact; then compiled to .mo for this build only.
    locales = root / WORK / "locales"
    foreign = [code for code in LANGUAGES if code != SOURCE_LANGUAGE and any(e.language == code for e in editions)]
    #    A council's own untranslated sentences hold up no one: they are shown in English, marked,
    #    on that council's pages only (and counted in the manifest), unless --strict.
    if foreign:
        problems, _ = catalogues.check(
            root, foreign, allow_incomplete=allow_fallback, councils=councils, strict_prose=strict
        )
        if problems:
            raise BuildError(catalogues.with_advice(problems, strict))
        catalogues.compile_all(root, locales, foreign)

    reviews = {lang: catalogues.review(root, lang) for lang in foreign}
    # 3. Render every edition's Markdown before building anything, so a template error stops
    #    the build before any work is wasted.
    rendered, untranslated = {}, {}
    for e in editions:
        own_words = catalogues.translations(locales, e.language, "councils")
        rendered[e.folder] = render_edition(
            root / "docs",
            e,
            cfg.pages,
            # Easy read has its own catalogue; the shared macros' words come from the guide's.
            translations=catalogues.translations(locales, e.language, *EDITIONS[e.variant].domains),
            data_translations=own_words,
            context=cfg.statement,
            review=reviews.get(e.language),
        )
        untranslated[e.folder] = len(own_words.missed)
    # Said at the end of the build too, not only on the pages: the web team may not read Polish.
    for council in councils:
        english_in = sorted({e.language for e in editions if e.council.slug == council.slug and untranslated[e.folder]})
        if english_in:
            result.warnings.append(
                f"councils/{council.slug}.yml: own_words: shown in English, marked, in {', '.join(english_in)}"
                " until translated in locales/<language>/LC_MESSAGES/councils.po"
            )

    # 4. PDF leaflets, one per edition, made before the site so each page can show its PDF's
    #    length and size. Only editions whose leaflet changed are rendered.
    pdfs = make_leaflets(root, editions, rendered, locales, progress)

    # 5. Build each council × language into a staging folder; put each edition's PDF beside
    #    its pages.
    work = publish.fresh(root / WORK / "work")
    stage = publish.fresh(root / WORK / "stage")
    # What each language's pages can show (translations and every language's own name in the
    # switcher): its web font is cut down to those letters.
    names = " ".join(lang.name for lang in LANGUAGES.values())
    font_text = {lang: catalogues.text(root, lang) + names for lang in dict.fromkeys(e.language for e in editions)}
    earlier = manifest.read(root / "site")
    jobs = []
    for council in councils:
        mine = [e for e in editions if e.council.slug == council.slug]
        # The language switcher offers what will exist: built now, or kept from an earlier build.
        switcher = [
            code
            for code in council.languages
            if any(e.language == code for e in mine)
            or any(e["council"] == council.slug and e["language"] == code for e in earlier)
        ]
        for language in dict.fromkeys(e.language for e in mine):
            jobs.append(
                (
                    cfg,
                    council,
                    language,
                    {e.variant: rendered[e.folder] for e in mine if e.language == language},
                    labels(root, council, language, locales),
                    switcher,
                    {e.variant: pdf_link(root, e, pdfs[e.folder], locales) for e in mine if e.language == language},
                    font_text[language],
                    work / council.slug / language,
                    stage / council.slug / language,
                )
            )

    def started(i: int) -> None:  # one progress line per council, as its first language is awaited
        council = jobs[i][1]
        if i == 0 or jobs[i - 1][1].slug != council.slug:
            progress(f"Building {council.slug} ({council.name})")

    _on_every_core(build_language, jobs, started)
    for e in editions:
        pdf = f"{e.folder}/{pdf_name(e)}"
        shutil.copyfile(pdfs[e.folder].path, stage / pdf)
        pages = [f"{e.folder}/{page_html(p)}" for p in cfg.pages]
        result.editions.append(
            manifest.entry(e.council.slug, e.language, e.variant, pages, pdf, untranslated[e.folder])
        )

    # 6. The manifest keeps editions of councils and languages not rebuilt now; each rebuilt
    #    council's home and print pages list every edition in it, and the site index every council.
    site = root / "site"
    rebuilt = {(c.slug, lang) for c in councils for lang in (languages or LANGUAGES)}
    result.editions = manifest.merge(manifest.read(site), result.editions, rebuilt)
    facts = {f"{e.folder}/{pdf_name(e)}": shared.PdfFacts(pdfs[e.folder].pages, pdfs[e.folder].size) for e in editions}
    for entry in result.editions:
        if entry["pdf"] and entry["pdf"] not in facts and entry["council"] in {c.slug for c in councils}:
            facts[entry["pdf"]] = shared.read_pdf_facts(site / entry["pdf"])
    everyone = load_councils(root) if only else councils
    shared.finish(root, cfg, result.editions, facts, councils, everyone, work, stage)

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
