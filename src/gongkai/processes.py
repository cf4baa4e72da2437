"""Pools of worker processes that leave Ctrl+C to the main process and end with it."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from typing import Any, Generic, TypeVar

from gongkai.errors import UsageProblem

P = TypeVar("P")
T = TypeVar("T")

PR_SET_PDEATHSIG = 1
# What ends a command as Ctrl+C does (`kill`, a service manager, `timeout`; the terminal window closed): without a
# handler Python dies on the spot, leaving its staging folders, and between two renames a batch without its ledger.
STOPS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_HELD = {signal.SIGINT, *STOPS}
_worker: list[bool] = []  # holds True in a pool's worker process
_GRACE = 5.0  # seconds a worker sent SIGTERM has to end before it is killed


class WorkerLost(UsageProblem):
    """A worker process ended before its work was done (the system ended it: out of memory, a kill); str() is a
    Chinese message."""

    def __init__(self) -> None:
        super().__init__("一个工作进程意外结束（可能是内存不足，被系统结束了），命令没有完成，没有写入任何输出，原来的文件保持"
                         "不变。请关闭其他占用内存的程序后重新运行。")


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
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # a closed terminal: the main process stops the pool
    # the kernel's own ending, not a Python handler: a handler runs only between two steps of Python, and a worker
    # forked while another thread held a C lock (a library's, the loader's) waits on it for ever, never between two
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)  # held by the parent while it forked (below)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)  # Linux: the kernel ends the worker when its parent dies
    except (OSError, AttributeError, TypeError):  # not Linux: no such call; the pool still ends its workers
        pass


def map_in_workers(work: Callable[[P], T], parts: Sequence[P], workers: int,
                   context: BaseContext | None = None, then: Callable[[T], Any] | None = None) -> list[Any]:
    """work() over *parts* in a pool of *workers* processes, one part at a time; the results in order, each passed
    through then() here as it arrives (so that a large result can be unpacked while the next is still on its way).

    On success the pool is closed and its workers joined; on Ctrl+C or an error they are ended at once, so the main
    process can report and exit without waiting for the work still queued; WorkerLost when a worker died.
    """
    return start_in_workers(work, parts, workers, context).results(then)


class Pending(Generic[T]):
    """Work started in a pool of workers (start_in_workers); results() waits for it and ends the pool, or raises
    WorkerLost when a worker ended before the work was done."""

    def __init__(self, pool: ProcessPoolExecutor, futures: list[Future[T]]) -> None:
        self.pool, self._futures = pool, futures

    def ready(self) -> bool:
        """True once results() will not wait."""
        return all(future.done() for future in self._futures)

    def results(self, then: Callable[[T], Any] | None = None) -> list[Any]:
        """The results in order (each passed through then() as it arrives); the workers are ended once they are in,
        or at once on Ctrl+C or an error."""
        try:
            found = [future.result() if then is None else then(future.result()) for future in self._futures]
        except BrokenProcessPool:
            _end(self.pool)
            raise WorkerLost from None
        except BaseException:
            _end(self.pool)
            raise
        _end(self.pool, at_once=False)
        return found


def start_in_workers(work: Callable[[P], T], parts: Sequence[P], workers: int,
                     context: BaseContext | None = None) -> Pending[T]:
    """Start work() over *parts* in a pool of *workers* processes and return at once: this process goes on with other
    work meanwhile (the workers are forked now, with what this process holds now)."""
    return _started(workers, context, lambda pool: [pool.submit(work, part) for part in parts])


def start_beside(work: Callable[[], T], context: BaseContext | None = None) -> Pending[T]:
    """Start work() in one worker process and return at once; the Pending tells when it is done (ready())."""
    return _started(1, context, lambda pool: [pool.submit(work)])


def _started(workers: int, context: BaseContext | None,
             submit: Callable[[ProcessPoolExecutor], list[Future[T]]]) -> Pending[T]:
    pool = None
    try:
        with _interrupts_held():  # the workers are forked by the first submit
            pool = ProcessPoolExecutor(workers, mp_context=context or multiprocessing.get_context(),
                                       initializer=worker_start)
            return Pending(pool, submit(pool))
    except BaseException:
        if pool is not None:
            _end(pool)
        raise


def _end(pool: ProcessPoolExecutor, at_once: bool = True) -> None:
    """End the pool's workers and wait until they are gone: *at_once*, the work still queued or under way is dropped;
    otherwise (the work is all in) each is told to stop and does.

    The executor has no public way to stop work under way before Python 3.14 (terminate_workers), so its workers are
    sent SIGTERM here (each exits at once: worker_start). A worker that has not ended after _GRACE seconds is killed:
    one forked with the signal held and stuck before worker_start could free it, one a thread of its work keeps alive
    (the executor's own shutdown would wait for either for ever)."""
    workers = list((pool._processes or {}).values())  # noqa: SLF001 — see above
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        if at_once and worker.exitcode is None:
            worker.terminate()
    for worker in workers:
        worker.join(_GRACE)
        if worker.exitcode is None:
            worker.kill()
            worker.join()
    pool.shutdown(wait=True)


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Run a step that must not stop half-way (two renames that swap a site folder): a Ctrl+C (or a STOPS signal)
    arriving meanwhile is raised when it ends. Python runs signal handlers in the main thread whichever thread the
    signal reached, so the handler notes it there; elsewhere (a library call in another thread) nothing can be
    deferred."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []
    previous = {number: signal.signal(number, lambda got, _frame: arrived.append(got)) for number in _HELD}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if arrived:
        handler = previous[arrived[0]]
        if callable(handler):
            handler(arrived[0], None)  # Python's own handler (or stops_as_interrupts') raises KeyboardInterrupt
        elif handler == signal.SIG_DFL:
            os.kill(os.getpid(), arrived[0])  # a library caller left the signal alone: it does now what it would have


@contextmanager
def stops_as_interrupts() -> Iterator[None]:
    """While a command runs, a STOPS signal is a Ctrl+C: the command stops the same way (its staging folders removed,
    the old output kept, 「已中断」) instead of dying between two steps. The handlers are put back afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    # one ignored stays ignored: `nohup gongkai build-site &` goes on when the terminal closes
    previous = {number: signal.signal(number, _interrupt) for number in STOPS
                if signal.getsignal(number) == signal.SIG_DFL}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _interrupt(_number: int, _frame: object) -> None:
    raise KeyboardInterrupt


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl+C while workers are forked: one arriving between a fork and the worker's own start would otherwise
    reach a worker not yet ignoring it (a traceback on screen). Held, it reaches this process when the forking ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
