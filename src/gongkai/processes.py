"""Pools of worker processes that leave Ctrl+C to the main process and end with it."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from typing import Any, Generic, TypeVar

P = TypeVar("P")
T = TypeVar("T")

PR_SET_PDEATHSIG = 1
_worker: list[bool] = []  # holds True in a pool's worker process


def in_worker() -> bool:
    """True in a worker of one of these pools: a pool's workers may not start pools of their own."""
    return bool(_worker)


def worker_start() -> None:
    """In a worker: ignore Ctrl+C (the main process decides and stops the pool), and die when the main process dies.

    Without this, Ctrl+C in a terminal reaches every worker of the process group, and each prints its own traceback
    before the main process can say 「已中断」; a worker whose parent was killed would go on working for nobody.
    """
    _worker.append(True)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held by the parent while it forked (below)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)  # Linux: the kernel ends the worker when its parent dies
    except (OSError, AttributeError, TypeError):  # not Linux: no such call; the pool still ends its workers
        pass
    signal.signal(signal.SIGTERM, lambda *_: os._exit(1))


def map_in_workers(work: Callable[[P], T], parts: Sequence[P], workers: int,
                   context: BaseContext | None = None, then: Callable[[T], Any] | None = None) -> list[Any]:
    """work() over *parts* in a pool of *workers* processes, one part at a time; the results in order, each passed
    through then() here as it arrives (so that a large result can be unpacked while the next is still on its way).

    On success the pool is closed and its workers joined; on Ctrl+C or an error they are ended at once, so the main
    process can report and exit without waiting for the work still queued.
    """
    return start_in_workers(work, parts, workers, context).results(then)


class Pending(Generic[T]):
    """Work started in a pool of workers (start_in_workers); results() waits for it and ends the pool."""

    def __init__(self, pool: Any, results: Iterator[T], ready: Callable[[], bool] | None = None) -> None:
        self.pool, self._results, self._ready = pool, results, ready

    def ready(self) -> bool:
        """True once results() will not wait (known only for work started beside: start_beside)."""
        return self._ready is not None and self._ready()

    def results(self, then: Callable[[T], Any] | None = None) -> list[Any]:
        """The results in order (each passed through then() as it arrives); the workers are ended once they are in,
        or at once on Ctrl+C or an error."""
        try:
            found = [result if then is None else then(result) for result in self._results]
            self.pool.close()
        except BaseException:
            self.pool.terminate()
            raise
        finally:
            self.pool.join()
        return found


def start_in_workers(work: Callable[[P], T], parts: Sequence[P], workers: int,
                     context: BaseContext | None = None) -> Pending[T]:
    """Start work() over *parts* in a pool of *workers* processes and return at once: this process goes on with other
    work meanwhile (the workers are forked now, with what this process holds now)."""
    return _started(workers, context, lambda pool: Pending(pool, pool.imap(work, parts, chunksize=1)))


def start_beside(work: Callable[[], T], context: BaseContext | None = None) -> Pending[T]:
    """Start work() in one worker process and return at once; the Pending tells when it is done (ready())."""
    def begin(pool: Any) -> Pending[T]:
        found = pool.apply_async(work)
        return Pending(pool, (found.get() for _ in range(1)), found.ready)
    return _started(1, context, begin)


def _started(workers: int, context: BaseContext | None, begin: Callable[[Any], Pending[T]]) -> Pending[T]:
    pool = None
    try:
        with _interrupts_held():
            pool = (context or multiprocessing.get_context()).Pool(workers, initializer=worker_start)
        return begin(pool)
    except BaseException:
        if pool is not None:
            pool.terminate()
            pool.join()
        raise


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Run a step that must not stop half-way (two renames that swap a site folder): a Ctrl+C arriving meanwhile is
    raised when it ends. Python runs signal handlers in the main thread whichever thread the signal reached, so the
    handler notes it there; elsewhere (a library call in another thread) nothing can be deferred."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: arrived.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if arrived and callable(previous):
        previous(signal.SIGINT, None)  # Python's own handler raises KeyboardInterrupt


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl+C while workers are forked: one arriving between a fork and the worker's own start would otherwise
    reach a worker not yet ignoring it (a traceback on screen). Held, it reaches this process when the forking ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
