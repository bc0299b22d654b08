"""Gettext catalogues: extract every reader-visible string, update PO files, check, compile.

Three domains, one POT each in `locales/`:
- `guide`: the standard guide source in `docs/` (one message per heading, paragraph or list item),
  with the shared macros and the words around the guide;
- `easy-read`: the easy-read source in `docs/easy-read/`, written and translated on its own;
- `councils`: prose fields (typed `Text`) from `councils/*.yml`.
Translations live in `locales/<lang>/LC_MESSAGES/<domain>.po`; .mo files are built, never committed.
"""

from __future__ import annotations

import gettext
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from pydantic import BaseModel

from parentinfo.data import yamlfile
from parentinfo.data.council import Council
from parentinfo.data.loading import load_councils
from parentinfo.data.values import _text
from parentinfo.errors import BuildError
from parentinfo.i18n import pocheck, terms
from parentinfo.languages import LANGUAGES, SOURCE_LANGUAGE
from parentinfo.render import Marked, Review

DOMAINS = ("guide", "easy-read", "councils")
PROJECT = "parentinfo"
JINJA_OPTIONS = {"trimmed": "true", "newstyle_gettext": "true", "silent": "false"}


def locales(root: Path) -> Path:
    return root / "locales"


def po_path(root: Path, lang: str, domain: str) -> Path:
    return locales(root) / lang / "LC_MESSAGES" / f"{domain}.po"


# ---- extraction ----------------------------------------------------------------------------------


def _template() -> Catalog:
    return Catalog(project=PROJECT, version="1", msgid_bugs_address="", fuzzy=False)


# Which files of docs/ each domain reads; the first matching pattern wins, files matching none
# are skipped. (An "ignore" pattern also stops babel walking into a folder it matches.)
SOURCE_FILES = {
    "guide": [("easy-read/**", "ignore"), ("**.md", "jinja2"), ("**.jinja", "jinja2")],
    "easy-read": [("easy-read/**.md", "jinja2"), ("easy-read/**.jinja", "jinja2")],
}


def extract_guide(root: Path, domain: str = "guide") -> Catalog:
    """Messages from the guide source, with `docs/<file>:<line>` references."""
    catalog = _template()
    method_map = SOURCE_FILES[domain]
    options = {pattern: JINJA_OPTIONS for pattern, method in method_map if method == "jinja2"}
    try:
        for name, line, msg, comments, context in extract_from_dir(root / "docs", method_map, options):
            catalog.add(
                msg,
                locations=[(f"docs/{name}", line)],
                auto_comments=comments,
                context=context,
                flags=("python-format",) if pocheck.PLACEHOLDER.search(str(msg)) else (),
            )
    except Exception as err:  # jinja2 raises TemplateSyntaxError with file and line
        raise BuildError(f"docs/: cannot extract messages ({err})") from None
    return catalog


def _is_text(annotation: Any) -> bool:
    """True for `Text` and containers of it (list[Text], Text | None)."""
    meta = getattr(annotation, "__metadata__", ())
    if any(getattr(m, "func", None) is _text for m in meta):
        return True
    return any(_is_text(arg) for arg in get_args(annotation))


def _prose(value: Any, loc: tuple, annotation: Any = None) -> list[tuple[tuple, str]]:
    """(path, text) for every Text value inside a validated model."""
    if isinstance(value, BaseModel):
        out = []
        for name, field in type(value).model_fields.items():
            # rebuild_annotation() keeps the Annotated metadata pydantic strips from required fields.
            out += _prose(getattr(value, name), (*loc, name), field.rebuild_annotation())
        return out
    if isinstance(value, list):
        return [item for i, v in enumerate(value) for item in _prose(v, (*loc, i), annotation)]
    if isinstance(value, str) and annotation is not None and _is_text(annotation):
        return [(loc, value)]
    return []


def extract_councils(root: Path, councils: list[Council] | None = None) -> Catalog:
    """Prose from every council file (and the national file), with `councils/<file>:<line>` references."""
    catalog = _template()
    councils = councils or load_councils(root)
    for council in councils:
        path = root / "councils" / f"{council.slug}.yml"
        _, lines = yamlfile.load(path, f"councils/{path.name}")
        for loc, text in _prose(council.model_copy(update={"national_contacts": []}), ()):
            catalog.add(text, locations=[(f"councils/{path.name}", yamlfile.line_of(lines, loc) or 0)])
    national = root / "councils" / "_national.yml"
    if national.exists():
        _, lines = yamlfile.load(national, "councils/_national.yml")
        seen: set[str] = set()
        for council in councils:
            for key, contact in zip(council.national, council.national_contacts, strict=True):
                if key in seen:
                    continue
                seen.add(key)
                for loc, text in _prose(contact, (key,)):
                    catalog.add(text, locations=[("councils/_national.yml", yamlfile.line_of(lines, loc) or 0)])
    return catalog


