"""Merge shards: `site/` folders built on separate machines, each by
`parentinfo build --council X --language Y`, into one `site/`.

Each shard brings whole council × language folders (pages, assets and leaflets); the merge
copies them in, then rebuilds what spans shards: the manifest, each council's home and print
pages, and the site index. Folders not in any shard are kept from the current `site/`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from parentinfo.data.loading import load_councils, own_sources
from parentinfo.errors import BuildError
from parentinfo.languages import LANGUAGES
from parentinfo.outputs.site import shared
from parentinfo.outputs.site.site import SiteConfig
from parentinfo.publish import manifest, publish

WORK = ".parentinfo"


def merge(root: Path, shards: list[Path]) -> publish.SyncReport:
    """Merge `shards` into `root/site`. Raises BuildError, leaving `site/` untouched, on bad input."""
    with publish.exclusive(root):
        return _merge(root, shards)


def _merge(root: Path, shards: list[Path]) -> publish.SyncReport:
    cfg = SiteConfig.read(root)
    own_sources(root)  # its home pages are built from the theme, as a build's are
    councils = {c.slug: c for c in load_councils(root)}
    work = publish.fresh(root / WORK / "work")
    stage = publish.fresh(root / WORK / "stage")

    # 1. Each shard's manifest says which council × language folders it holds; two shards must
    #    not both hold one, and each must belong to a council of this project.
    problems: list[str] = []
    owner: dict[tuple[str, str], Path] = {}
    entries: list[dict] = []
    for shard in shards:
        found = manifest.read(shard, strict=True)
        if not found:
            problems.append(f"{shard}: no manifest.json with editions; expected a site/ built by parentinfo")
        mine = list(dict.fromkeys((e["council"], e["language"]) for e in found))
        for pair in mine:
            if pair[0] not in councils or pair[1] not in LANGUAGES:
                problems.append(f"{shard}/manifest.json: {'/'.join(pair)}: not a council and language of this project")
            elif pair in owner:
                problems.append(f"{shard}: {'/'.join(pair)} is also in {owner[pair]}; shards must not overlap")
            else:
                owner[pair] = shard
        entries += [e for e in found if owner.get((e["council"], e["language"])) == shard]
    # 2. What a shard brings must be its own plain files: a symlink or a device could publish
    #    a file of the merging machine. Every page and leaflet its manifest lists must be there.
    for (slug, language), shard in owner.items():
        problems += _unsafe(shard, shard / slug / language)
    for e in entries:
        shard = owner[(e["council"], e["language"])]
        for rel in [*e["pages"], *([e["pdf"]] if e["pdf"] else [])]:
            path = shard / rel
            if not _inside(shard, path) or not path.is_file() or path.is_symlink():
                problems.append(f"{shard}/manifest.json: {rel}: listed, but not a file in the shard")
    if problems:
        raise BuildError(list(dict.fromkeys(problems)))

    # 3. Copy each shard's folders into the staging folder.
    for (slug, language), shard in owner.items():
        shutil.copytree(shard / slug / language, stage / slug / language)

    # 4. The manifest: the shards' editions, and the current site's for folders no shard holds.
    site = root / "site"
    editions = manifest.merge(manifest.read(site), entries, set(owner))
    where = {pair: stage for pair in owner}

    # 5. Every council's home and print pages, and the site index, from the merged manifest.
    facts = {
        e["pdf"]: shared.read_pdf_facts(where.get((e["council"], e["language"]), site) / e["pdf"])
        for e in editions
        if e["pdf"]
    }
    listed = [councils[slug] for slug in dict.fromkeys(e["council"] for e in editions)]
    shared.finish(root, cfg, editions, facts, listed, listed, work, stage)

    # 6. Publish: the shards' folders, the shared pages and the manifest; nothing else in site/.
    scope = [manifest.NAME, "index.html", *(f"{slug}/{language}" for slug, language in owner)]
    scope += [f"{c.slug}/{p.name}" for c in listed for p in (stage / c.slug).iterdir() if p.name not in LANGUAGES]
    return publish.sync(stage, site, scope)


def _inside(shard: Path, path: Path) -> bool:
    return path.resolve().is_relative_to(shard.resolve())


def _unsafe(shard: Path, folder: Path) -> list[str]:
    """Anything in a shard's folder that is not a regular file or folder inside it."""
    if folder.is_symlink() or not folder.is_dir():
        return [f"{folder}: listed in {shard}/manifest.json, but not a folder in the shard"]
    problems = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            problems.append(f"{path}: a symbolic link; a shard may hold only regular files")
        elif not (path.is_file() or path.is_dir()):
            kind = "not a regular file (a device, socket or pipe)"
            problems.append(f"{path}: {kind}; a shard may hold only regular files")
    return problems
