"""Eighteenth hostile pass over the public website (issue 4) and the 61号 column (issue 13), as the county webmaster,
the inspector and an elderly citizen on a phone.

Found by this pass:
- A 正文 written with level-1 headings (「# 一、总体情况」, the way a 年报 or a Word outline comes out) put a second
  h1 on the record page beside the title: a screen reader's outline and the inspectors' page check saw two titles.
  Now, when a body has level-1 headings, every heading in it moves one level down.
- A picture in a 正文 was loaded by the page: 「![](https://其他网站/a.png)」 made every reader's browser ask another
  host (the site makes no request to other hosts), and 「![](data:image/png;base64,…)」 published a picture no scan can
  read (a scanned 名单 is refused as an attachment, GK610, and went out inside the page). Now a picture is named
  (［图片：…］) and linked when it is an address on the web, never loaded; its bytes are published nowhere.
- 「文件: files/2026/名单 #2.pdf」 unquoted: YAML cut the path at the comment and GK607 said 「files/2026/名单」 does not
  exist; now the hint names the file that is there and the quoted line.
- `gongkai serve` answered a wrong address with http.server's English page and listed folders; now a Chinese 404.
- A bureau without 乡镇民政办 had a 乡镇公开 page (linked from every footer) holding only a heading and an empty list.
- A 制度 / 年度报告 page without an item had 「首页」 alone as its breadcrumb; now it leads back to its 61号 column.
- 方式 电子邮件 / 传真 without the address or number gave the 指南 lines 「电子邮件。」「传真。」 and no warning for 传真.
- 法定主动公开内容 said it lists from the 政务公开事项标准目录 but did not lead to it.
- feed.xml had no rel="self", and with no entry yet was dated 1970-01-01.
- The home page (the column) had no entry for 依申请公开.
(In Chromium, tests/browser/test_hostile18_site_browser.py: printed links lost their web addresses.)
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import AGENCY, ITEM
from portal_catalog import record


def web_catalog(cat, *records: tuple[str, str, str]):
    """The test catalog with one web item (SHJZ-001) and *records* (id, title, body) published on the web."""
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM.replace("政府网站, 社区/企事业单位/村公示栏（电子屏）", "政府网站").replace("低保对象名单及相关信息", "政策法规文件"))
    (cat.root / "records/2026/R2026-001.yaml").unlink(missing_ok=True)
    for rid, title, body in records:
        cat.write(f"records/2026/{rid}.yaml", record(rid, title, channels="政府网站", item="SHJZ-001", body=body))
    return cat


def site(gk, cat, tmp_path: Path) -> Path:
    out = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", out)
    assert run.code == 0, run.err
    return out


class Outline(HTMLParser):
    """The headings and pictures of a page, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.pictures: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(tag)
        if tag in ("img", "picture", "source", "iframe", "object", "embed", "video", "audio"):
            self.pictures.append(dict(attrs))


def outline(page: Path) -> Outline:
    parsed = Outline()
    parsed.feed(page.read_text(encoding="utf-8"))
    return parsed


# ---------------------------------------------------------------------------------------------------- headings

REPORT_BODY = """\
# 一、总体情况

本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。

## （一）主动公开

主动公开政府信息35条。

# 二、存在的主要问题及改进情况

###### 附注

无。
"""


def test_a_body_with_level_one_headings_leaves_the_title_the_one_h1(gk, cat, tmp_path):
    web_catalog(cat, ("R2026-030", "测试县民政局2025年政府信息公开工作年度报告", REPORT_BODY))
    page = site(gk, cat, tmp_path) / "records/R2026-030.html"
    headings = outline(page).headings
    assert headings.count("h1") == 1
    text = page.read_text(encoding="utf-8")
    assert "<h1>测试县民政局2025年政府信息公开工作年度报告</h1>" in text
    assert "<h2>一、总体情况</h2>" in text and "<h3>（一）主动公开</h3>" in text
    assert "<h2>二、存在的主要问题及改进情况</h2>" in text and "<h3>附注</h3>" in text


def test_a_body_whose_headings_start_at_level_two_keeps_them(gk, cat, tmp_path):
    web_catalog(cat, ("R2026-030", "测试县民政局关于低保工作的通知", "## 一、对象\n\n低保。\n\n### （一）范围\n\n全县。"))
    text = (site(gk, cat, tmp_path) / "records/R2026-030.html").read_text(encoding="utf-8")
    assert "<h2>一、对象</h2>" in text and "<h3>（一）范围</h3>" in text
    assert outline(tmp_path / "site/records/R2026-030.html").headings.count("h1") == 1


