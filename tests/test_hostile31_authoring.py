"""Hostile pass on rewriting the clerk's YAML (thirty-first pass): gongkai fmt, its round trip, gongkai new and the
names gongkai.yaml finds units and 领域 by. Every file before and after is typed here by hand; the oracle is the
bytes, and validate's findings before and after fmt.

Defects found, and what happens now:

1. A 题名 in full-width brackets at both ends (「题名: ［更正］关于……的公示［第2批］」, as `gongkai new` writes one) was
   taken by fmt for a list typed in Chinese and rewritten 「[更正］……［第2批]」: a valid record became a GK103 error
   (「题名」只能写一个值，这里写成了列表). Now only a key whose value is a list (公开层级、公开渠道、移交日 …, or a key
   fmt does not know) has ［甲，乙］ made [甲, 乙]; a text key keeps its brackets.
2. The second line of a text that goes on over two lines (「题名: ……\\n  地址：人民路1号」, without quotes or in them) was
   rewritten as if it were a key: 「地址：」 became 「地址: 」 inside the title (the title changed), a valid file without
   quotes was refused (「这一行的键比上一行的键多缩进了」, so `fmt --check` failed CI on a valid catalog), and 「＃1」 in
   quotes became 「#1」 (the title changed, and GK019's warning went quiet). Now a line YAML reads as part of a text is
   left as written; only a 「＃」 line of a text without quotes is made a comment, as GK019 says.
3. A record whose last key is a text that keeps its blank lines (正文: |+) came out of a reordering with 「...」 as its
   last line: the end-of-document mark validate refuses (GK001), and fmt refused the file on the next run. Now the
   mark is not written.
4. A comment right above the first key of a mapping (「# 文号待办公室确认」 over 「文号:」, 「# 结论经局长同意」 over the
   first key of 保密审查) stayed at the top when that key moved down, over another key. Now it moves with its key; the
   lines that open the file, and those above a blank line, are its heading and stay at the top.
5. A file fmt could not write (a full disk, a folder without write permission) stopped fmt with 「无法读写文件……或用
   --out 换一个文件夹」 (fmt has no --out), exit 2, and the files it had already rewritten were never named nor
   counted. Now that file is named as not changed and why, the others are formatted, and the count is true.
6. Two 单位 with the same 名称, two 领域 or two 接收单位 with the same 名称, passed validate: `new --unit 办公室` and
   import took one of the two without a word, an item's 领域 (a name) could belong to either, and one archive got two
   copies of each batch. Now GK210 names the second one at its 名称, with what to do; `new --unit 办公室` is refused
   with both ids, and `new --unit bgs` takes the unit bgs (it was refused as 「不在 gongkai.yaml 的「单位」中」: the
   name → id table kept only the second unit of the name).
7. A value that starts with a full-width space after YAML's own 「: 」 (「题名: 　测试县……」, valid, and how `gongkai new`
   writes a title pasted with one) lost that space to fmt, which took it for one typed between the key and its value
   and said 「键名和冒号前后的空格改为「: 」」. Now only a 「　」 right after the colon (「题名:　……」, GK001) is mended.
8. A file named twice (「gongkai fmt catalog catalog/records」, or a file and its folder) was counted twice: 「共 5 个文件」
   for a catalog of 3. Now each file is formatted and counted once.
9. A list written on one line with Chinese commas (「公开渠道: 网站，公示栏  # 两处都贴」), which fmt splits into a list
   of lines, took the comment lines below it (about 公开对象) in between 「公开渠道:」 and its first element, and left its
   own comment far out where the one-line value had ended. Now the lines below stay over the next key and the comment
   follows the key two spaces on.
"""

from __future__ import annotations

import errno

import pytest

from tests.conftest import AGENCY, ITEM, RECORD, CatalogDir

TITLE = "题名: 测试县民政局关于2026年第三季度低保对象名单的公示\n"
RECORD_PATH = "records/2026/R2026-001.yaml"


def _codes(gk, cat: CatalogDir) -> list[tuple[str, str, int]]:
    run = gk("validate", cat.root, "--format", "json", "--no-cache")
    assert run.code in (0, 1), run.err
    return [(d["code"], d["path"], d["line"]) for d in run.json()["diagnostics"]]


