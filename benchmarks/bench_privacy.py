"""Time the privacy scan (what the publishing gate runs for every record) on a synthetic catalog.

    python benchmarks/bench_privacy.py [--records 100000] [--dir benchmarks/out/privacy]

Target (issue 6): scanning 100,000 records ≤ 10 s cold; warm (nothing changed) answered from the cache.
The catalog is loaded first (that is validation's cost, measured by bench_validate.py); the figures are the scan
alone: cold = no remembered results, warm = a new process reading the SQLite memo, and the in-process repeat.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

CHILD = """
import sys, time
from pathlib import Path
from gongkai.catalog import load_catalog
from gongkai.gate import admit
catalog = load_catalog(Path(sys.argv[1]))
catalog.records; catalog.paths
public = sum(1 for r in catalog.records.values() if r.is_public)
start = time.perf_counter()
result = admit(catalog, catalog.records and __import__("datetime").date(2026,11,27))
first = time.perf_counter() - start
start = time.perf_counter()
admit(catalog, catalog.records and __import__("datetime").date(2026,11,27))
again = time.perf_counter() - start
print(f"{len(catalog.records)} {public} {len(result.blocked)} {first:.3f} {again:.3f}")
"""


def scan_once(root: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(root)], check=True, capture_output=True, text=True)
    return done.stdout.split()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path("benchmarks/out/privacy"))
    args = parser.parse_args()
    root = args.dir / f"catalog-{args.records}"
    if not root.exists():
        generate(root, args.records, max(45, args.records // 200))
    scan_once(root)  # warms the parse cache so that the next run measures the scan alone
    with_memo = root / ".gongkai-cache"
    subprocess.run([sys.executable, "-c", "import sqlite3,sys; db=sqlite3.connect(sys.argv[1]);"
                    "db.execute(\"DELETE FROM memo WHERE k LIKE 'privacy:%'\"); db.commit()",
                    str(with_memo / "cache.sqlite3")], check=True)
    records, public, blocked, cold, repeat = scan_once(root)
    _, _, _, warm, _ = scan_once(root)
    print(f"records {records}, 主动公开 {public}, blocked {blocked}")
    print(f"privacy scan cold  {float(cold):6.2f} s   (target ≤ 10 s for 100,000 records)")
    print(f"privacy scan warm  {float(warm):6.2f} s   (new process, results from the SQLite memo)")
    print(f"privacy scan again {float(repeat):6.2f} s   (same process, same catalog)")
    if "--clean" in sys.argv:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
