"""`site/manifest.json`: every edition built, the contract between stages and with readers.

Shape: {"editions": [{"council", "language", "variant", "pages": [...], "pdf": null,
"untranslated": 0}]}, with `pages` relative to `site/` in reading order, sorted by council,
language order, variant order; `untranslated` counts the council's own sentences shown in English.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from parentinfo.data.values import SLUG
from parentinfo.editions import VARIANTS
from parentinfo.errors import BuildError
from parentinfo.languages import LANGUAGES

NAME = "manifest.json"


def entry(
    council: str, language: str, variant: str, pages: list[str], pdf: str | None = None, untranslated: int = 0
) -> dict[str, Any]:
    return {
        "council": council,
        "language": language,
        "variant": variant,
        "pages": pages,
        "pdf": pdf,
        "untranslated": untranslated,
    }


def _key(e: dict[str, Any]) -> tuple[str, int, int]:
    langs = list(LANGUAGES)
    return (e["council"], langs.index(e["language"]), VARIANTS.index(e["variant"]))


def merge(old: list[dict[str, Any]], new: list[dict[str, Any]], rebuilt: set[tuple[str, str]]) -> list[dict[str, Any]]:
    """Keep old entries of council × language pairs not rebuilt this time; replace those that were."""
    kept = [e for e in old if (e["council"], e["language"]) not in rebuilt and e.get("language") in LANGUAGES]
    return sorted(kept + new, key=_key)


def dumps(editions: list[dict[str, Any]]) -> str:
    return json.dumps({"editions": editions}, indent=2, ensure_ascii=False) + "\n"


def _well_formed(e: Any) -> bool:
    """An entry this code could have written: a council slug, a known language and variant, and
    pages and leaflet inside that council × language folder."""
    if not isinstance(e, dict) or not isinstance(e.get("pages"), list) or not isinstance(e.get("untranslated", 0), int):
        return False
    council, language = e.get("council"), e.get("language")
    named = isinstance(council, str) and SLUG.match(council) is not None
    if not (named and language in LANGUAGES and e.get("variant") in VARIANTS):
        return False
    paths = [*e["pages"], *([e["pdf"]] if e.get("pdf") is not None else [])]
    folder = f"{council}/{language}/"
    return all(isinstance(p, str) and p.startswith(folder) and ".." not in p.split("/") for p in paths)


def read(site: Path, strict: bool = False) -> list[dict[str, Any]]:
    """The editions in an existing site's manifest, or none.

    Entries this code could not have written are dropped, or with `strict` (a shard from
    another machine) an error."""
    try:
        found = json.loads((site / NAME).read_text(encoding="utf-8"))["editions"]
        if not isinstance(found, list):
            raise TypeError
    except (OSError, ValueError, KeyError, TypeError):
        return []
    bad = [i for i, e in enumerate(found) if not _well_formed(e)]
    if bad and strict:
        raise BuildError(f"{site / NAME}: editions[{bad[0]}]: not an edition entry written by parentinfo")
    return [e for i, e in enumerate(found) if i not in bad]
