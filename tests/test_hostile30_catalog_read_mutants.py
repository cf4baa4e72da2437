"""Thirtieth hostile pass: planted bugs in reading the catalog's own files — bytes, YAML, invisible characters,
schema errors and the atomic rewrite.

Every record, item and gongkai.yaml is YAML a clerk typed in Notepad on Windows; before any rule runs gongkai reads
it: catalog/decode.py (UTF-8 with or without BOM, CRLF, a lone CR; GBK and UTF-16/32 named and refused with how to
re-save), catalog/invisible.py (control characters from Word, Ctrl+Z, zero-width spaces), catalog/scalars.py (plain
values YAML would publish otherwise than typed, tags, merge keys), catalog/yamlio.py (the two parsers and the place of
a finding), catalog/schema_errors.py (pydantic's errors as Chinese problems at a field's line and column) and
files_io.py (fmt's and new's writes). No mutation group covered these modules; this pass adds 「catalog_read」
(tools/mutation.py). Each test below writes a file byte by byte into a small catalog in tmp_path, runs the real CLI
(`gongkai validate`, `fmt`, `new`, `build-site`) or the one library function it calls (files.parse_file), and asserts
the code, the file, the line and column counted here by hand, the Chinese message and advice, and what is published.

The records below are the conftest RECORD (18 lines: 题名 on line 2, 公开属性 on 8, 保密审查 9–12, 页数 on 16, the
正文 block's text on 18) and AGENCY (联系电话 on line 5, after two spaces of indentation: its value at column 9).

Found by this pass (each test named below failed before its fix):
1. A register's key that is a name — 「王小明: 同意公开」 under 征求第三方意见 (who was consulted), 「李四光: 来电催办」 at
   the top of a 依申请公开 register — was quoted in the CI log: GK102 未知字段「王小明」, the key on the line under it, and
   the JSON's field 「征求第三方意见.王小明」. Now a key the register does not have, and that is no key of it mistyped
   (near_miss) nor a word of the registers, is 「……」 in the message, the field and the line; the line and column and
   the advice stay. test_a_name_written_as_a_key_of_a_register_is_not_in_the_ci_log. (tests/test_hostile23_leaks.py
   pinned 「经办: （内部登记，不在此显示）」 inside 延期: 经办 is now 「……」 too — a word or a name cannot be told apart.)
2. What a YAML error quotes of a register's line: the advice 「给整个值加引号：写成「申请内容: '[王小明]工作人员'」」 and
   「键「王小明」写了两次」. Now 「……」 wherever the line under the finding hides it.
   test_what_a_yaml_error_quotes_of_a_register_line_names_no_one.
3. The same for a record that is not 主动公开: its 题名 was hidden on the line and quoted whole in the advice below it.
   test_what_a_yaml_error_quotes_of_a_withheld_records_line_stays_inside.
4. `gongkai fmt --check catalog`, a step of the CI templates, quoted the same advice with the requester's name.
   test_fmt_check_in_ci_quotes_no_name_of_a_register.
5. 「文号: 3.14159265358979323846」 passed validate and was published as 3.141592653589793; 0 followed by forty 1s
   passed and lost its 0 (the prefilter looked only for a decimal's last zero; read_as gave up past 40 characters,
   while GK111 stops numbers of more than 4,000 digits only). Now both are GK015 at their line and column.
   test_a_decimal_with_more_digits_than_a_float_keeps_and_a_long_number_are_refused.
6. `import --overwrite-invalid` over an item file saved as GBK (GK002) rebuilt it from the table's row: its comments
   were lost, though fmt reads and converts such a file. Now it is read as fmt reads it, updated, written in UTF-8.
   test_import_over_a_gbk_item_keeps_what_the_table_does_not_hold.
7. fmt said 「删去看不见的字符；删去看不见的字符」 of a file with a zero-width space typed and one written as an escape.
   Now each change once. test_fmt_says_each_change_once.

Otherwise no result was found wrong over the inputs tried (GBK, UTF-16 LE/BE with and without BOM, UTF-32, FF FE
before UTF-8 text, a NUL in a GBK line, 2,000,001 bytes, half a character cut off, one GBK line in a UTF-8 file, \v,
\f, \x07, Ctrl+Z, U+200B inside an ID, a date, a key and a number, direction marks and variation selectors inside an
ID — the gate still reads it —, 0595…, 1.10, 0x1F, 1_000, .5, 1e3, 007 in a flow list, !!binary, !foo, !!str, <<:, a
tab, 2026-02-30, a key in pinyin or with a space, 「主動公開」, Chinese quotes, true as a title, a read-only, linked or
0640 file rewritten by fmt, fmt interrupted, new under umask 027, new with 0595, true, 「关于: 某事」 as its title). The
other tests hold what the mutants of the new group showed no test held (docs/mutation.md, 「Thirtieth pass」).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD, CatalogDir, Run
from gongkai.catalog.files import parse_file

FILE = "records/2026/R2026-001.yaml"
RESAVE = "改正：用记事本打开该文件，选择「文件 → 另存为」，在「编码」中选「UTF-8」后保存；或运行 gongkai fmt 自动转换为 UTF-8。"
INVISIBLE_HINT = ("改正：这些字符多是从 Word、微信或网页复制时带进来的，记事本里看不见：运行 gongkai fmt 自动删去；"
                  "或把光标移到所指的位置，按 Delete 删去后重新输入这一段。")


def _record(old: str, new: str, record: str = RECORD) -> str:
    assert old in record, old
    return record.replace(old, new, 1)


def _one(run: Run, line: str) -> None:
    """*line* (「17:7 错误 GK015 …」) is one finding of the run's output, exactly."""
    assert any(shown.strip() == line for shown in run.out.splitlines()), run.out


# --- bytes to text (decode.py) -------------------------------------------------------------------------------------

def test_a_gbk_record_is_named_at_its_first_byte_and_fmt_converts_it_whole(gk: Callable[..., Run],
                                                                       cat: CatalogDir) -> None:
    text = "# 低保公示\n" + RECORD
    path = cat.record(text.replace("\n", "\r\n").encode("gbk"))
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1
    _one(run, "1:3 错误 GK002 文件是 GBK/GB18030 编码（Windows 记事本的「ANSI」），gongkai 只读 UTF-8")
    _one(run, "1 | # 低保公示")  # the line as Notepad shows it, read as GBK: not mojibake
    _one(run, RESAVE)
    fmt = gk("fmt", path)
    assert fmt.code == 0 and f"已整理 {path}：GBK/GB18030 编码转为 UTF-8" in fmt.out
    assert path.read_bytes() == text.replace("\n", "\r\n").encode("utf-8")  # every 字, and the CRLF, kept
    assert gk("validate", cat.root, "--no-cache").code == 0


