"""Timing of export xlsx/csv, import planning and fmt --check on a catalog (default: the bundled one)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from gongkai.authoring.fmt import format_paths
from gongkai.catalog import load_catalog
from gongkai.interchange.csv import export_directory_csv
from gongkai.interchange.importing import import_xlsx
from gongkai.interchange.xlsx import export_directory_xlsx


def timed(label: str, func, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = func(*args)
    print(f"{label}: {(time.perf_counter() - start) * 1000:.0f} ms")
    return result


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "catalog")
    catalog = load_catalog(root, use_cache=False)
    print(f"{len(catalog.items)} items, {len(catalog.records)} records")
    data = timed("export xlsx", export_directory_xlsx, catalog)
    print(f"  {len(data)} bytes")
    timed("export csv", export_directory_csv, catalog)
    plan = timed("import xlsx (plan, same catalog)", import_xlsx, catalog, data)
    print(f"  changes: {len(plan.changes)}, problems: {len(plan.problems)}")
    results = timed("fmt --check", format_paths, [root], False)
    print(f"  files: {len(results)}")


if __name__ == "__main__":
    main()
