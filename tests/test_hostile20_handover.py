"""Twentieth hostile pass, over the handover to the 两馆 (DOMAIN.md §6, §12): the real CLI on a small catalog in
tmp_path, the expected cells, remarks and files typed by hand.

The design change first: the 县图书馆 is open to the public and keeps what it receives for good, and no name stays
public past its 公示 period. A 主动公开 record that is a list of people goes whole to the 档案馆 (closed); the 图书馆
receives its 目录表 entry and only the files that hold no list, with a 备注 saying why (`移交 → 接收单位 → 接收名单`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from test_handover import PDF, add, ho, record, tree  # noqa: F401  (ho: the fixture)
from test_handover_recall import LETTER, letter_text, withdraw
from test_hostile11_gate import cjk_pdf
from tests.conftest import AGENCY, CatalogDir

# The library's 备注 for a 公示 whose 正文 document is the list, as the rule says it (DOMAIN.md §12)
NOT_TO_LIBRARY = "公示名单含个人信息，按规定公示期满后不再公开，未送图书馆"
# … and for one still running on the batch day (conftest RECORD: 公示截止 2026-12-31)
RUNNING_NOT_TO_LIBRARY = "公示名单含个人信息，按规定公示期满后不再公开（公示期至2026年12月31日），未送图书馆"
LIST_PDF = cjk_pdf("2026年第三季度低保对象名单", "序号  姓名  村（社区）  保障人数", "1  陈水生  经兜村  3",
                   "2  林阿妹  湖头村  2")
COVER_PDF = PDF + b"cover letter"


def rows(out: Path, recipient: str) -> list[list[str]]:
    """The record rows of a recipient's 目录表 csv (after the five header lines and the column names)."""
    text = (out / recipient / "data/manifest.csv").read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))[6:]


def files_of(out: Path, recipient: str) -> list[str]:
    return sorted(name[len("data/files/"):] for name in tree(out / recipient) if name.startswith("data/files/"))


def batch(gk, cat: CatalogDir, day: str, out: Path, *more: str):
    run = gk("handover", "--date", day, "--today", day, "-C", cat.root, "--out", out, *more)
    assert run.code == 0, run.err
    return run


# 1. The design change: a 公示 whose 正文 document is the list goes to the 档案馆 complete; the 图书馆's bag holds no
# file of it, its row says 0 paper copies, no electronic file, and why; the ledger remembers what was not sent.
def test_a_list_goes_whole_to_the_archive_and_as_an_entry_only_to_the_library(gk, ho, tmp_path):
    out = tmp_path / "o"
    run = batch(gk, ho, "2026-09-20", out)
    assert files_of(out, "dag") == ["R2026-001/R2026-001.pdf", "R2026-002/R2026-002.pdf"]
    assert files_of(out, "tsg") == []
    # 序号 索引号 题名 文号 责任者 成文日期 公开日期 页数 纸质份数 电子文件名称 电子文件格式 备注
    title = "测试县民政局关于2026年第三季度低保对象名单的公示"
    assert rows(out, "dag") == [
        ["1", "350524-MZ-2026-00001", title, "测民〔2026〕1号", "测试县民政局", "2026-09-01", "2026-09-03", "2", "2",
         "R2026-001.pdf", "PDF", ""],
        ["2", "350524-MZ-2026-00002", title, "测民〔2026〕2号", "测试县民政局", "2026-09-10", "2026-09-15", "2", "2",
         "R2026-002.pdf", "PDF", ""],
    ]
    assert rows(out, "tsg") == [
        ["1", "350524-MZ-2026-00001", title, "测民〔2026〕1号", "测试县民政局", "2026-09-01", "2026-09-03", "2", "0",
         "", "", RUNNING_NOT_TO_LIBRARY],
        ["2", "350524-MZ-2026-00002", title, "测民〔2026〕2号", "测试县民政局", "2026-09-10", "2026-09-15", "2", "0",
         "", "", RUNNING_NOT_TO_LIBRARY],
    ]
    assert ("送交测试县图书馆的主动公开政府信息：2件，电子文件0个，其中2件的公示名单含个人信息未送（覆盖"
            in (out / "tsg/bag-info.txt").read_text("utf-8"))
    assert "送交测试县档案馆的主动公开政府信息：2件，电子文件2个（覆盖" in (out / "dag/bag-info.txt").read_text("utf-8")
    html = (out / "tsg/data/manifest.html").read_text("utf-8")
    assert RUNNING_NOT_TO_LIBRARY in html and "R2026-001.pdf" not in html
    ledger = (ho.root / "handover/2026-09-20.yaml").read_text("utf-8")
    assert ledger.count("        未送: [tsg]\n") == 2
    assert "测试县图书馆（tsg）：" + RUNNING_NOT_TO_LIBRARY in run.out
    assert gk("handover", "verify", out).code == 0
    assert gk("validate", ho.root, "--today", "2026-09-20").code == 0


