"""Start-up: `gongkai --help` lists the commands without importing them, and lists exactly what typer would."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, TODAY


HEAVY = ("pydantic", "gongkai.catalog", "gongkai.rules", "gongkai.model", "openpyxl", "jinja2", "gongkai.cli.validate",
         "markdown_it", "pygments", "gongkai.privacy")  # typer's markdown help and rich tracebacks; the detector


def _help_in_a_fresh_process(argv: list[str], every_command: bool) -> tuple[int, str, str]:
    # A fresh process each: typer lists commands in the order their modules were first imported, and the program name
    # in 用法 is the script's, so both sides run the same way (COLUMNS=200 comes from the gk fixture's environment).
    load = "from gongkai.cli import _run_app, load_commands; load_commands([]); code = _run_app(A)" if every_command \
        else "from gongkai.cli import main; code = main(A)"
    script = f"import sys; sys.argv[0] = 'gongkai'; A = {argv!r}; {load}; sys.exit(code)"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    return run.returncode, run.stdout, run.stderr


@pytest.mark.parametrize("argv", [["--help"], ["-h"], []], ids=["--help", "-h", "bare"])
def test_listing_is_the_help_typer_prints(gk, argv):
    listed = _help_in_a_fresh_process(argv, every_command=False)
    full = _help_in_a_fresh_process(argv, every_command=True)  # every command module, as before the listing existed
    assert listed == full
    assert "validate" in listed[1] and "handover" in listed[1] and "校验目录" in listed[1]
    assert gk(*argv).out.count("\n") == listed[1].count("\n")  # the in-process CLI prints the same listing


def test_help_imports_no_command_and_no_model():
    script = ("import sys; from gongkai.cli import main; main(['--help']); "
              "print('\\n' + __import__('json').dumps(sorted(sys.modules)))")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    modules = json.loads(run.stdout.splitlines()[-1])
    assert [m for m in modules if m.startswith(HEAVY)] == []


def test_a_remembered_validate_imports_no_rule(bundled):
    # the day the bundled catalog is written for: another day's deadline warnings would show excerpts of the request
    # register, which read its model (a finding shown is not a remembered run with nothing to say)
    env = {**os.environ, "GONGKAI_TODAY": TODAY}
    subprocess.run([sys.executable, "-m", "gongkai", "validate", str(bundled)], capture_output=True, check=True, env=env)
    script = (f"import sys; from gongkai.cli import main; main(['validate', {str(bundled)!r}]); "
              "print('\\n' + __import__('json').dumps(sorted(sys.modules)))")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    modules = json.loads(run.stdout.splitlines()[-1])
    assert [m for m in modules if m.startswith(("gongkai.rules", "gongkai.lint", "pypdf"))] == []
    # nor the models, the YAML parsers or the loader (typer itself imports pydantic to convert arguments)
    assert [m for m in modules if m.startswith(("gongkai.model", "ruamel", "yaml", "gongkai.catalog.loader",
                                                "gongkai.catalog.files", "gongkai.holidays", "gongkai.workdays"))] == []
    # nor the other formats, nor the models before a date is given
    assert [m for m in modules if m.startswith(("gongkai.output.github", "gongkai.output.sarif"))] == []


def test_a_build_with_nothing_to_do_imports_no_loader_gate_or_template(bundled, tmp_path):
    site = tmp_path / "site"
    # the real date pinned too: a site of a past --today is built again once its next change has come by the real
    # date (to say what has left the web since), and the bundled catalog's 公示 end in December 2026
    env = {**os.environ, "GONGKAI_TODAY": TODAY}
    first = subprocess.run([sys.executable, "-m", "gongkai", "build-site", str(bundled), "--out", str(site),
                            "--today", TODAY], capture_output=True, text=True, env=env)
    assert first.returncode == 0, first.stderr
    script = (f"import sys; from gongkai.cli import main; main(['build-site', {str(bundled)!r}, '--out', {str(site)!r}, "
              f"'--today', {TODAY!r}]); print('\\n' + __import__('json').dumps(sorted(sys.modules)))")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    assert "网站没有变化" in run.stdout
    modules = json.loads(run.stdout.splitlines()[-1])
    assert [m for m in modules if m.startswith(("gongkai.site.make", "gongkai.gate", "gongkai.catalog.loader",
                                                "gongkai.search", "jinja2", "pypinyin", "openpyxl", "docx"))] == []


def test_validate_after_one_ordinary_edit_compiles_no_name_pattern_and_no_prefilter(bundled):
    # An edit to a notice that names no one: the names detectors' patterns (five hundred surnames, some 60 ms to
    # compile) and the pre-filter (built once it pays: some 100,000 characters) are not made, gongkai.yaml (read for
    # its settings, unchanged) is not scanned again — its finding is remembered — and what validate says is what it
    # says without its memory.
    env = {**os.environ, "GONGKAI_TODAY": TODAY}
    agency = bundled / "gongkai.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("    职务: 党组书记、局长\n",
                                                                  "    职务: 党组书记、局长（手机13805951234）\n"),
                      encoding="utf-8")
    subprocess.run([sys.executable, "-m", "gongkai", "validate", str(bundled)], capture_output=True, env=env)
    notice = bundled / "records" / "2025" / "R2025-001.yaml"
    notice.write_text(notice.read_text(encoding="utf-8").replace("考核结果的通知", "考核结果的补充通知"), encoding="utf-8")
    script = (f"import sys, json; from gongkai.cli import main; code = main(['validate', {str(bundled)!r}]); "
              "from gongkai.privacy import normalize, titles; "
              "print(json.dumps([code, normalize._prefilter.cache_info().currsize, 'finditer' in vars(titles._TITLED), "
              "normalize._read_without_prefilter[0] < 5000]))")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    *said, made = run.stdout.splitlines()
    assert json.loads(made) == [1, 0, False, True]  # (scanning the whole gongkai.yaml reads more than that)
    assert any("GK602 「领导」第1项「职务」有未遮盖的手机号码「138****1234」" in line for line in said)
    fresh = subprocess.run([sys.executable, "-m", "gongkai", "validate", str(bundled), "--no-cache"],
                           capture_output=True, text=True, env=env)
    assert (fresh.returncode, fresh.stdout.splitlines()) == (1, said)


def test_the_library_leaves_the_collector_alone(cat, monkeypatch):
    from gongkai.catalog import listing, load_catalog

    monkeypatch.setattr(listing, "SETTLED", [])  # as in a process that never ran the command line
    frozen = gc.get_freeze_count()
    load_catalog(cat.root, use_cache=False)
    assert gc.get_freeze_count() == frozen and gc.isenabled()


def test_the_deferred_rich_modules_work_when_used():
    # typer.rich_utils holds stand-ins for Markdown and Traceback: using either must load and use the real class.
    script = ("import sys; import gongkai.cli.zh; import typer.rich_utils as r; "
              "assert 'markdown_it' not in sys.modules; "
              "from rich.console import Console; c = Console(record=True, width=40); "
              "c.print(r.Markdown('# 标题\\n\\n- 一项')); "
              "import rich.markdown, rich.traceback; "
              "assert type(r.Markdown('x')) is rich.markdown.Markdown and 'markdown_it' in sys.modules; "
              "tb = r.Traceback.from_exception(ValueError, ValueError('x'), None); "
              "assert type(tb) is rich.traceback.Traceback; print(c.export_text())")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "标题" in run.stdout and "• 一项" in run.stdout


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_is_the_installed_one_and_loads_no_command(flag, tmp_path):
    # The IT person pins the version in CI and quotes it in a bug report: the number in pyproject.toml, read here as
    # text (not through the package), on stdout with exit 0, without importing any command or model.
    declared = next(line.split('"')[1] for line in (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines()
                    if line.startswith("version = "))
    script = (f"import sys, json; from gongkai.cli import main; code = main([{flag!r}]); "
              "print(json.dumps(sorted(sys.modules))); sys.exit(code)")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    first, modules = run.stdout.splitlines()[0], json.loads(run.stdout.splitlines()[-1])
    assert first == f"gongkai {declared}"
    assert [m for m in modules if m.startswith(HEAVY)] == []


def test_version_is_listed_in_the_help_and_is_no_option_of_a_command(gk):
    assert "--version" in gk("--help").out and "版本号" in gk("--help").out
    wrong = gk("validate", "--version")
    assert wrong.code == 2 and "没有这个选项：--version" in wrong.err


def test_a_lazy_pattern_answers_as_the_compiled_one():
    import re

    from gongkai.compiled import lazy

    later = lazy(r"(?P<surname>[陈林])水生|ab", re.IGNORECASE)
    assert "search" not in vars(later)  # nothing compiled before the first use
    assert later.search("关于陈水生家庭") is not None and later.search("关于陈水生家庭").group("surname") == "陈"
    assert "search" in vars(later)  # from then on, the compiled pattern's own methods
    assert [m.group(0) for m in later.finditer("AB 林水生 ab")] == ["AB", "林水生", "ab"]
    assert later.sub("某", "陈水生、Ab") == "某、某"
    assert (later.pattern, later.flags & re.IGNORECASE, later.groups) == (r"(?P<surname>[陈林])水生|ab", re.IGNORECASE, 1)
