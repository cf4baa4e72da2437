"""Timing of gongkai build-site: full build at 10k records, no-change and one-changed rebuilds at 100k.

    .venv/bin/python benchmarks/bench_site.py [--small 10000] [--large 100000] [--skip-large]

Prints wall-clock seconds per phase (pages and search index separately) and peak memory (ru_maxrss).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from gongkai.catalog import load_catalog
from gongkai.site import build_site
import datetime as _dt
TODAY = _dt.date(2026, 11, 27)

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def generate(records: int) -> Path:
    """A synthetic catalog of *records* records (reused when already generated)."""
    target = OUT / f"site-{records}"
    if not (target / "gongkai.yaml").is_file():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(target), "--records", str(records)], check=True)
    return target


def timed(label: str, action):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    value = action()
    print(f"{label:<52} {time.perf_counter() - started:8.2f} s", flush=True)
    return value


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def full_build(records: int, search: bool) -> Path:
    catalog_dir = generate(records)
    site = OUT / f"site-{records}-html"
    shutil.rmtree(site, ignore_errors=True)
    catalog = timed(f"{records} records: load catalog (cold, no cache)", lambda: load_catalog(catalog_dir, False))
    label = "full build with search index" if search else "full build, pages only"
    result = timed(f"{records} records: {label}", lambda: build_site(catalog, site, TODAY, search=search))
    print(f"    {result.pages} pages, {result.written} files written, search index {result.search_seconds:.2f} s")
    return catalog_dir


def rebuilds(records: int, search: bool) -> None:
    catalog_dir = generate(records)
    site = OUT / f"site-{records}-html"
    if not (site / "index.html").is_file():
        catalog = timed(f"{records} records: load catalog", lambda: load_catalog(catalog_dir))
        timed(f"{records} records: full build (pages, search={search})", lambda: build_site(catalog, site, TODAY, search))
    catalog = timed(f"{records} records: load catalog (warm cache)", lambda: load_catalog(catalog_dir))
    build_site(catalog, site, TODAY, search)  # bring the site in line with the catalog (a previous run may have left it behind)
    result = timed(f"{records} records: no-change rebuild", lambda: build_site(catalog, site, TODAY, search))
    assert result.unchanged
    record = sorted((catalog_dir / "records").rglob("*.yaml"))[len(catalog.records) // 2]
    text = record.read_text("utf-8")
    record.write_text(text.replace("正文: |\n", "正文: |\n  （更正）\n", 1), "utf-8")
    try:
        catalog = timed(f"{records} records: load catalog after one change", lambda: load_catalog(catalog_dir))
        result = timed(f"{records} records: one-changed-record rebuild", lambda: build_site(catalog, site, TODAY, search))
        print(f"    {result.written} files written, {result.reused} reused, search index {result.search_seconds:.2f} s")
    finally:
        record.write_text(text, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--skip-small", action="store_true")
    parser.add_argument("--search", action="store_true", help="include the search index in the 100k rebuilds")
    args = parser.parse_args()
    if not args.skip_small:
        full_build(args.small, search=True)
    print(f"peak memory so far: {peak_mb():.0f} MB")
    if not args.skip_large:
        rebuilds(args.large, args.search)
        print(f"peak memory: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
