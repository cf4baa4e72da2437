"""Forked workers that share the parent's data without pickling it.

The build's loops over every record or file (the gate's privacy scan, the search index's shards, the output scan of
what no page worker scanned) run here on every core, in gongkai.processes' pools: workers leave Ctrl+C to the main
process and die with it, so an interrupted command leaves no worker behind and prints no worker traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Generic, TypeVar

# multiprocessing and gongkai.processes (ctypes) are imported when there is work for several processes: validate after
# one edit scans one record here, in the caller (5 ms of imports saved).

T = TypeVar("T")
_shared: dict[str, Any] = {}  # what forked workers read (inherited, never pickled)


def can_fork() -> bool:
    """True when there are several cores, the platform can fork and this is not already a worker."""
    import multiprocessing

    from gongkai.processes import in_worker

    return (os.cpu_count() or 1) >= 2 and "fork" in multiprocessing.get_all_start_methods() and not in_worker()


def shared() -> Any:
    """The items that in_parallel() was given (in the worker or, with one part, in the caller)."""
    return _shared["items"]


def ranges(size: int, parallel: bool, per_worker: int = 1) -> list[range]:
    """*size* items cut into *per_worker* ranges per worker (one range when not *parallel* or the platform cannot
    fork)."""
    count = workers() * per_worker if parallel and can_fork() else 1
    step = max(1, -(-size // count))
    return [range(start, min(start + step, size)) for start in range(0, size, step)] or [range(0)]


def workers() -> int:
    """How many workers in_parallel() starts at most: one per core, up to 4."""
    return min(os.cpu_count() or 1, 4)


def in_parallel(work: Callable[[range], T], parts: list[range], items: Any,
                then: Callable[[T], Any] | None = None) -> list[Any]:
    """work() on each part, in forked workers when there are several parts; the results in order, each passed
    through then() in this process when given."""
    return in_parallel_later(work, parts, items).results(then)


class Later(Generic[T]):
    """Work that in_parallel_later() started: results() waits for it."""

    def __init__(self, pending: Any = None, done: list[T] | None = None) -> None:
        self.pending, self.done = pending, done

    def ready(self) -> bool:
        """True once results() will not wait: work done here, or work started beside() that has ended."""
        return self.pending is None or self.pending.ready()

    def results(self, then: Callable[[T], Any] | None = None) -> list[Any]:
        """The results, each passed through then() as it arrives; asked again, the same list (the workers are ended
        the first time)."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            self.done = list(pending.results(then))
            return self.done
        found = self.done or []
        return found if then is None else [then(result) for result in found]


def in_parallel_later(work: Callable[[range], T], parts: list[range], items: Any) -> Later[T]:
    """in_parallel(), started: with several parts the workers are forked now and work while this process goes on
    (results() collects them); with one, the work is done here and now."""
    _shared["items"] = items
    try:
        if len(parts) == 1:
            return Later(done=[work(parts[0])])
        import multiprocessing

        from gongkai.processes import start_in_workers

        return Later(start_in_workers(work, parts, min(len(parts), workers()), multiprocessing.get_context("fork")))
    finally:
        _shared.clear()  # (the workers were forked with it: they keep their copy)


def beside(work: Callable[[], T]) -> Later[T]:
    """work() in one forked worker while this process goes on (results() collects it); done here and now when the
    platform cannot fork or this is a worker."""
    if not can_fork():
        return Later(done=[work()])
    _shared["beside"] = work
    try:
        import multiprocessing

        from gongkai.processes import start_beside

        return Later(start_beside(_beside, multiprocessing.get_context("fork")))
    finally:
        _shared.clear()


def _beside() -> Any:
    return _shared["beside"]()

