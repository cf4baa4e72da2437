"""Thirteenth hostile pass over the 政府信息公开 column and `gongkai export portal`: what leaves the page is right.

Found by this pass:
- 网站.基础地址 with a query string (…/mzj?a=1) went into the middle of every address (…/mzj?a=1/records/R….html);
  a path in Chinese went into sitemap.xml unencoded; an upper-case scheme (HTTPS://) was refused while an upper-case
  host was written as typed. Now the address is one normal form (lower-case scheme and host, path percent-encoded,
  one slash at the end, a ?… or #… after it dropped as a browser resolving a page against it would).
- An attachment named 「名单#2.pdf」 or 「100%名单.pdf」 was linked as written: the # cut the address, the % was a bad escape.
- A title holding a control character (Word's manual line break U+000B, pasted) made feed.xml not well-formed and
  `export portal` crash (openpyxl refuses it): now an error where it is read (GK103), the record goes nowhere.
- A bidi override (名单\\u202efdp.exe) was taken out of the site's pages but went into portal.json/xml/xlsx.
- 「0595-2341 1234转8001；0595-23222516」 became one tel: link to 059523411234800105952322 2516; 「安溪民政 <a@b>」 a mailto:
  link to 「安溪民政 <a@b>」; a phone with no number a link to the page itself (href=""). Now each number and address is
  its own link (the extension as ;ext=), text stays text, and validate warns (GK901) when no number or address is there.
"""

from __future__ import annotations

import json
import xml.dom.minidom
import zipfile
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM
from portal_catalog import record

ODD_BASE = "HTTPS://WWW.Example.GOV.cn/zwgk/部门信息/mzj"
ENCODED_BASE = "https://www.example.gov.cn/zwgk/%E9%83%A8%E9%97%A8%E4%BF%A1%E6%81%AF/mzj/"
NOTICE = record("R2026-020", "测试县民政局关于网站通知的通知", channels="政府网站", item="SHJZ-001",
                body="详见[办事指南](../records/R2026-020.html)。")  # from the record's page, as a browser reads it


def with_base(base: str) -> str:
    return AGENCY.replace("基础地址: https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/", f"基础地址: {base}")


def diagnostics(gk, root: Path) -> list[dict]:
    run = gk("validate", root, "--format", "json")
    assert run.code in (0, 1), run.err
    return json.loads(run.out)["diagnostics"]


def site(gk, cat, tmp_path: Path) -> Path:
    out = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", out)
    assert run.code == 0, run.err
    return out


def web_catalog(cat, agency: str = AGENCY):
    cat.write("gongkai.yaml", agency)
    cat.item(ITEM.replace("政府网站, 社区/企事业单位/村公示栏（电子屏）", "政府网站").replace("低保对象名单及相关信息", "政策法规文件"))
    (cat.root / "records/2026/R2026-001.yaml").unlink(missing_ok=True)
    cat.write("records/2026/R2026-020.yaml", NOTICE)
    return cat


# ---------------------------------------------------------------------------------------------------- 基础地址

def test_an_odd_base_address_becomes_one_normal_form_in_every_absolute_address(gk, cat, tmp_path):
    web_catalog(cat, with_base(ODD_BASE))
    assert [d for d in diagnostics(gk, cat.root) if d["code"] == "GK112"] == []
    out = site(gk, cat, tmp_path)
    sitemap = xml.dom.minidom.parse(str(out / "sitemap.xml"))
    locs = [n.firstChild.data for n in sitemap.getElementsByTagName("loc")]
    assert locs and all(loc.startswith(ENCODED_BASE) for loc in locs)
    assert ENCODED_BASE + "records/R2026-020.html" in locs
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert f'href="{ENCODED_BASE}records/R2026-020.html"' in feed and "部门" not in feed
    assert json.loads((out / "data/directory.json").read_text(encoding="utf-8"))["地址"] == ENCODED_BASE
    run = gk("export", "portal", cat.root, "--out", tmp_path / "portal")
    assert run.code == 0, run.err
    document = json.loads((tmp_path / "portal/portal.json").read_text(encoding="utf-8"))
    assert document["栏目地址"] == ENCODED_BASE
    assert f'href="{ENCODED_BASE}records/R2026-020.html"' in document["信息"][0]["正文"]


