"""The command line as a user meets it: --version, and every error path of every command ends
with `error: …` lines, a non-zero exit and no traceback unless --debug asks for one."""

from __future__ import annotations

import errno
import os
import shutil
import socket
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from sitetools import REPO, copy_project, polish_phone_line, set_polish_phone

from parentinfo import cli

COUNCILS = sorted(p.stem for p in (REPO / "councils").glob("[!_]*.yml"))
BAD = Path(__file__).parent / "fixtures" / "bad-councils"


def run(root: Path, *args: str, debug: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PARENTINFO_DEBUG"}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "parentinfo", *(["--debug"] if debug else []), *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_version_is_the_projects() -> None:
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    result = run(REPO, "--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"parentinfo {version}\n", "")


# Each command's error paths: what to break in a fresh copy of the project, the command, and the
# exact stderr. Only commands that publish into site/ say that site/ was left as it was.


def _nothing(root: Path) -> None:
    pass


def _bad_council(root: Path) -> None:
    shutil.copy(BAD / "wrong-type.yml", root / "councils" / "wrong-type.yml")


def _directory_at(rel: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        if path.exists():
            path.unlink()
        path.mkdir()

    return edit


def _linked_source(root: Path) -> None:
    """A theme file that is a link to a file of the machine: MkDocs would copy it into the site."""
    (root / "overrides" / "assets" / "notes.txt").symlink_to("/etc/hostname")


def _empty_shard(root: Path) -> None:
    (root / "shard").mkdir()


def _existing_council(root: Path) -> None:
    (root / "councils" / "newtown.yml").write_text("name: Newtown\n")


def _broken_placeholder(root: Path) -> None:
    set_polish_phone(root, "Telefon: %(numer)s")


PLACEHOLDER = (
    "error: locales/pl/LC_MESSAGES/guide.po:{line}: msgid 'Phone: %(number)s': placeholders must match the "
    "source: expected %(number)s, found %(numer)s in 'Telefon: %(numer)s'"
)
LANGUAGE_CHOICES = "en, pl, ro, pa, ur, pt, es, ar, bn"
STOPPED = "Stopped; site/ was not changed."

ERROR_PATHS: dict[str, tuple[Callable[[Path], None], tuple[str, ...], list[str]]] = {
    "build: unknown council": (
        _nothing,
        ("build", "--council", "narnia"),
        [f"error: --council: expected one of {', '.join(COUNCILS)}, found 'narnia'", STOPPED],
    ),
    "build: a council outside councils/ (red team D06d)": (
        _nothing,
        ("build", "--council", "../" + COUNCILS[0]),
        [f"error: --council: expected one of {', '.join(COUNCILS)}, found '../{COUNCILS[0]}'", STOPPED],
    ),
    "build: an empty council (red team D06e)": (
        _nothing,
        ("build", "--council", ""),
        [f"error: --council: expected one of {', '.join(COUNCILS)}, found ''", STOPPED],
    ),
    "build: unknown language": (
        _nothing,
        ("build", "--language", "klingon"),
        [f"error: --language: expected one of {LANGUAGE_CHOICES}, found 'klingon'", STOPPED],
    ),
    "build: bad council file": (
        _bad_council,
        ("build",),
        ["error: councils/wrong-type.yml:8: complaints.deadline_days: expected a whole number, found 'soon'", STOPPED],
    ),
    "build: a source that is a link to a file of the machine": (
        _linked_source,
        ("build",),
        ["error: overrides/assets/notes.txt: a symbolic link; the project's sources must be its own files", STOPPED],
    ),
    "check: a source that is a link to a file of the machine": (
        _linked_source,
        ("check",),
        ["error: overrides/assets/notes.txt: a symbolic link; the project's sources must be its own files"],
    ),
    "merge: a folder that is not a built site": (
        _empty_shard,
        ("merge", "shard"),
        ["error: shard: no manifest.json with editions; expected a site/ built by parentinfo", STOPPED],
    ),
    "check: bad council file": (
        _bad_council,
        ("check",),
        ["error: councils/wrong-type.yml:8: complaints.deadline_days: expected a whole number, found 'soon'"],
    ),
    "check: broken placeholder": (_broken_placeholder, ("check",), [PLACEHOLDER]),
    "schema --write: a folder in the file's place": (
        _directory_at("councils/council.schema.json"),
        ("schema", "--write"),
        ["error: councils/council.schema.json: Is a directory"],
    ),
    "new: a name that is not a slug": (
        _nothing,
        ("new", "New_Town"),
        ["error: 'New_Town': expected lower-case words joined by '-', e.g. 'north-somerset'"],
    ),
    "new: a council that exists": (
        _existing_council,
        ("new", "newtown"),
        ["error: councils/newtown.yml: already exists; edit it, or choose another name"],
    ),
    "serve: nothing built": (
        _nothing,
        ("serve",),
        ["error: site/manifest.json: not found; run `parentinfo build` first"],
    ),
    "i18n extract: a folder in the template's place": (
        _directory_at("locales/guide.pot"),
        ("i18n", "extract"),
        ["error: locales/guide.pot: Is a directory"],
    ),
    "i18n update: unknown language": (
        _nothing,
        ("i18n", "update", "--language", "klingon"),
        [f"error: --language: expected one of {LANGUAGE_CHOICES.removeprefix('en, ')}, found 'klingon'"],
    ),
    "i18n compile: broken placeholder": (_broken_placeholder, ("i18n", "compile"), [PLACEHOLDER]),
    "i18n status: broken placeholder": (_broken_placeholder, ("i18n", "status"), [PLACEHOLDER]),
}


@pytest.mark.parametrize("case", sorted(ERROR_PATHS))
def test_every_error_path_exits_non_zero_with_a_clear_message(tmp_path: Path, case: str) -> None:
    edit, args, expected = ERROR_PATHS[case]
    root = copy_project(tmp_path / "project")
    edit(root)
    result = run(root, *args)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [line.format(line=polish_phone_line(root)) for line in expected]


def test_status_still_shows_the_table_when_it_finds_errors(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    _broken_placeholder(root)
    result = run(root, "i18n", "status")
    assert result.returncode == 1
    header = ["language", "domain", "translated", "fuzzy", "untranslated", "review"]
    assert result.stdout.splitlines()[0].split() == header
    assert any(line.startswith("pl (Polish)") and "guide" in line for line in result.stdout.splitlines())


def test_serve_names_a_port_in_use(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "site").mkdir()
    (root / "site" / "manifest.json").write_text('{"editions": []}')
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(root, "serve", "--port", str(port))
    assert (result.returncode, result.stderr) == (1, "error: Address already in use\n")


def test_usage_errors_exit_2() -> None:
    result = run(REPO, "build", "--no-such-option")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "Error: No such option '--no-such-option'."


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    _directory_at("councils/council.schema.json")(root)
    result = run(root, "schema", "--write", debug=True)
    lines = result.stderr.splitlines()
    assert result.returncode == 1
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1] == f"IsADirectoryError: [Errno 21] Is a directory: '{root / 'councils' / 'council.schema.json'}'"


# Errors no input check can foresee, raised where the build would meet them: one line, no traceback.
UNEXPECTED: dict[str, tuple[BaseException, int, str]] = {
    "disk full": (
        OSError(errno.ENOSPC, "No space left on device", "site/solihull/en/index.html"),
        1,
        "error: site/solihull/en/index.html: No space left on device",
    ),
    "read-only disk": (
        OSError(errno.EROFS, "Read-only file system", ".parentinfo/stage"),
        1,
        "error: .parentinfo/stage: Read-only file system",
    ),
    "disk full, no path": (OSError(errno.ENOSPC, "No space left on device"), 1, "error: No space left on device"),
    "runaway recursion": (
        RecursionError("maximum recursion depth exceeded\nwhile calling a Python object"),
        1,
        "error: unexpected RecursionError: maximum recursion depth exceeded while calling a Python object "
        "(`parentinfo --debug ...` shows where)",
    ),
    "a bug": (
        ValueError("invalid literal for int() with base 10: 'x'"),
        1,
        "error: unexpected ValueError: invalid literal for int() with base 10: 'x' (`parentinfo --debug ...` shows "
        "where)",
    ),
    "Ctrl+C": (KeyboardInterrupt(), 130, "error: interrupted"),
}


@pytest.mark.parametrize("case", sorted(UNEXPECTED))
def test_unexpected_errors_end_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    error, code, line = UNEXPECTED[case]

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARENTINFO_DEBUG", raising=False)
    monkeypatch.setattr(cli.build_stage, "build", fail)
    result = CliRunner().invoke(cli.main, ["build"])
    assert result.exit_code == code
    assert result.stderr.strip().splitlines() == [line]
    assert result.stdout == ""


def test_unexpected_error_under_debug_is_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli.build_stage, "build", fail)
    result = CliRunner().invoke(cli.main, ["--debug", "build"])
    assert result.exit_code == 1
    assert isinstance(result.exception, RecursionError)


def test_unexpected_error_names_a_project_path_as_the_user_types_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "site" / "manifest.json"))

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARENTINFO_DEBUG", raising=False)
    monkeypatch.setattr(cli.build_stage, "build", fail)
    result = CliRunner().invoke(cli.main, ["build"])
    assert (result.exit_code, result.stderr) == (1, "error: site/manifest.json: No space left on device\n")
