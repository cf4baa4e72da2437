"""The front door, seventeenth hostile round: what a clerk types on a Chinese Windows desktop — an output folder that
already holds her files, a console without UTF-8, a key whose colon went full-width on a line of its own — against
the real CLI. Expected texts and positions are typed by hand from the lines written here."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ITEM, RECORD, CatalogDir, Run
from notices import NOTICE_2027

SRC = Path(__file__).resolve().parents[1] / "src"


def diagnostics(gk: Callable[..., Run], root: Path) -> list[dict]:
    run = gk("validate", root, "--format", "json", "--no-cache")
    assert run.code in (0, 1), run.err
    return json.loads(run.out)["diagnostics"]


# An output folder (-o) that already holds the user's own files: every command replaced it whole ----------------


def _writing(command: str, root: Path, out: Path) -> tuple[str | Path, ...]:
    """*command* (each writes a whole folder) run on the catalog at *root* into *out*."""
    return (*command.split(), root, "--out", out, *(("--no-search",) if command == "build-site" else ()))


@pytest.mark.parametrize("command", ["build-site", "print", "wechat", "export portal"])
def test_an_output_folder_holding_the_users_files_is_left_alone(gk: Callable[..., Run], cat: CatalogDir,
                                                               tmp_path: Path, command: str) -> None:
    """Before: 「-o 桌面」 replaced the folder whole — the clerk's 工作总结.docx was gone, and the command said 已生成."""
    desk = tmp_path / "桌面"
    desk.mkdir()
    (desk / "工作总结.docx").write_bytes(b"PK\x03\x04 her own work")
    run = gk(*_writing(command, cat.root, desk))
    assert run.code == 2
    assert "已有不是 gongkai 生成的文件" in run.err and "其中的文件会丢失，所以没有写入" in run.err
    assert sorted(p.name for p in desk.iterdir()) == ["工作总结.docx"]
    assert (desk / "工作总结.docx").read_bytes() == b"PK\x03\x04 her own work"


@pytest.mark.parametrize("command", ["build-site", "print", "wechat", "export portal"])
def test_an_output_named_like_a_file_that_exists_is_left_alone(gk: Callable[..., Run], cat: CatalogDir,
                                                              tmp_path: Path, command: str) -> None:
    """Before: 「-o 名单.xlsx」 turned the spreadsheet into a folder of web pages."""
    sheet = tmp_path / "名单.xlsx"
    sheet.write_bytes(b"PK\x03\x04 a spreadsheet")
    run = gk(*_writing(command, cat.root, sheet))
    assert run.code == 2
    assert "「" + str(sheet) + "」是一个文件，不是输出文件夹" in run.err and "名单-out" in run.err
    assert sheet.read_bytes() == b"PK\x03\x04 a spreadsheet"


@pytest.mark.parametrize("command", ["build-site", "print", "wechat", "export portal"])
def test_an_empty_folder_and_the_last_output_are_replaced_as_before(gk: Callable[..., Run], cat: CatalogDir,
                                                                   tmp_path: Path, command: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert gk(*_writing(command, cat.root, out)).code == 0, "an empty folder is the user's way of saying where"
    assert gk(*_writing(command, cat.root, out)).code == 0, "the second run replaces what the first made"


# A console under LANG=C: Python opens it in ascii with errors="surrogateescape", not "strict" ------------------


def _run(*args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    full = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "GONGKAI_DEBUG", "LANGUAGE")}
    full.update({"GONGKAI_TODAY": "2026-11-27", "PYTHONPATH": str(SRC), **env})
    return subprocess.run([sys.executable, "-m", "gongkai", *map(str, args)], capture_output=True, env=full,
                          timeout=120)


C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}


@pytest.mark.parametrize("args", [("validate",), ("--help",), ("rule", "GK010"), ("fmt", "--check")])
def test_a_c_locale_console_degrades_instead_of_an_internal_error(cat: CatalogDir, args: tuple[str, ...]) -> None:
    """Before: 「内部错误」 (exit 3), itself escaped, and rich's English 「You may need to add PYTHONIOENCODING=utf-8」."""
    cat.record(RECORD.replace("题名: 测试", "题名：测试"))  # an error to report, in Chinese
    run = _run(*args, *([cat.root] if args[0] in ("validate", "fmt") else []), env=C_LOCALE)
    text = (run.stdout + run.stderr).decode("ascii")  # what an ascii console can show, nothing else
    assert run.returncode in (0, 1), text
    assert "\\u5185\\u90e8\\u9519\\u8bef" not in text and "PYTHONIOENCODING" not in text and "Traceback" not in text
    assert "\\u" in text  # the Chinese is there, escaped


