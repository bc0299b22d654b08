"""`site/manifest.json`: every edition built, the contract between stages and with readers.

Shape: {"editions": [{"council", "language", "variant", "pages": [...], "pdf": null,
"untranslated": 0}]}, with `pages` relative to `site/` in reading order, sorted by council,
language order, variant order; `untranslated` counts the council's own sentences shown in English.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .languages import LANGUAGES, VARIANTS

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


def read(site: Path) -> list[dict[str, Any]]:
    """The editions in an existing site's manifest, or none."""
    try:
        return list(json.loads((site / NAME).read_text(encoding="utf-8"))["editions"])
    except (OSError, ValueError, KeyError, TypeError):
        return []
