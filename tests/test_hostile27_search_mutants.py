"""The search index tried a twenty-seventh time, with bugs planted in it: by mutmut (tools/mutation.py's new group
"search": tokens, keys, pinyin, doc, files, build, state and the site's search_docs) and by hand. The defects a
citizen saw are in the search page (tests/browser/test_hostile27_search_mutants.py):

1. 「低」 with a filter chosen listed every page of the filter under 「“低”共找到 19 条结果」, as if they held 低. Now
   a query with nothing to search says so whatever the filters (「请至少输入两个字…」, 「请输入要搜索的词…」).
2. 「低保 表」, 「县 低保」: the lone character was left out unsaid. Now the status line names it
   (「单个汉字太常见，未按“表”查找」).

What the mutants showed no test held, now held here on a small real catalog (two policy notices, one of them
lapsed, a list of people under its 公示, an item and a town with no record, the guide) built by the real build, the
index read back as search.js reads it (shard by crc32, postings decoded here, urls from the result entries, texts
from the file meta.json's "texts" names):

3. every page's result entry (title, date, 文号, kind, empty, lapsed), its 索引号, filters and pinyin terms: a
   record's date, kind and filters, an item's or a town's emptiness, the guide's pinyin could be dropped and no test
   of the suite failed (mutmut counts a module's build for the first test that asked for it alone: one test here
   builds for itself and runs every check);
4. an attachment's name as a line of the record's text, and no key from the body's last line into it;
5. a 文号 in nine writings (brackets of five kinds, 年, leading zeros, full-width digits, spaces) asks for the same
   keys, held in the head of its record and only in the text of the notice citing it;
6. an index of several shards: each key, filter and pinyin word in the shard search.js opens (crc32 of the key);
7. a patched index (the build patches one of 2,000 pages or more): a page taken out leaves no key of its 文号 or
   索引号 (the patch read them back as absent: 16 mutants of from_entries lived), an item taken out takes its pinyin
   words and filter values, a 文号 changed is found only as it now reads, a page that gains content or comes back into
   force loses its mark (Meta.remove), meta.json keeps its directory, empty and lapsed pages and syllables, a new page
   takes the next number; a site without a usable index gets one of every page.

Planted by hand, each caught here or in the browser tests: a 文号 writing dropped (年 between year and number; the
zeros before 号), pinyin initials one character off, an empty page's weight raised (search.js's coarse and finer
order: test_search_browser.py, test_hostile18_search_browser.py; meta.json's empty and the entry's flag: here), a shard
misnamed, a 公示 list indexed.

Every expectation is typed by hand from the catalog below (keys as tokens.py writes them: a CJK character as itself,
a run of digits or letters with a space after it; a query of four units or more is the chain of its triples).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
import shutil
import zlib
from pathlib import Path
from typing import Any

import pytest

from gongkai.search import SearchDoc, update_index
from gongkai.search.tokens import query_keys
from gongkai.site import build_site
from tests.conftest import AGENCY, text_pdf

TODAY = dt.date(2026, 11, 27)

AGENCY27 = AGENCY.replace("""  - 名称: 社会救助
    代码: SHJZ
""", """  - 名称: 社会救助
    代码: SHJZ
  - 名称: 养老服务
    代码: YLFW
""").replace("""  - 编号: shjzg
    名称: 社会救助股
    类型: 股室
""", """  - 编号: shjzg
    名称: 社会救助股
    类型: 股室
  - 编号: ylfwg
    名称: 养老服务股
    类型: 股室
  - 编号: mzb-100
    名称: 凤城镇民政办
    类型: 乡镇民政办
    区划代码: "350524100"
    空白说明: 凤城镇的名单在各村（社区）公示栏公示，不在网站公布。
""")
ITEM_SHJZ = """\
编号: SHJZ-001
领域: 社会救助
五公开: 决策公开
一级事项: 最低生活保障
二级事项: 政策法规文件
公开内容:
  - 最低生活保障政策文件
公开依据:
  - 《社会救助暂行办法》（国务院令第649号）
公开时限: 制定或获取信息之日起10个工作日内
公开主体: 县级人民政府民政部门
公开渠道: [政府网站]
公开对象: 全社会
公开方式: 主动
公开层级: [县级]
责任单位: shjzg
"""
ITEM_LIST = """\
编号: SHJZ-002
领域: 社会救助
五公开: 结果公开
一级事项: 最低生活保障
二级事项: 审批信息
公开内容:
  - 低保对象名单
