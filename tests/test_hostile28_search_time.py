"""The site and its search index tried a twenty-eighth time, over time: what they still hold after a 公示 ends, a
record is withdrawn, turns 依申请公开 or comes back, an attachment is replaced, a name in a list is corrected, an item
is renamed or removed, the 机关 renamed — read as a citizen searches and as anyone who downloads the index's files
(search.js fetches meta.json.gz, s/<n>, m/<n>, t/<n>; the page table d/<n> sits beside them on the server).

A site of 2,000 pages or more has its index patched, not written anew; here every build patches (REBUILD_BELOW = 0),
and after every step the updated site is compared with a fresh build of the same catalog on the same day: every file
but the index byte for byte, the index as a reader decodes it (hostile20's index_meaning) and, new here, its syllables.

Found by this pass:

1. A patched index kept for good, in meta.json, the pinyin syllables of a title that had left the web (撤回, turned
   依申请公开, deleted) or of an item renamed or removed: after 「关于翟鑫淼同志拟提拔任职的通知」 was withdrawn, meta.json
   still listed miao (淼) — a fresh index had no such syllable — and search.js cut pinyin queries by them (meta.json
   said 「an unused one costs a few bytes and misleads nobody」). Now meta.json counts, for each syllable, the
   full-pinyin keys holding it ("sounds"); a patch counts the keys it adds and takes out, and a syllable no key holds
   leaves meta.json. An index of format 5 (no counts) is rebuilt once, from every page (index format 6).
2. A patched index numbers a page as it came, and search.js listed equal results by number as "newest first": a 2019
   notice entered today (or a withdrawal undone) was listed above this year's notice of the same title, where a fresh
   index lists this year's first. Now equal results are ordered by the date each shows, then by number
   (tests/browser/test_hostile28_search_time.py).
3. build-site lists the files it took down, 「部署到门户网站的副本中也请删除」, but only under records/ and files/: a file
   of the search index removed because the pages it held left (a text file or group a withdrawn notice was alone in,
   the shards an index written anew no longer needs) was not listed, and a portal copy kept it — the withdrawn
   notice's title and text, for anyone who asks for search/t/<n>.json.gz. Now those files are listed too.
4. A reader on a computer that had searched before (a 公开查阅点's) still found a withdrawn notice, title and text:
   a server sending no Cache-Control lets the browser keep each file of the index for a tenth of its age, and
   search.js took them from its cache. Now it asks the server again for each (tests/browser/…).

Mutants (tools/mutation.py's new group "search_patch": postings.py, encoding.py, patch.py) and bugs planted by hand
showed what no test held, now held here: a page taken out of a patched index leaves its group and text files (and
the files it was alone in are removed), new pages patched into a text file keep the pages already there, an index
written anew with fewer shards leaves none of the old ones, a group file deleted by hand gets the index written anew.

What this pass tried and found held (kept as tests, expectations typed by hand): an attachment replaced (its old name
leaves the index, its new bytes are served), a name corrected in a 公示's list (neither name ever in the index), the
公示's end (list and attachment gone), a withdrawal, a record turned 依申请公开 and one turned 主动公开, an item
renamed then removed, the 机关 renamed (and a masked number: found as the page shows it, 138 then 5678, never by the
digits it hides): after each, no file of the output folder (the build record included) holds
what left, and the patched site says what a fresh one says.

The catalog is tests/portal_catalog.py (days worked out by hand there and in test_hostile18_incremental): R2026-014's
公示 (7 working days from Tue 2026-11-24) ends on Wed 2026-12-02, so on 2026-12-03 its list and attachment are gone.
Pinyin is typed by hand (pypinyin's readings: 淼 miao, 殡葬 bin zang, 孤儿 gu er).
"""

from __future__ import annotations

import datetime as dt
import gzip
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import gongkai.search
from conftest import AGENCY, ITEM, RECORD, CatalogDir, text_pdf
from gongkai.search import SearchDoc, encoding, files, update_index
from gongkai.search.build import build_index
from gongkai.search.tokens import query_keys
from gongkai.site import build_site
from portal_catalog import build, record
from test_hostile18_incremental import entries
from test_hostile20_incremental import index_meaning

