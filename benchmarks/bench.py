"""`make bench`: every case as users run it (the CLI), beside its reference, in ONE table.

    .venv/bin/python benchmarks/bench.py [--records 20000] [--site-records 10000] [--large] [--repeat 3]

Cases: validate cold / nothing changed / one record changed (20k; 100k with --large), `gongkai --help`, validate of
the bundled catalog, build-site without search (full, nothing changed, one record changed) at 10k beside Hugo on the
same pages. References: Hugo; the floor (reading every file of the catalog, importing the CLI framework, starting
Python); the run a ratio is asked against (nothing changed for one change, the full build for rebuilds); the
previous figure (issue 18, a quiet machine). Figures are min–max over --repeat runs: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
TODAY = "2026-11-27"
GONGKAI = [sys.executable, "-m", "gongkai"]
sys.path.insert(0, str(HERE))
# Issue 18's figures (quiet machine, the generator before attachments and 公示 lists): the previous figure.
PREVIOUS = {"validate cold 100k": 7.4, "validate nothing changed 100k": 0.86, "validate one change 100k": 6.7,
            "validate nothing changed 20k": 0.39, "validate one change 20k": 1.57, "--help": 0.51,
            # before KEYED/VIEW rules (val4): a 题名 edit re-read the whole catalog; start-up imported every model
            "validate one change (题名) 20k": 4.87, "validate bundled catalog": 0.53}
CPU = False  # --cpu: figures are the child's CPU seconds (user+sys), what a loaded machine still measures


@dataclass
class Row:
    case: str
    figures: list[float]
    reference: str
    reference_figures: list[float]

    def line(self) -> str:
        low, high = min(self.figures), max(self.figures)
        ratio = ""
        if self.reference_figures:  # the widest range: best figure over worst reference, worst over best
            ratio = f"{low / max(self.reference_figures):.2f}–{high / min(self.reference_figures):.2f}×"
        reference = f"{self.reference} {_span(self.reference_figures)}" if self.reference_figures else self.reference
        return f"| {self.case} | {_span(self.figures)} | {reference} | {ratio} |"


def _span(figures: list[float]) -> str:
    low, high = min(figures), max(figures)
    return f"{low:.2f} s" if f"{low:.2f}" == f"{high:.2f}" else f"{low:.2f}–{high:.2f} s"


def run(args: list[str], expect: tuple[int, ...] = (0, 1)) -> float:
    """Wall seconds of one CLI run (output discarded); CPU seconds with --cpu."""
    started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    code = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
    if code not in expect:
        raise SystemExit(f"{' '.join(args)} exited {code}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if CPU:
        return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return time.perf_counter() - started


def repeat(times: int, action: Callable[[], float], before: Callable[[], None] = lambda: None) -> list[float]:
    figures = []
    for _ in range(times):
        before()
        figures.append(action())
    return figures


def read_floor(catalog: Path) -> float:
    """Seconds to list and read every file of the catalog once: no tool can check it faster from cold."""
    started = time.perf_counter()
    for folder, _, names in os.walk(catalog):
        if ".gongkai-cache" not in folder:
            for name in names:
                Path(folder, name).read_bytes()
    return time.perf_counter() - started


def catalog_of(records: int) -> Path:
    from generate import generate  # noqa: PLC0415 - the generator only when a catalog is missing

    target = OUT / f"bench-{records}"
    if not (target / "gongkai.yaml").is_file():
        generate(target, records, max(60, records // 250))
    return target


class Edits:
    """Edit one record again and again (each edit a new content), then put it back.

    The 题名 by default (cross-file rules read it: GK403 and GK501 name it); *field* 正文 edits only what per-file rules
    read, so validate re-checks that one file and reuses every cross-file result.
    """

    def __init__(self, catalog: Path, field: str = "题名") -> None:
        self.path = sorted((catalog / "records" / "2026").iterdir())[len(os.listdir(catalog / "records" / "2026")) // 2]
        self.original = self.path.read_text(encoding="utf-8")
        self.count = 0
        self.field = field
        self.old, self.new = ("正文: |\n", "正文: |\n  （修订{}）\n") if field == "正文" else ("题名: ", "题名: （修订{}）")

    def __call__(self) -> None:
        self.count += 1
        if self.field == "公开日期":  # another valid day each time
            text = re.sub(r"(?m)^公开日期: .*$", f"公开日期: 2026-11-{self.count % 20 + 1:02d}", self.original, count=1)
        else:
            text = self.original.replace(self.old, self.new.format(self.count), 1)
        self.path.write_text(text, encoding="utf-8")

    def restore(self) -> None:
        self.path.write_text(self.original, encoding="utf-8")


def unchanged_and_one_change(catalog: Path, command: list[str], times: int,
                              field: str = "题名") -> tuple[list[float], list[float]]:
    """Figures of *command* with nothing changed, then with one record's *field* edited before each run."""
    nothing = repeat(times, lambda: run(command))
    edits = Edits(catalog, field)
    try:
        return nothing, repeat(times, lambda: run(command), edits)
    finally:
        edits.restore()


