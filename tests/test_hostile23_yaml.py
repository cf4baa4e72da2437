"""Twenty-third hostile pass on the YAML file itself (issues 2, 7, 19), as an attacker or an unlucky Windows editor
writes it. Expected lines, columns, words and bytes are typed by hand from the files written here.

Found:
- `gongkai fmt` on a value nested 10,000 brackets deep ran ruamel twice into its recursion limit (18 s) before saying
  what validate says at once (GK014); a file over validate's 2 MB limit went whole into ruamel's round trip;
- a NUL byte: validate said GK003 at its place, `fmt` and `fmt --check` passed the file (exit 0);
- in a GBK file the column of a NUL was counted in replacement characters (two per Chinese character: 9 for 6);
- a UTF-8 line with one stray byte (half a character, a lone surrogate written as CESU-8) was shown as GBK mojibake
  (「鏂囩: 鍏牻绀�」) under the finding;
- a line of a megabyte was printed whole under its finding (a megabyte of terminal per finding);
- a key written in quotes with a space (「'文种 ': 公示」, 「"文 种": …」): validate said 「gongkai fmt 会自动改正」, fmt moved
  the key to the end of the file as an unknown one and left the space; beside the same key without the space
  (「文种: 公示」 above 「文种　: 通知」) nothing said it was the same key twice, and the hint (delete the space) led to GK004;
- a day that does not exist (2026-02-30) was told to fix its form (「日期写成 2026-03-02 这样的格式」);
- a tab before a key of the top level (or before the file's first key, after a BOM): validate said to make it two
  spaces and that fmt would, fmt made it two spaces and then failed (「第 5 行第 5 列：这里不能出现冒号加空格」); spaces
  before the first key gave 「第 2 行：YAML 格式错误」;
- `new record` beside record files that fail to load (GBK, a NUL, 10,000 brackets) answered 「R2026-002.yaml 已经存在，
  未覆盖」 (exit 2), and would have given out a broken file's 索引号 again; `new item` beside a 10,000-deep item file
  ran ruamel into its recursion limit;
- a short UTF-8 file with half a character cut off reads as GB18030 without an error: validate called it GBK and
  fmt converted it, garbling every character; FF FE (UTF-16's BOM) before UTF-8 text: fmt converted it as UTF-16;
- 「...」 at the end of a file: 「在这里开始了另一份内容」 though nothing follows, and fmt --check passed it;
- a key with a KANGXI RADICAL copied from a PDF (⽂种) was an unknown field, and fmt moved it to the end;
- an empty gongkai.yaml was told to start with 「编号: ……」, a key it does not have.
"""

from __future__ import annotations

import time

import pytest

from tests.conftest import ITEM, RECORD, CatalogDir

REL = "records/2026/R2026-001.yaml"


def _fmt(gk, cat: CatalogDir, *more: str):
    return gk("fmt", *more, cat.root)


# ------------------------------------------------------------------ bounded time and size for fmt, as for validate


def test_fmt_refuses_a_value_nested_ten_thousand_deep_at_once_as_validate_does(gk, cat):
    cat.record(RECORD + "页数: " + "[" * 10_000 + "]" * 10_000 + "\n")  # line 19; 「页数: 」 is 4 columns
    started = time.process_time()
    run = _fmt(gk, cat)
    assert time.process_time() - started < 5  # was 18 s of CPU: ruamel twice into RecursionError
    assert run.code == 1
    assert "第 19 行第 36 列：列表和「键: 值」嵌套超过 32 层" in run.err  # the file is level 1: the 32nd bracket, column 5 + 31
    assert cat.root.joinpath(REL).read_text(encoding="utf-8").startswith("编号: R2026-001\n")


def test_fmt_refuses_a_file_over_the_size_limit_as_validate_does(gk, cat):
    big = RECORD.replace("  经审核", "  " + "经审核，现将名单予以公示。" * 60_000 + "\n  经审核")  # 2.3 MB
    path = cat.record("文种: 公示\n" + big.replace("文种: 公示\n", ""))  # out of order: fmt would rewrite it
    before = path.read_bytes()
    assert len(before) > 2_000_000
    run = _fmt(gk, cat)
    assert run.code == 1
    assert "文件过大" in run.err and "2000 KB" in run.err
    assert path.read_bytes() == before
    assert _fmt(gk, cat, "--check").code == 1