D0 = dt.date(2026, 11, 27)
ENDED = dt.date(2026, 12, 3)  # the day after R2026-014's 公示 (last day Wed 2026-12-02)
PROMOTION = "关于翟鑫淼同志拟提拔任职的通知"
ITEM2 = (ITEM.replace("编号: SHJZ-001", "编号: SHJZ-002").replace("二级事项: 审批信息", "二级事项: 殡葬惠民补贴")
         .replace("低保对象名单及相关信息", "补贴发放标准"))


def decoded(site: Path) -> dict[str, Any]:
    """The index as a reader decodes it, whatever numbers its pages got, with the syllables search.js cuts pinyin
    into and the counts a patch keeps them by."""
    meta = files.unpack((site / "search/meta.json.gz").read_bytes())
    return {**index_meaning(site), "syllables": meta["syllables"], "sounds": meta["sounds"]}


def every_text(site: Path) -> str:
    """Every file of the output folder as text (the index's files unzipped), the build record included."""
    found = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found.append(gzip.decompress(data).decode("utf-8") if path.name.endswith(".gz") else data.decode("utf-8", "replace"))
    return "\n".join(found)


def holding(site: Path, query: str) -> set[str]:
    """The pages holding every key of *query* (what search.js intersects)."""
    keys = decoded(site)["keys"]
    found: set[str] | None = None
    for key in query_keys(query):
        pages = {url for url, _ in keys.get(key, [])}
        found = pages if found is None else found & pages
    return found or set()


def _catalog(root: Path) -> CatalogDir:
    cat = CatalogDir(root)
    cat.write("gongkai.yaml", AGENCY)
    cat.item()
    cat.record(RECORD)
    build(cat)
    cat.item(ITEM2, "items/shjz/SHJZ-002.yaml")
    cat.write("files/2026/R2026-030.pdf", text_pdf("附表一"))
    cat.write("records/2026/R2026-030.yaml", record(
        "R2026-030", PROMOTION, channels="政府网站", body="现将有关事项通知如下。联系电话138****5678。",
        extra="附件:\n  - 文件: files/2026/R2026-030.pdf\n    名称: 鑫淼附表\n"))
    return cat


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


class Timeline:
    """A catalog and its site, every build patching the index; step() updates the site for a day and checks it
    against a fresh build of that day."""

    def __init__(self, top: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.cat = _catalog(top / "catalog")
        self.site, self.fresh = top / "site", top / "fresh"
        self.rebuilt = 0
        rebuilt = gongkai.search._rebuilt

        def counted(*args: Any) -> Any:
            self.rebuilt += 1
            return rebuilt(*args)

        monkeypatch.setattr(gongkai.search, "REBUILD_BELOW", 0)
        monkeypatch.setattr(gongkai.search, "_rebuilt", counted)
        build_site(self.cat.root, self.site, D0)

    def record(self, rid: str) -> Path:
        return self.cat.root / f"records/2026/{rid}.yaml"

    def step(self, day: dt.date) -> None:
        before = self.rebuilt
        build_site(self.cat.root, self.site, day)
        assert self.rebuilt == before, "the index was written anew, not patched"
        shutil.rmtree(self.fresh, ignore_errors=True)
        build_site(self.cat.root, self.fresh, day, use_cache=False)
        made, expected = entries(self.site), entries(self.fresh)
        assert sorted(n for n in made.keys() | expected.keys()
                      if not n.startswith("search/") and made.get(n) != expected.get(n)) == []
        assert decoded(self.site) == decoded(self.fresh)


@pytest.fixture
def timeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Timeline]:
    yield Timeline(tmp_path, monkeypatch)


