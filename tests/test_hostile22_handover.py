"""Twenty-second hostile pass over the handover to the 两馆 (issue 3; DOMAIN.md §6): an archivist receiving the bags,
a clerk running the batches. The real CLI on small catalogs in tmp dirs; the expected words typed by hand.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

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