# ------------------------------------------------------------------ a NUL byte


def test_fmt_and_fmt_check_refuse_a_nul_byte_where_validate_does(gk, cat):
    path = cat.record(RECORD.replace("文种: 公示", "文种: 公\x00示"))
    before = path.read_bytes()
    run = _fmt(gk, cat)
    assert run.code == 1
    assert "第 5 行第 6 列：文件含有二进制内容（空字节）" in run.err
    assert path.read_bytes() == before
    assert _fmt(gk, cat, "--check").code == 1
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("GK003", 5, 6)]


def test_the_column_of_a_nul_in_a_gbk_file_counts_characters_as_notepad_does(gk, cat):
    cat.record(RECORD.replace("文种: 公示", "文种: 公\x00示").encode("gbk"))  # 「文种: 公」: 5 characters, 8 bytes
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("GK003", 5, 6)]
    assert "第 5 行第 6 列" in _fmt(gk, cat).err


# ------------------------------------------------------------------ what is shown under a finding


def test_a_utf8_line_with_one_stray_byte_is_shown_as_utf8_not_gbk_mojibake(gk, cat):
    data = RECORD.encode().replace("文种: 公示".encode(), "文种: 公".encode() + b"\xed\xa0\xbd" + "示".encode())
    cat.record(data)  # a lone surrogate written as CESU-8 bytes, in the middle of line 5
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1
    assert "5:6 错误 GK003" in run.out
    assert "    5 | 文种: 公\ufffd\ufffd\ufffd示\n" in run.out
    assert "鏂" not in run.out


def test_a_gbk_line_pasted_into_a_utf8_file_is_still_shown_as_gbk(gk, cat):
    data = RECORD.encode().replace("文种: 公示".encode(), "文种: 公示".encode("gbk"))
    cat.record(data)
    run = gk("validate", cat.root, "--no-cache")
    assert "5:1 错误 GK003" in run.out
    assert "    5 | 文种: 公示\n" in run.out


def test_a_line_of_a_megabyte_is_shown_around_its_column_not_whole(gk, cat):
    cat.record(RECORD + "附注: " + "x" * 1_000_000 + "\n")
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1
    assert "19:1 错误 GK102 未知字段「附注」" in run.out
    assert len(run.out) < 2_000
    assert "   19 | 附注: " + "x" * 96 + "…\n" in run.out


# ------------------------------------------------------------------ keys that differ only by spaces Notepad does not show


@pytest.mark.parametrize("written", ["'文种 ': 公示", '"文种\u3000": 公示', '"文 种": 公示', '"文种\u00a0": 公示'])
def test_fmt_takes_the_spaces_out_of_a_quoted_key_in_its_place_as_validate_promises(gk, cat, written):
    path = cat.record(RECORD.replace("文种: 公示", written))
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"]) for d in found] == [("GK102", 5)]
    assert "gongkai fmt 会自动改正" in found[0]["hint"]
    run = _fmt(gk, cat)
    assert run.code == 0
    assert "删去键名中间的空格" in run.out
    assert path.read_text(encoding="utf-8") == RECORD  # on line 5 again, not moved to the end as an unknown key
    assert gk("validate", cat.root, "--no-cache").code == 0


@pytest.mark.parametrize("second", ["文种\u3000: 通知", "文种\u00a0: 通知", "'文种 ': 通知", '"文 种": 通知'])
def test_a_second_key_that_differs_only_by_spaces_is_called_a_duplicate(gk, cat, second):
    path = cat.record(RECORD.replace("文种: 公示\n", "文种: 公示\n" + second + "\n"))
    before = path.read_bytes()
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("GK102", 6, 1)]
    assert found[0]["message"].endswith("；上面已经有「文种」，这是同一个键写了两次")  # was only 「多了空格」, 「fmt 会改正」
    assert "gongkai fmt" not in found[0]["hint"] and "删去其中一行" in found[0]["hint"]
    run = _fmt(gk, cat)
    assert run.code == 1
    assert "键「文种」写了两次（第5行已有" in run.err
    assert path.read_bytes() == before


