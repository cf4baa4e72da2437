"""Thirty-seventh hostile pass on the front door: what a civil servant at a Chinese Windows PC types and saves
(Notepad with a Chinese input method, Explorer's copy and paste), and what `gongkai validate` and `gongkai fmt` answer.

Expected values are typed by hand: in the test record 「题名」 is line 2, 「索引号」 line 4; 「题名: 」 is four columns,
so the value starts at column 5; the title 测试县民政局关于2026年第三季度低保对象名单的公示 is 26 characters.

Found by this pass:
1. A quoted value opened with the half-width 「"」 and closed, on screen, by the input method's 「”」 (「题名: "……的公示”」,
   「索引号: '350524-MZ-2026-00001’」) was 「引号没有闭合」 with the fix 「在这一行的末尾补上同样的引号」: the clerk adds a
   「"」 after the 「”」, and the title is published with a stray 「”」 in it. Now the message names the 「”」 at its
   column and says to change it into the half-width quote, not to add one; in a list (「["政府网站”, 两微一端]」,
   before: 「检查这一行开始的引号，成对补齐」) too.
2. Explorer's copy of a record (「R2026-001 - 副本.yaml」, 「- Copy」, 「(1)」, WPS's 「_副本」) sorts before the original
   (a space before the dot), so the original was told 「编号重复，已在 …副本.yaml 中使用……请改用一个新的编号」 — renumbering
   the published record — and the copy 「把文件改名为 R2026-001.yaml」, over the original. Now GK201 is said of the file
   not named by its 编号, and GK203 names the copy as one, with 「不要把它改名为 R2026-001.yaml（会覆盖原来的文件）」.
3. An attachment's path pasted from Explorer (「复制文件地址」 gives it in double quotes: 「"C:\\Users\\张三\\…\\名单.pdf"」)
   or typed so (「"files\\abc\\a.pdf"」): YAML reads 「\\a」 as an invisible character, and validate said 「附件
   「filesbc.pdf」不在目录的 files/ 文件夹中」 with GK017 「运行 gongkai fmt 自动删去」 — and fmt wrote 「filesbc.pdf」 into
   the file, the path lost; 「\\U」 or 「\\2」 gave 「值以「"」开头……写成「- 文件: '"C:\\Users…"'」」. Now one GK001 at
   the first backslash: 「双引号里写了 Windows 路径」, with the path to write (「写成「文件: files/abc/a.pdf」」, or for a
   path on this computer, to copy the file into files/); fmt refuses the file with the same words and leaves it alone.
   The same path without quotes was GK606 「路径含有反斜杠」 with the general 「附件只能是……如 files/2026/R2026-012.pdf」;
   fixed to 「D:/共享/名单.pdf」 it was GK606 again. GK606 now says the same as GK001: the path to write, or to copy a
   file of this computer into files/.
4. `--help` in cmd.exe's 80 columns or a narrower window broke Chinese lines at spaces only: 「fmt  整理」 stood alone
   with the rest of the sentence on the next line (at 60 columns), 「校验目录：YAML」 likewise at 80, and lines started
   with 「，」「、」「）」 (「，最新的在前。」, 「）。」). Now a line breaks between any two Chinese characters, never before
   closing or after opening punctuation, and not inside 「calendar/<年份>.yaml」.

Seen and left alone:
- Columns count code points: after a character beyond U+FFFF (𠮷, an emoji) on the same line, Notepad and VS Code
  (which count UTF-16 units) show one column more. Rare in a record's line; changing it touches every position.
- GBK, UTF-16 files with a second mistake are told only the encoding (as the thirty-fifth pass decided).
- 「页数: ３」 (full-width digit in a whole number) is GK103 with 「用半角阿拉伯数字」, while a full-width date is read:
  the message says exactly what to do.
- 「公开日期: 26-3-18」 (two-digit year) is 「日期格式应为 YYYY-MM-DD」 without a guess: gongkai does not choose the century.
- The mixed quotes 「“主动公开"」 are GK104 with 「是否想写「主动公开」？」: the guess is right.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from conftest import RECORD, CatalogDir, Run

Gk = Callable[..., Run]
TODAY = "2026-12-07"
TITLE = "测试县民政局关于2026年第三季度低保对象名单的公示"


def _crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def _found(gk: Gk, root: object, code: str) -> list[dict]:
    run = gk("validate", root, "--format", "json", "--today", TODAY)
    assert run.code in (0, 1), run.err
    return [d for d in json.loads(run.out)["diagnostics"] if d["code"] == code]


# 1. A quote closed by the input method's twin --------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "where", "message", "hint"), [
    (f"题名: {TITLE}\n", f'题名: "{TITLE}”\n', (2, 32),
     "引号没有闭合：开头是半角引号「\"」，结尾的「”」是中文输入法打出的引号，YAML 不认它作闭合",
     "把结尾的「”」改成半角的「\"」（英文输入法下输入），前后两个引号要一样；不要在后面再补一个引号，否则「”」会成为值的一部分。"),
    ("索引号: 350524-MZ-2026-00001\n", "索引号: '350524-MZ-2026-00001’  \n", (4, 27),
     "引号没有闭合：开头是半角引号「'」，结尾的「’」是中文输入法打出的引号，YAML 不认它作闭合",
     "把结尾的「’」改成半角的「'」"),
    ("索引号: 350524-MZ-2026-00001\n", '索引号: "350524-MZ-2026-00001＂\n', (4, 27),
     "引号没有闭合：开头是半角引号「\"」，结尾的「＂」是中文输入法打出的引号，YAML 不认它作闭合",
     "把结尾的「＂」改成半角的「\"」"),
    # in a list, the twin closes an item before its 「,」 or 「]」
    ("页数: 1\n", '页数: 1\n公开渠道: ["政府网站”, 两微一端]\n', (17, 13),
     "引号没有闭合：开头是半角引号「\"」，结尾的「”」是中文输入法打出的引号，YAML 不认它作闭合", "把结尾的「”」改成半角的「\"」"),
    ("页数: 1\n", "页数: 1\n公开渠道: [政府网站, '两微一端’]\n", (17, 19),
     "引号没有闭合：开头是半角引号「'」，结尾的「’」是中文输入法打出的引号，YAML 不认它作闭合", "把结尾的「’」改成半角的「'」"),
    # a 「”」 closing a 「“」 inside the value is the value's own: the half-width quote was left open, as before
    (f"题名: {TITLE}\n", '题名: "关于开展“双随机”\n', (2, 5), "引号没有闭合", "在这一行的末尾补上同样的引号"),
])
def test_a_quote_closed_by_the_input_methods_twin_is_named_at_the_twin(gk: Gk, cat: CatalogDir, old: str, new: str,
                                                                        where: tuple[int, int], message: str,
                                                                        hint: str) -> None:
    """Before: 「引号没有闭合」, 「在这一行的末尾补上同样的引号」 at the opening quote — the 「”」 then stays in the title."""
    assert old in RECORD
    cat.record(_crlf(RECORD.replace(old, new)))
    found = _found(gk, cat.root, "GK001")
    assert [(d["line"], d["column"], d["message"]) for d in found] == [(*where, message)]
    assert hint in found[0]["hint"]


def test_fmt_says_the_same_of_the_twin(gk: Gk, cat: CatalogDir) -> None:
    path = cat.record(_crlf(RECORD.replace(f"题名: {TITLE}\n", f'题名: "{TITLE}”\n')))
    before = path.read_bytes()
    run = gk("fmt", path)
    assert run.code == 1
    assert "第 2 行第 32 列：引号没有闭合：开头是半角引号「\"」，结尾的「”」是中文输入法打出的引号" in run.out + run.err
    assert path.read_bytes() == before


# 2. Explorer's copy of a record -----------------------------------------------------------------------------------


def _ids(gk: Gk, root: object, *extra: str) -> list[tuple[str, str, str, str]]:
    run = gk("validate", root, "--format", "json", "--today", TODAY, *extra)
    assert run.code == 1, run.err
    return [(d["code"], d["path"], d["message"], d["hint"]) for d in json.loads(run.out)["diagnostics"]
            if d["code"] in ("GK201", "GK203")]


COPY_HINT = ("不要把它改名为 R2026-001.yaml（会覆盖原来的文件）：若要登记一条新信息，把编号改为一个新的编号，文件按新编号改名"
             "（gongkai new 会自动分配编号）；若是多余的副本，删除它。")
TWICE_HINT = "每个编号只能用一次：这个文件若是复制来登记新信息的，改用一个新的编号（文件按新编号改名）；若是多余的副本，删除它。"


@pytest.mark.parametrize(("name", "added"), [
    ("R2026-001 - 副本", "- 副本"),  # Explorer, Ctrl+C Ctrl+V
    ("R2026-001 - 副本 (2)", "- 副本 (2)"),  # … twice
    ("R2026-001 - Copy", "- Copy"),  # an English Windows
    ("R2026-001(1)", "(1)"),  # a browser or WeChat download
    ("R2026-001_副本", "_副本"),  # WPS
])
def test_a_copy_left_by_explorer_is_named_a_copy_and_the_original_is_not_blamed(gk: Gk, cat: CatalogDir, name: str,
                                                                                added: str) -> None:
    """Before: the original R2026-001.yaml was told 「编号重复，已在 records/2026/R2026-001 - 副本.yaml 中使用……请改用一个
    新的编号」 (the copy sorts first: a space before the dot) and the copy 「把文件改名为 R2026-001.yaml」 — over the
    original."""
    rel = f"records/2026/{name}.yaml"
    cat.record(_crlf(RECORD), rel=rel)
    found = _ids(gk, cat.root)
    assert found == [
        ("GK201", rel, "信息编号「R2026-001」重复，已在 records/2026/R2026-001.yaml 中使用", TWICE_HINT),
        ("GK203", rel, f"文件名「{name}」与编号「R2026-001」不一致：这是 R2026-001.yaml 复制出来的副本（复制粘贴或另存时"
                       f"加上的「{added}」）", COPY_HINT),
    ]
    assert _ids(gk, cat.root, "--no-cache") == found


def test_a_copy_added_after_a_run_is_told_the_same_from_the_cache(gk: Gk, cat: CatalogDir) -> None:
    run = gk("validate", cat.root, "--today", TODAY)
    assert run.code == 0, run.out
    cat.record(RECORD, rel="records/2026/R2026-001 - 副本.yaml")
    assert [(code, path) for code, path, _, _ in _ids(gk, cat.root)] == [
        ("GK201", "records/2026/R2026-001 - 副本.yaml"), ("GK203", "records/2026/R2026-001 - 副本.yaml")]


def test_a_file_renamed_to_another_number_is_told_as_before(gk: Gk, cat: CatalogDir) -> None:
    """A name that is no copy of its 编号 (R2026-0011, a digit too many) is asked to be renamed, as before; the file
    named by the 编号 still stands."""
    cat.record(RECORD, rel="records/2026/R2026-0011.yaml")
    assert _ids(gk, cat.root) == [
        ("GK201", "records/2026/R2026-0011.yaml", "信息编号「R2026-001」重复，已在 records/2026/R2026-001.yaml 中使用",
         TWICE_HINT),
        ("GK203", "records/2026/R2026-0011.yaml", "文件名「R2026-0011」与编号「R2026-001」不一致",
         "把文件改名为 R2026-001.yaml，或改正编号。"),
    ]


# 3. A Windows path in double quotes --------------------------------------------------------------------------------


ATTACHED = RECORD.replace("页数: 1\n", "页数: 1\n附件:\n  - 文件: files/2026/名单.pdf\n    名称: 名单\n")
WINDOWS_PATH = "双引号里写了 Windows 路径：反斜杠「\\」在双引号中是转义符，「{}」会被读成别的字符（或读不出来）"


@pytest.mark.parametrize(("written", "column", "escape", "hint"), [
    # 「\a」 is an escape YAML knows (BEL): before, 「filesbc.pdf」 and fmt wrote it so
    ('"files\\abc\\a.pdf"', 15, "\\a", "路径用 / 分隔、不加引号：写成「文件: files/abc/a.pdf」。"),
    ('"files\\2026\\名单.pdf"  # 名单', 15, "\\2", "路径用 / 分隔、不加引号：写成「文件: files/2026/名单.pdf」。"),
    ('"C:\\Users\\张三\\Desktop\\名单.pdf"', 12, "\\U",
     "这是本机上的路径，别人和网站都打不开：把文件复制到目录文件夹的 files/ 下（如 files/<年份>/），写成目录中的路径，"
     "用 / 分隔、不加引号，如「文件: files/<年份>/名单.pdf」。"),
    ('"\\\\server\\共享\\名单.pdf"', 18, "\\共", "这是本机上的路径"),
])
def test_a_windows_path_in_double_quotes_is_named_at_its_backslash(gk: Gk, cat: CatalogDir, written: str,
                                                                   column: int, escape: str, hint: str) -> None:
    """Before: GK017 and 「附件「filesbc.pdf」不在目录的 files/ 文件夹中」, or 「双引号中有无效的反斜杠转义」 / 「值以「"」开头」
    with a fix that keeps the backslashes."""
    cat.write("files/2026/名单.pdf", b"%PDF-1.4\n%%EOF\n")
    cat.record(_crlf(ATTACHED.replace("文件: files/2026/名单.pdf", f"文件: {written}")))
    run = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    found = [d for d in json.loads(run.out)["diagnostics"] if d["path"].startswith("records/")]
    assert [(d["code"], d["line"], d["column"], d["message"]) for d in found] == [
        ("GK001", 18, column, WINDOWS_PATH.format(escape))]
    assert hint in found[0]["hint"]


def test_fmt_leaves_a_windows_path_in_double_quotes_alone(gk: Gk, cat: CatalogDir) -> None:
    """Before: 「已整理……删去看不见的字符」, and the file said 「文件: filesbc.pdf」."""
    path = cat.record(_crlf(ATTACHED.replace("文件: files/2026/名单.pdf", '文件: "files\\abc\\a.pdf"')))
    before = path.read_bytes()
    run = gk("fmt", path)
    assert run.code == 1
    assert ("第 18 行第 15 列：双引号里写了 Windows 路径：反斜杠「\\」在双引号中是转义符，「\\a」会被读成别的字符（或读不出来）"
            "（路径用 / 分隔、不加引号：写成「文件: files/abc/a.pdf」。") in run.out + run.err
    assert path.read_bytes() == before


@pytest.mark.parametrize("written", [
    '"files/2026/名单\\u200b.pdf"',  # an escape a file means: GK017 as before, no path
    '"C:\\\\Users\\\\名单.pdf"',  # backslashes written twice: YAML reads the path as typed, GK606 names it
])
def test_escapes_that_are_meant_are_not_taken_for_a_path(gk: Gk, cat: CatalogDir, written: str) -> None:
    cat.record(ATTACHED.replace("文件: files/2026/名单.pdf", f"文件: {written}"))
    run = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    assert "Windows 路径" not in run.out


def test_a_windows_path_in_the_body_is_text(gk: Gk, cat: CatalogDir) -> None:
    """A 「|」 text is read as written: a path quoted in the 正文 is the 正文's."""
    cat.record(RECORD.replace("  经审核，现将名单予以公示。\n", '  经审核，现将名单予以公示。\n  见 "D:\\共享\\名单.docx"\n'))
    run = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    assert run.code == 0, run.out


