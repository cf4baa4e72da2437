"""Read every department's catalog for the county view: remembered results first, the rest on both cores."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial

from gongkai.catalog.cache import code_salt
from gongkai.county.config import Department
from gongkai.county.department import DepartmentResult, read_safely

# Below this many catalogs to compute, starting worker processes costs more than it saves.
POOL_FROM = 2


@dataclass
class CountyView:
    """Every department's result for one year as of *today*, in the order they were given."""

    year: int
    today: dt.date
    departments: list[DepartmentResult]

    @property
    def readable(self) -> list[DepartmentResult]:
        return [d for d in self.departments if not d.broken]

    @property
    def broken(self) -> list[DepartmentResult]:
        return [d for d in self.departments if d.broken]

    @property
    def key(self) -> str:
        """A digest of everything the outputs are made from: when it is unchanged, so are they."""
        parts = [f"{self.year}:{self.today}:{code_salt()}"]
        parts += [f"{d.label}|{d.folder}|{d.fingerprint}|{d.problem}" for d in self.departments]
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def review_county(departments: list[Department], year: int, today: dt.date, use_cache: bool = True,
                  jobs: int | None = None) -> CountyView:
    """Read every department; one that cannot be read is a result with its problem, never an exception."""
    read = partial(read_safely, year=year, today=today, use_cache=use_cache)
    workers = min(jobs or os.cpu_count() or 1, len(departments))
    if workers < 2 or len(departments) < POOL_FROM:
        return CountyView(year, today, [read(d) for d in departments])
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(read, departments, chunksize=1))
    return CountyView(year, today, results)
