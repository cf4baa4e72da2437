"""The front door (issue 19): files as Notepad, WPS and Excel write them, a Chinese Windows console, and the hints
and messages people read. One test (or a few) per bullet, from the user's side: the real CLI on real files."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import AGENCY, RECORD, TODAY, CatalogDir, Run
from gongkai.cli.quoting import shell_quote

GONGKAI = Path(sys.executable).with_name("gongkai")
RESAVE = "另存为」"


def diagnostics(gk: Callable[..., Run], root: Path, *more: str) -> list[dict]:
    run = gk("validate", root, "--format", "json", *more)
    assert run.code in (0, 1), run.err
    return json.loads(run.out)["diagnostics"]


def codes(gk: Callable[..., Run], root: Path) -> list[tuple[str, str]]:
    return [(d["path"], d["code"]) for d in diagnostics(gk, root)]


# Notepad's encodings ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("encoding", "name"), [
    ("utf-16", "UTF-16 LE"),  # Notepad 「Unicode」: BOM FF FE
    ("utf-16-be-bom", "UTF-16 BE"),  # Notepad 「Unicode big endian」: BOM FE FF
    ("utf-16-le", "UTF-16 LE"),  # no BOM: recognised by where the NUL bytes fall
    ("utf-16-be", "UTF-16 BE"),
    ("utf-32", "UTF-32 LE"),
])
def test_utf16_and_utf32_files_are_named_with_how_to_resave(gk: Callable[..., Run], cat: CatalogDir, encoding: str,
                                                            name: str) -> None:
    text = RECORD.replace("\n", "\r\n")
    data = b"\xfe\xff" + text.encode("utf-16-be") if encoding == "utf-16-be-bom" else text.encode(encoding)
    cat.record(data)
    run = gk("validate", cat.root)
    assert run.code == 1
    assert f"GK010 文件是 {name} 编码" in run.out and RESAVE in run.out and "UTF-8" in run.out
    assert "二进制" not in run.out
    assert "    1 | 编号: R2026-001" in run.out  # the line is shown as the person sees it in Notepad, not as bytes


def test_fmt_converts_notepad_unicode_to_utf8_keeping_crlf(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.record(RECORD.replace("\n", "\r\n").encode("utf-16"))
    run = gk("fmt", path)
    assert run.code == 0 and "UTF-16 LE 编码转为 UTF-8" in run.out
    assert path.read_bytes() == RECORD.replace("\n", "\r\n").encode("utf-8")
    assert gk("validate", cat.root).code == 0


def test_gbk_crlf_and_bom_as_windows_programs_save_them(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(RECORD.replace("\n", "\r\n").encode("utf-8-sig"))  # WPS and Notepad's 「UTF-8 with BOM」, CRLF
    assert codes(gk, cat.root) == []
    cat.record(RECORD.replace("\n", "\r\n").encode("gbk"))  # Notepad's 「ANSI」 on Chinese Windows
    run = gk("validate", cat.root)
    assert "GK002" in run.out and "ANSI" in run.out and RESAVE in run.out


# What is listed and what is not read ----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".YAML", ".Yml", ".yml", ".yaml"])
def test_yaml_extensions_in_any_case_are_read(gk: Callable[..., Run], cat: CatalogDir, suffix: str) -> None:
    copied = RECORD.replace("R2026-001", "R2026-901").replace("00001", "00901")
    cat.record(copied.replace("〔2026〕1号", "〔2026〕901号"), rel=f"records/2026/R2026-901{suffix}")  # (its own 文号: GK212)
    assert codes(gk, cat.root) == []
    run = gk("deadline", "explain", "R2026-901", "-C", cat.root)
    assert run.code == 0 and "R2026-901" in run.out


def test_every_file_not_read_is_named_with_why(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.write("records/2026/R2026-002.yaml.txt", RECORD)  # Notepad's 「文本文档」 type adds .txt
    cat.write("records/2026/R2026-003.docx", b"PK\x03\x04")
    cat.write("items/shjz/说明.txt", "草稿")
    (cat.root / "records/2026/R2026-004.yaml").symlink_to("/nonexistent/R2026-004.yaml")  # dangling
    (cat.root / "records/2026/R2026-005.yaml").symlink_to(cat.root / "records/2026/R2026-001.yaml")
    found = {(d["path"], d["code"]): d for d in diagnostics(gk, cat.root)}
    assert set(found) >= {("records/2026/R2026-002.yaml.txt", "GK011"), ("records/2026/R2026-003.docx", "GK011"),
                          ("items/shjz/说明.txt", "GK011"), ("records/2026/R2026-004.yaml", "GK012"),
                          ("records/2026/R2026-005.yaml", "GK012")}
    assert "R2026-002.yaml" in found[("records/2026/R2026-002.yaml.txt", "GK011")]["hint"]
    assert "不存在" in found[("records/2026/R2026-004.yaml", "GK012")]["message"]
    assert found[("records/2026/R2026-004.yaml", "GK012")]["severity"] == "error"


def test_chinese_file_name_is_a_finding_with_a_hint(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(RECORD, rel="records/2026/低保公示.yaml")
    (cat.root / "records/2026/R2026-001.yaml").unlink()
    [note] = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK013"]
    assert note["path"] == "records/2026/低保公示.yaml" and "GBK" in note["hint"] and "R2026-012.yaml" in note["hint"]


# No English, no hang -------------------------------------------------------------------------------------------


def _subprocess(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    full = {**os.environ, "GONGKAI_TODAY": TODAY, "PYTHONIOENCODING": "utf-8", **(env or {})}
    full.pop("GONGKAI_DEBUG", None)
    return subprocess.run([str(GONGKAI), *map(str, args)], capture_output=True, env=full, timeout=120)


def test_library_warnings_never_reach_the_user(cat: CatalogDir, tmp_path: Path) -> None:
    """pypdf says "invalid pdf header" and "EOF marker not found" on stderr for a damaged PDF: not any more."""
    cat.write("files/2026/R2026-001.pdf", b"this is not a pdf at all")
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/R2026-001.pdf\n正文: |"))
    for args in (("validate", cat.root), ("build-site", cat.root, "--out", tmp_path / "site", "--no-search")):
        run = _subprocess(*args)
        assert run.returncode in (0, 1), run.stderr.decode()
        text = (run.stdout + run.stderr).decode("utf-8")
        for english in ("invalid pdf header", "eof marker", "warning:", "pypdf", "traceback"):
            assert english not in text.lower(), text


def test_deep_nesting_is_refused_fast_in_chinese(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(RECORD + "附注: " + "[" * 50_000 + "]" * 50_000 + "\n")
    started = time.monotonic()
    [diag] = diagnostics(gk, cat.root, "--no-cache")
    assert time.monotonic() - started < 20  # (a bound on blowing up, not a benchmark: 3 s failed on a loaded machine)
    assert diag["code"] == "GK014" and diag["line"] == RECORD.count("\n") + 1 and "嵌套" in diag["message"]
    assert "recursion" not in json.dumps(diag)


def test_deep_block_nesting_too(gk: Callable[..., Run], cat: CatalogDir) -> None:
    nested = "".join(" " * depth + "层:\n" for depth in range(1, 200))
    cat.record(RECORD + "附注:\n" + nested + " " * 200 + "底\n")
    [diag] = diagnostics(gk, cat.root, "--no-cache")
    assert diag["code"] == "GK014" and diag["line"] > RECORD.count("\n")


@pytest.mark.parametrize("broken", [
    "编号: R2026-001\n题名: [未闭合\n",
    "编号: R2026-001\n题名: 'a' b\n",
    "编号: R2026-001\n- 列表\n",
    "编号: R2026-001\n题名: !!binary 你好\n",
    "编号: R2026-001\n题名: \"\\x\"\n",
    "? 复杂键\n: 值\n",
])
def test_broken_yaml_is_explained_without_english(gk: Callable[..., Run], cat: CatalogDir, broken: str) -> None:
    cat.record(broken)
    for diag in diagnostics(gk, cat.root):
        text = diag["message"] + (diag["hint"] or "")
        assert not re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", text), diag  # no English phrase; YAML, Tab and such are fine


@pytest.mark.parametrize(("args", "says"), [
    (("report", "scorecard", "{root}", "--year", "abc"), "应为整数"),
    (("serve", "--port", "99999"), "65535"),
    (("workdays", "add", "2026-01-01", "1.5"), "应为整数"),
    (("validate", "{root}", "--format", "xml"), "不是可选值之一"),
    (("validate", "{root}", "--strict=yes"), "不需要值"),
    (("validate", "{root}", "第一", "第二"), "多余的参数"),
    (("handover", "--date"), "需要一个值"),
    (("new", "record", "-C", "{root}", "--title", "x", "--kind", "乱写", "--unit", "bgs", "--attribute", "依申请公开",
      "--item", "SHJZ-001"), "不是有效的「文种」"),
    (("new", "record", "-C", "{root}", "--title", "x", "--kind", "通知", "--unit", "b g", "--attribute", "依申请公开",
      "--item", "SHJZ-001"), "「责任单位」的写法不对"),
])
def test_option_errors_are_chinese(gk: Callable[..., Run], cat: CatalogDir, args: tuple[str, ...], says: str) -> None:
    run = gk(*(a.replace("{root}", str(cat.root)) for a in args))
    assert run.code == 2 and says in run.err, run.err
    assert not re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", run.err.splitlines()[0]), run.err  # line 2 names the command


# A console that cannot show Chinese ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["ascii", "gbk", "cp936"])
def test_console_that_cannot_encode_chinese_degrades(cat: CatalogDir, encoding: str) -> None:
    cat.record(RECORD.replace("公开属性: 主动公开", "公开属性: 主动公开 ✓"))  # ✓ is not in GBK
    for args in (("validate", cat.root), ("rule", "GK010"), ("--help",), ("handover", "schedule", "--year", "2026")):
        run = _subprocess(*args, env={"PYTHONIOENCODING": encoding})
        text = (run.stdout + run.stderr).decode(encoding, errors="strict")  # what the console received is valid
        assert run.returncode in (0, 1, 2) and "内部错误" not in text and "Traceback" not in text, text
        if encoding == "ascii":
            assert "\\u" in text
        else:
            assert re.search("[\u4e00-\u9fff]", text)  # Chinese shown as Chinese, only ✓ escaped
    assert "\\u2713" in _subprocess("validate", cat.root, env={"PYTHONIOENCODING": encoding}).stdout.decode(encoding)


# Lenient dates, future handovers, positions, quoting ------------------------------------------------------------


def test_lenient_dates_are_accepted_said_and_rewritten(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.record(RECORD.replace("成文日期: 2026-09-01", "成文日期: 2026年9月1日")
                      .replace("公开日期: 2026-09-03", "公开日期: 2026/9/3").replace("审查日期: 2026-09-01", "审查日期: 2026.9.1"))
    found = {d["line"]: d for d in diagnostics(gk, cat.root)}
    assert {d["code"] for d in found.values()} == {"GK110"} and {d["severity"] for d in found.values()} == {"info"}
    assert [found[n]["message"] for n in sorted(found)] == [
        "日期「2026.9.1」按 2026-09-01 处理", "日期「2026年9月1日」按 2026-09-01 处理", "日期「2026/9/3」按 2026-09-03 处理"]
    assert gk("validate", cat.root).code == 0  # accepted: an info, not an error
    run = gk("fmt", cat.root)
    assert run.code == 0 and "日期改为 YYYY-MM-DD" in run.out
    assert path.read_text(encoding="utf-8") == RECORD
    assert codes(gk, cat.root) == []


def test_handover_dated_after_today_is_refused_unless_forced(gk: Callable[..., Run], cat: CatalogDir,
                                                             tmp_path: Path) -> None:
    out, ready = tmp_path / "o", "--allow-incomplete"
    run = gk("handover", "--date", "2026-12-21", "-C", cat.root, "--out", out, "--today", "2026-12-02", ready)
    assert run.code == 2 and "晚于今天（2026-12-02）" in run.err and "下一个移交日是 2026-12-07" in run.err
    assert "--force" in run.err and not out.exists() and not (cat.root / "handover").exists()
    run = gk("handover", "--date", "2026-12-07", "-C", cat.root, "--out", out, "--today", "2026-12-07", ready)  # the day of
    assert run.code == 0, run.err
    run = gk("handover", "--date", "2026-12-21", "-C", cat.root, "--out", out, "--today", "2026-12-20", ready)  # day before
    assert run.code == 2
    run = gk("handover", "--date", "2026-12-21", "-C", cat.root, "--out", out, "--today", "2026-12-02", "--force", ready)
    assert run.code == 0, run.err
    run = gk("handover", "baseline", "--through", "2026-12-22", "-C", cat.root, "--today", "2026-12-21")
    assert run.code == 2 and "补登" in run.err


def test_unclosed_flow_list_in_gongkai_yaml_is_reported_where_it_opens(gk: Callable[..., Run], cat: CatalogDir) -> None:
    text = AGENCY.replace("移交日: [5, 20]", "移交日: [5, 20") + "检查:\n  解读时限工作日: 3\n"
    cat.write("gongkai.yaml", text)
    [diag] = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK001"]
    assert diag["line"] == text.split("\n").index("  移交日: [5, 20") + 1 and "]" in diag["hint"]


def test_unclosed_quote_is_reported_where_it_opens(gk: Callable[..., Run], cat: CatalogDir) -> None:
    text = AGENCY.replace("联系人: 张三", '联系人: "张三')
    cat.write("gongkai.yaml", text)
    [diag] = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK001"]
    assert diag["line"] == text.split("\n").index('  联系人: "张三') + 1 and "引号" in diag["message"]


def test_wrong_field_in_a_calendar_file_is_shown_by_its_name(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.write("calendar/2027.yaml", "年度: 2027\n通知: 测试用通知（虚构）\n放假:\n  - 名称: 元旦\n    开始: 2027-01-01\n"
                                    "    结束: 2027-01-01\n调休上班: [2027-02-0x]\n")
    [diag] = [d for d in diagnostics(gk, cat.root) if d["path"] == "calendar/2027.yaml"]
    assert "「调休上班」" in diag["message"] and "「0」" not in diag["message"] and diag["line"] == 7


@pytest.mark.parametrize("name", ["站点 输出", "it's site", "-site", "a;b"])
def test_hint_paths_are_quoted_for_the_shell(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path,
                                             name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = gk("build-site", cat.root, "--out", name, "--no-search")
    assert run.code == 0, run.err
    line = next(line for line in run.out.splitlines() if "gongkai serve" in line)
    command = line.split("：", 1)[1].split("，然后")[0]
    assert shlex.split(command) == ["gongkai", "serve", "--dir", name if not name.startswith("-") else "./" + name]


@pytest.mark.parametrize(("path", "posix", "windows"), [
    ("site", "site", "site"),
    ("站点 输出", "'站点 输出'", '"站点 输出"'),
    ("站点", "'站点'", '"站点"'),
    ("it's", "'it'\"'\"'s'", '"it\'s"'),
    (r"C:\Users\张三\site", r"'C:\Users\张三\site'", r'"C:\Users\张三\site"'),
    (r"D:\site", r"'D:\site'", r"D:\site"),
    ("a,b=c", "a,b=c", '"a,b=c"'),  # cmd.exe splits at , and =
    ("-x", "./-x", r".\-x"),
])
def test_shell_quote_for_posix_and_windows(path: str, posix: str, windows: str) -> None:
    assert shell_quote(path, windows=False) == posix
    assert shell_quote(path, windows=True) == windows
    assert shlex.split(shell_quote(path, windows=False)) == [path if not path.startswith("-") else "./" + path]


@pytest.mark.parametrize("name", ["gongkai.yaml.txt", "GONGKAI.YAML", "gongkai.yml"])
def test_a_misnamed_gongkai_yaml_is_named_with_the_rename(gk: Callable[..., Run], cat: CatalogDir, name: str) -> None:
    (cat.root / "gongkai.yaml").rename(cat.root / name)
    run = gk("validate", cat.root)
    assert run.code == 2
    assert f"中没有 gongkai.yaml，但有「{name}」" in run.err and f"请把「{name}」改名为 gongkai.yaml" in run.err


def test_a_key_written_twice_names_the_key_and_its_first_line(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(RECORD.replace("  结论: ", "  审查人: 李四\n  结论: ", 1))  # nested, as pasted twice in Notepad
    found = [(d["line"], d["code"], d["message"]) for d in diagnostics(gk, cat.root)]
    assert found == [(12, "GK004", "键「审查人」写了两次（第10行已有）")]
