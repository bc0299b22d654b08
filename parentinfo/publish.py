"""Write a staged build into `site/`, touching only what changed.

Everything is built in a staging folder first; only a complete, successful build reaches
`site/`, so a failed build leaves the published site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class SyncReport:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def _files(top: Path) -> dict[str, Path]:
    if not top.exists():
        return {}
    return {p.relative_to(top).as_posix(): p for p in top.rglob("*") if p.is_file()}


def sync(stage: Path, site: Path, scope: list[str] | None = None) -> SyncReport:
    """Make `site/` match `stage/` within `scope` (path prefixes; None means all of it).

    A file whose bytes are unchanged is left alone, so its time stamp and any cache stay valid.
    """
    report = SyncReport()
    new = _files(stage)
    old = _files(site)

    def in_scope(rel: str) -> bool:
        return scope is None or any(rel == p or rel.startswith(p + "/") for p in scope)

    for rel, src in sorted(new.items()):
        if not in_scope(rel):
            continue
        dst = site / rel
        data = src.read_bytes()
        if dst.is_file() and dst.read_bytes() == data:
            report.unchanged += 1
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        tmp = dst.with_name(dst.name + ".parentinfo-tmp")
        tmp.write_bytes(data)
        os.replace(tmp, dst)  # readers of the live site never see half a file
        report.written.append(rel)
    for rel, path in sorted(old.items()):
        if in_scope(rel) and rel not in new:
            path.unlink()
            report.removed.append(rel)
    _prune_empty_dirs(site)
    return report


def _prune_empty_dirs(top: Path) -> None:
    for path in sorted((p for p in top.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(path.iterdir()):
            path.rmdir()


def fresh(path: Path) -> Path:
    """An empty folder at `path`."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path