def _fmt_changes_nothing(gk, cat: CatalogDir, rel: str) -> None:
    before = cat.root.joinpath(rel).read_bytes()
    run = gk("fmt", cat.root)
    assert (run.code, run.out, run.err) == (0, "共 3 个文件，已整理 0 个。\n", "")
    assert cat.root.joinpath(rel).read_bytes() == before


# ------------------------------------------------------------------ 1. a title in full-width brackets is no list


def test_fmt_leaves_a_title_in_full_width_brackets_a_title_and_still_mends_a_list(gk, cat):
    cat.record(RECORD.replace(TITLE, "题名: ［更正］测试县民政局关于低保对象名单的公示［第2批］\n"))
    cat.item(ITEM.replace("公开层级: [县级, 乡级]", "公开层级：［县级，乡级］"))
    assert _codes(gk, cat) == [("GK001", "items/shjz/SHJZ-001.yaml", 15)]  # the item's 「：」: YAML cannot read it
    run = gk("fmt", cat.root)
    assert run.out == ("已整理 " + str(cat.root / "items/shjz/SHJZ-001.yaml")
                       + "：列表中的全角括号、逗号、顿号改为半角；键名后的全角冒号改为「: 」\n共 3 个文件，已整理 1 个。\n")
    assert cat.root.joinpath(RECORD_PATH).read_text(encoding="utf-8").split("\n")[1] == \
        "题名: ［更正］测试县民政局关于低保对象名单的公示［第2批］"
    assert cat.root.joinpath("items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8") == ITEM
    assert _codes(gk, cat) == []


def test_a_record_new_writes_with_a_bracketed_title_is_left_alone_by_fmt(gk, cat):
    run = gk("new", "record", "-C", cat.root, "--title", "［更正］测试县民政局关于低保对象名单的公示", "--kind", "通知",
             "--unit", "shjzg", "--item", "SHJZ-001", "--attribute", "主动公开", "--formed", "2026-09-01",
             "--reviewer", "李四", "--review-date", "2026-09-01")
    assert run.out.startswith("已新建 R2026-002：records/2026/R2026-002.yaml\n"), run.out + run.err
    written = cat.root.joinpath("records/2026/R2026-002.yaml").read_bytes()
    assert "\n题名: ［更正］测试县民政局关于低保对象名单的公示\n".encode() in written
    assert gk("fmt", cat.root).out == "共 4 个文件，已整理 0 个。\n"
    assert cat.root.joinpath("records/2026/R2026-002.yaml").read_bytes() == written


# ------------------------------------------------------------------ 2. the second line of a text is text


@pytest.mark.parametrize(("title", "findings"), [
    ("题名: 测试县民政局关于低保对象名单的公示\n  地址：测试县人民路1号\n", []),
    ('题名: "测试县民政局关于低保对象名单的公示\n  地址：测试县人民路1号"\n', []),
    ("题名: '测试县民政局关于\n  ［城市，农村］低保对象名单的公示'\n", []),
    ('题名: "测试县民政局关于低保对象名单的公示\n  ＃1"\n', [("GK019", RECORD_PATH, 2)]),
])
def test_fmt_leaves_the_second_line_of_a_text_as_written(gk, cat, title, findings):
    cat.record(RECORD.replace(TITLE, title))
    assert _codes(gk, cat) == findings
    _fmt_changes_nothing(gk, cat, RECORD_PATH)
    assert _codes(gk, cat) == findings


def test_a_comment_typed_with_a_full_width_hash_under_a_title_is_still_made_a_comment(gk, cat):
    cat.record(RECORD.replace(TITLE, TITLE + "  ＃ 经办人核对\n"))
    assert _codes(gk, cat) == [("GK019", RECORD_PATH, 2)]
    run = gk("fmt", cat.root)
    assert run.out.endswith("：全角井号「＃」改为注释符号「#」\n共 3 个文件，已整理 1 个。\n")
    assert cat.root.joinpath(RECORD_PATH).read_text(encoding="utf-8") == RECORD.replace(TITLE, TITLE + "  # 经办人核对\n")
    assert _codes(gk, cat) == []


