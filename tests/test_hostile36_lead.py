"""Thirty-eighth session, the lead's pass: what the gate remembers between builds.

Found (before the fix → now):
1. A record kept from the gate's memo (its file unchanged since the last build) was checked for the files its 正文
   links with no 正文 at all: the memo path reads only the record files that changed. A 通知 linking
   ../files/2026/neibu.pdf stayed published after the record attaching neibu.pdf was marked 不予公开 — the very case
   the full build holds back (test_hostile35_gate_files) — until the cache was dropped. Now every admitted record's
   linked files are remembered with its decision (Facts.files), so the check reads them whether or not the record
   changed; the incremental build equals a --no-cache build.
"""

from __future__ import annotations

from test_hostile16_publication import LETTER, POLICY_ITEM
from test_hostile35_gate_files import WITHHELD
from conftest import text_pdf
from test_publication import everything

PUBLIC = WITHHELD.replace("公开属性: 不予公开\n不予公开理由: 内部事务信息", "公开属性: 主动公开")


def test_a_kept_record_linking_a_file_just_withheld_is_held_back(gk, cat, tmp_path):
    cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.write("files/2026/neibu.pdf", text_pdf("Internal working papers"))
    cat.record(PUBLIC, "records/2026/R2026-003.yaml")
    cat.record(LETTER.replace("经审核，现将名单予以公示。", "详见[材料](../files/2026/neibu.pdf)。"), "records/2026/R2026-002.yaml")
    out = tmp_path / "site"
    first = gk("build-site", cat.root, "--out", out, "--today", "2026-11-10")
    assert first.code == 0, first.err
    assert (out / "records/R2026-002.html").exists() and (out / "records/R2026-003.html").exists()
    cat.record(WITHHELD, "records/2026/R2026-003.yaml")  # only R2026-003's file changes
    run = gk("build-site", cat.root, "--out", out, "--today", "2026-11-10")
    assert run.code == 0, run.err
    assert not (out / "records/R2026-003.html").exists()
    assert not (out / "records/R2026-002.html").exists()
    assert "neibu" not in everything(out).lower()
    said = run.out + run.err
    assert said.count("正文链接的文件「files/2026/neibu.pdf」也是别的信息的附件，信息 R2026-003 为「不予公开」") == 1, said
