"""`gongkai diff A B` between two commits of a synthetic catalog with N records, M of them changed.

    python benchmarks/bench_diff.py [--records 100000] [--changed 100] [--dir benchmarks/out/diff]

Target (issue 5): ≤ 2 s for 100,000 records and 100 changed records (only the changed blobs are read).
The catalog lives in a subfolder (repo/catalog/), as in a real repository.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

GONGKAI = [sys.executable, "-m", "gongkai"]
ENV = {**os.environ, "GIT_AUTHOR_NAME": "基准", "GIT_AUTHOR_EMAIL": "b@example.org",
       "GIT_COMMITTER_NAME": "基准", "GIT_COMMITTER_EMAIL": "b@example.org"}


def git(top: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=top, env=ENV, check=True, capture_output=True, text=True).stdout.strip()


def prepare(top: Path, records: int, changed: int) -> tuple[str, str]:
    """A repo with two commits: the generated catalog, then *changed* records edited (one 公开属性 among them)."""
    catalog = top / "catalog"
    if not (top / ".git").exists():
        shutil.rmtree(top, ignore_errors=True)
        generate(catalog, records, max(60, records // 250))
        git(top, "init", "-q", "-b", "main")
        git(top, "add", "-A")
        git(top, "commit", "-q", "-m", "生成目录")
        files = sorted((catalog / "records").rglob("*.yaml"))
        for index, path in enumerate(random.Random(5).sample(files, changed)):
            text = path.read_text(encoding="utf-8")
            if index == 0:
                text = text.replace("公开属性: 主动公开", "公开属性: 依申请公开", 1)
            path.write_text(text.replace("题名: ", "题名: （修订）", 1), encoding="utf-8")
        git(top, "commit", "-q", "-am", f"修改 {changed} 条信息")
    return git(top, "rev-parse", "HEAD~1"), git(top, "rev-parse", "HEAD")


def timed(args: list[str]) -> tuple[float, int, str]:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True)
    return time.perf_counter() - start, done.returncode, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--changed", type=int, default=100)
    parser.add_argument("--dir", type=Path, default=Path("benchmarks/out/diff"))
    args = parser.parse_args()
    top = (args.dir / f"repo-{args.records}-{args.changed}").resolve()
    old, new = prepare(top, args.records, args.changed)
    catalog = top / "catalog"
    shutil.rmtree(catalog / ".gongkai-cache", ignore_errors=True)
    print(f"records={args.records} changed={args.changed}")
    for label, extra in (("A B, cold cache", []), ("A B, warm cache", []), ("A B, --no-cache", ["--no-cache"]),
                         ("A B, --format json", ["-f", "json"])):
        wall, code, out = timed(GONGKAI + ["diff", "-C", str(catalog), old, new, *extra])
        print(f"{label:22s} {wall:6.2f} s   exit {code}   {len(out.splitlines())} lines")
    wall, code, out = timed(GONGKAI + ["diff", "-C", str(catalog), new])
    print(f"{'HEAD vs worktree':22s} {wall:6.2f} s   exit {code}   {out.splitlines()[0] if out else ''}")
    probe = ("import time,sys;from pathlib import Path;t=time.perf_counter();from gongkai.diff import diff_catalog;"
             "i=time.perf_counter();diff_catalog(Path(sys.argv[1]),sys.argv[2],sys.argv[3]);"
             "print(f'{i-t:.2f} {time.perf_counter()-i:.2f}')")
    done = subprocess.run([sys.executable, "-c", probe, str(catalog), old, new], capture_output=True, text=True)
    load, work = done.stdout.split()
    print(f"{'library diff_catalog':22s} {float(work):6.2f} s   (import of gongkai.diff {load} s)")
    wall, code, _ = timed(GONGKAI + ["--help"])
    print(f"{'(gongkai --help)':22s} {wall:6.2f} s   startup cost for reference")


if __name__ == "__main__":
    main()