WIDE = [
    ("R2026-001", b"\xff\xfe", "utf-16-le", "UTF-16 LE 编码（记事本「另存为」时编码选了「Unicode」）", "UTF-16 LE"),
    ("R2026-002", b"\xfe\xff", "utf-16-be", "UTF-16 BE 编码（记事本「另存为」时编码选了「Unicode big endian」）",
     "UTF-16 BE"),
    ("R2026-003", b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 LE 编码", "UTF-32 LE"),
    # no BOM: found by where the NULs fall; 265 characters (a blank line added), 530 bytes: no multiple of 4 or 3
    ("R2026-004", b"", "utf-16-le", "UTF-16 LE 编码（记事本「另存为」时编码选了「Unicode」）", "UTF-16 LE"),
    ("R2026-005", b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 BE 编码", "UTF-32 BE"),
    ("R2026-006", b"", "utf-32-le", "UTF-32 LE 编码", "UTF-32 LE"),  # no BOM; 264 characters, 1,056 bytes
]


def _wide_text(number: str) -> str:
    return RECORD.replace("R2026-001", number) + ("\n" if number == "R2026-004" else "")


def test_utf16_and_utf32_files_are_named_with_notepads_word_and_fmt_converts_them(gk: Callable[..., Run],
                                                                                   cat: CatalogDir) -> None:
    paths = {}
    for number, bom, codec, _, _ in WIDE:
        text = _wide_text(number)
        paths[number] = cat.record(bom + text.encode(codec), f"records/2026/{number}.yaml")
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1
    blocks = run.out.split("records/2026/")
    for number, _, _, label, _ in WIDE:
        block = next(b for b in blocks if b.startswith(f"{number}.yaml"))
        assert f"1:1 错误 GK010 文件是 {label}，gongkai 只读 UTF-8" in block, block
        assert f"1 | 编号: {number}" in block and RESAVE in block
    fmt = gk("fmt", cat.root / "records")
    assert fmt.code == 0
    for number, _, _, _, name in WIDE:
        assert f"已整理 {paths[number]}：{name} 编码转为 UTF-8" in fmt.out
        assert paths[number].read_bytes() == _wide_text(number).encode("utf-8")


def test_nuls_that_do_not_fall_as_utf16_puts_them_are_binary(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """UTF-16 is told from binary content by its share of ASCII characters (a fifth of them at least): a UTF-8 record
    with a NUL after line 2 reads as UTF-16 only as garbage, and eight 甲 with a space and a line end (2 of 10) is UTF-16
    where nine (2 of 11) is not."""
    data = RECORD.encode("utf-8")
    cat.record(data[:97] + b"\x00" + data[97:] + b"\n")  # byte 96 ends line 2
    cat.record(("甲" * 8 + " \n").encode("utf-16-le"), "records/2026/R2026-002.yaml")
    cat.record(("甲" * 9 + " \n").encode("utf-16-le"), "records/2026/R2026-003.yaml")
    run = gk("validate", cat.root, "--no-cache")
    blocks = run.out.split("records/2026/")
    assert "3:1 错误 GK003 文件含有二进制内容（空字节），不是文本文件" in blocks[1], run.out
    assert "1:1 错误 GK010 文件是 UTF-16 LE 编码（记事本「另存为」时编码选了「Unicode」），gongkai 只读 UTF-8" in blocks[2]
    # read as bytes: 甲 is 32 75 (「2u」), nine of them and the space, so the first NUL is the 20th character
    assert "1:20 错误 GK003 文件含有二进制内容（空字节），不是文本文件" in blocks[3], run.out


def test_ff_fe_before_utf8_text_is_no_utf16_file(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Two stray bytes FF FE before a UTF-8 record: converting it as UTF-16 would turn every 字 into another."""
    path = cat.record(b"\xff\xfe" + RECORD.encode("utf-8"))
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1 and "GK010" not in run.out
    _one(run, "1:1 错误 GK003 这一行中间有不是 UTF-8 的字节（显示为 �；多是复制时截断了半个字，或别的程序写坏了）")
    fmt = gk("fmt", path)
    assert fmt.code == 1 and "无法整理" in fmt.err
    assert path.read_bytes() == b"\xff\xfe" + RECORD.encode("utf-8")


def test_bom_crlf_and_a_lone_cr_count_lines_as_notepad_does(gk: Callable[..., Run], cat: CatalogDir) -> None:
    crlf = _record("页数: 1", "页数: 01").replace("\n", "\r\n")
    cat.record(b"\xef\xbb\xbf" + crlf.encode("utf-8"))
    cat.record(_record("页数: 1", "页数: 02").replace("R2026-001", "R2026-002").replace("\n", "\r").encode("utf-8"),
               "records/2026/R2026-002.yaml")
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "16:5 错误 GK015 「01」没有加引号，会被当作数字读成「1」，与所写的不同")
    _one(run, "16:5 错误 GK015 「02」没有加引号，会被当作数字读成「2」，与所写的不同")
    _one(run, "16 | 页数: 01")
    _one(run, "16 | 页数: 02")


def test_bom_and_crlf_alone_pass(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.record(b"\xef\xbb\xbf" + RECORD.replace("\n", "\r\n").encode("utf-8"))
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 0, run.out
    assert parse_file(FILE, "record", "x", path.read_bytes()).model.title == "测试县民政局关于2026年第三季度低保对象名单的公示"


def test_a_nul_in_a_gbk_line_is_binary_at_its_column(gk: Callable[..., Run], cat: CatalogDir) -> None:
    data = RECORD.encode("gbk").replace("测试县".encode("gbk"), "测试".encode("gbk") + b"\x00", 1)
    cat.record(data)
    run = gk("validate", cat.root, "--no-cache")
    # 「题名: 测试」 is six characters (GBK: 题 名 测 试 two bytes each, one column each)
    _one(run, "2:7 错误 GK003 文件含有二进制内容（空字节），不是文本文件")
    _one(run, "改正：目录里只能放 YAML 文本；若是误存的文件请删除，或用记事本重新保存为 UTF-8 文本。")


def test_a_file_over_two_million_bytes_is_refused_and_one_of_two_million_is_read(gk: Callable[..., Run],
                                                                               cat: CatalogDir) -> None:
    head = RECORD.encode("utf-8")
    exact = head + b"#" * (2_000_000 - len(head) - 1) + b"\n"
    assert len(exact) == 2_000_000
    assert all(d.code != "GK008" for d in parse_file(FILE, "record", "x", exact).diagnostics)
    cat.record(exact + b"\n")
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "1:1 错误 GK008 文件过大（1953 KB），超过 2000 KB 的上限")
    _one(run, "改正：一个文件只写一个事项或一条信息；大段正文请放到附件中。")


def test_half_a_character_cut_off_is_a_stray_byte_not_gbk(gk: Callable[..., Run], cat: CatalogDir) -> None:
    data = RECORD.encode("utf-8").replace("民政局关于".encode(), "民政局".encode() + "关".encode()[:2] + "于".encode(), 1)
    path = cat.record(data)
    run = gk("validate", cat.root, "--no-cache")
    # 「题名: 测试县民政局」: ten characters; the two bytes left of 关 are at column 11
    _one(run, "2:11 错误 GK003 这一行中间有不是 UTF-8 的字节（显示为 �；多是复制时截断了半个字，或别的程序写坏了）")
    _one(run, "2 | 题名: 测试县民政局�于2026年第三季度低保对象名单的公示")
    _one(run, "改正：用记事本打开该文件，在所指的位置删去显示为乱码或 � 的字符，把那个字重新输入，再以 UTF-8 保存；"
              "gongkai fmt 无法自动改正。")
    assert gk("fmt", path).code == 1 and path.read_bytes() == data  # as GBK, every 字 would garble
    body = "  经审核，现将名单予以公示。"  # its first word in GBK, the rest of the line UTF-8: still a line of UTF-8
    cat.record(RECORD.encode("utf-8").replace(body.encode(), "  经审核".encode("gbk") + "，现将名单予以公示。".encode()))
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "18:3 错误 GK003 这一行中间有不是 UTF-8 的字节（显示为 �；多是复制时截断了半个字，或别的程序写坏了）")
    cat.record(RECORD.encode("utf-8") + "x: 甲".encode() + "关".encode()[:2] + b"\n")  # one 字 read well, one not
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "19:5 错误 GK003 这一行中间有不是 UTF-8 的字节（显示为 �；多是复制时截断了半个字，或别的程序写坏了）")


def test_one_gbk_line_in_a_utf8_file_is_named_as_pasted(gk: Callable[..., Run], cat: CatalogDir) -> None:
    body = "  经审核，现将名单予以公示。"
    path = cat.record(RECORD.encode("utf-8").replace(body.encode("utf-8"), body.encode("gbk")))
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "18:3 错误 GK003 文件其他各行是 UTF-8，这一行却不是（多是从 GBK 保存的文件或网页复制来的一段文字）")
    _one(run, "18 |   经审核，现将名单予以公示。")  # that line shown as GBK, the others as UTF-8
    _one(run, "改正：用记事本打开该文件，把所指的这一行删去后重新输入（或从原处重新复制），再以 UTF-8 保存：两种编码混在一个文件里，"
              "记事本「另存为」和 gongkai fmt 都无法自动转换。")
    assert gk("fmt", path).code == 1
    title = "题名: 测试县民政局关于2026年第三季度低保对象名单的公示"  # line 2: lines of UTF-8 below it
    cat.record(RECORD.encode("utf-8").replace(title.encode("utf-8"), title.encode("gbk")))
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "2:1 错误 GK003 文件其他各行是 UTF-8，这一行却不是（多是从 GBK 保存的文件或网页复制来的一段文字）")
    _one(run, "2 | " + title)


def test_bytes_no_encoding_reads_are_not_text(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(b"\x80\x81\xff\n" * 3)
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "1:1 错误 GK003 文件不是 UTF-8 编码的文本，含有无法识别的字节")
    _one(run, "改正：目录里只能放 YAML 文本：误放的文件请删除；若是从别处复制来的一段文字，把所指的这一行删去后重新输入。")


# --- invisible characters (invisible.py) ----------------------------------------------------------------------------

def test_a_vertical_tab_from_word_warns_at_its_column_and_is_not_read(gk: Callable[..., Run], cat: CatalogDir) -> None:
    data = _record("题名: 测试县", "题名: 测试\v县").encode("utf-8")
    cat.record(data)
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 0  # a warning: the file is read without it
    _one(run, "2:7 警告 GK017 这一行有看不见的字符：垂直制表符（Word 中 Shift+Enter 的手动换行，U+000B），读取时已删去")
    _one(run, "2 | 题名: 测试�县民政局关于2026年第三季度低保对象名单的公示")  # a stand-in, never the character itself
    _one(run, INVISIBLE_HINT)
    assert parse_file(FILE, "record", "x", data).model.title == "测试县民政局关于2026年第三季度低保对象名单的公示"


def test_each_invisible_character_of_a_line_is_named_in_order(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(_record("题名: 测试县", "题名: 测\x07试\u200b县\x0c\u00ad\u2028\ufeff\u200b"))
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "2:6 警告 GK017 这一行有看不见的字符：控制字符（U+0007）、零宽空格（U+200B）、换页符（Word 中的分页符，U+000C）、"
              "软连字符（U+00AD）、行分隔符（U+2028）、零宽不换行空格（文件中间的 BOM，U+FEFF），读取时已删去")


def test_ctrl_z_ends_a_file_silently_and_is_named_inside_one(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.record(RECORD.encode("utf-8") + b"\x1a")
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 0 and "GK017" not in run.out
    fmt = gk("fmt", path)
    assert f"已整理 {path}：删去文件末尾的 Ctrl+Z" in fmt.out and path.read_bytes() == RECORD.encode("utf-8")
    cat.record(_record("页数: 1", "页数: 1\x1a"))
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "16:6 警告 GK017 这一行有看不见的字符：文件结束符（Ctrl+Z，U+001A），读取时已删去")


def test_a_zero_width_space_inside_an_id_number_does_not_hide_it(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(_record("经审核，现将名单予以公示。", "张三 身份证 110105194912\u200b31002X"))
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1 and "GK601" in run.out and "110105194912" not in run.out
    # two spaces, 张三, a space, 身份证, a space, twelve digits: the U+200B is the 22nd character
    _one(run, "18:22 警告 GK017 这一行有看不见的字符：零宽空格（U+200B），读取时已删去")


def test_a_finding_after_zero_width_spaces_points_where_notepad_shows_the_value(gk: Callable[..., Run],
                                                                               cat: CatalogDir) -> None:
    cat.record(_record("公开属性: 主动公开", "公开属性: \u200b\u200b主動公開"))
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "8:7 警告 GK017 这一行有看不见的字符：零宽空格（U+200B），读取时已删去")
    _one(run, "8:9 错误 GK104 「主動公開」不是有效的「公开属性」［R2026-001］")  # 公开属性: (6) and two U+200B
    _one(run, "改正：可选的值：主动公开、依申请公开、不予公开。是否想写「主动公开」？")


def test_escapes_in_double_quotes_that_write_invisible_characters(gk: Callable[..., Run], cat: CatalogDir) -> None:
    data = _record("题名: 测试县民政局关于2026年第三季度低保对象名单的公示",
                   '题名: "测试\\v县民政局关于2026年第三季度低保对象名单的公示"\n"页\\u200b数": 2').encode()
    data = data.replace("页数: 1\n".encode(), b"")
    cat.record(data)
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "2:5 警告 GK017 双引号中的转义（如 \\v、\\u200b）写出了看不见的字符，读取时已删去［R2026-001］")
    _one(run, "3:1 警告 GK017 双引号中的转义（如 \\v、\\u200b）写出了看不见的字符，读取时已删去［R2026-001］")
    model = parse_file(FILE, "record", "x", data).model
    assert model.title == "测试县民政局关于2026年第三季度低保对象名单的公示" and model.pages == 2
    cat.record(_record("页数: 1", '页数: 1\n"页\\u200b数": 2'))
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "17:1 错误 GK004 键「页数」写了两次：这一处的键名里有看不见的字符，记事本里两处看起来一样［R2026-001］")


def test_an_escape_in_a_list_item_is_named_there_and_taken_out(gk: Callable[..., Run], cat: CatalogDir) -> None:
    data = _record("公开属性: 主动公开", '公开属性: 主动公开\n公开渠道: ["政府\\u200b网站"]').encode()
    cat.record(data)
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "9:8 警告 GK017 双引号中的转义（如 \\v、\\u200b）写出了看不见的字符，读取时已删去［R2026-001］")
    assert parse_file(FILE, "record", "x", data).model.channels == ["政府网站"]


# --- values YAML would publish otherwise (scalars.py) ---------------------------------------------------------------

def test_an_unquoted_landline_loses_its_zero_and_is_refused_at_its_column(gk: Callable[..., Run],
                                                                         cat: CatalogDir) -> None:
    cat.write("gongkai.yaml", AGENCY.replace("联系电话: 0595-23000000", "联系电话: 059523000000"))
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1
    _one(run, "5:9 错误 GK015 「059523000000」没有加引号，会被当作数字读成「59523000000」，与所写的不同")
    _one(run, '改正：号码、编号等文字请加引号，如 "059523000000"；若确是数字，请写成 59523000000。')


def test_every_number_yaml_would_rewrite_is_named_in_one_pass(gk: Callable[..., Run], cat: CatalogDir) -> None:
    text = _record("文号: 测民〔2026〕1号", "文号: 1.10")
    text = _record("页数: 1", "页数: 0x1F\n备注: .5\n附注: 1_000\n说明: 1e3\n其他: -0", text)
    text = text.replace("公开属性: 主动公开", "公开属性: 主动公开\n公开渠道: [政府网站, 007]")
    cat.record(text)
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1
    _one(run, "3:5 错误 GK015 「1.10」没有加引号，会被当作数字读成「1.1」，与所写的不同")
    _one(run, "9:14 错误 GK015 「007」没有加引号，会被当作数字读成「7」，与所写的不同")
    _one(run, "17:5 错误 GK015 「0x1F」没有加引号，会被当作数字读成「31」，与所写的不同")
    _one(run, "18:5 错误 GK015 「.5」没有加引号，会被当作数字读成「0.5」，与所写的不同")
    _one(run, "19:5 错误 GK015 「1_000」没有加引号，会被当作数字读成「1000」，与所写的不同")
    _one(run, "20:5 错误 GK015 「1e3」没有加引号，会被当作数字读成「1000.0」，与所写的不同")
    _one(run, "21:5 错误 GK015 「-0」没有加引号，会被当作数字读成「0」，与所写的不同")
    assert run.out.index("3:5 错误") < run.out.index("9:14 错误") < run.out.index("21:5 错误")  # in file order


def test_a_decimal_with_more_digits_than_a_float_keeps_and_a_long_number_are_refused(gk: Callable[..., Run],
                                                                                       cat: CatalogDir) -> None:
    """Before: 「文号: 3.14159265358979323846」 passed validate and was published as 3.141592653589793, and a number of
    more than 40 characters (0 and forty 1s) as forty 1s: the prefilter looked for a decimal's last zero only, and
    read_as gave up past 40 characters (GK111 stops only numbers of more than 4,000 digits). Now both are GK015."""
    ones = "1" * 40
    cat.record(_record("文号: 测民〔2026〕1号", "文号: 3.14159265358979323846"))
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1
    _one(run, "3:5 错误 GK015 「3.14159265358979323846」没有加引号，会被当作数字读成「3.141592653589793」，与所写的不同")
    cat.record(_record("文号: 测民〔2026〕1号", f"文号: 0{ones}"))
    run = gk("validate", cat.root, "--no-cache")
    _one(run, f"3:5 错误 GK015 「0{ones}」没有加引号，会被当作数字读成「{ones}」，与所写的不同")
    cat.record(_record("文号: 测民〔2026〕1号", "文号: 3.1415926535"))  # a float keeps these digits: no finding
    assert "GK015" not in gk("validate", cat.root, "--no-cache").out


def test_an_amount_keeps_its_zeros_where_the_annual_data_has_one(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """880.50 is 880.5 where the field is an amount (行政事业性收费, 万元): the same sum. Anywhere else the value is text,
    and 2.50 would be published as 2.5."""
    cat.write("annual/2026.yaml", "年度: 2026\n行政事业性收费: 0.50\n行政处罚: 2.50\n行政强制: [0.50, 3.10]\n"
                                  "其他: {行政事业性收费: 0.50, 说明: 1.10}\n")
    run = gk("validate", cat.root, "--no-cache")
    assert "  2:7 " not in run.out and "5:15 错误" not in run.out and "GK005" not in run.out, run.out
    _one(run, "3:7 错误 GK015 「2.50」没有加引号，会被当作数字读成「2.5」，与所写的不同")
    _one(run, "4:8 错误 GK015 「0.50」没有加引号，会被当作数字读成「0.5」，与所写的不同")
    _one(run, "4:14 错误 GK015 「3.10」没有加引号，会被当作数字读成「3.1」，与所写的不同")
    _one(run, "5:25 错误 GK015 「1.10」没有加引号，会被当作数字读成「1.1」，与所写的不同")
    assert run.out.count("GK015") == 4


def test_a_quoted_merge_key_is_a_key_like_any_other(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(_record("页数: 1", '页数: 1\n"<<": 1'))
    run = gk("validate", cat.root, "--no-cache")
    assert "GK005" not in run.out, run.out
    _one(run, "17:1 错误 GK102 未知字段「<<」［R2026-001］")


def test_numbers_written_as_yaml_writes_them_pass(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(_record("页数: 1", "页数: 10\n备注: '0595'\n附注: \"1.10\""))
    run = gk("validate", cat.root, "--no-cache")
    assert "GK015" not in run.out, run.out


def test_tags_are_refused_but_str_and_merge_keys_are_named(gk: Callable[..., Run], cat: CatalogDir) -> None:
    text = _record("题名: 测试县", "题名: !!binary 测试县")
    text = _record("文号: 测民〔2026〕1号", "文号: !foo 测民〔2026〕1号", text)
    cat.record(text)
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "2:5 错误 GK016 目录文件不能使用 YAML 标签「!!binary」")
    _one(run, "3:5 错误 GK016 目录文件不能使用 YAML 标签「!foo」")
    _one(run, "改正：删去标签，直接写出内容；若值本身以 ! 开头，请给整个值加引号。")
    data = _record("文号: 测民〔2026〕1号", "文号: !!str 0595").encode()
    cat.record(data)
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 0, run.out
    assert parse_file(FILE, "record", "x", data).model.doc_number == "0595"  # published as typed
    cat.record(_record("  审查人: 张三\n", "  <<: {审查人: 张三}\n"))
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "10:3 错误 GK005 目录文件不能使用合并键（<<）")
    _one(run, "改正：把要合并的内容逐项写成「键: 值」；若键名本身是 <<，请给它加引号。")


# --- schema errors (schema_errors.py) -------------------------------------------------------------------------------

SCHEMA = [
    # (what is typed instead, the finding, its advice)
    (("页数: 1", "页数: 三"), "16:5 错误 GK103 「页数」的类型不对：应为整数，而这里是「三」",
     "改正：只写一个整数，用半角阿拉伯数字，不带单位和小数，如「页数: 3」。"),
    (("页数: 1", "页数: -1"), "16:5 错误 GK103 「页数」的类型不对：数值太小，而这里是「-1」", "改正：「页数」不能小于 1。"),
    (("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名:"), "2:1 错误 GK101 「题名」没有填写（冒号后面是空的）",
     "改正：写成「题名: ……」。"),
    (("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: true"),
     "2:5 错误 GK103 「题名」的类型不对：应为文字，而这里是「true」",
     "改正：不加引号的 true、false（不论大小写）会被读成「是/否」，而不是文字：要写的是文字的，给整个值加引号，如「题名: \"……\"」。"),
    (("公开属性: 主动公开", "公开属性: “主动公开”"), "8:7 错误 GK104 「“主动公开”」不是有效的「公开属性」",
     "改正：值两边的「“”」是中文引号，不是引号，会被当作值的一部分：删去这对引号（文件中要加引号时用英文半角的 \" 或 '）。"
     "可选的值：主动公开、依申请公开、不予公开。是否想写「主动公开」？"),
    (("公开属性: 主动公开", "公开属性: 主动，依申请"), "8:7 错误 GK104 「主动，依申请」不是有效的「公开属性」",
     # (thirty-second pass) a field of one value: not 「多项要写成列表」, the next error (test_hostile32_loading.py)
     "改正：「公开属性」只能写一个值，不能写成几项或列表：请选其中一个。可选的值：主动公开、依申请公开、不予公开。"),
    (("文种: 公示", "文钟: 公示"), "5:1 错误 GK102 未知字段「文钟」，因此缺少必填字段「文种」", "改正：是否想写「文种」？把键名改为「文种」。"),
    (("文种: 公示", "wenzhong: 公示"), "5:1 错误 GK102 未知字段「wenzhong」，因此缺少必填字段「文种」",
     "改正：是否想写「文种」？把键名改为「文种」。"),
    (("题名:", "题 名:"), "2:1 错误 GK102 键名「题 名」中间多了空格，应为「题名」",
     "改正：删去这个空格，写成「题名: ……」（冒号紧跟键名，冒号后一个半角空格）；gongkai fmt 会自动改正。"),
    (("题名:", "题名\u3000:"), "2:1 错误 GK102 键名「题名」的前后多了全角空格",
     "改正：删去这个空格，写成「题名: ……」（冒号紧跟键名，冒号后一个半角空格）；gongkai fmt 会自动改正。"),
    (("文号:", "⽂号:"), "3:1 错误 GK102 键名「⽂号」中的「⽂」只是样子像，是另一个字符（多是从 PDF 复制来的康熙部首、兼容汉字，"
     "或全角字母），应为「文号」", "改正：把键名重新输入为「文号」；gongkai fmt 会自动改正。"),  # ⽂: KANGXI RADICAL SCRIPT
    (("文号: 测民〔2026〕1号", "文号: [甲, 乙]"), "3:1 错误 GK103 「文号」只能写一个值，这里写成了列表（2项）",
     "改正：只保留一个值，写成「文号: ……」。"),
    (("文号: 测民〔2026〕1号", "文号: {甲: 乙}"), "3:1 错误 GK103 「文号」只能写一个值，这里写成了「键: 值」",
     "改正：把值写在冒号后面的同一行，写成「文号: ……」；值里有「: 」（冒号加空格）时，整个值用引号括起来，如「文号: \"……: ……\"」。"),
    (("  审查人: 张三\n", ""), "9:1 错误 GK101 「保密审查」下缺少必填字段「审查人」",
     "改正：在「保密审查」下添加一行「审查人: ……」（与这一层的其他字段左对齐）。"),
    (("页数: 1", "~: 1"), "16:1 错误 GK102 这一行的键不是文字，读出来是空值",
     "改正：键名要写成中文字段名，如「题名: ……」：写错了的改正，多余的一行删去。"),
    (("页数: 1", "1.5: 1"), "16:1 错误 GK102 这一行的键不是文字，读出来是数字「1.5」",
     "改正：键名要写成中文字段名，如「题名: ……」：写错了的改正，多余的一行删去。"),
    (("页数: 1", "页数: 1\n杂项: x"), "17:1 错误 GK102 未知字段「杂项」", "改正：是否想写「事项」？"),
    (("成文日期: 2026-09-01", "成文日期: 2026-02-30"), "13:7 错误 GK106 「成文日期」日期不存在：2026-02-30（2026年2月只有28天）",
     "改正：请对照原件核对这个日期，写成实际有的一天，如 2026-03-02。"),
    (("题名: 测试县民政局关于2026年第三季度低保对象名单的公示\n", ""), "1:1 错误 GK101 缺少必填字段「题名」",
     "改正：请添加一行「题名: ……」。"),
    (("公开属性: 主动公开", "公开属性: 主动公开\n公开渠道: [政府网站, ~]"), "9:14 错误 GK101 「公开渠道」第2项是空的",
     "改正：删去这个空项，或在「- 」后面只写一个值"),
    (("公开属性: 主动公开", "公开属性: 主动公开\n公开渠道:\n  - 政府网站\n  - [甲, 乙]"),
     "11:5 错误 GK103 「公开渠道」第2项只能写一个值，这里写成了列表（2项）", "改正：去掉这一项外面的方括号，其中每个值单独作为一项。"),
    (("文种: 公示", "\u200b文钟: 公示"), "5:2 错误 GK102 未知字段「文钟」，因此缺少必填字段「文种」",
     "改正：是否想写「文种」？把键名改为「文种」。"),  # the U+200B before it takes column 1 in Notepad
    (("责任单位: shjzg", "责任单位: shjzg ＃ 社会救助股"), "6:7 错误 GK103 「责任单位」的写法不对：「shjzg ＃ 社会救助股」",
     "改正：值中的「＃」是全角井号，不是注释，会被当作值的一部分：注释要用半角「#」，前面留一个空格。"),
    (("责任单位: shjzg", "责任单位: shjzg\u3000# 社会救助股"), "6:7 错误 GK103 「责任单位」的写法不对：「shjzg\u3000# 社会救助股」",
     "改正：值中「#」前面的空格是全角空格（或不间断空格），注释没有生效，会被当作值的一部分：把这个空格改为半角空格。"),
    # (thirty-second pass) 「主动公开A」 in half-width is as wrong: no 「切换到半角」 for it (test_hostile32_loading.py)
    (("公开属性: 主动公开", "公开属性: 主动公开Ａ"), "8:7 错误 GK104 「主动公开Ａ」不是有效的「公开属性」",
     "改正：可选的值：主动公开、依申请公开、不予公开。是否想写「主动公开」？"),
    (("页数: 1", "页数: １"), "16:5 错误 GK103 「页数」的类型不对：应为整数，而这里是「１」",
     "改正：只写一个整数，用半角阿拉伯数字，不带单位和小数，如「页数: 3」。"),  # (半角 said once)
    (("成文日期: 2026-09-01", "成文日期:"), "13:1 错误 GK101 「成文日期」没有填写（冒号后面是空的）",
     "改正：写成「成文日期: 2026-03-02」。"),
    (("页数: 1", "页数: 1.5"), "16:5 错误 GK103 「页数」的类型不对：应为整数，而这里是「1.5」",
     "改正：只写一个整数，用半角阿拉伯数字，不带单位和小数，如「页数: 3」。"),
    (("保密审查:\n  审查人: 张三\n  审查日期: 2026-09-01\n  结论: 不涉及国家秘密，同意主动公开\n", "保密审查: 张三\n"),
     "9:7 错误 GK103 「保密审查」的类型不对：应为若干「键: 值」，而这里是「张三」",
     "改正：「保密审查」下面换行，缩进两个空格各写一行：「审查人: ……」「审查日期: ……」「结论: ……」。"),  # (its keys said)
]


def test_each_schema_error_is_chinese_at_its_line_and_column(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """One validate over a catalog holding one record per row of SCHEMA (records/2026/R2026-1NN.yaml); one test, so
    that a planted bug fails it whichever row it breaks."""
    for index, ((old, new), _, _) in enumerate(SCHEMA):
        number = f"R2026-{100 + index}"
        cat.record(_record(old, new).replace("R2026-001", number), f"records/2026/{number}.yaml")
    out = gk("validate", cat.root, "--no-cache").out
    wrong = []
    for index, (_, finding, advice) in enumerate(SCHEMA):
        number = f"R2026-{100 + index}"
        block = _block(out, number)
        said = f"{finding}［{number}］"
        findings = [line for line in block if re.match(r"\d+:\d+ ", line) and " GK017 " not in line]
        if findings != [said] or not block[block.index(said) + 3].startswith(advice):  # one finding: not two for one slip
            wrong.append((said, block))
    assert not wrong, wrong


def _block(output: str, number: str) -> list[str]:
    """The stripped lines of *output* under the file records/2026/<number>.yaml."""
    lines = output.splitlines()
    start = lines.index(f"records/2026/{number}.yaml")
    end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" ")), len(lines))
    return [line.strip() for line in lines[start + 1:end]]


# --- atomic writes (files_io.py) ------------------------------------------------------------------------------------

MESSY = RECORD.replace("页数: 1\n", "").replace("文种: 公示\n", "文种: 公示\n页数: 1\n")  # keys out of order: fmt rewrites


def test_fmt_keeps_the_files_mode_and_refuses_a_read_only_file(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.record(MESSY)
    path.chmod(0o640)
    assert gk("fmt", path).code == 0
    assert path.read_text(encoding="utf-8") == RECORD
    assert stat.S_IMODE(path.stat().st_mode) == 0o640  # not mkstemp's 0600: the web server's group still reads it
    path.write_text(MESSY, encoding="utf-8")
    path.chmod(0o444)
    run = gk("fmt", path)
    assert run.code == 1 and "文件是只读的，gongkai 不改写只读文件" in run.err
    assert path.read_text(encoding="utf-8") == MESSY and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert [p.name for p in path.parent.iterdir()] == ["R2026-001.yaml"]


def test_fmt_writes_through_a_link_and_an_interrupted_fmt_leaves_the_old_file(
        gk: Callable[..., Run], cat: CatalogDir, monkeypatch: pytest.MonkeyPatch) -> None:
    real = cat.write("records/2026/kept.txt", MESSY)  # a file beside it, linked by the record's name
    link = cat.root / FILE
    link.unlink()
    link.symlink_to("kept.txt")
    assert gk("fmt", link).code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") == RECORD
    real.write_text(MESSY, encoding="utf-8")
    link.unlink()
    link.write_text(MESSY, encoding="utf-8")

    aside: list[Path] = []
    real = os.replace

    def interrupted(src: str, dst: str) -> None:  # Ctrl+C as the record's new text is put in place
        if Path(dst) != link:
            return real(src, dst)  # (the catalog's lock)
        aside.append(Path(src))
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    assert gk("fmt", link).code != 0
    # written beside it under a hidden name no catalog reader takes for a YAML file, had the run been killed there
    assert aside[0].parent == link.parent and aside[0].name.startswith(".R2026-001.yaml.") and aside[0].suffix == ".tmp"
    assert link.read_text(encoding="utf-8") == MESSY
    assert sorted(p.name for p in link.parent.iterdir()) == ["R2026-001.yaml", "kept.txt"]  # no .tmp left


@pytest.fixture
def umask_027() -> Iterator[None]:
    previous = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(previous)


def test_new_writes_a_file_with_the_mode_the_umask_gives(gk: Callable[..., Run], cat: CatalogDir,
                                                        umask_027: None) -> None:
    run = gk("new", "record", "-C", cat.root, "--title", "关于某事的通知", "--kind", "通知", "--unit", "shjzg",
             "--attribute", "主动公开", "--item", "SHJZ-001", "--formed", "2026-11-20",
             "--reviewer", "李四", "--review-date", "2026-11-20")
    assert "已新建 R2026-002：records/2026/R2026-002.yaml" in run.out, run.err  # (GK411: a list needs its 公示期)
    made = cat.root / "records/2026/R2026-002.yaml"
    assert stat.S_IMODE(made.stat().st_mode) == 0o640  # 0666 less the umask 027, not mkstemp's 0600
    assert "题名: 关于某事的通知\n" in made.read_text(encoding="utf-8")


# --- found by this pass ---------------------------------------------------------------------------------------------

REQUEST = """\
编号: YSQ-2026-001
收到日期: 2026-03-09
申请渠道: 邮寄
申请人类型: 自然人
申请内容: 某村低保名单
承办单位: shjzg
办理结果: 予以公开
答复日期: 2026-03-27
征求第三方意见:
  开始: 2026-03-10
  王小明: 同意公开
李四光: 来电催办
申请渠到: 当面
"""
REGISTER_HINT = "（登记簿的内容不在检查结果中显示，请按行号、列号打开文件查看。）"


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_name_written_as_a_key_of_a_register_is_not_in_the_ci_log(gk: Callable[..., Run], cat: CatalogDir,
                                                                     fmt: str) -> None:
    """Before: 「王小明: 同意公开」 under 征求第三方意见 (who was consulted, and what they said) and 「李四光: 来电催办」 at the
    top of a 依申请公开 register were GK102 未知字段「王小明」 in the CI log, the key shown on the line under it, and the
    JSON's field 「征求第三方意见.王小明」. Now a key the register does not have, and that is no key mistyped, is 「……」
    in the message, the field and the line; the finding keeps its line and column, and a key mistyped is still named."""
    cat.write("requests/2026/YSQ-2026-001.yaml", REQUEST)
    run = gk("validate", cat.root, "--no-cache", "--format", fmt)
    said = run.out + run.err
    assert run.code == 1 and "王小明" not in said and "李四光" not in said, said
    if fmt == "json":
        found = {(d["line"], d["column"]): d for d in run.json()["diagnostics"]}  # type: ignore[index]
        assert found[(11, 3)]["message"] == "未知字段「……」" and found[(11, 3)]["field"] == "征求第三方意见.……"
        assert found[(12, 1)]["field"] == "……" and found[(12, 1)]["hint"].endswith(REGISTER_HINT)
        assert found[(13, 1)]["message"] == "未知字段「申请渠到」" and found[(13, 1)]["field"] == "申请渠到"
        return
    _one(run, "11:3 错误 GK102 未知字段「……」［YSQ-2026-001］")
    _one(run, "11 |   （内部登记，不在此显示）")
    _one(run, "改正：可用的字段：开始、结束。" + REGISTER_HINT)
    _one(run, "12:1 错误 GK102 未知字段「……」［YSQ-2026-001］")
    _one(run, "12 | （内部登记，不在此显示）")
    _one(run, "13:1 错误 GK102 未知字段「申请渠到」［YSQ-2026-001］")  # a key mistyped names no one: said, and its fix
    _one(run, "13 | 申请渠到: （内部登记，不在此显示）")
    _one(run, "改正：是否想写「申请渠道」？")


def test_fmt_says_each_change_once(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: a record holding a zero-width space typed and one written as an escape ("\\u200b") was 「已整理 …：删去看不见的
    字符；删去看不见的字符」. Now each change is said once."""
    path = cat.record(_record("题名: 测试县", "题名: 测试\u200b县") + '正文2: "含\\u200b转义"\n')
    run = gk("fmt", path)
    assert f"已整理 {path}：删去看不见的字符\n" in run.out, run.out
    assert path.read_text(encoding="utf-8") == RECORD + "正文2: 含转义\n"


def test_the_page_publishes_what_was_typed_without_what_cannot_be_seen(gk: Callable[..., Run], cat: CatalogDir,
                                                                       tmp_path: Path) -> None:
    """A record saved by Notepad with a BOM and CRLF, a Shift+Enter from Word and a zero-width space in its 题名, 文号
    written 「!!str 0595」 and a Ctrl+Z after its last line: its page has the 题名 as it reads and 文号 0595, its 0 kept."""
    text = _record("题名: 测试县", "题名: 测试\v县\u200b").replace("文号: 测民〔2026〕1号", "文号: !!str 0595")
    cat.record(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8") + b"\x1a")
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0, run.out + run.err
    page = (tmp_path / "site" / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert "测试县民政局关于2026年第三季度低保对象名单的公示" in page and ">0595<" in page
    assert not any(c in page for c in "\v\u200b\ufeff\x1a")


def test_import_over_a_gbk_item_keeps_what_the_table_does_not_hold(gk: Callable[..., Run], cat: CatalogDir,
                                                                    tmp_path: Path) -> None:
    """Before: an item file saved as GBK is invalid (GK002); `import --overwrite-invalid` rebuilt it from the table's
    row and its comments were lost (the file could not be read, though fmt reads and converts it). Now the import reads it
    as fmt does, updates it and writes it in UTF-8, its comment kept."""
    table = tmp_path / "目录.xlsx"
    assert gk("export", "xlsx", "-C", cat.root, "--out", table).code == 0
    path = cat.item(("# 这条注释要保留\n" + ITEM).replace("\n", "\r\n").encode("gbk"))
    run = gk("import", "xlsx", "-C", cat.root, table, "--overwrite-invalid", "--yes")
    assert run.code == 0, run.out + run.err
    assert path.read_bytes() == ("# 这条注释要保留\n" + ITEM).replace("\n", "\r\n").encode("utf-8")


def test_what_a_yaml_error_quotes_of_a_register_line_names_no_one(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: the advice under a YAML error quoted the line it is about, in a register too: 「申请人: [王小明]工作人员」
    (a value starting with 「[」) was 「给整个值加引号：写成「申请人: '[王小明]工作人员'」」, and a name written twice as a
    key under 征求第三方意见 was 「键「王小明」写了两次」, in the CI log. Now what may name someone is 「……」 there too."""
    cat.write("requests/2026/YSQ-2026-001.yaml", REQUEST.replace("申请渠到: 当面\n", "").replace("李四光: 来电催办\n", "")
              + "  王小明: 不同意\n")
    cat.write("requests/2026/YSQ-2026-002.yaml", REQUEST.replace("YSQ-2026-001", "YSQ-2026-002").replace(
        "申请内容: 某村低保名单", "申请内容: [王小明]工作人员").split("征求第三方意见")[0])
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1 and "王小明" not in run.out + run.err, run.out
    _one(run, "12:3 错误 GK004 键「……」写了两次（第11行已有）")
    _one(run, "改正：删除重复的一行，或把两处内容合并到一个键下。" + REGISTER_HINT)
    _one(run, "5:7 错误 GK001 值以「[」开头，YAML 把「[…]」读成了列表，后面的文字就接不上了")
    _one(run, "改正：给整个值加引号：写成「申请内容: '……'」。" + REGISTER_HINT)


def test_what_a_yaml_error_quotes_of_a_withheld_records_line_stays_inside(gk: Callable[..., Run],
                                                                           cat: CatalogDir) -> None:
    """Before: a 不予公开 record whose 题名 starts with 「[」 had its line hidden under the finding (「题名: （非主动公开的信息，
    内容不在此显示）」) and the whole 题名 in the advice just below it, in the CI log. Now the advice says 「……」; its
    marking, dates and 编号 are quoted as before."""
    text = _record("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: [内部]关于王小明违纪问题的处理意见")
    cat.record(text.replace("公开属性: 主动公开", "公开属性: 不予公开\n不予公开理由: 内部事务信息"))
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1 and "王小明" not in run.out + run.err, run.out
    _one(run, "2:5 错误 GK001 值以「[」开头，YAML 把「[…]」读成了列表，后面的文字就接不上了")
    _one(run, "改正：给整个值加引号：写成「题名: '……'」。")
    cat.record(_record("成文日期: 2026-09-01", "成文日期: [2026]-09-01").replace("公开属性: 主动公开", "公开属性: 依申请公开"))
    run = gk("validate", cat.root, "--no-cache")  # a line a withheld record shows: its advice as before
    _one(run, "改正：给整个值加引号：写成「成文日期: '[2026]-09-01'」。")
    cat.record(_record("文号: 测民〔2026〕1号", "文号: 0595").replace("公开属性: 主动公开", "公开属性: 依申请公开"))
    run = gk("validate", cat.root, "--no-cache")  # nor the number as YAML would read it
    _one(run, "3:5 错误 GK015 「……」没有加引号，会被当作数字读成「……」，与所写的不同")


def test_fmt_check_in_ci_quotes_no_name_of_a_register(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: `gongkai fmt --check catalog`, a step of the CI templates, said of a register it cannot read 「给整个值加引号：
    写成「申请内容: '[王小明]的低保材料'」」 in the CI log. Now it quotes what validate quotes."""
    path = cat.write("requests/2026/YSQ-2026-001.yaml", REQUEST.split("征求第三方意见")[0].replace(
        "申请内容: 某村低保名单", "申请内容: [王小明]的低保材料"))
    run = gk("fmt", "--check", cat.root)
    assert run.code == 1 and "王小明" not in run.out + run.err, run.err
    assert (f"{path}: 无法整理：第 5 行第 7 列：值以「[」开头，YAML 把「[…]」读成了列表，后面的文字就接不上了（给整个值加引号："
            f"写成「申请内容: '……'」。{REGISTER_HINT}改正后再运行 gongkai fmt）") in run.err, run.err


def test_a_registers_value_on_the_lines_below_its_key_is_not_quoted(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """A name typed as a 申请渠道 folded onto the line below it (「申请渠道: >-」): the finding is at the key's line, which
    does not hold the name; it is still 「……」 (schema_errors._unquoted, by the value pydantic was given)."""
    cat.write("requests/2026/YSQ-2026-001.yaml", REQUEST.split("征求第三方意见")[0].replace(
        "申请渠道: 邮寄", "申请渠道: >-\n  王小明"))
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1 and "王小明" not in run.out + run.err, run.out
    _one(run, "3:7 错误 GK104 「……」不是有效的「申请渠道」［YSQ-2026-001］")
    _one(run, "改正：可选的值：当面、邮寄、网上、传真、电子邮件、其他。" + REGISTER_HINT)