公开依据:
  - 《社会救助暂行办法》（国务院令第649号）
公开时限: 制定或获取信息之日起10个工作日内
公开主体: 县级人民政府民政部门
公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]
公开对象: 全社会
公开方式: 主动
公开层级: [县级, 乡级]
责任单位: shjzg
"""
ITEM_YLFW = """\
编号: YLFW-001
领域: 养老服务
五公开: 决策公开
一级事项: 养老服务通用政策
二级事项: 政策文件
公开内容:
  - 敬老院管理办法
公开依据:
  - 《养老机构管理办法》
公开时限: 制定或获取信息之日起20个工作日内
公开主体: 县级人民政府民政部门
公开渠道: [政府网站]
公开对象: 全社会
公开方式: 主动
公开层级: [县级]
责任单位: ylfwg
"""
HEAD = """\
编号: {id}
题名: {title}
{number}索引号: "{index}"
文种: {kind}
责任单位: shjzg
事项: {item}
公开属性: 主动公开
保密审查:
  审查人: 张三
  审查日期: {day}
  结论: 不涉及国家秘密，同意主动公开
成文日期: {day}
公开日期: {day}
页数: 1
{extra}正文: |
"""


def _record(id: str, title: str, number: str | None, index: str, day: str, body: str, kind: str = "通知",
            extra: str = "", item: str = "SHJZ-001") -> str:
    head = HEAD.format(id=id, title=title, number=f"文号: {number}\n" if number else "", index=index, kind=kind,
                       day=day, extra=extra, item=item)
    return head + "".join(f"  {line}\n" if line else "\n" for line in body.splitlines())


def write_catalog(root: Path) -> None:
    files = {
        "gongkai.yaml": AGENCY27,
        "items/shjz/SHJZ-001.yaml": ITEM_SHJZ,
        "items/shjz/SHJZ-002.yaml": ITEM_LIST,
        "items/ylfw/YLFW-001.yaml": ITEM_YLFW,
        "records/2026/R2026-001.yaml": _record(
            "R2026-001", "测试县民政局关于印发《最低生活保障审核确认办法》的通知", "测民〔2026〕12号",
            "350524-MZ-2026-00012", "2026-03-02",
            "各乡镇人民政府：\n\n现将《最低生活保障审核确认办法》印发给你们，请认真贯彻执行。\n\n"
            "| 保障类别 | 月标准 |\n|---|---|\n| 城市低保 | 920元 |\n| 农村低保 | 760元 |"),
        "records/2026/R2026-002.yaml": _record(
            "R2026-002", "测试县民政局关于做好冬春困难群众救助工作的通知", "测民〔2026〕30号",
            "350524-MZ-2026-00030", "2026-10-09",
            "各乡镇人民政府：\n\n请按照测民〔2026〕12号文件要求，做好冬春救助工作，严格审核确认程序。",
            extra="附件:\n  - 文件: files/2026/R2026-002.pdf\n    名称: 冬春救助资金分配表\n"),
        "records/2026/R2026-003.yaml": _record(
            "R2026-003", "测试县2026年11月新增低保对象名单公示", None, "350524-MZ-2026-00041", "2026-11-25",
            "经审核，2026年11月新增最低生活保障对象如下，现予公示。\n\n"
            "| 姓名 | 保障人数 | 所在村 |\n|---|---|---|\n| 黄清泉 | 2 | 凤城镇城东社区 |\n| 李美玉 | 1 | 蓬莱镇鹤前村 |\n\n"
            "公示期间如有异议，可向测试县民政局反映。", kind="公示", extra="公示期: 7\n", item="SHJZ-002"),
        "records/2025/R2025-001.yaml": _record(
            "R2025-001", "测试县民政局关于提高城乡最低生活保障标准的通知", "测民〔2025〕8号",
            "350524-MZ-2025-00008", "2025-06-24",
            "自2025年7月1日起，城市低保标准提高到每人每月880元。", kind="通知",
            extra="有效性: 失效\n有效性日期: 2026-07-01\n"),
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "files/2026").mkdir(parents=True)
    (root / "files/2026/R2026-002.pdf").write_bytes(text_pdf("Funds 2026"))


R1, R2, LIST, OLD = (f"records/{r}.html" for r in ("R2026-001", "R2026-002", "R2026-003", "R2025-001"))
POLICY, NAMES, HOMES, GUIDE = "items/SHJZ-001.html", "items/SHJZ-002.html", "items/YLFW-001.html", "zhinan/index.html"
TOWN = "towns/mzb-100/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("h27")
    write_catalog(root / "catalog")
    build_site(root / "catalog", root / "site", TODAY, use_cache=False)
    return root / "site"


def _read(site: Path, rel: str) -> Any:
    return json.loads(gzip.decompress((site / "search" / rel).read_bytes()))


def _pages(values: list[int]) -> dict[int, int]:
    """page → 1 when in the title, 文号 or 索引号: a posting list read as search.js's pages() reads it (differences;
    −n: n more of the difference before), written here again so that the encoder is not read by itself."""
    found: dict[int, int] = {}
    total = last = 0
    for value in values:
        times, step = (-value, last) if value < 0 else (1, value)
        for _ in range(times):
            total += step
            found[total >> 1] = total & 1
        if value >= 0:
            last = value
    return found


def _shard(site: Path, key: str) -> dict[str, Any]:
    """The shard search.js opens for *key*: crc32 of its UTF-8 bytes modulo meta.json's shard count."""
    meta = _read(site, "meta.json.gz")
    shard: dict[str, Any] = _read(site, f"s/{zlib.crc32(key.encode('utf-8')) % meta['shards']}.json.gz")
    return shard