# ---------------------------------------------------------------------------------------------------- pictures

PICTURES = """\
现将有关情况公布如下。

![低保名单](https://other.example.com/upload/2026/list.png)

![扫描件](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5E)

![](//cdn.example.net/logo.gif)

![本地图片](../files/2026/photo.png)
"""


def test_a_picture_in_a_body_is_named_and_linked_never_loaded(gk, cat, tmp_path):
    web_catalog(cat, ("R2026-031", "测试县民政局关于资金发放情况的公告", PICTURES))
    page = site(gk, cat, tmp_path) / "records/R2026-031.html"
    assert outline(page).pictures == []
    text = page.read_text(encoding="utf-8")
    assert '<a href="https://other.example.com/upload/2026/list.png">［图片：低保名单］</a>' in text
    assert "<p>［图片：扫描件］</p>" in text and "data:image" not in text and "iVBORw0KGgo" not in text
    assert "<p>［图片］</p>" in text and "cdn.example.net" not in text  # no scheme: not an address on the web
    assert "<p>［图片：本地图片］</p>" in text and "photo.png" not in text  # a file the site does not have


def test_the_portal_export_carries_no_picture_of_a_body(gk, cat, tmp_path):
    web_catalog(cat, ("R2026-031", "测试县民政局关于资金发放情况的公告", PICTURES))
    run = gk("export", "portal", cat.root, "--out", tmp_path / "portal")
    assert run.code == 0, run.err
    document = json.loads((tmp_path / "portal/portal.json").read_text(encoding="utf-8"))
    body = document["信息"][0]["正文"]
    assert "<img" not in body and "data:image" not in body and "other.example.com" not in body
    assert "［图片：低保名单］" in body and "［图片：扫描件］" in body


# ---------------------------------------------------------------------------------------------------- 附件名中的「 #」

def test_an_attachment_name_cut_at_a_yaml_comment_is_explained_with_the_quoted_path(gk, cat, tmp_path):
    """「文件: files/2026/名单 #2.pdf」: YAML reads 「 #2.pdf」 as a comment, so the path is files/2026/名单. The clerk
    saw 「附件「files/2026/名单」文件不存在」 with the whole name on the line below and no idea why; now the hint names
    the file that is there and the quoted line that reads it."""
    from conftest import text_pdf

    web_catalog(cat, ("R2026-032", "测试县民政局关于名单的公告", "详见附件。"))
    cat.write("files/2026/名单 #2.pdf", text_pdf("list"))
    path = cat.root / "records/2026/R2026-032.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("正文:", "附件:\n  - 文件: files/2026/名单 #2.pdf\n正文:"),
                    encoding="utf-8")
    run = gk("validate", cat.root, "--format", "json", "--no-cache")
    found = [d for d in json.loads(run.out)["diagnostics"] if d["code"] == "GK607"]
    assert [(d["path"], d["line"], d["column"]) for d in found] == [("records/2026/R2026-032.yaml", 16, 9)]
    assert "请给路径加上引号：文件: \"files/2026/名单 #2.pdf\"" in found[0]["hint"]
    path.write_text(path.read_text(encoding="utf-8").replace("文件: files/2026/名单 #2.pdf", '文件: "files/2026/名单 #2.pdf"'),
                    encoding="utf-8")
    assert [d for d in json.loads(gk("validate", cat.root, "--format", "json", "--no-cache").out)["diagnostics"]
            if d["severity"] == "error"] == []
    page = (site(gk, cat, tmp_path) / "records/R2026-032.html").read_text(encoding="utf-8")
    assert 'href="../files/2026/%E5%90%8D%E5%8D%95%20%232.pdf"' in page


def test_a_missing_attachment_with_no_such_file_keeps_the_plain_hint(gk, cat):
    web_catalog(cat, ("R2026-032", "测试县民政局关于名单的公告", "详见附件。"))
    path = cat.root / "records/2026/R2026-032.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("正文:", "附件:\n  - 文件: files/2026/名单 #2.pdf\n正文:"),
                    encoding="utf-8")
    found = [d for d in json.loads(gk("validate", cat.root, "--format", "json", "--no-cache").out)["diagnostics"]
             if d["code"] == "GK607"]
    assert [d["hint"] for d in found] == ["把文件放到目录文件夹中的 files/2026/名单，或改正附件路径。"]


