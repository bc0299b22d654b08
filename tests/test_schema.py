"""The schema a web team reads: a commented skeleton of every field, and JSON Schema for editors."""

from __future__ import annotations

import json

import yaml
from sitetools import REPO, copy_project
from test_build import run_cli

from parentinfo.data.council import Council
from parentinfo.data.schema import FIRST_LINE, SCHEMA_FILE, json_schema, skeleton


def test_committed_json_schema_is_up_to_date() -> None:
    # Regenerate with `parentinfo schema --write` after changing the schema.
    assert (REPO / "councils" / SCHEMA_FILE).read_text() == json_schema()


def test_every_council_file_names_the_schema_on_its_first_line() -> None:
    for path in sorted((REPO / "councils").glob("[!_]*.yml")):
        assert path.read_text().splitlines()[0] == FIRST_LINE, path.name


def test_json_schema_describes_every_field_and_hides_internal_ones() -> None:
    schema = json.loads(json_schema())
    assert "slug" not in schema["properties"] and "national_contacts" not in schema["properties"]
    for name, field in schema["properties"].items():
        # A field typed by a model may carry the model's description instead of its own.
        ref = field.get("$ref", "").rsplit("/", 1)[-1]
        assert field.get("description") or schema["$defs"].get(ref, {}).get("description"), name


def test_skeleton_lists_every_field_and_becomes_a_council_when_filled(tmp_path) -> None:
    text = skeleton("testshire")
    for name in Council.model_fields:
        if name not in ("slug", "national_contacts"):
            assert f"{name}:" in text, name
    filled = (
        text.replace("name:    # text", "name: Testshire")
        .replace("checked:    # a date, YYYY-MM-DD", "checked: 2026-11-30")
        .replace("site_url:    # text", "site_url: https://example.org/testshire/")
        .replace("colour:    # text", 'colour: "#1d4f91"')
        .replace("  title:    # text", "  title: Conference Chair")
    )
    Council.model_validate({**yaml.safe_load(filled), "slug": "testshire"})


def test_new_writes_the_skeleton_once(tmp_path) -> None:
    root = copy_project(tmp_path)
    first = run_cli(root, "new", "testshire")
    assert first.returncode == 0, first.stderr
    assert (root / "councils" / "testshire.yml").read_text().splitlines()[0] == FIRST_LINE
    again = run_cli(root, "new", "testshire")
    assert again.returncode == 1
    assert again.stderr.splitlines()[0] == (
        "error: councils/testshire.yml: already exists; edit it, or choose another name"
    )
