"""Making many files on every core: forked workers make and write their share straight into staging.

Workers ignore Ctrl+C (the main process stops them) and end with the main process even when it is killed
(PR_SET_PDEATHSIG), so an interrupted build leaves no worker behind and prints no worker traceback.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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


def make_all(todo: list[tuple[Artifact, str]], write: Write, search: bool) -> list[Made]:
    """Make every (artifact, key) of *todo*; in forked workers when there are many and the platform can fork."""
    workers = min(os.cpu_count() or 1, 8)
    if len(todo) < MIN_PARALLEL or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_make(artifact, key, write, search) for artifact, key in todo]
    _state.update(todo=todo, write=write, search=search)
    shares = [range(start, len(todo), workers) for start in range(workers)]
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_worker_start)
    try:
        results = pool.map(_work, shares)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        _state.clear()
    return [made for share in results for made in share]


def _make(artifact: Artifact, key: str, write: Write, search: bool) -> Made:
    content = write(artifact.path, artifact.make())
    entry = artifact.search() if search and artifact.search is not None else None
    return Made(artifact.path, key, content, entry)


def _work(indices: range) -> list[Made]:
    todo: list[tuple[Artifact, str]] = _state["todo"]
    return [_make(todo[i][0], todo[i][1], _state["write"], _state["search"]) for i in indices]


def _worker_start() -> None:
    """In a worker: leave Ctrl+C to the main process, and die with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: the kernel ends the worker when its parent dies
    except (OSError, AttributeError):
        pass
    signal.signal(signal.SIGTERM, lambda *_: os._exit(1))
