"""Shards built apart (one CI job per council or language) merge into the site a full build makes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
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


def _first_folder(site: Path) -> str:
    entry = json.loads((site / "manifest.json").read_text())["editions"][0]
    return f"{entry['council']}/{entry['language']}"


# What a shard from another machine may carry that would publish something of the merging one,
# or break the merge: each case damages a copy of a built site, by name.
SHARD_FAULTS = {
    "symlink-to-a-secret": lambda shard, folder, secret: (shard / folder / "standard" / "notes.txt").symlink_to(secret),
    "symlinked-folder": lambda shard, folder, secret: (shard / folder / "linked").symlink_to(secret.parent),
    "named-pipe": lambda shard, folder, secret: os.mkfifo(shard / folder / "standard" / "pipe"),
    "listed-folder-missing": lambda shard, folder, secret: shutil.rmtree(shard / folder),
    "listed-page-missing": lambda shard, folder, secret: (shard / folder / "standard" / "index.html").unlink(),
    "entry-outside-the-shard": lambda shard, folder, secret: _edit_manifest(shard, "../../etc/passwd"),
}
EXPECTED = {
    "symlink-to-a-secret": "{shard}/{folder}/standard/notes.txt: a symbolic link; a shard may hold only regular files",
    "symlinked-folder": "{shard}/{folder}/linked: a symbolic link; a shard may hold only regular files",
    "named-pipe": "{shard}/{folder}/standard/pipe: not a regular file (a device, socket or pipe); "
    "a shard may hold only regular files",
    "listed-folder-missing": "{shard}/{folder}: listed in {shard}/manifest.json, but not a folder in the shard",
    "listed-page-missing": "{shard}/manifest.json: {folder}/standard/index.html: listed, but not a file in the shard",
    "entry-outside-the-shard": "{shard}/manifest.json: editions[0]: not an edition entry written by parentinfo",
}


def _edit_manifest(shard: Path, page: str) -> None:
    data = json.loads((shard / "manifest.json").read_text())
    data["editions"][0]["pages"][0] = page
    (shard / "manifest.json").write_text(json.dumps(data))


@pytest.mark.parametrize("case", sorted(SHARD_FAULTS))
def test_a_shard_brings_only_its_own_regular_files(built: Path, tmp_path: Path, case: str) -> None:
    shard = tmp_path / "shard"
    shutil.copytree(built / "site", shard, symlinks=True)
    folder = _first_folder(shard)
    secret = tmp_path / "secret" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("TOPSECRET")
    SHARD_FAULTS[case](shard, folder, secret)
    root = copy_project(tmp_path / "merge")
    shutil.copytree(built / "site", root / "site")
    before = snapshot(root / "site")
    result = run_cli(root, "merge", str(shard))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert f"error: {EXPECTED[case].format(shard=shard, folder=folder)}" in lines
    assert lines[-1] == "Stopped; site/ was not changed."
    assert snapshot(root / "site") == before
