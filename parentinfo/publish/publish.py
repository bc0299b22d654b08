"""Publish a staged build as `site/`: one build at a time, and switched in one step.

Everything is built in a staging folder first. Publishing then assembles the whole new site
beside the old one (`site.parentinfo-new/`): files whose bytes did not change are hard links to
the published ones, so their time stamps (and a host's caches) stay valid; changed files are
copied from the stage. Only then are the two folders exchanged, in one atomic rename, and the
old one removed. A kill, a full disk or an unwritable file at any moment leaves either the
whole old site or the whole new one, and the next build clears what was left over.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parentinfo.errors import BuildError

NEW = ".parentinfo-new"  # the next site, while it is assembled
OLD = ".parentinfo-old"  # the last site, while it is removed


@dataclass
class SyncReport:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


@contextlib.contextmanager
def exclusive(root: Path, progress: Callable[[str], None] = lambda _: None) -> Iterator[None]:
    """Hold the project's build lock: a second build (or merge) waits for the first to end.

    Two builds at once would empty each other's working folders and publish half a site. The
    lock is the kernel's (flock), so a killed build never leaves it held.
    """
    path = root / ".parentinfo" / "lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            progress(f"Waiting for another build of this project to finish (process {holder})")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _files(top: Path) -> dict[str, Path]:
    if not top.exists():
        return {}
    return {p.relative_to(top).as_posix(): p for p in top.rglob("*") if p.is_file()}


def _beside(site: Path, suffix: str) -> Path:
    return site.with_name(site.name + suffix)


def recover(site: Path) -> None:
    """Clear what an interrupted publish left: the half-made next site, or the last one.

    If the switch itself was cut short between its two renames (only where the file system
    cannot exchange folders atomically), the next site was complete: finish the switch.
    """
    new, old = _beside(site, NEW), _beside(site, OLD)
    if not site.exists() and old.exists():
        os.rename(new if new.exists() else old, site)
    for leftover in (new, old):
        if leftover.exists():
            shutil.rmtree(leftover)


def sync(stage: Path, site: Path, scope: list[str] | None = None) -> SyncReport:
    """Make `site/` match `stage/` within `scope` (path prefixes; None means all of it).

    Files outside the scope are kept as they are; a file whose bytes are unchanged is left
    alone. If nothing changed, `site/` is not touched at all.
    """
    if site.is_symlink():  # a web team may point site/ at its web server's folder
        site = site.resolve()
    try:
        recover(site)
        report, plan = _compare(stage, site, scope)
        if report.written or report.removed or not site.exists():
            _assemble(plan, _beside(site, NEW))
            _switch(_beside(site, NEW), site)
            _discard(_beside(site, OLD))
    except OSError as err:
        with contextlib.suppress(OSError):
            recover(site)  # the half-made next site goes; a switch cut between renames is completed
        where = err.filename or site
        raise BuildError(
            f"{where}: could not publish ({err.strerror or err}); site/ is still the last complete site"
        ) from None
    return report


# What the new site is made of: its relative path → (source file, copy it rather than link it).
Plan = dict[str, tuple[Path, bool]]


def _compare(stage: Path, site: Path, scope: list[str] | None) -> tuple[SyncReport, Plan]:
    report = SyncReport()
    new, old = _files(stage), _files(site)

    def in_scope(rel: str) -> bool:
        return scope is None or any(rel == p or rel.startswith(p + "/") for p in scope)

    plan: Plan = {rel: (path, False) for rel, path in old.items() if not in_scope(rel)}
    for rel, src in sorted(new.items()):
        if not in_scope(rel):
            continue
        published = old.get(rel)
        if published is not None and _same(src, published):
            report.unchanged += 1
            plan[rel] = (published, False)
        else:
            report.written.append(rel)
            plan[rel] = (src, True)
    report.removed = sorted(rel for rel in old if in_scope(rel) and rel not in new)
    return report, plan


def _same(a: Path, b: Path) -> bool:
    return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()


def _assemble(plan: Plan, new: Path) -> None:
    """The whole next site in `new`: unchanged files linked from the published site, the rest
    copied (never linked: a staged file may be a link into a cache)."""
    new.mkdir()
    for rel, (src, copy) in sorted(plan.items()):
        dst = new / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        if copy:
            _copy(src, dst)
        else:
            _link_or_copy(src, dst)


def _copy(src: Path, dst: Path) -> None:
    shutil.copyfile(src, dst)


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError as err:
        if err.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        shutil.copy2(src, dst)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); False where that is not supported."""
    exchange = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if exchange is None:
        return False
    if exchange(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _switch(new: Path, site: Path) -> None:
    """Put `new` in the place of `site` in one step; the last site ends up at `site.parentinfo-old`."""
    if not site.exists():
        os.rename(new, site)
    elif _exchange(new, site):
        os.rename(new, _beside(site, OLD))
    else:
        # No atomic exchange here: two renames, which `recover` completes if cut between them.
        os.rename(site, _beside(site, OLD))
        os.rename(new, site)


def _discard(old: Path) -> None:
    """Remove the last site; what cannot be removed now is removed by the next build."""
    shutil.rmtree(old, ignore_errors=True)


def fresh(path: Path) -> Path:
    """An empty folder at `path`."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path
