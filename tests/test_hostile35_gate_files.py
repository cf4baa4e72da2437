"""Thirty-fifth hostile pass (h160): the file side of the publishing gate — what a record shows besides its fields.

A record shows a file of the catalog in two ways: as an attachment (附件: - 文件: …), which the site, the portal export
and the 两馆's batch copy, and as a link in its 正文 (详见[名单](../files/2026/list.pdf)), which a reader and a search
engine follow to the copy that is on the site, the portal or the county's server. The gate holds back a record that
shows a file another record may not show (a list of people whose 公示 has ended, the file of a 不予公开 record). Each test
runs the real CLI (build-site) on a small catalog in tmp_path; the days are typed by hand: the 公示 of
test_hostile16_publication runs from 2026-09-03 to 2026-11-20, so 2026-11-10 is within it and 2026-11-21 after it.

Found by this pass (before the fix → now):
1. A 通知 whose 正文 links the list of a 公示 once the 公示 has ended: README said it is no longer published, but only a
   record attaching the list was held back; the 通知 went on as an ordinary page — indexed, in the sitemap and the
   feed, its link to the list (and to the list's copy under another name) followed by every search engine and kept
   by the portal export as an address on the portal. Now a link in a 正文 shows a file as an attachment does: the
   record is held back, the output says why.
2. The same for a 正文 linking the file of a 不予公开 or 依申请公开 record (GK612 held back only a record attaching it): the
   page told the world the withheld file's name and where it lies. Now held back, as the attachment is.
3. A link the renderer reads but the gate's pattern did not: a reference link ([名单][1] … [1]: ../files/2026/list.pdf),
   an autolink to the portal (<https://…/files/2026/list.pdf>), an entity or an escape in the address
   (../files/2026/&#108;ist.pdf, ../files/2026/list\\.pdf), a path in capitals (../FILES/2026/LIST.PDF: the same file on
   the county's Windows server). During the 公示 the linking record was an ordinary page (indexed), after it published.
   Now the gate reads every link as the page's renderer writes it (markdown-it: the link the reader clicks), with the
   pattern kept for what is written as HTML, and compares paths as any computer opens them (same_file).

Seen and left alone:
- Attachment paths written as an attacker writes them (absolute, ../, C:\\, C:foo, \\\\server\\share, //server/share,
  file://, 「files／2026／…」 with a full-width slash, files/%2e%2e/…, files/2026/x.pdf:secret, x.pdf::$DATA, x.pdf.,
  an 8.3 name R2026~1.PDF, a trailing space in quotes) are each GK606 or GK607 at the 文件 line, nothing published.
- A picture in a 正文 (![名单](../files/2026/list.png)) is never loaded nor linked by the page (privacy.markup): it
  names nothing a reader can open.
"""

from __future__ import annotations

import pytest

from conftest import RECORD, text_pdf
from test_hostile16_publication import LETTER, LIST_PDF, NOTICE, POLICY_ITEM
from test_publication import everything, site_on

PORTAL_LIST = "https://www.anxi.gov.cn/mzj/gkml/files/2026/list.pdf"
# The 正文 links, as clerks and tools write them; each opens files/2026/list.pdf (or its copy mingxi.pdf).
LINKS = {
    "inline": "名单见[名单](../files/2026/list.pdf)。",
    "copy": "名单见[明细](../files/2026/mingxi.pdf)。",
    "reference": "名单见[名单][1]。\n\n  [1]: ../files/2026/list.pdf",
    "autolink": f"名单见<{PORTAL_LIST}>。",
    "entity": "名单见[名单](../files/2026/&#108;ist.pdf)。",
    "escape": "名单见[名单](../files/2026/list\\.pdf)。",
    "capitals": "名单见[名单](../FILES/2026/LIST.PDF)。",
}


