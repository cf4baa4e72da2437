"""Twenty-second hostile pass over the handover to the 两馆 (issue 3; DOMAIN.md §6): an archivist receiving the bags,
a clerk running the batches. The real CLI on small catalogs in tmp dirs; the expected words typed by hand.
"""

from __future__ import annotations

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