def test_what_leaves_the_web_over_time_leaves_every_file_of_a_patched_site(timeline: Timeline) -> None:
    """One catalog through the steps a county goes through in a week; after each, hand-typed checks of what must have
    left (and what came), and the whole site against a fresh build of the day (Timeline.step)."""
    site, cat = timeline.site, timeline.cat
    index = decoded(site)
    assert holding(site, "翟鑫淼") == {"records/R2026-030.html"}
    assert holding(site, "鑫淼附表") == {"records/R2026-030.html"}
    assert index["keys"]["~xin miao"] == {"鑫淼": 1} and index["keys"]["^xm"]["鑫淼"] == 1
    assert "miao" in index["syllables"] and index["sounds"]["miao"] == 2  # ~xin miao, ~miao tong
    assert index["keys"]["~bin zang"] == {"殡葬": 1} and {"bin", "zang"} <= set(index["syllables"])
    assert holding(site, "苏阿森") == set() and holding(site, "湖头镇公示中戊号公示") == set()  # a 公示 is not indexed
    # a masked number is found as the page shows it (138, then 5678), never by digits it hides
    assert holding(site, "138****5678") == {"records/R2026-030.html"}
    assert holding(site, "13812345678") == set() and holding(site, "1385678") == set()

    # 1. the attachment replaced (same path, new bytes, a new name)
    cat.write("files/2026/R2026-030.pdf", text_pdf("附表二"))
    _edit(timeline.record("R2026-030"), "名称: 鑫淼附表", "名称: 任职附表")
    timeline.step(D0)
    assert holding(site, "鑫淼附表") == set() and holding(site, "任职附表") == {"records/R2026-030.html"}
    assert (site / "files/2026/R2026-030.pdf").read_bytes() == text_pdf("附表二")

    # 2. a name corrected in the 公示's list, while it runs: the page shows the new one, the index neither
    _edit(timeline.record("R2026-014"), "苏阿森", "苏阿林")
    timeline.step(D0)
    assert "苏阿林" in (site / "records/R2026-014.html").read_text("utf-8")
    assert "苏阿森" not in every_text(site)
    assert holding(site, "苏阿林") == set() and holding(site, "阿林") == set()

    # 3. the 公示 ends: its list and its attachment leave
    timeline.step(ENDED)
    assert "苏阿林" not in every_text(site) and not (site / "files/2026/R2026-014.pdf").exists()

    # 4. the promotion notice withdrawn: its title, attachment, pinyin and syllable leave every file
    _edit(timeline.record("R2026-030"), "正文: |", "撤回:\n  日期: 2026-12-03\n  原因: 误发\n正文: |")
    timeline.step(ENDED)
    text = every_text(site)
    assert "翟鑫淼" not in text and "鑫淼" not in text and "任职附表" not in text
    assert not (site / "files/2026/R2026-030.pdf").exists()
    index = decoded(site)
    assert "~xin miao" not in index["keys"] and "鑫淼" not in index["keys"]["^xm"]  # 县民 stays
    assert "miao" not in index["syllables"] and "miao" not in index["sounds"]

    # 5. a notice turned 依申请公开; 6. a 依申请 record turned 主动公开
    _edit(timeline.record("R2026-010"), "公开属性: 主动公开", "公开属性: 依申请公开")
    cat.write("records/2026/R2026-011.yaml", record("R2026-011", "依申请公开乙号文件", channels="政府网站",
                                                    body="乙号文件现已主动公开。"))
    timeline.step(ENDED)
    assert "网站通知甲" not in every_text(site) and holding(site, "网站通知甲") == set()
    assert holding(site, "乙号文件现已主动公开") == {"records/R2026-011.html"}

    # 7. the item renamed, then removed: its name's pinyin and syllables follow
    _edit(cat.root / "items/shjz/SHJZ-002.yaml", "殡葬惠民补贴", "孤儿基本生活费")
    timeline.step(ENDED)
    index = decoded(site)
    assert "~bin zang" not in index["keys"] and not {"bin", "zang"} & set(index["syllables"])
    assert index["keys"]["~gu er"] == {"孤儿": 1} and holding(site, "孤儿基本生活费") == {
        "items/SHJZ-002.html", "towns/mzb-102/index.html", "towns/mzb-103/index.html"}  # a 乡级 item: on each town's page
    (cat.root / "items/shjz/SHJZ-002.yaml").unlink()
    timeline.step(ENDED)
    assert "孤儿" not in every_text(site)
    assert "~gu er" not in decoded(site)["keys"] and "gu" not in decoded(site)["syllables"]

    # 8. the 机关 renamed
    _edit(cat.root / "gongkai.yaml", "名称: 测试县民政局\n", "名称: 测试县民政和退役军人局\n")
    timeline.step(ENDED)
    assert "本栏目是测试县民政和退役军人局在" in (site / "zhinan/index.html").read_text("utf-8")


# The syllables' counts, on the index alone (no site) ------------------------------------------------------------------