# 4. --help in a narrow console -----------------------------------------------------------------------------------

CLOSING = tuple("，。、：；！？）」』》〉】〕”’")


def _help_lines(gk: Gk, monkeypatch: pytest.MonkeyPatch, columns: int, *command: str) -> list[str]:
    """The lines of a help's panels, without the panel's frame and the column of names."""
    monkeypatch.setenv("COLUMNS", str(columns))
    run = gk(*command, "--help")
    assert run.code == 0, run.err
    return [line.strip(" │╭╮╰╯─") for line in run.out.splitlines()]


@pytest.mark.parametrize("columns", [80, 60, 40])
@pytest.mark.parametrize("command", [(), ("workdays",), ("new",), ("handover",), ("validate",), ("export", "xlsx")])
def test_help_lines_break_between_chinese_characters(gk: Gk, monkeypatch: pytest.MonkeyPatch, columns: int,
                                                     command: tuple[str, ...]) -> None:
    lines = _help_lines(gk, monkeypatch, columns, *command)
    starts = [line.split(maxsplit=1)[-1] for line in lines if line]  # the text after a command's or option's name
    assert not [line for line in starts if line.startswith(CLOSING)]
    assert not [line for line in lines if line.endswith(("calendar/<年", "records/<年", "（", "「"))]