def test_a_list_whose_period_ended_before_the_batch_says_so_without_a_date(gk, ho, tmp_path):
    path = ho.root / "records/2026/R2026-001.yaml"
    path.write_text(path.read_text("utf-8").replace("公示截止: 2026-12-31", "公示截止: 2026-09-10"), "utf-8")
    out = tmp_path / "o"
    batch(gk, ho, "2026-09-20", out)
    assert rows(out, "tsg")[0][8:] == ["0", "", "", NOT_TO_LIBRARY]
    assert rows(out, "dag")[0][8:] == ["2", "R2026-001.pdf", "PDF", ""]


# 2. A 通知 carrying its list in a separate PDF: the cover letter goes to the 图书馆, the list does not.
def test_the_library_receives_the_cover_letter_but_not_the_list(gk, ho, tmp_path):
    text = record(4, "2026-09-16", formed="2026-09-14", attach=False).replace("公示截止: 2026-12-31", "公示截止: 2026-09-18")
    ho.write("records/2026/R2026-004.yaml",
             text + "附件:\n  - 文件: files/2026/通知.pdf\n  - 文件: files/2026/名单.pdf\n")
    ho.write("files/2026/通知.pdf", COVER_PDF)
    ho.write("files/2026/名单.pdf", LIST_PDF)
    out = tmp_path / "o"
    batch(gk, ho, "2026-09-20", out)
    assert "R2026-004/名单.pdf" in files_of(out, "dag") and "R2026-004/通知.pdf" in files_of(out, "dag")
    assert "R2026-004/名单.pdf" not in files_of(out, "tsg")
    assert (out / "tsg/data/files/R2026-004/通知.pdf").read_bytes() == COVER_PDF
    assert rows(out, "tsg")[2][1] == "350524-MZ-2026-00004"
    assert rows(out, "tsg")[2][8:] == ["2", "通知.pdf", "PDF", "公示名单（名单.pdf）含个人信息，按规定公示期满后不再公开，未送图书馆"]
    assert rows(out, "dag")[2][8:] == ["2", "通知.pdf；名单.pdf", "PDF", ""]
    ledger = (ho.root / "handover/2026-09-20.yaml").read_text("utf-8")
    assert '      - 文件: "files/2026/名单.pdf"\n' in ledger
    assert ledger.split('"files/2026/名单.pdf"')[1].split("\n")[2] == "        未送: [tsg]"
    assert ledger.split('"files/2026/通知.pdf"')[1].split("\n")[2] != "        未送: [tsg]"
    assert gk("handover", "verify", out).code == 0