def holding(site: Path, key: str) -> dict[str, int]:
    """url → 1 (key in the title, 文号 or 索引号) or 0 (only in the text), for the pages search.js finds under *key*:
    their numbers from the shard, their urls from the result entries (m/<n>.json.gz) it shows."""
    meta = _read(site, "meta.json.gz")
    found = {}
    for page, head in _pages(_shard(site, key).get(key, [])).items():
        found[_read(site, f"m/{page // meta['group']}.json.gz")[str(page)][0]] = head
    return found


def entries(site: Path) -> dict[str, list[Any]]:
    """url → result entry [url, title, date, 文号, kind, empty, lapsed] of every page, with its number appended."""
    found = {}
    for path in (site / "search/m").iterdir():
        for page, entry in _read(site, f"m/{path.name}").items():
            found[entry[0]] = [*entry, int(page)]
    return found


R1_TITLE = "测试县民政局关于印发《最低生活保障审核确认办法》的通知"
R2_TITLE = "测试县民政局关于做好冬春困难群众救助工作的通知"
FILTERS = {"领域": "社会救助", "五公开": "决策公开", "公开主体": "县级人民政府民政部门"}
NAV = ["养老服务通用政策 / 政策文件", "凤城镇民政办", "政府信息公开指南", "最低生活保障 / 审批信息", "最低生活保障 / 政策法规文件"]
# every page's result entry as search.js reads it: title, date, 文号, kind, empty, lapsed (url first, number last)
ENTRIES = {
    POLICY: ["最低生活保障 / 政策法规文件", "", "", "item", 0, 0],
    NAMES: ["最低生活保障 / 审批信息", "", "", "item", 0, 0],
    HOMES: ["养老服务通用政策 / 政策文件", "", "", "item", 1, 0],  # no record: empty
    GUIDE: ["政府信息公开指南", "", "", "page", 0, 0],
    TOWN: ["凤城镇民政办", "", "", "page", 1, 0],  # no record of the town: empty
    OLD: ["测试县民政局关于提高城乡最低生活保障标准的通知【失效】", "2025-06-24", "测民〔2025〕8号", "record", 0, 1],
    R1: [R1_TITLE, "2026-03-02", "测民〔2026〕12号", "record", 0, 0],
    R2: [R2_TITLE, "2026-10-09", "测民〔2026〕30号", "record", 0, 0],
}


