"""The front door, thirteenth hostile round: what Word, WeChat, an input method in full-width mode and a careless clerk
put into catalog files, against the real CLI. Expected positions are counted by hand from the lines written here."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ITEM, RECORD, CatalogDir, Run


def diagnostics(gk: Callable[..., Run], root: Path, *more: str) -> list[dict]:
    run = gk("validate", root, "--format", "json", "--no-cache", *more)
    assert run.code in (0, 1), run.err
    return json.loads(run.out)["diagnostics"]


def found(gk: Callable[..., Run], root: Path) -> list[tuple[str, int | None, int | None, str]]:
    return [(d["path"], d["line"], d["column"], d["code"]) for d in diagnostics(gk, root)]


# Invisible characters: Word's Shift+Enter (U+000B), WeChat's zero-width space, an old editor's Ctrl+Z -------------


def test_a_word_line_break_in_a_title_does_not_break_the_site_or_the_spreadsheet(gk: Callable[..., Run], cat: CatalogDir,
                                                                               tmp_path: Path) -> None:
    """Before: validate said nothing, then build-site and export xlsx stopped with 「内部错误」 (exit 3)."""
    cat.record(RECORD.replace("名单的公示", "名单\x0b的公示"))
    cat.item(ITEM.replace("二级事项: 审批信息", "二级事项: 审批\x0c信息"))
    [item, record] = diagnostics(gk, cat.root)
    assert (record["path"], record["line"], record["column"], record["code"], record["severity"]) == (
        "records/2026/R2026-001.yaml", 2, 28, "GK017", "warning")  # 题名: 测试县民政局关于2026年第三季度低保对象名单 = 27
    assert "垂直制表符（Word 中 Shift+Enter 的手动换行，U+000B）" in record["message"] and "gongkai fmt" in record["hint"]
    assert (item["line"], item["column"]) == (5, 9) and "换页符" in item["message"]
    run = gk("validate", cat.root)
    assert "        2 | 题名: 测试县民政局关于2026年第三季度低保对象名单\ufffd的公示" in run.out and "\x0b" not in run.out
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    page = (site / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert "名单的公示" in page and "\x0b" not in (site / "feed.xml").read_text(encoding="utf-8")
    assert gk("export", "xlsx", "-C", cat.root, "--out", tmp_path / "目录.xlsx").code == 0
    run = gk("fmt", cat.root)
    assert run.code == 0 and run.out.count("删去看不见的字符") == 2
    assert diagnostics(gk, cat.root) == []


def test_a_zero_width_space_in_a_key_or_an_id_is_named_not_a_mystery(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「未知字段「题名​」」 and 「缺少必填字段「题名」」 for a key that looks exactly right in Notepad."""
    cat.record(RECORD.replace("题名:", "题名\u200b:").replace("编号: R2026-001", "编号: R2026\u2060-001"))
    assert found(gk, cat.root) == [("records/2026/R2026-001.yaml", 1, 10, "GK017"),
                                   ("records/2026/R2026-001.yaml", 2, 3, "GK017")]


