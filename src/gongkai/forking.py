"""Forked workers that share the parent's data without pickling it, ignore Ctrl+C and die with the parent.

The build's loops over every record or file (the gate's privacy scan, the search index's shards, the output scan of
what no page worker scanned) run here on every core. A worker leaves Ctrl+C to the main process, which stops the
pool, and ends when the main process ends even when it is killed (PR_SET_PDEATHSIG): an interrupted command leaves
no worker behind and prints no worker traceback. A pool is closed and joined when the work is done, terminated when
it is not.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
_shared: dict[str, Any] = {}  # what forked workers read (inherited, never pickled)


def can_fork() -> bool:
    """True when there are several cores and the platform can fork."""
    return (os.cpu_count() or 1) >= 2 and "fork" in multiprocessing.get_all_start_methods()


def shared() -> Any:
    """The items that in_parallel() was given (in the worker or, with one part, in the caller)."""
    return _shared["items"]


def ranges(size: int, parallel: bool) -> list[range]:
    """*size* items cut into one range per worker (one range when not *parallel* or the platform cannot fork)."""
    count = min(os.cpu_count() or 1, 4) if parallel and can_fork() else 1
    step = max(1, -(-size // count))
    return [range(start, min(start + step, size)) for start in range(0, size, step)] or [range(0)]


def in_parallel(work: Callable[[range], T], parts: list[range], items: Any) -> list[T]:
    """work() on each part, in forked workers when there are several parts; the results in order."""
    _shared["items"] = items
    try:
        if len(parts) == 1:
            return [work(parts[0])]
        pool = multiprocessing.get_context("fork").Pool(len(parts), initializer=worker_start)
        try:
            results = pool.map(work, parts)
            pool.close()
        except BaseException:
            pool.terminate()
            raise
        finally:
            pool.join()
        return results
    finally:
        _shared.clear()


def worker_start() -> None:
    """In a worker: leave Ctrl+C to the main process, and die with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: the kernel ends the worker when its parent dies
    except (OSError, AttributeError):
        pass
    signal.signal(signal.SIGTERM, lambda *_: os._exit(1))
