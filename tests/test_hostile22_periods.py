"""Twenty-second hostile pass, over 公示 periods, publication days, withdrawals and validity on a site built day after
day into the same folder, as the daily CI job does (issue 12; DOMAIN.md §10–12; README 「网站随日期变化」).

One catalog is built on 2026-10-08, 10-09, 10-10, 10-12 (10-11, a Sunday, skipped), 10-13, then with the clock set
back to 10-12, then 10-20. After every build the folder is compared byte for byte with a fresh full build of the same
day, and every file of it (pages, lists, feed, sitemap, data, the gzip search shards) is searched for what the law
allows that day. The days are typed by hand from the State Council's 2026 holiday notice (国办发明电〔2025〕7号):
中秋 9月25日（周五）至27日放假; 国庆 10月1日（周四）至7日放假调休, 9月20日（周日）、10月10日（周六）上班.

- R2026-001 公示 (names 陈金水) 公开日期 Mon 09-28, 公示期 7 working days: 09-28, 09-29, 09-30, 10-08, 10-09,
  10-10 (the 调休 Saturday), 10-12 — last day Mon 10-12, the names gone from 10-13.
- R2026-002 公示 (names 林阿妹) 公开日期 Mon 09-21, 公示期 10 working days (09-21…24, 09-28…30, 10-08, 10-09, 10-10)
  and 公示截止 2026-10-09 written both, disagreeing: the earlier day, 10-09, is the last; gone from 10-10.
- R2026-003 公示 (names 苏阿森) 公开日期 10-10, a Saturday that is a working day: not out on 10-09; 公示期 7: 10-10,
  10-12, 10-13, 10-14, 10-15, 10-16, 10-19 — last day 10-19, gone from 10-20.
- R2026-004 通知 (丁号), 撤回 dated 10-09: on the web on 10-08, gone from 10-09.
- R2026-010 规范性文件, 有效性 失效 from 10-12, 被替代 R2026-011 (published 10-09).

Found by this pass:
2. A clock set back from 10-12 to 10-11 (the daily job run with an old --today, a machine's date wrong) rebuilt the
   deployed folder with the 2025 standard in force again: its 「本文件已失效」 and the link to the 2026 one gone,
   【失效】 gone from the lists and the feed, exit 0 — the site went back in time, which README promises it never does
   for what has left the web. Now refused like a list that would come back (exit 2, the folder kept), naming the
   document and the day it lapsed; the same day into another folder still builds (to look at, not to deploy).
1. The feed (feed.xml) dated each entry by its 公开日期 only: when a 规范性文件 lapsed (有效性日期 reached) its title
   gained 【失效】 but its <updated> stayed at the 公开日期, and the feed's own <updated> did not move — a subscriber's
   reader (which shows an entry again only when <updated> moves, RFC 4287 §4.2.15) never told the public that the
   standard was no longer in force. The entry is now dated the day it lapsed, and the feed with it.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import AGENCY, ITEM, RECORD
from gongkai.cli import main

STORE = ".gongkai-build.json"
ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/"

POLICY_ITEM = (ITEM.replace("编号: SHJZ-001", "编号: SHJZ-002").replace("一级事项: 最低生活保障", "一级事项: 临时救助")
               .replace("  - 低保对象名单及相关信息", "  - 临时救助政策文件"))
RULES_ITEM = (POLICY_ITEM.replace("编号: SHJZ-002", "编号: SHJZ-003").replace("一级事项: 临时救助", "一级事项: 低保标准")
              .replace("五公开: 结果公开", "五公开: 决策公开\n法定类别: 规范性文件"))


def _record(number: int, title: str, fields: str, body: str = "", kind: str = "公示", item: str = "SHJZ-001",
            published: str = "2026-09-03") -> str:
    text = (RECORD.replace("R2026-001", f"R2026-{number:03d}").replace("00001", f"{number:05d}")
            .replace("〔2026〕1号", f"〔2026〕{number}号").replace("关于2026年第三季度低保对象名单的公示", title)
            .replace("文种: 公示", f"文种: {kind}").replace("事项: SHJZ-001", f"事项: {item}")
            .replace("公开日期: 2026-09-03", f"公开日期: {published}").replace("公示截止: 2026-12-31\n", fields))
    return text + "".join(f"  {line}\n" for line in body.splitlines())


def _names(*names: str) -> str:
    return "\n| 姓名 | 所在村（社区） |\n|---|---|\n" + "".join(f"| {n} | 湖头镇湖三村 |\n" for n in names)


CATALOG = {
    "gongkai.yaml": AGENCY,
    "items/shjz/SHJZ-001.yaml": ITEM,
    "items/shjz/SHJZ-002.yaml": POLICY_ITEM,
    "items/shjz/SHJZ-003.yaml": RULES_ITEM,
    "records/2026/R2026-001.yaml": _record(1, "甲号低保初审对象公示", "公示期: 7\n", _names("陈金水"),
                                           published="2026-09-28"),
    "records/2026/R2026-002.yaml": _record(2, "乙号低保初审对象公示", "公示期: 10\n公示截止: 2026-10-09\n",
                                           _names("林阿妹"), published="2026-09-21"),
    "records/2026/R2026-003.yaml": _record(3, "丙号低保初审对象公示", "公示期: 7\n", _names("苏阿森"),
                                           published="2026-10-10"),
    "records/2026/R2026-004.yaml": _record(4, "丁号临时救助通知", "撤回:\n  日期: 2026-10-09\n  原因: 误将过程性信息发布\n",
                                           kind="通知", item="SHJZ-002"),
    "records/2026/R2026-010.yaml": _record(10, "2025年低保标准的通知", "有效性: 失效\n有效性日期: 2026-10-12\n被替代: R2026-011\n",
                                           kind="规范性文件", item="SHJZ-003"),
    "records/2026/R2026-011.yaml": _record(11, "2026年低保标准的通知", "有效性: 有效\n替代: [R2026-010]\n",
                                           kind="规范性文件", item="SHJZ-003", published="2026-10-09"),
}

# (day, exit code, 下次变化 said, what every file of the site together holds, what it must not hold); days by hand.
DAYS = [
    ("2026-10-08", 0, "2026-10-09", ["陈金水", "林阿妹", "丁号临时救助通知"], ["苏阿森", "丙号", "R2026-003", "R2026-011"]),
    ("2026-10-09", 0, "2026-10-10", ["陈金水", "林阿妹", "R2026-011"], ["苏阿森", "丙号", "丁号", "R2026-004", "本文件已失效"]),
    ("2026-10-10", 0, "2026-10-12", ["陈金水", "苏阿森", "丙号低保初审对象公示", "公示已于2026年10月9日结束"],
     ["林阿妹", "丁号", "本文件已失效"]),
    ("2026-10-12", 0, "2026-10-13", ["陈金水", "苏阿森", "本文件已失效"], ["林阿妹", "丁号"]),
    ("2026-10-13", 0, "2026-10-20", ["苏阿森", "公示已于2026年10月12日结束"], ["陈金水", "林阿妹", "丁号"]),
    # the clock set back: building 10-12 into the folder of 10-13 would put 陈金水 back; refused, the folder kept
    ("2026-10-12", 2, None, ["苏阿森", "公示已于2026年10月12日结束"], ["陈金水", "林阿妹", "丁号"]),
    ("2026-10-20", 0, None, ["公示已于2026年10月19日结束"], ["陈金水", "林阿妹", "苏阿森", "丁号"]),
]
NAMES = ("陈金水", "林阿妹", "苏阿森")


def _build(root: Path, out: Path, day: str) -> tuple[int, str]:
    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        code = main(["build-site", str(root), "--out", str(out), "--today", day])
    return code, said.getvalue()


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name != STORE}


def _text(data: bytes) -> str:
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    elif data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            data = b"".join(archive.read(n) for n in archive.namelist())
    return data.decode("utf-8", "replace")


def _write(root: Path) -> None:
    for rel, text in CATALOG.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def days(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    """The catalog built day after day into one folder; per build its exit code, output, files and a fresh build's."""
    top = tmp_path_factory.mktemp("daily")
    _write(top / "catalog")
    found = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_TODAY", "2026-12-06")
        patch.setenv("COLUMNS", "200")
        for n, (day, *_) in enumerate(DAYS):
            code, said = _build(top / "catalog", top / "site", day)
            _write(top / f"catalog{n}")  # its own copy: no cache or gate memo shared with the daily builds
            fresh_code, _ = _build(top / f"catalog{n}", top / f"fresh{n}", day)
            found.append({"code": code, "said": said, "files": _files(top / "site"),
                          "fresh": _files(top / f"fresh{n}") if fresh_code == 0 else None})
    return found


