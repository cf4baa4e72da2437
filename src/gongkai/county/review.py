"""Read every department's catalog for the county view: remembered results first, the rest on both cores."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from gongkai.catalog.cache import code_salt
from gongkai.county.config import Department
from gongkai.county.department import DepartmentResult, probe, read_safely, remembered

T = TypeVar("T")
# Below this many catalogs to read, starting worker processes costs more than it saves.
POOL_FROM = 4


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


def _map(work: Callable[[Department], T], departments: Sequence[Department], jobs: int | None) -> list[T]:
    """work() over the departments, in worker processes when there are enough of them to pay for it."""
    workers = min(jobs or os.cpu_count() or 1, len(departments))
    if workers < 2 or len(departments) < POOL_FROM:
        return [work(d) for d in departments]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(work, departments, chunksize=max(1, len(departments) // (workers * 4))))


def inputs_key(departments: list[Department], year: int, today: dt.date, use_cache: bool = True,
               jobs: int | None = None) -> str:
    """A digest of everything the county's outputs are made from (each catalog's listing fingerprint): cheap to get."""
    prints = _map(partial(probe, use_cache=use_cache), departments, jobs)
    parts = [f"{year}:{today.isoformat()}:{code_salt()}"]
    parts += [f"{d.label}|{d.folder}|{fingerprint}" for d, fingerprint in zip(departments, prints)]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def review_county(departments: list[Department], year: int, today: dt.date, use_cache: bool = True,
                  jobs: int | None = None) -> CountyView:
    """Read every department; one that cannot be read is a result with its problem, never an exception.

    Results remembered for unchanged catalogs are taken in this process; only the others go to the workers (a result
    sent back from a worker costs a pickle round trip that a remembered one does not need).
    """
    results: list[DepartmentResult | None] = [remembered(d, year, today, use_cache) for d in departments]
    todo = [d for d, r in zip(departments, results) if r is None]
    fresh = iter(_map(partial(read_safely, year=year, today=today, use_cache=use_cache), todo, jobs))
    return CountyView(year, today, [r if r is not None else next(fresh) for r in results])
