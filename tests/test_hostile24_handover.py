"""Twenty-fourth hostile pass over the handover to the 两馆 (issue 3; DOMAIN.md §6): the archivist who receives the
bags and the clerk whose hand-over goes wrong. The real CLI in-process on small catalogs in tmp dirs; every expected
word and date typed by hand (2026 notice: 10/1–10/7 off, 10/10 a working Saturday; 10-05 moves to 10-08).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from gongkai.cli import main
from test_handover import add
from tests.conftest import AGENCY, ITEM, RECORD, TODAY, CatalogDir

INDEX_2 = "350524-MZ-2026-00002"


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalog whose 2026-09-20 batch (R2026-001, R2026-002) was delivered that day. Read only: copy to change."""
    base = tmp_path_factory.mktemp("sent")
    cat = CatalogDir(base / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.record(RECORD)
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    add(cat, 2, "2026-09-15", formed="2026-09-10")
    saved = os.environ.get("GONGKAI_TODAY")
    os.environ["GONGKAI_TODAY"] = TODAY
    try:
        assert main(["handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", str(cat.root),
                     "--out", str(base / "out")]) == 0
    finally:
        if saved is None:
            os.environ.pop("GONGKAI_TODAY")
        else:
            os.environ["GONGKAI_TODAY"] = saved
    return cat.root


def copy_of(catalog: Path, tmp_path: Path) -> CatalogDir:
    target = tmp_path / "catalog"
    shutil.copytree(catalog, target)
    return CatalogDir(target)


# 1. A record renamed after it was handed over (R2026-002 → R2026-012: the clerk renumbers her files, the 索引号 and the
# PDF unchanged) was sent to the 两馆 a second time by the next batch as a new record — the same 索引号 twice in their
# holdings, the period pulled back to 9月15日, and not a word. Now the batch stops (GK509 at the record, saying how
# to mend), nothing is written, and validate says the same, and GK508 names the record now holding the number.
def test_a_record_renamed_after_handover_is_not_sent_twice(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    old = cat.root / "records/2026/R2026-002.yaml"
    cat.record(old.read_text("utf-8").replace("编号: R2026-002", "编号: R2026-012"), "records/2026/R2026-012.yaml")
    old.unlink()
    out = tmp_path / "o"
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", out)
    assert run.code == 1
    said = run.out + run.err
    assert ("records/2026/R2026-012.yaml" in said and "1:5 错误 GK509 信息 R2026-012 的索引号 350524-MZ-2026-00002 "
            "已在 2026-09-20 的批次中随信息 R2026-002 送交两馆，再送就是同一份文件送了两次" in said)
    assert "改正：R2026-012 是 R2026-002 改了编号的：把编号（和信息文件名）改回 R2026-002" in said
    assert not out.exists()
    assert sorted(p.name for p in (cat.root / "handover").iterdir()) == ["2026-09-20.yaml"]
    run = gk("validate", cat.root, "--today", "2026-10-08")
    assert run.code == 1
    assert "错误 GK509 信息 R2026-012 的索引号 350524-MZ-2026-00002 已在 2026-09-20 的批次中随信息 R2026-002 送交两馆" in run.out
    assert ("错误 GK508 台账列出的信息 R2026-002 不存在（它送交时的索引号 350524-MZ-2026-00002 现在是信息 R2026-012 的）"
            in run.out)
    # renamed back, the next batch is empty: nothing is sent twice
    cat.record((cat.root / "records/2026/R2026-012.yaml").read_text("utf-8").replace("R2026-012", "R2026-002"),
               "records/2026/R2026-002.yaml")
    (cat.root / "records/2026/R2026-012.yaml").unlink()
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", out)
    assert run.code == 0, run.out + run.err
    assert "0 件信息，本期无主动公开政府信息" in run.out


# 1b. A second record given the 索引号 of one the 两馆 hold (a copy of a file, its number left as it was) is not sent
# under that number either: the hint says to give it its own.
def test_a_new_record_under_a_number_the_archives_hold_stops_the_batch(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    add(cat, 4, "2026-09-30", formed="2026-09-29")
    path = cat.root / "records/2026/R2026-004.yaml"
    path.write_text(path.read_text("utf-8").replace("350524-MZ-2026-00004", INDEX_2), "utf-8")
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", tmp_path / "o")
    assert run.code == 1
    assert "信息 R2026-004 的索引号 350524-MZ-2026-00002 已在 2026-09-20 的批次中随信息 R2026-002 送交两馆" in run.err
    assert "改正：两条信息不能用同一个索引号：给 R2026-004 填写它自己的索引号。" in run.err


def file_list(bag: Path) -> list[list[str]]:
    """The 电子文件清单 of a bag's printed 目录表 (the first copy), read as an archivist reads it: cell by cell."""
    html = (bag / "data/manifest.html").read_text("utf-8")
    if "<h2>电子文件清单</h2>" not in html:
        return []
    table = html.split("<h2>电子文件清单</h2>", 1)[1].split("</table>", 1)[0]
    rows = [row.split("</tr>", 1)[0] for row in table.split("<tr>")[2:]]
    return [[cell.split(">", 1)[1] for cell in row.split("</td>")[:-1]] for row in rows]


# 2. The archivist reads the 目录表 and cannot check a file: it named each file but gave neither its size nor its
# checksum (those were only in the bag's English manifest-sha256.txt), and a file replaced after sending (更换) comes
# again under the same name — R2026-001.pdf from 9月20日 and R2026-001.pdf from 10月8日, with nothing on paper to tell
# which version a 馆 holds. Now the printed 目录表 and the workbook list every file the 馆 receives, with its size in
# bytes and its SHA-256; checked here against the bytes in the bag with hashlib and the bag with the bagit library,
# not with gongkai's code. The 图书馆's list leaves out the 公示 list it does not receive.
def test_the_manifest_lists_every_file_with_its_size_and_checksum(gk, sent, tmp_path):
    import hashlib

    import bagit
    from openpyxl import load_workbook

    cat = copy_of(sent, tmp_path)
    first = tmp_path / "first"
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-10-08", "-C", cat.root, "--out", first).code == 0
    pdf = cat.root / "files/2026/R2026-001.pdf"
    old = pdf.read_bytes()
    pdf.write_bytes(old + b"%% corrected 2026-10-06\n")
    later = tmp_path / "later"
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", later)
    assert run.code == 0, run.out + run.err
    for out in (first, later):
        for name in ("dag", "tsg"):
            bagit.Bag(str(out / name)).validate()  # the standard's own check
    listed = file_list(first / "dag")
    assert [row[:4] for row in listed] == [["1", "350524-MZ-2026-00001", "R2026-001.pdf", "PDF"],
                                           ["2", INDEX_2, "R2026-002.pdf", "PDF"]]
    for row in listed:
        data = (first / "dag/data/files" / row[2].removesuffix(".pdf") / row[2]).read_bytes()
        assert row[4] == str(len(data)) and row[5] == hashlib.sha256(data).hexdigest()
    assert listed[0][5] == hashlib.sha256(old).hexdigest()
    (replaced,) = file_list(later / "dag")
    assert replaced[:3] == ["1", "350524-MZ-2026-00001", "R2026-001.pdf"]
    assert replaced[4] == str(len(old) + 24) and replaced[5] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert replaced[5] != listed[0][5]  # the two versions of one name told apart on paper
    assert file_list(first / "tsg") == [] and file_list(later / "tsg") == []  # lists of people: not the library's
    book = load_workbook(first / "dag/data/manifest.xlsx")
    assert book.sheetnames == ["送交信息目录表", "电子文件清单"]
    cells = [[c.value for c in row] for row in book["电子文件清单"].iter_rows(min_row=2)]
    assert cells == [["序号", "索引号", "电子文件名称", "电子文件格式", "大小（字节）", "SHA-256 校验值"], *listed]
    assert gk("handover", "verify", later, "-C", cat.root).code == 0


# 3. A record corrected after it was handed over (更正) in its registration only — the clerk fixes the 题名, the 文号 and
# the 页数 in YAML, the PDF untouched: validate said nothing, and the batch made again from its ledger printed the new
# words, a 目录表 the 两馆 never signed (the ledger kept only the 索引号). Now the ledger keeps the 题名, 文号 and 页数 of
# the row as delivered; the batch made again is byte for byte the one delivered; GK510 names each field at its line.
def test_a_registration_corrected_after_handover_keeps_the_signed_manifest_and_says_so(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    ledger = (cat.root / "handover/2026-09-20.yaml").read_text("utf-8")
    assert ("  - 编号: R2026-002\n    索引号: \"350524-MZ-2026-00002\"\n"
            "    题名: \"测试县民政局关于2026年第三季度低保对象名单的公示\"\n    文号: \"测民〔2026〕2号\"\n    页数: 2\n") in ledger
    delivered = tmp_path / "delivered"
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-10-07", "-C", cat.root, "--out", delivered).code == 0
    path = cat.root / "records/2026/R2026-002.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("低保对象名单的公示\n", "低保对象名单的公示（更正）\n").replace("测民〔2026〕2号", "测民〔2026〕20号")
                    .replace("页数: 2", "页数: 3"), "utf-8")
    run = gk("validate", cat.root, "--today", "2026-10-07")
    assert run.code == 0  # warnings
    assert ("警告 GK510 信息 R2026-002 在 2026-09-20 的批次中以题名「测试县民政局关于2026年第三季度低保对象名单的公示」送交两馆，"
            "现在的已不同：两馆的目录表登记的是送交时的题名") in run.out
    assert ("警告 GK510 信息 R2026-002 在 2026-09-20 的批次中以文号「测民〔2026〕2号」送交两馆，现在是「测民〔2026〕20号」"
            in run.out)
    assert "警告 GK510 信息 R2026-002 在 2026-09-20 的批次中以页数「2」送交两馆，现在是「3」" in run.out
    assert "改正：送交的文件没有更正的，把这一栏改回送交时的样子" in run.out
    again = tmp_path / "again"
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-10-07", "-C", cat.root, "--out", again)
    assert run.code == 0, run.out + run.err
    assert "目录表按台账中的题名重新生成" in run.err
    for name in ("manifest.csv", "manifest.html", "manifest.xlsx"):
        assert (again / "dag/data" / name).read_bytes() == (delivered / "dag/data" / name).read_bytes(), name
    assert "测民〔2026〕2号,测试县民政局,2026-09-10,2026-09-15,2,2," in (again / "dag/data/manifest.csv").read_text("utf-8-sig")


# 3b. … and a 公示 whose title names the household (关于王小明等3户…) is in every output with the name masked (王*明), the
# 目录表 and so the ledger too: the ledger never holds the name, and validate does not take the masked title for a
# correction (it said GK510 on every run, quoting the name whole in the CI log).
def test_a_title_shown_masked_is_kept_masked_and_is_no_correction(gk, tmp_path):
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    path = cat.root / "records/2026/R2026-001.yaml"
    path.write_text(path.read_text("utf-8").replace("关于2026年第三季度低保对象名单的公示", "关于王小明等3户低保对象的公示"), "utf-8")
    out = tmp_path / "o"
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", cat.root, "--out", out).code == 0
    ledger = (cat.root / "handover/2026-09-20.yaml").read_text("utf-8")
    assert '    题名: "测试县民政局关于王*明等3户低保对象的公示"\n' in ledger and "王小明" not in ledger
    run = gk("validate", cat.root, "--today", "2026-09-21")
    assert "GK510" not in run.out and "王小明" not in run.out
    path.write_text(path.read_text("utf-8").replace("低保对象的公示", "低保对象的公示（更正）"), "utf-8")
    run = gk("validate", cat.root, "--today", "2026-09-21")
    assert ("GK510 信息 R2026-001 在 2026-09-20 的批次中以题名「测试县民政局关于王*明等3户低保对象的公示」送交两馆，"
            "现在的已不同：两馆的目录表登记的是送交时的题名") in run.out
    assert "王小明" not in run.out


# 4. A clerk runs the handover with a --today before the last batch she delivered (a typo, or a computer whose clock was
# set back). She was told the batch 「到 2026-10-20 当天才到期」 and that the next handover day was 2026-10-08 — a batch
# already delivered — and to add --force, which would record a batch made on a day before the last one. Now the
# message names the ledger and its day and says the date is wrong; nothing is written either way.
@pytest.mark.parametrize("day", ["2026-10-20", "2026-09-20"])
def test_a_today_before_the_last_delivered_batch_is_named_as_wrong(gk, sent, tmp_path, day):
    cat = copy_of(sent, tmp_path)
    run = gk("handover", "--date", day, "--today", "2026-09-18", "-C", cat.root, "--out", tmp_path / "o")
    assert run.code == 2
    assert ("台账 handover/2026-09-20.yaml 记载 2026-09-20 已有一批送交两馆，晚于今天（2026-09-18）：今天的日期不对。"
            "请核对 --today 或 GONGKAI_TODAY") in run.err
    assert "确需提前生成，请加 --force" not in run.err
    assert not (tmp_path / "o").exists()
    assert sorted(p.name for p in (cat.root / "handover").iterdir()) == ["2026-09-20.yaml"]


# 5. The archivist reads bag-info.txt of a batch made late: the 9月20日 batch, forgotten and made on 11月27日 (today,
# pinned), said 「Bagging-Date: 2026-09-20」 — a bag prepared two months before it existed (RFC 8493 §2.2.2: the date
# the content was prepared for transfer). Now the day it was made, as the ledger's 生成日期 says; the batch stays the
# group and the identifier; made again from its ledger, the same bytes.
def test_a_batch_made_late_is_bagged_on_the_day_it_was_made(gk, tmp_path):
    import bagit

    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    add(cat, 2, "2026-09-15", formed="2026-09-10")
    out = tmp_path / "o"
    assert gk("handover", "--date", "2026-09-20", "-C", cat.root, "--out", out).code == 0  # today: 2026-11-27
    assert "生成日期: 2026-11-27\n" in (cat.root / "handover/2026-09-20.yaml").read_text("utf-8")
    info = bagit.Bag(str(out / "dag")).info
    assert (info["Bagging-Date"], info["Bag-Group-Identifier"], info["External-Identifier"]) == (
        "2026-11-27", "2026-09-20", "2026-09-20-dag")
    again = tmp_path / "again"
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-12-01", "-C", cat.root, "--out", again).code == 0
    assert (again / "dag/bag-info.txt").read_bytes() == (out / "dag/bag-info.txt").read_bytes()


# 1c. … and renamed with its 索引号 renumbered to match (R2026-002 → R2026-012 and 00002 → 00012, as a clerk keeps the
# two in step): no number the 两馆 know, but the very PDF they hold, from a record no longer in the catalog. It went
# again. Now GK509 names the file, the record it went with and its 索引号, and how to put both back.
def test_a_record_renamed_and_renumbered_after_handover_is_known_by_its_file(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    old = cat.root / "records/2026/R2026-002.yaml"
    cat.record(old.read_text("utf-8").replace("R2026-002", "R2026-012").replace("-00002", "-00012")
               .replace("files/2026/R2026-012.pdf", "files/2026/R2026-002.pdf"), "records/2026/R2026-012.yaml")
    old.unlink()
    why = ("GK509 信息 R2026-012 的电子文件 R2026-002.pdf 与 2026-09-20 的批次中随信息 R2026-002、索引号 350524-MZ-2026-00002 "
           "送交两馆的文件内容相同，而 R2026-002 已不在目录中：再送就是同一份文件送了两次")
    hint = ("改正：R2026-012 是 R2026-002 改了编号（和索引号）的：把编号和信息文件名改回 R2026-002，"
            "索引号改回 350524-MZ-2026-00002（两馆按送交时的登记收存）")
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", tmp_path / "o")
    assert run.code == 1 and why in run.err and hint in run.err, run.err
    assert not (tmp_path / "o").exists()
    run = gk("validate", cat.root, "--today", "2026-10-08")
    assert why in run.out and hint in run.out, run.out