def _doc(url: str, title: str, day: int) -> SearchDoc:
    return SearchDoc(url=url, title=title, date=dt.date(2026, 3, day), text=title, kind="record", pinyin_terms=(title,))


def _write(site: Path, changed: dict[str, SearchDoc | None]) -> gongkai.search.IndexUpdate:
    update = update_index(site, changed)
    for path, data in update.files.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)
    for path in update.removed:
        (site / path).unlink()
    return update


def _meta(site: Path) -> dict[str, Any]:
    return files.unpack((site / "search/meta.json.gz").read_bytes())


def test_a_patch_counts_each_syllable_in_and_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """低保 (di bao), 淼淼 (miao miao: one key, miao counted once), 苗圃 (miao pu): miao is held by two keys, and leaves
    only when the last goes; 低 stays with 低保."""
    monkeypatch.setattr(gongkai.search, "REBUILD_BELOW", 0)
    a, b, c = _doc("records/a.html", "低保", 1), _doc("records/b.html", "淼淼", 2), _doc("records/c.html", "苗圃", 3)
    assert _write(tmp_path, {d.url: d for d in (a, b, c)}).rebuilt
    assert _meta(tmp_path)["sounds"] == {"bao": 1, "di": 1, "miao": 2, "pu": 1}
    assert _meta(tmp_path)["syllables"] == ["bao", "di", "miao", "pu"]
    assert not _write(tmp_path, {b.url: None}).rebuilt  # patched
    assert _meta(tmp_path)["sounds"] == {"bao": 1, "di": 1, "miao": 1, "pu": 1}
    assert _meta(tmp_path)["syllables"] == ["bao", "di", "miao", "pu"]
    update = _write(tmp_path, {c.url: SearchDoc(**{**c.__dict__, "title": "低保标准", "pinyin_terms": ("低保标准",)})})
    assert not update.rebuilt
    assert _meta(tmp_path)["sounds"] == {"bao": 2, "biao": 2, "di": 1, "zhun": 1}  # ~di bao ~bao biao ~biao zhun
    assert _meta(tmp_path)["syllables"] == ["bao", "biao", "di", "zhun"]
    _write(tmp_path, {a.url: None, c.url: None})
    assert _meta(tmp_path)["sounds"] == {} and _meta(tmp_path)["syllables"] == []


def test_an_index_of_format_5_is_rebuilt_with_its_syllables_counted(tmp_path: Path) -> None:
    """An index an older gongkai wrote (format 5: syllables listed, not counted) cannot be patched: it is written anew
    from every page the build passes."""
    a, b = _doc("records/a.html", "淼淼通知", 1), _doc("records/b.html", "低保", 2)
    _write(tmp_path, {d.url: d for d in (a, b)})
    meta = _meta(tmp_path)
    del meta["sounds"]
    meta["format"] = 5
    (tmp_path / "search/meta.json.gz").write_bytes(files.pack(meta))
    update = update_index(tmp_path, {a.url: None}, everything=lambda: [b])
    assert update.rebuilt
    written = files.unpack(update.files["search/meta.json.gz"])
    assert written["format"] == 6 and written["sounds"] == {"bao": 1, "di": 1} and written["syllables"] == ["bao", "di"]


# What a patch leaves in the files anyone can download ----------------------------------------------------------------

def _day(n: int) -> dt.date:
    return dt.date(2026, 1, 1) + dt.timedelta(days=n)


def _numbered(n: int) -> SearchDoc:
    """Page *n* of an index of such pages (numbered oldest first: by day)."""
    return SearchDoc(url=f"records/r{n:02}.html", title=f"第{n}号通知", date=_day(n), text=f"正文{n}号", kind="record",
                     pinyin_terms=(f"第{n}号通知",))


def _stored(site: Path, folder: str) -> dict[str, dict[str, Any]]:
    return {p.name: files.unpack(p.read_bytes()) for p in sorted((site / "search" / folder).iterdir())}


