"""The build's caches (parentinfo/cache.py): an entry is reused only as it was stored."""

from __future__ import annotations

from pathlib import Path

from parentinfo import cache


def test_a_cache_file_is_reused_only_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "font.woff2"
    cache.store(path, b"font bytes")
    assert cache.load(path) == b"font bytes"
    path.write_bytes(b"font bytez")  # same size, other bytes
    assert cache.load(path) is None
    cache.store(path, b"font bytes")
    (tmp_path / "font.woff2.sha256").write_text("nine")
    assert cache.load(path) is None
    assert cache.load(tmp_path / "missing.woff2") is None


def test_facts_sealed_beside_a_file_come_back_only_while_it_is_whole(tmp_path: Path) -> None:
    pdf = tmp_path / "leaflet.pdf"
    pdf.write_bytes(b"%PDF-1.7 whole")
    cache.seal(pdf, {"pages": 9})
    assert cache.opened(pdf) == {"pages": 9, "sha256": cache.digest(b"%PDF-1.7 whole"), "size": 14}
    pdf.write_bytes(b"%PDF-1.7")  # cut short
    assert cache.opened(pdf) is None


def test_a_cached_folder_is_reused_only_for_its_key_and_as_stored(tmp_path: Path) -> None:
    built = tmp_path / "built"
    (built / "en").mkdir(parents=True)
    (built / "en" / "index.html").write_text("<p>Hello</p>")
    entry = tmp_path / "cache" / "entry"
    entry.parent.mkdir()
    cache.store_tree(built, entry, "key-1")
    assert cache.tree(entry, "key-2") is None
    files = cache.tree(entry, "key-1")
    assert files is not None and (files / "en" / "index.html").read_text() == "<p>Hello</p>"
    (files / "en" / "index.html").write_text("<p>Hello</p><script>")
    assert cache.tree(entry, "key-1") is None
    cache.store_tree(built, entry, "key-1")
    (entry / "files" / "extra.html").write_text("planted")
    assert cache.tree(entry, "key-1") is None