def test_a_query_or_fragment_after_the_base_address_stays_out_of_every_address(gk, cat, tmp_path):
    web_catalog(cat, with_base("https://www.example.gov.cn:8443/zwgk/mzj?dept=mzj&x=1#top"))
    assert [d for d in diagnostics(gk, cat.root) if d["severity"] == "error"] == []
    out = site(gk, cat, tmp_path)
    base = "https://www.example.gov.cn:8443/zwgk/mzj/"
    locs = [n.firstChild.data for n in xml.dom.minidom.parse(str(out / "sitemap.xml")).getElementsByTagName("loc")]
    assert base + "records/R2026-020.html" in locs and all(loc.startswith(base) for loc in locs)
    for name in ("sitemap.xml", "feed.xml", "data/directory.json"):
        text = (out / name).read_text(encoding="utf-8")
        assert "dept" not in text and "#top" not in text, name


def test_a_protocol_relative_base_address_is_refused(gk, cat):
    web_catalog(cat, with_base("//www.example.gov.cn/zwgk/mzj/"))
    assert [d["code"] for d in diagnostics(gk, cat.root) if d["severity"] == "error"] == ["GK112"]


# ---------------------------------------------------------------------------------------------------- attachments

def test_an_attachment_name_with_hash_percent_or_space_is_linked_to_the_file(gk, cat, tmp_path):
    from conftest import text_pdf
    web_catalog(cat)
    names = ["名单#2.pdf", "100%完成.pdf", "通知 终稿.pdf"]
    listed = "".join(f"  - 文件: files/2026/{n}\n" for n in names)
    for name in names:
        cat.write(f"files/2026/{name}", text_pdf("notice"))
    cat.write("records/2026/R2026-020.yaml", NOTICE.replace("正文:", f"附件:\n{listed}正文:"))
    out = site(gk, cat, tmp_path)
    page = (out / "records/R2026-020.html").read_text(encoding="utf-8")
    for href in ("../files/2026/%E5%90%8D%E5%8D%95%232.pdf", "../files/2026/100%25%E5%AE%8C%E6%88%90.pdf",
                 "../files/2026/%E9%80%9A%E7%9F%A5%20%E7%BB%88%E7%A8%BF.pdf"):
        assert f'href="{href}"' in page
    for name in names:
        assert (out / "files/2026" / name).is_file()


# ---------------------------------------------------------------------------------------------------- characters

def test_a_control_character_in_a_title_is_taken_out_and_no_output_breaks(gk, cat, tmp_path):
    """Word's manual line break (U+000B) written into a title: every file is read without it (GK017, a warning naming
    the line), so the feed and the portal's XML stay well-formed and the record goes out as 「第一行第二行」. Models
    made from elsewhere (a spreadsheet cell) still refuse such a character (GK103)."""
    web_catalog(cat)
    cat.write("records/2026/R2026-021.yaml", record("R2026-021", "第一行\\x0b第二行", channels="政府网站")
              .replace("题名: 第一行\\x0b第二行", '题名: "第一行\\x0b第二行"'))
    found = [d for d in diagnostics(gk, cat.root) if d["path"] == "records/2026/R2026-021.yaml"]
    assert [(d["code"], d["line"]) for d in found] == [("GK017", 2)]
    out = site(gk, cat, tmp_path)
    xml.dom.minidom.parse(str(out / "feed.xml"))
    assert "第一行第二行" in (out / "records/R2026-021.html").read_text(encoding="utf-8")
    run = gk("export", "portal", cat.root, "--out", tmp_path / "portal")
    assert run.code == 0, run.err + run.out
    xml.dom.minidom.parse(str(tmp_path / "portal/portal.xml"))
    document = json.loads((tmp_path / "portal/portal.json").read_text(encoding="utf-8"))
    assert sorted(e["编号"] for e in document["信息"]) == ["R2026-020", "R2026-021"]
    assert "\x0b" not in (tmp_path / "portal/portal.json").read_text(encoding="utf-8")


