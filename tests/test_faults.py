"""Faults while building and publishing: `site/` is always the whole old site or the whole new
one, a damaged cache is never published, and the next build recovers on its own.

Each fault is a file in tests/fixtures/faults/, named after the red-team case it covers, run by
its name: `fault()` patches one step of the real build, in the build's own process (a kill, a
full or read-only disk); `prepare(root)` damages the project's caches first. The project is the
fixture council alone, in English. Two builds at once (F02) and the shard faults (M01, M02, in
test_merge.py) are tests of their own.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest
from sitetools import REPO, copy_project, snapshot

FAULTS = Path(__file__).parent / "fixtures" / "faults"
CASES = sorted(p.stem for p in FAULTS.glob("[!_]*.py"))
FIXTURE = Path(__file__).parent / "fixtures" / "new-council" / "newtown.yml"
ARGS = ("build", "--council", FIXTURE.stem, "--language", "en")


def _case(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, FAULTS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(root: Path, case: str | None = None, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line in `root`, with the fault `case` installed in its process."""
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{FAULTS}"}
    command = [sys.executable, str(FAULTS / "_run.py"), str(FAULTS / f"{case or '_none'}.py"), *(args or ARGS)]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=600)


def small_project(root: Path) -> Path:
    """The project's sources with the fixture council as its only council."""
    copy_project(root)
    for council in (root / "councils").glob("[!_]*.yml"):
        council.unlink()
    shutil.copy(FIXTURE, root / "councils" / FIXTURE.name)
    return root


def change(root: Path) -> None:
    """An input change that alters every page and leaflet of the council: its colour."""
    path = root / "councils" / FIXTURE.name
    path.write_text(path.read_text().replace('colour: "#1d4f91"', 'colour: "#1d4f92"'))


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith("site.parentinfo-"))


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A built project (its site/ and caches), with the site before and after `change`."""
    old = small_project(tmp_path_factory.mktemp("faults") / "old")
    assert 'colour: "#1d4f91"' in (old / "councils" / FIXTURE.name).read_text()
    assert run(old).returncode == 0
    new = tmp_path_factory.mktemp("faults") / "new"
    shutil.copytree(old, new, symlinks=True)
    change(new)
    assert run(new).returncode == 0
    return old, snapshot(old / "site"), snapshot(new / "site")


def test_every_case_says_what_it_expects() -> None:
    assert CASES
    for name in CASES:
        case = _case(name)
        assert case.__doc__ and isinstance(case.EXIT, int) and case.LEAVES in ("old", "new", "none"), name
        assert hasattr(case, "fault") or hasattr(case, "prepare"), name


@pytest.mark.parametrize("name", CASES)
def test_a_fault_leaves_a_whole_site_and_the_next_build_recovers(
    sites: tuple[Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path, name: str
) -> None:
    built, old, new = sites
    case = _case(name)
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    if getattr(case, "CHANGE", True):
        change(root)
    else:
        new = old
    if hasattr(case, "prepare"):
        case.prepare(root)

    result = run(root, name)
    assert result.returncode == case.EXIT, result.stderr
    assert "Traceback" not in result.stderr
    if case.EXIT == 1:
        lines = result.stderr.splitlines()
        assert lines[0].startswith("error: ") and case.ERROR in lines[0], lines
        assert lines[-1] == "Stopped; site/ was not changed."
    # Never a mix: the whole old site, the whole new one, or (only without an atomic exchange)
    # none for a moment.
    assert snapshot(root / "site") == {"old": old, "new": new, "none": {}}[case.LEAVES]

    again = run(root)
    assert again.returncode == 0, again.stderr
    assert snapshot(root / "site") == new
    assert not leftovers(root)
    assert b"<script" not in b"".join(snapshot(root / "site").values())


def test_two_builds_at_once_wait_for_each_other(sites: tuple[Path, dict[str, bytes], dict[str, bytes]],
                                               tmp_path: Path) -> None:
    built, _, new = sites
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    change(root)
    # The first holds the lock for a while as it publishes; the second starts meanwhile.
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{FAULTS}"}
    first = subprocess.Popen(
        [sys.executable, str(FAULTS / "_run.py"), str(FAULTS / "_slow.py"), *ARGS],
        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    lock = root / ".parentinfo" / "lock"
    for _ in range(600):
        if lock.exists() and lock.read_text().strip() == str(first.pid):
            break
        time.sleep(0.1)
    second = run(root)
    out, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    assert second.returncode == 0, second.stderr
    assert f"Waiting for another build of this project to finish (process {first.pid})" in second.stdout
    assert snapshot(root / "site") == new
    assert not leftovers(root)
    assert run(root).stdout.splitlines()[-1].startswith("Built 3 edition(s): 0 file(s) written, 0 removed")


def test_a_build_of_one_language_keeps_the_others(sites: tuple[Path, dict[str, bytes], dict[str, bytes]],
                                                  tmp_path: Path) -> None:
    built, _, _ = sites
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    assert run(root, None, "build", "--council", FIXTURE.stem, "--language", "pl").returncode == 0
    both = snapshot(root / "site")
    assert any(rel.startswith(f"{FIXTURE.stem}/pl/") for rel in both)
    change(root)
    result = run(root)  # English only
    assert result.returncode == 0, result.stderr
    after = snapshot(root / "site")
    assert {rel for rel in after if "/pl/" in rel} == {rel for rel in both if "/pl/" in rel}
    assert [e for e in json.loads(after["manifest.json"])["editions"] if e["language"] == "pl"]
