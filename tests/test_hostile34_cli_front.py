"""Thirty-fourth hostile pass (h155): the front door — the command line as a clerk on a Chinese Windows desktop and the
IT person setting up CI meet it (src/gongkai/cli/: options, the Chinese of click's errors, the exit codes).

How the pass was run: every command and sub-command of `gongkai --help` with --help at 40, 100 and 250 columns, in
GBK and under LANG=C (each help scanned for click's English and compared, text only, across the widths); options
typed with the input method in full-width or Chinese-punctuation mode, by Word's autocorrect, numbers and choices in
full-width digits and letters; the catalog folder typed with spaces, as 「catalog\\」, 「.\\catalog」, a file in it, a
folder in it, a symbolic link, the current folder not being it; mistyped commands and options; stdin, stdout and
stderr closed; two build-sites at once.

Found by this pass (each test named below failed before its fix):
1. An option typed with the input method's dashes — 「－－today」 (full-width mode), 「——today」 (Chinese punctuation:
   Shift+减号 gives ——), 「—strict」 (Word turns -- into a dash when a command is copied from a document), full-width
   letters 「－－ｓｔｒｉｃｔ」 — was 「多余的参数（－－today 2026-03-02）」 with the advice to quote a path with spaces;
   「--today＝2026-03-02」 (a full-width ＝) was 「没有这个选项」. Each is now read as the option it is (--today, --strict,
   -f, and the value after ＝); values are left as typed, and 「-y２０２６」 stays -y with its value.
   test_options_typed_with_chinese_dashes_are_read_as_options, test_the_options_as_read.
2. A number typed in full-width digits (「--year ２０２６」, 「--port ８０００」, 「workdays add 2026-03-02 ５」) was refused
   as 「应为整数」 — the clerk sees a number there, and the dates beside it accept full-width digits — and a format typed
   in full-width letters (「--format ｊｓｏｎ」) as 「不是可选值之一」. Both are now read as typed in half-width; a value
   still no number is quoted back (「应为整数，而这里是「2026年」」). test_numbers_and_choices_typed_in_full_width.
3. A catalog folder typed on its own to a command that takes it after -C (「gongkai export xlsx catalog」, 「gongkai log
   catalog R2026-001」, 「gongkai handover catalog」 — as `gongkai validate catalog` taught) was 「多余的参数」 with the
   advice to quote a path with spaces, or 「没有这个命令「catalog」」. It now says the folder goes after -C, with the
   command to type, the path quoted for the shell. test_a_catalog_folder_typed_without_c_is_told_to_use_c.
4. Run in a folder inside the catalog (items/), or with a folder that is no catalog, every command was told to run
   「gongkai validate …、gongkai diff -C …」 or 「如 gongkai validate catalog」 — not the command the clerk ran
   (build-site, export xlsx -C …), and a path with a space unquoted, so that pasting it ran on the wrong folder. Now
   the hint is the command as run, with -C where that command takes it, the folder quoted.
   test_a_folder_that_is_no_catalog_is_told_with_the_command_run.
5. gongkai started with stdout or stderr closed (`>&-`, `2>&-`: a scheduled task, a CI step that closes them) ended
   with a Python traceback and exit 1 however the command went — a clean validate was a failed CI step. It now exits
   with the command's code (0, 2 …). test_closed_stdout_or_stderr_keeps_the_commands_exit_code.
6. `gongkai new record -i` with stdin closed (`<&-`) asked its first question, then 「内部错误」, exit 3 (Python's
   「lost sys.stdin」); now it ends as at the end of input: 「已中止。」, exit 2. test_a_question_with_stdin_closed_aborts.
7. At 40 columns, an option's default in the help was cut: 「[默认: county-out]」 ended in 「county-o…」 (county,
   report annual's 「markdown」). It now folds onto the next line like the help beside it.
   test_a_default_in_the_help_folds_at_40_columns.
8. A command typed in Chinese (「gongkai 校验」, 「gongkai 移交」, 「gongkai handover 补登」) or with Caps Lock on
   (「VALIDATE」, 「export XLSX」) was 「没有这个命令」 with no suggestion (click's spelling suggestions know only the
   English names); it now suggests the command whose help begins so (「是否想输入「validate」？」).
   test_a_command_typed_in_chinese_or_capitals_is_suggested.
9. A format typed with Caps Lock on (「-f JSON」, 「--format HTML」) was 「不是可选值之一」; it is now read as json, html.
   test_a_format_typed_with_caps_lock.
10. A folder typed as on Windows with a backslash before the closing quote — 「gongkai validate "D:\\政务 公开\\目录\\"
   --strict」, which cmd.exe and Windows PowerShell's tab completion pass on as 「D:\\政务 公开\\目录" --strict」 — was
   「不是目录文件夹……如 gongkai validate catalog」 (or 「找不到文件」, or for an --out folder 「文件名或路径无效」 with 「请
   检查这个路径」): the clerk sees the right folder in her command. Each now says the path holds a 「"」, why, and to
   delete the backslash before the closing quote. test_a_backslash_before_the_closing_quote_is_explained.
11. Output piped into a reader that stops early (`gongkai validate | head`, a CI step piping into a command that
   stops reading) made every command exit 1 — 「有错误」 for a clean catalog, exit 1 for a usage error, for --help and
   for --version — and stopped the command where it printed (rich and click end the process on a broken pipe). The
   command now runs to its end and exits with its own code (0, 2 …).
   test_a_reader_that_stops_early_keeps_the_commands_exit_code.

Found sound (no test added): every help text at 40, 100 and 250 columns is Chinese but for option names, choices and
file names, with nothing lost but 7 above; GBK output of every help; mistyped commands and options get click's
suggestion in Chinese (「是否想输入「validate」？」); a file of the catalog, a folder in it, a symbolic link to it; two
build-sites into one folder (the second is refused with the first's process); `--today 2026年3月2日`.

Expected values are typed by hand: 2026-03-02 is a Monday, so its fifth working day after is Monday 2026-03-09;
2026-12-05 is a Saturday, so that handover day moves to Monday 2026-12-07; the conftest RECORD's 公开日期 2026-09-03
is after a --today of 2026-03-02 (warning GK405, which --strict makes exit 1).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from gongkai.cli.zh import half_width_options
from gongkai.errors import advise_os_error
from tests.conftest import TODAY, CatalogDir, Run

Gk = Callable[..., Run]
LATE = "公开日期 2026-09-03 在今天（2026-03-02）之后"


def _gongkai(*args: str | Path, **streams: object) -> subprocess.CompletedProcess[str]:
    """`python -m gongkai` as a console or a scheduled task starts it; *streams* say which are closed (preexec)."""
    env = {**os.environ, "GONGKAI_TODAY": TODAY, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "gongkai", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120, **streams)  # type: ignore[call-overload]


# --- 1. options typed the Chinese way ---------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", [
    ("——today＝2026-03-02", "—strict"),
    ("－－today", "2026-03-02", "－－ｓｔｒｉｃｔ"),
    ("––today", "2026-03-02", "--strict"),
])
def test_options_typed_with_chinese_dashes_are_read_as_options(gk: Gk, cat: CatalogDir, typed: tuple[str, ...]) -> None:
    run = gk("validate", cat.root, *typed)
    assert run.code == 1, run.err  # --strict: the warnings fail
    assert LATE in run.out
    assert "多余的参数" not in run.err and "没有这个选项" not in run.err


def test_a_short_option_and_its_value_typed_in_full_width(gk: Gk, cat: CatalogDir) -> None:
    run = gk("validate", cat.root, "－f", "ｊｓｏｎ")
    assert run.code == 0, run.err
    assert json.loads(run.out)["summary"]["errors"] == 0


def test_a_format_typed_with_caps_lock(gk: Gk, cat: CatalogDir) -> None:
    run = gk("validate", cat.root, "-f", "JSON")
    assert run.code == 0, run.err
    assert json.loads(run.out)["summary"]["errors"] == 0


@pytest.mark.parametrize(("typed", "meant"), [
    (("校验",), "validate"), (("移交",), "handover"), (("导出",), "export"), (("VALIDATE",), "validate"),
    (("ｖａｌｉｄａｔｅ",), "validate"), (("export", "XLSX"), "xlsx"), (("handover", "补登"), "baseline"),
])
def test_a_command_typed_in_chinese_or_capitals_is_suggested(gk: Gk, typed: tuple[str, ...], meant: str) -> None:
    run = gk(*typed)
    assert run.code == 2
    assert run.err.startswith(f"用法错误：没有这个命令「{typed[-1]}」，是否想输入「{meant}」？\n"), run.err


def test_the_options_as_read() -> None:
    assert half_width_options(["validate", "－－today", "２０２６－０３－０２", "—strict", "－f", "json"]) == [
        "validate", "--today", "２０２６－０３－０２", "--strict", "-f", "json"]
    assert half_width_options(["--today＝2026年3月2日", "——ｆｏｒｍａｔ＝ｊｓｏｎ", "－y２０２６"]) == [
        "--today=2026年3月2日", "--format=ｊｓｏｎ", "-y２０２６"]
    # left as typed: a short option with its value, a title, a file name, anything after --
    assert half_width_options(["-y２０２６", "——说明.xlsx", "--title", "——测试", "--", "——today"]) == [
        "-y２０２６", "——说明.xlsx", "--title", "——测试", "--", "——today"]


# --- 2. numbers and choices typed in full-width -----------------------------------------------------------------------

def test_numbers_and_choices_typed_in_full_width(gk: Gk, cat: CatalogDir) -> None:
    run = gk("workdays", "add", "2026-03-02", "５")
    assert run.code == 0, run.err
    assert "→ 2026-03-09" in run.out
    run = gk("handover", "schedule", "--year", "２０２６", "-C", cat.root)
    assert run.code == 0, run.err
    assert "2026-12-05  →  2026-12-07（周一）" in run.out
    run = gk("handover", "schedule", "-y２０２６", "-C", cat.root, "--format", "ｊｓｏｎ")
    assert run.code == 0, run.err
    assert "2026-12-07" in run.out
    run = gk("report", "annual", cat.root, "--year", "2026年")
    assert run.code == 2
    assert "取值无效：「--year」：应为整数，而这里是「2026年」。" in run.err
    run = gk("workdays", "add", "2026-03-02", "－３")  # a full-width minus: no option, a number below 0
    assert run.err.startswith("用法错误：取值无效：「工作日数」：应不小于 0，而这里是「－３」。"), run.err
    assert gk("serve", cat.root, "--port", "０").err.startswith("用法错误：取值无效：「--port」/「-p」：应不小于 1，而这里是「０」。")


# --- 3, 4. the catalog folder where the command takes it ---------------------------------------------------------------

@pytest.fixture
def spaced(cat: CatalogDir, tmp_path: Path) -> Path:
    """The catalog in a folder whose name has a space, as on a clerk's desktop."""
    target = tmp_path / "政务 公开" / "目录"
    shutil.copytree(cat.root, target)
    return target