def test_a_nested_key_that_differs_only_by_spaces_is_a_duplicate_too(gk, cat):
    cat.record(RECORD.replace("  审查人: 张三\n", "  审查人: 张三\n  审查人\u3000: 李四\n"))
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("GK102", 11, 3)]
    assert found[0]["message"].endswith("；上面已经有「审查人」，这是同一个键写了两次")


def test_fmt_keeps_crlf_and_the_mode_when_it_takes_spaces_out_of_a_quoted_key(gk, cat):
    path = cat.record(RECORD.replace("文种: 公示", "'文种 ': 公示").replace("\n", "\r\n").encode())
    path.chmod(0o640)
    assert _fmt(gk, cat).code == 0
    assert path.read_bytes() == RECORD.replace("\n", "\r\n").encode()
    assert path.stat().st_mode & 0o777 == 0o640


# ------------------------------------------------------------------ a day that does not exist


@pytest.mark.parametrize(("written", "why"), [
    ("2026-02-30", "（2026年2月只有28天）"),
    ("2028年2月30日", "（2028年2月只有29天）"),   # a leap year
    ("2026/4/31", "（2026年4月只有30天）"),
    ("2026.13.1", "（一年只有12个月）"),
    ("2026-00-10", "（一年只有12个月）"),
    ("2026-03-00", "（日从1日数起）"),
])
def test_a_day_that_does_not_exist_says_why_and_asks_to_check_it_not_to_fix_its_form(gk, cat, written, why):
    cat.record(RECORD.replace("公开日期: 2026-09-03", f"公开日期: {written}"))
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    day = [d for d in found if d["code"] == "GK106"]
    assert [(d["line"], d["column"]) for d in day] == [(14, 7)]
    assert day[0]["message"] == f"「公开日期」日期不存在：{written}{why}"
    assert "核对" in day[0]["hint"] and "格式" not in day[0]["hint"]


# ------------------------------------------------------------------ a key indented deeper than its level


def test_a_tab_before_a_key_of_the_top_level_is_deleted_by_fmt_as_validate_says(gk, cat):
    path = cat.record(RECORD.replace("文种: 公示", "\t文种: 公示").replace("\n", "\r\n").encode())
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("GK007", 5, 1)]
    assert found[0]["hint"].startswith("这一行的键与上一行的键是同一层：删去行首的 Tab")
    run = _fmt(gk, cat)
    assert run.code == 0, run.err  # was: 「第 5 行第 5 列：这里不能出现冒号加空格」, after 「换成两个半角空格」
    assert path.read_bytes() == RECORD.replace("\n", "\r\n").encode()


def test_a_tab_before_the_first_key_after_a_bom_is_at_line_1_column_1(gk, cat):
    path = cat.record(b"\xef\xbb\xbf" + RECORD.replace("编号: R2026-001", "\t编号: R2026-001").encode())
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("GK007", 1, 1)]
    assert found[0]["hint"].startswith("文件的第一个键顶格写")
    assert _fmt(gk, cat).code == 0
    assert path.read_text(encoding="utf-8") == RECORD


def test_a_tab_under_a_key_that_opens_a_block_is_still_two_spaces(gk, cat):
    path = cat.record(RECORD.replace("  审查人: 张三", "\t审查人: 张三"))
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"]) for d in found] == [("GK007", 10)]
    assert found[0]["hint"].startswith("YAML 只能用空格缩进：把 Tab 换成两个半角空格")
    assert _fmt(gk, cat).code == 0
    assert path.read_text(encoding="utf-8") == RECORD


@pytest.mark.parametrize(("old", "new", "line", "said"), [
    ("编号: R2026-001", "  编号: R2026-001", 1, "文件的第一个键前面有空格（缩进了）"),
    ("文种: 公示", "  文种: 公示", 5, "这一行的键比上一行的键多缩进了，上一行的键已经有值，不能再有下一层"),
])
def test_a_key_indented_with_spaces_deeper_than_its_level_is_named_on_its_own_line(gk, cat, old, new, line, said):
    cat.record(RECORD.replace(old, new))
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"], d["column"], d["message"]) for d in found] == [("GK001", line, 1, said)]
    assert f"第 {line} 行第 1 列：{said}" in _fmt(gk, cat).err


