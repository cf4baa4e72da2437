"""Start-up: `gongkai --help` lists the commands without importing them, and lists exactly what typer would."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest

from gongkai.cli import _run_app, load_commands

HEAVY = ("pydantic", "gongkai.catalog", "gongkai.rules", "gongkai.model", "openpyxl", "jinja2", "gongkai.cli.validate")


@pytest.mark.parametrize("argv", [["--help"], ["-h"], []], ids=["--help", "-h", "bare"])
def test_listing_is_the_help_typer_prints(gk, capsys, argv):
    listed = gk(*argv)
    load_commands([])  # every command module, as before the listing existed
    capsys.readouterr()
    code = _run_app(argv)
    full = capsys.readouterr()
    assert (listed.code, listed.out, listed.err) == (code, full.out, full.err)
    assert "validate" in listed.out and "handover" in listed.out and "校验目录" in listed.out


def test_help_imports_no_command_and_no_model():
    script = ("import sys; from gongkai.cli import main; main(['--help']); "
              "print('\\n' + __import__('json').dumps(sorted(sys.modules)))")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    modules = json.loads(run.stdout.splitlines()[-1])
    assert [m for m in modules if m.startswith(HEAVY)] == []


def test_a_remembered_validate_imports_no_rule(bundled):
    subprocess.run([sys.executable, "-m", "gongkai", "validate", str(bundled)], capture_output=True, check=True)
    script = (f"import sys; from gongkai.cli import main; main(['validate', {str(bundled)!r}]); "
              "print('\\n' + __import__('json').dumps(sorted(sys.modules)))")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    modules = json.loads(run.stdout.splitlines()[-1])
    assert [m for m in modules if m.startswith(("gongkai.rules", "gongkai.lint", "pypdf"))] == []


def test_the_library_leaves_the_collector_alone(cat):
    from gongkai.catalog import load_catalog

    frozen = gc.get_freeze_count()
    load_catalog(cat.root, use_cache=False)
    assert gc.get_freeze_count() == frozen and gc.isenabled()
