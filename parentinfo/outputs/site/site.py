"""The site engine: everything MkDocs- and Material-specific lives here, so it can be swapped.

Each council × language is one MkDocs build whose sections are the variants; the council's
home page is one more small build. Builds go to a staging folder; the build stage syncs it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml
from material import __file__ as material_file
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from parentinfo import cache

from parentinfo.outputs.site import cssprune

from parentinfo.outputs import fonts

from parentinfo.outputs.site import hooks
from parentinfo.data.council import Council
from parentinfo.editions import EDITIONS
from parentinfo.errors import BuildError
from parentinfo.outputs.fonts import font_css, one_line_height, web_fonts
from parentinfo.languages import LANGUAGES

# Every page's Content-Security-Policy (overrides/main.html puts it first in <head>): nothing from
# another host, no script at all, no plugins, no forms, no <base>.
CSP = (
    "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"
)

@dataclass(frozen=True)
class Labels:
    """Words the site engine shows around the guide, already in the build's language."""

    site_name: str
    variants: dict[str, str]
    editions: str
    """Accessible name of the links to the same page in the other editions."""


@dataclass(frozen=True)
class SiteConfig:
    """What every build shares: the project's mkdocs.yml, read once."""

    root: Path
    base: dict[str, Any]

    @classmethod
    def read(cls, root: Path) -> SiteConfig:
        path = root / "mkdocs.yml"
        try:
            base = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as err:
            raise BuildError(f"mkdocs.yml: cannot read the site settings ({err})") from None
        if not isinstance(base, dict) or not isinstance(base.get("nav"), list):
            raise BuildError("mkdocs.yml: nav: expected the list of page files in reading order")
        return cls(root, base)

    @property
    def pages(self) -> list[str]:
        """Each edition's page files, in reading order."""
        return [str(p) for p in self.base["nav"]]

    @property
    def statement(self) -> dict[str, Any]:
        return dict(self.base.get("extra", {}).get("parentinfo", {}))


def page_html(page: str) -> str:
    """The built file name of a Markdown page (use_directory_urls is off)."""
    return page[: -len(".md")] + ".html"


def _council_css(council: Council) -> str:
    return (
        "/* Generated from the council's colour. */\n"
        f":root {{ --md-primary-fg-color: {council.colour};"
        f" --md-primary-fg-color--light: {council.colour};"
        f" --md-primary-fg-color--dark: {council.colour}; }}\n"
    )


def _script_css(language: str) -> str:
    """Room for the script in Material's one-line boxes: navigation, drawer and tabs clip what
    overflows, and Nastaliq's dots below the line need over twice the font size (a nav line box
    was 18.2 px, its glyphs 26 px). The height comes from fonts.py. The header title is left at
    Material's 2.4rem (2.7 em), which is taller and centres it in the bar."""
    line = one_line_height(language)
    if line is None:
        return ""
    boxes = ".md-nav .md-ellipsis, .md-nav__title, .md-nav__link, .md-tabs__link, .md-select__link"
    return f"{boxes} {{ line-height: {line}; }}\n"


def _write_docs(docs: Path, files: dict[str, str] | dict[str, str | bytes]) -> None:
    for name, data in files.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")


def _run(cfg: SiteConfig, work: Path, overrides: dict[str, Any], build: dict[str, Any]) -> None:
    """One MkDocs build from a generated config file, kept beside its docs.

    Everything parentinfo adds to MkDocs is in that file: its hooks (parentinfo/outputs/site/hooks.py) and,
    under `extra.parentinfo_build`, what they need to know (`build`), so
    `mkdocs build -f .parentinfo/work/<slug>/<language>/mkdocs.yml` makes the same site.
    """
    config = {**cfg.base, **overrides}
    config["theme"] = {**cfg.base["theme"], **overrides.get("theme", {})}
    config["theme"]["custom_dir"] = str(cfg.root / cfg.base["theme"].get("custom_dir", "overrides"))
    config["extra"] = {**cfg.base.get("extra", {}), **overrides.get("extra", {}), "csp": CSP, "parentinfo_build": build}
    config["hooks"] = [hooks.__file__]
    config["strict"] = True  # a broken link in a guide is an error, not a warning
    path = work / "mkdocs.yml"
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    out = Path(config["site_dir"])
    # An unchanged build (same config, pages, theme and code) is copied from the last one.
    entry = cfg.root / ".parentinfo" / "cache" / work.relative_to(cfg.root / ".parentinfo" / "work")
    key = _fingerprint(cfg, text, Path(config["docs_dir"]))
    cached = cache.tree(entry, key)  # None unless every file is as it was stored
    if cached is not None:
        # Hard links, not copies: the staged files are only read, and published as copies.
        shutil.copytree(cached, out, dirs_exist_ok=True, copy_function=_link)
        return
    # MkDocs reports through logging; keep its INFO chatter out of the user's terminal.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        mkdocs_build(load_config(str(path)))
    except (Abort, ConfigurationError) as err:
        raise BuildError(f"site build {work.name}: {err}") from None
    except jinja2.TemplateError as err:  # a theme override with a mistake, or a missing language partial
        where = getattr(err, "filename", None) or getattr(err, "name", None) or "overrides/"
        raise BuildError(f"{where}: {type(err).__name__}: {err}") from None
    cache.store_tree(out, entry, key)