def check_entries(site: Path) -> None:
    """Every page's entry, the empty and lapsed ones marked, records numbered by date (a higher number ranks first
    among equals: the newest record highest, the directory's undated pages lowest); never the list R2026-003."""
    found = entries(site)
    assert {url: entry[1:7] for url, entry in found.items()} == ENTRIES
    meta = _read(site, "meta.json.gz")
    assert meta["empty"] == sorted([found[HOMES][7], found[TOWN][7]])
    assert meta["lapsed"] == [found[OLD][7]]
    assert max(found[u][7] for u in (POLICY, NAMES, HOMES, GUIDE, TOWN)) < found[OLD][7] < found[R1][7] < found[R2][7]
    assert meta["pages"] == 8 and meta["next"] == 8
    assert sorted(meta["nav"].values()) == NAV
    def text(url: str) -> dict[str, Any]:  # a page's text entry, from the file search.js reads for its snippet
        number = found[url][7]
        entry: dict[str, Any] = _read(site, f"t/{number // meta['texts']}.json.gz")[str(number)]
        return entry

    assert text(R2)["i"] == "350524-MZ-2026-00030" and text(R2)["f"] == {**FILTERS, "年份": "2026"}
    # the dates its 文件信息 table shows end its text (tokenizer rules 8, test_hostile35_search_citizen)
    assert text(R2)["x"].endswith("严格审核确认程序。\n附件：冬春救助资金分配表\n成文日期：2026年10月9日\n公开日期：2026年10月9日")
    assert text(HOMES)["x"].endswith("本栏目暂无主动公开的信息。") and text(HOMES)["p"] == [
        "养老服务通用政策 / 政策文件", "敬老院管理办法"]
    assert "f" not in text(GUIDE) and "p" not in text(GUIDE) and "i" not in text(HOMES)


def check_keys(site: Path) -> None:
    """Two characters find a page (a pair), more the chain of their triples; the title, 文号 and 索引号 count as head,
    the body and attachment names not; a table's cells are lines, so no key runs from one into the next."""
    assert holding(site, "印发") == {R1: 1}
    assert holding(site, "审核") == {R1: 1, R2: 0}  # R2's body: 严格审核确认程序
    assert holding(site, "审核确") == holding(site, "核确认") == {R1: 1, R2: 0}
    assert holding(site, "法的通") == {R1: 1}
    assert holding(site, "贯彻") == {R1: 0}
    assert holding(site, "920 元") == {R1: 0}
    assert holding(site, "低保") == {R1: 0, OLD: 0, NAMES: 0}  # 城市低保, 城市低保标准, 低保对象名单
    assert holding(site, "保障标") == {OLD: 1}
    assert holding(site, "保920 ") == {} and holding(site, "准城") == {}  # cells 城市低保 | 920元, 月标准 | 城市低保
    assert holding(site, "资金分") == holding(site, "分配表") == {R2: 0}  # only its attachment's name
    assert holding(site, "序附") == {} and holding(site, "附件") == {R2: 0}
    assert holding(site, "测民2026 ") == {R1: 1, R2: 1}  # R2's own 文号 is 测民〔2026〕30号
    for key in ("民2026 12 ", "2026 12 号"):
        assert holding(site, key) == {R1: 1, R2: 0}, key
    assert holding(site, "350524 mz 2026 ") == {R1: 1, R2: 1}
    assert holding(site, "mz 2026 00012 ") == holding(site, "350524 mz 202600012 ") == {R1: 1}
    assert holding(site, "00012 ") == {R1: 1}  # a number with its zeros where no 号 follows it
    assert holding(site, "mz 2025 ") == {OLD: 1}
    assert holding(site, "救灾") == {} and holding(site, "xx ") == {}


def check_pinyin(site: Path) -> None:
    """低保 is said by SHJZ-002's contents (低保对象名单) alone: the list's own title is never indexed; 敬老 by
    YLFW-001's contents; 保障 by the two 最低生活保障 items and both records titled so, 标准 by R2025-001's title."""
    assert _shard(site, "~di bao")["~di bao"] == {"低保": 1}
    assert _shard(site, "^db")["^db"] == {"低保": 1}
    assert _shard(site, "~jing lao")["~jing lao"] == {"敬老": 1}
    assert _shard(site, "^jl")["^jl"] == {"敬老": 1}
    assert _shard(site, "~bao zhang")["~bao zhang"] == {"保障": 4}
    assert _shard(site, "^bz")["^bz"] == {"保障": 4, "标准": 1}
    assert _shard(site, "~feng cheng")["~feng cheng"] == {"凤城": 1}  # the town's page, by its name
    assert _shard(site, "~zhi nan")["~zhi nan"] == {"指南": 1}  # the guide's title
    assert "^ia" not in _shard(site, "^ia") and "^ib" not in _shard(site, "^ib")
    assert {"di", "bao", "jing", "lao", "zhang", "biao", "zhun"} <= set(_read(site, "meta.json.gz")["syllables"])