def test_a_control_character_in_a_model_made_from_elsewhere_is_refused():
    from pydantic import ValidationError

    from gongkai.model import Record

    with pytest.raises(ValidationError, match="U\\+000B"):
        Record.model_validate({"编号": "R2026-021", "题名": "第一行\x0b第二行", "文种": "通知", "责任单位": "bgs",
                               "成文日期": "2026-08-28"})


def test_a_bidi_override_reaches_no_file_of_the_portal_export(gk, cat, tmp_path):
    web_catalog(cat)
    title = "A<b>&c ]]> 名单\u202efdp.exe 😀\u200f"
    cat.write("records/2026/R2026-021.yaml", record("R2026-021", "x", channels="政府网站", body="正文\u202e甲乙")
              .replace("题名: x", "题名: " + json.dumps(title, ensure_ascii=False)))
    out = tmp_path / "portal"
    assert gk("export", "portal", cat.root, "--out", out).code == 0
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            texts = [data] if path.suffix != ".xlsx" else [zipfile.ZipFile(path).read(n) for n in
                                                          zipfile.ZipFile(path).namelist()]
            assert all("\u202e".encode() not in t for t in texts), path
    document = json.loads((out / "portal.json").read_text(encoding="utf-8"))
    assert {e["标题"] for e in document["信息"]} == {"测试县民政局关于网站通知的通知", "A<b>&c ]]> 名单fdp.exe 😀\u200f"}
    dom = xml.dom.minidom.parse(str(out / "portal.xml"))
    assert "A<b>&c ]]> 名单fdp.exe 😀\u200f" in [n.firstChild.data for n in dom.getElementsByTagName("标题")]


# ---------------------------------------------------------------------------------------------------- contacts

def desk(phone: str, email: str) -> str:
    return (AGENCY.replace("  电话: 0595-23000000\n", f"  电话: \"{phone}\"\n")
            .replace("  电子邮箱: gk@example.gov.cn\n", f"  电子邮箱: \"{email}\"\n"))


def test_several_numbers_an_extension_and_a_named_address_are_each_their_own_link(gk, cat, tmp_path):
    web_catalog(cat, desk("0595-2341 1234转8001；0595-23222516", "测试县民政局 <gk@example.gov.cn>"))
    assert [d for d in diagnostics(gk, cat.root) if d["code"] == "GK901"] == []
    guide = (site(gk, cat, tmp_path) / "zhinan/index.html").read_text(encoding="utf-8")
    assert ('<td><a href="tel:0595-23411234;ext=8001">0595-2341 1234转8001</a>；'
            '<a href="tel:0595-23222516">0595-23222516</a></td>') in guide
    assert '<td>测试县民政局 &lt;<a href="mailto:gk@example.gov.cn">gk@example.gov.cn</a>&gt;</td>' in guide
    assert 'href=""' not in guide and "mailto:测试县" not in guide


def test_a_phone_without_a_number_or_an_email_without_an_address_warns_and_links_nowhere(gk, cat, tmp_path):
    web_catalog(cat, desk("见办公室公告", "见县政府网站"))
    warned = [d["message"] for d in diagnostics(gk, cat.root) if d["code"] == "GK901"]
    assert len(warned) == 2 and "见办公室公告" in warned[0] and "见县政府网站" in warned[1]
    guide = (site(gk, cat, tmp_path) / "zhinan/index.html").read_text(encoding="utf-8")
    assert "<td>见办公室公告</td>" in guide and "<td>见县政府网站</td>" in guide
    assert 'href=""' not in guide and 'href="tel:"' not in guide and 'href="mailto:见' not in guide
