"""The `gongkai` process ends without freeing what it built (cli._end): what it printed still arrives whole, its exit
code is the command's, and whatever was registered to run at exit (a lock, a temporary folder, a coverage run) runs.

Run as users run it: `python -m gongkai` in a subprocess, its output through pipes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import BUNDLED, RECORD, CatalogDir, TODAY


def _gongkai(*args: str | Path, code: str = "from gongkai.__main__ import main; main()") -> subprocess.CompletedProcess[str]:
    # (buffered as on a user's machine: PYTHONUNBUFFERED, set on some CI runners, would hide an output never flushed)
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},
           "GONGKAI_TODAY": TODAY, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-c", f"import sys; sys.argv = ['gongkai', *sys.argv[1:]]; {code}",
                           *map(str, args)], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)


def test_a_whole_validate_reaches_a_pipe_and_exits_0(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog"
    shutil.copytree(BUNDLED, catalog)
    done = _gongkai("validate", catalog)
    assert done.returncode == 0, done.stderr
    # the summary is the last line printed: everything before it arrived too
    assert done.stdout.rstrip().splitlines()[-1].startswith("检查了"), done.stdout[-300:]
    assert "Traceback" not in done.stderr


def test_an_error_still_exits_1_with_every_line(cat: CatalogDir) -> None:
    cat.record(RECORD.replace("公开属性: 主动公开", "公开属性: 大概公开"))
    done = _gongkai("validate", cat.root)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "大概公开" in done.stdout
    assert done.stdout.rstrip().splitlines()[-1].startswith("检查了")


def test_bad_usage_exits_2() -> None:
    done = _gongkai("validate", "--no-such-option")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_what_was_registered_to_run_at_exit_runs_and_its_output_arrives() -> None:
    # printed at exit, unflushed: the process flushes after the exit handlers, before it ends
    done = _gongkai("rules", code="import atexit; atexit.register(print, '退出时运行'); "
                                   "from gongkai.__main__ import main; main()")
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("退出时运行")
    assert "GK601" in done.stdout
