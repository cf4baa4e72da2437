"""Cost of the output scan (defence in depth) next to the build it guards, at 10k and 100k records.

    .venv/bin/python benchmarks/bench_output_scan.py [--small 10000] [--large 100000] [--skip-large]

For each size: generate the catalog (benchmarks/generate.py, reused when present), build it with
`gongkai build-site --no-search` (whole command, wall clock), then scan every file of the site with
gongkai.privacy.outputs.scan_tree. Target: the scan costs at most 10% of the build.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

from gongkai.catalog import load_catalog
from gongkai.privacy.outputs import scan_tree
from gongkai.privacy.scan import allowed_of

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
GONGKAI = Path(sys.executable).with_name("gongkai")


def catalog_of(records: int) -> Path:
    target = OUT / f"site-{records}"
    if not (target / "gongkai.yaml").is_file():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(target), "--records", str(records)], check=True)
    return target


def measure(records: int) -> None:
    catalog = catalog_of(records)
    site = OUT / f"scan-{records}-html"
    shutil.rmtree(site, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([str(GONGKAI), "build-site", str(catalog), "--out", str(site), "--no-search", "--no-cache"],
                   check=True, stdout=subprocess.DEVNULL, env={"GONGKAI_TODAY": "2026-11-27", "PATH": "/usr/bin:/bin"})
    build = time.perf_counter() - started
    allowed = allowed_of(load_catalog(catalog, use_cache=False).agency)
    files = [p for p in site.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    started = time.perf_counter()
    found = scan_tree(site, None, allowed)
    scan = time.perf_counter() - started
    print(f"{records:>7} records: build-site --no-search {build:7.2f} s; output scan {scan:6.2f} s "
          f"({len(files)} files, {size / 1e6:.0f} MB, {len(found)} findings) = {scan / build:5.1%} of the build",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--skip-large", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    measure(args.small)
    if not args.skip_large:
        measure(args.large)


if __name__ == "__main__":
    main()
