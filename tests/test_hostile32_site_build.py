"""Thirty-second hostile pass: bugs planted in the build path of the 政府信息公开 column must make a test fail.

No mutation group covered site/build.py, site/tree.py, site/parallel.py, site/pages/files.py, site/pages/directory.py,
site/changes.py, site/attachments.py, site/columns.py or site/fingerprint.py; tools/mutation.py now has the group
"site_build" (docs/mutation.md, thirty-second pass).

The oracle: one small catalog in a real git repository (two items of two 五公开, two 乡镇民政办, a record with an
attachment, a 公示 of 7 working days), a sequence of real edits committed one after the other with an incremental
build of one site folder after each, and after each a fresh full build of the same catalog into a new folder: the two
folders must hold the same files, byte for byte. On top of that, typed by hand, which pages, attachments, sitemap
addresses, feed entries and open-data rows must and must not be there after each step, and under which 五公开 and
领域 an item is listed. The 2026 calendar: 2026-11-24 is a Tuesday, no holiday until 2027-01-01, so a 公示 of 7
working days published on 2026-11-24 runs to Wednesday 2026-12-02 and has ended on 2026-12-03.

Found by this pass:
1. A record the build held back (an attachment missing, one shared with a withdrawn record, an unmasked number…) was
   named once, by the build that decided it: every later build-site with nothing to do printed 「网站没有变化」 alone
   (exit 0), and so did a build for another day before the next change — a webmaster who runs the daily build, or
   reads only the last CI log, never learned that a record was still not on the site. The same for what the build
   warned of: `build-site --today 2027-01-05` run again printed 「网站没有变化」 without 「生成的是将来那一天的网站……
   请不要部署到门户网站」. Now a build with nothing to do names every record still held back, with its reason, as the
   build that decided it did, and repeats its warnings when run for the same --today on the same real date (kept
   beside the folder's lock, never in the site, whose store goes to the portal).
2. A whole build (the store deleted to force one, damaged, or written by an older gongkai; a folder changed by hand)
   listed under 「已从网站撤下」 only what the old store named: after the store was lost, a record withdrawn since the
   last build left the folder and was never listed, so the copy deployed on the portal kept its page; a page a
   webmaster had added by hand (and uploaded) was removed and not listed either. Now every file the folder held that
   the new site has not is listed for the portal's copy.

Planted by hand (each made a test below fail, then reverted): each fix of this pass reverted (the held-back records
not read back on a build with nothing to do; its warnings not read back; the folder's files not listed by a whole
build); an attachment's copy keyed by its path (a masked file never copied again); the walked tree dropped by an
update (every later build a whole one, with the 「手工修改」 warning); a name hashed without surrogateescape (a file
named in GBK crashed the build); the index's fingerprint reading no file; a directory row's 一级事项 None.

Each sequence is checked whole by the one test that builds it: mutmut counts what a module fixture runs for the first
test that uses it alone and runs no other test on a mutant of it (docs/mutation.md, thirty-second pass).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ITEM, CatalogDir, Run, git, text_pdf
from gongkai.site import build_site
from gongkai.site.pages import files
from gongkai.site.result import BuildResult
from portal_catalog import BASE, agency, record

D = dt.date
TODAY = D(2026, 11, 27)
ENDED = D(2026, 12, 3)  # the 公示 of R2026-004 (2026-11-24, 7 working days) ran to 2026-12-02
STORE = ".gongkai-build.json"
REBUILT = "与上次生成时不一致"  # the warning of a build that found the folder changed by hand
PART = 11  # addresses in one sitemap file (50,000 on a real site)
ATOM = "{http://www.w3.org/2005/Atom}"
MAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

ITEM2 = (ITEM.replace("SHJZ-001", "SHJZ-002").replace("五公开: 结果公开", "五公开: 决策公开")
         .replace("一级事项: 最低生活保障", "一级事项: 特困人员救助供养").replace("低保对象名单及相关信息", "特困供养政策文件"))
# on the board and elsewhere only (no web page of its records); with a 空白说明 for its empty column
ITEM3 = (ITEM.replace("SHJZ-001", "SHJZ-003").replace("二级事项: 审批信息", "二级事项: 审核信息")
         .replace("  - 低保对象名单及相关信息\n", "  - 初审对象名单\n  - 审核结果\n")
         .replace("  - 《社会救助暂行办法》（国务院令第649号）\n",
                  "  - 《社会救助暂行办法》（国务院令第649号）\n  - 《最低生活保障审核确认办法》\n")
         .replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]",
                  "公开渠道: [社区/企事业单位/村公示栏（电子屏）, 其他]\n其他渠道: [村务微信群]"))
ITEM4 = (ITEM.replace("SHJZ-001", "SHJZ-004").replace("二级事项: 审批信息", "二级事项: 资金发放")
         .replace("公开方式: 主动", "公开方式: 主动\n空白说明: 本机关本年度未发放此类资金"))
TEKUN = text_pdf("tekun gongyang 2027")
NAMES = "| 姓名 | 保障人数 | 所在村（社区） |\n|---|---|---|\n| 陈水生 | 3 | 湖二村 |"


def _files(site: Path) -> dict[str, bytes]:
    """Every file of the site but the store, by its path in the site (the search index's files unpacked)."""
    found: dict[str, bytes] = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name != STORE:
            data = path.read_bytes()
            found[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return found


def _folders(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_dir()}


@dataclass
class Step:
    result: BuildResult
    files: dict[str, bytes]
    fresh: dict[str, bytes]
    folders: set[str]
    fresh_folders: set[str]

    def text(self, path: str) -> str:
        return self.files[path].decode("utf-8")

    def anywhere(self, word: str) -> list[str]:
        """The files of the site (the search index unpacked) that hold *word*."""
        return [p for p, data in self.files.items() if word.encode() in data]

    def sitemap(self, name: str = "sitemap.xml") -> set[str]:
        """The pages the sitemap lists (through its index and parts, past SITEMAP_URLS)."""
        root = ET.fromstring(self.files[name])
        found = {loc.text.removeprefix(BASE) for loc in root.iter(f"{MAP}loc") if loc.text}
        if root.tag == f"{MAP}sitemapindex":
            return {page for part in found for page in self.sitemap(part)}
        return {p + "index.html" if p.endswith("/") or not p else p for p in found}  # a folder's address names it

    def feed(self) -> list[str]:
        root = ET.fromstring(self.files["feed.xml"])
        return [e.findtext(f"{ATOM}title") or "" for e in root.iter(f"{ATOM}entry")]

    def open_data(self) -> dict[str, tuple[str, str]]:
        rows = json.loads(self.files["data/directory.json"])["事项"]
        return {r["编号"]: (r["领域"], r["五公开"]) for r in rows}


class History:
    """One catalog in git, one site folder built after every edit, and a fresh build beside each."""

    def __init__(self, top: Path) -> None:
        self.top = top
        self.cat = CatalogDir(top / "repo" / "catalog")
        self.site = top / "site"
        self.steps: dict[str, Step] = {}

    def commit(self, message: str, when: str = "2026-11-20T10:00:00+08:00", written: str = "") -> None:
        git(self.cat.root.parent, "add", "-A")
        env = {**os.environ, "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.org",
               "GIT_AUTHOR_DATE": written or when,
               "GIT_COMMITTER_NAME": "测试", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_COMMITTER_DATE": when}
        subprocess.run(["git", "commit", "-q", "-m", message], cwd=self.cat.root.parent, env=env, check=True)

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.cat.root / rel
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), "utf-8")

    def build(self, name: str, day: dt.date = TODAY) -> Step:
        result = build_site(self.cat.root, self.site, day, now=day)
        fresh = self.top / f"fresh-{name}"
        build_site(self.cat.root, fresh, day, use_cache=False, now=day)
        step = Step(result, _files(self.site), _files(fresh), _folders(self.site), _folders(fresh))
        shutil.rmtree(fresh)
        self.steps[name] = step
        return step


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[History]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(files, "SITEMAP_URLS", PART)  # 23 pages in 3 parts; 22 in 2 after the withdrawal
        yield _history(tmp_path_factory.mktemp("h32"))


def _history(top: Path) -> History:
    h = History(top)
    c = h.cat
    c.write("gongkai.yaml", agency())
    c.item()
    c.item(ITEM2, "items/shjz/SHJZ-002.yaml")
    c.write("files/2026/tekun.pdf", text_pdf("tekun gongyang 2026"))
    c.write("files/2026/jiuzhu.pdf", text_pdf("jiuzhu zhengce"))
    c.write("files/2026/mingdan.pdf", text_pdf("chen shuisheng 3 ren"))
    c.record(record("R2026-001", "关于特困供养标准的通知", item="SHJZ-002",
                    extra="附件:\n  - 文件: files/2026/tekun.pdf\n    名称: 供养标准表\n"), "records/2026/R2026-001.yaml")
    c.record(record("R2026-002", "关于临时救助政策的通知", item="SHJZ-002",
                    extra="附件:\n  - 文件: files/2026/jiuzhu.pdf\n    名称: 救助政策问答\n"),
             "records/2026/R2026-002.yaml")
    c.record(record("R2026-003", "关于春节走访慰问的通知"), "records/2026/R2026-003.yaml")
    c.record(record("R2026-004", "2026年第四季度低保对象名单公示", kind="公示", item="SHJZ-001", published="2026-11-24",
                    extra="公示期: 7\n附件:\n  - 文件: files/2026/mingdan.pdf\n", body=NAMES),
             "records/2026/R2026-004.yaml")
    c.record(record("R2026-005", "湖头镇临时救助通知", unit="mzb-102"), "records/2026/R2026-005.yaml")
    git(c.root.parent, "init", "-q", "-b", "main")
    h.commit("初始目录", "2026-11-02T09:00:00+08:00")
    h.build("first")
    h.build("again")
    h.edit("records/2026/R2026-001.yaml", "关于特困供养标准的通知", "关于调整特困供养标准的通知")
    h.commit("改题名")
    h.build("title")
    c.write("files/2026/tekun.pdf", TEKUN)  # masked in place: the same size, other bytes
    h.commit("改附件")
    h.build("attachment")
    h.edit("records/2026/R2026-002.yaml", "正文:", "撤回:\n  日期: 2026-11-26\n  原因: 误将内部事务信息作为主动公开信息发布\n正文:")
    h.commit("撤回")
    h.build("withdrawn")
    (c.root / "records/2026/R2026-003.yaml").write_text(record("R2026-003", "关于春节走访慰问的通知",
                                                               attribute="不予公开"), "utf-8")
    h.commit("不予公开")
    h.build("withheld")
    h.edit("items/shjz/SHJZ-002.yaml", "五公开: 决策公开", "五公开: 管理公开")
    h.edit("gongkai.yaml", "    代码: SHJZ\n", "    代码: SHJZ\n  - 名称: 养老服务\n    代码: YLFW\n")
    h.edit("items/shjz/SHJZ-002.yaml", "领域: 社会救助", "领域: 养老服务")
    h.edit("items/shjz/SHJZ-002.yaml", "10个工作日内", "20个工作日内")  # 公开时限: a substantive adjustment
    # written on 11-10, rebased and committed at 2026-11-26 12:30 in China: it took effect then
    h.commit("事项改五公开和领域", "2026-11-25T20:30:00-08:00", written="2026-11-10T09:00:00+08:00")
    h.build("moved")
    h.edit("records/2026/R2026-005.yaml", "责任单位: mzb-102", "责任单位: mzb-103")
    h.edit("items/shjz/SHJZ-001.yaml", "公开主体: 县级人民政府民政部门", "公开主体: 县民政局")  # an item alone
    h.commit("改乡镇")
    h.build("town")
    h.build("last day", D(2026, 12, 2))
    h.build("ended", ENDED)
    return h


# ------------------------------------------------------------------------------ every step as a fresh build makes it

STEPS = ["first", "again", "title", "attachment", "withdrawn", "withheld", "moved", "town", "last day", "ended"]


def _every_incremental_build_leaves_what_a_fresh_build_makes(history: History, name: str) -> None:
    step = history.steps[name]
    assert sorted(step.files) == sorted(step.fresh)
    assert [p for p in step.files if step.files[p] != step.fresh[p]] == []
    assert step.folders == step.fresh_folders  # no folder left empty by a removal
    assert not [w for w in step.result.warnings if REBUILT in w]  # nobody touched the folder: no 「手工改动」 warning


def _a_build_with_nothing_changed_writes_nothing(history: History) -> None:
    again = history.steps["again"].result
    assert again.unchanged and again.made == 0 and again.removed == 0
    assert history.steps["title"].result.unchanged is False


def _the_first_site_holds_what_the_catalog_publishes(history: History) -> None:
    first = history.steps["first"]
    records = sorted(p for p in first.files if p.startswith("records/"))
    assert records == ["records/R2026-001.html", "records/R2026-002.html", "records/R2026-003.html",
                       "records/R2026-004.html", "records/R2026-005.html"]
    assert sorted(p for p in first.files if p.startswith("files/")) == ["files/2026/jiuzhu.pdf", "files/2026/mingdan.pdf",
                                                                         "files/2026/tekun.pdf"]
    # a list of people is in no sitemap and no feed; everything else public is
    assert {"records/R2026-001.html", "records/R2026-002.html", "records/R2026-003.html",
            "records/R2026-005.html"} <= first.sitemap()
    assert "records/R2026-004.html" not in first.sitemap()
    # one 公开日期 for all four: newest 编号 first; the feed's <updated> is theirs (the 公示 of 11-24 is not in it)
    assert first.feed() == ["湖头镇临时救助通知", "关于春节走访慰问的通知", "关于临时救助政策的通知", "关于特困供养标准的通知"]
    feed = ET.fromstring(first.files["feed.xml"])
    assert feed.findtext(f"{ATOM}updated") == "2026-11-02T00:00:00+08:00"
    assert [e.findtext(f"{ATOM}id") for e in feed.iter(f"{ATOM}entry")][0] == BASE + "records/R2026-005.html"
    assert first.open_data() == {"SHJZ-001": ("社会救助", "结果公开"), "SHJZ-002": ("社会救助", "决策公开")}
    for path in ("index.html", "search/index.html", "data/index.html", "data/directory.xlsx", "changes/index.html",
                 "zhinan/index.html", "fdzdgknr/index.html", "towns/index.html", "five/jieguo/index.html"):
        assert path in first.files, path
    assert "县民政局,政府网站" in history.steps["town"].text("data/directory.csv")
    rows = first.files["data/directory.csv"].decode("utf-8-sig").splitlines()
    assert rows[0] == ("领域,五公开,编号,序号,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,"
                       "公开对象,公开方式,公开层级")
    assert rows[1] == ("社会救助,结果公开,SHJZ-001,1,最低生活保障,审批信息,低保对象名单及相关信息,"
                       "《社会救助暂行办法》（国务院令第649号）,制定或获取信息之日起10个工作日内,县级人民政府民政部门,"
                       "政府网站；社区/企事业单位/村公示栏（电子屏）,全社会,主动,县级、乡级")
    assert "陈水生" in first.text("records/R2026-004.html")  # the 公示 runs: its list is shown


# ------------------------------------------------------------------------------------------------- each edit

def _a_title_edited_leaves_no_page_with_the_old_title(history: History) -> None:
    step = history.steps["title"]
    assert step.anywhere("关于特困供养标准的通知") == []
    for path in ("records/R2026-001.html", "items/SHJZ-002.html", "index.html", "feed.xml"):
        assert "关于调整特困供养标准的通知" in step.text(path), path


def _an_attachment_masked_in_place_is_copied_again(history: History) -> None:
    before, after = history.steps["title"], history.steps["attachment"]
    assert before.files["files/2026/tekun.pdf"] == text_pdf("tekun gongyang 2026")
    assert after.files["files/2026/tekun.pdf"] == TEKUN
    assert after.result.unchanged is False


def _the_sitemap_is_cut_into_parts_and_a_part_no_longer_needed_is_taken_down(history: History) -> None:
    first, withdrawn = history.steps["first"], history.steps["withdrawn"]
    assert sorted(p for p in first.files if p.startswith("sitemap")) == ["sitemap-1.xml", "sitemap-2.xml",
                                                                         "sitemap-3.xml", "sitemap.xml"]
    assert sorted(p for p in withdrawn.files if p.startswith("sitemap")) == ["sitemap-1.xml", "sitemap-2.xml",
                                                                             "sitemap.xml"]
    assert "sitemap-3.xml" in withdrawn.result.taken_down
    index = ET.fromstring(withdrawn.files["sitemap.xml"])
    assert [loc.text for loc in index.iter(f"{MAP}loc")] == [BASE + "sitemap-1.xml", BASE + "sitemap-2.xml"]
    parts = [withdrawn.sitemap(f"sitemap-{n}.xml") for n in (1, 2)]
    assert [len(p) for p in parts] == [PART, 22 - PART] and not parts[0] & parts[1]
    assert len(first.sitemap()) == 23 and len(withdrawn.sitemap()) == 22


def _a_withdrawn_record_leaves_every_file_of_the_site(history: History) -> None:
    step = history.steps["withdrawn"]
    assert "records/R2026-002.html" not in step.files
    assert "files/2026/jiuzhu.pdf" not in step.files  # its attachment, linked by no other record
    assert "records/R2026-002.html" not in step.sitemap()
    assert "关于临时救助政策的通知" not in step.feed()
    assert step.anywhere("关于临时救助政策的通知") == [] and step.anywhere("R2026-002") == []
    assert step.anywhere("救助政策问答") == []
    assert [p for p in step.result.taken_down if not p.startswith("search/")] == ["files/2026/jiuzhu.pdf",
                                                                               "records/R2026-002.html",
                                                                               "sitemap-3.xml"]
    assert "files/2026" in step.folders and "files/2026/tekun.pdf" in step.files  # the other record's


def _a_record_made_not_public_leaves_every_file_of_the_site(history: History) -> None:
    step = history.steps["withheld"]
    assert "records/R2026-003.html" not in step.files
    assert "records/R2026-003.html" not in step.sitemap()
    assert step.anywhere("关于春节走访慰问的通知") == [] and step.anywhere("R2026-003") == []
    assert "records/R2026-003.html" in history.steps["withdrawn"].text("qita/index.html")
    assert "records/R2026-003.html" not in step.text("qita/index.html")  # 其他公开信息 lists R2026-005 alone
    assert "records/R2026-005.html" in step.text("qita/index.html")
    assert [p for p in step.result.taken_down if not p.startswith("search/")] == ["records/R2026-003.html"]


def _an_item_moved_to_another_five_and_domain_is_listed_there_only(history: History) -> None:
    step = history.steps["moved"]
    assert step.open_data() == {"SHJZ-001": ("社会救助", "结果公开"), "SHJZ-002": ("养老服务", "管理公开")}
    assert "items/SHJZ-002.html" in step.text("five/guanli/index.html")
    assert "items/SHJZ-002.html" not in step.text("five/juece/index.html")
    assert "items/SHJZ-002.html" in step.text("directory/ylfw/index.html")
    assert "items/SHJZ-002.html" not in step.text("directory/shjz/index.html")
    assert "items/SHJZ-001.html" in step.text("directory/shjz/index.html")
    assert "directory/ylfw/index.html" in step.sitemap()
    before = history.steps["withheld"]
    assert "items/SHJZ-002.html" in before.text("five/juece/index.html")
    assert "directory/ylfw/index.html" not in before.files
    csv = step.text("data/directory.csv")
    assert "养老服务,管理公开,SHJZ-002," in csv and "社会救助,结果公开,SHJZ-001," in csv


def _a_record_moved_to_another_town_is_listed_there_only(history: History) -> None:
    before, after = history.steps["moved"], history.steps["town"]
    assert "records/R2026-005.html" in before.text("towns/mzb-102/index.html")
    assert "records/R2026-005.html" not in before.text("towns/mzb-103/index.html")
    assert "本栏目暂无主动公开的信息。" in before.text("towns/mzb-103/index.html")
    assert "records/R2026-005.html" not in after.text("towns/mzb-102/index.html")
    assert "records/R2026-005.html" in after.text("towns/mzb-103/index.html")
    assert "湖头镇临时救助通知" in after.text("towns/mzb-103/index.html")


def _a_notice_list_leaves_the_site_the_day_after_its_period(history: History) -> None:
    last, ended = history.steps["last day"], history.steps["ended"]
    assert "陈水生" in last.text("records/R2026-004.html")
    assert ended.anywhere("陈水生") == []
    assert "files/2026/mingdan.pdf" in last.files and "files/2026/mingdan.pdf" not in ended.files
    assert [p for p in ended.result.taken_down if not p.startswith("search/")] == ["files/2026/mingdan.pdf"]
    assert "files/2026/mingdan.pdf" not in last.sitemap()
    assert "公示已于2026年12月2日结束" in ended.text("records/R2026-004.html")
    assert "2026年第四季度低保对象名单公示" not in ended.feed()
    assert "records/R2026-004.html" not in ended.sitemap()
    assert last.result.next_change == ENDED


# ------------------------------------------------------------------------------------- the folder changed by hand

@dataclass
class Touched:
    result: BuildResult
    files: dict[str, bytes]
    folders: set[str]


@pytest.fixture(scope="module")
def by_hand(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Touched]:
    """A site whose folder the webmaster changed by hand between builds: each change, then a build."""
    top = tmp_path_factory.mktemp("h32hand")
    c = CatalogDir(top / "catalog")
    c.write("gongkai.yaml", agency())
    c.item(ITEM2, "items/shjz/SHJZ-002.yaml")
    c.item(ITEM3, "items/shjz/SHJZ-003.yaml")
    c.item(ITEM4, "items/shjz/SHJZ-004.yaml")
    c.write("files/2026/tekun.pdf", text_pdf("tekun gongyang"))
    c.record(record("R2026-001", "关于特困供养标准的通知", item="SHJZ-002",
                    extra="附件:\n  - 文件: files/2026/tekun.pdf\n"), "records/2026/R2026-001.yaml")
    site = top / "site"
    steps: dict[str, Touched] = {}

    def build(name: str, out: Path = site) -> None:
        result = build_site(c.root, out, TODAY, now=TODAY)
        steps[name] = Touched(result, _files(out), _folders(out))

    build("first")
    page = site / "records/R2026-001.html"
    data = page.read_bytes()
    edited = data.replace("关于特困供养标准的通知".encode(), "关于特困供养标准的通报".encode())
    assert len(edited) == len(data) and edited != data
    page.write_bytes(edited)  # the same size: only its time tells it
    build("same size")
    build("after same size")
    (site / "files/2026/tekun.pdf").unlink()
    build("deleted")
    (site / "records/R2026-009.html").write_text("<p>旧页面</p>", "utf-8")
    build("added")
    (site / "records/old").mkdir()
    build("empty folder")
    (site / os.fsdecode(b"records/\xb9\xab\xca\xbe.html")).write_bytes(b"<p>GBK</p>")  # a name in GBK, no UTF-8
    build("odd name")
    (site / "search/meta.json.gz").write_bytes(b"broken")
    build("index edited")
    c.write("records/2026/R2026-001.yaml", (c.root / "records/2026/R2026-001.yaml").read_text("utf-8")
            .replace("关于特困供养标准的通知", "关于调整特困供养标准的通知"))
    build("edit after a full build")
    c.write("records/2026/R2026-002.yaml", record("R2026-002", "关于临时救助的通知", item="SHJZ-002"))
    build("edit after an edit")
    build("nothing after an edit")
    copy = top / "copied"
    shutil.copytree(site, copy)  # the site copied to another folder (or machine): new times, no note of them
    build("copied", copy)
    (site / STORE).unlink()  # deleted to force a whole build (or damaged, or an older gongkai's): it names nothing
    c.write("records/2026/R2026-002.yaml", record("R2026-002", "关于临时救助的通知", item="SHJZ-002",
                                                  extra="撤回:\n  日期: 2026-11-26\n  原因: 误将内部事务信息作为主动公开信息发布\n"))
    build("store lost")
    return steps


HAND = ["same size", "deleted", "added", "empty folder", "odd name", "index edited"]


def _a_folder_changed_by_hand_is_built_again_whole_and_told(by_hand: dict[str, Touched], name: str) -> None:
    step, first = by_hand[name], by_hand["first"]
    assert [w for w in step.result.warnings if REBUILT in w] != []
    assert step.files == first.files  # what was edited is put back, what was deleted is there, what was added gone
    assert step.folders == first.folders


def _the_builds_after_a_change_by_hand_do_not_warn_again(by_hand: dict[str, Touched]) -> None:
    assert by_hand["after same size"].result.unchanged
    for name in ("after same size", "edit after a full build", "edit after an edit", "nothing after an edit",
                 "copied"):
        assert [w for w in by_hand[name].result.warnings if REBUILT in w] == [], name
    assert by_hand["edit after an edit"].result.made < by_hand["first"].result.made  # an update, not a whole build
    assert by_hand["nothing after an edit"].result.unchanged
    assert by_hand["copied"].result.unchanged  # sizes alone, where the times were not noted


def _an_edit_after_a_change_by_hand_is_on_the_site(by_hand: dict[str, Touched]) -> None:
    step = by_hand["edit after an edit"]
    assert "关于调整特困供养标准的通知".encode() in step.files["records/R2026-001.html"]
    assert "records/R2026-002.html" in step.files
    assert "关于特困供养标准的通报".encode() not in b"".join(step.files.values())


# ----------------------------------------------------------------------------- the templates' and index's code

@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of gongkai's templates and search code that the fingerprints read instead of the installed ones."""
    from gongkai.site import fingerprint

    source = Path(fingerprint.__file__).resolve().parents[1]
    copy = tmp_path / "gongkai"
    shutil.copytree(source / "templates/site", copy / "templates/site")
    shutil.copytree(source / "search", copy / "search", ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint.resources, "files", lambda name: copy if name == "gongkai" else None)
    return copy


def _prints() -> tuple[str, str]:
    from gongkai.site.fingerprint import search_fingerprint, templates_fingerprint

    return templates_fingerprint(), search_fingerprint()


@pytest.mark.parametrize("edit, templates, search", [
    ("templates/site/record.html", True, False),  # a page's template
    ("templates/site/assets/site.css", True, False),  # the style sheet, a folder down
    ("search/tokens.py", False, True),  # the index's tokenizer rules
])
def test_an_edited_template_or_index_rule_changes_its_fingerprint(package: Path, edit: str, templates: bool,
                                                                  search: bool) -> None:
    before = _prints()
    with (package / edit).open("a", encoding="utf-8") as stream:
        stream.write("\n")
    after = _prints()
    assert (before[0] != after[0], before[1] != after[1]) == (templates, search)


def test_a_new_template_changes_the_fingerprint_and_compiled_files_do_not(package: Path) -> None:
    before = _prints()
    (package / "search/tokens.cpython-311.pyc").write_bytes(b"\0compiled")
    (package / "search/notes.txt").write_text("not code", "utf-8")
    (package / "templates/site/assets/old.pyc").write_bytes(b"\0")
    assert _prints() == before
    (package / "templates/site/assets/print.css").write_text("body{}", "utf-8")
    assert _prints()[0] != before[0] and _prints()[1] == before[1]


def test_the_same_templates_elsewhere_give_the_same_fingerprint(package: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from gongkai.site import fingerprint

    before = _prints()
    moved = tmp_path / "elsewhere" / "gongkai"
    shutil.copytree(package, moved)
    monkeypatch.setattr(fingerprint.resources, "files", lambda name: moved)
    assert _prints() == before
    (moved / "templates/site/record.html").rename(moved / "templates/site/record2.html")  # the same bytes, renamed
    assert _prints()[0] != before[0]


# ----------------------------------------------------------------- what is held back, told on every build

def test_a_record_held_back_is_told_again_when_nothing_changed(cat: CatalogDir, gk: Callable[..., Run],
                                                               tmp_path: Path) -> None:
    cat.write("files/2026/tekun.pdf", text_pdf("tekun gongyang 2026"))
    cat.record(record("R2026-002", "关于临时救助政策的通知", extra="附件:\n  - 文件: files/2026/jiuzhu.pdf\n"),
               "records/2026/R2026-002.yaml")  # its attachment was never copied in: held back
    site = tmp_path / "site"
    first = gk("build-site", cat.root, "--out", site, "--today", "2026-11-27")
    assert first.code == 0 and "警告：R2026-002 没有发布" in first.err
    again = gk("build-site", cat.root, "--out", site, "--today", "2026-11-27")
    assert again.code == 0 and "网站没有变化" in again.out
    assert [line for line in again.err.splitlines() if "R2026-002" in line] == \
        [line for line in first.err.splitlines() if "R2026-002" in line]
    later = gk("build-site", cat.root, "--out", site, "--today", "2026-11-30")  # another day, the same decisions
    assert "网站没有变化" in later.out and "警告：R2026-002 没有发布" in later.err
    cat.write("files/2026/jiuzhu.pdf", text_pdf("jiuzhu zhengce"))  # copied in: published, nothing left to tell
    fixed = gk("build-site", cat.root, "--out", site, "--today", "2026-11-30")
    assert fixed.code == 0 and "R2026-002" not in fixed.err and (site / "records/R2026-002.html").is_file()
    quiet = gk("build-site", cat.root, "--out", site, "--today", "2026-11-30")
    assert "网站没有变化" in quiet.out and "没有发布" not in quiet.err


def _the_directory_adjustments_are_listed_by_the_day_in_china_they_were_committed(history: History) -> None:
    def listed(name: str) -> list[str]:
        page = history.steps[name].text("changes/index.html")
        return [line.split("</time>")[0].split(">")[-1] + " " + line.split("公开事项 ")[1].split("「")[0]
                for line in page.splitlines() if "<time" in line]

    added = ["2026年11月2日 SHJZ-001", "2026年11月2日 SHJZ-002"]
    assert listed("first") == added
    assert listed("withheld") == added  # records are no adjustment of the directory
    assert listed("moved") == ["2026年11月26日 SHJZ-002", *added]
    page = history.steps["moved"].text("changes/index.html")
    assert "制定或获取信息之日起20个工作日内" in page and "关于春节走访慰问的通知" not in page


def _a_whole_build_lists_every_file_the_folder_had_and_the_site_has_not(by_hand: dict[str, Touched]) -> None:
    """The list of files to delete from the portal's copy: a page added by hand (and maybe uploaded with the rest), and
    a withdrawn record's page when no store said it was there."""
    assert by_hand["added"].result.taken_down == ["records/R2026-009.html"]
    assert by_hand["deleted"].result.taken_down == []  # put back, not taken down
    lost = by_hand["store lost"]
    assert "records/R2026-002.html" in by_hand["nothing after an edit"].files
    assert "records/R2026-002.html" not in lost.files
    assert [p for p in lost.result.taken_down if not p.startswith("search/")] == ["records/R2026-002.html"]


def test_a_site_built_for_a_day_ahead_is_told_again_not_to_be_deployed(cat: CatalogDir, gk: Callable[..., Run],
                                                                      tmp_path: Path) -> None:
    site = tmp_path / "site"  # the real date is 2026-11-27 (conftest)
    first = gk("build-site", cat.root, "--out", site, "--today", "2027-01-05")
    told = [line for line in first.err.splitlines() if "晚于今天（2026-11-27）" in line]
    assert first.code == 0 and len(told) == 1 and "请不要部署到门户网站" in told[0]
    again = gk("build-site", cat.root, "--out", site, "--today", "2027-01-05")
    assert "网站没有变化" in again.out and [line for line in again.err.splitlines() if "晚于今天" in line] == told
    today = gk("build-site", cat.root, "--out", site)  # the build of the real day: nothing to warn of
    assert today.code == 0 and "晚于今天" not in today.err and "早于今天" not in today.err
    quiet = gk("build-site", cat.root, "--out", site)
    assert "网站没有变化" in quiet.out and quiet.err == ""


def _an_item_shows_why_its_column_is_empty(by_hand: dict[str, Touched]) -> None:
    first = by_hand["first"]
    board = first.files["items/SHJZ-003.html"].decode()
    assert "本事项通过社区/企事业单位/村公示栏（电子屏）、其他（村务微信群）公开，不在网站上发布。" in board
    assert "本机关本年度未发放此类资金" in first.files["items/SHJZ-004.html"].decode()
    csv = first.files["data/directory.csv"].decode("utf-8-sig")
    assert ("社区/企事业单位/村公示栏（电子屏）；其他（村务微信群）" in csv and "初审对象名单；审核结果" in csv
            and "《社会救助暂行办法》（国务院令第649号）；《最低生活保障审核确认办法》" in csv)


def _a_record_page_links_its_attachments_by_name_and_format(history: History) -> None:
    named = history.steps["first"].text("records/R2026-001.html")
    assert '<a href="../files/2026/tekun.pdf" download>供养标准表</a>（PDF）' in named


def _a_record_page_without_attachment_names_shows_the_files_own(by_hand: dict[str, Touched]) -> None:
    unnamed = by_hand["first"].files["records/R2026-001.html"].decode()  # no 名称: the file's own name
    assert '<a href="../files/2026/tekun.pdf" download>tekun.pdf</a>（PDF）' in unnamed


# One test for each sequence: mutmut counts what a module fixture runs for the first test that uses it alone, and runs
# no other test on a mutant of it; so every check of a sequence is in the test that builds it.

def test_a_sequence_of_edits_builds_what_a_fresh_build_makes_and_the_catalog_says(history: History) -> None:
    for name in STEPS:
        _every_incremental_build_leaves_what_a_fresh_build_makes(history, name)
    _a_build_with_nothing_changed_writes_nothing(history)
    _the_first_site_holds_what_the_catalog_publishes(history)
    _a_title_edited_leaves_no_page_with_the_old_title(history)
    _an_attachment_masked_in_place_is_copied_again(history)
    _the_sitemap_is_cut_into_parts_and_a_part_no_longer_needed_is_taken_down(history)
    _a_withdrawn_record_leaves_every_file_of_the_site(history)
    _a_record_made_not_public_leaves_every_file_of_the_site(history)
    _an_item_moved_to_another_five_and_domain_is_listed_there_only(history)
    _a_record_moved_to_another_town_is_listed_there_only(history)
    _a_notice_list_leaves_the_site_the_day_after_its_period(history)
    _the_directory_adjustments_are_listed_by_the_day_in_china_they_were_committed(history)
    _a_record_page_links_its_attachments_by_name_and_format(history)


def test_a_folder_changed_by_hand_is_built_again_whole_and_every_change_told(by_hand: dict[str, Touched]) -> None:
    for name in HAND:
        _a_folder_changed_by_hand_is_built_again_whole_and_told(by_hand, name)
    _the_builds_after_a_change_by_hand_do_not_warn_again(by_hand)
    _an_edit_after_a_change_by_hand_is_on_the_site(by_hand)
    _a_whole_build_lists_every_file_the_folder_had_and_the_site_has_not(by_hand)
    _an_item_shows_why_its_column_is_empty(by_hand)
    _a_record_page_without_attachment_names_shows_the_files_own(by_hand)
