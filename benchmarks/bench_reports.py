"""Time the scorecard and the annual report on a synthetic catalog with a request register.

    python benchmarks/bench_reports.py [--records 10000] [--requests 500] [--dir benchmarks/out/reports]

The catalog is loaded first; the figures are the report computations alone. The scorecard includes a full lint run
(its 错误/警告 columns), so it costs about what gongkai validate costs after loading.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

from gongkai.catalog import load_catalog  # noqa: E402
from gongkai.reports.annual import build_annual  # noqa: E402
from gongkai.reports.render import annual_html, annual_markdown  # noqa: E402
from gongkai.reports.scorecard import build_scorecard  # noqa: E402
from gongkai.reports.xlsx import annual_workbook, scorecard_workbook  # noqa: E402

OUTCOMES = [("予以公开", None), ("部分公开", None), ("不予公开", "过程性信息"), ("无法提供", "本机关不掌握"),
            ("不予处理", "重复申请")]


def add_requests(root: Path, count: int, seed: int = 1) -> None:
    """Write *count* request files for 2026, most of them answered."""
    rng = random.Random(seed)
    folder = root / "requests" / "2026"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, count + 1):
        received = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(300))
        text = (f"编号: YSQ-2026-{number:04d}\n收到日期: {received}\n申请渠道: 网上\n"
                f"申请人类型: {rng.choice(['自然人', '自然人', '商业企业', '法律服务机构'])}\n申请内容: 申请{number}\n")
        if rng.random() < 0.9:
            outcome, reason = rng.choice(OUTCOMES)
            text += f"办理结果: {outcome}\n答复日期: {received + dt.timedelta(days=rng.randrange(1, 10))}\n"
            text += f"理由: {reason}\n" if reason else ""
        (folder / f"YSQ-2026-{number:04d}.yaml").write_text(text, encoding="utf-8")


def timed(label: str, action) -> object:
    start = time.perf_counter()
    result = action()
    print(f"{label:<28} {time.perf_counter() - start:8.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--dir", type=Path, default=Path("benchmarks/out/reports"))
    args = parser.parse_args()
    generate(args.dir, args.records, max(40, args.records // 250))
    add_requests(args.dir, args.requests)
    catalog = timed("load (no cache)", lambda: load_catalog(args.dir, use_cache=False))
    today = dt.date(2026, 11, 27)
    card = timed("scorecard (with lint)", lambda: build_scorecard(catalog, 2026, today))
    timed("scorecard xlsx", lambda: scorecard_workbook(card))
    report = timed("annual tables", lambda: build_annual(catalog, 2026))
    timed("annual markdown + html", lambda: (annual_markdown(report), annual_html(report)))
    timed("annual xlsx", lambda: annual_workbook(report))
    print(f"records {len(catalog.records)}, requests {len(catalog.models('request'))}, units {len(card.units)}")


if __name__ == "__main__":
    main()
