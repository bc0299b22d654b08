"""The build's caches (`.parentinfo/`): every entry is checked before it is reused.

An entry is keyed by a hash of its inputs, tool versions included, and carries the hash of its
own content. A damaged, truncated or edited entry fails the check and is made again, so what
sits on the build machine's disk is never published unchecked.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import platform
import shutil
from pathlib import Path
from typing import Any

# Everything whose version can change what the build makes.
TOOLS = (
    "mkdocs",
    "mkdocs-material",
    "markdown",
    "jinja2",
    "babel",
    "weasyprint",
    "pydyf",
    "fonttools",
    "segno",
    "tinycss2",
)


@functools.cache
def tools() -> str:
    """Python's and the tools' versions, one string for cache keys."""
    from importlib.metadata import PackageNotFoundError, version

    def of(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "-"

    return ";".join([f"python={platform.python_version()}", *(f"{name}={of(name)}" for name in TOOLS)])


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def store(path: Path, data: bytes) -> None:
    """Write a cache file whole (then rename), sealed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    seal(path, {})


def load(path: Path) -> bytes | None:
    """A cache file's bytes if it is whole and unchanged since it was sealed, else None."""
    found = _checked(path)
    return found[0] if found else None


def seal(path: Path, meta: dict[str, Any]) -> None:
    """Record beside a cache file its hash and size, with `meta` (facts read back on reuse)."""
    entry = {**meta, "sha256": digest(path.read_bytes()), "size": path.stat().st_size}
    _sidecar(path).write_text(json.dumps(entry, sort_keys=True))


def opened(path: Path) -> dict[str, Any] | None:
    """The facts `seal` recorded, if the file is whole and unchanged since; else None."""
    found = _checked(path)
    return found[1] if found else None


def _checked(path: Path) -> tuple[bytes, dict[str, Any]] | None:
    try:
        meta = json.loads(_sidecar(path).read_text())
        data = path.read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("size") != len(data) or meta.get("sha256") != digest(data):
        return None
    return data, meta


def _tree(top: Path) -> dict[str, str]:
    return {p.relative_to(top).as_posix(): digest(p.read_bytes()) for p in sorted(top.rglob("*")) if p.is_file()}


def store_tree(source: Path, entry: Path, key: str) -> None:
    """Keep a copy of the folder `source` as the cache entry `entry`, for inputs hashed as `key`.

    Made beside and renamed into place, and the key written last: a kill part-way leaves no
    entry that looks whole.
    """
    tmp = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    shutil.copytree(source, tmp / "files")
    (tmp / "contents.json").write_text(json.dumps(_tree(tmp / "files"), sort_keys=True))
    (tmp / "key").write_text(key)
    if entry.exists():
        shutil.rmtree(entry)
    os.rename(tmp, entry)


def tree(entry: Path, key: str) -> Path | None:
    """The cached folder for inputs hashed as `key`, if every file is as it was stored; else None."""
    try:
        if (entry / "key").read_text() != key:
            return None
        contents = json.loads((entry / "contents.json").read_text())
    except (OSError, ValueError):
        return None
    files = entry / "files"
    return files if files.is_dir() and _tree(files) == contents else None