def test_fmt_still_mends_keys_typed_with_full_width_colons_in_a_list_entry(gk, cat):
    typed = AGENCY.replace("  - 名称: 社会救助\n    代码: SHJZ\n", "  - 名称：社会救助\n    代码：SHJZ\n")
    cat.write("gongkai.yaml", typed)
    assert ("GK103", "gongkai.yaml", 7) in _codes(gk, cat)
    assert gk("fmt", cat.root).out.endswith("：键名后的全角冒号改为「: 」\n共 3 个文件，已整理 1 个。\n")
    assert cat.root.joinpath("gongkai.yaml").read_text(encoding="utf-8") == AGENCY
    assert _codes(gk, cat) == []


@pytest.mark.parametrize(("written", "findings", "after"), [
    ("题名: 　测试县", [], "题名: 　测试县"),  # YAML's 「: 」, then the value: its 「　」 is the value's
    ("题名:　测试县", [("GK001", RECORD_PATH, 2)], "题名: 测试县"),  # 「　」 typed for the space YAML needs
    ("题 名: 　测试县", [("GK102", RECORD_PATH, 2)], "题名: 　测试县"),  # 「题 名」 unknown: fmt joins it
])
def test_fmt_keeps_a_full_width_space_that_starts_a_value_and_mends_one_typed_for_the_colons_space(gk, cat, written,
                                                                                                 findings, after):
    cat.record(RECORD.replace("题名: 测试县", written))
    assert _codes(gk, cat) == findings
    gk("fmt", cat.root)
    assert cat.root.joinpath(RECORD_PATH).read_text(encoding="utf-8") == RECORD.replace("题名: 测试县", after)


# ------------------------------------------------------------------ 3. no end-of-document mark after 正文: |+


def test_a_record_ending_with_a_text_that_keeps_its_blank_lines_is_not_ended_with_three_dots(gk, cat):
    body = "正文: |\n  经审核，现将名单予以公示。\n"
    kept = "正文: |+\n  经审核，现将名单予以公示。\n\n"
    cat.record(RECORD.replace("责任单位: shjzg\n事项: SHJZ-001\n", "事项: SHJZ-001\n责任单位: shjzg\n")
               .replace(body, kept))
    assert _codes(gk, cat) == []
    run = gk("fmt", cat.root)
    assert run.out.endswith("：键按官方顺序排列\n共 3 个文件，已整理 1 个。\n")
    assert cat.root.joinpath(RECORD_PATH).read_text(encoding="utf-8") == RECORD.replace(body, kept)
    assert _codes(gk, cat) == []
    _fmt_changes_nothing(gk, cat, RECORD_PATH)


# ------------------------------------------------------------------ 4. the comment over the first key goes with it


@pytest.mark.parametrize(("above", "heading", "over_title"), [
    ("# 第三季度低保名单\n\n# 题名按发文稿\n", "# 第三季度低保名单\n\n", "# 题名按发文稿\n"),
    ("# 第三季度低保名单\n", "# 第三季度低保名单\n", ""),  # the file's first line: its heading, not the title's
])
def test_the_comment_over_the_first_key_moves_with_it_and_a_heading_stays_on_top(gk, cat, above, heading, over_title):
    cat.record(above
               + TITLE +
               "编号: R2026-001\n"
               + RECORD.split(TITLE)[1].replace(
                   "  审查人: 张三\n  审查日期: 2026-09-01\n  结论: 不涉及国家秘密，同意主动公开\n",
                   "  # 结论经局长同意\n  结论: 不涉及国家秘密，同意主动公开\n  审查人: 张三\n  审查日期: 2026-09-01\n"))
    assert _codes(gk, cat) == []
    assert gk("fmt", cat.root).out.endswith("：键按官方顺序排列\n共 3 个文件，已整理 1 个。\n")
    assert cat.root.joinpath(RECORD_PATH).read_text(encoding="utf-8") == (
        heading +
        "编号: R2026-001\n"
        + over_title +
        "题名: 测试县民政局关于2026年第三季度低保对象名单的公示\n"
        "文号: 测民〔2026〕1号\n"
        "索引号: 350524-MZ-2026-00001\n"
        "文种: 公示\n"
        "责任单位: shjzg\n"
        "事项: SHJZ-001\n"
        "公开属性: 主动公开\n"
        "保密审查:\n"
        "  审查人: 张三\n"
        "  审查日期: 2026-09-01\n"
        "  # 结论经局长同意\n"
        "  结论: 不涉及国家秘密，同意主动公开\n"
        "成文日期: 2026-09-01\n"
        "公开日期: 2026-09-03\n"
        "公示截止: 2026-12-31\n"
        "页数: 1\n"
        "正文: |\n"
        "  经审核，现将名单予以公示。\n")
    _fmt_changes_nothing(gk, cat, RECORD_PATH)


