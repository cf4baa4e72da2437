"""Twenty-fifth hostile pass, as the machines that read the column: search engines (sitemap.xml), feed readers and the
county portal's aggregator (feed.xml), Excel and programs reading the open data, link checkers, the webmaster's server.

Tried and found sound (kept below as checks): titles with 「&」「<」「]]>」, control and XML-invalid characters (U+0001,
U+000B, U+0085, U+FFFE, U+2028 — GK017 takes them out when the file is read, a lone surrogate is GK001/GK003 and the file
is not read) leave feed.xml and sitemap.xml well-formed; a title starting with 「=」 is text in the open data; a withdrawn
record and an ended 公示's names leave the feed, the sitemap, the open data and the search index on the day.

Found by this pass:
1. sitemap.xml listed every page of the column in one file, however many: at 50,001 pages it broke the sitemap protocol
   (sitemaps.org: at most 50,000 URLs and 50 MB per file), and search engines reject such a file whole — a bureau with
   100,000 records had none of its pages submitted. Now past 50,000 addresses (or 50 MB) sitemap.xml is a sitemap index
   naming sitemap-1.xml, sitemap-2.xml … at the column's root (a part may list only addresses under its own folder), each
   within both limits; when the column shrinks again the parts are deleted.
2. feed.xml held the 50 records published last. A standard published long ago that lapsed (有效性: 废止/失效 with its
   date) got 【废止】 and an <updated> of the day it lapsed — but only when it was among those 50: otherwise it was in no
   entry, and a subscriber (the portal's aggregator, a feed reader) never learnt that a rule in force had been repealed.
   Now the feed holds the 50 entries changed last (published, or no longer in force), newest first.
3. Without 「网站: 基础地址」 the feed's id was urn:gongkai:<区划代码>: and each entry's urn:gongkai:<区划代码>:records/<编号>.html.
   Every bureau of a county shares its 区划代码 and most number their records R2026-001…: the 民政局's and the 人社局's feeds
   were one feed, and their R2026-001 one entry, to a reader or aggregator (RFC 4287 §4.2.6: an id is universally
   unique), which showed one bureau's document in place of the other's. Now the URN names the bureau too
   (urn:gongkai:350524:<机关名称, UTF-8 percent-encoded>:).
4. build-site's list of files taken down said they left because of 「撤回、渠道改变或不再通过公开审核」; the commonest
   reasons — a 公示's period ended (its list of names), a record's 编号 changed (its old address) — were not named, and
   a webmaster reading it could not tell why a list had gone. Now it names them.
"""

from __future__ import annotations

import datetime as dt
import shutil
import types
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, CatalogDir
from gongkai.site import build_site
from gongkai.site.pages import files as site_files
from portal_catalog import BASE, BOARD, LIST, agency, record
from test_hostile21_site import broken

TODAY = dt.date(2026, 11, 27)
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
POLICY_ITEM = (ITEM.replace("SHJZ-001", "SHJZ-002").replace("审批信息", "政策文件")
               .replace("低保对象名单及相关信息", "低保政策文件").replace("五公开: 结果公开", "五公开: 决策公开"))
SMALL_PARTS = 20  # the limit per sitemap file while the module's site is built: 50,000 in use


