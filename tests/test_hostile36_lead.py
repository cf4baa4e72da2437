"""Thirty-eighth session, the lead's pass: what the gate remembers between builds.

Found (before the fix → now):
1. A record kept from the gate's memo (its file unchanged since the last build) was checked for the files its 正文
   links with no 正文 at all: the memo path reads only the record files that changed. A 通知 linking
   ../files/2026/neibu.pdf stayed published after the record attaching neibu.pdf was marked 不予公开 — the very case
   the full build holds back (test_hostile35_gate_files) — until the cache was dropped. Now every admitted record's
   linked files are remembered with its decision (Facts.files), so the check reads them whether or not the record
   changed; the incremental build equals a --no-cache build.
2. The record's own page on the site linked a file of the catalog that is not on the web — the attachment of a record
   published on the 公众号 alone, of one not yet published, or of no record (R2026-002's 「参照[指南]」): a 404 on the
   site, which inspect --site counts as 错链, left alone by the thirty-fifth pass because the page's key did not read
   the state of the files its body links. The portal, the 公众号 and the board already gave the words alone. Now the
   page does as they do (site.record_links, one rule): the words alone unless the file is on the web that day, and
   the page's inputs name each file its body may link with whether it is on the web, so the page is made again the
   day that changes (and is never carried over unread).
3. validate was silent (exit 0) on a 正文 linking the file of a 不予公开 record, which build-site then held back: CI
   green, the page never published. GK612 said so only for an attachment. Now GK612 also names the 正文 link
   (「正文链接的文件「files/2026/neibu.pdf」是信息 R2026-003（不予公开）的附件」), the full address on the portal too, and
   the incremental validate re-checks a record whose 正文 links a file when the record attaching it changes (its keys
   name the files its 正文 may link): the same as --no-cache.
"""

from __future__ import annotations

import pytest

from test_hostile16_publication import LETTER, POLICY_ITEM
from test_hostile35_gate_files import WITHHELD
from conftest import text_pdf
from test_publication import everything
from test_hostile35_other_exits import _files_catalog

TODAY = "2026-12-07"

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


def test_the_site_page_links_only_the_files_on_the_web(gk, tmp_path):
    cat = _files_catalog(tmp_path)
    out = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", out, "--today", TODAY, "--no-search").code == 0
    page = (out / "records/R2026-002.html").read_text(encoding="utf-8")
    assert '<p>填写<a href="../files/2026/%E8%A1%A8%E6%A0%BC.pdf">表格</a>，参照指南。</p>' in page
    assert (out / "files/2026/表格.pdf").exists() and not (out / "files/2026/办事指南.pdf").exists()
    inspected = gk("inspect", cat.root, "--site", out, "--today", TODAY)
    assert "文件不存在" not in inspected.out, inspected.out  # (was: 链接「../files/2026/%E5%8A%9E…pdf」文件不存在)


def test_the_link_comes_back_the_day_its_file_is_on_the_web(gk, tmp_path):
    cat = _files_catalog(tmp_path)
    out = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", out, "--today", TODAY, "--no-search").code == 0
    guide = cat.root / "records/2026/R2026-006.yaml"  # R2026-006 now goes to the web as well: its 办事指南.pdf too
    guide.write_text(guide.read_text(encoding="utf-8").replace("公开渠道: [两微一端]", "公开渠道: [政府网站, 两微一端]"),
                     encoding="utf-8")
    assert gk("build-site", cat.root, "--out", out, "--today", TODAY, "--no-search").code == 0
    page = (out / "records/R2026-002.html").read_text(encoding="utf-8")
    assert '参照<a href="../files/2026/%E5%8A%9E%E4%BA%8B%E6%8C%87%E5%8D%97.pdf">指南</a>。' in page
    assert (out / "files/2026/办事指南.pdf").exists()
    guide.write_text(guide.read_text(encoding="utf-8").replace("公开渠道: [政府网站, 两微一端]", "公开渠道: [两微一端]"),
                     encoding="utf-8")
    assert gk("build-site", cat.root, "--out", out, "--today", TODAY, "--no-search").code == 0
    assert "参照指南。" in (out / "records/R2026-002.html").read_text(encoding="utf-8")
    assert not (out / "files/2026/办事指南.pdf").exists()


NEIBU_LINKS = {"inline": "详见[材料](../files/2026/neibu.pdf)。",
               "portal": "详见<https://www.anxi.gov.cn/mzj/gkml/files/2026/neibu.pdf>。"}


def _linking_withheld(cat, link: str, withheld: bool = True) -> None:
    cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.write("files/2026/neibu.pdf", text_pdf("Internal working papers"))
    cat.record(WITHHELD if withheld else PUBLIC, "records/2026/R2026-003.yaml")
    cat.record(LETTER.replace("经审核，现将名单予以公示。", link), "records/2026/R2026-002.yaml")


@pytest.mark.parametrize("link", NEIBU_LINKS.values(), ids=NEIBU_LINKS.keys())
def test_validate_names_a_body_linking_the_file_of_a_withheld_record(gk, cat, link):
    _linking_withheld(cat, link)
    run = gk("validate", cat.root, "--today", "2026-11-10", "--no-cache")
    assert run.code == 1, run.out
    assert "GK612" in run.out and "正文链接的文件「files/2026/neibu.pdf」是信息 R2026-003（不予公开）的附件" in run.out, run.out
    assert run.out.count("GK612") == 1, run.out
    assert "records/2026/R2026-002.yaml" in run.out


def test_validate_after_the_linked_file_is_withheld_equals_a_fresh_run(gk, cat):
    _linking_withheld(cat, NEIBU_LINKS["inline"], withheld=False)
    first = gk("validate", cat.root, "--today", "2026-11-10")
    assert "GK612" not in first.out, first.out
    cat.record(WITHHELD, "records/2026/R2026-003.yaml")  # only R2026-003 changes; R2026-002 links its file
    cached = gk("validate", cat.root, "--today", "2026-11-10")
    fresh = gk("validate", cat.root, "--today", "2026-11-10", "--no-cache")
    assert "正文链接的文件「files/2026/neibu.pdf」" in fresh.out, fresh.out
    assert (cached.code, cached.out) == (fresh.code, fresh.out)
