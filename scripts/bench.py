"""Print the build's speed and size figures. Run through scripts/bench (a copy of the project
is built in a temporary folder; nothing in the working tree changes)."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PARTS = ("councils", "docs", "overrides", "locales", "mkdocs.yml")


def copy_project(dest: Path) -> Path:
    for part in PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def build(root: Path, *args: str) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "parentinfo", "build", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    elapsed = time.perf_counter() - start
    if result.returncode:
        sys.exit(result.stderr)
    return elapsed, result.stdout.strip().splitlines()[-1]


def _weasy(html_path: str) -> None:
    from weasyprint import HTML

    HTML(filename=html_path).write_pdf(os.devnull, pdf_tags=True, pdf_variant="pdf/ua-1")


def bare_tools(root: Path) -> float:
    """The same pages by `mkdocs build` on each generated config, and the same leaflets by WeasyPrint."""
    import yaml

    configs = []
    bare = Path(tempfile.mkdtemp())
    for i, path in enumerate(sorted((root / ".parentinfo" / "work").glob("*/*/mkdocs.yml"))):
        # Bare MkDocs: the generated config without parentinfo's hooks (its own work is what is measured).
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
        config.pop("hooks", None)
        configs.append(bare / f"{i}.yml")
        configs[-1].write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as out, ThreadPoolExecutor(max_workers=os.cpu_count()) as threads:
        # Both cores busy, as parentinfo keeps them: one `mkdocs build` per core at a time.
        list(
            threads.map(
                lambda job: subprocess.run(
                    [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(job[1]), "-d", f"{out}/{job[0]}"],
                    check=True,
                    capture_output=True,
                ),
                enumerate(configs),
            )
        )
    htmls = sorted(str(p) for p in (root / ".parentinfo" / "pdf").glob("*.html"))
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        list(pool.map(_weasy, htmls))
    return time.perf_counter() - start


def first_view(site: Path, page: str) -> tuple[int, list[str]]:
    """Gzipped bytes of the page and every CSS, JS and font file it needs to show."""
    path = site / page
    html = path.read_text()
    files = [path]
    for ref in re.findall(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"', html):
        files.append((path.parent / ref).resolve())
    for css in [f for f in files if f.suffix == ".css"]:
        # One weight is served (bold is synthesized), so every font the CSS names is needed.
        for ref in re.findall(r'url\("([^"]+\.woff2)"\)', css.read_text()):
            files.append((css.parent / ref).resolve())
    total = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    return total, [f.name for f in files]


def synthetic(councils: int) -> tuple[int, float]:
    """Build `councils` English-only councils (copies of the five); returns (editions, seconds)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(Path(tmp))
        sources = sorted(p for p in (root / "councils").glob("*.yml") if not p.name.startswith("_"))
        for p in sources:
            p.unlink()
        for i in range(councils):
            text = (REPO / "councils" / sources[i % len(sources)].name).read_text()
            # English only (three editions a council), so 50 councils build in minutes.
            text = re.sub(r"^languages:.*\n", "", text, flags=re.M).replace("\nname:", "\nlanguages: [en]\nname:", 1)
            # A distinct name and address per copy: identical councils would share their PDFs.
            text = re.sub(r"^(name: .*)$", rf"\1 {i}", text, count=1, flags=re.M)
            text = re.sub(r"^(site_url: .*?)/?$", rf"\1/c{i}/", text, count=1, flags=re.M)
            (root / "councils" / f"council-{i:03d}.yml").write_text(text)
        seconds, line = build(root)
        editions = int(re.search(r"Built (\d+) edition", line).group(1))
        return editions, seconds


def main() -> None:
    print(f"parentinfo benchmark on {os.cpu_count()} cores\n")
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(Path(tmp))
        # Best of two, alternating: this machine's speed drifts by 10 % and more over minutes,
        # and one slow spell must not decide the ratio either way.
        fulls, bares = [], []
        for _ in range(2):
            shutil.rmtree(root / ".parentinfo", ignore_errors=True)
            shutil.rmtree(root / "site", ignore_errors=True)
            full, line = build(root)
            fulls.append(full)
            bares.append(bare_tools(root))
        full, bare = min(fulls), min(bares)
        runs = f"runs {' '.join(f'{f:.1f}' for f in fulls)} / {' '.join(f'{b:.1f}' for b in bares)}"
        print(f"Full build, cold (web + PDF):     {full:6.1f} s   {line}")
        ratio = f"ratio {full / bare:.2f} (target <= 1.15; {runs})"
        print(f"Same pages by bare mkdocs + WeasyPrint: {bare:6.1f} s   {ratio}")
        again, line = build(root)
        print(f"Rebuild, nothing changed:         {again:6.1f} s   {line} (target <= 5 s, 0 written)")
        council = root / "councils" / "south-gloucestershire.yml"
        council.write_text(council.read_text().replace("01454 868009", "01454 868010"))
        before = {p: p.stat().st_mtime_ns for p in (root / "site").rglob("*") if p.is_file()}
        one, line = build(root)
        changed = sorted(
            {
                p.relative_to(root / "site").parts[0]
                for p in (root / "site").rglob("*")
                if p.is_file() and before.get(p) != p.stat().st_mtime_ns
            }
        )
        print(f"Rebuild, one council's phone changed: {one:6.1f} s   {line}; top-level folders touched: {changed}")
        for page in (
            "solihull/en/standard/index.html",
            "solihull/ar/standard/index.html",
            "solihull/ur/standard/index.html",
            "solihull/pa/standard/index.html",
            "solihull/bn/standard/index.html",
        ):
            if (root / "site" / page).exists():
                size, files = first_view(root / "site", page)
                print(f"First view {page}: {size / 1024:5.1f} KB gzipped ({len(files)} files; target <= 60 KB)")
    print()
    for n in (10, 50):
        editions, seconds = synthetic(n)
        print(
            f"Synthetic {n:3d} councils (English): {editions:4d} editions in {seconds:6.1f} s = "
            f"{seconds / editions:.3f} s per edition"
        )


if __name__ == "__main__":
    main()