# ------------------------------------------------------------------ `new` beside files that fail to load


def _numbered(n: int, text: str = RECORD) -> str:
    return text.replace("R2026-001", f"R2026-{n:03d}").replace("2026-00001", f"2026-{n:05d}")


def test_new_record_numbers_after_the_files_that_fail_to_load_and_their_index_numbers(gk, cat):
    cat.record(_numbered(2).encode("gbk"), rel="records/2026/R2026-002.yaml")  # Notepad's 「ANSI」
    cat.record(_numbered(3) + "页数: " + "[" * 10_000 + "]" * 10_000 + "\n", rel="records/2026/R2026-003.yaml")
    cat.record(_numbered(4).replace("文种: 公示", "文种: 公\x00示"), rel="records/2026/R2026-004.yaml")
    started = time.process_time()
    run = gk("new", "record", "-C", cat.root, "--title", "关于调整低保标准的通知", "--kind", "通知", "--unit", "shjzg",
             "--item", "SHJZ-001", "--attribute", "主动公开", "--doc-number", "测民〔2026〕9号", "--today", "2026-11-02")
    assert time.process_time() - started < 5  # ruamel never sees the 10,000 brackets
    assert run.code == 1, run.err  # written; sent back for its missing 保密审查 (GK303), as README says
    assert "已新建 R2026-005：records/2026/R2026-005.yaml" in run.out  # was: 「R2026-002.yaml」已经存在，未覆盖 (exit 2)
    written = cat.root.joinpath("records/2026/R2026-005.yaml").read_text(encoding="utf-8")
    assert "索引号: 350524-MZ-2026-00005\n" in written  # not 00002, which the GBK file holds


def test_new_item_beside_an_item_file_nested_ten_thousand_deep_is_quick(gk, cat):
    cat.item(ITEM.replace("SHJZ-001", "SHJZ-002") + "备注: " + "[" * 10_000 + "]" * 10_000 + "\n",
             rel="items/shjz/SHJZ-002.yaml")
    started = time.process_time()
    run = gk("new", "item", "-C", cat.root, "--domain", "社会救助", "--five", "服务公开", "--level1", "临时救助",
             "--level2", "办事指南", "--content", "办理条件", "--level", "县级", "--unit", "shjzg")
    assert time.process_time() - started < 5  # was ruamel into its recursion limit, for each look at the file
    assert "SHJZ-003" in run.out, run.out + run.err
    assert cat.root.joinpath("items/shjz/SHJZ-003.yaml").is_file()


# ------------------------------------------------------------------ 「...」 at the end of the file


def test_a_document_end_marker_at_the_end_is_named_so_and_fmt_check_does_not_pass_it(gk, cat):
    path = cat.record(RECORD + "...\n# 结束\n")
    before = path.read_bytes()
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("GK001", 19, 1)]
    assert found[0]["message"].startswith("「...」是 YAML 的文档结束符")  # was: 「在这里开始了另一份内容」, nothing follows
    run = _fmt(gk, cat, "--check")
    assert run.code == 1 and "第 19 行第 1 列：「...」是 YAML 的文档结束符" in run.err  # was exit 0: fmt passed it
    assert _fmt(gk, cat).code == 1 and path.read_bytes() == before