def test_a_trailing_ctrl_z_is_read_like_a_bom(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「1:1 YAML 格式错误」 for a whole file, and fmt could not format it."""
    path = cat.record(b"\xef\xbb\xbf" + RECORD.replace("\n", "\r\n").encode() + b"\x1a")
    assert found(gk, cat.root) == []
    run = gk("fmt", path)
    assert run.code == 0 and "删去文件末尾的 Ctrl+Z" in run.out
    assert path.read_bytes() == RECORD.replace("\n", "\r\n").encode()
    assert gk("fmt", "--check", path).code == 0


def test_lines_ended_by_a_lone_cr_are_numbered_alike_and_fmt_unifies_them(gk: Callable[..., Run],
                                                                         cat: CatalogDir) -> None:
    text = RECORD.replace("\n", "\r\n").replace("\r\n", "\r", 3).replace("页数: 1", "页数: 三")
    path = cat.record(text.encode())
    [diag] = diagnostics(gk, cat.root)
    assert (diag["line"], diag["code"]) == (16, "GK103")
    assert "   16 | 页数: 三" in gk("validate", cat.root).out  # the excerpt shows the same line 16
    cat.record(text.replace("页数: 三", "页数: 1").encode())
    run = gk("fmt", path)
    assert run.code == 0 and "统一换行符" in run.out
    assert path.read_bytes() == RECORD.replace("\n", "\r\n").encode()


def test_a_value_of_nothing_but_a_zero_width_space_is_empty(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.item(ITEM + '空白说明: "\u200b"\n')
    assert found(gk, cat.root) == [("items/shjz/SHJZ-001.yaml", 17, 7, "GK101"), ("items/shjz/SHJZ-001.yaml", 17, 8, "GK017")]


def test_direction_controls_are_left_to_the_privacy_guard(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """U+202E shows a reversed number the right way round: removing it would hide the number from GK602."""
    cat.record(RECORD.replace("经审核，现将名单予以公示。", "联系电话\u202e00083100831"))
    assert "GK602" in {d["code"] for d in diagnostics(gk, cat.root)}


# Spaces an input method or a web page puts around a colon -------------------------------------------------------


@pytest.mark.parametrize(("space", "said"), [("\u3000", "全角空格"), ("\u00a0", "不间断空格")])
def test_a_space_before_the_colon_is_named_and_fmt_removes_it(gk: Callable[..., Run], cat: CatalogDir, space: str,
                                                              said: str) -> None:
    path = cat.record(RECORD.replace("题名:", f"题名{space}:"))
    unknown = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK102"]
    assert [d["line"] for d in unknown] == [2] and unknown[0]["message"].startswith(f"键名「题名」的前后多了{said}")
    run = gk("fmt", path)
    assert run.code == 0 and "键名和冒号前后的空格改为「: 」" in run.out
    assert path.read_text(encoding="utf-8") == RECORD


@pytest.mark.parametrize("space", ["\u3000", "\u00a0"])
def test_a_full_width_space_after_the_colon_is_reported_on_its_own_line(gk: Callable[..., Run], cat: CatalogDir,
                                                                        space: str) -> None:
    """Before: 「9:1 缺少冒号，或缩进不对」 at 保密审查, the line after the one to fix."""
    path = cat.record(RECORD.replace("公开属性: 主动公开", f"公开属性:{space}主动公开"))
    [diag] = diagnostics(gk, cat.root)
    assert (diag["line"], diag["column"], diag["code"]) == (8, 6, "GK001") and "全角空格" in diag["message"]
    assert gk("fmt", path).code == 0 and path.read_text(encoding="utf-8") == RECORD


# Dates typed with the input method in full-width mode, or pasted with Word's quotes ---------------------------------


@pytest.mark.parametrize("written", ["２０２６-０９-０１", "２０２６－０９－０１", "2026年9月1号", "“2026-09-01”", "２０２６年９月１日"])
def test_full_width_and_quoted_dates_are_read_said_and_rewritten(gk: Callable[..., Run], cat: CatalogDir,
                                                                written: str) -> None:
    """Before: ２０２６-０９-０１ was 「日期不存在」, a date that exists."""
    path = cat.record(RECORD.replace("成文日期: 2026-09-01", f"成文日期: {written}"))
    [diag] = diagnostics(gk, cat.root)
    assert (diag["line"], diag["code"], diag["message"]) == (13, "GK110", f"日期「{written}」按 2026-09-01 处理")
    assert gk("fmt", path).code == 0 and path.read_text(encoding="utf-8") == RECORD


def test_a_full_width_today_is_read(gk: Callable[..., Run], cat: CatalogDir) -> None:
    run = gk("validate", cat.root, "--today", "２０２６－１１－２７")
    assert run.code == 0, run.err
    run = gk("validate", cat.root, "--today", "２０２６-０２-３０")
    assert run.code == 2 and "日期不存在：2026-02-30" in run.err


# What is in the folder -------------------------------------------------------------------------------------------


def test_an_empty_file_is_called_empty(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record("\ufeff# 待填\r\n".encode())  # Notepad: a BOM and a comment only
    [diag] = diagnostics(gk, cat.root)
    assert diag["code"] == "GK009" and diag["message"] == "文件是空的（或只有注释），没有任何内容"


def test_a_folder_named_like_a_yaml_file_is_named_and_fmt_passes_it(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: validate said nothing of it, and fmt stopped with 「这是一个文件夹，不是文件」 (exit 2)."""
    (cat.root / "records/2026/R2026-002.yaml").mkdir()  # 右键 → 新建 → 文件夹, named as the record should have been
    [diag] = diagnostics(gk, cat.root)
    assert (diag["path"], diag["code"]) == ("records/2026/R2026-002.yaml", "GK011") and "文件夹" in diag["message"]
    run = gk("fmt", cat.root)
    assert run.code == 0, run.err


def test_an_escaped_invisible_character_is_removed_too(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """A double-quoted "\\v" is U+000B once read: the text scan cannot see it, the build crashed on it (exit 3)."""
    path = cat.record(RECORD.replace("题名: 测试县民政局关于", '题名: "测试县民政局\\v关于\\u200b').replace("的公示\n", "的公示\"\n", 1))
    [diag] = diagnostics(gk, cat.root)
    assert (diag["line"], diag["column"], diag["code"], diag["field"]) == (2, 5, "GK017", "题名")
    assert gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search").code == 0
    run = gk("fmt", path)
    assert run.code == 0 and "删去看不见的字符" in run.out and "\\" not in path.read_text(encoding="utf-8")
    assert gk("fmt", "--check", path).code == 0 and diagnostics(gk, cat.root) == []


def test_new_record_takes_a_title_pasted_from_word_without_its_invisible_characters(gk: Callable[..., Run],
                                                                                    cat: CatalogDir) -> None:
    run = gk("new", "record", "-C", cat.root, "--title", "关于\x0b低保\u200b审批的通知", "--kind", "通知", "--unit", "shjzg",
             "--item", "SHJZ-001", "--attribute", "依申请公开", "--formed", "２０２６年１１月２０日")
    assert run.code == 0, run.out + run.err
    written = (cat.root / "records/2026/R2026-002.yaml").read_text(encoding="utf-8")
    assert "题名: 关于低保审批的通知\n" in written and "成文日期: 2026-11-20\n" in written
    assert "检查了 0 个文件" not in run.out


def test_a_misspelt_command_is_answered_in_chinese_punctuation(gk: Callable[..., Run]) -> None:
    run = gk("valdate")
    assert run.code == 2 and "没有这个命令「valdate」，是否想输入「validate」？" in run.err and "?" not in run.err
