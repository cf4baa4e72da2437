"""Read every department's catalog for the county view, on every core."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from gongkai.catalog.cache import code_salt
from gongkai.catalog.listing import CatalogNotFound, find_root
from gongkai.county.config import Department
from gongkai.county.department import DepartmentResult, probe, read_safely
from gongkai.processes import map_in_workers

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

    def told_apart(self, department: DepartmentResult) -> str:
        """The department's name, with its folder when another readable one has the same 机关名称 (a naming slip, two
        clones): each keeps its own line in the annual checks."""
        same = sum(d.name == department.name for d in self.readable)
        return f"{department.name}（{department.label}）" if same > 1 else department.name

    @property
    def unreadable(self) -> list[DepartmentResult]:
        """The departments that could not be read (a catalog listed again is not one of them)."""
        return [d for d in self.departments if d.broken and not d.duplicate]

    @property
    def repeated(self) -> list[DepartmentResult]:
        return [d for d in self.departments if d.duplicate]


def _map(work: Callable[[Department], T], departments: Sequence[Department], jobs: int | None) -> list[T]:
    """work() over the departments, in worker processes when there are enough of them to pay for it."""
    workers = min(jobs or os.cpu_count() or 1, len(departments))
    if workers < 2 or len(departments) < POOL_FROM:
        return [work(d) for d in departments]
    # One catalog at a time: a batch of several could leave one worker reading the last batch alone.
    return map_in_workers(work, departments, workers)


def inputs_key(departments: list[Department], year: int, today: dt.date, use_cache: bool = True,
               jobs: int | None = None, title: str = "") -> str:
    """A digest of everything the county's outputs are made from (each catalog's listing fingerprint, and the *title*
    the workbooks carry, county.yaml's 名称): cheap to get."""
    prints = _map(partial(probe, use_cache=use_cache), departments, jobs)
    parts = [f"{year}:{today.isoformat()}:{code_salt()}", title]
    parts += [f"{d.label}|{d.folder}|{fingerprint}" for d, fingerprint in zip(departments, prints)]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def review_county(departments: list[Department], year: int, today: dt.date, use_cache: bool = True,
                  jobs: int | None = None) -> CountyView:
    """Read every department; one that cannot be read is a result with its problem, never an exception.

    Every department goes to the workers, remembered or not: finding a remembered result lists the catalog (about
    30 ms at 2,000 records), sending it back costs a pickle round trip of about 2 ms. Results keep the given order.
    """
    results = _map(partial(read_safely, year=year, today=today, use_cache=use_cache), departments, jobs)
    return CountyView(year, today, counted_once(departments, results))


def counted_once(departments: Sequence[Department], results: list[DepartmentResult]) -> list[DepartmentResult]:
    """The results, with a catalog listed again reported instead of counted twice in the county's sums.

    Again means the same folder written another way (catalog/, ./, an absolute path, a symlink): it would double that
    department's figures. (Two folders under one 机关名称 may be two clones or a naming slip: the notes say so.)
    """
    folders: dict[Path, int] = {}
    kept = []
    for number, (department, result) in enumerate(zip(departments, results), start=1):
        root = _root(department.folder)
        if result.broken or root not in folders:
            folders.setdefault(root, number)
            kept.append(result)
            continue
        first = folders[root]
        kept.append(DepartmentResult(result.label, result.folder, result.name, (
            f"与第{first}个部门（{departments[first - 1].label}）是同一个目录，没有重复统计：请在命令行或 county.yaml 中只写一次"),
            duplicate=True))
    return kept


def _root(folder: Path) -> Path:
    try:
        return find_root(folder).resolve()
    except (CatalogNotFound, OSError):
        return folder.resolve()
