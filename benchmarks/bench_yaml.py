"""yaml-rs against PyYAML's C loader (and ruamel safe): parse the same catalog files, already read into memory.

    python benchmarks/bench_yaml.py CATALOG_DIR N     (needs PyYAML installed beside gongkai's own dependencies)

Figures and the decision: docs/decisions/yaml.md. PyYAML is not a dependency of gongkai.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
import time
from collections.abc import Callable
from typing import Any

import yaml  # type: ignore[import-untyped]
import yaml_rs
from ruamel.yaml import YAML

RUAMEL_LIMIT = 20_000  # ruamel safe takes about 3 ms a file: minutes beyond this


def catalog_texts(root: str, limit: int) -> list[str]:
    """The first *limit* YAML files of the catalog, as text."""
    texts = []
    for folder, _, names in sorted(os.walk(root)):
        if ".gongkai-cache" not in folder:
            texts += [open(os.path.join(folder, n), encoding="utf-8").read() for n in sorted(names) if n.endswith(".yaml")]
    return texts[:limit]


def timed(label: str, parse: Callable[[str], Any], texts: list[str], runs: int = 3) -> list[Any]:
    """Parse every text *runs* times; print min–max seconds and µs per file."""
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        trees = [parse(text) for text in texts]
        seconds.append(time.perf_counter() - started)
    print(f"{label:30s} {len(texts)} files  {min(seconds):6.2f}–{max(seconds):6.2f} s  "
          f"{min(seconds) / len(texts) * 1e6:6.1f} µs/file", flush=True)
    return trees


def plain(value: Any) -> Any:
    """Dates as ISO text: PyYAML makes dates, yaml-rs (parse_datetime=False) keeps the text."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def main() -> None:
    texts = catalog_texts(sys.argv[1], int(sys.argv[2]))
    gc.disable()
    fast = timed("yaml-rs", lambda text: yaml_rs.loads(text, parse_datetime=False), texts)
    c_safe = timed("PyYAML CSafeLoader", lambda text: yaml.load(text, Loader=yaml.CSafeLoader), texts)
    timed("PyYAML CBaseLoader (all str)", lambda text: yaml.load(text, Loader=yaml.CBaseLoader), texts)
    if len(texts) <= RUAMEL_LIMIT:
        timed("ruamel safe", YAML(typ="safe", pure=False).load, texts, runs=1)
    print("files parsed differently (dates as text):", sum(plain(a) != plain(b) for a, b in zip(fast, c_safe)))


if __name__ == "__main__":
    main()
