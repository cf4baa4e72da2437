"""The front door, fourteenth hostile round: what a clerk's Notepad, a read-only checkout and a pasted escape do to the
commands that rewrite catalog files, against the real CLI. Expected positions are counted by hand from the lines
written here."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ITEM, RECORD, CatalogDir, Run
from sheets import BASIS, DEADLINE, PUBLISHER, load, workbook

UNTIDY = "页数: 1\n" + RECORD.replace("页数: 1\n", "")  # fmt puts 页数 back in its place
IMPORT_HEADER = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象",
                 "公开方式", "公开层级", "编号"]


def diagnostics(gk: Callable[..., Run], root: Path) -> list[dict]:
    run = gk("validate", root, "--format", "json", "--no-cache")
    assert run.code in (0, 1), run.err
    return json.loads(run.out)["diagnostics"]


def found(gk: Callable[..., Run], root: Path) -> list[tuple[int | None, int | None, str]]:
    return [(d["line"], d["column"], d["code"]) for d in diagnostics(gk, root)]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# Read-only files: every command that rewrites a file refuses a read-only one, and keeps mode and owner of the rest -


def test_fmt_leaves_a_read_only_file_alone_and_says_so(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: the file was replaced behind its read-only flag (a rename needs only the folder to be writable)."""
    path = cat.record(UNTIDY)
    other = cat.item("责任单位: shjzg\n" + ITEM.replace("责任单位: shjzg\n", ""))
    path.chmod(0o444)
    run = gk("fmt", cat.root)
    assert run.code == 1
    assert f"{path}: 无法整理：文件是只读的" in run.err and "只读" in run.err
    assert path.read_text(encoding="utf-8") == UNTIDY and mode(path) == 0o444
    assert other.read_text(encoding="utf-8") == ITEM  # the writable file is formatted all the same
    assert "共 3 个文件，已整理 1 个，1 个无法整理。" in run.out