def _published(n: int) -> str:
    """第n批: 2026-09-n for n ≤ 28, then 2026-10-(n − 28) (第51批: 2026-10-23); all formed on 2026-08-28."""
    return f"2026-09-{n:02d}" if n <= 28 else f"2026-10-{n - 28:02d}"


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("machines") / "catalog"
    cat = CatalogDir(root)
    cat.write("gongkai.yaml", agency())
    cat.item()
    cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
    for n in range(1, 52):  # 51 通知; the first, published on 1 September, repealed on 20 November
        rid = f"R2026-{100 + n}"
        lapsed = "有效性: 废止\n有效性日期: 2026-11-20\n" if n == 1 else ""
        cat.record(record(rid, f"关于第{n}批工作的通知", item="SHJZ-002", published=_published(n), extra=lapsed),
                   f"records/2026/{rid}.yaml")
    cat.record(record("R2026-201", '"关于A&B<c>]]>的\\x01通知\\u2028"', item="SHJZ-002", published="2026-11-02"),
               "records/2026/R2026-201.yaml")
    # a 公示 of names, ended on 2026-09-09 (2026-09-01 + 7 working days), and a record withdrawn on 2026-11-20
    cat.record(record("R2026-301", "官桥镇低保初审对象公示", kind="公示", published="2026-09-01", unit="mzb-103",
                      channels=f"政府网站, {BOARD}", item="SHJZ-001", extra="公示期: 7\n",
                      body="现将初审对象公示如下。\n\n" + LIST.format(name="陈金水")), "records/2026/R2026-301.yaml")
    cat.record(record("R2026-302", "已撤回庚号通知", published="2026-10-10", channels="政府网站",
                      extra="撤回:\n  日期: 2026-11-20\n  原因: 误将内部事务信息作为主动公开信息发布\n"),
               "records/2026/R2026-302.yaml")
    return root


