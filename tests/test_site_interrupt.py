"""An interrupted build-site leaves the old site, no worker process, no traceback, and nothing that lasts.

The catalog is large enough (3,000 records) that pages are made by forked workers, as on a real county catalog.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

GONGKAI = [sys.executable, "-m", "gongkai"]


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("big") / "catalog"
    generate(root, 3000, 60)
    return root


def _build(catalog: Path, out: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "GONGKAI_TODAY": "2026-12-02"}
    return subprocess.Popen([*GONGKAI, "build-site", str(catalog), "--out", str(out), "--no-search"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True, preexec_fn=_as_from_a_terminal)


def _as_from_a_terminal() -> None:
    # A job started in the background by a shell without job control (`make test &`, some CI runners) inherits Ctrl+C
    # ignored, and Python then never raises KeyboardInterrupt: the build is run as a clerk's terminal runs it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _children_of_build(out: Path) -> list[str]:
    listing = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True, check=True).stdout
    return [line for line in listing.splitlines() if str(out) in line and "build-site" in line]


def _wait_for_staging(out: Path, run: subprocess.Popen[str], timeout: float = 60) -> bool:
    """Until workers are writing pages into the staging folder beside *out*; False if the build ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and run.poll() is None:
        for folder in out.parent.glob(f".{out.name}.building.*"):
            if (folder / "records").is_dir() and any((folder / "records").iterdir()):
                return True
        time.sleep(0.02)
    if run.poll() is None:
        pytest.fail("the build never started writing pages")
    return False


def _interrupted_build(catalog: Path, out: Path, sig: signal.Signals) -> tuple[subprocess.Popen[str], str]:
    """A full build hit by *sig* while its workers write pages. On a busy machine a fast build can end before the
    signal lands (the test process was not scheduled in time): then the build is simply started again."""
    for _ in range(5):
        (out / ".gongkai-build.json").unlink(missing_ok=True)  # without the store the whole site is made again
        run = _build(catalog, out)
        if _wait_for_staging(out, run):
            os.kill(run.pid, sig)
        _, err = run.communicate(timeout=60)
        if run.returncode != 0:
            return run, err
    pytest.fail("every build ended before the signal arrived")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_a_killed_build_leaves_the_old_site_and_no_worker(big: Path, tmp_path: Path, sig: signal.Signals) -> None:
    catalog = tmp_path / "catalog"
    shutil.copytree(big, catalog)
    out = tmp_path / "site"
    assert subprocess.run([*GONGKAI, "build-site", str(catalog), "--out", str(out), "--no-search"],
                          env={**os.environ, "GONGKAI_TODAY": "2026-12-02"}, capture_output=True).returncode == 0
    before = {p: p.read_bytes() for p in (out / "index.html", out / ".gongkai-build.json")}
    before.pop(out / ".gongkai-build.json")
    run, err = _interrupted_build(catalog, out, sig)
    time.sleep(1.0)
    assert _children_of_build(out) == []
    assert "Traceback" not in err
    assert all(path.read_bytes() == data for path, data in before.items())
    if sig == signal.SIGINT:
        assert run.returncode == 130 and "已中断" in err
    again = subprocess.run([*GONGKAI, "build-site", str(catalog), "--out", str(out), "--no-search"],
                           env={**os.environ, "GONGKAI_TODAY": "2026-12-02"}, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []


def _workers_of(run: subprocess.Popen[str]) -> list[int]:
    listing = subprocess.run(["ps", "-eo", "pid,ppid"], capture_output=True, text=True, check=True).stdout
    return [int(pid) for pid, parent in (line.split() for line in listing.splitlines()[1:]) if int(parent) == run.pid]


def test_a_worker_the_system_kills_stops_the_build_with_the_old_site_kept(big: Path, tmp_path: Path) -> None:
    """Out of memory, the system kills one worker: the build stops at once with a Chinese message (exit 2), not
    waiting for ever for the pages that worker held, and the old site stays as it was (seventeenth session)."""
    catalog = tmp_path / "catalog"
    shutil.copytree(big, catalog)
    out = tmp_path / "site"
    assert subprocess.run([*GONGKAI, "build-site", str(catalog), "--out", str(out), "--no-search"],
                          env={**os.environ, "GONGKAI_TODAY": "2026-12-02"}, capture_output=True).returncode == 0
    before = (out / "index.html").read_bytes()
    for _ in range(5):
        (out / ".gongkai-build.json").unlink(missing_ok=True)  # the whole site is made again, by workers
        run = _build(catalog, out)
        if _wait_for_staging(out, run) and (workers := _workers_of(run)):
            os.kill(workers[0], signal.SIGKILL)
            _, err = run.communicate(timeout=60)  # without the watch: waits for ever (the test fails here)
            if run.returncode != 0:
                break
        else:
            run.communicate(timeout=60)
    else:
        pytest.fail("every build ended before a worker could be killed")
    assert run.returncode == 2 and "一个工作进程意外结束" in err and "原来的文件保持不变" in err, err
    assert "Traceback" not in err
    time.sleep(1.0)
    assert _children_of_build(out) == []
    assert (out / "index.html").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []
