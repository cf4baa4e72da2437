"""A year of handovers (24 batches, 2026) on a synthetic catalog; prints the time per batch and in total.

    python benchmarks/bench_handover.py [--records 5000] [--dir benchmarks/out/handover]

Every 主动公开 record gets a PDF attachment (a text PDF of the bundled catalog, made distinct by a comment after its
end) so that the batches are complete and the gate reads real text.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

from gongkai.catalog import load_catalog  # noqa: E402
from gongkai.cli import main  # noqa: E402
from gongkai.handover.run import handover_days  # noqa: E402

# (a PDF of 20,000 zeros read as a long number: the gate held every record back and the batches sent nothing)
PDF = (Path(__file__).resolve().parent.parent / "catalog" / "files" / "2026" / "R2026-001.pdf").read_bytes()


def attach(root: Path) -> int:
    """Give every 主动公开 record a PDF attachment; returns how many."""
    count = 0
    for path in sorted((root / "records").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "主动公开" not in text:
            continue
        rid = path.stem
        (root / "files" / path.parent.name).mkdir(parents=True, exist_ok=True)
        (root / "files" / path.parent.name / f"{rid}.pdf").write_bytes(PDF + b"% " + rid.encode() + b"\n")
        if "\n附件:" in text:  # the generator gave it one already, at this path: now our PDF
            count += 1
            continue
        body = text.index("正文:")
        path.write_text(text[:body] + f"附件:\n  - 文件: files/{path.parent.name}/{rid}.pdf\n" + text[body:],
                        encoding="utf-8")
        count += 1
    return count


def main_() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--dir", type=Path, default=Path("benchmarks/out/handover"))
    parser.add_argument("--batches", type=int, default=24, help="only the year's first N batches")
    args = parser.parse_args()
    shutil.rmtree(args.dir, ignore_errors=True)
    catalog = args.dir / "catalog"
    generate(catalog, args.records, max(20, args.records // 250))
    print(f"{args.records} 条信息，其中 {attach(catalog)} 条带 PDF")
    days = [d.actual for d in handover_days(load_catalog(catalog), 2026)][:args.batches]
    total = time.perf_counter()
    for day in days:
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = main(["handover", "--date", day.isoformat(), "-C", str(catalog), "--out",
                         str(args.dir / "out" / day.isoformat()), "--allow-incomplete"])
        print(f"{day}  退出码 {code}  {time.perf_counter() - start:6.2f} s")
    print(f"全年 {len(days)} 批：{time.perf_counter() - total:.2f} s")
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        main(["handover", "--date", days[-1].isoformat(), "-C", str(catalog), "--out", str(args.dir / "again")])
    print(f"重跑最后一批（按台账重新生成）：{time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main_()