def test_a_record_that_lists_nobody_goes_whole_to_both(gk, cat, tmp_path):
    cat.write("items/shjz/SHJZ-001.yaml", (Path(__file__).parent / "conftest.py").read_text("utf-8")
              .split('ITEM = """\\\n')[1].split('"""')[0].replace("低保对象名单及相关信息", "低保政策文件"))
    cat.root.joinpath("records/2026/R2026-001.yaml").unlink()
    cat.write("records/2026/R2026-005.yaml", record(5, "2026-09-15", formed="2026-09-14")
              .replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
              .replace("低保对象名单的公示", "低保工作的通知"))
    cat.write("files/2026/R2026-005.pdf", COVER_PDF)
    out = tmp_path / "o"
    batch(gk, cat, "2026-09-20", out)
    assert files_of(out, "tsg") == files_of(out, "dag") == ["R2026-005/R2026-005.pdf"]
    assert rows(out, "tsg")[0][8:] == rows(out, "dag")[0][8:] == ["2", "R2026-005.pdf", "PDF", ""]
    assert "未送" not in (cat.root / "handover/2026-09-20.yaml").read_text("utf-8")


# 3. Configurable per recipient, validated; a county with one 馆.
def _agency(cat: CatalogDir, recipients: str) -> None:
    start, rest = AGENCY.split("  接收单位:\n")
    cat.write("gongkai.yaml", start + "  接收单位:\n" + recipients + "  移交日:" + rest.split("  移交日:")[1])


def test_a_library_set_to_take_lists_receives_them(gk, ho, tmp_path):
    _agency(ho, "    - 编号: dag\n      名称: 测试县档案馆\n    - 编号: tsg\n      名称: 测试县图书馆\n      接收名单: true\n")
    out = tmp_path / "o"
    batch(gk, ho, "2026-09-20", out)
    assert files_of(out, "tsg") == files_of(out, "dag") == ["R2026-001/R2026-001.pdf", "R2026-002/R2026-002.pdf"]
    assert [r[8:] for r in rows(out, "tsg")] == [["2", "R2026-001.pdf", "PDF", ""], ["2", "R2026-002.pdf", "PDF", ""]]
    assert "未送" not in (ho.root / "handover/2026-09-20.yaml").read_text("utf-8")


def test_a_setting_that_is_no_yes_or_no_is_named_at_its_line(gk, ho, tmp_path):
    _agency(ho, "    - 编号: dag\n      名称: 测试县档案馆\n    - 编号: tsg\n      名称: 测试县图书馆\n      接收名单: 是\n")
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 2
    assert "第22行第13列" in run.err and "「接收名单」的类型不对：应为 true 或 false，而这里是「是」" in run.err
    assert "Traceback" not in run.err and not (tmp_path / "o").exists()
    check = gk("validate", ho.root)
    assert check.code == 1 and "22:13 错误 GK103" in check.out and "接收名单: true" in check.out


def test_a_county_with_only_the_library_is_told_the_lists_go_nowhere(gk, ho, tmp_path):
    _agency(ho, "    - 编号: tsg\n      名称: 测试县图书馆\n")
    out = tmp_path / "o"
    run = batch(gk, ho, "2026-09-20", out)
    assert sorted(p.name for p in out.iterdir()) == ["tsg"] and files_of(out, "tsg") == []
    assert "本批的公示名单没有送交任何接收单位" in run.out and "接收名单: true" in run.out


def test_a_county_with_only_the_archive_sends_everything_there(gk, ho, tmp_path):
    _agency(ho, "    - 编号: dag\n      名称: 测试县档案馆\n")
    out = tmp_path / "o"
    run = batch(gk, ho, "2026-09-20", out)
    assert files_of(out, "dag") == ["R2026-001/R2026-001.pdf", "R2026-002/R2026-002.pdf"]
    assert "没有送交任何接收单位" not in run.out and "未送" not in run.out


# 4. Reproduced from the ledger: the list stays out of the library's bag even when the record no longer reads as one.
def test_a_batch_made_again_keeps_the_list_out_of_the_library(gk, ho, tmp_path):
    batch(gk, ho, "2026-09-20", tmp_path / "a")
    ledger = (ho.root / "handover/2026-09-20.yaml").read_bytes()
    batch(gk, ho, "2026-09-20", tmp_path / "b")
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    ho.write("items/shjz/SHJZ-001.yaml", (ho.root / "items/shjz/SHJZ-001.yaml").read_text("utf-8")
             .replace("低保对象名单及相关信息", "低保政策文件"))
    for rid in ("R2026-001", "R2026-002"):
        path = ho.root / f"records/2026/{rid}.yaml"
        path.write_text(path.read_text("utf-8").replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", ""),
                        "utf-8")
    batch(gk, ho, "2026-09-20", tmp_path / "c")
    assert files_of(tmp_path / "c", "tsg") == []
    assert [r[8] for r in rows(tmp_path / "c", "tsg")] == ["0", "0"]
    assert (ho.root / "handover/2026-09-20.yaml").read_bytes() == ledger