def check_filters(site: Path) -> None:
    everyone = {POLICY: 0, NAMES: 0, OLD: 0, R1: 0, R2: 0}
    assert holding(site, "=领域=社会救助") == everyone
    assert holding(site, "=领域=养老服务") == {HOMES: 0}
    assert holding(site, "=五公开=结果公开") == {NAMES: 0}
    assert holding(site, "=公开主体=县级人民政府民政部门") == {**everyone, HOMES: 0}
    assert holding(site, "=年份=2026") == {R1: 0, R2: 0}
    assert holding(site, "=年份=2025") == {OLD: 0}
    assert _read(site, "meta.json.gz")["filters"] == {
        "领域": {"社会救助": 5, "养老服务": 1}, "五公开": {"决策公开": 5, "结果公开": 1},
        "公开主体": {"县级人民政府民政部门": 6}, "年份": {"2025": 1, "2026": 2}}


def check_names(site: Path) -> None:
    for key in ("黄清", "清泉", "黄清泉", "李美", "美玉", "李美玉", "新增低", "城东社"):
        assert holding(site, key) == {}, key
    for path in (site / "search").rglob("*.json.gz"):
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        assert "清泉" not in text and "美玉" not in text and "R2026-003" not in text, path


def test_every_piece_of_a_title_body_table_and_attachment_name_finds_its_page(site: Path) -> None:
    assert query_keys("审核确认") == ["审核确", "核确认"]
    assert query_keys("办法》的通知") == ["办法的", "法的通", "的通知"]  # 》 is no unit and parts nothing
    assert query_keys("低保\n标准") == ["低保标", "保标准"]  # a pasted line break: the browser's units drop it too
    check_keys(site)


DOC_NUMBER_KEYS = ["测民2026 ", "民2026 12 ", "2026 12 号"]


@pytest.mark.parametrize("writing", ["测民〔2026〕12号", "测民[2026]12号", "测民(2026)12号", "测民（2026）12号",
                                     "测民2026年12号", "测民〔2026〕012号", "测民［２０２６］１２号", "测民 〔2026〕 12 号",
                                     "测民【2026】0012号"])
def test_a_doc_number_in_any_common_writing_finds_its_record_first(site: Path, writing: str) -> None:
    """Each writing asks for the same three keys; the record whose 文号 it is holds them all in its head, the notice
    that cites it (「按照测民〔2026〕12号文件要求」) two of them only in its text: the browser ranks a page holding
    every key in its head first."""
    assert query_keys(writing) == DOC_NUMBER_KEYS
    assert holding(site, "测民2026 ") == {R1: 1, R2: 1}  # R2's own 文号 is 测民〔2026〕30号
    for key in DOC_NUMBER_KEYS[1:]:
        assert holding(site, key) == {R1: 1, R2: 0}, key


def test_an_index_number_in_pieces_and_without_its_hyphens(site: Path) -> None:
    assert query_keys("350524-MZ-2026-00012") == ["350524 mz 2026 ", "mz 2026 00012 "]
    assert query_keys("350524MZ202600012") == ["350524 mz 202600012 "]
    assert query_keys("MZ-2026") == ["mz 2026 "]
    assert holding(site, "mz 2026 ") == {R1: 1, R2: 1}
    assert holding(site, "mz 2026 00012 ") == holding(site, "350524 mz 202600012 ") == {R1: 1}


def test_a_term_on_no_page_finds_nothing(site: Path) -> None:
    assert query_keys("救灾") == ["救灾"] and query_keys("XX") == ["xx "]
    assert holding(site, "救灾") == {} and holding(site, "xx ") == {}
    assert query_keys("低") == []  # one character: nothing to look up (search.js says so)
    assert query_keys("LÜ") == query_keys("lv") == ["lv "]  # ü as pinyin is typed on a phone


def test_empty_and_lapsed_pages_are_marked_and_pages_numbered_oldest_first(site: Path) -> None:
    check_entries(site)


def test_pinyin_full_and_initials_of_titles_and_item_names(site: Path) -> None:
    check_pinyin(site)


def test_filters_by_domain_five_publisher_and_year(site: Path) -> None:
    check_filters(site)


