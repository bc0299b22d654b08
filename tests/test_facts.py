"""Every local fact is typed data said by shared sentences, in the standard guide and in easy read.

The schema is walked, not listed: a council with every fact set is rendered, then each fact is
taken away in turn. If the standard or the easy-read pages do not change, that fact never reaches
a reader of that edition. The built site is then checked for every council's own values.
"""

from __future__ import annotations

import copy
import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel
from sitetools import REPO, article, text_of

from parentinfo.data.council import Council
from parentinfo.data.loading import council_files, load_councils, model_in
from parentinfo.data.schema import choices, is_list
from parentinfo.data.values import Period
from parentinfo.outputs.site.site import SiteConfig
from parentinfo.render import Edition, render_edition

PAGES = [p for p in yaml.safe_load((REPO / "mkdocs.yml").read_text())["nav"]]
# Set by parentinfo or deployment settings, not facts a reader sees as sentences.
NOT_FACTS = {"slug", "site_url", "colour", "languages", "national", "national_contacts", "unconfirmed"}
# Facts for professionals or background, kept out of easy read on purpose.
STANDARD_ONLY = {
    "complaints.panel": "easy read says a group can look again; the partnership's name is not needed to act",
    "partnership": "the name of a body parents do not deal with",
    "about": "background (the name of government guidance, what conferences are called)",
    "procedures": "written for professionals",
    "about.working_together": "the name of government guidance",
    "about.initial_and_review": "easy read calls every later meeting a review meeting",
    "approach.whiteboard_headings": "column titles, not something a parent does",
    "approach.scale.name": "a label for the score, which easy read explains",
}


def _sample(annotation: Any, name: str) -> Any:
    """A value for a field, distinct enough to be found on a page."""
    named = {
        "phone": "0118 496 0123",
        "international": "+353 1 234 5678",
        "text": "71234",
        "email": "team@example.org",
        "colour": "#1d4f91",
        "opens": "09:30",
        "closes": "15:00",
        "to": 9,  # a range runs upwards from `number` (7, as every other whole number here)
    }
    if name in named:
        return named[name]
    if name in {"web", "site_url", "procedures"}:
        return "https://example.org/" + name.replace("_", "-")
    if choices(annotation):
        values = choices(annotation)
        return values if is_list(annotation) else values[0]
    if (sub := model_in(annotation)) is not None:
        value = full(sub)
        return [value] if is_list(annotation) else value
    text = repr(annotation)
    if "bool" in text:
        return True
    if "int" in text:
        return 7
    if "date" in text:
        return datetime.date.today().isoformat()
    words = f"Sample {name.replace('_', ' ')}"
    return [words] if is_list(annotation) else words


def full(model: type[BaseModel]) -> dict[str, Any]:
    """Every field of `model` set."""
    return {
        name: _sample(field.annotation, name)
        for name, field in model.model_fields.items()
        if name not in NOT_FACTS or name in {"site_url", "colour"}
    }


def leaves(model: type[BaseModel], prefix: tuple = ()) -> list[tuple]:
    """Paths of every fact in the schema; a list of choices gives one path per choice."""
    out: list[tuple] = []
    for name, field in model.model_fields.items():
        if (name in NOT_FACTS or name == "own_words") and not prefix:
            continue
        path = (*prefix, name)
        sub = model_in(field.annotation)
        if sub is not None and not is_list(field.annotation):
            out += leaves(sub, path) if field.is_required() or path != ("own_words",) else []
            if not field.is_required():
                out.append(path)
        elif choices(field.annotation) and is_list(field.annotation):
            out += [(*path, value) for value in choices(field.annotation)]
        elif not field.is_required():
            out.append(path)
    return out


def without(data: dict, path: tuple) -> dict:
    data = copy.deepcopy(data)
    *parents, last = path
    node: Any = data
    for key in parents:
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list):  # a choice in a list: drop that value
            node.remove(key)
            return data
    if isinstance(node, list):
        node.remove(last)
    elif isinstance(node, dict):
        node.pop(last, None)
    return data


def render(data: dict, variant: str) -> str:
    council = Council.model_validate({**data, "slug": "fixture"})
    statement = SiteConfig.read(REPO).statement
    pages = render_edition(REPO / "docs", Edition(council, "en", variant), PAGES, context=statement)
    return "\n".join(pages.values())


@pytest.fixture(scope="module")
def everything() -> dict:
    data = full(Council)
    data["own_words"] = {}
    data["name"] = "Fixtureshire"
    return data


def test_a_council_with_every_fact_is_valid(everything: dict) -> None:
    Council.model_validate({**everything, "slug": "fixture"})


@pytest.mark.parametrize("variant", ["standard", "easy-read"])
def test_each_typed_fact_is_said_in_each_edition(everything: dict, variant: str) -> None:
    base = render(everything, variant)
    silent = []
    for path in leaves(Council):
        key = ".".join(str(p) for p in path)
        if variant == "easy-read" and any(key.startswith(k) for k in STANDARD_ONLY):
            continue
        try:
            changed = render(without(everything, path), variant)
        except ValueError:  # a required part of an optional fact: covered by its parent
            continue
        if changed == base:
            silent.append(key)
    assert not silent, f"facts that change nothing in the {variant} pages: {silent}"


# ---- the built site: each council's own values on every edition's pages -----------------------


def _values(council: Council, variant: str) -> set[str]:
    """Names, numbers and addresses from the file that a reader must see, as they are written."""
    found: set[str] = set()
    skip = {key.rsplit(".", 1)[-1] for key in STANDARD_ONLY} if variant == "easy-read" else set()

    def walk(value: Any, name: str = "") -> None:
        if value is None:
            return
        if isinstance(value, Period):  # its numbers, in the reader's digits as written
            found.update(str(n) for n in (value.number, value.to) if n)
            return
        if isinstance(value, BaseModel):
            for key in type(value).model_fields:
                if key not in NOT_FACTS and key != "own_words" and key not in skip:
                    walk(getattr(value, key), key)
        elif isinstance(value, list):
            for item in value:
                walk(item, name)
        elif isinstance(value, int) and not isinstance(value, bool) and name not in {"number", "to"}:
            found.add(str(value))
        elif name in {"title", "unit", "runs_conferences", "list_kept_by", "panel", "team", "called"}:
            found.add(str(value))
        elif name == "national" and hasattr(value, "national"):
            found.add(value.national)

    walk(council)
    for contact in [*council.contacts, *council.national_contacts]:
        if contact.phone:
            found.add(contact.phone.national)
        found.update(contact.address)
    return found


def test_every_council_value_is_on_every_edition(built: Path) -> None:
    councils = {c.slug: c for c in load_councils(built)}
    editions = json.loads((built / "site" / "manifest.json").read_text())["editions"]
    assert {e["council"] for e in editions} == {p.stem for p in council_files(built)}
    missing = []
    for e in editions:
        text = " ".join(text_of(article((built / "site" / p).read_text())) for p in e["pages"])
        text = re.sub(r"\s+", " ", text)
        for value in sorted(_values(councils[e["council"]], e["variant"])):
            if value not in text:
                missing.append(f"{e['council']}/{e['language']}/{e['variant']}: {value!r}")
    assert not missing, f"{len(missing)} values missing, e.g. " + "\n".join(missing[:15])