def linking(cat, link: str) -> None:
    """The 公示 of test_hostile16_publication with its list, a copy of the list, and a 通知 whose 正文 holds *link*."""
    cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.record(NOTICE)
    cat.write(LIST_PDF, text_pdf("ChenJinshui 3 Jingdou"))
    cat.write("files/2026/mingxi.pdf", text_pdf("ChenJinshui 3 Jingdou"))
    cat.record(LETTER.replace("经审核，现将名单予以公示。", link), "records/2026/R2026-002.yaml")


@pytest.mark.parametrize("link", LINKS.values(), ids=LINKS.keys())
def test_a_body_linking_a_list_whose_notice_ended_is_not_published(gk, cat, tmp_path, link):
    linking(cat, link)
    out = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", out, "--today", "2026-11-21")
    assert run.code == 0, run.err
    assert not (out / "records/R2026-002.html").exists()
    for listing in ("sitemap.xml", "feed.xml", "index.html"):
        assert "R2026-002" not in (out / listing).read_text(encoding="utf-8"), listing
    assert "临时救助金" not in everything(out)
    assert "R2026-001 的公示已结束" in run.out + run.err


@pytest.mark.parametrize("link", [LINKS["reference"], LINKS["autolink"], LINKS["entity"], LINKS["escape"],
                                  LINKS["capitals"]], ids=["reference", "autolink", "entity", "escape", "capitals"])
def test_a_body_linking_a_running_list_however_written_is_never_indexed(gk, cat, tmp_path, link):
    linking(cat, link)
    site = site_on(gk, cat, tmp_path / "site", "2026-11-10")
    assert '<meta name="robots" content="noindex, nofollow">' in (site / "records/R2026-002.html").read_text("utf-8")
    for listing in ("sitemap.xml", "feed.xml"):
        assert "R2026-002" not in (site / listing).read_text(encoding="utf-8"), listing
    assert "临时救助金" not in everything(site / "search")


WITHHELD = (RECORD.replace("R2026-001", "R2026-003").replace("00001", "00003").replace("〔2026〕1号", "〔2026〕3号")
            .replace("公开属性: 主动公开", "公开属性: 不予公开\n不予公开理由: 内部事务信息")
            .replace("页数: 1", "页数: 1\n附件:\n  - 名称: 内部材料\n    文件: files/2026/neibu.pdf"))


@pytest.mark.parametrize("link", ["详见[材料](../files/2026/neibu.pdf)。", "详见[材料][n]。\n\n  [n]: ../files/2026/neibu.pdf",
                                  "详见<https://www.anxi.gov.cn/mzj/gkml/files/2026/NEIBU.pdf>。"],
                         ids=["inline", "reference", "portal"])
def test_a_body_linking_the_file_of_a_withheld_record_is_not_published(gk, cat, tmp_path, link):
    cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.write("files/2026/neibu.pdf", text_pdf("Internal working papers"))
    cat.record(WITHHELD, "records/2026/R2026-003.yaml")
    cat.record(LETTER.replace("经审核，现将名单予以公示。", link), "records/2026/R2026-002.yaml")
    out = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", out, "--today", "2026-11-10")
    assert run.code == 0, run.err
    assert not (out / "records/R2026-002.html").exists()
    assert "neibu" not in everything(out).lower()
    assert "R2026-003 为「不予公开」" in run.out + run.err


def test_a_body_linking_a_file_nobody_withholds_is_published(gk, cat, tmp_path):
    cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.write("files/2026/form.pdf", text_pdf("Application form"))
    cat.record(LETTER.replace("经审核，现将名单予以公示。", "申请表见[表][f]。\n\n  [f]: ../files/2026/form.pdf")
               .replace("页数: 1", "页数: 1\n附件:\n  - 名称: 申请表\n    文件: files/2026/form.pdf"),
               "records/2026/R2026-002.yaml")
    site = site_on(gk, cat, tmp_path / "site", "2026-11-21")
    assert "noindex" not in (site / "records/R2026-002.html").read_text(encoding="utf-8")
    assert "R2026-002" in (site / "sitemap.xml").read_text(encoding="utf-8")