def test_names_in_a_list_never_reach_the_index(site: Path) -> None:
    check_names(site)


def test_a_build_of_its_own_passes_every_check(tmp_path: Path) -> None:
    """The checks above on a build made in this test: mutmut gives a mutant only the tests that ran its function,
    and counts what the module's build runs for the first test that asked for it alone (docs/mutation.md)."""
    write_catalog(tmp_path / "catalog")
    build_site(tmp_path / "catalog", tmp_path / "site", TODAY, use_cache=False)
    for check in (check_entries, check_keys, check_pinyin, check_filters, check_names):
        check(tmp_path / "site")


# ---- an index of several shards (the small catalog's fits in one) ----

TOWNS = "凤城蓬莱湖头官桥剑斗城厢金谷龙门虎邱芦田感德魁斗西坪参内长卿白濑湖上尚卿大坪龙涓蓝田祥华桃舟福田"


def _many() -> list[SearchDoc]:
    towns = [TOWNS[i:i + 2] for i in range(0, len(TOWNS), 2)]
    return [SearchDoc(f"records/T{n:03d}.html", f"{towns[n % 24]}镇第{n}批临时救助资金发放情况", dt.date(2026, 1, 1)
                      + dt.timedelta(days=n), f"测民〔2026〕{n}号", None,
                      f"{towns[n % 24]}镇共救助{n + 7}户，发放资金{n * 100 + 50}元。", {"年份": "2026"}, "record",
                      pinyin_terms=(f"{towns[n % 24]}镇临时救助",))
            for n in range(240)]


def test_an_index_of_several_shards_puts_each_key_where_search_js_looks(tmp_path: Path) -> None:
    update = update_index(None, {doc.url: doc for doc in _many()})
    for path, data in update.files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    meta = _read(tmp_path, "meta.json.gz")
    assert meta["shards"] > 1 and meta["pages"] == 240
    shards = sorted(f"{n}.json.gz" for n in range(meta["shards"]))
    assert sorted(p.name for p in (tmp_path / "search/s").iterdir()) == shards
    # page numbers follow the dates: T000 is 0, T239 is 239
    assert holding(tmp_path, "2026 17 号") == {"records/T017.html": 1}
    assert holding(tmp_path, "2026 239 号") == {"records/T239.html": 1}
    assert holding(tmp_path, "1750 元") == {"records/T017.html": 0}
    assert holding(tmp_path, "24 户") == {"records/T017.html": 0}
    # 桃舟 is town 22 of 24: T022, T046, …, T238 (ten pages), in the head (its title) and the text
    assert holding(tmp_path, "桃舟镇") == {f"records/T{n:03d}.html": 1 for n in range(22, 240, 24)}
    assert holding(tmp_path, "=年份=2026") == {f"records/T{n:03d}.html": 0 for n in range(240)}
    # numbers alone, among the first written (T000: 救助7户, 资金50元, 第0批, 〔2026〕0号; T001: 8户, 150元): the
    # first key of a shard as well as the others (T043 helps 50 households, T143 150)
    assert holding(tmp_path, "0 ") == {"records/T000.html": 1}
    assert holding(tmp_path, "7 ") == {"records/T000.html": 0, "records/T007.html": 1}
    assert holding(tmp_path, "50 ") == {"records/T000.html": 0, "records/T043.html": 0, "records/T050.html": 1}
    assert holding(tmp_path, "150 ") == {"records/T001.html": 0, "records/T143.html": 0, "records/T150.html": 1}
    assert holding(tmp_path, "2026 ") == {f"records/T{n:03d}.html": 1 for n in range(240)}
    assert _shard(tmp_path, "~tao zhou")["~tao zhou"] == {"桃舟": 10}
    assert _shard(tmp_path, "^lj")["^lj"] == {"龙涓": 10}


# ---- an index patched in place (the build patches an index of 2,000 pages or more; update_index patches any index
# when it is not handed every page) ----

def _patched(site: Path, tmp_path: Path, changed: dict[str, SearchDoc | None]) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(site / "search", copy / "search")
    update = update_index(copy, changed)
    assert not update.rebuilt
    for path, data in update.files.items():
        (copy / path).write_bytes(data)
    for path in update.removed:
        (copy / path).unlink()
    return copy


