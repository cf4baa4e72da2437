"""Nineteenth hostile pass over the publishing gate's numbers (issue 11), as a clerk, a citizen and an inspector
would write them.

Found by this pass:
- A mobile number split after its first one or two digits by a mark or symbol that separates no list entries
  (1^3805951234, 13°805951234, 1˘3805951234, 13'805951234) passed validate: a group of one or two digits joined
  nothing across any punctuation. Now that rule holds only across the marks that stand between list entries, columns,
  the thousands of an amount or the terms of a sum (第1、2、3条, 1,320, 【1】, 1|2, 1500*12=18000, ¥12, 12%), and the
  ordinary forms stay words.
- A number split over two entries of a list — 公开内容 「…咨询林某1380595」 and 「1234」, or the 名称 of two 附件 —
  passed validate: each entry was scanned alone, while the page and the search index show them one under another.
  build-site's output scan then stopped on the search index and sent the clerk to `gongkai validate`, which said
  nothing. Now the entries of every list (and the same field of every entry) are read one under another as well,
  and validate names both entries: 「公开内容」第1项与第2项连起来. (Not fields that hold a code by their name —
  区划代码, 编号, 文号, 索引号: two 乡镇's 区划代码 350525101 and 350525102, one under the other, are no card number.)
- A number split over two fields the outputs show side by side — 题名 「关于林某1380595」 and 文号 「1234号」, shown
  「关于林某1380595 1234号 · 2026-09-03」 in every list; 一级事项 and 二级事项, shown 「… / …」 — passed validate, and
  build-site stopped on index.html and the item page with 「gongkai validate 会指出位置」 while validate said nothing.
  Now those fields (题名·文号, 责任者·文号; 一级/二级/三级事项) are read one after another as well:
  「题名」与「文号」连起来.
- 「见索引号2026-00001、2026-12号文件」 was a 15-digit 身份证号 (GK601): the old ID's area code was any six digits
  starting 1–8. Now it starts with a province's code (11–15, 21–23, 31–37 …), as an 18-digit one's must.
- The line validate shows under a finding of personal data printed the part of a number split over two lines or two
  entries as it stood (「电话1380595」 over 「1234」 in a 正文; 「林某身份证35052419850315」 over 「1236」): the first
  seven digits of a mobile, fourteen of an ID, in the CI log. Now that line shows every run of seven digits or more as
  stars (privacy.mask.mask_excerpt).
- `diff -f json` and `log -f json` (the CI template posts the diff as a PR comment) masked the JSON after encoding it:
  an ID split over two lines of a 正文 was 「35052419850315\\n1236」 there, a mobile with tabs between its groups
  「138\\t0595\\t1234」, and a number over two list entries two strings: none was found, all were printed whole
  (so were validate's json and sarif formats, had a message held such a value). Now every text is masked before it is
  encoded (privacy.mask.mask_data), list entries read one under another.
- `report scorecard` printed a unit's 名称 from gongkai.yaml as typed (「社会救助股林某13805951234」) in its table, and
  wrote it so into the HTML and the workbook: rich's table is no text the console masks. Now the card holds the
  names masked.
- `report annual` to the screen printed 「# 测试县民政局139059512342026年政府信息公开工作年度报告」: the 机关名称 glued to
  the year is fifteen digits, no number to the mask (the file was refused). Now the report holds the name masked.
"""

from __future__ import annotations

import json
import zipfile

import pytest

from conftest import AGENCY, ITEM, RECORD, git, text_pdf

# Values typed by hand: 13805951234 is a mobile (1[3-9] and eleven digits); 350524198503151236 is an ID whose
# GB 11643 check digit is 6 (Σ aᵢ·wᵢ = 281, mod 11 = 6 → 6).
MOBILE = "13805951234"
MASKED_MOBILE = "138****1234"