# ------------------------------------------------------------------ 5. a file fmt cannot write


def test_a_file_fmt_cannot_write_is_named_and_the_others_are_formatted_and_counted(gk, cat, monkeypatch):
    import gongkai.authoring.fmt as fmt

    record = RECORD.replace("文种: 公示", "文种：公示")
    cat.record(record)
    cat.item(ITEM.replace("五公开: 结果公开", "五公开：结果公开"))
    written = fmt.write_atomic

    def disk_full_for_records(path, data):
        if path.name == "R2026-001.yaml":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        written(path, data)

    monkeypatch.setattr(fmt, "write_atomic", disk_full_for_records)
    run = gk("fmt", cat.root)
    record_path = cat.root / RECORD_PATH
    assert run.code == 1
    assert run.out == (f"已整理 {cat.root / 'items/shjz/SHJZ-001.yaml'}：键名后的全角冒号改为「: 」\n"
                       "共 3 个文件，已整理 1 个，1 个无法整理。\n")
    assert run.err == (f"{record_path}: 无法整理：无法写入（磁盘空间不足：{record_path}），这个文件没有改动；"
                       "腾出磁盘空间或取得这个文件夹的写权限后再运行一次\n")
    assert record_path.read_text(encoding="utf-8") == record
    assert cat.root.joinpath("items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8") == ITEM


# ------------------------------------------------------------------ 6. a unit or a 领域 named twice


@pytest.mark.parametrize(("old", "new", "line", "column", "message", "hint_starts"), [
    ("    名称: 社会救助股\n", "    名称: 办公室\n", 14, 9, "单位名称「办公室」写了两次（第 1 个和第 2 个单位）",
     "gongkai new、导入目录表都按名称找责任单位"),
    ("    代码: SHJZ\n", "    代码: SHJZ\n  - 名称: 社会救助\n    代码: SHJY\n", 9, 9,
     "领域名称「社会救助」写了两次（第 1 个和第 2 个领域）", "事项的「领域」写的是名称"),
    ("      名称: 测试县图书馆\n", "      名称: 测试县档案馆\n", 21, 11,
     "接收单位名称「测试县档案馆」写了两次（第 1 个和第 2 个接收单位）", "每批移交给每个接收单位各做一份目录表"),
])
def test_a_unit_or_a_domain_named_twice_is_named_at_the_second_name(gk, cat, old, new, line, column, message,
                                                                   hint_starts):
    cat.write("gongkai.yaml", AGENCY.replace(old, new))
    run = gk("validate", cat.root, "--format", "json", "--no-cache")
    found = [d for d in run.json()["diagnostics"] if d["code"] == "GK210"]  # type: ignore[index]
    assert [(d["path"], d["line"], d["column"], d["message"]) for d in found] == [("gongkai.yaml", line, column, message)]
    assert found[0]["hint"].startswith(hint_starts)
    assert run.code == 1


# ------------------------------------------------------------------ gongkai new: what mutation testing left untested

REVIEWED = ("--kind", "通知", "--unit", "社会救助股", "--item", "shjz-001", "--attribute", "主动公开",
            "--reviewer", "李四")


def _new_record(gk, cat: CatalogDir, formed: str) -> str:
    run = gk("new", "record", "-C", cat.root, "--title", "关于低保金发放的通知", *REVIEWED, "--formed", formed,
             "--review-date", formed)
    assert run.code in (0, 1), run.out + run.err
    return run.out.split("\n")[0]