def test_a_page_taken_out_of_a_patched_index_leaves_no_key(site: Path, tmp_path: Path) -> None:
    """R2026-001 withdrawn: its 文号 and 索引号 find nothing any more (the patch reads what to take out from the
    index's own entries, 文号 and 索引号 included); R2026-002 still holds the 文号 it cites."""
    copy = _patched(site, tmp_path, {R1: None})
    assert holding(copy, "测民2026 ") == {R2: 1}
    for key in DOC_NUMBER_KEYS[1:]:
        assert holding(copy, key) == {R2: 0}, key
    assert holding(copy, "00012 ") == {}
    assert holding(copy, "mz 2026 00012 ") == {}
    assert holding(copy, "印发") == {} and holding(copy, "法的通") == {}  # 办法》的通知: only in its title
    assert holding(copy, "=年份=2026") == {R2: 0}
    meta = _read(copy, "meta.json.gz")
    assert meta["filters"]["年份"] == {"2025": 1, "2026": 1}
    # the rest of meta.json as it was: the empty and lapsed pages, the directory, the syllables pinyin is cut into
    before = entries(site)
    assert meta["empty"] == sorted([before[HOMES][7], before[TOWN][7]]) and meta["lapsed"] == [before[OLD][7]]
    assert sorted(meta["nav"].values()) == NAV
    assert {"di", "bao", "jing", "lao"} <= set(meta["syllables"])
    assert set(_read(copy, "d/0.json.gz")) == {R2, OLD, POLICY, NAMES, HOMES, GUIDE, TOWN}  # the builder's page table


def test_pages_of_the_directory_taken_out_of_a_patched_index(site: Path, tmp_path: Path) -> None:
    """SHJZ-002 (undated; the only page whose pinyin says 低保, in its contents) and the guide (no filters) leave:
    the words their pinyin said and their filter values go with them."""
    copy = _patched(site, tmp_path, {NAMES: None, GUIDE: None})
    assert "~di bao" not in _shard(copy, "~di bao") and "^db" not in _shard(copy, "^db")
    assert _shard(copy, "~bao zhang")["~bao zhang"] == {"保障": 3}
    assert holding(copy, "低保") == {R1: 0, OLD: 0}
    assert holding(copy, "=五公开=结果公开") == {}
    meta = _read(copy, "meta.json.gz")
    assert meta["filters"]["五公开"] == {"决策公开": 5}
    assert meta["pages"] == 6 and sorted(meta["nav"].values()) == [
        "养老服务通用政策 / 政策文件", "凤城镇民政办", "最低生活保障 / 政策法规文件"]
    assert set(entries(copy)) == {R1, R2, OLD, POLICY, HOMES, TOWN}


def test_a_doc_number_changed_in_a_patched_index_is_found_only_as_it_now_reads(site: Path, tmp_path: Path) -> None:
    now = SearchDoc(R2, R2_TITLE, dt.date(2026, 10, 9), "测民〔2026〕31号", "350524-MZ-2026-00031",
                    "各乡镇人民政府：\n请按照测民〔2026〕12号文件要求，做好冬春救助工作，严格审核确认程序。\n"
                    "补助资金\U000f0001发放到户。\n附件：冬春救助资金分配表",  # a private-use character: no unit
                    {**FILTERS, "年份": "2026"}, "record", pinyin_terms=(R2_TITLE,))
    copy = _patched(site, tmp_path, {R2: now})
    assert holding(copy, "金发放") == {R2: 0} and holding(copy, "xx ") == {}
    assert holding(copy, "序补") == {} and holding(copy, "户附") == {}  # lines stay apart in a patch too
    assert holding(copy, "2026 30 号") == {} and holding(copy, "00030 ") == {}
    assert holding(copy, "2026 31 号") == {R2: 1} and holding(copy, "00031 ") == {R2: 1}
    assert holding(copy, "2026 12 号") == {R1: 1, R2: 0}


