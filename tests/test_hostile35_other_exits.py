"""Thirty-fifth hostile pass, angle 「other_exits」: what leaves gongkai by another door than the site — the county
portal's export (`gongkai export portal`: bodies/<编号>.html, 正文 and 概述 of portal.json / .xml / .xlsx), the 公众号
article (`gongkai wechat`), the 公示栏 sheet and its 电子屏 slides (`gongkai print`) — read by the webmaster who loads
it as it is and by the citizen who taps a link in it, against what the site shows on the same day.

The oracle: the catalog of tests/test_hostile35_site_61.py's body links (R2026-001 links a record in force, one not yet
published, one withdrawn, one 废止, a 编号 that does not exist and the withdrawn one by the column's full address), its
item carried on the web, the 公众号 and the 公示栏, and one more link, to a record carried on the 公众号 alone (admitted,
never on the web); the fragments each exit must carry typed by hand.

Found by this pass:
1. The site was taught (site_61) to show a 正文 link to a record not on the web that day as the words alone and to mark
   one no longer in force 【废止】/【失效】/【已修改】; every other exit still wrote the link as typed, made absolute under
   网站.基础地址: the portal's fragment, the 公众号 article and the board sheet and slides linked the withdrawn record,
   the one not yet published and a 编号 that never existed (a 404 on the portal, an inspector's 错链, a withdrawn
   document one tap away from a post that stays until deleted by hand), and a 废止 document's link said nothing of
   it. Now all of them read the links through the site's own function (site.record_links, one rule, not a copy)
   with the records on the web on the exit's day: words alone, or the link marked 「【废止】」; the portal's 概述 reads
   the same words. The day the linked record is published, the next export sends the linking record as 更新 with the
   link, and the 公众号 article and the sheet are made again (their digests read the body).
2. A 正文 link to a file of the catalog was written under 网站.基础地址 whether or not the file is there: the 公众号 article
   of a record carried on the 公众号 alone linked its own attachment (「请下载[办事指南](../files/2026/办事指南.pdf)」) at
   the column's address, where the site never copies it — a 404 in a post that stays until deleted by hand; a web
   record linking that file carried the same dead link to the portal and the board. Now every exit keeps a file link
   only when the file is on the web that day (an attachment of a record on the web that shows its content, as the
   site copies them), else the words alone; the editor adds the attachments to the post by name as before.

Seen and left alone:
- The handover manifests carry no 正文 (metadata, files and their checksums): nothing there links a record.
- A 公示 past its period: the portal carries only 「公示已于……结束」 and names the files to delete, the 公众号 and the
  board list it to take down (test_portal.py, test_wechat_lists.py, test_print.py): as the site.
- The site's own page still links a file that is not on the web (R2026-002's 「参照[指南]」 above: a 404 on the site,
  which inspect --site counts as 错链): doing as the exits now do needs the page's key to read the state of the files
  its body links (an incremental build would otherwise keep a stale link); left for the lead (site/pages/records.py).
  The gate holds back a body that links a file outside files/ or one no record may show (privacy.links). Whether the
  portal's platform serves the site's files/ at the column's address is the webmaster's set-up (docs/portal-export.md).
- A root-relative link (「/records/R2026-020.html」) is read as a link to that record, as on the site; on a column below
  the portal's root it leaves the column: not changed (the site's rule, site_61).
- A relative link to another page of the column (「../items/SHJZ-001.html」) is written under 网站.基础地址 as on the
  site; without a 基础地址 (公众号, board) every relative link is the words alone, as before.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from conftest import CatalogDir, Run, text_pdf
from test_hostile35_site_61 import _linking_catalog, _record

TODAY = "2026-12-07"
COLUMN = "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/records/"
# R2026-001's 正文 as every exit must carry it on 2026-12-07: R2026-003 not yet published, R2026-004 withdrawn (also by
# its full address), R2026-099 none: words; R2026-005 废止: linked and marked.
ON_THE_DAY = (f'<p>详见<a href="{COLUMN}R2026-002.html">现行文件</a>、将来的、撤回的、'
              f'<a href="{COLUMN}R2026-005.html">废止的</a> 【废止】、没有的、全网址、只发公众号的。</p>')
# …and on 2026-12-21, the day R2026-003 is published
PUBLISHED = (f'<p>详见<a href="{COLUMN}R2026-002.html">现行文件</a>、<a href="{COLUMN}R2026-003.html">将来的</a>、撤回的、'
             f'<a href="{COLUMN}R2026-005.html">废止的</a> 【废止】、没有的、全网址、只发公众号的。</p>')


def _catalog(tmp_path: Path) -> CatalogDir:
    cat = _linking_catalog(tmp_path)
    item = cat.root / "items/shjz/SHJZ-001.yaml"
    item.write_text(item.read_text(encoding="utf-8").replace("公开渠道: [政府网站, ", "公开渠道: [政府网站, 两微一端, "),
                    encoding="utf-8")
    linking = cat.root / "records/2026/R2026-001.yaml"  # …and one on the 公众号 alone, never on the web
    linking.write_text(linking.read_text(encoding="utf-8").replace(
        "R2026-004.html)。", "R2026-004.html)、[只发公众号的](R2026-006.html)。"), encoding="utf-8")
    wechat_only = _record(6, dt.date(2026, 2, 2)).replace("事项: SHJZ-001\n", "事项: SHJZ-001\n公开渠道: [两微一端]\n")
    cat.record(wechat_only, "records/2026/R2026-006.yaml")
    return cat


def _entry(out: Path, record_id: str) -> dict[str, object]:
    data = json.loads((out / "portal.json").read_text(encoding="utf-8"))
    found = [e for e in data["信息"] if e["编号"] == record_id]
    assert len(found) == 1
    return found[0]


def _body(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    start = text.index("<p>详见")
    return text[start:text.index("</p>", start) + 4]


def test_the_portal_links_no_record_that_is_not_on_the_web(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path)
    out = tmp_path / "portal"
    assert gk("export", "portal", cat.root, "--today", TODAY, "--out", out).code == 0
    assert (out / "bodies/R2026-001.html").read_text(encoding="utf-8").strip() == ON_THE_DAY
    entry = _entry(out, "R2026-001")
    assert entry["正文"] == ON_THE_DAY
    assert entry["概述"] == "详见现行文件、将来的、撤回的、废止的 【废止】、没有的、全网址、只发公众号的。"
    assert "R2026-004" not in (out / "portal.xml").read_text(encoding="utf-8")


def test_the_portal_sends_the_link_again_the_day_its_record_is_published(tmp_path: Path,
                                                                         gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path)
    assert gk("export", "portal", cat.root, "--today", TODAY, "--out", tmp_path / "first").code == 0
    out = tmp_path / "second"
    assert gk("export", "portal", cat.root, "--today", "2026-12-21", "--out", out).code == 0
    entry = _entry(out, "R2026-001")
    assert (entry["操作"], entry["正文"]) == ("更新", PUBLISHED)
    assert (out / "bodies/R2026-001.html").read_text(encoding="utf-8").strip() == PUBLISHED


def test_the_wechat_article_links_as_the_site_does(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path)
    out = tmp_path / "wechat"
    assert gk("wechat", cat.root, "--from", "2026-01-01", "--to", TODAY, "--out", out).code == 0
    article = (out / "R2026-001.html").read_text(encoding="utf-8")
    assert ON_THE_DAY.replace("<p>", '<p style="margin:0 0 12px 0;">') in article  # the editor keeps inline styles
    assert "R2026-003" not in article and "R2026-004" not in article and "R2026-099" not in article
    assert "R2026-006" not in article


def test_the_board_sheet_and_its_slides_link_as_the_site_does(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path)
    out = tmp_path / "print"
    assert gk("print", cat.root, "--from", "2026-01-01", "--to", TODAY, "--out", out).code == 0
    assert _body(out / "shjzg/R2026-001.html") == ON_THE_DAY
    assert _body(out / "shjzg/R2026-001-screen.html") == ON_THE_DAY


def test_a_sheet_made_before_the_linked_record_is_published_is_made_again(tmp_path: Path,
                                                                          gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path)
    out = tmp_path / "print"
    assert gk("print", cat.root, "--from", "2026-01-01", "--to", TODAY, "--out", out).code == 0
    later = gk("print", cat.root, "--from", "2026-01-01", "--to", "2026-12-21", "--out", out)
    assert later.code == 0
    assert _body(out / "shjzg/R2026-001.html") == PUBLISHED
    assert ("内容已修改，请用新张贴件替换社会救助股公示栏、查阅点和电子屏上的旧件：测试县民政局关于第1号文件"
            "（shjzg/R2026-001.html）") in later.out + later.err


def test_a_post_made_before_the_linked_record_is_published_is_made_again(tmp_path: Path,
                                                                         gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path)
    out = tmp_path / "wechat"
    assert gk("wechat", cat.root, "--from", "2026-01-01", "--to", TODAY, "--out", out).code == 0
    later = gk("wechat", cat.root, "--from", "2026-01-01", "--to", "2026-12-21", "--out", out)
    assert later.code == 0
    assert "内容已修改，请在公众号中按新文章修改或重发：测试县民政局关于第1号文件（R2026-001.html）" in later.out + later.err
    assert PUBLISHED.replace("<p>", '<p style="margin:0 0 12px 0;">') in (out / "R2026-001.html").read_text(
        encoding="utf-8")


def _files_catalog(tmp_path: Path) -> CatalogDir:
    """R2026-006 (on the 公众号 alone) attaches 办事指南.pdf and links it; R2026-002 (web) attaches 表格.pdf and links
    both: only 表格.pdf is on the web (the site copies the attachments of its records alone)."""
    cat = _catalog(tmp_path)
    cat.write("files/2026/办事指南.pdf", text_pdf("guide"))
    cat.write("files/2026/表格.pdf", text_pdf("form"))
    guide = "附件:\n  - 文件: files/2026/办事指南.pdf\n    名称: 办事指南\n正文: |\n  请下载[办事指南](../files/2026/办事指南.pdf)。\n"
    wechat_only = _record(6, dt.date(2026, 2, 2)).replace("事项: SHJZ-001\n", "事项: SHJZ-001\n公开渠道: [两微一端]\n")
    cat.record(wechat_only.split("正文: |")[0] + guide, "records/2026/R2026-006.yaml")
    form = ("附件:\n  - 文件: files/2026/表格.pdf\n    名称: 表格\n正文: |\n"
            "  填写[表格](../files/2026/表格.pdf)，参照[指南](../files/2026/%E5%8A%9E%E4%BA%8B%E6%8C%87%E5%8D%97.pdf)。\n")
    cat.record(_record(2, dt.date(2026, 1, 5)).split("正文: |")[0] + form, "records/2026/R2026-002.yaml")
    return cat


FILES = "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/files/2026/"


def test_no_exit_links_a_file_that_is_not_on_the_web(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _files_catalog(tmp_path)
    wechat = tmp_path / "wechat"
    assert gk("wechat", cat.root, "--from", "2026-01-01", "--to", TODAY, "--out", wechat).code == 0
    assert '<p style="margin:0 0 12px 0;">请下载办事指南。</p>' in (wechat / "R2026-006.html").read_text(encoding="utf-8")
    form = f'<p>填写<a href="{FILES}%E8%A1%A8%E6%A0%BC.pdf">表格</a>，参照指南。</p>'
    portal = tmp_path / "portal"
    assert gk("export", "portal", cat.root, "--today", TODAY, "--out", portal).code == 0
    assert (portal / "bodies/R2026-002.html").read_text(encoding="utf-8").strip() == form
    board = tmp_path / "print"
    assert gk("print", cat.root, "--from", "2026-01-01", "--to", TODAY, "--out", board).code == 0
    assert form in (board / "shjzg/R2026-002.html").read_text(encoding="utf-8")


def test_the_portal_takes_the_link_out_with_the_record_it_links(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path)
    assert gk("export", "portal", cat.root, "--today", TODAY, "--out", tmp_path / "first").code == 0
    current = cat.root / "records/2026/R2026-002.yaml"
    current.write_text(current.read_text(encoding="utf-8").replace(
        "正文:", "撤回:\n  日期: 2026-12-10\n  原因: 误将过程性信息作为主动公开信息发布\n正文:"), encoding="utf-8")
    out = tmp_path / "second"
    assert gk("export", "portal", cat.root, "--today", "2026-12-10", "--out", out).code == 0
    assert _entry(out, "R2026-002")["操作"] == "撤回"
    entry = _entry(out, "R2026-001")
    assert (entry["操作"], entry["正文"]) == ("更新", '<p>详见现行文件、将来的、撤回的、'
                                             f'<a href="{COLUMN}R2026-005.html">废止的</a> 【废止】、没有的、全网址、只发公众号的。</p>')