def test_new_record_is_written_in_the_official_order_with_the_unit_and_item_as_the_agency_spells_them(gk, cat):
    assert _new_record(gk, cat, "2026-10-08") == "已新建 R2026-002：records/2026/R2026-002.yaml"
    assert cat.root.joinpath("records/2026/R2026-002.yaml").read_text(encoding="utf-8") == (
        "编号: R2026-002\n"
        "题名: 关于低保金发放的通知\n"
        "索引号: 350524-MZ-2026-00002\n"
        "文种: 通知\n"
        "责任单位: shjzg\n"
        "事项: SHJZ-001\n"
        "公开属性: 主动公开\n"
        "保密审查:\n"
        "  审查人: 李四\n"
        "  审查日期: 2026-10-08\n"
        "  结论: 不涉及国家秘密，同意主动公开\n"
        "成文日期: 2026-10-08\n"
        "公开日期: 2026-10-08\n")


@pytest.mark.parametrize(("file", "number", "index", "expected"), [
    # the file's name is the highest number in use: R2026-031, whatever 编号 it holds
    ("R2026-030.yaml", "R2026-004", "350524-MZ-2026-00012", ("R2026-031", "350524-MZ-2026-00013")),
    # the 编号 written in lower case is the highest: R2026-021
    ("R2026-002.yaml", "r2026-020", "350524-MZ-2026-00007", ("R2026-021", "350524-MZ-2026-00008")),
])
def test_new_record_numbers_after_a_record_that_fails_to_load(gk, cat, file, number, index, expected):
    broken = RECORD.replace("编号: R2026-001", f"编号: {number}").replace("索引号: 350524-MZ-2026-00001",
                                                                       f"索引号: {index}").replace("页数: 1", "页数: 一页")
    cat.record(broken, rel=f"records/2026/{file}")
    assert ("GK103", f"records/2026/{file}", 16) in _codes(gk, cat)
    assert _new_record(gk, cat, "2026-10-08") == f"已新建 {expected[0]}：records/2026/{expected[0]}.yaml"
    written = cat.root.joinpath(f"records/2026/{expected[0]}.yaml").read_text(encoding="utf-8")
    assert written.startswith(f"编号: {expected[0]}\n题名: 关于低保金发放的通知\n索引号: {expected[1]}\n")


def test_the_first_record_of_a_year_is_number_one_with_the_agencys_prefix(gk, cat):
    assert _new_record(gk, cat, "2025-06-03") == "已新建 R2025-001：records/2025/R2025-001.yaml"
    written = cat.root.joinpath("records/2025/R2025-001.yaml").read_text(encoding="utf-8")
    assert written.startswith("编号: R2025-001\n题名: 关于低保金发放的通知\n索引号: 350524-MZ-2025-00001\n")


def test_new_item_does_not_take_an_id_a_record_already_names(gk, cat):
    cat.record(RECORD.replace("事项: SHJZ-001", "事项: SHJZ-002"), rel="records/2026/R2026-002.yaml")
    run = gk("new", "item", "-C", cat.root, "--domain", "社会救助", "--level1", "临时救助", "--five", "结果公开",
             "--content", "救助对象", "--basis", "《社会救助暂行办法》", "--deadline", "制定或获取信息之日起10个工作日内",
             "--audience", "全社会", "--mode", "主动", "--level", "县级", "--unit", "shjzg")
    assert run.out.split("\n")[0] == "已新建 SHJZ-003：items/shjz/SHJZ-003.yaml"
    assert not cat.root.joinpath("items/shjz/SHJZ-002.yaml").exists()


def test_new_record_with_an_item_not_in_the_catalog_lists_the_items_and_writes_nothing(gk, cat):
    run = gk("new", "record", "-C", cat.root, "--title", "关于低保金发放的通知", *REVIEWED[:4], "--item", "SHJZ-009",
             *REVIEWED[6:], "--formed", "2026-10-08", "--review-date", "2026-10-08")
    assert run.code == 2
    assert "事项「SHJZ-009」在目录中不存在（items/ 下有：SHJZ-001），未新建；请写事项编号或名称，或先用 gongkai new item 新建事项" \
        in run.err
    assert not cat.root.joinpath("records/2026/R2026-002.yaml").exists()


