"""The array path of a full index build (search/postings.py): the same keys and postings as the tokenizer gives.

Hand-typed postings for a few pages, then the same pages and harder ones compared with tokens.text_keys() (itself
held to hand-typed keys in test_search.py) in one chunk, in chunks of two pages, and on the slow path that takes
over when a chunk has too many different runs to pack.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest

from gongkai.search import SearchDoc, postings
from gongkai.search.build import build_index
from gongkai.search.encoding import decode
from gongkai.search.keys import doc_keys


def page(n: int, title: str, text: str = "", **extra: object) -> SearchDoc:
    return SearchDoc(url=f"records/{n:02}.html", title=title, date=dt.date(2026, 1, 1 + n), text=text,
                     kind="record", **extra)  # type: ignore[arg-type]


SMALL = [
    page(0, "低保通知", "低保标准\n低保"),
    page(1, "救助", "低保通知", doc_number="安民〔2026〕12号"),
]

HARD = SMALL + [
    page(2, "表格", "低保｜低保｜低保\n低保｜低保｜低保\n2026年12月 MZ-7 ab12cd"),
    page(3, "𠀀𠀁𠀂 豈〇", "安民2026年12号\n安民[2026]12号\u3000（２０２６）"),
    page(4, "私用\U000f0001区字", "控\x01制\x02符\n\n一"),
    page(5, "", ""),
    page(6, "低保", "低保", index_number="350524-MZ-2026-00007", filters={"领域": "社会救助", "年份": "2026"}),
]


def shards_of(docs: list[SearchDoc]) -> dict[str, list[int]]:
    """Every n-gram and filter key of a fresh index, with its postings decoded."""
    found: dict[str, list[int]] = {}
    for path, data in build_index(docs)[0].items():
        if path.startswith("search/s/"):
            shard = json.loads(gzip.decompress(data))
            found.update((k, decode(v)) for k, v in shard.items() if isinstance(v, list))
    return found


def from_tokenizer(docs: list[SearchDoc]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for number, doc in enumerate(docs):  # pages in date order, as the builder numbers them
        for key, where in sorted(doc_keys(doc).entries.items()):
            found.setdefault(key, []).append(2 * number + where)
    return found


def test_hand_typed_postings() -> None:
    found = shards_of(SMALL)
    # page 0: 低保 in the title (1) and the text; page 1: 低保 only in the text (2)
    assert found["低保"] == [1, 2]
    assert found["保通"] == [1, 2] and found["低保通"] == [1, 2]
    assert found["保标"] == [0] and found["保标准"] == [0]
    assert "准低" not in found and "标准低" not in found  # a line break ends a key
    assert found["救助"] == [3]
    assert found["2026 "] == [3] and found["12 "] == [3]
    assert found["民2026 "] == [3] and found["民2026 12 "] == [3] and found["2026 12 号"] == [3]
    assert "安民〔" not in found


@pytest.mark.parametrize("chunk", [1, 2, 2048])
@pytest.mark.parametrize("slow", [False, True])
def test_same_keys_as_the_tokenizer(chunk: int, slow: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postings, "CHUNK", chunk)
    if slow:
        monkeypatch.setattr(postings, "LOCAL_BITS", 64)  # nothing packs: the lexsort path
    assert shards_of(HARD) == from_tokenizer(HARD)


def test_many_runs_in_one_chunk_take_the_slow_path() -> None:
    # 2¹⁷ different numbers: unit ids need 18 bits, three of them and a posting no longer fit 64 bits
    numbers = " ".join(str(n) for n in range(1 << 17))
    docs = [page(0, "编号表", numbers), page(1, "编号表", "12 13")]
    found = shards_of(docs)
    assert found["131071 "] == [0] and found["12 13 "] == [0, 2] and found["编号表"] == [1, 3]
    assert "表0 " not in found  # the title and the text are apart
