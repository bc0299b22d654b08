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

from .errors import BuildError

FILE = "terms.yml"


@dataclass(frozen=True)
class Term:
    english: str
    use: str
    avoid: tuple[str, ...]


def load(locales: Path, lang: str) -> list[Term]:
    """The language's term base, or none if it has no file yet."""
    path = locales / lang / FILE
    if not path.exists():
        return []
    label = f"locales/{lang}/{FILE}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise BuildError(f"{label}: not valid YAML ({err})") from None
    if not isinstance(data, dict):
        raise BuildError(f"{label}: expected a mapping of English terms, found {type(data).__name__}")
    terms = []
    for english, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("use"), str):
            raise BuildError(f"{label}: {english}: expected `use:` (the agreed word) and optional `avoid:` (a list)")
        avoid = entry.get("avoid") or []
        if not isinstance(avoid, list) or not all(isinstance(a, str) and a for a in avoid):
            raise BuildError(f"{label}: {english}: avoid: expected a list of words")
        terms.append(Term(str(english), entry["use"], tuple(avoid)))
    return terms


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