def test_a_short_utf8_file_with_half_a_character_is_not_taken_for_gbk_nor_converted_by_fmt(gk, cat):
    """「低」 is E4 BD 8E in UTF-8; cut to E4 BD, these two lines read as GB18030 without an error, so they were called
    GBK (GK002, 「gongkai fmt 自动转换」) and fmt turned every character into another (缂栧彿: …)."""
    data = "编号: R2026-002\n题名: 关于".encode() + "低".encode()[:2] + "保的通知\n".encode()
    data.decode("gb18030")  # the trap: no error as GBK
    path = cat.record(data, rel="records/2026/R2026-002.yaml")
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    mine = [d for d in found if d["path"] == "records/2026/R2026-002.yaml"]
    assert [(d["code"], d["line"], d["column"]) for d in mine] == [("GK003", 2, 7)]  # 题 名 : ␠ 关 于 → 低 is 7th
    assert mine[0]["message"].startswith("这一行中间有不是 UTF-8 的字节")
    run = _fmt(gk, cat)
    assert run.code == 1 and "第 2 行第 7 列：这一行中间有不是 UTF-8 的字节" in run.err
    assert path.read_bytes() == data


# ------------------------------------------------------------------ a key copied from a PDF: KANGXI RADICALs


@pytest.mark.parametrize(("old", "new", "line", "odd", "key"), [
    ("文种: 公示", "\u2f42种: 公示", 5, "⽂", "文种"),              # U+2F42 KANGXI RADICAL SCRIPT, looks like 文
    ("公开日期: 2026-09-03", "公开\u2f47期: 2026-09-03", 14, "⽇", "公开日期"),  # U+2F47 KANGXI RADICAL SUN
])
def test_a_key_with_a_kangxi_radical_is_named_and_fmt_puts_the_character_back_in_place(gk, cat, old, new, line, odd, key):
    path = cat.record(RECORD.replace(old, new))
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("GK102", line, 1)]
    assert f"中的「{odd}」只是样子像" in found[0]["message"] and f"应为「{key}」" in found[0]["message"]  # was 未知字段
    run = _fmt(gk, cat)
    assert run.code == 0 and "键名中只是样子像的字符改为标准的字" in run.out
    assert path.read_text(encoding="utf-8") == RECORD  # in its place, not moved to the end as an unknown key
    assert gk("validate", cat.root, "--no-cache").code == 0


def test_a_kangxi_twin_of_a_key_is_the_same_key_twice(gk, cat):
    path = cat.record(RECORD.replace("文种: 公示\n", "文种: 公示\n\u2f42种: 通知\n"))
    before = path.read_bytes()
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"]) for d in found] == [("GK102", 6)]
    assert found[0]["message"].endswith("；上面已经有「文种」，这是同一个键写了两次")
    run = _fmt(gk, cat)
    assert run.code == 1 and "键「文种」写了两次（第5行已有" in run.err and path.read_bytes() == before


# ------------------------------------------------------------------ a BOM that lies


def test_utf8_text_behind_a_utf16_bom_is_not_converted_as_utf16(gk, cat):
    """FF FE (UTF-16 LE's BOM) before UTF-8 text: fmt 「UTF-16 LE 编码转为 UTF-8」 wrote 볧랏›㉒… over the whole file."""
    data = b"\xff\xfe" + RECORD.encode()
    path = cat.record(data)
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("GK003", 1, 1)]
    assert found[0]["message"].startswith("这一行中间有不是 UTF-8 的字节")  # the two bytes of the BOM, on line 1
    run = _fmt(gk, cat)
    assert run.code == 1 and "第 1 行第 1 列" in run.err
    assert path.read_bytes() == data


def test_a_real_utf16_file_is_still_named_and_converted_even_of_one_line(gk, cat):
    path = cat.record(b"\xff\xfe" + RECORD.replace("\n", "\r\n").encode("utf-16-le"))
    assert _fmt(gk, cat).code == 0 and path.read_bytes() == RECORD.replace("\n", "\r\n").encode()
    cat.record(b"\xff\xfe" + "编号: R2026-001".encode("utf-16-le"))  # no line end at all
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("GK010", 1, 1)]


def test_an_empty_gongkai_yaml_is_told_its_own_first_key(gk, cat):
    cat.write("gongkai.yaml", b"\xef\xbb\xbf")  # only a BOM
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    mine = [d for d in found if d["path"] == "gongkai.yaml"]
    assert [(d["code"], d["line"], d["column"]) for d in mine] == [("GK009", 1, 1)]
    assert "「机关:」" in mine[0]["hint"] and "编号" not in mine[0]["hint"]  # gongkai.yaml has no 编号