# 5. 撤换公函 of such a record: both 馆 hold its 目录表 entry, so both are written to; the 图书馆 is told it holds
# no copy to take out, the 档案馆 is not.
ENTRY_ONLY = "贵馆只收到目录表登记，未收到其纸质件和电子件（公示名单未送），请在目录表中注明"


def test_the_recall_letter_tells_the_library_it_holds_only_the_entry(gk, ho, tmp_path):
    batch(gk, ho, "2026-09-20", tmp_path / "a")
    withdraw(ho, "R2026-001", "2026-10-01")
    out = tmp_path / "b"
    batch(gk, ho, "2026-10-08", out)
    library, archive = letter_text(out / "tsg" / LETTER), letter_text(out / "dag" / LETTER)
    assert "测试县图书馆：" in library and "350524-MZ-2026-00001" in library and ENTRY_ONLY in library
    assert "测试县档案馆：" in archive and "350524-MZ-2026-00001" in archive and ENTRY_ONLY not in archive
    assert gk("handover", "verify", out).code == 0


def test_a_record_delivered_by_hand_before_gongkai_is_recalled_from_both_in_full(gk, ho, tmp_path):
    run = gk("handover", "baseline", "--through", "2026-09-20", "--today", "2026-09-20", "-C", ho.root)
    assert run.code == 0, run.err
    assert "未送" not in (ho.root / "handover/2026-09-20.yaml").read_text("utf-8")  # nothing gongkai chose to keep
    withdraw(ho, "R2026-001", "2026-10-01")
    out = tmp_path / "b"
    batch(gk, ho, "2026-10-08", out)
    for recipient in ("dag", "tsg"):
        text = letter_text(out / recipient / LETTER)
        assert "350524-MZ-2026-00001" in text and ENTRY_ONLY not in text  # delivered by hand: each 馆 has a copy


# 6. Two documents of one record both named 正文.pdf (in two folders, or 正文.PDF beside 正文.pdf). Found by this pass:
# both were copied to files/R2026-004/正文.pdf, the second over the first: the bag held one document for two, its
# checksums agreed (verify passed), and the ledger listed two checksums for one file. Now the second is 正文（2）.pdf.
def test_two_documents_with_one_name_both_reach_the_bag(gk, ho, tmp_path):
    _agency(ho, "    - 编号: dag\n      名称: 测试县档案馆\n")
    text = record(4, "2026-09-16", formed="2026-09-14", attach=False)
    ho.write("records/2026/R2026-004.yaml", text + "附件:\n  - 文件: files/2026/a/正文.pdf\n  - 文件: files/2026/b/正文.PDF\n"
             "  - 文件: files/2026/a/正文.pdf\n")
    ho.write("files/2026/a/正文.pdf", PDF + b"A")
    ho.write("files/2026/b/正文.PDF", PDF + b"B")
    out = tmp_path / "o"
    batch(gk, ho, "2026-09-20", out)
    assert (out / "dag/data/files/R2026-004/正文.pdf").read_bytes() == PDF + b"A"
    assert (out / "dag/data/files/R2026-004/正文（2）.PDF").read_bytes() == PDF + b"B"
    assert [p for p in files_of(out, "dag") if p.startswith("R2026-004/")] == ["R2026-004/正文.pdf", "R2026-004/正文（2）.PDF"]
    assert rows(out, "dag")[2][8:11] == ["2", "正文.pdf；正文（2）.PDF", "PDF"]
    ledger = (ho.root / "handover/2026-09-20.yaml").read_text("utf-8")
    assert ledger.count('"files/2026/a/正文.pdf"') == 1 and ledger.count('"files/2026/b/正文.PDF"') == 1