def _validate(gk, cat, body: str):
    cat.record(RECORD.replace("  经审核，现将名单予以公示。\n", "".join(f"  {line}\n" for line in body.split("\n"))))
    run = gk("validate", "-f", "json", "--no-cache", cat.root)
    return run, [d for d in run.json()["diagnostics"] if d["code"].startswith("GK6")]


@pytest.mark.parametrize("written", [
    "联系电话1^3805951234",
    "联系电话13°805951234",
    "联系电话1˘3805951234",
    "联系电话13'805951234",
    "联系电话1380595123¨4",
    "联系电话1※3805951234",
])
def test_short_first_or_last_group_across_a_symbol_is_still_the_number(gk, cat, written):
    run, found = _validate(gk, cat, written)
    assert run.code == 1
    assert [d["code"] for d in found] == ["GK602"]
    assert MASKED_MOBILE in found[0]["message"]
    assert MOBILE not in run.out


@pytest.mark.parametrize("written", [
    "第1、2、3条",
    "资金1,320元，其中1、3805条",
    "【1】3805名，【2】1234名",
    "见表1|2026年|第3季度",
    "1、2026年第3季度共发放12,345元",
    "每人每月1500*12=18000元",
    "补助标准12%，共3805951234分",
    # 2026 00001 2026 12 read as 202600001202612: a birth date 1900-12-02 after 「202600」, no province (20) — a 15-digit
    # 身份证号 starts with a province's code as an 18-digit one does
    "见索引号2026-00001、2026-12号文件",
])
def test_list_entries_and_amounts_stay_words(gk, cat, written):
    run, found = _validate(gk, cat, written)
    assert found == [], json.dumps(found, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------------- lists


def test_number_split_over_two_list_entries_of_an_item(gk, cat, tmp_path):
    cat.item(ITEM.replace("  - 低保对象名单及相关信息\n", "  - 低保对象名单及相关信息，咨询林某1380595\n  - 1234\n"))
    run = gk("validate", "--no-cache", cat.root)
    assert run.code == 1
    assert "7:5 错误 GK602 「公开内容」第1项与第2项连起来有未遮盖的手机号码「138****1234」" in run.out
    assert "7 |   - 低保对象名单及相关信息，咨询林某*******\n" in run.out
    assert "1380595" not in run.out
    built = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert built.code == 1
    assert ("事项 SHJZ-001（items/shjz/SHJZ-001.yaml 第7行第5列「公开内容」第1项与第2项连起来）：手机号码「138****1234」"
            in built.err)
    assert not (tmp_path / "site").exists()


def test_number_split_over_the_names_of_two_attachments(gk, cat, tmp_path):
    cat.write("files/2026/a.pdf", text_pdf("tongzhi"))
    cat.write("files/2026/b.pdf", text_pdf("mingdan"))
    cat.record(RECORD.replace("页数: 1\n", "页数: 1\n附件:\n  - 文件: files/2026/a.pdf\n    名称: 林某身份证35052419850315\n"
                              "  - 文件: files/2026/b.pdf\n    名称: 1236\n"))
    run = gk("validate", "--no-cache", cat.root)
    assert run.code == 1
    assert "「附件」第1项与第2项的「名称」连起来有未遮盖的身份证号「35*************236」" in run.out
    assert "名称: 林某身份证**************\n" in run.out
    assert "35052419850315" not in run.out
    built = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert "R2026-001 没有发布" in built.err
    page = tmp_path / "site" / "records" / "R2026-001.html"
    assert not page.exists()


def test_the_codes_of_two_townships_are_no_card_number(gk, cat):
    towns = ("  - 编号: csz\n    名称: 城关镇民政办\n    类型: 乡镇民政办\n    区划代码: \"350525101\"\n"
             "  - 编号: tcz\n    名称: 桃城镇民政办\n    类型: 乡镇民政办\n    区划代码: \"350525102\"\n")
    cat.write("gongkai.yaml", AGENCY.replace("移交:\n", towns + "移交:\n", 1))
    run = gk("validate", "-f", "json", "--no-cache", cat.root)
    assert [d for d in run.json()["diagnostics"] if d["code"].startswith("GK6")] == []


@pytest.mark.parametrize("entries", [
    "  - 《社会救助暂行办法》（国务院令第649号）\n  - 《福建省最低生活保障实施办法》（闽政〔2022〕12号）\n",
    "  - 2026年第1季度\n  - 2026年第2季度\n  - 12,345元\n",
    "  - 咨询电话0595-23000000\n  - 0595-23000001\n",
])
def test_ordinary_list_entries_stay_words(gk, cat, entries):
    cat.item(ITEM.replace("  - 低保对象名单及相关信息\n", entries))
    run = gk("validate", "-f", "json", "--no-cache", cat.root)
    assert [d for d in run.json()["diagnostics"] if d["code"].startswith("GK6")] == []


# ---------------------------------------------------------------------------------------------------- the log


@pytest.mark.parametrize(("body", "shown", "hidden"), [
    ("电话1380595\n1234", "18 |   电话*******\n", "1380595"),
    ("身份证号35052419850315\n1236", "18 |   身份证号**************\n", "35052419850315"),
    ("身份证号3505 2419 8503 15\n1236", "18 |   身份证号**** **** **** **\n", "2419 8503"),
])
def test_line_shown_under_a_finding_hides_the_part_of_a_split_number(gk, cat, body, shown, hidden):
    cat.record(RECORD.replace("  经审核，现将名单予以公示。\n", "".join(f"  {line}\n" for line in body.split("\n"))))
    run = gk("validate", "--no-cache", cat.root)
    assert run.code == 1
    assert shown in run.out
    assert hidden not in run.out


def test_line_shown_under_a_finding_keeps_short_numbers(gk, cat):
    # a 文号, a date and the masked value stay readable on the line of a finding: only runs of seven digits or more go
    cat.record(RECORD.replace("  经审核，现将名单予以公示。\n", "  依测民〔2026〕12号，2026年9月1日林某13805951234\n"))
    run = gk("validate", "--no-cache", cat.root)
    assert "18 |   依测民〔2026〕12号，2026年9月1日林某138****1234\n" in run.out


BODY_SPLIT = "  身份证号35052419850315\n  1236，电话138\t0595\t1234\n"
ITEM_SPLIT = "  - 低保对象名单及相关信息，咨询林某1390595\n  - 5678\n"


def _split_numbers(cat) -> None:
    cat.record(RECORD.replace("  经审核，现将名单予以公示。\n", BODY_SPLIT))
    cat.item(ITEM.replace("  - 低保对象名单及相关信息\n", ITEM_SPLIT))


@pytest.mark.parametrize("fmt", ["json", "text", "markdown"])
def test_diff_never_prints_a_split_number(gk, cat, repo, fmt):
    _split_numbers(cat)
    run = gk("diff", "-C", cat.root, "-f", fmt)
    assert run.code == 0
    for part in ("35052419850315", "0595\\t1234", "0595\t1234", "1390595"):
        assert part not in run.out
    if fmt == "json":
        assert "35*************236" in run.out and "138****1234" in run.out
        assert '"低保对象名单及相关信息，咨询林某*******"' in run.out


def test_log_json_never_prints_a_split_number(gk, cat, repo):
    _split_numbers(cat)
    git(repo, "commit", "-qam", "改正文")
    for object_id in ("R2026-001", "SHJZ-001"):
        run = gk("log", object_id, "-C", cat.root, "-f", "json")
        assert run.code == 0, run.err
        for part in ("35052419850315", "0595\\t1234", "1390595"):
            assert part not in run.out


# ---------------------------------------------------------------------------------------------------- reports


def test_scorecard_masks_a_number_in_a_unit_name(gk, cat, tmp_path):
    cat.write("gongkai.yaml", AGENCY.replace("    名称: 社会救助股\n", "    名称: 社会救助股林某13805951234\n"))
    run = gk("report", "scorecard", cat.root)
    assert "社会救助股林某138****1234" in run.out
    assert MOBILE not in run.out
    for fmt, name in (("html", "card.html"), ("xlsx", "card.xlsx")):
        gk("report", "scorecard", cat.root, "-f", fmt, "-o", tmp_path / name)
        data = (tmp_path / name).read_bytes()
        if fmt == "xlsx":
            with zipfile.ZipFile(tmp_path / name) as book:
                data = b"".join(book.read(member) for member in book.namelist())
        assert MOBILE.encode() not in data
        assert "138****1234".encode() in data


def test_annual_report_on_the_screen_masks_the_bureau_name_before_the_year_is_glued_to_it(gk, cat, tmp_path):
    cat.write("gongkai.yaml", AGENCY.replace("  名称: 测试县民政局\n", "  名称: 测试县民政局13905951234\n"))
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert "# 测试县民政局139****12342026年政府信息公开工作年度报告" in run.out
    assert "1390595" not in run.out + run.err
    # the file is refused, as before
    written = gk("report", "annual", cat.root, "--year", "2026", "-f", "html", "-o", tmp_path / "年报.html")
    assert written.code == 1
    assert not (tmp_path / "年报.html").exists()


def test_line_shown_under_another_rule_hides_the_part_of_a_number_going_on_below(gk, cat):
    cat.record(RECORD + "题名: 关于林某1380595\n  1234的通知\n")  # 题名 written twice: the file is not read (GK004)
    run = gk("validate", "--no-cache", cat.root)
    assert "GK004" in run.out
    assert "| 题名: 关于林某*******\n" in run.out
    assert "1380595" not in run.out


# ---------------------------------------------------------------------------------------------------- side by side


def test_number_split_over_title_and_document_number(gk, cat, tmp_path):
    cat.record(RECORD.replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 关于林某1380595")
               .replace("文号: 测民〔2026〕1号", "文号: 1234号"))
    run = gk("validate", "--no-cache", cat.root)
    assert run.code == 1
    assert "2:5 错误 GK602 「题名」与「文号」连起来有未遮盖的手机号码「138****1234」" in run.out
    assert "1380595" not in run.out
    built = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert "R2026-001 没有发布：「题名」与「文号」连起来：手机号码「138****1234」" in built.err
    assert not (tmp_path / "site" / "records" / "R2026-001.html").exists()


def test_number_split_over_the_levels_of_an_item(gk, cat):
    cat.item(ITEM.replace("一级事项: 最低生活保障\n二级事项: 审批信息\n",
                          "一级事项: 最低生活保障（咨询林某350524198503\n二级事项: 151236）\n"))
    run = gk("validate", "--no-cache", cat.root)
    assert run.code == 1
    assert "「一级事项」与「二级事项」连起来有未遮盖的身份证号「35*************236」" in run.out
    assert "350524198503" not in run.out


@pytest.mark.parametrize(("title", "number"), [
    ("关于下达2026年第二批资金的通知", "安财〔2026〕138号"),
    ("关于2026年第1380595", "测民〔2026〕1号"),  # (digits at the end of a title, a 文号 that starts with words)
    ("2026年第3季度低保名单", "2026-12号"),
    ("关于公布低保名单（2026-00012）", "2026-12号"),  # (read as 202600012202612: no 15-digit ID, no province 20)
])
def test_ordinary_title_and_document_number_stay_words(gk, cat, title, number):
    cat.record(RECORD.replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", f"题名: {title}")
               .replace("文号: 测民〔2026〕1号", f"文号: {number}"))
    run = gk("validate", "-f", "json", "--no-cache", cat.root)
    assert [d for d in run.json()["diagnostics"] if d["code"].startswith("GK6")] == []
