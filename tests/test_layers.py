"""The layers of DESIGN.md hold: the import-linter contracts in pyproject.toml, and nothing outside the CLI prints
or exits."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "gongkai"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
# Calls that write to the terminal or end the process: the CLI's business (cli/app.py maps errors to exit codes).
TERMINAL_CALLS = {"print", "exit", "quit", "sys.exit", "os._exit", "sys.stdout.write", "sys.stderr.write",
                  "pprint.pprint", "breakpoint"}
# A worker process (county, site pages, index) ends itself when the build is interrupted (SIGTERM): that is the
# pool's process, not the user's, and nothing is printed.
ALLOWED = {("processes.py", "os._exit")}


def test_import_contracts_are_kept():
    run = subprocess.run([str(LINT_IMPORTS), "--config", "pyproject.toml", "--no-cache"], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "4 kept, 0 broken" in run.stdout, run.stdout


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value)}.{node.attr}"
    return ""


def terminal_calls(path: Path) -> list[str]:
    """Every call in *path* that prints or exits, and every `raise SystemExit`, as "line: name"."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and _name(node.func) in TERMINAL_CALLS:
            found.append(f"{node.lineno}: {_name(node.func)}")
        elif isinstance(node, ast.Raise) and node.exc is not None:
            raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if _name(raised) == "SystemExit":
                found.append(f"{node.lineno}: SystemExit")
    return found


def test_the_library_never_prints_or_exits():
    offenders = [f"{path.relative_to(SRC)}:{call}"
                 for path in sorted(SRC.rglob("*.py")) if path.relative_to(SRC).parts[0] not in ("cli", "__main__.py")
                 for call in terminal_calls(path)
                 if (path.relative_to(SRC).as_posix(), call.split(": ")[1]) not in ALLOWED]
    assert offenders == []


def test_the_check_finds_what_it_looks_for(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text("import sys, os\n\ndef f():\n    print('x')\n    sys.exit(1)\n    os._exit(2)\n"
                       "    raise SystemExit(3)\n", encoding="utf-8")
    assert sorted(terminal_calls(planted)) == ["4: print", "5: sys.exit", "6: os._exit", "7: SystemExit"]