@pytest.fixture(scope="module")
def site(catalog: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The column built once (read only) by the function the CLI calls, with 20 addresses a sitemap file at most, so
    that this small column needs a sitemap index as a column of 50,001 pages does."""
    out = tmp_path_factory.mktemp("machines-site") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(site_files, "SITEMAP_URLS", SMALL_PARTS)
        build_site(catalog, out, TODAY, use_cache=False)
    return out


def _locs(path: Path) -> list[str]:
    return [e.text or "" for e in ET.parse(path).iter(f"{SITEMAP}loc")]


# ------------------------------------------------------------------------------------------- sitemap: 50,000 a file

def _sitemaps(count: int, base: str = BASE) -> dict[str, bytes]:
    paths = [f"records/R{n:06d}.html" for n in range(count)]
    return {a.path: a.make() for a in site_files.sitemaps(types.SimpleNamespace(base_url=base), paths)}


def test_50000_pages_are_one_sitemap_and_50001_an_index_of_two_parts():
    """sitemaps.org/protocol.html: 「each Sitemap file … must have no more than 50,000 URLs」; more are listed in parts
    named by a sitemap index."""
    one = _sitemaps(50_000)
    assert list(one) == ["sitemap.xml"]
    assert len(_locs_of(one["sitemap.xml"], "urlset")) == 50_000

    made = _sitemaps(50_001)
    assert sorted(made) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]
    assert _locs_of(made["sitemap.xml"], "sitemapindex") == [BASE + "sitemap-1.xml", BASE + "sitemap-2.xml"]
    first = _locs_of(made["sitemap-1.xml"], "urlset")
    assert len(first) == 50_000
    assert first[0] == BASE + "records/R000000.html" and first[-1] == BASE + "records/R049999.html"
    assert _locs_of(made["sitemap-2.xml"], "urlset") == [BASE + "records/R050000.html"]


def test_no_sitemap_file_passes_50_mb_even_with_a_long_base_address(monkeypatch):
    """「… and must be no larger than 50MB (52,428,800 bytes)」: with the longest base addresses 50,000 lines do not fit.
    Checked at a small scale: a limit of 10,820 bytes, under a base address of 1,028 characters. A page's line
    (<url><loc>, the 1,048-character address, </loc></url>, a line break) is 1,071 bytes and the file's head and tail
    (the XML declaration, <urlset …>, </urlset>) 110 bytes: ten lines make 10,820 bytes, 25 pages need three files at
    least, and no file may be bigger."""
    monkeypatch.setattr(site_files, "SITEMAP_BYTES", 10_820)
    base = "https://www.example.gov.cn/" + "a" * 1000 + "/"
    made = _sitemaps(25, base)
    parts = [data for name, data in made.items() if name != "sitemap.xml"]
    assert len(parts) >= 3
    assert all(len(part) <= 10_820 for part in parts)
    listed = [loc for part in parts for loc in _locs_of(part, "urlset")]
    assert listed == [f"{base}records/R{n:06d}.html" for n in range(25)]
    assert _locs_of(made["sitemap.xml"], "sitemapindex") == [f"{base}sitemap-{n}.xml" for n in range(1, len(parts) + 1)]


def _locs_of(data: bytes, root: str) -> list[str]:
    tree = ET.fromstring(data)
    assert tree.tag == SITEMAP + root
    return [e.text or "" for e in tree.iter(f"{SITEMAP}loc")]


def test_the_built_column_past_the_limit_has_an_index_whose_parts_list_every_page_once(site):
    index = ET.parse(site / "sitemap.xml").getroot()
    assert index.tag == SITEMAP + "sitemapindex"
    parts = _locs(site / "sitemap.xml")
    assert parts == [f"{BASE}sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
    listed = [loc for part in parts for loc in _locs(site / part.removeprefix(BASE))]
    assert all(len(_locs(site / part.removeprefix(BASE))) <= SMALL_PARTS for part in parts)
    assert len(listed) == len(set(listed))
    records = sorted(loc for loc in listed if "/records/" in loc)
    # the 51 通知 and R2026-201; not the ended 公示 R2026-301 (a list of people), not the withdrawn R2026-302
    assert records == sorted([*(f"{BASE}records/R2026-{100 + n}.html" for n in range(1, 52)),
                              f"{BASE}records/R2026-201.html"])
    assert BASE in listed and f"{BASE}zhinan/" in listed and f"{BASE}items/SHJZ-002.html" in listed
    assert broken(site, BASE) == []  # every address of the index and its parts names a file of the column


def test_the_parts_leave_the_column_when_it_fits_one_sitemap_again(catalog, site, tmp_path, gk):
    folder, copy = tmp_path / "site", tmp_path / "catalog"
    shutil.copytree(site, folder)
    shutil.copytree(catalog, copy)
    (copy / "records/2026/R2026-303.yaml").write_text(record("R2026-303", "关于新工作的通知", item="SHJZ-002"),
                                                      encoding="utf-8")
    run = gk("build-site", copy, "--out", folder, "--today", "2026-11-27")
    assert run.code == 0, run.err
    assert sorted(p.name for p in folder.glob("sitemap*")) == ["sitemap.xml"]
    assert ET.parse(folder / "sitemap.xml").getroot().tag == SITEMAP + "urlset"
    assert f"{BASE}records/R2026-303.html" in _locs(folder / "sitemap.xml")


# ------------------------------------------------------------------------------------------------------- feed.xml

def test_a_standard_repealed_today_is_in_the_feed_though_published_long_before_the_newest_50(site):
    feed = ET.parse(site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 50
    first = entries[0]
    assert first.findtext(f"{ATOM}title") == "关于第1批工作的通知【废止】"
    assert first.findtext(f"{ATOM}updated") == "2026-11-20T00:00:00+08:00"
    assert feed.findtext(f"{ATOM}updated") == "2026-11-20T00:00:00+08:00"
    titles = [e.findtext(f"{ATOM}title") for e in entries[1:]]
    # then the 49 published last: R2026-201 (2026-11-02), 第51批 (2026-10-23) down to 第4批 (2026-09-04); 第3批 and
    # 第2批 are the oldest in force
    assert titles == ["关于A&B<c>]]>的通知", *(f"关于第{n}批工作的通知" for n in range(51, 3, -1))]
    assert entries[2].findtext(f"{ATOM}updated") == "2026-10-23T00:00:00+08:00"
    assert entries[-1].findtext(f"{ATOM}updated") == "2026-09-04T00:00:00+08:00"


def test_the_feed_and_sitemap_stay_well_formed_and_hold_no_list_of_names_nor_a_withdrawn_record(site):
    text = (site / "feed.xml").read_text(encoding="utf-8")
    for gone in ("陈金水", "R2026-301", "官桥镇低保", "R2026-302", "庚号"):
        assert gone not in text
        assert all(gone not in p.read_text(encoding="utf-8") for p in site.glob("sitemap*.xml"))
        assert gone not in (site / "data/directory.json").read_text(encoding="utf-8")
    # R2026-201, titled 「关于A&B<c>]]>的\x01通知\u2028」: the invisible characters are taken out when the file is read
    assert "关于A&B<c>]]>的通知" in _feed_titles(site)


def _feed_titles(site: Path) -> list[str]:
    feed = ET.parse(site / "feed.xml").getroot()
    return [e.findtext(f"{ATOM}title") or "" for e in feed.iter(f"{ATOM}entry")]


def test_two_bureaus_of_one_county_without_a_base_address_have_feeds_of_their_own(gk, tmp_path):
    """民政局 and 人社局 of 测试县 (区划代码 350524 both), each with its R2026-001, no 网站: 基础地址."""
    without_base = AGENCY[:AGENCY.index("网站:\n")]
    ids = {}
    for name in ("测试县民政局", "测试县人社局"):
        cat = CatalogDir(tmp_path / name / "catalog")
        cat.write("gongkai.yaml", without_base.replace("名称: 测试县民政局\n", f"名称: {name}\n"))
        cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
        cat.record(record("R2026-001", f"{name}关于工作的通知", item="SHJZ-002"), "records/2026/R2026-001.yaml")
        run = gk("build-site", cat.root, "--out", tmp_path / name / "site", "--today", "2026-11-27")
        assert run.code == 0, run.err
        feed = ET.parse(tmp_path / name / "site" / "feed.xml").getroot()
        entry = feed.find(f"{ATOM}entry")
        assert entry is not None
        ids[name] = (feed.findtext(f"{ATOM}id"), entry.findtext(f"{ATOM}id"))
    # 测试县民政局 in UTF-8: E6 B5 8B E8 AF 95 E5 8E BF E6 B0 91 E6 94 BF E5 B1 80; 人社局: E4 BA BA E7 A4 BE E5 B1 80
    mz = "urn:gongkai:350524:%E6%B5%8B%E8%AF%95%E5%8E%BF%E6%B0%91%E6%94%BF%E5%B1%80:"
    rs = "urn:gongkai:350524:%E6%B5%8B%E8%AF%95%E5%8E%BF%E4%BA%BA%E7%A4%BE%E5%B1%80:"
    assert ids == {"测试县民政局": (mz, mz + "records/R2026-001.html"),
                   "测试县人社局": (rs, rs + "records/R2026-001.html")}


# ------------------------------------------------------------------------------------------------ what was taken down

def test_the_webmaster_is_told_a_list_came_down_because_its_period_ended(gk, tmp_path):
    """湖头镇's 公示 of 2026-11-24, 公示期 7 working days: 11-24, 25, 26, 27, 30, 12-01, 12-02 — on the web until 12-02,
    its list (the attachment) taken down on 12-03."""
    from conftest import text_pdf

    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", agency())
    cat.item()
    cat.write("files/2026/R2026-014.pdf", text_pdf("list"))
    cat.record(record("R2026-014", "湖头镇低保初审对象公示", kind="公示", published="2026-11-24", unit="mzb-102",
                      channels=f"政府网站, {BOARD}", item="SHJZ-001",
                      extra="公示期: 7\n附件:\n  - 文件: files/2026/R2026-014.pdf\n    名称: 名单\n"),
               "records/2026/R2026-014.yaml")
    out = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", out, "--today", "2026-12-02").code == 0
    assert (out / "files/2026/R2026-014.pdf").is_file()
    run = gk("build-site", cat.root, "--out", out, "--today", "2026-12-03")
    assert run.code == 0, run.err
    assert ("已从网站撤下 1 个文件（撤回、公示期满、改了编号、渠道改变、公开日期删去或改晚、不再通过公开审核，或事项、乡镇从目录中删去；部署到门户网站的副本中也请删除）：\n"
            "  files/2026/R2026-014.pdf\n") in run.out
    assert not (out / "files/2026/R2026-014.pdf").exists()
