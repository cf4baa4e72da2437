"""Ctrl+C at any moment of a long command — while it starts, while workers read catalogs or write the index — ends it
with 「已中断」 and exit 130: no traceback (the workers' included), no worker left running, no half-written output.

Each command is interrupted after a series of delays that cover its start-up, its worker phases and its end; a run that
finished before the signal landed must simply have succeeded.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

# The command as a clerk types it (the console script), not `python -m`, whose own start-up Python runs before gongkai.
GONGKAI = [str(Path(sys.executable).with_name("gongkai"))]
PYTHON_START_UP = 0.05  # CPU seconds: `python -c pass` uses 0.01–0.02 s on the test machine
DELAYS = (0.0, 0.1, 0.3, 0.8, 1.5, 2.5, 4.0)


def _as_from_a_terminal() -> None:
    # A test run started in the background inherits Ctrl+C ignored; a clerk's terminal delivers it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(scope="module", autouse=True)
def _installed_and_started_once() -> None:
    """Start the command once before any Ctrl+C: in a fresh checkout (CI) the first start compiles the bytecode of
    the site module's path hooks and of gongkai, which takes Python's own start-up past PYTHON_START_UP; a clerk's
    installed copy has done that long before."""
    subprocess.run([*GONGKAI, "--help"], capture_output=True, check=True)


def _interrupt(args: list[str], delay: float) -> tuple[int, str, float]:
    """Run gongkai with *args*, press Ctrl+C (to the whole process group, as a terminal does) after *delay* seconds."""
    run = subprocess.Popen([*GONGKAI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env={**os.environ, "GONGKAI_TODAY": "2026-12-02"}, start_new_session=True,
                           preexec_fn=_as_from_a_terminal)
    _past_python_start_up(run)
    time.sleep(delay)
    pressed = time.monotonic()
    try:
        os.killpg(run.pid, signal.SIGINT)
    except ProcessLookupError:
        pass
    _, err = run.communicate(timeout=120)
    return run.returncode, err, time.monotonic() - pressed


def _past_python_start_up(run: subprocess.Popen[str]) -> None:
    """Wait until the child has used PYTHON_START_UP of CPU since it became gongkai: Ctrl+C inside Python's own
    start-up (before any line of gongkai runs) is Python's to report. CPU time, not wall time, so a busy machine does
    not move the moment; counted from the exec, because the forked child's time before it (copying and then dropping
    the test worker's memory, seen past 0.05 s in CI) is not Python's start-up at all."""
    tick = os.sysconf("SC_CLK_TCK")
    deadline = time.monotonic() + 30
    started: float | None = None
    while run.poll() is None and time.monotonic() < deadline:
        try:
            argv = Path(f"/proc/{run.pid}/cmdline").read_bytes().split(b"\0")
            fields = Path(f"/proc/{run.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return
        used = (int(fields[11]) + int(fields[12])) / tick
        if started is None and len(argv) > 1 and argv[1] == GONGKAI[0].encode():
            started = used
        if started is not None and used - started >= PYTHON_START_UP:
            return
        time.sleep(0.002)


def _left_running(marker: str) -> list[str]:
    listing = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True, check=True).stdout
    return [line for line in listing.splitlines() if marker in line and "gongkai" in line]


def _before_main(err: str) -> bool:
    """Ctrl+C that landed before gongkai's main() ran — in Python's start-up (the site module) or in the console
    script's own `from gongkai.__main__ import main` — is Python's to report: no line of gongkai could catch it. A
    loaded machine can take start-up past PYTHON_START_UP of CPU (seen twice in CI). Any frame «in main» (gongkai's
    entry or the command line's) means gongkai was running, and then a traceback is a failure."""
    return err.rstrip().endswith("KeyboardInterrupt") and ("init_import_site" in err or ", in main" not in err)


def _check(code: int, err: str, waited: float, marker: str, finished: bool) -> int:
    """The exit code as the user sees the command end: 0 (done), or 130 (interrupted, said so, nothing written)."""
    if _before_main(err):  # nothing of gongkai ran: nothing written, nothing left running
        assert code != 0 and not finished, (code, err)
        time.sleep(0.5)
        assert _left_running(marker) == []
        return 130
    assert "Traceback" not in err, err
    assert code in (0, 130, -signal.SIGINT), (code, err)  # Python may end itself by the signal after our message
    if code == -signal.SIGINT and "已中断" not in err:
        # Ctrl+C after the command had finished, while Python was shutting down (its handler already gone): the
        # work is complete and nothing is said, as with any program that has ended.
        assert finished, err
        code = 0
    if code != 0:
        assert "已中断" in err, (code, err)
        assert waited < 20, f"Ctrl+C took {waited:.1f} s to take effect"
    time.sleep(0.5)
    assert _left_running(marker) == []
    return code


@pytest.fixture(scope="module")
def departments(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("county")
    folders = []
    for n in range(5):  # enough catalogs for the county view to read them in worker processes
        folder = root / f"dept{n}"
        generate(folder, 400, 20, seed=n)
        folders.append(folder)
    return folders


@pytest.mark.parametrize("delay", DELAYS)
def test_county_interrupted_at_any_moment(departments: list[Path], tmp_path: Path, delay: float) -> None:
    out = tmp_path / "county-out"
    code, err, waited = _interrupt(["county", *map(str, departments), "--no-cache", "-o", str(out)], delay)
    written = sorted(p.name for p in out.glob("*.xlsx")) if out.exists() else []
    assert written in ([], ["annual-2026.xlsx", "review-2026.xlsx", "scorecard-2026.xlsx"])
    code = _check(code, err, waited, str(out), finished=bool(written))
    if code != 0:
        assert written == []


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site") / "catalog"
    generate(root, 2500, 50)
    return root


@pytest.mark.parametrize("delay", DELAYS)
def test_build_with_search_interrupted_at_any_moment(catalog: Path, tmp_path: Path, delay: float) -> None:
    out = tmp_path / "site"
    code, err, waited = _interrupt(["build-site", str(catalog), "--out", str(out)], delay)
    code = _check(code, err, waited, str(out), finished=(out / "index.html").exists())
    if code != 0:
        assert not (out / "index.html").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []


def test_ctrl_c_inside_a_callback_python_cannot_raise_from_is_pressed_again() -> None:
    """Ctrl+C that lands in an import lock's cleanup or a finaliser: no 「Exception ignored」 traceback, and the
    interrupt is not lost — the code that runs next ends as any Ctrl+C does."""
    script = (
        "import signal, sys, time, weakref\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)  # as from a terminal, even when run in the background\n"
        "import gongkai.__main__ as entry\n"
        "sys.unraisablehook = entry._quiet_interrupt\n"
        "class A: pass\n"
        "def cb(_): raise KeyboardInterrupt\n"
        "a = A(); r = weakref.ref(a, cb)\n"
        "try:\n"
        "    del a\n"
        "    time.sleep(5)\n"
        "    print('lost')\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted')\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "interrupted"
    assert "Exception ignored" not in run.stderr and "Traceback" not in run.stderr


def test_ctrl_c_that_python_wraps_in_another_error_is_still_an_interruption() -> None:
    """Ctrl+C while a class is created during an import comes out as RuntimeError (Error calling __set_name__),
    caused by KeyboardInterrupt: the command still ends with 「已中断」 and exit 130, not a traceback or exit 3."""
    script = (
        "import signal, sys\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "import gongkai.cli as cli\n"
        "def broken(args=None):\n"
        "    class Field:\n"
        "        def __set_name__(self, owner, name):\n"
        "            raise KeyboardInterrupt\n"
        "    class Report:\n"
        "        diagnostics = Field()\n"
        "cli.load_commands = broken\n"
        "sys.argv = ['gongkai', 'validate']\n"
        "cli.run()\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 130
    assert "已中断" in run.stderr and "Traceback" not in run.stderr


def test_a_wrapped_interruption_is_told_apart_from_a_real_error() -> None:
    from gongkai.errors import interrupted

    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as inner:
            raise RuntimeError("Error calling __set_name__") from inner
    except RuntimeError as wrapped:
        assert interrupted(wrapped)
    try:
        try:
            raise ValueError("x")
        except ValueError as inner:
            raise RuntimeError("y") from inner
    except RuntimeError as other:
        assert not interrupted(other)
    assert interrupted(KeyboardInterrupt()) and not interrupted(ValueError())
