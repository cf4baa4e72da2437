"""A worker process the system ends (out of memory, a kill) stops the command with WorkerLost instead of leaving it
waiting for ever for the work that worker held: multiprocessing.Pool started another worker in its place and never
told (seventeenth session; each test would hang with that pool, so each runs under an alarm)."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial

import pytest

from gongkai.processes import WorkerLost, map_in_workers, start_beside, start_in_workers

FORK = multiprocessing.get_context("fork")


@pytest.fixture(autouse=True)
def _alarm() -> Iterator[None]:
    def hung(*_: object) -> None:
        raise AssertionError("the wait never ended")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _dies_on_two(n: int) -> int:
    if n == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.1)
    return n * 10


def _slow(n: int) -> int:
    time.sleep(1.5)
    return n * 10


def _dies() -> int:
    os.kill(os.getpid(), signal.SIGKILL)
    return 1


def test_a_killed_worker_stops_the_wait() -> None:
    started = time.monotonic()
    with pytest.raises(WorkerLost) as raised:
        map_in_workers(_dies_on_two, [1, 2, 3, 4], 2, FORK)
    assert time.monotonic() - started < 10
    assert "一个工作进程意外结束" in str(raised.value) and "原来的文件保持不变" in str(raised.value)


def test_a_killed_worker_beside_stops_the_wait() -> None:
    pending = start_beside(_dies, FORK)
    with pytest.raises(WorkerLost):
        pending.results()


def test_work_longer_than_a_watch_comes_back_whole_and_in_order() -> None:
    assert map_in_workers(_slow, [3, 1, 2], 2, FORK) == [30, 10, 20]
    assert start_in_workers(_slow, [5], 1, FORK).results() == [50]
    assert start_beside(partial(_slow, 7), FORK).results() == [70]


def _fails_on_two(n: int) -> int:
    if n == 2:
        raise ValueError("第二份出错")
    return n


def _children() -> list[int]:
    with open(f"/proc/{os.getpid()}/task/{os.getpid()}/children", encoding="ascii") as listing:
        return [int(pid) for pid in listing.read().split()]


def test_an_error_in_the_work_comes_back_as_itself_and_no_worker_stays() -> None:
    before = set(_children())  # (under pytest-xdist this process may have other children)
    with pytest.raises(ValueError, match="第二份出错"):
        map_in_workers(_fails_on_two, [1, 2, 3, 4], 2, FORK)
    assert set(_children()) <= before


def test_after_a_lost_worker_no_worker_stays_and_the_next_pool_works() -> None:
    before = set(_children())
    with pytest.raises(WorkerLost):
        map_in_workers(_dies_on_two, [1, 2, 3], 2, FORK)
    assert set(_children()) <= before
    assert map_in_workers(_fails_on_two, [1, 3], 2, FORK) == [1, 3]


def _stuck_in_c_or_fails(n: int) -> int:
    """Part 2 waits for ever on a C lock it already holds (as a worker forked while another thread held one does:
    no Python runs there again, so no Python signal handler either); part 1 fails a moment later."""
    if n == 1:
        time.sleep(0.5)
        raise ValueError("第二份出错")
    libc = ctypes.CDLL(None)
    mutex = ctypes.create_string_buffer(64)  # all zero bytes: glibc's PTHREAD_MUTEX_INITIALIZER, not recursive
    libc.pthread_mutex_lock(mutex)
    libc.pthread_mutex_lock(mutex)
    return n


def _deaf_or_fails(n: int) -> int:
    """Part 2 holds SIGTERM back (as a worker does between its fork and its start) and sleeps; part 1 fails."""
    if n == 1:
        time.sleep(0.5)
        raise ValueError("第二份出错")
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    time.sleep(120)
    return n


def _exit_codes(workers: list[multiprocessing.process.BaseProcess]) -> list[int]:
    """The workers' exit codes. The executor's own thread joins them too, and whichever of the two reaps a worker
    first, the other reads None until the first has stored the code: wait for it (the other worker of a pool that
    failed may also have ended on its own, 0, before it was told to)."""
    for _ in range(200):
        codes = [worker.exitcode for worker in workers]
        if None not in codes:
            return sorted(code for code in codes if code is not None)
        time.sleep(0.05)
    raise AssertionError(f"a worker did not end: {codes}")


def test_a_worker_ends_on_sigterm_by_the_kernels_own_default() -> None:
    """Not by a Python handler, which a worker stuck in C never runs (below)."""
    assert map_in_workers(_sigterm_noted, [1, 2], 2, FORK) == [True, True]


def _sigterm_noted(_: int) -> bool:
    return signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


@contextmanager
def _killed_after(workers: list[multiprocessing.process.BaseProcess]) -> Iterator[None]:
    """Should the pool leave a worker behind (the bug these tests are for), kill it: the test fails, the run goes on."""
    try:
        yield
    finally:
        for worker in workers:
            if worker.exitcode is None:
                worker.kill()
                worker.join()


def test_a_worker_stuck_in_a_c_lock_ends_on_the_first_signal() -> None:
    """The CI hang of the thirty-third session: a worker's SIGTERM ran a Python handler, which never ran in a worker
    stuck in C, and the pool waited for it for ever. Ended by the kernel, every worker ends with SIGTERM itself."""
    before = set(_children())
    pending = start_in_workers(_stuck_in_c_or_fails, [1, 2], 2, FORK)
    workers = list(pending.pool._processes.values())  # noqa: SLF001 — the workers' own exit codes
    with _killed_after(workers), pytest.raises(ValueError, match="第二份出错"):
        pending.results()
    assert -signal.SIGKILL not in _exit_codes(workers)  # each ended when told: none had to be killed after the grace
    assert set(_children()) <= before


def test_a_worker_deaf_to_sigterm_is_killed_after_a_grace() -> None:
    before = set(_children())
    pending = start_in_workers(_deaf_or_fails, [1, 2], 2, FORK)
    workers = list(pending.pool._processes.values())  # noqa: SLF001
    with _killed_after(workers), pytest.raises(ValueError, match="第二份出错"):
        pending.results()
    assert -signal.SIGKILL in _exit_codes(workers)
    assert set(_children()) <= before


def _leaves_a_thread(n: int) -> int:
    """Part 1 leaves a thread that never ends (a library's, say): its worker cannot exit when told to."""
    if n == 1:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        threading.Thread(target=time.sleep, args=(120,)).start()
    return n * 10


def test_work_done_comes_back_though_a_worker_cannot_exit() -> None:
    """The results are all in: the pool ends, the worker that cannot exit is killed after a grace (not waited for,
    for ever, by the executor's own shutdown)."""
    before = set(_children())
    pending = start_in_workers(_leaves_a_thread, [1, 2, 3], 2, FORK)
    workers = list(pending.pool._processes.values())  # noqa: SLF001
    with _killed_after(workers):
        assert pending.results() == [10, 20, 30]
    assert -signal.SIGKILL in _exit_codes(workers)
    assert set(_children()) <= before
