"""Where and while the law allows: channels decide the web, 公示 periods end lists, withdrawn records leave.

The catalog is tests/portal_catalog.py. Its 公示 run 7 working days counting the 公开日期 (worked out by hand on the
2026 calendar, which has no holiday in late November or early December):
- R2026-014 (web and board), published Tue 2026-11-24: 24, 25, 26, 27, 30 Nov, 1, 2 Dec — last day 2026-12-02.
- R2026-013 (board only), published Wed 2026-11-25: last day 2026-12-03.
- R2026-015 (web and board), published Tue 2026-09-01: 1, 2, 3, 4, 7, 8, 9 Sep — last day 2026-09-09.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest

from conftest import ITEM, RECORD, CatalogDir
from portal_catalog import BASE, NEVER, build, record

STORE = ".gongkai-build.json"


@pytest.fixture
def pc(cat: CatalogDir) -> CatalogDir:
    return build(cat)


def everything(site: Path) -> str:
    """Every byte the site holds as text, zip and gzip members unpacked, file names included."""
    chunks = []
    for path in sorted(site.rglob("*")):
        chunks.append(path.relative_to(site).as_posix())
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        elif data[:2] == b"PK":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                data = b"".join(archive.read(n) for n in archive.namelist())
        chunks.append(data.decode("utf-8", "replace"))
    return "\n".join(chunks)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name != STORE}


def site_on(gk, cat: CatalogDir, out: Path, today: str, *args: str) -> Path:
    run = gk("build-site", cat.root, "--out", out, "--today", today, *args)
    assert run.code == 0, run.err
    return out


def test_a_record_for_the_board_only_leaves_nothing_on_the_web(gk, pc, tmp_path):
    text = everything(site_on(gk, pc, tmp_path / "site", "2026-11-27"))
    for absent in ("R2026-013", "湖头镇公示栏专用丁号公示", "林秀治"):
        assert absent not in text, absent


def test_a_running_list_is_on_the_web_but_never_indexed(gk, pc, tmp_path):
    site = site_on(gk, pc, tmp_path / "site", "2026-11-27")
    page = (site / "records/R2026-014.html").read_text("utf-8")
    assert "苏阿森" in page and '<meta name="robots" content="noindex' in page
    assert (site / "files/2026/R2026-014.pdf").is_file()
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert f"<loc>{BASE}records/R2026-010.html</loc>" in sitemap and "R2026-014" not in sitemap
    assert "R2026-014" not in (site / "feed.xml").read_text("utf-8")


@pytest.mark.parametrize(("today", "shown"), [("2026-12-01", True), ("2026-12-02", True), ("2026-12-03", False)])
def test_the_list_comes_down_the_day_after_its_last_day(gk, pc, tmp_path, today, shown):
    site = site_on(gk, pc, tmp_path / "site", today)
    assert ("苏阿森" in everything(site)) is shown
    assert (site / "files/2026/R2026-014.pdf").exists() is shown
    page = (site / "records/R2026-014.html").read_text("utf-8")
    assert ("公示已于2026年12月2日结束" in page) is not shown


def test_an_ended_list_is_gone_from_every_byte(gk, pc, tmp_path):
    text = everything(site_on(gk, pc, tmp_path / "site", "2026-11-27"))
    assert "陈金水" not in text and "files/2026/R2026-015.pdf" not in text
    assert "公示已于2026年9月9日结束" in (tmp_path / "site/records/R2026-015.html").read_text("utf-8")


def test_withdrawn_blocked_and_non_public_records_leave_no_trace(gk, pc, tmp_path):
    run = gk("build-site", pc.root, "--out", tmp_path / "site", "--today", "2026-11-27")
    assert run.code == 0 and "R2026-017 没有发布" in run.err and "11*************02X" in run.err
    assert "11010519491231002X" not in run.err + run.out
    text = everything(tmp_path / "site")
    for absent in (*NEVER, "已撤回庚号通知", "R2026-016", "R2026-011", "R2026-012", "R2026-017"):
        assert absent not in text, absent


def test_a_withdrawn_record_was_there_before_its_withdrawal(gk, pc, tmp_path):
    assert "已撤回庚号通知" in everything(site_on(gk, pc, tmp_path / "site", "2026-11-19"))


def test_build_site_tells_the_next_day_the_site_changes(gk, pc, tmp_path):
    run = gk("build-site", pc.root, "--out", tmp_path / "site", "--today", "2026-11-27")
    assert "下次变化：2026-12-03" in run.out  # R2026-014's list comes down the day after 2026-12-02
    run = gk("build-site", pc.root, "--out", tmp_path / "site", "--today", "2026-12-02")
    assert "网站没有变化" in run.out  # the same catalog, and nothing ends before the 3rd
    run = gk("build-site", pc.root, "--out", tmp_path / "site", "--today", "2026-12-03")
    assert "网站没有变化" not in run.out and "下次变化：2026-12-04" in run.out


def test_the_day_a_list_ends_an_update_equals_a_fresh_build(gk, pc, tmp_path):
    updated = site_on(gk, pc, tmp_path / "updated", "2026-12-02")
    site_on(gk, pc, updated, "2026-12-03")
    fresh = site_on(gk, pc, tmp_path / "fresh", "2026-12-03")
    assert files(updated) == files(fresh)


def test_a_record_claiming_a_channel_its_item_lacks_stays_off_it(gk, pc, tmp_path):
    pc.item(pc.root.joinpath("items/shjz/SHJZ-001.yaml").read_text("utf-8").replace("政府网站, ", ""))
    site = site_on(gk, pc, tmp_path / "site", "2026-11-27")
    assert not (site / "records/R2026-014.html").exists()  # it names 政府网站, its item no longer does
    run = gk("validate", pc.root, "--today", "2026-11-27")
    assert "GK410" in run.out and "items/shjz/SHJZ-001.yaml 第" in run.out


def test_documents_not_in_force_say_so_and_come_last(gk, cat, tmp_path):
    old = record("R2026-002", "二〇二五年低保标准甲", kind="政策文件", published="2026-03-02", item="SHJZ-001",
                 channels="政府网站", extra="有效性: 失效\n有效性日期: 2026-07-01\n被替代: R2026-003\n")
    new = record("R2026-003", "二〇二六年低保标准乙", kind="政策文件", published="2026-03-01", item="SHJZ-001",
                 channels="政府网站", extra="有效性: 有效\n替代: [R2026-002]\n")
    cat.write("records/2026/R2026-002.yaml", old)
    cat.write("records/2026/R2026-003.yaml", new)
    site = site_on(gk, cat, tmp_path / "site", "2026-11-27")
    page = (site / "records/R2026-002.html").read_text("utf-8")
    assert "本文件已失效" in page and 'href="../records/R2026-003.html"' in page
    listing = (site / "items/SHJZ-001.html").read_text("utf-8")
    # newest first, but the one not in force after every one in force, and labelled
    assert listing.index("二〇二六年低保标准乙") < listing.index("二〇二五年低保标准甲")
    assert "二〇二五年低保标准甲</a> <span class=\"invalid\">【失效】</span>" in listing
    assert "本文件替代的文件" in (site / "records/R2026-003.html").read_text("utf-8")


def _standards(cat: CatalogDir) -> None:
    """The 2025 standard, 失效 from 2026-07-01 and replaced by the 2026 one, published before that day; their item
    SHJZ-002 holds standards, not lists of people, so they are in the feed and the search index."""
    cat.item(ITEM.replace("SHJZ-001", "SHJZ-002").replace("审批信息", "政策法规文件")
             .replace("低保对象名单及相关信息", "最低生活保障标准"), "items/shjz/SHJZ-002.yaml")
    cat.write("records/2026/R2026-002.yaml", record(
        "R2026-002", "二〇二五年低保标准甲", kind="政策文件", published="2026-03-02", item="SHJZ-002", channels="政府网站",
        extra="有效性: 失效\n有效性日期: 2026-07-01\n被替代: R2026-003\n"))
    cat.write("records/2026/R2026-003.yaml", record(
        "R2026-003", "二〇二六年低保标准乙", kind="政策文件", published="2026-06-26", item="SHJZ-002", channels="政府网站",
        extra="有效性: 有效\n替代: [R2026-002]\n"))


@pytest.mark.parametrize(("today", "in_force"), [("2026-06-30", True), ("2026-07-01", False), ("2026-07-02", False)])
def test_a_document_is_in_force_until_its_validity_date(gk, cat, tmp_path, today, in_force):
    _standards(cat)
    site = site_on(gk, cat, tmp_path / "site", today)
    page = (site / "records/R2026-002.html").read_text("utf-8")
    listing = (site / "items/SHJZ-002.html").read_text("utf-8")
    assert ("本文件已失效</strong>（2026年7月1日）" in page) is not in_force
    assert ('<td class="invalid">失效</td>' in page) is not in_force and ("<td>有效</td>" in page) is in_force
    assert ("二〇二五年低保标准甲</a> <span class=\"invalid\">【失效】</span>" in listing) is not in_force
    feed = (site / "feed.xml").read_text("utf-8")
    assert ("<title>二〇二五年低保标准甲【失效】</title>" in feed) is not in_force
    search = everything(site / "search")  # the title a result shows
    assert ("二〇二五年低保标准甲【失效】" in search) is not in_force and "二〇二五年低保标准甲" in search
    # in force, the newer 2025 one (published 03-02) is listed after 06-26's by date; once 失效, last whatever its date
    assert listing.index("二〇二六年低保标准乙") < listing.index("二〇二五年低保标准甲")


def test_the_day_a_document_lapses_the_site_changes_and_an_update_equals_a_fresh_build(gk, cat, tmp_path):
    _standards(cat)
    run = gk("build-site", cat.root, "--out", tmp_path / "updated", "--today", "2026-06-30")
    assert run.code == 0 and "下次变化：2026-07-01" in run.out
    site_on(gk, cat, tmp_path / "updated", "2026-07-01")
    assert files(tmp_path / "updated") == files(site_on(gk, cat, tmp_path / "fresh", "2026-07-01"))


def test_without_a_base_address_no_sitemap_and_a_warning(gk, cat, tmp_path):
    text = cat.root.joinpath("gongkai.yaml").read_text("utf-8")
    cat.write("gongkai.yaml", text[:text.index("网站:\n")])
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0 and "基础地址" in run.err
    assert not (tmp_path / "site/sitemap.xml").exists()


def test_a_mobile_in_gongkai_yaml_stops_the_build(gk, cat, tmp_path):
    text = cat.root.joinpath("gongkai.yaml").read_text("utf-8")
    cat.write("gongkai.yaml", text.replace("  受理机构: 测试县民政局办公室\n", "  受理机构: 测试县民政局办公室（值班 13812345678）\n"))
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 1 and "138****5678" in run.err and "13812345678" not in run.err
    assert not (tmp_path / "site").exists()


# R2026-016 was published 2026-10-10 and withdrawn 2026-11-20: out from its 公开日期, gone on its 撤回日期.
@pytest.mark.parametrize(("today", "shown"), [
    ("2026-10-09", False), ("2026-10-10", True), ("2026-11-19", True), ("2026-11-20", False), ("2026-11-21", False),
])
def test_a_record_is_out_from_its_publication_day_until_the_day_before_its_withdrawal(gk, pc, tmp_path, today, shown):
    assert ("已撤回庚号通知" in everything(site_on(gk, pc, tmp_path / "site", today))) is shown


def test_a_withdrawal_lists_what_left_the_site(gk, pc, tmp_path):
    site_on(gk, pc, tmp_path / "site", "2026-11-18")
    before = gk("build-site", pc.root, "--out", tmp_path / "site", "--today", "2026-11-19")
    assert before.code == 0 and "已从网站撤下" not in before.out
    run = gk("build-site", pc.root, "--out", tmp_path / "site", "--today", "2026-11-20")  # R2026-016 withdrawn today
    assert run.code == 0, run.err
    assert "已从网站撤下 1 个文件" in run.out and "\n  records/R2026-016.html\n" in run.out
    assert not (tmp_path / "site/records/R2026-016.html").exists()


@pytest.mark.parametrize(("content", "people"), [
    ("低保名单", True), ("困难残疾人两项补贴发放名单", True), ("终止供养名单", True), ("享受高龄津贴老年人花名册", True),
    ("补贴对象姓名", True), ("领导姓名", False), ("年检合格社会组织名单", False), ("养老机构名单", False),
])
def test_any_list_of_people_in_an_item_makes_its_records_lists(gk, cat, tmp_path, content, people):
    cat.item(ITEM.replace("低保对象名单及相关信息", content))
    cat.record(RECORD.replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", ""))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert ("GK411" in run.out) is people, run.out
    page = (site_on(gk, cat, tmp_path / "site", "2026-09-03") / "records/R2026-001.html").read_text("utf-8")
    assert ('<meta name="robots" content="noindex' in page) is people


# 公示期: 7 counting the 公开日期, on the 2026 notice (no holiday in late December) and no 2027 notice yet:
# 12-22 → 22, 23, 24, 25, 28, 29, 30 Dec; 12-23 → … 31 Dec; 12-24 → 24, 25, 28, 29, 30, 31 Dec and 4 Jan 2027, a day
# only the provisional calendar (weekends and 元旦) can name.
@pytest.mark.parametrize(("published", "end", "provisional"), [
    ("2026-12-22", "2026年12月30日", False), ("2026-12-23", "2026年12月31日", False), ("2026-12-24", "2027年1月4日", True),
])
def test_a_notice_ending_in_a_year_without_a_notice_says_its_end_is_provisional(gk, cat, tmp_path, published, end,
                                                                               provisional):
    cat.record(RECORD.replace("公开日期: 2026-09-03", f"公开日期: {published}").replace("公示截止: 2026-12-31", "公示期: 7"))
    page = (site_on(gk, cat, tmp_path / "site", published) / "records/R2026-001.html").read_text("utf-8")
    assert f"<td>{end}</td>" in page or f"<td>{end}（暂定）</td>" in page
    assert (f"<td>{end}（暂定）</td>" in page) is provisional
    run = gk("print", cat.root, "--out", tmp_path / "print", "--to", published)
    assert run.code == 0, run.err
    sheet = (tmp_path / "print/shjzg/R2026-001.html").read_text("utf-8")
    assert (f"至{end}（暂定）" in sheet) is provisional and f"至{end}" in sheet


def test_once_the_notice_is_in_the_catalog_the_end_is_final(gk, cat, tmp_path):
    cat.write("calendar/2027.yaml", "年度: 2027\n通知: 国务院办公厅关于2027年部分节假日安排的通知（测试用）\n放假:\n"
              "  - 名称: 元旦\n    开始: 2027-01-01\n    结束: 2027-01-04\n调休上班: []\n")
    cat.record(RECORD.replace("公开日期: 2026-09-03", "公开日期: 2026-12-24").replace("公示截止: 2026-12-31", "公示期: 7"))
    page = (site_on(gk, cat, tmp_path / "site", "2026-12-24") / "records/R2026-001.html").read_text("utf-8")
    assert "<td>2027年1月5日</td>" in page  # 4 Jan is a holiday in this (made-up) notice: the 7th day is the 5th


def test_town_pages_and_the_rules_list_in_force_first(gk, pc, tmp_path):
    for rid, title, published, extra in (("R2026-030", "湖头镇旧办法甲", "2026-11-20", "有效性: 废止\n有效性日期: 2026-11-21\n"),
                                         ("R2026-031", "湖头镇新办法乙", "2026-10-20", "有效性: 有效\n")):
        pc.write(f"records/2026/{rid}.yaml", record(rid, title, kind="政策文件", published=published, unit="mzb-102",
                                                   channels="政府网站", extra=extra))
    for rid, title, published, extra in (("R2026-032", "旧保密审查制度丙", "2026-11-20", "有效性: 失效\n有效性日期: 2026-11-21\n"),
                                         ("R2026-033", "新保密审查制度丁", "2026-10-20", "")):
        pc.write(f"records/2026/{rid}.yaml", record(rid, title, kind="制度", published=published, channels="政府网站",
                                                   extra=extra))
    site = site_on(gk, pc, tmp_path / "site", "2026-11-27")
    text = (site / "towns/mzb-102/index.html").read_text("utf-8")
    assert text.index("湖头镇新办法乙") < text.index("湖头镇旧办法甲") and "湖头镇旧办法甲</a> <span class=\"invalid\">【废止】" in text
    rules = (site / "zhidu/index.html").read_text("utf-8")
    assert rules.index("新保密审查制度丁") < rules.index("旧保密审查制度丙") and "【失效】" in rules


@pytest.mark.parametrize(("today", "warned"), [("2027-01-31", False), ("2027-02-01", True), ("2027-02-02", False)])
def test_an_annual_report_only_counts_once_it_is_out(gk, cat, today, warned):
    # registered on 1 February with a 公开日期 of the 2nd: on the 1st it is not out yet, and GK903 says so
    cat.write("gongkai.yaml", cat.root.joinpath("gongkai.yaml").read_text("utf-8").replace("领导:", "启用日期: 2026-01-01\n领导:"))
    cat.write("calendar/2027.yaml", "年度: 2027\n通知: 国务院办公厅关于2027年部分节假日安排的通知（测试用）\n放假:\n"
              "  - 名称: 元旦\n    开始: 2027-01-01\n    结束: 2027-01-03\n调休上班: []\n")
    cat.write("records/2027/R2027-001.yaml", RECORD.replace("R2026-001", "R2027-001").replace("文种: 公示", "文种: 年度报告")
              .replace("成文日期: 2026-09-01", "成文日期: 2027-01-20").replace("公开日期: 2026-09-03", "公开日期: 2027-02-02")
              .replace("审查日期: 2026-09-01", "审查日期: 2027-01-20").replace("公示截止: 2026-12-31\n", "报告年度: 2026\n")
              .replace("350524-MZ-2026-00001", "350524-MZ-2027-00001"))
    run = gk("validate", cat.root, "--today", today)
    assert ("GK903" in run.out) is warned, run.out