# 7. Sent, withdrawn (the 两馆 asked for it back by 撤换公函), then restored: found by this pass, the record was never
# sent again — every later batch took it for handed over, validate said nothing, and the 两馆 no longer held a record
# that is public again. Now the next batch sends it again with a 备注 naming the letter; validate warns until then
# (GK507), takes the second sending for no duplicate (GK509), and a second withdrawal asks for the new copy.
def test_a_record_withdrawn_then_restored_is_sent_again(gk, ho, tmp_path):
    _agency(ho, "    - 编号: dag\n      名称: 测试县档案馆\n")
    batch(gk, ho, "2026-09-20", tmp_path / "a")
    withdraw(ho, "R2026-001", "2026-10-01")
    batch(gk, ho, "2026-10-08", tmp_path / "b")  # the 撤换公函 asks for R2026-001 back
    path = ho.root / "records/2026/R2026-001.yaml"
    path.write_text(path.read_text("utf-8").split("撤回:")[0], "utf-8")  # restored: the withdrawal was the mistake
    check = gk("validate", ho.root, "--today", "2026-10-21")
    assert "GK507" in check.out and "R2026-001" in check.out.split("GK507")[1].split("\n")[0]
    out = tmp_path / "c"
    run = batch(gk, ho, "2026-10-20", out)
    assert "（覆盖2026年10月9日至2026年10月20日）：1 件信息" in run.out  # the period is not stretched back to 09-03
    assert files_of(out, "dag") == ["R2026-001/R2026-001.pdf"]
    assert rows(out, "dag") == [["1", "350524-MZ-2026-00001", "测试县民政局关于2026年第三季度低保对象名单的公示",
                                 "测民〔2026〕1号", "测试县民政局", "2026-09-01", "2026-09-03", "2", "2", "R2026-001.pdf",
                                 "PDF", "2026-10-08批次撤换公函撤回后恢复公开，重新送交"]]
    check = gk("validate", ho.root, "--today", "2026-10-21")
    assert check.code == 0 and "GK509" not in check.out and "GK507" not in check.out
    assert batch(gk, ho, "2026-10-20", tmp_path / "c2") and tree(out) == tree(tmp_path / "c2")  # reproduced as sent
    withdraw(ho, "R2026-001", "2026-10-25")
    batch(gk, ho, "2026-11-05", tmp_path / "d")
    letter = letter_text(tmp_path / "d/dag" / LETTER)
    assert "350524-MZ-2026-00001" in letter and "2026-10-20" in letter and "2026-09-20" not in letter


def test_a_record_sent_twice_without_a_letter_between_is_still_gk509(gk, ho, tmp_path):
    batch(gk, ho, "2026-09-20", tmp_path / "a")
    first = (ho.root / "handover/2026-09-20.yaml").read_text("utf-8")
    ho.write("handover/2026-10-08.yaml", first.replace("2026-09-20", "2026-10-08").replace("开始: 2026-09-03",
                                                                                          "开始: 2026-09-21"))
    check = gk("validate", ho.root, "--today", "2026-10-21")
    assert "GK509" in check.out and "信息 R2026-001 已在 2026-09-20 的批次中送交，不应再次送交" in check.out


# 8. A file renamed after it was handed over. Found by this pass: the batch made again named it by its new name, so
# the 目录表 and the bag were no longer the ones the 两馆 signed; and a file renamed *and* changed (or deleted) was
# silent in validate — GK510 compared only files still at their old path. Now the batch keeps the name the ledger
# recorded, and GK510 names a handed-over version the catalog no longer holds under any name.
def _rename(cat: CatalogDir, content: bytes | None = None) -> None:
    path = cat.root / "records/2026/R2026-001.yaml"
    path.write_text(path.read_text("utf-8").replace("files/2026/R2026-001.pdf", "files/2026/低保公示.pdf"), "utf-8")
    (cat.root / "files/2026/R2026-001.pdf").rename(cat.root / "files/2026/低保公示.pdf")
    if content is not None:
        (cat.root / "files/2026/低保公示.pdf").write_bytes(content)


