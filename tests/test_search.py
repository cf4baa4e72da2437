"""gongkai.search: the tokenizer (hand-typed expectations), pinyin, and the index built, patched and rebuilt."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from gongkai.search import SearchDoc, update_index
from gongkai.search.encoding import decode
from gongkai.search.files import shard_of
from gongkai.search.pinyin import pinyin_keys, readings
from gongkai.search.tokens import normalize, query_keys, text_keys, units
from tests.conftest import Run
from tests.search_cases import QUERY_KEYS

Gk = Callable[..., Run]


@pytest.mark.parametrize("query", sorted(QUERY_KEYS))
def test_query_keys(query: str) -> None:
    assert query_keys(query) == QUERY_KEYS[query]


def test_units_of_doc_number_variants() -> None:
    for text in ("安民〔2026〕12号", "安民[2026]12号", "安民(2026)12号", "安民（2026）12号", "安民2026年12号",
                 "安民【2026】12号", "安民［２０２６］１２号"):
        assert units(text) == ["安", "民", "2026", "12", "号"], text
    # leading zeros before 号, however many, do not count: 安民〔2026〕0012号 is 安民〔2026〕12号
    for text in ("安民〔2026〕012号", "安民〔2026〕0012号", "安民2026年00012号"):
        assert units(text) == ["安", "民", "2026", "12", "号"], text
    assert units("安民〔2026〕100号") == ["安", "民", "2026", "100", "号"]  # a zero inside the number stays


def test_normalize() -> None:
    assert normalize("2026年12月") == "2026 12月"
    assert normalize("2026年度") == "2026年度"
    assert normalize("12026年1") == "12026年1"  # five digits are no year
    assert normalize("ＭＺ①") == "mz1"


def test_text_keys_within_a_line() -> None:
    assert text_keys("低保\n标准") == {"低保", "标准"}
    assert text_keys("救助。供养") == {"救助", "助供", "供养", "救助供", "助供养"}
    assert text_keys("第8批") == {"第8 ", "8 批", "第8 批", "8 "}
    assert text_keys("安民〔2026〕12号") == {"安民", "安民2026 ", "民2026 ", "民2026 12 ", "2026 ", "12 ",
                                           "2026 12 ", "2026 12 号", "12 号"}
    assert text_keys("低") == set()
    assert text_keys("12") == {"12 "}
    assert text_keys("") == set()


def test_text_keys_hold_every_query_of_a_substring() -> None:
    text = "安溪县民政局关于印发《安溪县经济困难老年人养老服务补贴实施办法》的通知（安民〔2026〕12号）"
    keys = text_keys(text)
    for query in ("经济困难", "养老服务补贴", "办法》的通", "安民2026年12号", "安民[2026]12", "民政"):
        assert set(query_keys(query)) <= keys, query


def test_pinyin() -> None:
    assert readings("低保") == ("di", "bao")
    assert readings("银行") == ("yin", "hang")
    assert readings("行政") == ("xing", "zheng")
    assert readings("绿色") == ("lv", "se")
    assert pinyin_keys(["低保"]) == {("~di bao", "低保"), ("^db", "低保"), ("~di", "低"), ("~bao", "保")}
    assert pinyin_keys(["特困人员", "人员"]) == {("~te kun", "特困"), ("~kun ren", "困人"), ("~ren yuan", "人员"),
                                                 ("^tk", "特困"), ("^kr", "困人"), ("^ry", "人员"), ("~te", "特"),
                                                 ("~kun", "困"), ("~ren", "人"), ("~yuan", "员")}


# ---- the index ----

def doc(url: str, title: str, text: str = "", day: int = 1, **extra: object) -> SearchDoc:
    return SearchDoc(url=url, title=title, date=dt.date(2026, 3, day), text=text, kind="record",
                     filters={"领域": "社会救助", "年份": "2026"}, pinyin_terms=(title,), **extra)  # type: ignore[arg-type]


DOCS = [
    doc("records/a.html", "关于提高城乡低保标准的通知", "城乡低保标准每人每月920元。", 1, doc_number="安民〔2026〕12号"),
    doc("records/b.html", "特困人员救助供养标准", "特困人员基本生活标准。", 2),
    doc("records/c.html", "临时救助工作动态", "开展临时救助，检查供养机构。", 3),
]


def write(site: Path, update: object) -> None:
    for path, data in update.files.items():  # type: ignore[attr-defined]
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)
    for path in update.removed:  # type: ignore[attr-defined]
        (site / path).unlink()


def read(site: Path, path: str) -> object:
    return json.loads(gzip.decompress((site / path).read_bytes()))


def pages_with(site: Path, key: str) -> set[str]:
    """The urls whose pages hold *key*, read straight from the files (as search.js does)."""
    meta = read(site, "search/meta.json.gz")
    shard = read(site, f"search/s/{shard_of(key, meta['shards'])}.json.gz")  # type: ignore[index]
    numbers = {p >> 1 for p in decode(shard.get(key, []))}  # type: ignore[union-attr]
    return {url for url, entry in page_table(site).items() if entry[0] in numbers}


def page_table(site: Path) -> dict[str, list[object]]:
    """url → [number, digest] of every page, from the files of the page table (search/d/<n>.json.gz)."""
    meta = read(site, "search/meta.json.gz")
    found: dict[str, list[object]] = {}
    for number in range(meta["docs"]):  # type: ignore[index]
        found.update(read(site, f"search/d/{number}.json.gz"))  # type: ignore[arg-type]
    assert len(list((site / "search/d").iterdir())) == meta["docs"]  # type: ignore[index]
    return found


def test_full_build(tmp_path: Path) -> None:
    update = update_index(tmp_path, {d.url: d for d in DOCS})
    assert update.rebuilt and update.pages == 3 and update.removed == []
    assert list(tmp_path.iterdir()) == []  # the site is only read
    write(tmp_path, update)
    assert pages_with(tmp_path, "低保") == {"records/a.html"}
    assert pages_with(tmp_path, "供养") == {"records/b.html", "records/c.html"}
    assert pages_with(tmp_path, "救助供") == {"records/b.html"}  # c has 救助 and 供养, not 救助供养
    assert pages_with(tmp_path, "民2026 12 ") == {"records/a.html"}
    assert pages_with(tmp_path, "=领域=社会救助") == {"records/a.html", "records/b.html", "records/c.html"}
    assert read(tmp_path, f"search/s/{shard_of('~di bao', 1)}.json.gz")["~di bao"] == {"低保": 1}  # type: ignore[index]
    meta = read(tmp_path, "search/meta.json.gz")
    assert meta["filters"]["年份"] == {"2026": 3}  # type: ignore[index]


def test_patch_touches_only_what_changed(tmp_path: Path) -> None:
    write(tmp_path, update_index(tmp_path, {d.url: d for d in DOCS}))
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.gz")}
    changed = dataclasses.replace(DOCS[2], text="开展临时救助。")
    new = doc("records/d.html", "高龄津贴发放公告", "高龄津贴。", 4)
    update = update_index(tmp_path, {DOCS[0].url: None, changed.url: changed, new.url: new, DOCS[1].url: DOCS[1]})
    assert not update.rebuilt and update.changed == 3 and update.pages == 3
    # pages 0–7 share the text file t/0: the dropped page leaves it, the new page 3 joins it
    assert update.removed == []
    assert sorted(json.loads(gzip.decompress(update.files["search/t/0.json.gz"]))) == ["1", "2", "3"]
    assert {p for p in tmp_path.rglob("*.gz")} == set(before) and all(p.read_bytes() == d for p, d in before.items())
    write(tmp_path, update)
    assert pages_with(tmp_path, "低保") == set()
    assert pages_with(tmp_path, "供养") == {"records/b.html"}
    assert pages_with(tmp_path, "龄津贴") == {"records/d.html"}
    assert pages_with(tmp_path, "民2026 12 ") == set()
    assert read(tmp_path, f"search/s/{shard_of('~di bao', 1)}.json.gz").get("~di bao") is None  # type: ignore[union-attr]
    assert read(tmp_path, "search/meta.json.gz")["filters"]["年份"] == {"2026": 3}  # type: ignore[index]


def test_unchanged_pages_cost_nothing(tmp_path: Path) -> None:
    write(tmp_path, update_index(tmp_path, {d.url: d for d in DOCS}))
    update = update_index(tmp_path, {d.url: d for d in DOCS})
    assert update.changed == 0 and update.removed == [] and update.files == {}
    update = update_index(tmp_path, {DOCS[0].url: None, "records/never-indexed.html": None})
    assert update.changed == 1 and update.removed == []
    assert sorted(json.loads(gzip.decompress(update.files["search/t/0.json.gz"]))) == ["1", "2"]


def test_a_text_file_holds_eight_pages_and_goes_with_its_last(tmp_path: Path) -> None:
    many = [doc(f"records/p{n}.html", f"第{n}号通知", f"内容{n}。", 1 + n % 28) for n in range(10)]
    write(tmp_path, update_index(tmp_path, {d.url: d for d in many}))
    assert sorted(p.name for p in (tmp_path / "search/t").iterdir()) == ["0.json.gz", "1.json.gz"]
    assert sorted(map(int, read(tmp_path, "search/t/1.json.gz"))) == [8, 9]  # type: ignore[call-overload]
    update = update_index(tmp_path, {many[8].url: None})
    assert update.removed == [] and list(json.loads(gzip.decompress(update.files["search/t/1.json.gz"]))) == ["9"]
    write(tmp_path, update)
    update = update_index(tmp_path, {many[9].url: None})
    assert update.removed == ["search/t/1.json.gz"] and "search/t/0.json.gz" not in update.files


def test_other_format_is_rebuilt(tmp_path: Path) -> None:
    write(tmp_path, update_index(tmp_path, {d.url: d for d in DOCS}))
    (tmp_path / "search/meta.json.gz").write_bytes(gzip.compress(b'{"format": 0}'))
    (tmp_path / "search/s/7.json.gz").write_bytes(gzip.compress(b"{}"))
    (tmp_path / "search/t/2.json.gz").write_bytes(gzip.compress(b"{}"))  # format 2 had a text file per page
    update = update_index(tmp_path, {}, everything=lambda: DOCS[:2])
    assert update.rebuilt and update.pages == 2
    assert "search/s/7.json.gz" in update.removed and "search/t/2.json.gz" in update.removed
    assert "search/t/0.json.gz" in update.files


def test_damaged_index_is_a_clear_error(tmp_path: Path) -> None:
    write(tmp_path, update_index(tmp_path, {d.url: d for d in DOCS}))
    (tmp_path / "search/t/0.json.gz").write_bytes(b"not gzip")
    with pytest.raises(Exception, match="搜索索引文件「search/t/0.json.gz」无法读取"):
        update_index(tmp_path, {DOCS[1].url: None})
    assert update_index(tmp_path, {DOCS[1].url: None}, everything=lambda: DOCS[::2]).rebuilt


def test_a_damaged_page_table_is_a_clear_error_or_rebuilt(tmp_path: Path) -> None:
    write(tmp_path, update_index(tmp_path, {d.url: d for d in DOCS}))
    (tmp_path / "search/d/0.json.gz").unlink()  # the bundled docs are few: one file holds the whole table
    with pytest.raises(Exception, match="搜索索引文件「search/d/0.json.gz」无法读取"):
        update_index(tmp_path, {DOCS[1].url: None})
    rebuilt = update_index(tmp_path, {DOCS[1].url: None}, everything=lambda: DOCS[::2])
    assert rebuilt.rebuilt and "search/d/0.json.gz" in rebuilt.files


def test_changing_one_page_rewrites_one_file_of_the_page_table(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    many = [doc(f"records/r{n}.html", f"第{n}号通知", f"正文{n}", 1 + n % 28) for n in range(40)]
    monkeypatch.setattr("gongkai.search.files.TARGET_DOCS", 4)  # 40 pages: 16 files of about 4 pages each
    write(tmp_path, update_index(tmp_path, {d.url: d for d in many}))
    assert len(list((tmp_path / "search/d").iterdir())) == 16
    number = page_table(tmp_path)[many[7].url][0]
    changed = update_index(tmp_path, {many[7].url: dataclasses.replace(many[7], title="第7号通知（修订）")})
    assert not changed.rebuilt
    assert [p for p in changed.files if p.startswith("search/d/")] == [f"search/d/{shard_of(many[7].url, 16)}.json.gz"]
    write(tmp_path, changed)
    added = update_index(tmp_path, {"records/new.html": doc("records/new.html", "新增低保公告")})
    assert [p for p in added.files if p.startswith("search/d/")] == [f"search/d/{shard_of('records/new.html', 16)}.json.gz"]
    write(tmp_path, added)
    assert read(tmp_path, "search/meta.json.gz")["next"] == 41  # type: ignore[index]
    table = page_table(tmp_path)
    assert len(table) == 41 and table["records/new.html"][0] == 40 and table[many[7].url][0] == number


def test_an_index_of_the_first_format_leaves_no_page_list_behind(tmp_path: Path) -> None:
    write(tmp_path, update_index(tmp_path, {d.url: d for d in DOCS}))
    (tmp_path / "search/meta.json.gz").write_bytes(gzip.compress(b'{"format": 1}'))
    (tmp_path / "search/docs.json.gz").write_bytes(gzip.compress(b'{"next": 3, "pages": {}}'))
    update = update_index(tmp_path, {}, everything=lambda: DOCS)
    assert update.rebuilt and "search/docs.json.gz" in update.removed


# ---- through the real build ----

def _search_text(site: Path) -> str:
    return "".join(gzip.decompress(p.read_bytes()).decode("utf-8") for p in (site / "search").rglob("*.gz"))


def test_lists_of_people_never_in_the_index(bundled: Path, gk: Gk, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert gk("build-site", bundled, "--out", site).code == 0
    text = _search_text(site)
    assert "社会救助投诉举报电话" in text
    for name in ("詹丽华", "刘福来", "陈水生", "林玉燕", "陈金水", "李美玉", "詹建国"):  # the names in the lists
        assert name not in text
    assert "临时救助对象名单公示" not in text  # the build leaves lists of people out of the index altogether
    assert "R2026-006" not in text and "婚姻登记档案整理移交清单" not in text  # 依申请公开: not on the site


def test_build_updates_the_index(bundled: Path, gk: Gk, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert gk("build-site", bundled, "--out", site).code == 0
    target = bundled / "records/2026/R2026-012.yaml"
    target.write_text(target.read_text("utf-8").replace("请结合实际认真贯彻落实", "请结合本地实际认真贯彻落实"), "utf-8")
    assert gk("build-site", bundled, "--out", site).code == 0
    assert "本地实际" in _search_text(site)
    target.write_text(target.read_text("utf-8").replace("公开属性: 主动公开", "公开属性: 依申请公开"), "utf-8")
    assert gk("build-site", bundled, "--out", site).code == 0
    assert "本地实际" not in _search_text(site)
    _assert_whole(site)


def test_the_page_tables_digests_hold_no_digit(tmp_path: Path) -> None:
    """A digest written in hexadecimal can end in a run of decimal digits (bafbecf60635511781874857: a Luhn-valid card
    number glued to a word, which the output scan rightly reports): a generated catalog of 100,000 records could not
    be built with search. Digests are written in the letters a–p: never a digit, whatever the page."""
    from gongkai.search.doc import digest

    docs = [SearchDoc(f"records/R{n}.html", f"题名{n}", text=f"正文{n}") for n in range(2000)]
    digests = [digest(d) for d in docs]
    assert all(re.fullmatch("[a-p]{24}", d) for d in digests)
    assert len(set(digests)) == len(docs)


def _assert_whole(site: Path) -> None:
    """Every file the index names is on the site, and no other."""
    meta = read(site, "search/meta.json.gz")
    pages = [entry[0] for entry in page_table(site).values()]
    texts = {p.name: sorted(map(int, json.loads(gzip.decompress(p.read_bytes())))) for p in (site / "search/t").iterdir()}
    by_file: dict[str, list[int]] = {}
    for page in sorted(pages):  # pages 0–7 in t/0, 8–15 in t/1 …
        by_file.setdefault(f"{page // 8}.json.gz", []).append(page)
    assert texts == by_file
    assert len(list((site / "search/s").iterdir())) == meta["shards"]  # type: ignore[index]
    assert meta["pages"] == len(pages) > 50  # type: ignore[index]


def test_new_index_format_rebuilds_from_every_page(bundled: Path, gk: Gk, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    assert gk("build-site", bundled, "--out", site).code == 0
    from gongkai.search import files
    monkeypatch.setattr(files, "FORMAT", files.FORMAT + 1)  # a later gongkai writes the index differently
    target = bundled / "records/2026/R2026-012.yaml"
    target.write_text(target.read_text("utf-8").replace("请结合实际认真贯彻落实", "请结合本地实际认真贯彻落实"), "utf-8")
    assert gk("build-site", bundled, "--out", site).code == 0
    _assert_whole(site)
    assert read(site, "search/meta.json.gz")["format"] == files.FORMAT  # type: ignore[index]
    assert "婚姻登记办事指南" in _search_text(site)  # pages that did not change are in the new index too


def test_workers_write_the_same_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    many = [doc(f"records/r{n}.html", f"第{n}号通知：{'低保特困临时救助'[n % 6:n % 6 + 2]}", f"正文{n}", 1 + n % 28)
            for n in range(40)]
    monkeypatch.setattr("gongkai.search.files.TARGET_POSTINGS", 16)  # many shards
    alone = update_index(tmp_path, {d.url: d for d in many}).files
    assert sum(path.startswith("search/s/") for path in alone) >= 8
    monkeypatch.setattr("gongkai.search.build.PARALLEL_SHARDS", 1)
    monkeypatch.setattr("gongkai.forking.os.cpu_count", lambda: 3)
    assert update_index(tmp_path, {d.url: d for d in many}).files == alone


def test_workers_patch_the_same_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    many = [doc(f"records/r{n}.html", f"第{n}号通知：{'低保特困临时救助'[n % 6:n % 6 + 2]}", f"正文{n}", 1 + n % 28)
            for n in range(40)]
    monkeypatch.setattr("gongkai.search.files.TARGET_POSTINGS", 16)  # many shards
    write(tmp_path, update_index(tmp_path, {d.url: d for d in many}))
    changes: dict[str, SearchDoc | None] = {many[3].url: None, "records/new.html": doc("records/new.html", "新增低保公告")}
    changes.update((d.url, dataclasses.replace(d, text="特困临时救助供养")) for d in many[10:20])
    alone = update_index(tmp_path, changes)
    assert not alone.rebuilt and sum(path.startswith("search/s/") for path in alone.files) >= 8
    monkeypatch.setattr("gongkai.search.patch.PARALLEL_SHARDS", 1)
    monkeypatch.setattr("gongkai.forking.os.cpu_count", lambda: 3)
    together = update_index(tmp_path, changes)
    assert together.files == alone.files and together.removed == alone.removed
    write(tmp_path, together)
    assert pages_with(tmp_path, "供养") == {d.url for d in many[10:20]}
    assert pages_with(tmp_path, "低保公") == {"records/new.html"}


@pytest.mark.parametrize(("before", "drops", "adds", "after"), [
    ([2, 3, 5, 9], {1}, {}, [5, 9]),  # page 1 (postings 2 and 3) leaves
    ([2, 3, 5, 9], {4}, {}, [2, 3, 5]),  # the last one leaves
    ([2, 3, 5, 9], {1, 4}, {}, [5]),
    ([2, 9], {}, {3: 1, 10: 0}, [2, 7, 9, 20]),  # page 3 in its title, page 10 in its text
    ([3], {1}, {1: 0}, [2]),  # page 1 moves from title to text
    ([], {}, {0: 1}, [1]),
])
def test_posting_edits(before: list[int], drops: set[int], adds: dict[int, int], after: list[int]) -> None:
    from gongkai.search.encoding import edit, encode
    assert decode(edit(encode(before), drops, adds)) == after


def test_runs_of_equal_differences_are_short() -> None:
    from gongkai.search.encoding import encode
    assert encode([0, 2, 4, 6, 8, 9, 11]) == [0, 2, 2, 2, 2, 1, 2]  # short lists as they are
    many = [0, 2, 4, 6, 8, 9, 11, *range(13, 110, 3)]
    assert encode(many) == [0, 2, -3, 1, 2, 2, 3, -31]
    assert encode([*range(0, 64, 2), 65, 67]) == [0, 2, -30, 3, 2]
    assert decode([0, 2, -3, 1, 2]) == [0, 2, 4, 6, 8, 9, 11]
    assert decode(encode(list(range(0, 2000, 2)))) == list(range(0, 2000, 2))


@pytest.mark.parametrize("block", [1, 2, 5, 33, 1 << 20])
def test_many_lists_are_encoded_alike_in_blocks_of_any_size(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # A whole index encodes its lists a block of postings at a time (memory): where a block ends must not show.
    import numpy as np
    from gongkai.search import encoding
    monkeypatch.setattr(encoding, "BLOCK", block)
    lists = [[0, 2, 4, 6, 8, 9, 11], [], [5], [0, 2, 4, 6, 8, 9, 11, *range(13, 110, 3)], [], [1, 3]]
    expected = [[0, 2, 2, 2, 2, 1, 2], [], [5], [0, 2, -3, 1, 2, 2, 3, -31], [], [1, 2]]  # typed from the rule above
    at = np.array([p for one in lists for p in one], dtype=np.uint32)
    starts = np.array([0, 7, 7, 8, 48, 48, 50], dtype=np.int64)
    values, offsets = encoding.encode_lists(at, starts)
    assert [values[offsets[i]:offsets[i + 1]].tolist() for i in range(len(lists))] == expected
    assert offsets.tolist() == [0, 7, 7, 8, 16, 16, 18]


def test_a_patched_index_keeps_the_files_it_did_not_touch(bundled: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from gongkai.site import build_site
    monkeypatch.setattr("gongkai.search.REBUILD_BELOW", 0)  # patch even this small index, as a large one is
    site, today = tmp_path / "site", dt.date(2026, 11, 27)
    build_site(bundled, site, today)
    before = sorted(p.name for p in (site / "search/s").iterdir())
    target = bundled / "records/2026/R2026-012.yaml"
    target.write_text(target.read_text("utf-8").replace("请结合实际认真贯彻落实", "请结合本地实际认真贯彻落实"), "utf-8")
    result = build_site(bundled, site, today)
    assert result.removed == 0 and sorted(p.name for p in (site / "search/s").iterdir()) == before
    assert "本地实际" in _search_text(site)
    _assert_whole(site)


# ---- many patches in a row, text files of eight pages ----

_WORDS = ["低保", "救助", "供养", "养老", "婚姻", "殡葬"]


@pytest.mark.parametrize("seed", range(6))
def test_random_patches_keep_every_page_and_text_file_right(tmp_path: Path, seed: int) -> None:
    # A long run of edits, additions and removals, each patched into the index (never rebuilt): after every step each
    # page reads back as given, each text file holds exactly the pages numbered into it (page // 8), and a key finds
    # exactly the pages whose title or text holds it (the oracle is a substring test, not the tokenizer).
    import random

    from gongkai.search import files
    from gongkai.search.doc import from_entries

    rng = random.Random(seed)
    live: dict[str, SearchDoc] = {}
    for step in range(40):
        changed: dict[str, SearchDoc | None] = {}
        for _ in range(rng.randint(1, 4)):
            url = f"records/r{rng.randint(0, 24)}.html"
            if url in live and rng.random() < 0.4:
                changed[url] = None
            else:
                title, text = rng.sample(_WORDS, 2)
                changed[url] = doc(url, f"{title}公告{step}", f"关于{text}的说明。", 1 + step % 28)
        update = update_index(tmp_path, changed)
        assert not update.rebuilt or step == 0
        write(tmp_path, update)
        live.update((url, d) for url, d in changed.items() if d is not None)
        for url in [url for url, d in changed.items() if d is None]:
            live.pop(url, None)
        table = page_table(tmp_path)
        assert set(table) == set(live)
        texts = {p.name: json.loads(gzip.decompress(p.read_bytes())) for p in (tmp_path / "search/t").iterdir()}
        expected: dict[str, set[int]] = {}
        for url, entry in table.items():
            page = int(entry[0])  # type: ignore[call-overload]
            expected.setdefault(f"{page // 8}.json.gz", set()).add(page)
            group = read(tmp_path, files.group_path(page // files.GROUP))
            assert from_entries(group[str(page)], texts[f"{page // 8}.json.gz"][str(page)]) == live[url]  # type: ignore[index]
        assert {name: set(map(int, entries)) for name, entries in texts.items()} == expected
        for word in _WORDS:
            assert pages_with(tmp_path, word) == {u for u, d in live.items() if word in d.title or word in d.text}
