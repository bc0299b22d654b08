"""The term base: one agreed word per role and term in each language, and the words to avoid.

`locales/<lang>/terms.yml` maps each English term to the word translators use for it and to words
that mislead readers of that language (the lawyer's title for "advocate", a phrase that turns
"at least every 15 days" into "at least 15 days apart"). `parentinfo check` and the build flag a
catalogue message that uses a word to avoid, naming the term base's own word.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog

from parentinfo.errors import BuildError

FILE = "terms.yml"
# The key of terms.yml that holds the word forms per plural category (parentinfo/i18n/plurals.py).
PLURAL_FORMS = "plural forms"


@dataclass(frozen=True)
class Term:
    english: str
    use: str
    avoid: tuple[str, ...]


def _read(locales: Path, lang: str) -> tuple[dict, str]:
    path = locales / lang / FILE
    label = f"locales/{lang}/{FILE}"
    if not path.exists():
        return {}, label
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise BuildError(f"{label}: not valid YAML ({err})") from None
    if not isinstance(data, dict):
        raise BuildError(f"{label}: expected a mapping of English terms, found {type(data).__name__}")
    return data, label


def load(locales: Path, lang: str) -> list[Term]:
    """The language's term base, or none if it has no file yet."""
    data, label = _read(locales, lang)
    terms = []
    for english, entry in data.items():
        if english == PLURAL_FORMS:
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("use"), str):
            raise BuildError(f"{label}: {english}: expected `use:` (the agreed word) and optional `avoid:` (a list)")
        avoid = entry.get("avoid") or []
        if not isinstance(avoid, list) or not all(isinstance(a, str) and a for a in avoid):
            raise BuildError(f"{label}: {english}: avoid: expected a list of words")
        terms.append(Term(str(english), entry["use"], tuple(avoid)))
    return terms


def plural_forms(locales: Path, lang: str) -> tuple[dict[str, dict[str, tuple[str, ...]]], str]:
    """The counted words' forms per CLDR plural category, {"day": {"one": ("dia",), …}}, and
    where they are written (for messages)."""
    data, label = _read(locales, lang)
    table = data.get(PLURAL_FORMS) or {}
    where = f"{label}: {PLURAL_FORMS}"
    if not isinstance(table, dict):
        raise BuildError(f"{where}: expected a mapping of English words to their forms, found {type(table).__name__}")
    out = {}
    for word, forms in table.items():
        if not isinstance(forms, dict):
            raise BuildError(f"{where}: {word}: expected a form for each plural category (one: …, other: …)")
        entry = {}
        for category, form in forms.items():
            if isinstance(form, str):
                form = [form]
            if not isinstance(form, list) or not form or not all(isinstance(f, str) and f for f in form):
                raise BuildError(f"{where}: {word}: {category}: expected a word or a list of words, found {form!r}")
            entry[str(category)] = tuple(form)
        out[str(word)] = entry
    return out, where


def check(catalog: Catalog, terms: list[Term], label: str) -> list[str]:
    """Every translated message that uses a word the term base says to avoid."""
    problems = []
    for message in catalog:
        if not message.id:
            continue
        forms = [message.string] if isinstance(message.string, str) else list(message.string or ())
        for term in terms:
            for word in term.avoid:
                if any(word.casefold() in (form or "").casefold() for form in forms):
                    first = message.id if isinstance(message.id, str) else message.id[0]
                    problems.append(
                        f"{label}:{message.lineno}: msgid {first!r}: uses {word!r} for {term.english!r};"
                        f" the term base says {term.use!r}"
                    )
    return problems
