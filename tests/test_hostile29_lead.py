"""Hostile pass, round 29 (lead): a refusal sends the clerk to the line.

The house rule is that every error names the file, line and column. Found and fixed:

1. A number in gongkai.yaml (机关名称) or in a public item stopped `print`, `wechat`, `export xlsx|csv`,
   `export portal` and `build-site`, naming only the field (「gongkai.yaml 「机关」「名称」」, 「事项 SHJZ-001 「备注」」):
   the clerk searched a file of a hundred lines. Each now names the file, line and column as validate does
   (「gongkai.yaml 第2行第7列「机关」「名称」」, 「事项 SHJZ-001（items/shjz/SHJZ-001.yaml 第17行第5列「备注」）」).
2. `report annual` refused a number in annual/<year>.yaml's 总体情况 naming only the field; now its line too.
3. A number in a field written as a literal block (总体情况: |, 备注: |, a list entry written - |) was placed by
   validate (and the refusals) at the block's first line, 「4:7」 for a number on line 13: only 正文 was followed into
   its block. Now every field's finding is placed at the line it is on.
4. A person's landline written in prose after what says whose it is (陈水生家庭电话0595-23456789, 宅电：2345678,
   本人电话（0595）2345 6789, 家庭電話, full-width digits) went out: a landline was personal data only in the phone
   column of a list of people. Now a landline right after 家庭电话 / 住宅电话 / 家里电话 / 私人电话 / 个人电话 / 本人电话 /
   户主电话 / 宅电 (and their 联系电话, 号码 forms) is GK602 「电话号码」, masked 0595****6789 (***5678 without the area
   code), and the build holds the record back; an office's landline (监督电话0595-23222516) stays published.
5. A staff list (names with 职务) with a 家庭电话 / 住宅电话 column went out, and `gongkai mask` left it: a list with
   职务 was taken for an office's, all its phones published on purpose. A column headed so is each person's own
   phone in any table naming people: found (validate, the gate) and masked by `gongkai mask`; the 办公电话 beside it
   stays.
6. 「移交日: [5, 5]」 (a slip for [5, 20]) passed validate: one batch a month where the settings meant two, and GK513
   never missed the second. Now GK103 at the line: 「「移交日」5日写了不止一次」, with how to write it.
7. GK716 said 「答复期限 2027-01-18（暂定） 是暂定的」: now 「答复期限暂定为 2027-01-18」.
8. GK806 told a holiday typed a day late (国庆节 to 10-08) at its 开始 line: the clerk checked the right date. Now the
   days a holiday takes too many at its end are told at 结束, those at its start at 开始 (both, when both are wrong).
9. A 空白说明 of 「空缺」 / 「暂缺」 / 「未填写」 / 「无内容」 / 「无此项」 was taken for an explanation: the column passed GK902
   and inspect, where an inspector reads it as blank. Now they are placeholders, as 「无」 and 「暂无」 were; GK902 on
   any placeholder (「无」 too) points at the 空白说明 line and says 「空白说明「无」没有说明原因」 instead of 「也没有空白说明」
   at the 编号 line (the clerk saw a note there).
10. `gongkai mask` could only list an ID written one digit to a cell (a 申请表's boxes), exit 1, 「无法改写」: the clerk
    had to blank eighteen cells by hand. Now it masks them in place, as the masking format says (35*************233:
    a 「*」 in each box of the middle, the first two and last three kept) — CSV, XLSX (a title row above) and Markdown
    tables — and a mobile in eleven boxes after 联系电话; the rewritten file passes validate as an attachment.
11. A student's 学籍号 (G and the ID) with a mistyped check digit went out in a 受助学生 list: only 身份证 / 证件号 named
    eighteen characters an ID whatever their check. 学籍号 now does too (GK601), in prose and as a column's header.
12. build-site listed for the portal copy only the record pages, attachments and index files it took down: the page
    of an item taken out of the directory, and a column's page emptied when its only record turned 依申请公开 (which
    still listed that record's title), stayed on the portal. Now every file the build removed is listed.
13. The site copied an attachment again only when its stat signature changed: a list masked in place to the same size
    within the tick of the last build (a FAT stick's two seconds, a share's coarse clock) kept its unmasked copy on
    the web while the gate passed the masked file. The copy now depends on the content hash the gate's scan uses.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import AGENCY, ITEM, RECORD, CatalogDir

MOBILE = "13805951234"
NAME_AT = "gongkai.yaml 第2行第7列「机关」「名称」：手机号码「138****1234」"  # 「  名称: 」: six characters before


@pytest.fixture
def named(cat: CatalogDir) -> CatalogDir:
    cat.write("gongkai.yaml", AGENCY.replace("  名称: 测试县民政局\n", f"  名称: 测试县民政局{MOBILE}\n"))
    return cat


@pytest.mark.parametrize("command", [
    ("print", "--from", "2026-09-01", "--to", "2026-09-30", "-o", "{out}"),
    ("wechat", "--from", "2026-09-01", "--to", "2026-09-30", "-o", "{out}"),
    ("export", "xlsx", "-o", "{out}/directory.xlsx", "-C", "{root}"),
    ("export", "csv", "-o", "{out}/directory.csv", "-C", "{root}"),
    ("build-site", "{root}", "--out", "{out}"),
    ("export", "portal", "--today", "2026-09-30", "-o", "{out}", "{root}"),
])
def test_a_number_in_gongkai_yaml_is_refused_at_its_line_and_column(gk, named, tmp_path, command):
    out = tmp_path / "out"
    args = [a.format(out=out, root=named.root) for a in command]
    if command[0] in ("print", "wechat"):
        args.append(str(named.root))
    run = gk(*args)
    assert run.code == 1, run.err
    assert NAME_AT in run.err
    assert MOBILE not in run.err + run.out
    assert not out.exists() or not any(out.rglob("*.*"))


def test_a_number_in_an_item_is_refused_at_the_items_file_line_and_column(gk, cat, tmp_path):
    cat.item(ITEM + "备注: 联系王五 13912345678\n")
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 1
    assert "事项 SHJZ-001（items/shjz/SHJZ-001.yaml 第17行第5列「备注」）：手机号码「139****5678」" in run.err


def test_a_number_in_a_literal_block_of_an_item_is_placed_at_its_line(gk, cat, tmp_path):
    # line 17 「备注: |」, 18 the first line of the note, 19 the number
    cat.item(ITEM + "备注: |\n  本事项由社会救助股负责。\n  联系王五 13912345678\n")
    run = gk("validate", "--no-cache", cat.root)
    assert run.code == 1
    assert "19:1 错误 GK602 「备注」有未遮盖的手机号码「139****5678」" in run.out
    built = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert "事项 SHJZ-001（items/shjz/SHJZ-001.yaml 第19行第1列「备注」）：手机号码「139****5678」" in built.err


def test_a_number_in_a_list_entry_written_as_a_block_is_placed_at_its_line(gk, cat):
    # line 7 「  - |」, 8 the content's first line, 9 the number
    cat.item(ITEM.replace("  - 低保对象名单及相关信息\n", "  - |\n    低保对象名单及相关信息\n    咨询王五 13912345678\n"))
    run = gk("validate", "--no-cache", cat.root)
    assert run.code == 1
    assert "9:1 错误 GK602 「公开内容」第1项有未遮盖的手机号码「139****5678」" in run.out


def test_a_number_in_the_annual_reports_text_is_placed_at_its_line(gk, bundled, tmp_path):
    annual = bundled / "annual" / "2026.yaml"
    text = annual.read_text(encoding="utf-8")
    assert text.splitlines()[12] == "  （三）政府信息管理。建立公开信息登记台账，实行一事一档。"  # line 13 of the file
    annual.write_text(text.replace("（三）政府信息管理。", f"（三）政府信息管理。联系陈金水{MOBILE}。"), encoding="utf-8")
    run = gk("validate", "--no-cache", bundled)
    assert "13:1 错误 GK602 「总体情况」有未遮盖的手机号码「138****1234」" in run.out
    report = gk("report", "annual", "--year", "2026", "-o", tmp_path / "annual.md", bundled)
    assert report.code == 1
    assert "annual/2026.yaml 第13行第1列「总体情况」：手机号码「138****1234」" in report.err
    assert not (tmp_path / "annual.md").exists()
    assert MOBILE not in report.err + report.out


def test_a_body_in_a_literal_block_is_still_placed_at_its_line(gk, cat):
    # the record's 正文: | is line 17, its first line 18 (the rule followed 正文 into its block before: unchanged)
    cat.record((Path(cat.root) / "records/2026/R2026-001.yaml").read_text(encoding="utf-8")
               + "  联系电话13912345678。\n")
    run = gk("validate", "--no-cache", cat.root)
    assert "19:1 错误 GK602 正文第2行有未遮盖的手机号码「139****5678」" in run.out


# ---------------------------------------------------------------------------------------------------- home phones


def _record(body: str) -> str:
    return RECORD.replace("  经审核，现将名单予以公示。\n", "".join(f"  {line}\n" for line in body.splitlines()))


@pytest.mark.parametrize(("body", "masked"), [
    ("经核实，陈水生家庭电话0595-23456789，住经兜村。", "0595****6789"),
    ("申请人林阿妹，宅电：2345678。", "***5678"),
    ("本人电话（0595）2345 6789。", "0595****6789"),
    ("家庭联系电话：０５９５－２３４５６７８９。", "0595****6789"),  # full-width
    ("住宅电话号码 010-65121231。", "010****1231"),
    ("家庭電話 0595 23456789。", "0595****6789"),  # traditional characters
    ("申请人林阿妹，家庭电话&#50;345678。", "***5678"),  # a character reference the page shows as 「2」
])
def test_a_landline_named_a_persons_own_is_a_persons_phone(gk, cat, tmp_path, body: str, masked: str) -> None:
    cat.record(_record(body))
    run = gk("validate", "--no-cache", cat.root, "--today", "2026-11-27")
    assert run.code == 1, run.out
    assert f"18:1 错误 GK602 正文第1行有未遮盖的电话号码「{masked}」" in run.out
    digits = "".join(c for c in body if c.isdigit())
    assert digits[-4:] not in run.out.replace(masked, "")  # (the masked value is the only place its last four show)
    built = gk("build-site", cat.root, "--out", tmp_path / "site", "--today", "2026-11-27")
    assert built.code == 0
    assert "R2026-001" in built.err + built.out  # held back, named
    assert not list((tmp_path / "site").rglob("R2026-001*"))


@pytest.mark.parametrize("body", [
    "监督电话：0595-23222516。",  # an office's
    "咨询电话0595-23000000，办公时间工作日。",
    "个人电话号码不得公开。",  # no number
    "家庭电话0595****6789。",  # masked
    "家庭人口3人，电话费补贴2345678元。",  # no label before the digits: an amount
])
def test_what_is_no_persons_landline(gk, cat, body: str) -> None:
    cat.record(_record(body))
    run = gk("validate", "--no-cache", cat.root, "--today", "2026-11-27")
    assert "GK602" not in run.out, run.out


STAFF = "| 序号 | 姓名 | 职务 | 办公电话 | 家庭电话 |\n|---|---|---|---|---|\n| 1 | 陈明 | 股长 | 0595-23000000 | 0595-23456789 |"


def test_a_staff_lists_home_phone_column_is_personal(gk, cat) -> None:
    cat.record(_record(STAFF))
    run = gk("validate", "--no-cache", cat.root, "--today", "2026-11-27")
    assert run.code == 1
    assert "电话号码「0595****6789」" in run.out
    assert "0595****0000" not in run.out  # the office's phone beside it is no finding


def test_mask_masks_a_staff_lists_home_phone_column(gk, tmp_path) -> None:
    csv_file = tmp_path / "staff.csv"
    csv_file.write_text("序号,姓名,职务,办公电话,住宅电话\n1,陈明,股长,0595-23000000,2345678\n", encoding="utf-8")
    markdown = tmp_path / "staff.md"
    markdown.write_text(STAFF + "\n", encoding="utf-8")
    for path in (csv_file, markdown):
        assert gk("mask", path).code == 0
    assert csv_file.read_text("utf-8") == "序号,姓名,职务,办公电话,住宅电话\n1,陈明,股长,0595-23000000,***5678\n"
    assert markdown.read_text("utf-8") == STAFF.replace("| 0595-23456789 |", "| 0595****6789 |") + "\n"


def test_a_staff_lists_home_phone_column_in_a_csv_attachment(gk, cat) -> None:
    cat.write("files/staff.csv", "序号,姓名,职务,办公电话,住宅电话\n1,陈明,股长,0595-23000000,(0595)2345 6789\n".encode())
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/staff.csv\n    名称: 工作人员名单\n正文: |"))
    run = gk("validate", "--no-cache", cat.root, "--today", "2026-11-27")
    assert run.code == 1 and "电话号码「0595****6789」" in run.out, run.out
    assert "23456789" not in run.out


@pytest.mark.parametrize("days", ["[5, 5]", "[20, 5, 20]"])
def test_a_handover_day_written_twice_is_an_error(gk, cat, days: str) -> None:
    cat.write("gongkai.yaml", AGENCY.replace("  移交日: [5, 20]\n", f"  移交日: {days}\n"))
    run = gk("validate", "--no-cache", cat.root)
    assert run.code == 1
    twice = "5" if days == "[5, 5]" else "20"
    assert f"22:3 错误 GK103 「移交日」{twice}日写了不止一次：每月的移交日各写一次" in run.out


def test_three_different_handover_days_are_fine(gk, cat) -> None:
    cat.write("gongkai.yaml", AGENCY.replace("  移交日: [5, 20]\n", "  移交日: [5, 15, 25]\n"))
    assert gk("validate", "--no-cache", cat.root, "--today", "2026-09-30").code == 0


def test_a_holiday_wrong_at_both_ends_is_told_at_each(gk, cat) -> None:
    from tests.test_hostile18_calendar_validate import OFFICIAL_2026
    cat.write("calendar/2026.yaml", OFFICIAL_2026.replace(
        "    开始: 2026-10-01\n    结束: 2026-10-07", "    开始: 2026-09-30\n    结束: 2026-10-08"))
    run = gk("validate", "--no-cache", cat.root, "--today", "2026-11-27", "--format", "json")
    found = [(d["line"], d["column"], d["field"], d["message"].split("不同：")[1][:10])
             for d in run.json()["diagnostics"] if d["code"] == "GK806"]
    # 2026-09-30 (Wed) and 2026-10-08 (Thu) are working days by the notice; 国庆节 is lines 23–25 of the file
    assert sorted(found) == [(24, 9, "放假.6.开始", "2026-09-30"), (25, 9, "放假.6.结束", "2026-10-08")]


@pytest.mark.parametrize("note", ["空缺", "暂缺", "未填写", "无内容", "无此项", "（空缺）", "无", "—"])
def test_a_placeholder_note_leaves_the_column_blank(gk, cat, note: str) -> None:
    from tests.test_hostile17_column_inspect import _diagnostics, _noted
    _noted(cat, note)
    found = [d for d in _diagnostics(gk, cat.root) if d["code"] == "GK902"]
    # (at the note, line 17 「空白说明: 空缺」, asking for it to be rewritten: it is there, it says nothing)
    assert [(d["path"], d["line"], d["column"]) for d in found] == [("items/shjz/SHJZ-001.yaml", 17, 7)]
    assert f"空白说明「{note}」没有说明原因" in found[0]["message"]
    assert found[0]["hint"].startswith("把「空白说明」改写成说明原因的话")


def test_a_note_that_says_why_explains_the_blank_column(gk, cat) -> None:
    from tests.test_hostile17_column_inspect import _diagnostics, _noted
    _noted(cat, "本机关本年度未产生此类信息，岗位空缺期间由办公室代管。")
    assert [d for d in _diagnostics(gk, cat.root) if d["code"] == "GK902"] == []


BOXED = "350524198001011233"  # its check digit worked by hand in the test below


def test_mask_masks_numbers_written_one_digit_to_a_cell(gk, cat, tmp_path) -> None:
    """350524198001011233: 3·7+5·9+0·10+5·5+2·8+4·4+1·2+9·1+8·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 21+45+0+25+16+16+2
    +9+48+0+0+9+0+5+8+8+6 = 218; 218 mod 11 = 9 → check digit 3 (1 0 X 9 8 7 6 5 4 3 2: index 9 is 3)."""
    csv_file = tmp_path / "form.csv"
    csv_file.write_text("序号,姓名," + ",".join(["公民身份号码"] * 18) + "\n1,陈水生," + ",".join(BOXED) + "\n",
                        encoding="utf-8")
    markdown = tmp_path / "form.md"
    markdown.write_text("| 姓名 | 联系电话 |" + " |" * 10 + "\n|" + "---|" * 12 + "\n| 陈水生 | " + " | ".join("13805951234")
                        + " |\n", encoding="utf-8")
    for path in (csv_file, markdown):
        assert gk("mask", path).code == 0
    assert csv_file.read_text("utf-8").splitlines()[1] == "1,陈水生,3,5," + ",".join("*" * 13) + ",2,3,3"
    assert markdown.read_text("utf-8").splitlines()[2] == "| 陈水生 | 1 | 3 | 8 | * | * | * | * | 1 | 2 | 3 | 4 |"
    # the rewritten list passes the gate as an attachment
    cat.write("files/form.csv", csv_file.read_bytes())
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/form.csv\n    名称: 申请表\n正文: |"))
    assert "GK601" not in gk("validate", "--no-cache", cat.root, "--today", "2026-11-27").out


def test_mask_leaves_a_row_of_counts(gk, tmp_path) -> None:
    counts = tmp_path / "counts.csv"
    text = "月份," + ",".join(f"{n}月" for n in range(1, 13)) + "\n新增户数," + ",".join("352419800101") + "\n"
    counts.write_text(text, encoding="utf-8")
    run = gk("mask", counts)
    assert run.code == 0 and "没有发现" in run.out
    assert counts.read_text("utf-8") == text


def test_a_student_number_is_the_students_id(gk, cat) -> None:
    # 35052420080101123 has check digit 1 (the sum 3·7+5·9+…+3·2 = 187 = 11·17, mod 11 = 0 → 「1」): typed 0 here
    cat.record(_record("受助学生：陈小明，全国学籍号G350524200801011230。"))
    run = gk("validate", "--no-cache", cat.root, "--today", "2026-11-27")
    assert "GK601 正文第1行有未遮盖的身份证号「35*************230」" in run.out, run.out


def test_every_file_taken_down_is_listed_for_the_portal_copy(gk, bundled, tmp_path) -> None:
    site = tmp_path / "site"
    assert gk("build-site", bundled, "--out", site, "--no-search", "--today", "2026-12-07").code == 0
    (bundled / "items/qhdm/QHDM-002.yaml").unlink()  # an item taken out of the directory (and the one record under it)
    (bundled / "records/2026/R2026-013.yaml").unlink()
    run = gk("build-site", bundled, "--out", site, "--no-search", "--today", "2026-12-07")
    assert run.code == 0
    assert "已从网站撤下 1 个文件（撤回、公示期满、改了编号、渠道改变、公开日期删去或改晚、不再通过公开审核，或事项、乡镇从目录中删去；" in run.out
    assert "\n  items/QHDM-002.html\n" in run.out
    assert not (site / "items/QHDM-002.html").exists()


def test_an_attachment_rewritten_within_the_builds_tick_is_copied_again(cat, tmp_path, monkeypatch) -> None:
    import os

    from gongkai.site import attachments, build_site

    cat.write("files/list.csv", "姓名,金额\n陈水生,500\n".encode())
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/list.csv\n    名称: 名单\n正文: |"))
    site = tmp_path / "site"
    build_site(cat.root, site, dt.date(2026, 11, 27), search=False)
    assert (site / "files/list.csv").read_text("utf-8") == "姓名,金额\n陈水生,500\n"
    frozen = os.lstat(cat.root / "files/list.csv")  # a file system whose stamps do not tell the rewrite apart
    real = os.lstat
    monkeypatch.setattr(attachments.os, "lstat", lambda p: frozen if str(p).endswith("list.csv") else real(p))
    (cat.root / "files/list.csv").write_text("姓名,金额\n陈水生,600\n", encoding="utf-8")  # same size
    build_site(cat.root, site, dt.date(2026, 11, 27), search=False)
    assert (site / "files/list.csv").read_text("utf-8") == "姓名,金额\n陈水生,600\n"


LINES = ["| a | b |", "|---|---|", "|-|-|", "a | b", "", "text 1", "    | a | b |", "```", "> | a | b |", "---", "| 1 |",
         "|:--|--:|", "- | x |", "| a | b", "a|b|c", "  |---|", "# h", "1. | a |", "~~~", "\t| a | b |", "| - |", "|   |"]


def test_the_quick_reading_of_body_tables_finds_what_the_sites_parser_finds(monkeypatch) -> None:
    """extract._table_lines skips the Markdown parser when the tables written with their pipes are all there is; on
    8,000 bodies built from the lines tables go wrong on (code, fences, quotes, short rules, bare rows, rows without
    pipes), its answer is the parser's."""
    import random

    from gongkai.privacy import extract

    rng = random.Random(29)
    bodies = ["\n".join(rng.choice(LINES) for _ in range(rng.randint(1, 9))) for _ in range(8000)]
    quick = []
    for body in bodies:
        extract._table_lines.cache_clear()
        quick.append(extract._table_lines(body))
    monkeypatch.setattr(extract, "_plain", lambda lines, tables: False)
    for body, found in zip(bodies, quick):
        extract._table_lines.cache_clear()
        assert extract._table_lines(body) == found, body
    extract._table_lines.cache_clear()


def test_a_place_that_cannot_be_found_is_named_as_far_as_it_can(cat) -> None:
    """placed() with no file to look in gives the field alone; with a file it cannot read, the file and the field."""
    from gongkai.catalog import load_catalog
    from gongkai.privacy.findings import PrivacyFinding
    from gongkai.privacy.sources import placed

    catalog = load_catalog(cat.root)
    finding = PrivacyFinding("", "mobile", "「备注」", "138****1234", ("备注",))
    assert placed(catalog, finding, object_id="SHJZ-999") == "「备注」"
    assert placed(catalog, finding, path="items/shjz/SHJZ-999.yaml") == "items/shjz/SHJZ-999.yaml 「备注」"