def test_a_renamed_file_is_made_again_under_the_name_the_archive_signed_for(gk, ho, tmp_path):
    _agency(ho, "    - 编号: dag\n      名称: 测试县档案馆\n    - 编号: tsg\n      名称: 测试县图书馆\n")
    batch(gk, ho, "2026-09-20", tmp_path / "a")
    _rename(ho)
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-10-20", "-C", ho.root, "--out", tmp_path / "b")
    assert run.code == 0, run.err
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert files_of(tmp_path / "b", "dag")[0] == "R2026-001/R2026-001.pdf" and files_of(tmp_path / "b", "tsg") == []
    check = gk("validate", ho.root, "--today", "2026-10-21")
    assert "GK510" not in check.out  # the same content under another name: the 两馆 hold what the catalog holds


def test_a_file_renamed_and_changed_after_the_handover_is_gk510(gk, ho, tmp_path):
    batch(gk, ho, "2026-09-20", tmp_path / "a")
    _rename(ho, PDF + b"a new version")
    check = gk("validate", ho.root, "--today", "2026-10-21")
    assert ("files/2026/R2026-001.pdf（2026-09-20 送交两馆）已不在目录中，信息 R2026-001 现在的附件里也没有送交时的版本"
            in check.out), check.out
    # line 14: the file of R2026-001, after its 编号, 索引号, 题名, 文号, 页数 and 「文件:」
    assert "handover/2026-09-20.yaml\n  15:13 警告 GK510" in check.out, check.out


# 9. A bag whose file was swapped and whose checksum lists were then made again agrees with itself: `verify` passed it.
# The bureau's ledger is independent evidence: `verify -C catalog` checks each file against the SHA-256 the ledger
# recorded for that 馆 (and that the library holds no list the ledger says it did not receive).
def test_verify_against_the_ledger_finds_a_bag_rebuilt_around_a_swapped_file(gk, ho, tmp_path):
    import bagit

    out = tmp_path / "o"
    batch(gk, ho, "2026-09-20", out)
    (out / "dag/data/files/R2026-001/R2026-001.pdf").write_bytes(PDF + b"R2026-002")  # another document
    bagit.Bag(str(out / "dag")).save(manifests=True)  # checksums made again: the bag agrees with itself
    (out / "tsg/data/files/R2026-001").mkdir(parents=True)
    (out / "tsg/data/files/R2026-001/R2026-001.pdf").write_bytes(PDF + b"R2026-001")  # the list slipped in
    bagit.Bag(str(out / "tsg")).save(manifests=True)
    assert gk("handover", "verify", out).code == 0  # the bags alone cannot tell
    run = gk("handover", "verify", out, "-C", ho.root)
    assert run.code == 1
    assert ("data/files/R2026-001/R2026-001.pdf：内容与台账 handover/2026-09-20.yaml 记录送交「dag」的版本不同"
            "（被改动、不完整或换成了另一个文件）") in run.out
    assert "不在包中" not in run.out  # (thirty-seventh session: the file is there, with other content)
    assert "没有记录把这个版本送交「tsg」" in run.out and "2 个未通过" in run.out
    clean = tmp_path / "clean"
    batch(gk, ho, "2026-09-20", clean)
    assert gk("handover", "verify", clean, "-C", ho.root).code == 0


