"""Making many files on every core: forked workers make and write their share straight into staging.

A worker also scans what it wrote for personal data (the output scan, on the bytes it just put in staging), so the
scan before publishing costs no more wall time than the making; the main process scans whatever no worker did.
Workers are gongkai.processes': they ignore Ctrl+C (the main process stops them) and end with the main process even
when it is killed, so an interrupted build leaves no worker behind and prints no worker traceback.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gongkai.processes import map_in_workers
from gongkai.site.artifact import Artifact

MIN_PARALLEL = 2000
_state: dict[str, Any] = {}


@dataclass(frozen=True)
class Made:
    """One file made: its path, the hash of its inputs and of its bytes, and its search entry (if any)."""

    path: str
    key: str
    content: str
    search: Any = None


Write = Callable[[str, bytes], str]  # writes bytes at a path, returns the content hash
Check = Callable[[list[Made]], list[Any]]  # the output scan of the files just made (as written): its findings
Beside = Callable[[], list[Made]]  # a job that makes files of its own (through the same Write) beside the pages

# With a job beside the pages, the pages are cut into this many shares per worker: a worker that took the job
# then takes fewer of them, and both cores stay busy to the end.
SHARES_BESIDE = 8


@dataclass
class Batch:
    """What make_all did: the files made, the paths whose written bytes were already scanned, and the findings."""

    made: list[Made]
    checked: set[str] = field(default_factory=set)
    findings: list[Any] = field(default_factory=list)
    beside_seconds: float = 0.0  # the wall time of the job beside the pages


def make_all(todo: list[tuple[Artifact, str]], write: Write, search: bool, check: Check | None = None,
             beside: Beside | None = None) -> Batch:
    """Make every (artifact, key) of *todo*, and run *beside* (its files go with the pages'); in forked workers when
    there are many and the platform can fork, *beside* in one worker while the others make pages.

    Forked workers also run *check* over their share; made in this process, the files are left to the caller's scan.
    """
    workers = min(os.cpu_count() or 1, 8)
    if len(todo) < MIN_PARALLEL or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        batch = Batch([_make(artifact, key, write, search) for artifact, key in todo])
        if beside is not None:
            made, batch.beside_seconds = _timed(beside)
            batch.made.extend(made)
        return batch
    _state.update(todo=todo, write=write, search=search, check=check, beside=beside)
    count = workers * SHARES_BESIDE if beside is not None else workers
    tasks: list[range | None] = [None] if beside is not None else []  # first: the longest single task
    tasks += [range(start, len(todo), count) for start in range(count)]
    try:
        results = map_in_workers(_work, tasks, workers, multiprocessing.get_context("fork"))
    finally:
        _state.clear()
    batch = Batch([made for share, _, _ in results for made in share])
    batch.beside_seconds = sum(seconds for _, _, seconds in results)
    if check is not None:
        batch.checked = {made.path for made in batch.made}
        batch.findings = [finding for _, found, _ in results for finding in found]
    return batch


def _make(artifact: Artifact, key: str, write: Write, search: bool) -> Made:
    content = write(artifact.path, artifact.make())
    entry = artifact.search() if search and artifact.search is not None else None
    return Made(artifact.path, key, content, entry)


def _timed(job: Beside) -> tuple[list[Made], float]:
    started = time.perf_counter()
    made = job()
    return made, time.perf_counter() - started


def _work(task: range | None) -> tuple[list[Made], list[Any], float]:
    """In a worker: a share of the pages (or, for None, the job beside them), then the scan of what it wrote."""
    seconds = 0.0
    if task is None:
        made, seconds = _timed(_state["beside"])
    else:
        todo: list[tuple[Artifact, str]] = _state["todo"]
        made = [_make(todo[i][0], todo[i][1], _state["write"], _state["search"]) for i in task]
    check: Check | None = _state["check"]
    return made, check(made) if check is not None else [], seconds
