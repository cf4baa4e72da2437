"""Rendering many pages on every core: forked workers render and write their share straight into staging."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any

from gongkai.site.output import Emitter

MIN_PARALLEL = 2000
Job = tuple[str, str, str, Callable[[], dict[str, Any]]]  # path, template, inputs hash, context
_state: dict[str, Any] = {}


def render_all(jobs: list[Job], emitter: Emitter, render: Callable[[Job], bytes]) -> None:
    """Render and emit *jobs*; in forked workers when there are many and the platform can fork."""
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < MIN_PARALLEL or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for job in jobs:
            emitter.emit(job[0], render(job), job[2])
        return
    _state.update(jobs=jobs, emitter=emitter, render=render)
    chunks = [range(start, len(jobs), workers) for start in range(workers)]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for files, changed, reused in pool.map(_work, chunks):
                emitter.new.files.update(files)
                emitter.changed.extend(changed)
                emitter.written += len(changed)
                emitter.reused += reused
    finally:
        _state.clear()


def _work(indices: range) -> tuple[dict[str, list[str]], list[str], int]:
    """In a worker: render and emit one share of the jobs; report what was written."""
    jobs: list[Job] = _state["jobs"]
    parent: Emitter = _state["emitter"]
    emitter = Emitter(parent.old_site, parent.staging, parent.old, in_place=parent.in_place)
    for index in indices:
        job = jobs[index]
        emitter.emit(job[0], _state["render"](job), job[2])
    return emitter.new.files, emitter.changed, emitter.reused