# ---------------------------------------------------------------------------------------------------- gongkai serve

def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str, str]:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - 127.0.0.1 only
            return answer.status, answer.headers.get("Content-Type", ""), answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode("utf-8")


def test_the_preview_answers_a_missing_page_and_a_folder_in_chinese_and_lists_no_folder(gk, cat, tmp_path):
    """http.server answered a wrong address with an English page (「Error response … Nothing matches the given URI」,
    lang="en") and a folder without index.html (files/2026/) with an English listing of every attachment in it."""
    import os
    import subprocess
    import sys

    web_catalog(cat, ("R2026-030", "测试县民政局关于低保工作的通知", "详见附件。"))
    out = site(gk, cat, tmp_path)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    server = subprocess.Popen([sys.executable, "-m", "gongkai", "serve", "--dir", str(out), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert server.stdout is not None
        assert "正在预览" in server.stdout.readline()
        base = f"http://127.0.0.1:{port}/"
        assert _get(base + "records/R2026-030.html")[0] == 200
        for path in ("records/R2026-099.html", "files/", "records/", "data/nothing.csv"):
            code, kind, page = _get(base + path)
            assert code == 404, path
            assert kind.replace(" ", "").lower() == "text/html;charset=utf-8"
            assert '<html lang="zh-CN">' in page and "<title>404 - 找不到网页</title>" in page
            assert "网站里没有这个地址：可能已经撤下，或者地址写错了。请从首页进入，或用搜索查找。" in page
            assert "Error response" not in page and "Directory listing" not in page and "R2026-030" not in page
    finally:
        server.terminate()
        server.wait(timeout=10)


# ---------------------------------------------------------------------------------------------------- 乡镇公开

TOWNS_NOTE = ("测试县民政局没有设在乡镇的公开单位，本栏目没有乡镇的公开信息。乡镇（街道）主动公开的信息，"
              "请查看各乡镇人民政府（街道办事处）的政务公开栏目。")


def test_the_townships_page_of_a_bureau_without_township_units_says_so(gk, cat, tmp_path):
    """Every page's footer links 「乡镇公开」; a bureau with no 乡镇民政办 in gongkai.yaml got a page holding only its
    heading and an empty list: a blank column to the reader and to the inspector."""
    web_catalog(cat, ("R2026-030", "测试县民政局关于低保工作的通知", "详见附件。"))
    page = (site(gk, cat, tmp_path) / "towns/index.html").read_text(encoding="utf-8")
    assert f"<p>{TOWNS_NOTE}</p>" in page
    assert "<ul class=\"tiles\"></ul>" not in page and "<ul class=\"tiles\">" not in page


def test_the_townships_page_with_township_units_lists_them_and_says_nothing_else(gk, cat, tmp_path):
    from portal_catalog import agency

    web_catalog(cat, ("R2026-030", "测试县民政局关于低保工作的通知", "详见附件。"))
    cat.write("gongkai.yaml", agency())
    page = (site(gk, cat, tmp_path) / "towns/index.html").read_text(encoding="utf-8")
    assert ('<ul class="tiles"><li><a href="../towns/mzb-102/index.html">湖头镇民政办</a></li>'
            '<li><a href="../towns/mzb-103/index.html">官桥镇民政办</a></li></ul>') in page
    assert "没有设在乡镇的公开单位" not in page


# ---------------------------------------------------------------------------------------------------- breadcrumbs

def _crumbs(page: Path) -> str:
    found = re.search(r'<nav class="crumbs" aria-label="位置">(.*?)</nav>', page.read_text(encoding="utf-8"))
    assert found is not None
    return found.group(1)


def test_a_rules_or_report_page_without_an_item_leads_back_to_its_column(gk, cat, tmp_path):
    """A 制度 or 年度报告 registered without 事项 is listed under 政府信息公开制度 / 政府信息公开年报, but its page's
    breadcrumb was 「首页」 alone: the reader had no way back to the column he came from."""
    web_catalog(cat)
    cat.write("records/2026/R2026-051.yaml", record("R2026-051", "测试县民政局政府信息公开保密审查制度", kind="制度",
                                                    channels="政府网站"))
    cat.write("records/2026/R2026-052.yaml", record("R2026-052", "测试县民政局2025年政府信息公开工作年度报告",
                                                    kind="年度报告", channels="政府网站"))
    cat.write("records/2026/R2026-053.yaml", record("R2026-053", "测试县民政局关于低保工作的通知", channels="政府网站",
                                                    item="SHJZ-001"))
    out = site(gk, cat, tmp_path)
    assert _crumbs(out / "records/R2026-051.html") == ('<a href="../index.html">首页</a> › '
                                                       '<a href="../zhidu/index.html">政府信息公开制度</a>')
    assert _crumbs(out / "records/R2026-052.html") == ('<a href="../index.html">首页</a> › '
                                                       '<a href="../nianbao/index.html">政府信息公开年报</a>')
    assert _crumbs(out / "records/R2026-053.html") == ('<a href="../index.html">首页</a> › '  # 领域 too: 35th pass
                                                       '<a href="../directory/shjz/index.html">社会救助</a> › '
                                                       '<a href="../items/SHJZ-001.html">最低生活保障 / 审批信息</a>')


# ---------------------------------------------------------------------------------------------------- 指南: 申请方式

def test_a_way_to_apply_whose_number_or_address_is_not_written_is_not_listed_and_warned_at_its_place(gk, cat, tmp_path):
    """「方式: [当面提交, 邮寄, 电子邮件, 传真]」 with no 电子邮箱 and no 传真 gave the citizen two lines reading only
    「电子邮件。」 and 「传真。」 (to which address, which number?), and validate said nothing of 传真. 网上申请 without its
    address was already left out and warned; now every way used through a contact of its own is."""
    web_catalog(cat)
    cat.write("gongkai.yaml", AGENCY.replace("  电子邮箱: gk@example.gov.cn\n", "")
              .replace("  方式: [当面提交, 邮寄]\n", "  方式: [当面提交, 邮寄, 电子邮件, 传真, 网上申请]\n"))
    run = gk("validate", cat.root, "--format", "json", "--no-cache")
    found = [(d["line"], d["column"], d["message"]) for d in json.loads(run.out)["diagnostics"]
             if d["code"] == "GK901" and d["path"] == "gongkai.yaml"]
    assert (29, 18, "申请方式有「电子邮件」，但没有写电子邮箱，指南中不会列出这种方式") in found
    assert (29, 24, "申请方式有「传真」，但没有写传真，指南中不会列出这种方式") in found
    assert (29, 28, "申请方式有「网上申请」，但没有写网上申请地址，指南中不会列出这种方式") in found
    guide = (site(gk, cat, tmp_path) / "zhinan/index.html").read_text(encoding="utf-8")
    ways = re.search(r"<h3>（二）申请方式</h3>\n<ul>\n(.*?)</ul>", guide, re.DOTALL)
    assert ways is not None
    assert re.findall(r"<li>([^：<]+)[：<]", ways.group(1)) == ["填写", "当面提交", "信函申请"]
    assert "<li>电子邮件。</li>" not in guide and "<li>传真。</li>" not in guide


def test_ways_to_apply_with_their_contacts_are_listed_with_them(gk, cat, tmp_path):
    web_catalog(cat)
    cat.write("gongkai.yaml", AGENCY.replace("  方式: [当面提交, 邮寄]\n",
                                             "  方式: [当面提交, 邮寄, 电子邮件, 传真]\n  传真: 0595-23000001\n"))
    run = gk("validate", cat.root, "--format", "json", "--no-cache")
    assert [d for d in json.loads(run.out)["diagnostics"] if d["code"] == "GK901"] == []
    guide = (site(gk, cat, tmp_path) / "zhinan/index.html").read_text(encoding="utf-8")
    assert ('<li>电子邮件：发送至<a href="mailto:gk@example.gov.cn">gk@example.gov.cn</a>，邮件主题请注明“政府信息公开申请”。</li>'
            in guide)
    assert "<li>传真申请：传真至 0595-23000001。</li>" in guide


# ---------------------------------------------------------------------------------------------------- 法定主动公开内容

def test_the_law_column_leads_to_the_standard_directory_it_says_it_lists_from(gk, cat, tmp_path):
    """法定主动公开内容 is 条例第二十条 plus the 政务公开事项标准目录 (国办发〔2019〕54号); the page said it lists the
    directory's items 「按类别」 but had no way to the directory itself: an inspector opening the column did not find it."""
    web_catalog(cat, ("R2026-030", "测试县民政局关于低保工作的通知", "详见附件。"))
    cat.write("gongkai.yaml", AGENCY.replace("    代码: SHJZ\n", "    代码: SHJZ\n  - 名称: 养老服务\n    代码: YLFW\n"))
    out = site(gk, cat, tmp_path)
    law = (out / "fdzdgknr/index.html").read_text(encoding="utf-8")
    assert ('<h2 id="dir-h">政务公开事项标准目录</h2>\n'
            '<p class="meta">《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）</p>\n'
            '<ul><li><a href="../directory/shjz/index.html">社会救助领域政务公开事项标准目录</a></li>'
            '<li><a href="../directory/ylfw/index.html">养老服务领域政务公开事项标准目录</a></li></ul>') in law
    for folder in ("shjz", "ylfw"):
        assert (out / "directory" / folder / "index.html").is_file()


# ---------------------------------------------------------------------------------------------------- feed.xml

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feed_names_its_own_address_under_the_base_and_parses(gk, cat, tmp_path):
    """RFC 4287 §4.2.7.2 and the W3C feed validator: a feed names its own address (rel="self"), which readers use to
    follow it when it is shared or moved; the column's feed had none."""
    import xml.etree.ElementTree as ElementTree

    web_catalog(cat, ("R2026-030", "测试县民政局关于低保工作的通知", "详见附件。"))
    feed = ElementTree.parse(site(gk, cat, tmp_path) / "feed.xml").getroot()
    links = {(link.get("rel"), link.get("href")) for link in feed.findall(f"{ATOM}link")}
    assert links == {("alternate", "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/index.html"),
                     ("self", "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/feed.xml")}
    entry = feed.find(f"{ATOM}entry")
    assert entry is not None and entry.findtext(f"{ATOM}updated") == "2026-11-02T00:00:00+08:00"  # 北京时间


def test_without_a_base_address_the_feed_claims_no_address_of_its_own(gk, cat, tmp_path):
    import xml.etree.ElementTree as ElementTree

    web_catalog(cat, ("R2026-030", "测试县民政局关于低保工作的通知", "详见附件。"))
    cat.write("gongkai.yaml", AGENCY.replace("网站:\n  基础地址: https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/\n", ""))
    feed = ElementTree.parse(site(gk, cat, tmp_path) / "feed.xml").getroot()
    assert [link.get("rel") for link in feed.findall(f"{ATOM}link")] == ["alternate"]


def test_the_privacy_scan_reads_a_body_with_pictures_and_headings_as_the_page_shows_it():
    from gongkai.privacy.markup import render_markdown
    from gongkai.site.render import markdown

    for body in (PICTURES, REPORT_BODY):
        assert render_markdown(body) == str(markdown(body))


# ---------------------------------------------------------------------------------------------------- 依申请公开

def test_the_home_page_has_an_entry_to_apply_for_what_is_not_published(gk, cat, tmp_path):
    """The home page is the column: an elderly citizen looking for how to ask for a document (依申请公开, 《条例》第二十七条)
    found no such word on it (only 「政府信息公开指南」, with the way to apply in its second part). Now one line leads to
    that part, naming the office that takes the application."""
    web_catalog(cat, ("R2026-030", "测试县民政局关于低保工作的通知", "详见附件。"))
    out = site(gk, cat, tmp_path)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert ('<p>需要本栏目没有主动公开的信息，可以<a href="zhinan/index.html#apply">依申请公开：向测试县民政局办公室申请</a>。</p>'
            in home)
    assert '<section id="apply" aria-labelledby="apply-h">' in (out / "zhinan/index.html").read_text(encoding="utf-8")


def test_a_feed_with_nothing_in_it_yet_is_dated_from_the_day_gongkai_was_adopted_not_1970(gk, cat, tmp_path):
    """A bureau that has just run `gongkai init` has nothing on the web yet: its feed said it was last updated on
    1970-01-01, which a reader's feed program shows as such. gongkai.yaml's 启用日期 (written by init) dates it."""
    import xml.etree.ElementTree as ElementTree

    web_catalog(cat)
    cat.write("gongkai.yaml", AGENCY + "启用日期: 2026-11-20\n")
    feed = ElementTree.parse(site(gk, cat, tmp_path) / "feed.xml").getroot()
    assert feed.findall(f"{ATOM}entry") == []
    assert feed.findtext(f"{ATOM}updated") == "2026-11-20T00:00:00+08:00"