def test_a_catalog_folder_typed_without_c_is_told_to_use_c(gk: Gk, cat: CatalogDir, spaced: Path) -> None:
    for args, told in [(("export", "xlsx", cat.root), f"export xlsx -C {cat.root}。"),
                       (("log", cat.root, "R2026-001"), f"log -C {cat.root}。"),
                       (("handover", cat.root), f"handover -C {cat.root}。"),
                       (("export", "xlsx", spaced), f"export xlsx -C '{spaced}'。")]:
        run = gk(*args)
        assert run.code == 2, run.err
        assert f"是目录文件夹：这个命令的目录文件夹要写在 -C 后面，如 " in run.err and told in run.err, run.err
        assert "空格" not in run.err
    top = cat.root.parent  # the folder above the catalog, as validate takes it too
    assert f" export xlsx -C {top}。" in gk("export", "xlsx", top).err
    for args in (("export", "xlsx", "-C", cat.root, cat.root), ("export", "xlsx", f"--catalog={cat.root}", cat.root),
                 ("export", "xlsx", "甲", "乙")):  # -C given, or words that are no catalog: nothing said of -C
        run = gk(*args)
        assert run.code == 2 and "多余的参数" in run.err
        assert "是目录文件夹" not in run.err, run.err


def test_a_folder_that_is_no_catalog_is_told_with_the_command_run(gk: Gk, spaced: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(spaced / "items")
    inside = f"「.」是目录「{spaced}」中的一个文件夹：gongkai 每次读取整个目录，请在目录文件夹「{spaced}」中运行，或写明它的路径"
    for args, told in [(("build-site",), f"gongkai build-site '{spaced}'"),
                       (("export", "xlsx"), f"gongkai export xlsx -C '{spaced}'"),
                       (("log", "R2026-001"), f"gongkai log -C '{spaced}'")]:
        run = gk(*args)
        assert run.code == 2, run.err
        assert run.err == f"错误：{inside}，如 {told}\n"
    monkeypatch.chdir(tmp_path)
    run = gk("export", "xlsx", "-C", "无此文件夹")
    assert run.code == 2
    assert run.err == "错误：「无此文件夹」不是目录文件夹：找不到 gongkai.yaml。请在目录文件夹中运行，或写明路径，如 gongkai export xlsx -C catalog\n"
    assert gk("validate", "无此文件夹").err.endswith("或写明路径，如 gongkai validate catalog\n")


# --- 5, 6. closed streams -----------------------------------------------------------------------------------------------

def test_closed_stdout_or_stderr_keeps_the_commands_exit_code(cat: CatalogDir) -> None:
    done = _gongkai("validate", cat.root, preexec_fn=lambda: os.close(1))
    assert (done.returncode, done.stderr) == (0, "")
    done = _gongkai("validate", cat.root / "records", preexec_fn=lambda: os.close(2))
    assert (done.returncode, done.stdout) == (2, "")


def _reader_gone(*args: str | Path, stream: str = "stdout") -> int:
    """Exit code of `gongkai …` whose *stream* goes to a pipe closed before it writes (as `| true` does)."""
    env = {**os.environ, "GONGKAI_TODAY": TODAY, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}
    process = subprocess.Popen([sys.executable, "-m", "gongkai", *map(str, args)], env=env,
                               stdout=subprocess.PIPE if stream == "stdout" else subprocess.DEVNULL,
                               stderr=subprocess.PIPE if stream == "stderr" else subprocess.DEVNULL)
    getattr(process, stream).close()
    return process.wait(timeout=120)


def test_a_reader_that_stops_early_keeps_the_commands_exit_code(cat: CatalogDir) -> None:
    assert _reader_gone("validate", cat.root) == 0
    assert _reader_gone("validate", cat.root / "records", stream="stderr") == 2
    assert _reader_gone("--version") == 0


def test_a_question_with_stdin_closed_aborts(cat: CatalogDir) -> None:
    done = _gongkai("new", "record", "-C", cat.root, "-i", preexec_fn=lambda: os.close(0))
    assert done.returncode == 2, done.stderr
    assert done.stderr == "已中止。\n"


# --- 7. the help at 40 columns ------------------------------------------------------------------------------------------

def test_a_default_in_the_help_folds_at_40_columns(gk: Gk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    for command, default in ((("county",), "[默认:county-out]"), (("print",), "[默认:print-out]")):
        run = gk(*command, "--help")
        assert run.code == 0
        assert "…" not in run.out
        assert default in "".join(c for c in run.out if c not in " │\n"), run.out


# --- 10. a backslash before the closing quote -----------------------------------------------------------------------------

SLIP = ("路径中有英文双引号「\"」：在 Windows 的命令提示符和 PowerShell 中，结束引号前的反斜杠「\\」会让引号连同后面的内容"
        "成为路径的一部分。请删去结束引号前的「\\」（文件夹路径的末尾不必写「\\」），如 \"D:\\政务 公开\\catalog\"")


def test_a_backslash_before_the_closing_quote_is_explained(gk: Gk, spaced: Path, tmp_path: Path) -> None:
    run = gk("validate", f'{spaced}" --strict')
    assert (run.code, run.err) == (2, f'错误：「{spaced}" --strict」不是目录文件夹：找不到 gongkai.yaml。{SLIP}\n')
    run = gk("export", "xlsx", "-C", f'{spaced}"')
    assert run.err.endswith(f"找不到 gongkai.yaml。{SLIP}\n"), run.err
    run = gk("mask", f'{tmp_path}\\名单.xlsx"')
    assert (run.code, run.err) == (2, f'错误：找不到文件「{tmp_path}\\名单.xlsx"」。{SLIP}。\n')
    assert advise_os_error(OSError(errno.EINVAL, "Invalid argument", 'D:\\站点" --force')) == SLIP