# 10. A 主动公开 record published in the period that the gate holds back (an attachment named .pdf that is no PDF,
# unmasked personal data, no 保密审查) or whose file cannot be read was left out of the 目录表 without a word: the
# 馆 signed a list that silently missed a record of its period. Now each is a warning naming why; the batch still goes.
def test_a_record_the_gate_holds_back_is_named_not_silently_left_out(gk, ho, tmp_path):
    ho.write("files/2026/R2026-002.pdf", b"PK\x03\x04 a Word file renamed .pdf")
    ho.write("records/2026/R2026-009.yaml", "编号: R2026-009\n题名: [未闭合\n")
    run = batch(gk, ho, "2026-09-20", tmp_path / "o")
    assert "：1 件信息" in run.out and [r[1] for r in rows(tmp_path / "o", "dag")] == ["350524-MZ-2026-00001"]
    assert ("records/2026/R2026-002.yaml\n  1:5 警告 GK507 主动公开的信息（350524-MZ-2026-00002）没有通过公开审核，这一批不送交两馆："
            "附件「files/2026/R2026-002.pdf」扩展名是 .pdf，但内容不是 PDF（文件开头没有 %PDF-）") in run.err
    assert "改正后随下一批送交" in run.err
    assert "records/2026/R2026-009.yaml\n  1:1 警告 GK507 信息文件有错误，没有读入" in run.err and "这一批也不送交两馆" in run.err
    assert "R2026-003" not in run.err  # 依申请公开: never the 两馆's, nothing to say


# 11. A record whose PDF was corrected after it was handed over. Found by this pass: validate said GK510 and nothing
# else happened — no batch sent the new version, no 撤换公函 asked the 两馆 to replace the old one, the hint said to
# write the letter by hand. Now the next batch sends the new version (备注 names the batch it replaces) and its letter
# lists it as 替换; the ledger records 方式: 更换; GK510 and GK509 are then quiet; a renamed file is no change.
def test_a_file_corrected_after_the_handover_is_sent_again_with_a_letter(gk, ho, tmp_path):
    _agency(ho, "    - 编号: dag\n      名称: 测试县档案馆\n")
    batch(gk, ho, "2026-09-20", tmp_path / "a")
    ho.write("files/2026/R2026-002.pdf", PDF + b"corrected")
    assert "GK510" in gk("validate", ho.root, "--today", "2026-10-07").out
    out = tmp_path / "b"
    run = batch(gk, ho, "2026-10-08", out)
    assert "：1 件信息" in run.out and "文件已修改，新版本随本批送交（2026-09-20 批次送交）" in run.out
    assert (out / "dag/data/files/R2026-002/R2026-002.pdf").read_bytes() == PDF + b"corrected"
    assert rows(out, "dag") == [["1", "350524-MZ-2026-00002", "测试县民政局关于2026年第三季度低保对象名单的公示",
                                 "测民〔2026〕2号", "测试县民政局", "2026-09-10", "2026-09-15", "2", "2", "R2026-002.pdf",
                                 "PDF", "送交后文件已修改，替换2026-09-20批次送交的版本"]]
    letter = letter_text(out / "dag" / LETTER)
    assert "\n".join(["350524-MZ-2026-00002", "测民〔2026〕2号", "2026-09-20", "替换", "2026-10-08",
                      "送交后文件已修改，以随本批送交的新版本替换原件",
                      "《测试县民政局关于2026年第三季度低保对象名单的公示》（索引号 350524-MZ-2026-00002），随本批送交"]) in letter
    ledger = (ho.root / "handover/2026-10-08.yaml").read_text("utf-8")
    assert "撤换:\n  - 编号: R2026-002\n    索引号: \"350524-MZ-2026-00002\"\n    方式: 更换\n    原批次: 2026-09-20\n" in ledger
    check = gk("validate", ho.root, "--today", "2026-10-09")
    assert check.code == 0 and "GK510" not in check.out and "GK509" not in check.out
    again = gk("handover", "--date", "2026-10-08", "--today", "2026-10-09", "-C", ho.root, "--out", tmp_path / "b2")
    assert again.code == 0 and tree(out) == tree(tmp_path / "b2")
    later = batch(gk, ho, "2026-10-20", tmp_path / "c")
    assert "本期无主动公开政府信息" in later.out and "撤换" not in later.out


