"""Thirty-eighth hostile pass on the front door: the clerk's day at a Chinese Windows PC — `gongkai new`, the new file
edited in Notepad, then `gongkai fmt` and `gongkai validate`.

Expected values are typed by hand: in the test record 「正文: |」 is line 17, so the body's first line is line 18.

Found by this pass:
1. A 正文 pasted from Word under 「正文: |」 without the two half-width spaces (every paragraph starts 「　　」), or
   indented with Notepad's Tab, was GK006/GK007 「行首用了全角空格「　」缩进……请删除全角空格后重新缩进；gongkai fmt 可
   自动改正」 — and fmt refused the file: for the Tab 「这里有不能出现的字符」, for the 「　　」 「缺少冒号：写成「经审核，现将
   名单予以公示。: ……」」, telling the clerk to turn the text into a key. Now validate names the line as a line of the
   text that lacks its half-width spaces, says how many to add (the 「　　」 or Tab stays as the paragraph's first-line
   indent), and fmt adds them.
2. `new record --item 最低生活保障/审批信息` (or with a space, 「（）」, 「——」 between the levels) was 「事项不存在（items/ 下
   有：JGXX-001……QHDM-002……）」: the clerk knows the item by its name. Now the name is taken; a 一级事项 alone that
   several items share lists them with their 编号.
3. 「题名: 关于城关镇 #3 地块征收的公告」, 「- 政府网站 #首页」: YAML ends the value at 「 #」, and the title 「关于城关镇」 was
   published without a word. Now GK020 (warning) names the value, what was read, and the quoted form to write.
4. A line of the 正文 indented a space less than the others: validate blamed the 「：」 at the end of the line above
   (「用了全角冒号……请在英文输入法下输入冒号」), or said 「同一层的键要左对齐」, and fmt refused the file. Now GK001 names
   the line, how many spaces it needs, and fmt aligns it.
5. 「撤回: 否」 (meaning 不撤回), 「保密审查: 已审查」, 「附件: 名单.pdf」: 「……下面的内容要换行并缩进两个空格」 without the
   keys to write there. Now the hint names the keys that must be written (「日期: ……」「原因: ……」), and for 「否」
   「无」 says to delete the line; the same for inspect.yaml's thresholds (two tests updated to the new words).
6. `new record -i`: a 责任单位 or 事项 typed wrong was refused after the last question (exit 2, nothing written, every
   answer to type again). Now it is said at once and asked again; the answers before it are kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from conftest import RECORD, CatalogDir, Run

Gk = Callable[..., Run]
TODAY = "2026-11-07"
BODY = "正文: |\n  经审核，现将名单予以公示。\n"


def _errors(gk: Gk, root: object) -> list[tuple[int, int, str, str, str]]:
    run = gk("validate", root, "--format", "json", "--today", TODAY)
    assert run.code in (0, 1), run.err
    return [(d["line"], d["column"], d["code"], d["message"], d["hint"])
            for d in json.loads(run.out)["diagnostics"] if d["severity"] == "error"]


# 1. A 正文 whose lines start with 「　　」 or a Tab and no half-width spaces --------------------------------------------

FW = "\u3000\u3000"


@pytest.mark.parametrize(("body", "found", "mended"), [
    # pasted from Word: every paragraph starts 「　　」, nothing before it
    (f"正文: |\n{FW}经审核，现将名单予以公示。\n\n{FW}如有异议请来电。\n",
     [(18, 1, "GK006", "全角空格「　」", 2), (20, 1, "GK006", "全角空格「　」", 2)],
     f"正文: |\n  {FW}经审核，现将名单予以公示。\n\n  {FW}如有异议请来电。\n"),
    # indented with Notepad's Tab
    ("正文: |\n\t经审核，现将名单予以公示。\n\t如有异议请来电。\n",
     [(18, 1, "GK007", "制表符（Tab）", 2), (19, 1, "GK007", "制表符（Tab）", 2)],
     "正文: |\n  \t经审核，现将名单予以公示。\n  \t如有异议请来电。\n"),
    # one paragraph of a body that is indented otherwise, and one after a line that starts 「　　」 inside the text
    (f"正文: |\n  {FW}经审核，现将名单予以公示。\n\t如有异议请来电。\n  \t联系电话见附件。\n",
     [(19, 1, "GK007", "制表符（Tab）", 2)],
     f"正文: |\n  {FW}经审核，现将名单予以公示。\n  \t如有异议请来电。\n  \t联系电话见附件。\n"),
])
def test_a_body_line_without_its_half_width_spaces_is_named_and_mended(gk: Gk, cat: CatalogDir, body: str,
                                                                       found: list[tuple[int, int, str, str, int]],
                                                                       mended: str) -> None:
    path = cat.record(RECORD.replace(BODY, body))
    errors = _errors(gk, cat.root)
    assert [(line, column, code) for line, column, code, _, _ in errors] == [f[:3] for f in found]
    for (_, _, _, message, hint), (_, _, _, typed, spaces) in zip(errors, found, strict=True):
        assert message == f"多行文字的这一行以{typed}开头，前面没有半角空格：YAML 不把它算作缩进，读到这里文字就断了"
        assert hint == (f"在这一行行首加上 {spaces} 个半角空格，与多行文字的其他行对齐；{typed}作为段首缩进照原样留在文字里。"
                        "gongkai fmt 可自动改正。")
    run = gk("fmt", path)
    assert run.code == 0, run.err
    assert "多行文字中以 Tab、全角空格开头的行前补上半角空格缩进（段首缩进照原样保留）" in run.out
    assert path.read_text(encoding="utf-8").endswith(mended)
    assert gk("fmt", "--check", path).code == 0
    assert _errors(gk, cat.root) == []


def test_a_key_after_the_body_still_ends_it(gk: Gk, cat: CatalogDir) -> None:
    """「⇥页数: 2」 below the text (line 18) is a key typed with a Tab, as before: never taken into the 正文 by fmt."""
    path = cat.record(RECORD.replace("页数: 1\n", "").replace(BODY, BODY + "\t页数: 2\n"))
    assert [(line, column, code) for line, column, code, _, _ in _errors(gk, cat.root)] == [(18, 1, "GK007")]
    gk("fmt", path)
    text = path.read_text(encoding="utf-8")
    assert "  页数: 2" not in text and "  \t页数: 2" not in text


# 2. `new record --item` given the item's name, as the clerk knows it -----------------------------------------------

ITEM_2 = ("编号: SHJZ-002\n领域: 社会救助\n五公开: 服务公开\n一级事项: 最低生活保障\n二级事项: 办事指南\n公开内容:\n  - 办理条件\n"
          "公开依据:\n  - 《社会救助暂行办法》（国务院令第649号）\n公开时限: 制定或获取信息之日起10个工作日内\n"
          "公开主体: 县级人民政府民政部门\n公开渠道: [政府网站]\n公开对象: 全社会\n公开方式: 主动\n公开层级: [县级]\n责任单位: shjzg\n")
NEW = ("new", "record", "--title", "关于调整低保标准的通知", "--kind", "通知", "--unit", "shjzg",
       "--attribute", "依申请公开", "--formed", "2026-11-02", "--today", TODAY, "-C")


@pytest.mark.parametrize("typed", ["最低生活保障/审批信息", "最低生活保障 / 审批信息", "最低生活保障 审批信息",
                                   "最低生活保障（审批信息）", "最低生活保障(审批信息)", "最低生活保障——审批信息",
                                   "最低生活保障　审批信息", "SHJZ-001", "shjz-001"])
def test_new_record_takes_the_items_name(gk: Gk, cat: CatalogDir, typed: str) -> None:
    """Before: 「事项「最低生活保障 审批信息」在目录中不存在（items/ 下有：SHJZ-001）」, nothing written."""
    cat.item(ITEM_2, "items/shjz/SHJZ-002.yaml")
    run = gk(*NEW, cat.root, "--item", typed)
    assert run.code == 0, run.err
    assert "事项: SHJZ-001\n" in (cat.root / "records/2026/R2026-002.yaml").read_text(encoding="utf-8")


def test_the_first_level_alone_names_the_items_that_have_it(gk: Gk, cat: CatalogDir) -> None:
    """Before: 「事项「最低生活保障」在目录中不存在」 although two items are 最低生活保障."""
    cat.item(ITEM_2, "items/shjz/SHJZ-002.yaml")
    run = gk(*NEW, cat.root, "--item", "最低生活保障")
    assert run.code == 2
    assert ("「最低生活保障」是2个事项的名称：SHJZ-001（最低生活保障 / 审批信息）、SHJZ-002（最低生活保障 / 办事指南），"
            "未新建：请写其中一个的编号，如 --item SHJZ-001") in run.err
    assert not (cat.root / "records/2026/R2026-002.yaml").exists()


def test_the_first_level_of_one_item_is_that_item(gk: Gk, cat: CatalogDir) -> None:
    assert gk(*NEW, cat.root, "--item", "最低生活保障").code == 0
    assert "事项: SHJZ-001\n" in (cat.root / "records/2026/R2026-002.yaml").read_text(encoding="utf-8")


def test_a_name_no_item_has_lists_the_items_near_it(gk: Gk, cat: CatalogDir) -> None:
    cat.item(ITEM_2, "items/shjz/SHJZ-002.yaml")
    run = gk(*NEW, cat.root, "--item", "办事指南")
    assert run.code == 2
    assert "事项「办事指南」在目录中不存在（名称相近的有：SHJZ-002（最低生活保障 / 办事指南）），未新建" in run.err
    run = gk(*NEW, cat.root, "--item", "临时救助")
    assert run.code == 2 and "事项「临时救助」在目录中不存在（items/ 下有：SHJZ-001、SHJZ-002），未新建" in run.err


# 3. A 「 #」 inside a value without quotes: YAML ends the value there ---------------------------------------------------


@pytest.mark.parametrize(("old", "new", "where", "message", "hint"), [
    ("题名: 测试县民政局关于2026年第三季度低保对象名单的公示\n", "题名: 关于城关镇 #3 地块征收的公告\n", (2, 5),
     "「题名」的值在「#3 地块征收的公告」前断开了：YAML 把半角空格后的「#」当作注释的开始，读到的题名只有「关于城关镇」",
     "「#3 地块征收的公告」是值的一部分的，给整个值加上引号：题名: \"关于城关镇 #3 地块征收的公告\"；"
     "确是注释的，在「#」后面空一格（「# 说明」）。"),
    ("文号: 测民〔2026〕1号\n", "文号: 测民〔2026〕 #1号\n", (3, 5),
     "「文号」的值在「#1号」前断开了：YAML 把半角空格后的「#」当作注释的开始，读到的文号只有「测民〔2026〕」",
     "「#1号」是值的一部分的，给整个值加上引号：文号: \"测民〔2026〕 #1号\"；确是注释的，在「#」后面空一格（「# 说明」）。"),
    ("  结论: 不涉及国家秘密，同意主动公开\n", "  结论: 不涉及国家秘密，同意主动公开 #\"张三\"审\n", (12, 7),
     "「结论」的值在「#\"张三\"审」前断开了：YAML 把半角空格后的「#」当作注释的开始，读到的结论只有「不涉及国家秘密，同意主动公开」",
     "给整个值加上引号：结论: '不涉及国家秘密，同意主动公开 #\"张三\"审'；"),
    ("页数: 1\n", "页数: 1\n公开渠道:\n  - 政府网站 #首页\n", (18, 5),
     "「公开渠道」的值在「#首页」前断开了：YAML 把半角空格后的「#」当作注释的开始，读到的公开渠道只有「政府网站」",
     "给整个值加上引号：- \"政府网站 #首页\"；"),
])
def test_a_value_cut_by_a_hash_is_named(gk: Gk, cat: CatalogDir, old: str, new: str, where: tuple[int, int],
                                       message: str, hint: str) -> None:
    """Before: no finding; the title 「关于城关镇」 went to the site, the 文号 「测民〔2026〕」."""
    cat.record(RECORD.replace(old, new))
    run = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    assert run.code == 0, run.out
    found = [d for d in json.loads(run.out)["diagnostics"] if d["code"] == "GK020"]
    assert [(d["line"], d["column"], d["severity"], d["message"]) for d in found] == [(*where, "warning", message)]
    assert hint in found[0]["hint"]


def test_a_value_that_is_all_comment_is_named(gk: Gk, cat: CatalogDir) -> None:
    cat.record(RECORD.replace("文号: 测民〔2026〕1号\n", "文号: #1号\n"))
    found = [d for d in json.loads(gk("validate", cat.root, "--format", "json", "--today", TODAY).out)["diagnostics"]
             if d["code"] == "GK020"]
    assert [d["message"] for d in found] == ["「文号」的值「#1号」整个成了注释：YAML 把半角空格后的「#」当作注释的开始，读到的文号是空的"]
    assert "文号: \"#1号\"" in found[0]["hint"]


@pytest.mark.parametrize("written", [
    "文号: 测民〔2026〕1号  # 待编号\n", "文号: 测民〔2026〕1号 ## 待编号\n", "文号: \"测民〔2026〕 #1号\"\n",
    "文号: '测民〔2026〕 #1号'\n", "文号: 测民〔2026〕#1号\n",
])
def test_comments_and_quoted_hashes_are_fine(gk: Gk, cat: CatalogDir, written: str) -> None:
    cat.record(RECORD.replace("文号: 测民〔2026〕1号\n", written).replace(BODY, "正文: |\n  #3 地块 见附件\n"))
    run = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    assert run.code == 0 and [d for d in json.loads(run.out)["diagnostics"] if d["code"] == "GK020"] == []


def test_an_attachment_path_cut_so_is_said_once(gk: Gk, cat: CatalogDir) -> None:
    cat.write("files/2026/名单 #2.pdf", "%PDF-1.4\n")
    cat.record(RECORD.replace("页数: 1\n", "页数: 1\n附件:\n  - 文件: files/2026/名单 #2.pdf\n"))
    codes = [d["code"] for d in json.loads(gk("validate", cat.root, "--format", "json", "--today", TODAY).out)
             ["diagnostics"] if d["line"] == 18]
    assert codes == ["GK607"]


# 4. A line of the 正文 indented less than the others (a space deleted in Notepad) -----------------------------------


@pytest.mark.parametrize(("body", "where", "hint", "mended"), [
    # the line above ends in a full-width colon: it was blamed, 「用了全角冒号「：」……请在英文输入法下输入冒号」
    ("正文: |\n  申请条件如下：\n 户籍在本县。\n", (19, 2), "这一行行首要有 2 个半角空格（现在是 1 个）",
     "正文: |\n  申请条件如下：\n  户籍在本县。\n"),
    ("正文: |\n  联系电话：0595-23000000\n\n 户籍在本县。\n  收入低于标准。\n", (20, 2), "这一行行首要有 2 个半角空格（现在是 1 个）",
     "正文: |\n  联系电话：0595-23000000\n\n  户籍在本县。\n  收入低于标准。\n"),
    # before: 「缩进不一致……同一层的键要左对齐，子项比上一层多缩进两个空格」
    ("正文: |\n    申请条件如下\n  户籍在本县。\n", (19, 3), "这一行行首要有 4 个半角空格（现在是 2 个）",
     "正文: |\n  申请条件如下\n  户籍在本县。\n"),
])
def test_a_body_line_indented_less_is_named_and_mended(gk: Gk, cat: CatalogDir, body: str, where: tuple[int, int],
                                                       hint: str, mended: str) -> None:
    path = cat.record(RECORD.replace(BODY, body))
    errors = _errors(gk, cat.root)
    assert [(line, column, code, message) for line, column, code, message, _ in errors] == \
        [(*where, "GK001", "多行文字的这一行比上面的文字缩进得少：YAML 读到这里认为文字已经结束")]
    assert errors[0][4] == f"{hint}，与上面的文字对齐；gongkai fmt 可自动改正。"
    run = gk("fmt", path)
    assert run.code == 0 and "多行文字中缩进少了的行与上面的文字对齐" in run.out, run.err
    assert path.read_text(encoding="utf-8").endswith(mended)
    assert _errors(gk, cat.root) == []


def test_a_key_indented_less_than_the_body_is_not_taken_into_it(gk: Gk, cat: CatalogDir) -> None:
    path = cat.record(RECORD.replace("页数: 1\n", "").replace(BODY, "正文: |\n    经审核，现将名单予以公示。\n  页数: 1\n"))
    assert [code for _, _, code, _, _ in _errors(gk, cat.root)] == ["GK001"]
    gk("fmt", path)
    assert "    页数: 1" not in path.read_text(encoding="utf-8")


# 5. A block of 「键: 值」 lines written as one value (「撤回: 否」, 「保密审查: 已审查」, 「附件: 名单.pdf」) ---------------------


@pytest.mark.parametrize(("old", "new", "where", "hint"), [
    ("页数: 1\n", "页数: 1\n撤回: 否\n", (17, 5),
     "「撤回」下面换行，缩进两个空格各写一行：「日期: ……」「原因: ……」；没有撤回的，删去「撤回」这一行。"),
    ("保密审查:\n  审查人: 张三\n  审查日期: 2026-09-01\n  结论: 不涉及国家秘密，同意主动公开\n", "保密审查: 已审查\n", (9, 7),
     "「保密审查」下面换行，缩进两个空格各写一行：「审查人: ……」「审查日期: ……」「结论: ……」。"),
    ("页数: 1\n", "页数: 1\n附件: 名单.pdf\n", (17, 5),
     "「附件」下面换行，每项以「- 」开头，缩进两个空格：「  - 文件: ……」。"),
    ("页数: 1\n", "页数: 1\n公开渠道: 3\n", (17, 7), "「公开渠道」下每项一行，以「- 」开头。"),  # no keys of its own
])
def test_a_block_written_as_one_value_says_its_keys(gk: Gk, cat: CatalogDir, old: str, new: str,
                                                    where: tuple[int, int], hint: str) -> None:
    """Before: 「「撤回」下面的内容要换行并缩进两个空格」 — the clerk who meant 「不撤回」 is not told what goes below."""
    cat.record(RECORD.replace(old, new))
    found = [(line, column, h) for line, column, code, _, h in _errors(gk, cat.root) if code == "GK103"]
    assert found == [(*where, hint)]


# 6. `new record -i`: a unit or item typed wrong is asked again, not refused after every answer ----------------------


def test_an_interactive_answer_typed_wrong_is_asked_again(gk: Gk, cat: CatalogDir,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: every question answered, then 「错误：事项「最低生活保障 审批」在目录中不存在……」, exit 2, nothing written:
    the clerk typed the title and the rest again."""
    import io

    answers = ["关于调整低保标准的通知", "通知", "社会救助", "shjzg", "最低生活保障 审批", "最低生活保障 审批信息", "依申请公开", ""]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(answers) + "\n"))
    run = gk("new", "record", "-C", cat.root, "-i", "--today", TODAY)
    assert run.code == 0, run.err
    assert "「责任单位」的写法不对：「社会救助」既不是单位的编号，也不是单位的名称" in run.err
    assert "事项「最低生活保障 审批」在目录中不存在" in run.err and run.err.count("请重新输入。") == 2
    text = (cat.root / "records/2026/R2026-002.yaml").read_text(encoding="utf-8")
    assert "题名: 关于调整低保标准的通知\n" in text and "事项: SHJZ-001\n" in text and "责任单位: shjzg\n" in text