def test_a_page_that_gains_content_or_comes_back_into_force_in_a_patched_index(site: Path, tmp_path: Path) -> None:
    """YLFW-001 gets its first record (no longer empty: it must not rank last); R2025-001's 失效 date was typed in
    error and taken out (in force again: it must not rank after the documents in force)."""
    homes = SearchDoc(HOMES, "养老服务通用政策 / 政策文件", None, None, None,
                      "敬老院管理办法\n《养老机构管理办法》\n县级人民政府民政部门\n",
                      {"领域": "养老服务", "五公开": "决策公开", "公开主体": "县级人民政府民政部门"}, "item", False,
                      ("养老服务通用政策 / 政策文件", "敬老院管理办法"))
    old = SearchDoc(OLD, "测试县民政局关于提高城乡最低生活保障标准的通知", dt.date(2025, 6, 24), "测民〔2025〕8号",
                    "350524-MZ-2025-00008", "自2025年7月1日起，城市低保标准提高到每人每月880元。",
                    {**FILTERS, "年份": "2025"}, "record", pinyin_terms=("测试县民政局关于提高城乡最低生活保障标准的通知",))
    copy = _patched(site, tmp_path, {HOMES: homes, OLD: old})
    meta = _read(copy, "meta.json.gz")
    assert meta["empty"] == [entries(site)[TOWN][7]] and meta["lapsed"] == []
    found = entries(copy)
    assert found[HOMES][5] == 0 and found[OLD][6] == 0 and found[OLD][1] == "测试县民政局关于提高城乡最低生活保障标准的通知"


def test_a_patched_index_of_several_shards(tmp_path: Path) -> None:
    """T017 leaves and T240 comes: each key is taken out of and put into the shard search.js opens for it, and the
    new page takes the next number (240)."""
    update = update_index(None, {doc.url: doc for doc in _many()})
    for path, data in update.files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    new = SearchDoc("records/T240.html", "桃舟镇第240批临时救助资金发放情况", dt.date(2026, 9, 1), "测民〔2026〕240号",
                    None, "桃舟镇共救助247户，发放资金24050元。", {"年份": "2026"}, "record",
                    pinyin_terms=("桃舟镇临时救助",))
    update = update_index(tmp_path, {"records/T017.html": None, new.url: new})
    assert not update.rebuilt
    for path, data in update.files.items():
        (tmp_path / path).write_bytes(data)
    assert holding(tmp_path, "2026 17 号") == {} and holding(tmp_path, "1750 元") == {}
    assert holding(tmp_path, "2026 240 号") == {"records/T240.html": 1}
    assert holding(tmp_path, "24050 元") == {"records/T240.html": 0}
    assert holding(tmp_path, "桃舟镇") == {**{f"records/T{n:03d}.html": 1 for n in range(22, 240, 24)},
                                         "records/T240.html": 1}
    assert _shard(tmp_path, "~tao zhou")["~tao zhou"] == {"桃舟": 11}
    assert entries(tmp_path)["records/T240.html"][7] == 240
    meta = _read(tmp_path, "meta.json.gz")
    assert meta["pages"] == 240 and meta["next"] == 241
    # the builder's page table (one file for 240 pages) knows the new page and forgets the old one
    assert [p.name for p in (tmp_path / "search/d").iterdir()] == ["0.json.gz"]
    table = _read(tmp_path, "d/0.json.gz")
    assert table["records/T240.html"][0] == 240 and "records/T017.html" not in table and len(table) == 240


@pytest.mark.parametrize("left", ["none", "older"])
def test_a_site_without_a_usable_index_gets_one_of_every_page(site: Path, tmp_path: Path, left: str) -> None:
    """search/ deleted, as the message about a damaged index tells the webmaster to do, or left by a gongkai of
    another format: the index is made anew from every page the build passes."""
    copy = tmp_path / "site"
    shutil.copytree(site / "search", copy / "search")
    if left == "none":
        shutil.rmtree(copy / "search")
    else:
        meta = _read(copy, "meta.json.gz")
        (copy / "search/meta.json.gz").write_bytes(gzip.compress(json.dumps({**meta, "format": 4}).encode()))
    doc = SearchDoc(R1, R1_TITLE, dt.date(2026, 3, 2), "测民〔2026〕12号", "350524-MZ-2026-00012", "请认真贯彻执行。",
                    {**FILTERS, "年份": "2026"}, "record", pinyin_terms=(R1_TITLE,))
    update = update_index(copy, {R2: None}, lambda: [doc])
    assert update.rebuilt and update.pages == 1
    files = {path: json.loads(gzip.decompress(data)) for path, data in update.files.items()}
    assert files["search/m/0.json.gz"] == {"0": [R1, R1_TITLE, "2026-03-02", "测民〔2026〕12号", "record", 0, 0]}