def test_fmt_of_a_folder_skips_a_hidden_copy_and_a_link_out_of_the_catalog_and_formats_the_rest(gk, cat, tmp_path):
    typed = RECORD.replace("文种: 公示", "文种：公示")
    cat.record(typed)
    hidden = cat.write(".old/records/2026/R2026-001.yaml", typed)  # sorted before every other file of the catalog
    outside = tmp_path / "outside.yaml"
    outside.write_text(typed, encoding="utf-8")
    cat.root.joinpath("records/2026/R2026-009.yaml").symlink_to(outside)
    run = gk("fmt", cat.root)
    assert run.out == f"已整理 {cat.root / RECORD_PATH}：键名后的全角冒号改为「: 」\n共 3 个文件，已整理 1 个。\n"
    assert cat.root.joinpath(RECORD_PATH).read_text(encoding="utf-8") == RECORD
    assert hidden.read_text(encoding="utf-8") == typed
    assert outside.read_text(encoding="utf-8") == typed


def test_severities_in_gongkai_yaml_are_read_in_chinese_with_spaces_and_in_capitals(gk, cat):
    cat.item(ITEM.replace("SHJZ-001", "SHJZ-002").replace("制定或获取信息之日起10个工作日内", "10个工作日"),
             rel="items/shjz/SHJZ-002.yaml")
    cat.write("gongkai.yaml", AGENCY + '检查:\n  严重程度:\n    GK401: " 错误 "\n    GK902: INFO\n')
    run = gk("validate", cat.root, "--format", "json", "--no-cache")
    found = sorted((d["code"], d["severity"], d["path"], d["line"]) for d in run.json()["diagnostics"])  # type: ignore[index]
    assert found == [("GK401", "error", "items/shjz/SHJZ-002.yaml", 10),
                     ("GK902", "info", "items/shjz/SHJZ-002.yaml", 1)]
    assert run.code == 1


def test_a_file_named_twice_on_the_command_line_is_formatted_and_counted_once(gk, cat):
    cat.record(RECORD.replace("文种: 公示", "文种：公示"))
    run = gk("fmt", cat.root / RECORD_PATH, cat.root, cat.root / "records")
    assert run.out == f"已整理 {cat.root / RECORD_PATH}：键名后的全角冒号改为「: 」\n共 3 个文件，已整理 1 个。\n"
    assert cat.root.joinpath(RECORD_PATH).read_text(encoding="utf-8") == RECORD


def test_a_run_on_list_split_by_fmt_keeps_the_comment_below_it_over_the_next_key(gk, cat):
    channels = "公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]\n"
    cat.item(ITEM.replace(channels, "公开渠道: 网站，公示栏      # 两处都贴\n# 对象按指引\n"))
    # (thirty-second pass) both said: two aliases renamed, and the two written together split into a list
    assert gk("fmt", cat.root).out.endswith("：别称改为标准名称：公开渠道；改写成列表：公开渠道\n共 3 个文件，已整理 1 个。\n")
    assert cat.root.joinpath("items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8") == ITEM.replace(channels, (
        "公开渠道:  # 两处都贴\n"
        "  - 政府网站\n"
        "  - 社区/企事业单位/村公示栏（电子屏）\n"
        "# 对象按指引\n"))
    assert _codes(gk, cat) == []
    _fmt_changes_nothing(gk, cat, "items/shjz/SHJZ-001.yaml")


@pytest.mark.parametrize(("unit", "written"), [("bgs", "bgs"), ("ＳＨＪＺＧ", "shjzg"), ("办公室", None)])
def test_new_record_takes_either_unit_by_its_id_and_refuses_a_name_two_units_share(gk, cat, unit, written):
    cat.write("gongkai.yaml", AGENCY.replace("    名称: 社会救助股\n", "    名称: 办公室\n"))
    run = gk("new", "record", "-C", cat.root, "--title", "关于低保金发放的通知", "--kind", "通知", "--unit", unit,
             "--item", "SHJZ-001", "--attribute", "主动公开", "--formed", "2026-10-08", "--reviewer", "李四",
             "--review-date", "2026-10-08")
    new = cat.root.joinpath("records/2026/R2026-002.yaml")
    if written is None:
        assert run.code == 2
        assert "「办公室」是 gongkai.yaml 中2个单位的名称（编号 bgs、shjzg），未新建：请写其中一个的编号" in run.err
        assert not new.exists()
    else:
        assert f"\n责任单位: {written}\n" in new.read_text(encoding="utf-8")