def test_fmt_keeps_mode_and_owner(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.record(UNTIDY)
    path.chmod(0o640)
    owned = os.geteuid() == 0
    if owned:  # only root can give a file away: the rewrite must not take it back
        os.chown(path, 4321, 4321)
    assert gk("fmt", path).code == 0
    assert path.read_text(encoding="utf-8") == RECORD and mode(path) == 0o640
    if owned:
        assert (path.stat().st_uid, path.stat().st_gid) == (4321, 4321)


def test_fmt_writes_through_a_link_and_keeps_the_link(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: the link was replaced by a regular file and its target kept the old text."""
    target = tmp_path / "elsewhere.yaml"
    target.write_text(UNTIDY, encoding="utf-8")
    link = cat.root / "records" / "2026" / "R2026-001.yaml"
    link.unlink()
    link.symlink_to(target)
    assert gk("fmt", link).code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8") == RECORD


def test_import_refuses_a_read_only_item_and_writes_nothing(gk: Callable[..., Run], cat: CatalogDir,
                                                             tmp_path: Path) -> None:
    path = cat.item()
    path.chmod(0o444)
    table = workbook(tmp_path / "t.xlsx", [
        IMPORT_HEADER,
        [1, "最低生活保障", "审批信息", "低保对象名单及相关信息、救助金额", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会",
         "主动", "县级", "SHJZ-001"],
        [2, "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级", ""],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 2
    assert "items/shjz/SHJZ-001.yaml" in run.err and "只读" in run.err and "没有写入任何文件" in run.err
    assert path.read_text(encoding="utf-8") == ITEM and mode(path) == 0o444
    assert not (cat.root / "items/shjz/SHJZ-002.yaml").exists()


def test_mask_refuses_a_read_only_list(gk: Callable[..., Run], tmp_path: Path) -> None:
    sheet = tmp_path / "名单.csv"
    text = "姓名,身份证号\n张三,11010519491231002X\n"
    sheet.write_text(text, encoding="utf-8")
    sheet.chmod(0o444)
    run = gk("mask", sheet)
    assert run.code == 2 and "只读" in run.err and "内部错误" not in run.err
    assert sheet.read_text(encoding="utf-8") == text and mode(sheet) == 0o444


# Escapes fmt removes: the quotes that only carried the escape go with it, keys too -------------------------------


def test_fmt_writes_a_value_as_it_would_without_the_escape(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「题名: "测试县…"」 kept the double quotes that were there only for "\\u200b"."""
    path = cat.record(RECORD.replace("题名: 测试县民政局", '题名: "测试县\\u200b民政局')
                      .replace("名单的公示\n", '名单的公示"\n').replace("文种: 公示", '文种: "公\\v示"')
                      .replace("公示截止: 2026-12-31", '公示截止: "2026-12-31\\u2060"')
                      .replace("文号: 测民〔2026〕1号", '文号: "\\u200b测民〔2026〕1号"  # 原文号'))
    run = gk("fmt", path)
    assert run.code == 0 and "删去看不见的字符" in run.out
    # the comment keeps its two spaces after the value (ruamel alone would keep its column, 10 spaces after it)
    assert path.read_text(encoding="utf-8") == RECORD.replace("文号: 测民〔2026〕1号", "文号: 测民〔2026〕1号  # 原文号")
    assert gk("fmt", "--check", path).code == 0


def test_fmt_keeps_quotes_a_value_needs_after_the_escape_is_gone(gk: Callable[..., Run], cat: CatalogDir) -> None:
    # 「@」 cannot start a plain value; "1" would be read as a number; the line break still needs the escape.
    path = cat.item(ITEM.replace("  - 低保对象名单及相关信息", '  - "@低保对象\\u200b名单"\n  - "1\\u200b"\n  - "甲\\n乙\\u200b"')
                    .replace("公开层级: [县级, 乡级]", '公开层级: [县级, "乡\\u200b级"]  # 两级'))
    assert gk("fmt", path).code == 0
    text = path.read_text(encoding="utf-8")
    assert "  - '@低保对象名单'\n  - '1'\n  - \"甲\\n乙\"\n" in text and "公开层级: [县级, 乡级]  # 两级\n" in text
    assert gk("fmt", "--check", path).code == 0 and found(gk, cat.root) == []


def test_fmt_removes_an_escape_from_a_key_in_place(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: the key stayed 「"题\\u200b名"」, was taken for an unknown key, moved below 正文, and written back with
    the zero-width space itself in it (invisible now even as an escape)."""
    path = cat.record(RECORD.replace("题名:", '"题\\u200b名":').replace("名单的公示\n", "名单的公示  # 标题\n"))
    assert found(gk, cat.root) == [(2, 1, "GK017")]
    assert gk("fmt", path).code == 0
    assert path.read_text(encoding="utf-8") == RECORD.replace("名单的公示\n", "名单的公示  # 标题\n")
    assert found(gk, cat.root) == []


def test_a_key_twice_once_with_an_escape_is_a_duplicate_not_silently_one(gk: Callable[..., Run],
                                                                        cat: CatalogDir) -> None:
    """Before: the second 题名 replaced the first without a word (the two keys look the same in Notepad)."""
    path = cat.record(RECORD + '"题\\u200b名": 另一个题名\n')
    [duplicate] = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK004"]
    assert (duplicate["line"], duplicate["column"]) == (19, 1) and duplicate["message"].startswith("键「题名」写了两次")
    run = gk("fmt", path)
    assert run.code == 1 and "键「题名」写了两次" in run.err
    assert path.read_text(encoding="utf-8") == RECORD + '"题\\u200b名": 另一个题名\n'


# A key spelled with a space in it, or mistyped: one finding, not also 「缺少必填字段」 ------------------------------


@pytest.mark.parametrize(("key", "message"), [
    ("题 名", "键名「题 名」中间多了空格，应为「题名」"),
    ("题\u3000名", "键名「题\u3000名」中间多了全角空格，应为「题名」"),
    ("题\u00a0名", "键名「题\u00a0名」中间多了不间断空格（从网页、Word 复制来的），应为「题名」"),
    ("题名\u3000", "键名「题名」的前后多了全角空格"),
    ("题 名\u3000", "键名「题 名\u3000」中间多了空格、全角空格，应为「题名」"),
])
def test_a_space_in_a_key_is_one_finding(gk: Callable[..., Run], cat: CatalogDir, key: str, message: str) -> None:
    """Before: 「1:1 缺少必填字段「题名」」 as well, pointing at 编号, for the one key the clerk wrote."""
    path = cat.record(RECORD.replace("题名:", f"{key}:"))
    [diag] = diagnostics(gk, cat.root)
    assert (diag["line"], diag["column"], diag["code"]) == (2, 1, "GK102")
    assert diag["message"].startswith(message) and "gongkai fmt" in diag["hint"]
    run = gk("fmt", path)
    assert run.code == 0 and path.read_text(encoding="utf-8") == RECORD
    assert diagnostics(gk, cat.root) == []


def test_a_space_in_a_nested_key_is_one_finding(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.record(RECORD.replace("  审查人:", "  审 查 人:"))
    assert found(gk, cat.root) == [(10, 3, "GK102")]
    assert gk("fmt", path).code == 0 and path.read_text(encoding="utf-8") == RECORD


def test_a_mistyped_required_key_is_one_finding(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(RECORD.replace("题名:", "标题:"))
    [diag] = diagnostics(gk, cat.root)
    assert (diag["line"], diag["column"], diag["code"]) == (2, 1, "GK102")
    assert diag["message"] == "未知字段「标题」，因此缺少必填字段「题名」" and "是否想写「题名」" in diag["hint"]


def test_a_space_in_a_key_beside_the_right_key_is_still_named(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(RECORD + "文 号: 测民〔2026〕2号\n")
    [diag] = diagnostics(gk, cat.root)
    assert (diag["line"], diag["code"]) == (19, "GK102") and diag["message"].startswith("键名「文 号」中间多了空格")


# Columns on a line that held an invisible character: counted as Notepad counts them (the character takes a place) -


@pytest.mark.parametrize(("old", "new", "expected"), [
    # 页数\u200b: 三 — 页 数 ZWSP : space → 三 is the 6th character
    ("页数: 1", "页数\u200b: 三", (16, 6, "GK103")),
    # 公开属性\u200b: 主动公 — the value starts at the 8th character
    ("公开属性: 主动公开", "公开属性\u200b: 主动公", (8, 8, "GK104")),
    # 题名\u200b: 测试: 县 — the second 「: 」 is the 8th character
    ("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名\u200b: 测试: 县", (2, 8, "GK001")),
    # a zero-width space, then a tab as indentation: the tab is the 2nd character
    ("保密审查:\n  审查人", "保密审查:\n\u200b\t审查人", (10, 2, "GK007")),
    ("保密审查:\n  审查人", "保密审查:\n\u200b\u3000审查人", (10, 2, "GK006")),
    # \u200b页码 — the unknown key starts at the 2nd character
    ("页数: 1", "\u200b页码: 1", (16, 2, "GK102")),
    # two on one line: 页数\u200b\u2060: 三 — 三 is the 7th character
    ("页数: 1", "页数\u200b\u2060: 三", (16, 7, "GK103")),
])
def test_columns_count_the_invisible_characters(gk: Callable[..., Run], cat: CatalogDir, old: str, new: str,
                                                expected: tuple[int, int, str]) -> None:
    """Before: every column after a zero-width space was one too small (counted in the text without it)."""
    cat.record(RECORD.replace(old, new))
    assert expected in found(gk, cat.root)


def test_a_rule_finding_on_a_line_with_an_invisible_character(gk: Callable[..., Run], cat: CatalogDir) -> None:
    # 公开日期:\u200b 2026-08-03 — the date starts at the 8th character; GK404: published before it was formed
    cat.record(RECORD.replace("公开日期: 2026-09-03", "公开日期:\u200b 2026-08-03"))
    assert (14, 8, "GK404") in found(gk, cat.root)
    run = gk("validate", cat.root, "--no-cache")
    # the caret under the date: 公开日期 (8 columns wide), 「:」, the stand-in for the invisible character, a space
    assert "       14 | 公开日期:\ufffd 2026-08-03\n          | " + " " * 11 + "^\n" in run.out


def test_fmt_names_the_column_of_broken_yaml_as_notepad_does(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.record(RECORD.replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名\u200b: 测试: 县"))
    run = gk("fmt", path)
    assert run.code == 1 and "第 2 行第 8 列" in run.err


# Keys YAML does not read as text, and a second document: said where they are, in words ----------------------------


@pytest.mark.parametrize(("line", "said"), [
    ("~: 备注", "空值"),
    (": 备注", "空值"),
    ("1.5: 备注", "数字「1.5」"),
    ("2: 备注", "数字「2」"),
    ("true: 备注", "true 或 false"),
    ("? [甲, 乙]\n: 备注", "列表"),
])
def test_a_key_that_is_not_text_is_named_at_the_key(gk: Callable[..., Run], cat: CatalogDir, line: str,
                                                    said: str) -> None:
    """Before: 「1:1 「None」的类型不对：不符合要求，而这里是「None」」."""
    cat.record(RECORD + line + "\n")
    [diag] = diagnostics(gk, cat.root)
    assert (diag["line"], diag["column"], diag["code"]) == (19, 1 if not line.startswith("?") else 3, "GK102")
    assert diag["message"] == f"这一行的键不是文字，读出来是{said}" and "键名要写成中文字段名" in diag["hint"]


def test_a_key_that_is_not_text_in_a_nested_mapping(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(RECORD.replace("  结论: 不涉及", "  ~: 1\n  结论: 不涉及"))
    assert found(gk, cat.root) == [(12, 3, "GK102")]


def test_a_second_document_is_named_at_its_marker(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「1:1 文件内容应为若干「键: 值」……而不是单个值或列表」 for a file that is a mapping up to line 19."""
    path = cat.record(RECORD + "---\n编号: R2026-002\n")
    [diag] = diagnostics(gk, cat.root)
    assert (diag["line"], diag["column"], diag["code"]) == (19, 1, "GK001")
    assert "---" in diag["message"] and "另一份" in diag["message"]
    run = gk("fmt", path)
    assert run.code == 1 and "第 19 行第 1 列" in run.err and "另一份" in run.err


def test_a_document_start_before_the_content_is_fine(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record("---\n" + RECORD)
    assert diagnostics(gk, cat.root) == []


@pytest.mark.parametrize(("escape", "column"), [("\\ud83d", 8), ("\\U00110000", 8)])
def test_an_escape_that_is_no_character_is_named_where_it_is(gk: Callable[..., Run], cat: CatalogDir, escape: str,
                                                             column: int) -> None:
    """Half of a JSON-style surrogate pair (「\\ud83d」 without 「\\ude00」) or a number past U+10FFFF: before, 「1:1 YAML
    格式错误」 (and fmt wrote the file back as if all was well)."""
    cat.record(RECORD.replace("题名: 测试县", f'题名: "测试{escape}县').replace("名单的公示\n", '名单的公示"\n'))
    [diag] = diagnostics(gk, cat.root)
    assert (diag["line"], diag["column"], diag["code"]) == (2, column, "GK001")
    assert diag["message"].startswith(f"双引号中的转义「{escape}」不是一个字符")


# Comment lines above a key move with the key when fmt puts keys in order ------------------------------------------


def test_a_comment_line_above_a_key_moves_with_it(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「# 页数按盖章页计」 stayed under 编号 and ended up above 题名, saying the wrong thing about the wrong key."""
    path = cat.record(RECORD.replace("页数: 1\n", "").replace("编号: R2026-001\n", "编号: R2026-001\n# 页数按盖章页计\n页数: 1\n"))
    assert gk("fmt", path).code == 0
    assert path.read_text(encoding="utf-8") == RECORD.replace("页数: 1\n", "# 页数按盖章页计\n页数: 1\n")


def test_comment_lines_above_nested_keys_and_after_a_nested_block_move_with_their_keys(gk: Callable[..., Run],
                                                                                      cat: CatalogDir) -> None:
    text = RECORD.replace("  审查人: 张三\n  审查日期: 2026-09-01\n",
                          "  审查日期: 2026-09-01  # 日\n  # 审查人是股长\n  审查人: 张三  # 人\n")
    text = text.replace("成文日期: 2026-09-01\n公开日期: 2026-09-03\n", "公开日期: 2026-09-03\n\n# 成文日期以落款为准\n成文日期: 2026-09-01\n")
    path = cat.record(text)
    assert gk("fmt", path).code == 0
    assert path.read_text(encoding="utf-8") == RECORD.replace(
        "  审查人: 张三\n  审查日期: 2026-09-01\n", "  # 审查人是股长\n  审查人: 张三  # 人\n  审查日期: 2026-09-01  # 日\n").replace(
        "成文日期: 2026-09-01\n", "\n# 成文日期以落款为准\n成文日期: 2026-09-01\n")
    assert gk("fmt", "--check", path).code == 0


# A file name that is not UTF-8 (a zip made on Chinese Windows, unpacked elsewhere) --------------------------------


def test_a_file_name_in_gbk_is_named_not_a_crash(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「内部错误」 (exit 3) in every command that lists the catalog — the name could not be encoded again."""
    folder = os.fsencode(cat.root / "records" / "2026")
    with open(folder + b"/R2026-002\xd6\xd0.yaml", "wb") as handle:  # 「中」 in GBK
        handle.write(RECORD.replace("R2026-001", "R2026-002").encode())
    with open(os.fsencode(cat.root) + b"/files-\xb8\xbd\xbc\xfe.pdf", "wb") as handle:  # 「附件」 in GBK, outside files/
        handle.write(b"%PDF-1.4\n")
    diags = diagnostics(gk, cat.root)
    notes = {d["path"]: d["message"] for d in diags if d["code"] == "GK011"}
    assert sorted(notes) == ["files-附件.pdf", "records/2026/R2026-002中.yaml"]
    assert all("不是 UTF-8" in message for message in notes.values())
    assert gk("validate", cat.root).code in (0, 1)
    assert "内部错误" not in gk("validate", cat.root, "--format", "sarif").err
