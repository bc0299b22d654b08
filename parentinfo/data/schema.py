"""The council schema for people and editors: JSON Schema (`parentinfo schema`) and a commented
skeleton of every field (`parentinfo new SLUG`), both made from the pydantic models' docstrings."""

from __future__ import annotations

import datetime
import json
import types
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from parentinfo.data.council import Council
from parentinfo.data.loading import model_in

SCHEMA_FILE = "council.schema.json"
"""Beside the council files in councils/; each file names it on its first line."""
FIRST_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"
INTERNAL = ("slug", "national_contacts")


def json_schema() -> str:
    """JSON Schema of a council file: what VS Code's YAML extension checks while a team types."""
    schema = Council.model_json_schema()
    for key in INTERNAL:
        schema["properties"].pop(key, None)
    schema["required"] = [r for r in schema.get("required", []) if r not in INTERNAL]
    schema["title"] = "parentinfo council file"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def is_list(annotation: Any) -> bool:
    """True for a list field, optional or not."""
    if get_origin(annotation) is list:
        return True
    if get_origin(annotation) in (Union, types.UnionType):
        return any(is_list(a) for a in get_args(annotation))
    return False


def choices(annotation: Any) -> list[Any]:
    """The values a Literal field (or a list of them) allows."""
    if get_origin(annotation) is Literal:
        return list(get_args(annotation))
    return [c for arg in get_args(annotation) for c in choices(arg)]


def _hint(annotation: Any) -> str:
    """What kind of value a field takes, in words."""
    allowed = choices(annotation)
    if allowed:
        return "one of: " + ", ".join(map(str, allowed))
    text = repr(annotation)
    for words, marker in (
        ('text: a phone number, e.g. "0300 123 4567"', "Phone"),
        ("true or false", "bool"),
        ("a whole number", "int"),
        ("a time, HH:MM", "datetime.time"),
        ("a date, YYYY-MM-DD", "date"),
    ):
        if marker in text:
            return words
    return "text"


def _lines(model: type[BaseModel], indent: int, skip: tuple[str, ...] = ()) -> list[str]:
    out: list[str] = []
    pad = "  " * indent
    for name, field in model.model_fields.items():
        if name in skip:
            continue
        about = " ".join((field.description or "").split())
        required = field.is_required()
        annotation = field.annotation
        sub = model_in(annotation)
        listed = is_list(annotation)
        mark = "" if required else "# "
        out.append(f"{pad}# {about}{' (required)' if required else ''}")
        if sub is not None:
            inner = _lines(sub, indent + 2 if listed else indent + 1)
            out.append(f"{pad}{mark}{name}:")
            if listed:
                out.append(f"{pad}{mark}  -   # one entry per item, each with these fields:")
            # Inside an optional field everything is commented out, keeping its indentation.
            out += [line if required else f"{pad}# {line[len(pad) :]}" for line in inner]
        elif listed:
            out.append(f"{pad}{mark}{name}: []   # a list; each item {_hint(annotation)}")
        else:
            out.append(f"{pad}{mark}{name}:    # {_hint(annotation)}")
    return out


def skeleton(slug: str) -> str:
    """A new council file with every field, described; optional fields commented out."""
    today = datetime.date.today().isoformat()
    head = [
        FIRST_LINE,
        f"# councils/{slug}.yml: the facts of one council's guide. Fill in what your leaflet says;",
        "# delete what it does not. Every field is typed: `parentinfo check` says what is wrong.",
        f"# Facts you cannot confirm go under `unconfirmed:`. Written by `parentinfo new` on {today}.",
        "",
    ]
    return "\n".join(head + _lines(Council, 0, INTERNAL)) + "\n"
