"""Pages shared across editions, made from the manifest: each council's home and print pages,
the site index and the manifest itself.

They are rebuilt from the manifest (not from what one build made), so a build of one language
and a merge of shards built on other machines both end with pages that list every edition.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parentinfo.data.council import Council
from parentinfo.editions import EDITIONS
from parentinfo.errors import BuildError
from parentinfo.languages import LANGUAGES, SOURCE_LANGUAGE
from parentinfo.render import environment, render_page
from parentinfo.publish import manifest
from parentinfo.outputs.site.site import CSP, SiteConfig, build_home


@dataclass(frozen=True)
class PdfFacts:
    """What a reader is told before opening a leaflet."""

    pages: int
    size: int


def size_text(size: int) -> str:
    return f"{max(1, round(size / 1024))} KB"


def read_pdf_facts(path: Path) -> PdfFacts:
    """Page count and size of a leaflet built elsewhere (another shard, or an earlier build)."""
    from pypdf import PdfReader  # only needed for leaflets this build did not make
    from pypdf.errors import PdfReadError

    try:
        return PdfFacts(len(PdfReader(path).pages), path.stat().st_size)
    except (OSError, PdfReadError) as err:
        raise BuildError(f"{path}: listed in a manifest but cannot be read as a PDF ({err})") from None


UNTRANSLATED = "some of {name}'s own sentences are still in English"


def home_markdown(
    root: Path, council: Council, built: dict[str, list[str]], untranslated: dict[tuple[str, str], int] | None = None
) -> str:
    """`site/<slug>/index.html`: every language (in its own script) and edition built, from
    `built` (language → variants, as the manifest lists them); an edition showing some of the
    council's own sentences in English says so (`untranslated`: (language, variant) → count)."""
    untranslated = untranslated or {}
    languages = [
        {
            "code": code,
            "name": LANGUAGES[code].name,
            # Names in their own script are marked up in their own language for screen readers;
            # the edition's English title inside them is marked English.
            "attrs": "" if code == SOURCE_LANGUAGE else f'{{: lang="{code}" hreflang="{code}" }}',
            "editions": [
                {
                    "title": _english(EDITIONS[v].title, code),
                    "link": f"{code}/{v}/index.html",
                    "note": f'<span lang="en">({html.escape(UNTRANSLATED.format(name=council.name))})</span>'
                    if untranslated.get((code, v))
                    else "",
                }
                for v in variants
            ],
        }
        for code, variants in built.items()
    ]
    # The statement in English if built, else in the first language that was.
    first = SOURCE_LANGUAGE if SOURCE_LANGUAGE in built else next(iter(built), SOURCE_LANGUAGE)
    variant = "standard" if "standard" in built.get(first, []) else next(iter(built.get(first, [])), "standard")
    context = {
        "council": council,
        "languages": languages,
        "accessibility_link": f"{first}/{variant}/accessibility.html",
    }
    return render_page(environment(root / "docs"), "home.md", context)


def _english(text: str, inside: str) -> str:
    """English words, marked as English when they sit inside another language's element."""
    return text if inside == SOURCE_LANGUAGE else f'<span lang="en">{html.escape(text)}</span>'


def print_markdown(council: Council, entries: list[dict[str, Any]], facts: dict[str, PdfFacts]) -> str:
    """`site/<slug>/print.html`: every language × edition's leaflet, for a social worker to print."""
    lines = [
        f"# Print a leaflet: {council.name}",
        "",
        "Choose the parent's language and the edition that suits them. Each leaflet is A4.",
        "",
    ]
    for code in LANGUAGES:
        mine = [e for e in entries if e["language"] == code and e["pdf"]]
        if not mine:
            continue
        lang = LANGUAGES[code]
        # A language's own name, marked as that language, then its English name for the social worker.
        heading = (
            lang.name
            if code == SOURCE_LANGUAGE
            else f'{lang.name} {_english(f"({lang.english})", code)} {{: lang="{code}" }}'
        )
        lines += [f"## {heading}", ""]
        for e in mine:
            pdf = facts[e["pdf"]]
            link = e["pdf"].split("/", 1)[1]  # from the council's folder
            note = f" ({UNTRANSLATED.format(name=council.name)})" if e.get("untranslated") else ""
            title = f"{EDITIONS[e['variant']].title}: PDF, {pdf.pages} pages, {size_text(pdf.size)}"
            lines.append(f"- [{title}]({link}){_english(note, code) if note else ''}")
        lines.append("")
    return "\n".join(lines)


def site_index(councils: list[Council]) -> str:
    """A plain list of councils for `site/index.html` (a web team hosts only its own folder)."""
    items = "\n".join(
        f'<li><a href="{html.escape(c.slug)}/index.html">{html.escape(c.name)}</a></li>' for c in councils
    )
    title = "Child Protection Conferences: information for parents and carers"
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n"
        f"<ul>\n{items}\n</ul>\n</main>\n</body>\n</html>\n"
    )


def council_pages(
    root: Path,
    cfg: SiteConfig,
    council: Council,
    entries: list[dict[str, Any]],
    facts: dict[str, PdfFacts],
    work: Path,
    stage: Path,
) -> None:
    """Build one council's home and print pages into `stage/<slug>/` from its manifest entries."""
    mine = [e for e in entries if e["council"] == council.slug]
    built: dict[str, list[str]] = {}  # in manifest order: languages, then variants
    for e in mine:
        built.setdefault(e["language"], []).append(e["variant"])
    # Built apart, then copied in: a site build empties its output folder, which here already
    # holds the council's language folders.
    out = work / council.slug / "_home-site"
    build_home(
        cfg,
        council,
        home_markdown(root, council, built, {(e["language"], e["variant"]): e.get("untranslated", 0) for e in mine}),
        print_markdown(council, mine, facts),
        work / council.slug / "_home",
        out,
    )
    shutil.copytree(out, stage / council.slug, dirs_exist_ok=True)


def finish(
    root: Path,
    cfg: SiteConfig,
    editions: list[dict[str, Any]],
    facts: dict[str, PdfFacts],
    pages_for: list[Council],
    index: list[Council],
    work: Path,
    stage: Path,
) -> None:
    """The last step before publishing, shared by build and merge: the home and print pages of
    the councils `pages_for`, the manifest of `editions`, and the site index listing `index`."""
    for council in pages_for:
        council_pages(root, cfg, council, editions, facts, work, stage)
    (stage / manifest.NAME).write_text(manifest.dumps(editions), encoding="utf-8")
    (stage / "index.html").write_text(site_index(index), encoding="utf-8")