def _link(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:  # another file system, or links not allowed: copy instead
        shutil.copy2(src, dst)


def _fingerprint(cfg: SiteConfig, config_text: str, docs: Path) -> str:
    """Everything a build's output depends on, hashed."""
    digest = hashlib.sha256()
    theme = cfg.root / cfg.base["theme"].get("custom_dir", "overrides")
    for part in (config_text, cache.tools()):
        digest.update(part.encode() + b"\0")
    for code in (__file__, hooks.__file__, cssprune.__file__, fonts.__file__):
        digest.update(Path(code).read_bytes())
    for top in (docs, theme):
        for file in sorted(p for p in top.rglob("*") if p.is_file()):
            digest.update(file.relative_to(top).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def _theme_words(cfg: SiteConfig, language: str) -> str:
    """The theme's own words in `language` (skip link, menu labels): its font must show them too."""
    name = f"partials/languages/{language}.html"
    override = cfg.root / cfg.base["theme"].get("custom_dir", "overrides") / name
    path = override if override.exists() else Path(material_file).parent / "templates" / name
    return path.read_text(encoding="utf-8") if path.exists() else ""


def build_language(
    cfg: SiteConfig,
    council: Council,
    language: str,
    editions: dict[str, dict[str, str]],
    labels: Labels,
    languages: list[str],
    pdfs: dict[str, dict[str, Any]],
    font_text: str,
    work: Path,
    out: Path,
) -> None:
    """Build one council in one language: `editions` maps variant → {page: Markdown}.

    `font_text` is all the language's text, so its web font keeps just the letters it needs.
    """
    docs = work / "docs"
    files: dict[str, str | bytes] = {
        f"{variant}/{page}": text for variant, pages in editions.items() for page, text in pages.items()
    }
    files["assets/council.css"] = _council_css(council) + font_css(language) + _script_css(language)
    # The pages' own text too: council names, numbers and punctuation are not in the catalogues.
    shown = font_text + _theme_words(cfg, language) + "".join(t for pages in editions.values() for t in pages.values())
    for name, data in web_fonts(language, cfg.root / ".parentinfo" / "fonts", shown).items():
        files[f"assets/fonts/{name}"] = data
    _write_docs(docs, files)
    nav: list[Any] = [
        {labels.variants[variant]: [f"{variant}/{page}" for page in cfg.pages if page in pages]}
        for variant, pages in editions.items()
    ]
    if len(nav) == 1:
        nav = next(iter(nav[0].values()))
    lang = LANGUAGES[language]
    _run(
        cfg,
        work,
        {
            "site_name": labels.site_name,
            "site_url": f"{council.site_url.rstrip('/')}/{language}/",
            "docs_dir": str(docs),
            "site_dir": str(out),
            "nav": nav,
            "theme": {
                "language": language,
                "direction": "rtl" if lang.rtl else "ltr",
                "palette": {"primary": "custom"},
            },
            "extra_css": ["assets/stylesheets/parentinfo.css", "assets/council.css"],
            # Each page links to the same page in the other editions (overrides/main.html).
            "extra": {
                "editions": [{"dir": v, "title": labels.variants[v]} for v in editions],
                "stylesheets": [v for v in editions if EDITIONS[v].stylesheet],
                "editions_label": labels.editions,
                # Each page links its edition's leaflet: {variant: {href, text}} (overrides/main.html).
                "pdfs": pdfs,
            },
            # Notices link to the English page, which another build makes: checked site-wide by tests.
            "validation": {"links": {"not_found": "info", "unrecognized_links": "info"}},
        },
        {"language": language, "languages": [code for code in LANGUAGES if code in languages]},
    )


def build_home(cfg: SiteConfig, council: Council, markdown: str, print_page: str, work: Path, out: Path) -> None:
    """The council's home page, `site/<slug>/index.html`, linking every language and edition,
    and its print page, `print.html`, listing every leaflet."""
    docs = work / "docs"
    _write_docs(docs, {"index.md": markdown, "print.md": print_page, "assets/council.css": _council_css(council)})
    _run(
        cfg,
        work,
        {
            "site_name": f"{council.name}: Child Protection Conferences",
            "site_url": council.site_url,
            "docs_dir": str(docs),
            "site_dir": str(out),
            "nav": ["index.md", "print.md"],
            "extra": {"homepage": hooks.HOME_PAGE},  # not "." (a folder), which a strict server refuses
            # Its links lead into the language builds, which MkDocs cannot see from here;
            # tests check every link in the finished site instead.
            "validation": {"links": {"not_found": "info"}},
            "theme": {"language": "en", "palette": {"primary": "custom"}},
            "extra_css": ["assets/stylesheets/parentinfo.css", "assets/council.css"],
        },
        {"home": True},
    )