# A key without its colon is named at its own line, not at the next key the parser stumbled on ------------------


def _found(gk: Callable[..., Run], root: Path, code: str = "GK001") -> list[tuple[int, int, str]]:
    return [(d["line"], d["column"], d["message"]) for d in diagnostics(gk, root) if d["code"] == code]


def test_a_full_width_colon_above_a_list_is_named_on_its_own_line(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「10:1 缺少冒号，或缩进不对」 at 公开时限, two lines below the 「公开依据：」 to fix."""
    cat.item(ITEM.replace("公开依据:\n", "公开依据：\n"))
    assert _found(gk, cat.root) == [(8, 5, "用了全角冒号「：」")]


def test_a_full_width_colon_above_a_long_body_is_named_on_its_own_line(gk: Callable[..., Run],
                                                                      cat: CatalogDir) -> None:
    cat.record(RECORD.replace("保密审查:\n", "保密审查：\n"))
    assert _found(gk, cat.root) == [(9, 5, "用了全角冒号「：」")]


def test_a_full_width_hash_is_named_as_no_comment(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「14:1 缺少冒号，或缩进不对」 at 公开方式, the line below 「＃ 备注」, without a word of the ＃."""
    cat.item(ITEM.replace("公开对象: 全社会\n", "公开对象: 全社会\n＃ 备注\n"))
    found = diagnostics(gk, cat.root)
    assert [(d["line"], d["column"], d["code"]) for d in found] == [(14, 1, "GK001")]
    assert "全角井号「＃」不是注释符号" in found[0]["message"] and "半角井号「#」" in found[0]["hint"]


@pytest.mark.parametrize(("old", "new", "where", "hint"), [
    ("  审查人: 张三\n", "  审查人 张三\n", (10, 3), "写成「审查人: 张三」"),  # before: 11:7, at 审查日期
    ("页数: 1\n", "页数 1\n", (16, 1), "每个键后面要有半角冒号"),  # before: 17:1, at 正文
])
def test_a_key_without_its_colon_is_named_where_it_is(gk: Callable[..., Run], cat: CatalogDir, old: str, new: str,
                                                      where: tuple[int, int], hint: str) -> None:
    cat.record(RECORD.replace(old, new))
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK001"]
    assert [(d["line"], d["column"]) for d in found] == [where]
    assert "缺少冒号" in found[0]["message"] and hint in found[0]["hint"]


# Every command's --help: what a value is, in Chinese; a flag shows no value ------------------------------------

COMMANDS = [("fmt",), ("county",), ("diff",), ("log",), ("init",), ("inspect",), ("mask",), ("print",), ("wechat",),
            ("rules",), ("rule",), ("schema",), ("build-site",), ("serve",), ("validate",), ("new", "item"),
            ("new", "record"), ("workdays", "add"), ("deadline", "explain"), ("handover",), ("handover", "baseline"),
            ("handover", "schedule"), ("handover", "verify"), ("calendar", "import"), ("export", "xlsx"),
            ("export", "csv"), ("export", "portal"), ("import", "xlsx"), ("import", "xls"), ("import", "csv"),
            ("report", "scorecard"), ("report", "annual")]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_names_what_a_value_is_in_chinese(gk: Callable[..., Run], command: tuple[str, ...]) -> None:
    """Before: 「--strict <bool>」「--leader <list[str]>」「--port <int range>」「catalog <path>」 beside Chinese help."""
    run = gk(*command, "--help")
    assert run.code == 0, run.err
    for english in ("<bool>", "<str>", "<path>", "<int", "<list[", "<float", "<Path"):
        assert english not in run.out, f"{' '.join(command)}: {english}"


def test_help_shows_the_kinds_of_value_of_one_command(gk: Callable[..., Run]) -> None:
    run = gk("serve", "--help")
    assert "<整数> [1—65535]" in run.out and "<路径>" in run.out
    help_line = next(line for line in run.out.splitlines() if "--help" in line)
    assert "<" not in help_line  # -h takes no value


# Names Windows cannot hold: a colleague's git clone, Explorer, the 两馆's computers all fail on them -------------


@pytest.mark.parametrize(("name", "said", "hint"), [
    ("aux.pdf", "「aux.pdf」在 Windows 上是保留的设备名 AUX", "「aux-1.pdf」"),
    ("CON.PDF", "「CON.PDF」在 Windows 上是保留的设备名 CON", "「CON-1.PDF」"),
    ("nul.tar.pdf", "「nul.tar.pdf」在 Windows 上是保留的设备名 NUL", "「nul-1.tar.pdf」"),
    ("LPT9.pdf", "「LPT9.pdf」在 Windows 上是保留的设备名 LPT9", "「LPT9-1.pdf」"),
    ("com¹.pdf", "「com¹.pdf」在 Windows 上是保留的设备名 COM¹", "「com¹-1.pdf」"),
    ("名单:第一批.pdf", "「名单:第一批.pdf」含有 Windows 不允许用在文件名中的字符「:」", "换成 - 或删去"),
    ("名单?.pdf", "「名单?.pdf」含有 Windows 不允许用在文件名中的字符「?」", "换成 - 或删去"),
    ('"名单".pdf', "「\"名单\".pdf」含有 Windows 不允许用在文件名中的字符「\"」", "换成 - 或删去"),
    ("名单.pdf.", "「名单.pdf.」以点结尾", "改名为「名单.pdf」"),
])
def test_an_attachment_windows_cannot_hold_is_named(gk: Callable[..., Run], cat: CatalogDir, name: str, said: str,
                                                    hint: str) -> None:
    """Before: validate said nothing, and the first colleague to clone on Windows got 「error: invalid path」."""
    cat.write(f"files/2026/{name}", b"%PDF-1.4\n")
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK018"]
    assert [(d["path"], d["severity"]) for d in found] == [(f"files/2026/{name}", "error")]
    assert found[0]["message"].startswith(said) and hint in found[0]["hint"]


def test_a_folder_ending_in_a_space_and_a_record_named_con(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.write("files/2026 /R2026-001.pdf", b"%PDF-1.4\n")
    cat.item(ITEM.replace("SHJZ-001", "CON"), rel="items/shjz/CON.yaml")
    found = {d["path"]: d["message"] for d in diagnostics(gk, cat.root) if d["code"] == "GK018"}
    assert sorted(found) == ["files/2026 /R2026-001.pdf", "items/shjz/CON.yaml"]
    assert found["files/2026 /R2026-001.pdf"].startswith("「2026 」以空格结尾")
    assert found["items/shjz/CON.yaml"].startswith("「CON.yaml」在 Windows 上是保留的设备名 CON")


@pytest.mark.parametrize("name", ["console.pdf", "auxiliary.pdf", "com10.pdf", "lpt.pdf", "名单 .pdf", "R2026-001.pdf",
                                  "nulla.yaml.pdf", "名单（第一批）.pdf"])
def test_names_that_only_look_so_are_fine(gk: Callable[..., Run], cat: CatalogDir, name: str) -> None:
    cat.write(f"files/2026/{name}", b"%PDF-1.4\n")
    assert [d for d in diagnostics(gk, cat.root) if d["code"] == "GK018"] == []


# A line pasted from a GBK file into a UTF-8 one: neither 「另存为」 nor fmt can convert it --------------------------


def test_one_gbk_line_in_a_utf8_file_is_named_with_a_fix_that_works(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「文件不是 UTF-8 编码的文本」 and 「或运行 gongkai fmt 自动转换为 UTF-8」; fmt then said only 「文件不是
    UTF-8、UTF-16 或 GBK 文本，无法格式化」, with no line."""
    body = "经审核，现将名单予以公示。"
    path = cat.record(RECORD)
    path.write_bytes(RECORD.encode("utf-8").replace(body.encode("utf-8"), body.encode("gbk")))
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK003"]
    assert [(d["line"], d["column"]) for d in found] == [(18, 3)]
    assert "其他各行是 UTF-8，这一行却不是" in found[0]["message"]
    assert "把所指的这一行删去后重新输入" in found[0]["hint"] and "gongkai fmt 都无法自动转换" in found[0]["hint"]
    run = gk("fmt", path)
    assert run.code == 1 and "第 18 行第 3 列：文件其他各行是 UTF-8，这一行却不是" in run.err
    assert path.read_bytes().count(body.encode("gbk")) == 1  # left as it was


def test_bytes_no_encoding_reads_are_not_offered_to_fmt(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.record(RECORD)
    path.write_bytes(b"bianhao: R2026-001\ntiming: abc\xff\n")  # 0xFF starts no character in UTF-8 nor in GBK
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK003"]
    assert [(d["line"], d["column"], d["message"]) for d in found] == [(2, 12, "文件不是 UTF-8 编码的文本，含有无法识别的字节")]
    assert "fmt" not in found[0]["hint"]


# A file to write where a folder of that name is: the user's name is shown, not the hidden file written aside ------


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_an_export_onto_a_folder_names_the_folder(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path,
                                                  kind: str) -> None:
    """Before: 「这是一个文件夹，不是文件：/…/.目录.xlsx.k2j4h1.tmp」, a name the user never typed nor can find."""
    folder = tmp_path / f"目录.{kind}"
    folder.mkdir()
    run = gk("export", kind, "-C", cat.root, "-o", folder)
    assert run.code == 2
    # (said before anything is written, by the --out check of the export: cli.options.out_target)
    assert f"--out「{folder}」是一个文件夹：请写上文件名" in run.err and ".tmp" not in run.err
    assert list(folder.iterdir()) == [] and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# What the Chinese input method types into a value: quotes YAML does not know, ＃ for # --------------------------


@pytest.mark.parametrize(("old", "new", "code", "where", "slip"), [
    ("公开属性: 主动公开", "公开属性: “主动公开”", "GK104", (8, 7), "值两边的「“”」是中文引号"),
    ("事项: SHJZ-001", "事项: ‘SHJZ-001’", "GK103", (7, 5), "值两边的「‘’」是中文引号"),
    ("页数: 1", "页数: 「1」", "GK103", (16, 5), "值两边的「「」」是中文引号"),
    ("公开属性: 主动公开", "公开属性: 主动公开 ＃ 经局长同意", "GK104", (8, 7), "值中的「＃」是全角井号"),
    ("责任单位: shjzg", "责任单位: ｓｈｊｚｇ", "GK103", (6, 7), "「ｓｈｊｚｇ」中的「ｓｈｊｚｇ」是全角字符"),
    ("事项: SHJZ-001", "事项: SHJZ－001", "GK103", (7, 5), "「SHJZ－001」中的「－」是全角字符"),
])
def test_a_value_the_input_method_typed_says_so_first(gk: Callable[..., Run], cat: CatalogDir, old: str, new: str,
                                                     code: str, where: tuple[int, int], slip: str) -> None:
    """Before: 「可选的值：主动公开、依申请公开、不予公开」 for 「“主动公开”」, which looks like one of them."""
    cat.record(RECORD.replace(old, new))
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == code]
    assert [(d["line"], d["column"]) for d in found] == [where]
    assert found[0]["hint"].startswith(slip)


def test_a_value_with_quotes_inside_is_not_taken_for_one_in_quotes(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(RECORD.replace("公开属性: 主动公开", "公开属性: “主动”公开"))
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK104"]
    assert len(found) == 1 and found[0]["hint"].startswith("可选的值：")


def test_a_number_field_says_what_to_write(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「请检查「页数」的值。」, which says nothing the clerk can do."""
    cat.record(RECORD.replace("页数: 1", "页数: 三页"))
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK103"]
    assert [(d["line"], d["column"], d["hint"]) for d in found] == [
        (16, 5, "只写一个整数，用半角阿拉伯数字，不带单位和小数，如「页数: 3」。")]


# 正文 pasted from Word: paragraphs start with 「　　」 (two full-width spaces) or a tab — text, not indentation ----

BODY = "正文: |\n  经审核，现将名单予以公示。\n"


@pytest.mark.parametrize("start", ["\u3000\u3000", "\t", "\u3000\t"])
def test_a_paragraph_indented_as_chinese_text_is_in_a_body_is_no_error(gk: Callable[..., Run], cat: CatalogDir,
                                                                       tmp_path: Path, start: str) -> None:
    """Before: 「19:3 错误 GK006 行首用了全角空格「　」缩进」 (GK007 for a tab) — a valid file, refused, its record held
    back, for the way every Chinese document starts a paragraph."""
    paragraph = f"{start}一、低保对象名单见附件。"
    cat.record(RECORD.replace(BODY, BODY + "\n" + f"  {paragraph}\n"))
    assert [d for d in diagnostics(gk, cat.root) if d["code"] in ("GK006", "GK007", "GK001")] == []
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    assert "一、低保对象名单见附件。" in (site / "records" / "R2026-001.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("body", "where"), [
    ("正文: |\n\u3000\u3000经审核，现将名单予以公示。\n", (18, 1, "GK006")),  # no half-width indentation: not in the block
    ("正文: |\n  经审核，现将名单予以公示。\n\t页数: 1\n", (19, 1, "GK007")),  # the block has ended
])
def test_indentation_outside_the_body_is_still_named(gk: Callable[..., Run], cat: CatalogDir, body: str,
                                                    where: tuple[int, int, str]) -> None:
    cat.record(RECORD.replace(BODY, body))
    found = [(d["line"], d["column"], d["code"]) for d in diagnostics(gk, cat.root)
             if d["code"] in ("GK006", "GK007")]
    assert found == [where]


def test_two_attachments_differing_only_in_case_are_named(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: nothing said; on a Windows checkout one file silently replaced the other."""
    cat.write("files/2026/名单.pdf", b"%PDF-1.4\n")
    cat.write("files/2026/名单.PDF", b"%PDF-1.4\n")
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK018"]
    assert [(d["path"], d["severity"]) for d in found] == [("files/2026/名单.pdf", "error")]
    assert found[0]["message"].startswith("「files/2026/名单.pdf」与「files/2026/名单.PDF」只差大小写")
    assert "「名单-2.pdf」" in found[0]["hint"]


# The holiday notice saved by Notepad as 「Unicode」 (UTF-16 LE with its BOM, CRLF) ---------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_notice_saved_as_unicode_is_imported(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path,
                                               encoding: str) -> None:
    """Before: 「1:1 错误 GK803 文件不是 UTF-8 或 GBK 编码的文本」 for Notepad's own 「Unicode」 — the same file that fmt
    and validate read as UTF-16 in the catalog."""
    notice = tmp_path / "2027年节假日通知.txt"
    data = NOTICE_2027.replace("\n", "\r\n").encode(encoding)
    notice.write_bytes(data if encoding in ("utf-16", "utf-32") else b"\xfe\xff" + data)  # Python writes the BOM
    run = gk("calendar", "import", notice, "-C", cat.root)
    assert run.code == 0, run.out + run.err
    written = (cat.root / "calendar" / "2027.yaml").read_text(encoding="utf-8")
    assert "2027-02-20" in written  # a 上班 day of the notice, as in test_calendar_import


# A file the clerk names that is not there: what is there instead, and how a path with spaces is written -----------


@pytest.mark.parametrize("command", [("import", "xlsx"), ("mask",)])
def test_a_file_whose_extension_explorer_hid_is_pointed_at(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path,
                                                          command: tuple[str, ...]) -> None:
    """Before: 「找不到文件「名单.xlsx」」 and nothing more, beside a 名单.xls that Explorer showed as 「名单」."""
    (tmp_path / "名单.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "名单.xlsx.xlsx").write_bytes(b"PK\x03\x04")
    run = gk(*command, tmp_path / "名单.xlsx", *(("-C", cat.root) if command[0] == "import" else ()))
    assert run.code == 2
    assert f"找不到文件「{tmp_path / '名单.xlsx'}」，但同一文件夹中有「名单.xls」「名单.xlsx.xlsx」" in run.err
    assert "勾选「文件扩展名」" in run.err


def test_a_missing_file_and_a_folder_say_what_to_write(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    run = gk("import", "xlsx", tmp_path / "标准目录.xlsx", "-C", cat.root)
    assert run.code == 2 and "路径中有空格时整个路径要加引号" in run.err
    run = gk("mask", tmp_path)
    assert run.code == 2 and f"「{tmp_path}」是一个文件夹，不是文件" in run.err


def test_a_path_with_a_space_typed_without_quotes_is_explained(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「多余的参数 （2026.xlsx）」 and nothing of the space."""
    run = gk("import", "xlsx", "标准目录", "2026.xlsx", "-C", cat.root)
    assert run.code == 2 and "多余的参数" in run.err and "整个要用引号括起来" in run.err


def test_fmt_mends_tab_indentation_and_a_full_width_hash(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: fmt stopped at both (「这里有不能出现的字符」, 「缺少冒号」), while validate told the clerk to replace them."""
    path = cat.record(RECORD.replace("  审查人: 张三\n", "\t审查人: 张三\n").replace("页数: 1\n", "＃ 页数按盖章页计\n页数: 1\n")
                      .replace(BODY, BODY + "  \u3000\u3000一、名单见附件。\n  \t二、联系电话见附件。\n"))
    run = gk("fmt", path)
    assert run.code == 0, run.err
    assert "Tab 缩进改为半角空格" in run.out and "全角井号「＃」改为注释符号「#」" in run.out
    text = path.read_text(encoding="utf-8")
    assert "\n  审查人: 张三\n" in text and "\n# 页数按盖章页计\n页数: 1\n" in text
    assert "\n  \u3000\u3000一、名单见附件。\n  \t二、联系电话见附件。\n" in text  # the body's text is left as written
    assert gk("fmt", "--check", path).code == 0
    assert [d for d in diagnostics(gk, cat.root) if d["severity"] == "error"] == []


@pytest.mark.parametrize("file", ["records/2026/R2026-001.yaml", "gongkai.yaml"])
def test_a_catalog_file_given_for_the_catalog_names_its_folder(gk: Callable[..., Run], cat: CatalogDir,
                                                             file: str) -> None:
    """Before: 「「…/R2026-001.yaml」不是目录文件夹：找不到 gongkai.yaml」, for a file that sits right in the catalog."""
    run = gk("validate", cat.root / file)
    assert run.code == 2
    assert f"是目录中的一个文件：这里要写的是目录文件夹「{cat.root}」" in run.err


def test_a_port_in_use_is_said_in_chinese(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: 「无法在端口 8765 上预览（Address already in use）」: the system's English."""
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = gk("serve", "--dir", site, "--port", str(port))
    assert run.code == 2
    assert f"无法在端口 {port} 上预览（端口已被别的程序占用）。请换一个端口，如 --port {port + 1}" in run.err


# handover verify on a batch someone has tampered with: every bag named, in Chinese ------------------------------


def test_a_tampered_batch_is_explained_in_chinese_bag_by_bag(gk: Callable[..., Run], tmp_path: Path) -> None:
    """Before: 「不是完整的 BagIt 包：bag-info.txt contains invalid tag: 备注」, and a bag whose bagit.txt was deleted was
    not checked at all (「共 1 个包」 for a batch of two)."""
    import bagit

    batch = tmp_path / "2026-11-20"
    for recipient in ("dag", "tsg"):
        (batch / recipient).mkdir(parents=True)
        (batch / recipient / "目录.csv").write_text("编号,题名\n", encoding="utf-8")
        bagit.make_bag(str(batch / recipient), checksums=["sha256"])
    with open(batch / "dag" / "bag-info.txt", "a", encoding="utf-8") as info:
        info.write("备注\n")  # a line without 「名称: 值」, as Notepad lets anyone add
    (batch / "tsg" / "bagit.txt").unlink()
    run = gk("handover", "verify", batch)
    assert run.code == 1
    assert "bag-info.txt 中有一行不是「名称: 值」：「备注」" in run.out
    assert "缺少 bagit.txt（包的说明文件被删去了）" in run.out
    assert "共 2 个包，2 个未通过" in run.out
    assert "contains" not in run.out and "Expected" not in run.out


def test_an_attachment_named_by_its_whole_title_is_too_long_for_the_server(gk: Callable[..., Run],
                                                                          cat: CatalogDir) -> None:
    """A title of 86 Chinese characters is 258 bytes of UTF-8: Windows keeps it, Linux refuses it. Before: 「文件不存在」
    and 「把文件放到目录文件夹中的 files/2026/…」, which cannot be done on the server."""
    name = "关于印发" + "安溪县最低生活保障" * 9 + "的通知.pdf"  # 92 characters, 268 bytes
    cat.record(RECORD.replace("页数: 1\n", f"页数: 1\n附件:\n  - 文件: files/2026/{name}\n"))
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK607"]
    assert [(d["line"], d["column"]) for d in found] == [(18, 9)]
    assert "文件名太长：「关于印发安溪县最低生活保障安溪县最低生活…」有 92 个字（268 字节）" in found[0]["message"]
    assert "改名为短一些的名字" in found[0]["hint"]


def test_an_attachment_name_of_255_bytes_is_fine(gk: Callable[..., Run], cat: CatalogDir) -> None:
    name = "名" * 83 + "12.pdf"  # 249 + 6 = 255 bytes
    cat.write(f"files/2026/{name}", b"%PDF-1.4\n")
    cat.record(RECORD.replace("页数: 1\n", f"页数: 1\n附件:\n  - 文件: files/2026/{name}\n"))
    assert [d for d in diagnostics(gk, cat.root) if "太长" in d["message"]] == []


def test_a_csv_with_a_quote_left_open_names_its_row_in_chinese(gk: Callable[..., Run], cat: CatalogDir,
                                                                tmp_path: Path) -> None:
    """Before: 「csv 文件格式有误（field larger than field limit (131072)）」: Python's English, and no row."""
    rows = ["序号,一级事项,二级事项", "1,最低生活保障,审批信息", '2,"特困人员救助供养,审批信息']  # the quote opens on line 3
    rows += [f"{n},临时救助,审批信息说明文字说明文字说明文字说明文字说明文字说明文字说明文字" for n in range(3, 4000)]
    sheet = tmp_path / "标准目录.csv"
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    run = gk("import", "csv", sheet, "-C", cat.root)
    assert run.code == 1
    said = run.out + run.err
    assert "csv 文件第 3 行格式有误（有一格太长：多是这一格的双引号没有闭合" in said and "field" not in said


def test_ctrl_c_ends_a_preview_as_its_first_line_says(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """「按 Ctrl+C 停止」, and then: 「已中断，未完成的输出没有写入，原来的文件保持不变」 with exit 130, as if a write had
    been cut short. Now: 「已停止预览。」, exit 0."""
    import http.server

    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0

    def ctrl_c(self: object, poll_interval: float = 0.5) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(http.server.ThreadingHTTPServer, "serve_forever", ctrl_c)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = gk("serve", "--dir", site, "--port", str(port))
    assert (run.code, run.err) == (0, "")
    assert run.out.rstrip().endswith("已停止预览。")


@pytest.mark.parametrize(("old", "new", "where", "message", "hint"), [
    ("编号: R2026-001", "编号:R2026-001", (1, 4), "冒号后面缺少空格", "写成「编号: R2026-001」；gongkai fmt 可自动改正"),
    ("  审查人: 张三", "  审查人:张三", (10, 7), "冒号后面缺少空格", "写成「审查人: 张三」；gongkai fmt 可自动改正"),
    ("保密审查:\n", "保密审查: ＃ 经股长审核\n", (9, 7), "全角井号「＃」不是注释符号", "删去「＃」和它后面的文字。"),
])
def test_a_colon_without_its_space_and_a_hash_value_are_named_on_their_line(gk: Callable[..., Run],
                                                                           cat: CatalogDir, old: str, new: str,
                                                                           where: tuple[int, int], message: str,
                                                                           hint: str) -> None:
    """Before: 「2:3 这里不能出现冒号加空格」 at 题名 (11:7 at 审查日期; 10:7 at 审查人): the line below the one to fix."""
    cat.record(RECORD.replace(old, new))
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK001"]
    assert [(d["line"], d["column"]) for d in found] == [where]
    assert found[0]["message"].startswith(message) and hint in found[0]["hint"]


def test_a_list_item_typed_with_a_full_width_dash_is_named_and_mended(gk: Callable[..., Run],
                                                                      cat: CatalogDir) -> None:
    """Before: 「11:5 这里不能出现冒号加空格」 at 名称, the line below 「  － 编号: bgs」; fmt could not mend it."""
    agency = cat.root / "gongkai.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("  - 编号: bgs", "  － 编号: bgs"), encoding="utf-8")
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK001"]
    assert [(d["path"], d["line"], d["column"]) for d in found] == [("gongkai.yaml", 10, 3)]
    assert found[0]["message"] == "列表项前的「－」是全角符号，YAML 不认作列表"
    run = gk("fmt", agency)
    assert run.code == 0 and "列表项前的全角「－」改为「- 」" in run.out
    assert "\n  - 编号: bgs\n    名称: 办公室\n" in agency.read_text(encoding="utf-8")
    assert [d for d in diagnostics(gk, cat.root) if d["severity"] == "error"] == []


def test_a_list_items_first_key_without_its_colon_is_named_where_it_is(gk: Callable[..., Run],
                                                                        cat: CatalogDir) -> None:
    agency = cat.root / "gongkai.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("  - 名称: 社会救助", "  - 名称 社会救助"), encoding="utf-8")
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK001"]
    assert [(d["line"], d["column"], d["message"]) for d in found] == [(7, 5, "缺少冒号")]
    assert "写成「名称: 社会救助」" in found[0]["hint"]