def validate_rows(records: int, times: int) -> list[Row]:
    catalog = catalog_of(records)
    command = GONGKAI + ["validate", str(catalog), "--today", TODAY]
    label = f"{records // 1000}k"
    floor = repeat(times, lambda: read_floor(catalog))
    cold = repeat(max(1, times - 1), lambda: run(command), lambda: shutil.rmtree(catalog / ".gongkai-cache", True))
    run(command)
    nothing, one = unchanged_and_one_change(catalog, command, times)
    body = unchanged_and_one_change(catalog, command, times, "正文")[1]
    day = unchanged_and_one_change(catalog, command, times, "公开日期")[1]
    rows = [Row(f"validate cold {label}", cold, "reading the files", floor),
            Row(f"validate nothing changed {label}", nothing, "reading the files", floor),
            Row(f"validate one change (题名) {label}", one, "nothing changed", nothing),
            Row(f"validate one change (正文) {label}", body, "nothing changed", nothing),
            Row(f"validate one change (公开日期) {label}", day, "nothing changed", nothing)]
    for row in rows:
        if row.case in PREVIOUS:
            rows.append(Row(f"  (previous figure) {row.case}", row.figures, "issue 18", [PREVIOUS[row.case]]))
    return rows


def startup_rows(times: int) -> list[Row]:
    bundled = ROOT / "catalog"
    run(GONGKAI + ["validate", str(bundled)])
    python = repeat(times, lambda: run([sys.executable, "-c", "pass"]))
    framework = repeat(times, lambda: run([sys.executable, "-c", "import typer, rich.console"]))
    return [Row("--help", repeat(times, lambda: run(GONGKAI + ["--help"])), "import typer+rich", framework),
            Row("  (previous figure) --help", repeat(1, lambda: run(GONGKAI + ["--help"])), "issue 18",
                [PREVIOUS["--help"]]),
            Row("validate bundled catalog", repeat(times, lambda: run(GONGKAI + ["validate", str(bundled)])),
                "python -c pass", python),
            Row("  (previous figure) validate bundled catalog", repeat(1, lambda: run(GONGKAI + ["validate", str(bundled)])),
                "issue 18", [PREVIOUS["validate bundled catalog"]])]


def site_rows(records: int, times: int) -> list[Row]:
    from bench_site_hugo import export  # noqa: PLC0415 - loads the catalog: only when the site is benchmarked

    catalog = catalog_of(records)
    out = OUT / f"bench-{records}-site"
    command = GONGKAI + ["build-site", str(catalog), "--out", str(out), "--no-search", "--today", TODAY]
    hugo_site = export(records, catalog, OUT / f"bench-{records}-hugo")
    hugo = repeat(max(1, times - 1), lambda: run(["hugo", "--quiet", "--source", str(hugo_site)]),
                  lambda: shutil.rmtree(hugo_site / "public", True))

    def clean() -> None:
        shutil.rmtree(out, True)
        shutil.rmtree(catalog / ".gongkai-cache", True)

    full = repeat(max(1, times - 1), lambda: run(command), clean)
    run(command)
    nothing, one = unchanged_and_one_change(catalog, command, times)
    label = f"{records // 1000}k"
    return [Row(f"build-site full, no search {label}", full, "Hugo, same pages", hugo),
            Row(f"build-site nothing changed {label}", nothing, "full build", full),
            Row(f"build-site one change {label}", one, "full build", full)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--site-records", type=int, default=10_000)
    parser.add_argument("--large", action="store_true", help="also validate 100,000 records (several minutes more)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-site", action="store_true")
    parser.add_argument("--cpu", action="store_true", help="CPU seconds of each run instead of wall time")
    args = parser.parse_args()
    global CPU  # noqa: PLW0603 - one switch for every run() of this process
    CPU = args.cpu
    rows = startup_rows(args.repeat) + validate_rows(args.records, args.repeat)
    if args.large:
        rows += validate_rows(100_000, args.repeat)
    if not args.skip_site and shutil.which("hugo"):
        rows += site_rows(args.site_records, args.repeat)
    load = os.getloadavg()[0]
    print(f"\n{'CPU' if CPU else 'wall'} seconds, min–max of {args.repeat} runs (cold and full builds: {max(1, args.repeat - 1)}); "
          f"load average {load:.1f} on {os.cpu_count()} cores")
    print("| case | figure | reference | ratio |\n|---|---|---|---|")
    print("\n".join(row.line() for row in rows))


if __name__ == "__main__":
    main()