def extract(root: Path) -> dict[str, Catalog]:
    return {
        "guide": extract_guide(root),
        "easy-read": extract_guide(root, "easy-read"),
        "councils": extract_councils(root),
    }


# ---- reading and writing PO files --------------------------------------------------------------


# Parsed catalogues by path and content: one build checks, compiles and reads each PO file for
# its letters, and parsing is the slow part. Callers must not change what `read` returns.
_PARSED: dict[tuple[Path, bytes], Catalog] = {}


def read(path: Path, lang: str) -> Catalog:
    """A PO file's catalogue, shared: treat it as read-only (`read_fresh` for one to change)."""
    try:
        key = (path.resolve(), hashlib.sha1(path.read_bytes()).digest())
    except OSError as err:
        raise BuildError(f"{pocheck.label_of(path)}: cannot read this PO file ({err.strerror})") from None
    if key not in _PARSED:
        _PARSED[key] = read_fresh(path, lang)
    return _PARSED[key]


def read_fresh(path: Path, lang: str) -> Catalog:
    """A PO file's catalogue, once its lines and header are sound (else a BuildError naming the line)."""
    label = pocheck.label_of(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise BuildError(f"{label}: cannot read this PO file ({err.strerror})") from None
    problems = pocheck.lines(raw, label)
    if problems:
        raise BuildError(problems)
    try:
        catalog = read_po(io.BytesIO(raw), locale=lang, abort_invalid=True)
    except Exception as err:
        raise BuildError(f"{label}: cannot read this PO file ({err})") from None
    problems = pocheck.header(catalog, lang, raw.decode("utf-8"), label)
    if problems:
        raise BuildError(problems)
    return catalog


def dump(catalog: Catalog, template: bool = False) -> bytes:
    buf = io.BytesIO()
    write_po(
        buf,
        catalog,
        width=100,
        sort_output=False,
        omit_header=False,
        ignore_obsolete=True,
        include_previous=True,
    )
    return buf.getvalue()


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write only when the bytes differ, so an unchanged catalogue keeps its time stamp."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def update(root: Path, languages: list[str] | None = None) -> list[str]:
    """Write the POTs and bring each PO up to date: new messages empty, changed ones fuzzy."""
    written = []
    for domain, template in extract(root).items():
        pot = locales(root) / f"{domain}.pot"
        if write_if_changed(pot, _stable(dump(template))):
            written.append(str(pot.relative_to(root)))
        for lang in languages or [code for code in LANGUAGES if code != SOURCE_LANGUAGE]:
            path = po_path(root, lang, domain)
            if path.exists():
                catalog = read_fresh(path, lang)
            else:
                catalog = Catalog(
                    locale=lang,
                    project=PROJECT,
                    version="1",
                    fuzzy=False,
                    header_comment=f"# {LANGUAGES[lang].english} translation of parentinfo ({domain}).\n"
                    "# Review-Status: draft",
                )
            catalog.update(template, update_header_comment=False)
            if write_if_changed(path, _stable(dump(catalog))):
                written.append(str(path.relative_to(root)))
    return written


def _stable(data: bytes) -> bytes:
    """Drop the dates and the Babel version babel stamps on every write, so output is reproducible
    (a newer Babel must not rewrite every catalogue)."""
    return re.sub(rb'"(POT-Creation-Date|PO-Revision-Date|Generated-By): [^"]*\\n"\n', b"", data)


# ---- checks --------------------------------------------------------------------------------------


@dataclass
class Status:
    lang: str
    domain: str
    total: int
    translated: int
    fuzzy: int
    review: str

    @property
    def untranslated(self) -> int:
        return self.total - self.translated - self.fuzzy


def review(root: Path, lang: str) -> Review:
    """Who checked a language's translation and when, from its guide catalogue's header."""
    match = pocheck.REVIEW.search(read(po_path(root, lang, "guide"), lang).header_comment or "")
    if match and match.group("who"):  # a plain name and a real date: read() checked both
        return Review(match.group("who"), match.group("date"))
    return Review()


def review_status(catalog: Catalog) -> str:
    match = pocheck.REVIEW.search(catalog.header_comment or "")
    return match.group(1) if match else "missing"


def check(
    root: Path,
    languages: list[str] | None = None,
    allow_incomplete: bool = False,
    councils: list[Council] | None = None,
    strict_prose: bool = False,
) -> tuple[list[str], list[Status]]:
    """Every problem in every catalogue, and each catalogue's status.

    The shared guide must be complete in a published language. A council's own sentences
    (`councils` domain, only those of `councils`) may be untranslated: they are shown in English,
    marked as English, on that council's pages only; `strict_prose` makes them problems too.
    """
    problems: list[str] = []
    statuses: list[Status] = []
    councils = councils if councils is not None else load_councils(root)
    templates = {
        "guide": extract_guide(root),
        "easy-read": extract_guide(root, "easy-read"),
        "councils": extract_councils(root, councils),
    }
    for lang in languages or [code for code in LANGUAGES if code != SOURCE_LANGUAGE]:
        for domain in DOMAINS:
            incomplete_ok = allow_incomplete or (domain == "councils" and not strict_prose)
            path = po_path(root, lang, domain)
            label = str(path.relative_to(root))
            if not path.exists():
                problems.append(f"{label}: missing; run `parentinfo i18n update`")
                continue
            try:
                catalog = read(path, lang)
            except BuildError as err:
                problems += err.problems
                continue
            problems += terms.check(catalog, terms.load(locales(root), lang), label)
            wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in templates[domain] if m.id}
            total = translated = fuzzy = 0
            single = pocheck.single_number_forms(catalog)
            for message in catalog:
                if not message.id:
                    continue
                key = message.id if isinstance(message.id, str) else message.id[0]
                if key not in wanted:
                    continue
                total += 1
                where = f"{label}:{message.lineno or 0}: msgid {pocheck.ids(message)[0]!r}"
                done = all(pocheck.forms(message))
                if message.fuzzy and done:
                    fuzzy += 1
                    if not incomplete_ok:
                        problems.append(f"{where}: fuzzy (its English changed): check it and remove the fuzzy flag")
                elif done:
                    translated += 1
                elif not incomplete_ok:
                    problems.append(f"{where}: not translated")
                problems += pocheck.message(message, where, single)
            missing = wanted - {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
            if missing and not incomplete_ok and domain == "councils":
                # A council's new sentence: say where it is, so the web team knows what to change.
                for message in templates[domain]:
                    if message.id in missing:
                        where = ":".join(map(str, message.locations[0])) if message.locations else label
                        language = LANGUAGES[lang].english
                        problems.append(f"{where}: {message.id!r} has no {language} translation ({label})")
            elif missing and not incomplete_ok:
                problems.append(
                    f"{label}: {len(missing)} message(s) of the source are missing; run `parentinfo i18n update`"
                )
            total += len(missing)
            status = review_status(catalog)
            if status == "missing":
                problems.append(
                    f"{label}: header comment needs 'Review-Status: draft' or "
                    "'Review-Status: checked by NAME on YYYY-MM-DD'"
                )
            statuses.append(Status(lang, domain, total, translated, fuzzy, status))
    return problems, statuses


def with_advice(problems: list[str], strict: bool = False) -> list[str]:
    """Problems, and what a web team can do about missing translations."""
    incomplete = ("not translated", "fuzzy (its English changed)", "are missing", " translation (locales/")
    if not any(word in p for p in problems for word in incomplete):
        return problems
    advice = (
        "to publish now: list only the languages you want under `languages:` in your council file,"
        " or build with --allow-fallback to show the missing parts in English, marked as English"
    )
    if strict:
        advice += " (without --strict, a council's own untranslated sentences are shown that way too)"
    return [*problems, advice]


# ---- compiling and loading -----------------------------------------------------------------------


def compile_all(root: Path, out: Path, languages: list[str]) -> None:
    """Write .mo files (translated, non-fuzzy messages only) under `out/<lang>/LC_MESSAGES/`."""
    for lang in languages:
        if lang == SOURCE_LANGUAGE:
            continue
        for domain in DOMAINS:
            catalog = read(po_path(root, lang, domain), lang)
            buf = io.BytesIO()
            write_mo(buf, catalog, use_fuzzy=False)
            write_if_changed(out / lang / "LC_MESSAGES" / f"{domain}.mo", buf.getvalue())


def text(root: Path, lang: str) -> str:
    """Every translation of a language, all domains: the characters its pages can show."""
    parts = []
    for domain in DOMAINS:
        path = po_path(root, lang, domain)
        if lang != SOURCE_LANGUAGE and path.exists():
            parts += [form for message in read(path, lang) if message.id for form in pocheck.forms(message) if form]
    return "\n".join(parts)


def translations(out: Path, lang: str, *domains: str) -> Marked:
    """A language's compiled messages, marking any English fallback.

    With several domains, each later one fills in what the earlier lack (easy-read pages also
    use the guide's shared macros).
    """
    if lang == SOURCE_LANGUAGE:
        return Marked(gettext.NullTranslations(), lang)
    files = [(out / lang / "LC_MESSAGES" / f"{domain}.mo").read_bytes() for domain in domains]
    assert files, "translations() needs at least one domain"
    key = tuple(hashlib.sha1(data).digest() for data in files)
    if key not in _LOADED:
        chain = gettext.GNUTranslations(io.BytesIO(files[0]))
        for data in files[1:]:
            chain.add_fallback(gettext.GNUTranslations(io.BytesIO(data)))
        _LOADED[key] = chain
    return Marked(_LOADED[key], lang)


# Compiled catalogues by content: every edition of a language uses the same ones.
_LOADED: dict[tuple[bytes, ...], gettext.GNUTranslations] = {}