@pytest.mark.parametrize(("n", "day", "code", "next_day", "present", "absent"),
                         [(n, *row) for n, row in enumerate(DAYS)], ids=[f"{n}-{row[0]}" for n, row in enumerate(DAYS)])
def test_each_days_site_holds_what_the_law_allows_that_day(days, n, day, code, next_day, present, absent):
    built = days[n]
    assert built["code"] == code, built["said"]
    files = built["files"]
    text = "\n".join(f"{name}\n{_text(data)}" for name, data in files.items())
    for word in present:
        assert word in text, (day, word)
    for word in absent:
        assert word not in text, (day, word)
    if code == 0:
        assert files == built["fresh"], sorted(k for k in files.keys() | built["fresh"].keys()
                                               if files.get(k) != built["fresh"].get(k))
    if next_day is not None:
        assert f"下次变化：{next_day}" in built["said"], built["said"]
    elif code == 0:
        assert "下次变化" not in built["said"], built["said"]


@pytest.mark.parametrize("n", range(len(DAYS)))
def test_no_name_of_any_notice_is_ever_in_the_feed_the_sitemap_the_data_or_the_search_index(days, n):
    for name, data in days[n]["files"].items():
        if name in ("feed.xml", "sitemap.xml") or name.startswith(("search/", "data/")):
            text = _text(data)
            for person in NAMES:
                assert person not in text, (DAYS[n][0], name, person)
            assert "低保初审对象公示" not in text, (DAYS[n][0], name)