def test_a_page_withdrawn_from_a_patched_index_leaves_no_file_holding_it(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """33 pages: pages 0–31 in m/0 (32 a group), page 32 alone in m/1 and in t/4 (8 pages a text file). Page 32 taken
    out: m/1 and t/4 are removed (left on the server, they would still give its title and text); page 5 taken out:
    its entries leave m/0 and t/0."""
    monkeypatch.setattr(gongkai.search, "REBUILD_BELOW", 0)
    docs = [_numbered(n) for n in range(33)]
    _write(tmp_path, {d.url: d for d in docs})
    assert sorted(_stored(tmp_path, "m")) == ["0.json.gz", "1.json.gz"]
    assert sorted(_stored(tmp_path, "t")) == ["0.json.gz", "1.json.gz", "2.json.gz", "3.json.gz", "4.json.gz"]
    update = _write(tmp_path, {docs[32].url: None, docs[5].url: None})
    assert not update.rebuilt
    assert update.removed == ["search/m/1.json.gz", "search/t/4.json.gz"]
    assert "5" not in _stored(tmp_path, "m")["0.json.gz"] and "5" not in _stored(tmp_path, "t")["0.json.gz"]
    assert _stored(tmp_path, "t")["0.json.gz"]["4"] == {"x": "正文4号"}
    text = every_text(tmp_path)
    assert "第32号通知" not in text and "正文32号" not in text and "第5号通知" not in text and "正文5号" not in text
    assert _meta(tmp_path)["pages"] == 31 and _meta(tmp_path)["next"] == 33


def test_new_pages_patched_into_a_text_file_keep_the_pages_already_there(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """9 pages (t/1 holds page 8); two new ones, 9 and 10, go into t/1 beside it; then two more, 11 and 12, and after
    them 16 and 17 open t/2 ... a text file a new page goes into keeps every page it held."""
    monkeypatch.setattr(gongkai.search, "REBUILD_BELOW", 0)
    docs = [_numbered(n) for n in range(18)]
    _write(tmp_path, {d.url: d for d in docs[:9]})
    _write(tmp_path, {d.url: d for d in docs[9:11]})
    assert {p: e["x"] for p, e in _stored(tmp_path, "t")["1.json.gz"].items()} == {
        "8": "正文8号", "9": "正文9号", "10": "正文10号"}
    _write(tmp_path, {d.url: d for d in docs[11:18]})  # 11–15 into t/1, 16 and 17 into the new t/2
    assert sorted(_stored(tmp_path, "t")["1.json.gz"], key=int) == ["8", "9", "10", "11", "12", "13", "14", "15"]
    assert {p: e["x"] for p, e in _stored(tmp_path, "t")["2.json.gz"].items()} == {"16": "正文16号", "17": "正文17号"}


def test_an_index_written_anew_with_fewer_shards_leaves_none_of_the_old_ones(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A shard of 4 postings: a page's keys are 12 (第 0 号 通 知: 4 pairs, 3 triples, the run 0; 正 文 0 号 adds 正文,
    文0, 正文0, 文0号), so 18 pages' 216 postings take 64 shards; written anew with one page, the index needs 4.
    Shards 4–63 are removed: left on the server, the withdrawn pages' keys would stay in them for anyone to read."""
    monkeypatch.setattr(files, "TARGET_POSTINGS", 4)
    docs = [_numbered(n) for n in range(18)]
    _write(tmp_path, {d.url: d for d in docs})
    assert _meta(tmp_path)["shards"] == 64
    update = update_index(tmp_path, {d.url: None for d in docs[1:]}, everything=lambda: docs[:1])
    assert update.rebuilt and files.unpack(update.files["search/meta.json.gz"])["shards"] == 4
    assert sorted(p for p in update.removed if p.startswith("search/s/")) == sorted(
        f"search/s/{n}.json.gz" for n in range(4, 64))


def test_a_group_file_deleted_by_hand_gets_the_index_written_anew(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """m/0 deleted from the site folder: a page of it changed cannot be patched (its old keys are unknown); the index
    is written anew from every page, with no traceback."""
    monkeypatch.setattr(gongkai.search, "REBUILD_BELOW", 0)
    docs = [_numbered(n) for n in range(3)]
    _write(tmp_path, {d.url: d for d in docs})
    (tmp_path / "search/m/0.json.gz").unlink()
    changed = SearchDoc(**{**docs[1].__dict__, "title": "第1号通知（修订）"})
    update = update_index(tmp_path, {changed.url: changed}, everything=lambda: [docs[0], changed, docs[2]])
    assert update.rebuilt and "search/m/0.json.gz" in update.files


# Posting lists as a patch rewrites them, read as search.js reads them -------------------------------------------------

def test_a_long_posting_list_patched_is_written_with_its_runs_shortened() -> None:
    """Pages 0–40, the key in each one's text: postings 0, 2, … 80, written 0 then 40 differences of 2 (2, −39). Page 3
    taken out (posting 6): 0, 2, 2, 4, then 36 differences of 2 (2, −35); put back in its title (posting 7): 0, 2, 2,
    3, 1, 2, −35. search.js reads −n as n more of the difference before."""
    every = list(range(0, 81, 2))
    assert encoding.encode(every) == [0, 2, -39]
    assert encoding.decode([0, 2, -39]) == every
    dropped = encoding.edit([0, 2, -39], {3}, {})
    assert dropped == [0, 2, 2, 4, 2, -35]
    assert encoding.decode(dropped) == [0, 2, 4, *range(8, 81, 2)]
    moved = encoding.edit([0, 2, -39], {3}, {3: 1})
    assert moved == [0, 2, 2, 3, 1, 2, -35]
    assert encoding.decode(moved) == [0, 2, 4, 7, *range(8, 81, 2)]
    assert encoding.edit([0, 2, -39], set(range(41)), {}) == []


def test_a_control_character_in_a_text_keeps_its_keys_on_its_own_page() -> None:
    """The array path marks the end of a page's text and head with U+0001 and U+0002: one of them alone in a page's
    text must not move the keys after it to the head or the next page. Page 0 「甲乙」 / 「低U+0001保」, page 1 「丙丁」 /
    「救U+0002助」: 低保 in page 0's text (posting 0), 救助 in page 1's (2), 甲乙 and 丙丁 in the heads (1, 3). Page 2's
    title is the last character of two CJK blocks, U+4DBF and U+9FFF (assigned in Unicode 13 and 14): a key (5)."""
    docs = [SearchDoc(url="records/a.html", title="甲乙", date=_day(0), text="低\x01保", kind="record"),
            SearchDoc(url="records/b.html", title="丙丁", date=_day(1), text="救\x02助", kind="record"),
            SearchDoc(url="records/c.html", title="\u4dbf\u9fff", date=_day(2), kind="record")]
    written, _ = build_index(docs)
    keys = {k: encoding.decode(v) for path, data in written.items() if path.startswith("search/s/")
            for k, v in files.unpack(data).items() if isinstance(v, list)}
    assert keys == {"低保": [0], "甲乙": [1], "救助": [2], "丙丁": [3], "\u4dbf\u9fff": [5]}


# What the person deploying the site is told to delete from the portal's copy ----------------------------------------

def test_an_index_file_a_withdrawn_page_was_alone_in_is_listed_to_delete_from_the_portal(
        gk: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages indexed: the item's page and the 指南 (no date: pages 0 and 1), then the seven web records of one day by
    编号 (2–8): R2026-057 is page 8, alone in t/1 (8 pages a text file). It is withdrawn: t/1 is removed from the site
    folder; a copy on the portal keeps it — with the withdrawn notice's text — unless the person deploying deletes it,
    so it is listed with the page (before, only records/ and files/ were)."""
    monkeypatch.setattr(gongkai.search, "REBUILD_BELOW", 0)
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    for n in range(1, 8):
        cat.write(f"records/2026/R2026-05{n}.yaml", record(f"R2026-05{n}", f"第{n}号工作通知", channels="政府网站",
                                                          body=f"第{n}号通知正文。"))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert {p: e["x"] for p, e in files.unpack((site / "search/t/1.json.gz").read_bytes()).items()} == {
        "8": "第7号通知正文。\n成文日期：2026年8月28日\n公开日期：2026年11月2日"}
    _edit(cat.root / "records/2026/R2026-057.yaml", "正文: |", "撤回:\n  日期: 2026-11-27\n  原因: 误发\n正文: |")
    run = gk("build-site", cat.root, "--out", site)
    assert run.code == 0, run.err
    assert ("已从网站撤下 2 个文件（撤回、公示期满、改了编号、渠道改变、公开日期删去或改晚、不再通过公开审核，或事项、乡镇从目录中删去；部署到门户网站的副本中也请删除）：\n"
            "  records/R2026-057.html\n  search/t/1.json.gz\n") in run.out
    assert not (site / "search/t/1.json.gz").exists() and "第7号" not in every_text(site)
