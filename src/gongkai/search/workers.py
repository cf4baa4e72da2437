"""Forked workers for the build's longest loops (making pages, writing shards, scanning outputs), sharing the
parent's data without pickling it.

Workers ignore Ctrl+C (the main process stops them) and end with the main process even when it is killed
(PR_SET_PDEATHSIG), so an interrupted build leaves no worker behind and prints no worker traceback.
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


def shared() -> Any:
    """The items that in_parallel() was given (in the worker or, with one part, in the caller)."""
    return _shared["items"]


def ranges(size: int, parallel: bool) -> list[range]:
    """*size* items cut into one range per worker (one range when not *parallel* or the platform cannot fork)."""
    count = min(os.cpu_count() or 1, 4) if parallel and "fork" in multiprocessing.get_all_start_methods() else 1
    step = max(1, -(-size // count))
    return [range(start, min(start + step, size)) for start in range(0, size, step)] or [range(0)]


def in_parallel(work: Callable[[range], T], parts: list[range], items: Any) -> list[T]:
    """work() on each part, in forked workers when there are several parts; the results in order."""
    _shared["items"] = items
    try:
        if len(parts) == 1:
            return [work(parts[0])]
        with multiprocessing.get_context("fork").Pool(len(parts), initializer=_worker_start) as pool:
            return pool.map(work, parts)
    finally:
        _shared.clear()


def _worker_start() -> None:
    """In a worker: leave Ctrl+C to the main process, and die with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: the kernel ends the worker when its parent dies
    except (OSError, AttributeError):
        pass
    signal.signal(signal.SIGTERM, lambda *_: os._exit(1))
