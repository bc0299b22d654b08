"""Publishing (parentinfo/publish/publish.py): the next site is assembled beside the published one and
switched in one step; files outside a partial build's scope and unchanged files are kept."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sitetools import REPO, snapshot

from parentinfo.errors import BuildError
from parentinfo.publish import publish


def tree(top: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (top / rel).parent.mkdir(parents=True, exist_ok=True)
        (top / rel).write_text(text)
    return top


def test_first_publish_creates_the_site(tmp_path: Path) -> None:
    stage = tree(tmp_path / "stage", {"index.html": "a", "x/page.html": "b"})
    report = publish.sync(stage, tmp_path / "site")
    assert snapshot(tmp_path / "site") == {"index.html": b"a", "x/page.html": b"b"}
    assert report.written == ["index.html", "x/page.html"] and not report.removed


def test_a_change_switches_the_whole_site_and_keeps_unchanged_files(tmp_path: Path) -> None:
    site = tree(tmp_path / "site", {"same.html": "s", "old.html": "o", "changed.html": "1", "other/kept.html": "k"})
    before = {p: (site / p).stat() for p in ("same.html", "other/kept.html")}
    time.sleep(0.01)
    stage = tree(tmp_path / "stage", {"same.html": "s", "changed.html": "2", "new.html": "n"})
    report = publish.sync(stage, site, scope=["same.html", "old.html", "changed.html", "new.html"])
    assert snapshot(site) == {"same.html": b"s", "changed.html": b"2", "new.html": b"n", "other/kept.html": b"k"}
    assert (report.written, report.removed, report.unchanged) == (["changed.html", "new.html"], ["old.html"], 1)
    # Unchanged and out-of-scope files are the published ones, not rewritten: same time stamp.
    for rel, stat in before.items():
        assert (site / rel).stat().st_mtime_ns == stat.st_mtime_ns
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "stage"]


def test_nothing_changed_leaves_the_site_folder_itself_alone(tmp_path: Path) -> None:
    site = tree(tmp_path / "site", {"index.html": "a"})
    inode = site.stat().st_ino
    report = publish.sync(tree(tmp_path / "stage", {"index.html": "a"}), site)
    assert (report.written, report.removed, report.unchanged) == ([], [], 1)
    assert site.stat().st_ino == inode


def test_a_site_folder_that_is_a_link_stays_a_link(tmp_path: Path) -> None:
    real = tree(tmp_path / "www", {"index.html": "a"})
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "site").symlink_to(real)
    publish.sync(tree(tmp_path / "stage", {"index.html": "b"}), tmp_path / "project" / "site")
    assert (tmp_path / "project" / "site").is_symlink()
    assert (real / "index.html").read_text() == "b"


def test_a_failure_part_way_leaves_the_old_site_and_no_leftovers(tmp_path: Path, monkeypatch) -> None:
    site = tree(tmp_path / "site", {"a.html": "1", "b.html": "1"})
    stage = tree(tmp_path / "stage", {"a.html": "2", "b.html": "2"})
    calls = []

    def full(src: Path, dst: Path) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(dst))
        dst.write_bytes(src.read_bytes())

    monkeypatch.setattr(publish, "_copy", full)
    with pytest.raises(BuildError) as err:
        publish.sync(stage, site)
    assert err.value.problems == [
        f"{tmp_path}/site.parentinfo-new/b.html: could not publish (No space left on device); "
        "site/ is still the last complete site"
    ]
    assert snapshot(site) == {"a.html": b"1", "b.html": b"1"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "stage"]


@pytest.mark.parametrize(
    ("left", "expected"),
    [
        ({"site": "new", "site.parentinfo-new": "newer"}, "new"),  # killed while assembling
        ({"site": "new", "site.parentinfo-old": "old"}, "new"),  # killed while discarding
        ({"site.parentinfo-old": "old", "site.parentinfo-new": "new"}, "new"),  # between two renames
    ],
)
def test_the_next_publish_clears_what_an_interrupted_one_left(tmp_path: Path, left: dict, expected: str) -> None:
    for folder, text in left.items():
        tree(tmp_path / folder, {"index.html": text})
    publish.recover(tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (tmp_path / "site" / "index.html").read_text() == expected


def test_a_second_build_waits_for_the_lock_and_says_so(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from parentinfo.publish import publish\n"
            "with publish.exclusive(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(2)",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert holder.stdout and holder.stdout.readline() == "held\n"
    said: list[str] = []
    started = time.monotonic()
    with publish.exclusive(tmp_path, said.append):
        waited = time.monotonic() - started
    holder.wait()
    assert said == [f"Waiting for another build of this project to finish (process {holder.pid})"]
    assert waited > 0.5