def test_the_first_line_of_a_description_is_filled(gk: Gk, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, at 60 columns: 「fmt         整理」 alone, 「YAML：键按官方顺序、别称改为标准名称、全角标点改为半角、GBK」 below."""
    lines = _help_lines(gk, monkeypatch, 60)
    fmt = next(line for line in lines if line.startswith("fmt "))
    assert fmt.split(maxsplit=1)[1].startswith("整理 YAML：键按")
    lines = _help_lines(gk, monkeypatch, 80)
    assert next(line for line in lines if line.startswith("validate ")).endswith("公开属性、保密审查、公开")


@pytest.mark.parametrize(("written", "reason", "hint"), [
    ("files\\2026\\名单.pdf", "路径含有反斜杠「\\」", "路径用 / 分隔、不加引号：写成「文件: files/2026/名单.pdf」。"),
    ("C:\\Users\\张三\\Desktop\\名单.pdf", "路径含有反斜杠「\\」",
     "这是本机上的路径，别人和网站都打不开：把文件复制到目录文件夹的 files/ 下（如 files/<年份>/），写成目录中的路径，"
     "用 / 分隔、不加引号，如「文件: files/<年份>/名单.pdf」。"),
    ("D:/共享/名单.pdf", "是绝对路径，不在目录文件夹中", "这是本机上的路径"),
])
def test_a_windows_path_without_quotes_is_told_what_to_write(gk: Gk, cat: CatalogDir, written: str, reason: str,
                                                             hint: str) -> None:
    """Before: 「附件只能是目录文件夹中 files/ 下的普通文件……如 files/2026/R2026-012.pdf」 whatever was written."""
    cat.write("files/2026/名单.pdf", b"%PDF-1.4\n%%EOF\n")
    cat.record(_crlf(ATTACHED.replace("文件: files/2026/名单.pdf", f"文件: {written}")))
    found = _found(gk, cat.root, "GK606")
    assert [(d["line"], d["column"], d["message"]) for d in found] == [(18, 9, f"附件「{written}」{reason}")]
    assert hint in found[0]["hint"]