def test_a_file_only_renamed_after_the_handover_is_not_sent_again(gk, ho, tmp_path):
    batch(gk, ho, "2026-09-20", tmp_path / "a")
    _rename(ho)
    run = batch(gk, ho, "2026-10-08", tmp_path / "b")
    assert "本期无主动公开政府信息" in run.out and "撤换" not in run.out


# 12. A 通知 (no 公示, of an item that lists nobody) whose Markdown 正文 carries a table of names: the gate takes it
# for a list of people, and its one PDF cannot be told apart from the list, so the 图书馆 receives its entry only.
def test_a_notice_whose_body_is_the_list_reaches_the_library_as_an_entry_only(gk, cat, tmp_path):
    cat.write("items/shjz/SHJZ-001.yaml", (Path(__file__).parent / "conftest.py").read_text("utf-8")
              .split('ITEM = """\\\n')[1].split('"""')[0].replace("低保对象名单及相关信息", "低保政策文件"))
    cat.root.joinpath("records/2026/R2026-001.yaml").unlink()
    body = "正文: |\n  2026年9月临时救助发放情况如下：\n\n  | 序号 | 姓名 | 村（社区） | 金额（元） |\n  |---|---|---|---|\n" \
           "  | 1 | 陈水生 | 经兜村 | 1500 |\n  | 2 | 林阿妹 | 湖头村 | 1200 |\n"
    text = (record(5, "2026-09-15", formed="2026-09-14").replace("文种: 公示", "文种: 通知")
            .replace("公示截止: 2026-12-31\n", "").replace("低保对象名单的公示", "临时救助发放情况的通知"))
    cat.write("records/2026/R2026-005.yaml", text.replace("正文: |\n  经审核，现将名单予以公示。\n", body))
    cat.write("files/2026/R2026-005.pdf", COVER_PDF)
    out = tmp_path / "o"
    batch(gk, cat, "2026-09-20", out)
    assert files_of(out, "dag") == ["R2026-005/R2026-005.pdf"] and files_of(out, "tsg") == []
    assert rows(out, "tsg")[0][8:] == ["0", "", "", NOT_TO_LIBRARY]
    assert rows(out, "dag")[0][8:] == ["2", "R2026-005.pdf", "PDF", ""]


# 13. Two recipients with one 编号 (dag twice, or DAG and dag: one folder on the 馆's Windows). Found by this pass: the
# batch stopped on 「无法读写文件（已经存在：…/.c.building…/dag）」, naming a temporary folder and not the cause;
# DAG/dag went through as two folders that Windows cannot hold side by side. Now GK210 at the 编号's line and column.
def test_two_recipients_with_one_folder_name_are_refused_at_the_line(gk, ho, tmp_path):
    for first in ("dag", "DAG"):
        _agency(ho, f"    - 编号: {first}\n      名称: 测试县档案馆\n    - 编号: dag\n      名称: 测试县图书馆\n")
        run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", ho.root, "--out", tmp_path / first)
        assert run.code == 1 and not (tmp_path / first).exists() and not (ho.root / "handover").exists()
        assert run.err.startswith("gongkai.yaml\n  20:11 错误 GK210 接收单位编号「dag」重复（不区分大小写：每个接收单位一个同名"
                                  "文件夹，两个单位会写进同一个文件夹）"), run.err
        assert "building" not in run.err and "Traceback" not in run.err
        assert "20:11 错误 GK210 接收单位编号「dag」重复" in gk("validate", ho.root).out


def test_verify_against_the_ledger_reads_the_recipient_from_the_bag_not_its_folder(gk, ho, tmp_path):
    out = tmp_path / "o"
    batch(gk, ho, "2026-09-20", out)
    (out / "tsg").rename(out / "图书馆")  # a folder renamed by whoever carried it
    run = gk("handover", "verify", out / "图书馆", "-C", ho.root)
    assert run.code == 0, run.out
    (ho.root / "handover/2026-09-20.yaml").unlink()
    run = gk("handover", "verify", out, "-C", ho.root)
    assert run.code == 1 and "目录中没有这一批的台账（handover/2026-09-20.yaml）：无法与送交记录核对" in run.out
