"""Twenty-second hostile pass over the handover to the 两馆 (issue 3; DOMAIN.md §6): an archivist receiving the bags,
a clerk running the batches. The real CLI on small catalogs in tmp dirs; the expected words typed by hand.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gongkai.cli import main
from test_handover import add
from tests.conftest import AGENCY, ITEM, RECORD, TODAY, CatalogDir


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One catalog with one delivered batch (2026-09-20, made that day): (catalog root, batch folder). Read only."""
    base = tmp_path_factory.mktemp("sent")
    cat = CatalogDir(base / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.record(RECORD)
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    add(cat, 2, "2026-09-15", formed="2026-09-10")
    out = base / "out"
    saved = os.environ.get("GONGKAI_TODAY")
    os.environ["GONGKAI_TODAY"] = TODAY
    try:
        assert main(["handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", str(cat.root),
                     "--out", str(out)]) == 0
    finally:
        if saved is None:
            os.environ.pop("GONGKAI_TODAY")
        else:
            os.environ["GONGKAI_TODAY"] = saved
    return cat.root, out


def copy_of(out: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(out, target)
    return target


def to_crlf(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))


# 1. A bag copied through Windows (git's autocrlf, an FTP text transfer) has its tag files' lines ending in CRLF. The
# BagIt standard (RFC 8493 §2.1) allows LF, CR or CRLF in tag files, and every document was intact: verify said
# 「内容与校验值不符」 three times a bag, with two hashes and no way forward. Now the bag passes, with a note per file.
def test_a_bag_whose_tag_files_came_back_from_windows_with_crlf_still_verifies(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    for bag in ("dag", "tsg"):
        for name in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"):
            to_crlf(copy / bag / name)
    run = gk("handover", "verify", copy)
    assert run.code == 0, run.out
    assert "共 2 个包，全部通过。" in run.out
    assert "bag-info.txt：换行符被改为另一种格式（LF 与 CRLF 互换），内容与校验值一致" in run.out
    assert "内容与校验值不符" not in run.out
    run = gk("handover", "verify", copy, "-C", sent[0])  # the ledger agrees too: the recipient is read from bag-info
    assert run.code == 0, run.out


# 2. … but a document inside the bag (data/) so converted is no longer the one delivered (a PDF does not survive it):
# it fails, saying that only the line endings changed and how to copy the bag again; a failing bag says what to do.
def test_a_document_whose_line_endings_changed_fails_and_says_so(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    to_crlf(copy / "dag/data/manifest.html")
    run = gk("handover", "verify", copy)
    assert run.code == 1
    assert ("data/manifest.html：只有换行符被改动（LF 与 CRLF 互换，多见于 git 的 autocrlf 或 FTP 的文本方式传送），"
            "文字与原件相同，但已不是送交的原件") in run.out
    assert "请用二进制方式重新复制或压缩这个包后再核对" in run.out
    assert "共 2 个包，1 个未通过。" in run.out
    assert "gongkai handover --date <批次日期> 按台账重新生成" in run.out


# 3. A tag file really changed (a line added to bag-info.txt), and only then its line endings: still a finding.
def test_a_tag_file_changed_and_converted_is_still_a_finding(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    info = copy / "tsg/bag-info.txt"
    info.write_bytes(info.read_bytes().replace(b"Contact-Name: ", b"Contact-Name: X"))
    to_crlf(info)
    run = gk("handover", "verify", copy)
    assert run.code == 1
    assert "bag-info.txt：内容与校验值不符" in run.out


# 4. A ledger edited by hand: its 覆盖期间 made to end before its 批次日期 and start after it ended. validate said
# nothing, and `handover --date 2026-09-20` made the batch again with 「覆盖2026年9月25日至2026年9月20日」 on the 目录表 —
# a period the 两馆 never signed for, running backwards. Now GK512 at each date (validate and the reproduction), and
# the next batch still starts the day after the recorded batch day.
def edited_ledger(sent, tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    root = tmp_path / "catalog"
    shutil.copytree(sent[0], root, ignore=shutil.ignore_patterns(".gongkai-cache"))
    path = root / "handover/2026-09-20.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return root, text.splitlines().index(old.splitlines()[0]) + 1


def gk512(gk, root: Path) -> list[tuple[int, int, str]]:
    run = gk("validate", root, "--format", "json", "--no-cache", "--today", "2026-10-08")
    return [(d["line"], d["column"], d["message"]) for d in json.loads(run.out)["diagnostics"] if d["code"] == "GK512"]


def test_a_ledger_whose_period_was_edited_is_gk512_and_is_not_made_again(gk, sent, tmp_path):
    root, line = edited_ledger(sent, tmp_path, "  开始: 2026-09-03\n  结束: 2026-09-20",
                               "  开始: 2026-09-25\n  结束: 2026-09-10")
    assert gk512(gk, root) == [
        (line, 7, "台账的覆盖期间开始于 2026-09-25，晚于结束的 2026-09-10"),
        (line + 1, 7, "台账的覆盖期间结束于 2026-09-10，与批次日期 2026-09-20 不同：每一批覆盖到批次日期为止"),
    ]
    again = tmp_path / "again"
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-10-08", "-C", root, "--out", again)
    assert run.code == 1 and not again.exists()
    assert f"handover/2026-09-20.yaml\n  {line}:7 错误 GK512 台账的覆盖期间开始于 2026-09-25" in run.err
    assert "不能按这个台账重新生成这一批" in run.err and "git checkout -- handover/" in run.err
    # the next batch covers from the day after the recorded batch day, as it did before the edit
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", root, "--dry-run")
    assert run.code == 0 and "将送交 2026-10-08 批次（覆盖2026年9月21日至2026年10月8日）：0 件信息" in run.out


# 5. … a 生成日期 (written only for a batch made after its day) typed earlier than the batch day: GK512 too. The
# untouched ledger (the passing case) has no GK512.
def test_a_ledger_made_before_its_own_day_is_gk512(gk, sent, tmp_path):
    assert gk512(gk, sent[0]) == []
    root, line = edited_ledger(sent, tmp_path, "批次日期: 2026-09-20\n", "批次日期: 2026-09-20\n生成日期: 2026-09-18\n")
    assert gk512(gk, root) == [(line + 1, 7, "台账的生成日期 2026-09-18 早于批次日期 2026-09-20：gongkai 只为晚于批次日期"
                                             "才补做的批次写生成日期")]


# 6. A missed batch: the 2026-10-08 handover was never made, and the 10-20 batch carries its period. Its 目录表 said
# only 「覆盖2026年9月21日至2026年10月20日」: nothing told the 两馆 that the 10-08 目录表 (due even when empty) never
# came. Now the 批次 line of every format says 「含未按时移交的2026年10月8日批次」, and so does the command.
CAUGHT_UP = "2026-10-20（覆盖2026年9月21日至2026年10月20日公开的信息；含未按时移交的2026年10月8日批次）"


def copy_catalog(sent, tmp_path: Path) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(sent[0], root, ignore=shutil.ignore_patterns(".gongkai-cache"))
    return root


def test_a_batch_after_a_missed_one_says_so_on_its_manifest(gk, sent, tmp_path):
    root, out = copy_catalog(sent, tmp_path), tmp_path / "o"
    run = gk("handover", "--date", "2026-10-20", "--today", "2026-10-20", "-C", root, "--out", out)
    assert run.code == 0, run.err
    assert "本批含未按时移交的2026年10月8日批次（那一期没有送交目录表）" in run.out
    for recipient in ("dag", "tsg"):
        data = out / recipient / "data"
        assert f"批次,{CAUGHT_UP}\n" in (data / "manifest.csv").read_text(encoding="utf-8-sig")
        assert f"<dd>{CAUGHT_UP}</dd>" in (data / "manifest.html").read_text(encoding="utf-8")
        cells = [c.value for row in load_workbook(data / "manifest.xlsx").active.iter_rows() for c in row]
        assert f"批次：{CAUGHT_UP}" in cells
    again = tmp_path / "again"  # made again from its ledger: the same words, the same bytes
    assert gk("handover", "--date", "2026-10-20", "--today", "2026-10-21", "-C", root, "--out", again).code == 0
    assert (again / "dag/data/manifest.csv").read_bytes() == (out / "dag/data/manifest.csv").read_bytes()


def test_a_batch_on_the_next_handover_day_claims_no_missed_one(gk, sent, tmp_path):
    root, out = copy_catalog(sent, tmp_path), tmp_path / "o"
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", root, "--out", out)
    assert run.code == 0, run.err
    assert "未按时移交" not in run.out
    assert "批次,2026-10-08（覆盖2026年9月21日至2026年10月8日公开的信息）\n" in (
        out / "dag/data/manifest.csv").read_text(encoding="utf-8-sig")


# 7. … and validate said nothing while the handover days went by without a batch. GK513 now names each handover day
# past since the last ledger (not the day itself: the batch may still be made that day), at the ledger it lacks.
def gk513(gk, root: Path, today: str) -> list[tuple[str, str]]:
    run = gk("validate", root, "--format", "json", "--no-cache", "--today", today)
    return [(d["path"], d["message"]) for d in json.loads(run.out)["diagnostics"] if d["code"] == "GK513"]


def test_validate_names_each_handover_day_gone_by_without_a_batch(gk, sent, tmp_path):
    assert gk513(gk, sent[0], "2026-10-08") == []  # 10-08 (the 5th, moved past 国庆) is today: not missed yet
    assert gk513(gk, sent[0], "2026-10-21") == [
        ("handover/2026-10-08.yaml", "移交日 2026-10-08 已过，没有这一批的台账：这一期的送交信息目录表（本期没有信息也要送）没有送交两馆"),
        ("handover/2026-10-20.yaml", "移交日 2026-10-20 已过，没有这一批的台账：这一期的送交信息目录表（本期没有信息也要送）没有送交两馆"),
    ]
    root = copy_catalog(sent, tmp_path)
    assert gk("handover", "--date", "2026-10-20", "--today", "2026-10-20", "-C", root, "--out", tmp_path / "o").code == 0
    assert gk513(gk, root, "2026-10-21") == []  # caught up (its 目录表 says so)


def test_a_catalog_that_keeps_no_ledger_is_told_of_no_missed_handover(gk, cat):
    assert gk513(gk, cat.root, "2026-11-27") == []


# 8. 补登 of what was delivered by hand before gongkai: a record of the period the gate holds back (here: no 保密审查)
# was left out of the baseline ledger without a word, and after its review is added the next batch would send the
# 两馆 a second copy. Now baseline names it (GK507, at its file) and says what to do; the ledger still leaves it out.
def test_baseline_names_a_record_it_leaves_out(gk, sent, tmp_path):
    root = copy_catalog(sent, tmp_path)
    shutil.rmtree(root / "handover")
    path = root / "records/2026/R2026-002.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("保密审查:"), text.index("成文日期:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    run = gk("handover", "baseline", "--through", "2026-09-20", "-C", root)
    assert run.code == 0, run.err
    assert "已补登台账：" in run.out and "（1 件信息，2026年9月3日至2026年9月20日）" in run.out
    assert "records/2026/R2026-002.yaml\n  1:5 警告 GK507 主动公开的信息（350524-MZ-2026-00002）没有通过公开审核" in run.err
    assert ("注意：以上 1 件信息没有通过公开审核，没有补登。启用前已经人工送交两馆的，请先改正，再删去 "
            "handover/2026-09-20.yaml 重新运行这条补登命令") in run.err
    ledger = (root / "handover/2026-09-20.yaml").read_text(encoding="utf-8")
    assert "R2026-001" in ledger and "R2026-002" not in ledger


def test_a_baseline_that_leaves_nothing_out_says_nothing_more(gk, sent, tmp_path):
    root = copy_catalog(sent, tmp_path)
    shutil.rmtree(root / "handover")
    run = gk("handover", "baseline", "--through", "2026-09-20", "-C", root)
    assert run.code == 0 and "（2 件信息，2026年9月3日至2026年9月20日）" in run.out and run.err == ""


# 9. A bag zipped on a Chinese Windows (GBK file names) and unzipped elsewhere: the document is there under a mangled
# name. verify said 「文件缺失」 and 「清单之外多出的文件」, as if one document were lost and a stranger planted; now
# it pairs them by content and says the name changed, how, and what to do. A file deleted and an unrelated one added
# are still two findings.
def test_a_document_under_a_mangled_name_is_named_as_renamed_not_lost(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    mangled = "低保名单.pdf".encode("gbk").decode("cp437")
    folder = copy / "dag/data/files/R2026-001"
    (folder / "R2026-001.pdf").rename(folder / mangled)
    run = gk("handover", "verify", copy)
    assert run.code == 1
    assert (f"data/files/R2026-001/R2026-001.pdf：文件名被改成「data/files/R2026-001/{mangled}」，内容与校验值一致"
            "（中文文件名的包用 GBK 编码的压缩工具打包、在另一种编码的系统上解压时常会这样）。"
            "请把文件名改回，或用支持 UTF-8 文件名的工具重新压缩、解压") in run.out
    assert "文件缺失" not in run.out and "清单之外多出的文件" not in run.out and "1 处问题" in run.out


def test_a_document_lost_and_a_stranger_added_are_two_findings(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    folder = copy / "dag/data/files/R2026-001"
    (folder / "R2026-001.pdf").unlink()
    (folder / "extra.pdf").write_bytes(b"%PDF-1.4 planted")
    run = gk("handover", "verify", copy)
    assert run.code == 1
    assert "data/files/R2026-001/R2026-001.pdf：文件缺失" in run.out
    assert "data/files/R2026-001/extra.pdf：清单之外多出的文件" in run.out


# 10. A batch delivered with --allow-incomplete (a record without 页数: 备注 「缺页数」), made again from its ledger:
# without the flag it was refused (「这一批没有生成：请补齐…」) though the 两馆 already hold it; and once its 页数
# was filled in, the 目录表 made again lost the 备注 the 两馆 signed. Now a recorded batch is never stopped by a gap
# (a warning says it) and keeps the 备注 its ledger recorded.
def test_a_batch_let_through_with_a_gap_is_made_again_as_signed(gk, sent, tmp_path):
    root = copy_catalog(sent, tmp_path)
    shutil.rmtree(root / "handover")
    path = root / "records/2026/R2026-002.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("页数: 2\n", ""), encoding="utf-8")
    first = tmp_path / "first"
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", root, "--out", first,
              "--allow-incomplete").code == 0
    signed = (first / "dag/data/manifest.csv").read_bytes()
    assert "2026-09-15,,2,R2026-002.pdf,PDF,缺页数" in signed.decode("utf-8-sig")
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-21", "-C", root, "--out", tmp_path / "again")
    assert run.code == 0, run.err
    assert "警告 GK504 没有填写「页数」" in run.err and "这一批没有生成" not in run.err
    assert (tmp_path / "again/dag/data/manifest.csv").read_bytes() == signed
    path.write_text(path.read_text(encoding="utf-8").replace("成文日期:", "页数: 2\n成文日期:"), encoding="utf-8")
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-21", "-C", root, "--out", tmp_path / "mended")
    assert run.code == 0, run.err
    assert ",R2026-002.pdf,PDF,缺页数" in (tmp_path / "mended/dag/data/manifest.csv").read_text(encoding="utf-8-sig")


# 11. The 馆 received the batch as a zip and passed the zip to verify: 「不是移交批次文件夹：找不到 bagit.txt」. Now it
# is told to unzip it first (exit 2, no traceback).
def test_verify_of_a_zip_says_to_unzip_it_first(gk, sent, tmp_path):
    archive = Path(shutil.make_archive(str(tmp_path / "2026-09-20"), "zip", sent[1]))
    run = gk("handover", "verify", archive)
    assert run.code == 2
    assert "是压缩文件，不是移交批次文件夹：请先解压（中文文件名请用支持 UTF-8 的解压工具），再核对解压出的文件夹" in run.err


# 12. `handover --date` on the date of a 补登 ledger (delivered by hand before gongkai) said 「按台账重新生成」 and wrote
# two bags and 目录表 for a batch gongkai never made — the library's saying 「未送图书馆」, though a hand delivery
# counts as both 馆 holding everything. Now refused (exit 2, nothing written), naming the ledger and why.
def test_the_date_of_a_baseline_is_not_made_into_a_batch(gk, sent, tmp_path):
    root = copy_catalog(sent, tmp_path)
    shutil.rmtree(root / "handover")
    assert gk("handover", "baseline", "--through", "2026-09-20", "-C", root).code == 0
    out = tmp_path / "o"
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-11-27", "-C", root, "--out", out)
    assert run.code == 2 and not out.exists()
    assert ("handover/2026-09-20.yaml 是补登的台账（启用 gongkai 之前人工送交两馆，2026年9月3日至2026年9月20日）："
            "gongkai 没有生成过这一批的目录表和文件，不能「按台账重新生成」") in run.err
    # the next batch is made as before
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", root, "--dry-run")
    assert run.code == 0 and "覆盖2026年9月21日至2026年10月8日" in run.out
