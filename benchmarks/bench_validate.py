"""Cold and warm `gongkai validate` on a synthetic catalog; prints wall time and peak memory.

    python benchmarks/bench_validate.py [--records 100000] [--dir benchmarks/out/validate]

Targets (issue 2): cold ≤ 15 s, warm (nothing changed) ≤ 1.5 s, peak memory ≤ 1 GB for 100,000 records.
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

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

GONGKAI = [sys.executable, "-m", "gongkai"]


def run(args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB of the child, and exit code."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execv(args[0], args)
    _, status, usage = os.wait4(pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path("benchmarks/out/validate"))
    args = parser.parse_args()
    target = args.dir / f"catalog-{args.records}"
    if not (target / "gongkai.yaml").exists():
        generate(target, args.records, max(60, args.records // 250))
    shutil.rmtree(target / ".gongkai-cache", ignore_errors=True)
    command = GONGKAI + ["validate", str(target), "--today", "2026-11-27"]
    cold = run(command)
    warm = run(command)
    one = target / "records" / "2026" / sorted(os.listdir(target / "records" / "2026"))[0]
    one.write_text(one.read_text(encoding="utf-8").replace("题名: ", "题名: （修订）", 1), encoding="utf-8")
    changed = run(command)
    nocache = run(command + ["--no-cache"])
    print(f"records={args.records} files={sum(1 for _ in target.rglob('*.yaml'))}")
    for label, (wall, rss, code) in (("cold", cold), ("warm (no change)", warm), ("one record changed", changed),
                                      ("--no-cache", nocache)):
        print(f"{label:20s} {wall:7.2f} s   peak {rss:7.0f} MB   exit {code}")


if __name__ == "__main__":
    main()
