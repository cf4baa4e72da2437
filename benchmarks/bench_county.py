"""Time gongkai county at county scale: N catalogs × M records, cold (no caches) and when nothing changed.

    python benchmarks/bench_county.py [--catalogs 50] [--records 2000] [--items 100] [--work DIR] [--jobs 2]

Targets (issue 20): ≈ 50 catalogs × 2,000 records in ≤ 30 s cold and ≤ 3 s when nothing changed. The catalogs are
made by benchmarks/generate.py (the bundled agency file, renamed per department); the whole command is timed as a
user runs it (a fresh process), and each case is run twice, the better time kept.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

GONGKAI = [sys.executable, "-m", "gongkai"]


def make_catalogs(work: Path, catalogs: int, records: int, items: int) -> list[Path]:
    """*catalogs* synthetic catalogs under *work* (reused when already there), each with its own agency name."""
    folders = []
    for number in range(1, catalogs + 1):
        folder = work / f"dept{number:02d}"
        if not (folder / "gongkai.yaml").is_file():
            generate(folder, records, items, seed=number)
            agency = folder / "gongkai.yaml"
            agency.write_text(agency.read_text(encoding="utf-8").replace("安溪县民政局", f"安溪县第{number}部门", 1),
                              encoding="utf-8")
        folders.append(folder)
    return folders


CPU: list[float] = []  # CPU seconds (user + system, the command and its workers) of every run, in order


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(folders: list[Path], out: Path, jobs: int, today: str) -> float:
    """Wall seconds of one run; its CPU seconds (a figure the machine's load barely moves) go to CPU."""
    started, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run([*GONGKAI, "county", *map(str, folders), "--out", str(out), "--today", today,
                             "--jobs", str(jobs), "--format", "json"], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    CPU.append(_children_cpu() - cpu)
    if result.returncode != 0:
        raise SystemExit(f"gongkai county 退出码 {result.returncode}：{result.stderr[-2000:]}")
    return elapsed


def clear_caches(folders: list[Path], out: Path) -> None:
    for folder in folders:
        shutil.rmtree(folder / ".gongkai-cache", ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="gongkai county 的性能测试")
    parser.add_argument("--catalogs", type=int, default=50)
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "gongkai-bench-county")
    parser.add_argument("--today", default="2026-11-27")
    args = parser.parse_args()
    started = time.perf_counter()
    folders = make_catalogs(args.work, args.catalogs, args.records, args.items)
    print(f"{args.catalogs} 个目录 × {args.records} 条信息、{args.items} 个事项（{args.work}，准备 {time.perf_counter() - started:.1f} s）")
    out = args.work / "out"
    cold = []
    for _ in range(2):
        clear_caches(folders, out)
        cold.append(run(folders, out, args.jobs, args.today))
    warm = [run(folders, out, args.jobs, args.today) for _ in range(2)]
    record = next((folders[0] / "records").rglob("*.yaml"))
    original = record.read_text(encoding="utf-8")
    record.write_text(original + "# 改动一条信息\n", encoding="utf-8")
    one = run(folders, out, args.jobs, args.today)
    record.write_text(original, encoding="utf-8")
    print(f"冷启动（无缓存）：{min(cold):.1f} s（目标 ≤ 30 s）；各次 {', '.join(f'{t:.1f}' for t in cold)}；"
          f"CPU {', '.join(f'{t:.1f}' for t in CPU[:2])} s")
    print(f"没有变化：{min(warm):.2f} s（目标 ≤ 3 s）；各次 {', '.join(f'{t:.2f}' for t in warm)}；"
          f"CPU {', '.join(f'{t:.2f}' for t in CPU[2:4])} s")
    print(f"改了一个目录的一条信息（重算这个目录、重写三个工作簿）：{one:.2f} s；CPU {CPU[4]:.2f} s")
    print(f"本机负载（1、5、15 分钟平均）：{', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
