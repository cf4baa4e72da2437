"""build-site beside its reference, alternating in one run: without search beside Hugo, with search beside
Hugo + Pagefind, on the same pages (the admitted records of the same generated catalog).

    .venv/bin/python benchmarks/bench_site_pair.py [--records 10000] [--repeat 3] [--skip-search]

Each run is a fresh process of the real command (`gongkai build-site --no-cache`, a fresh output folder and no
catalog cache: a full build) or of `hugo` / pagefind; figures are min–max over --repeat runs with the wall time and
the CPU time (user + system, workers included), because on a shared machine the wall time depends on the others.
Pagefind is pip's pagefind[extended]==1.5.2 in benchmarks/out/pagefind-venv (see bench_search.py). Not run by tests.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
OUT = HERE / "out"
TODAY = "2026-11-27"
PAGEFIND = OUT / "pagefind-venv" / "bin" / "python"


def timed(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (children's user + system) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def ours(catalog: Path, search: bool) -> tuple[float, float]:
    out = OUT / f"pair-{catalog.name}-site"
    shutil.rmtree(out, True)
    shutil.rmtree(catalog / ".gongkai-cache", True)
    flag = [] if search else ["--no-search"]
    return timed([sys.executable, "-m", "gongkai", "build-site", str(catalog), "--out", str(out), "--no-cache",
                  "--today", TODAY, *flag])


def reference(site: Path, search: bool) -> tuple[float, float]:
    shutil.rmtree(site / "public", True)
    wall, cpu = timed(["hugo", "--quiet", "--source", str(site)])
    if search:
        more = timed([str(PAGEFIND), "-m", "pagefind", "--site", str(site / "public"), "--silent"])
        wall, cpu = wall + more[0], cpu + more[1]
    return wall, cpu


def span(figures: list[float]) -> str:
    return f"{min(figures):.2f}–{max(figures):.2f}"


def main() -> None:
    from bench import catalog_of
    from bench_site_hugo import export

    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-search", action="store_true")
    parser.add_argument("--skip-plain", action="store_true")
    args = parser.parse_args()
    catalog = catalog_of(args.records)
    hugo_site = export(args.records, catalog, OUT / f"bench-{args.records}-hugo")
    cases = ([False] if not args.skip_plain else []) + ([True] if not args.skip_search and PAGEFIND.is_file() else [])
    for search in cases:
        mine: list[tuple[float, float]] = []
        theirs: list[tuple[float, float]] = []
        for _ in range(args.repeat):  # alternating, so both see the same load
            mine.append(ours(catalog, search))
            theirs.append(reference(hugo_site, search))
        label = "with search, beside Hugo + Pagefind" if search else "without search, beside Hugo"
        ratios = [m[0] / t[0] for m, t in zip(mine, theirs)]
        cpu_ratios = [m[1] / t[1] for m, t in zip(mine, theirs)]
        print(f"{args.records} records, build-site {label}: ours wall {span([m[0] for m in mine])} s "
              f"(CPU {span([m[1] for m in mine])} s); reference wall {span([t[0] for t in theirs])} s "
              f"(CPU {span([t[1] for t in theirs])} s); ratio per pair wall {span(ratios)}×, CPU {span(cpu_ratios)}×; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)


if __name__ == "__main__":
    main()
