"""Shards built apart (one CI job per council or language) merge into the site a full build makes."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitetools import copy_project, snapshot
from test_build import run_cli


def shard(tmp_path: Path, name: str, built: Path, *args: str) -> Path:
    """Build one shard in its own copy of the project, as a separate machine would."""
    root = copy_project(tmp_path / name)
    # The leaflet cache travels as a CI cache would; pages are built afresh.
    shutil.copytree(built / ".parentinfo" / "pdf", root / ".parentinfo" / "pdf")
    result = run_cli(root, "build", *args)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_merged_shards_equal_the_full_build(built: Path, tmp_path: Path) -> None:
    first = shard(tmp_path, "a", built, "--council", "solihull", "--council", "somerset")
    second = shard(tmp_path, "b", built, "--council", "east-riding")
    third = shard(tmp_path, "c", built, "--council", "south-gloucestershire", "--council", "staffordshire")
    root = copy_project(tmp_path / "merge")
    result = run_cli(root, "merge", str(first), str(second), str(third))
    assert result.returncode == 0, result.stderr
    assert snapshot(root / "site") == snapshot(built / "site")


def test_overlapping_or_foreign_shards_are_refused(built: Path, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "merge")
    (tmp_path / "empty").mkdir()
    result = run_cli(root, "merge", str(built / "site"), str(built / "site"), str(tmp_path / "empty"))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert f"error: {tmp_path / 'empty'}: no manifest.json with editions; expected a site/ built by parentinfo" in lines
    assert f"error: {built / 'site'}: solihull/en is also in {built / 'site'}; shards must not overlap" in lines
    assert lines[-1] == "Stopped; site/ was not changed."
    assert "Traceback" not in result.stderr
    assert not (root / "site").exists()