def test_the_clock_set_back_says_why_and_leaves_the_folder_as_it_was(days):
    back = days[5]
    assert "陈金水" not in back["said"]  # names never go to the console either
    assert "R2026-001" in back["said"] and "2026年10月12日" in back["said"], back["said"]
    assert back["files"] == days[4]["files"]


def test_the_refused_days_folder_then_builds_on_as_a_fresh_one(days):
    assert days[6]["files"] == days[6]["fresh"]


# 1. The 2025 standard lapses on 10-12: its feed entry is dated that day and the feed with it, so a subscriber sees it
# again with 【失效】; the day before, it is dated by its 公开日期 (2026-09-03) and the feed by the newest entry (10-09).
@pytest.mark.parametrize(("n", "entry", "feed"), [(1, "2026-09-03", "2026-10-09"), (2, "2026-09-03", "2026-10-09"),
                                                   (3, "2026-10-12", "2026-10-12"), (4, "2026-10-12", "2026-10-12")])
def test_a_lapsed_documents_feed_entry_is_dated_the_day_it_lapsed(days, n, entry, feed):
    root = ElementTree.fromstring(days[n]["files"]["feed.xml"])
    assert root.findtext(f"{ATOM}updated") == f"{feed}T00:00:00+08:00"
    lapsed = next(e for e in root.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}id") == f"{BASE}records/R2026-010.html")
    assert lapsed.findtext(f"{ATOM}updated") == f"{entry}T00:00:00+08:00"
    assert lapsed.findtext(f"{ATOM}title").endswith("【失效】") is (entry == "2026-10-12")
    current = next(e for e in root.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}id") == f"{BASE}records/R2026-011.html")
    assert current.findtext(f"{ATOM}updated") == "2026-10-09T00:00:00+08:00"


# 2. The clock set back over a 有效性日期. Built for 10-12 (the 2025 standard lapsed that day), then for 10-11 into the
# same folder: refused, exit 2, the folder as it was; into another folder the day before builds, the standard in force.
@pytest.mark.parametrize(("back", "refused"), [("2026-10-11", True), ("2026-10-12", False)])
def test_a_site_is_not_taken_back_to_a_day_before_a_document_lapsed(gk, tmp_path, back, refused):
    _write(tmp_path / "catalog")
    site = tmp_path / "site"
    assert gk("build-site", tmp_path / "catalog", "--out", site, "--today", "2026-10-12").code == 0
    before = _files(site)
    run = gk("build-site", tmp_path / "catalog", "--out", site, "--today", back)
    if not refused:
        assert run.code == 0, run.err
        return
    assert run.code == 2, run.out + run.err
    assert "R2026-010「测试县民政局2025年低保标准的通知」：网站上已标明自2026年10月12日起失效，会重新显示为有效" in run.err, run.err
    assert "已失效（废止、已修改）的文件不能再显示为有效" in run.err and "Traceback" not in run.err
    assert _files(site) == before
    other = gk("build-site", tmp_path / "catalog", "--out", tmp_path / "look", "--today", back)
    assert other.code == 0, other.err
    assert "本文件已失效" not in (tmp_path / "look/records/R2026-010.html").read_text("utf-8")
