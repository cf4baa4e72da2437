"""The search index tried a twentieth time, as an inspector would: an 索引号 copied from a printed page or a ledger
without its hyphens (350524MZ202600007 for 350524-MZ-2026-00007) found nothing, because the hyphens part its numbers
into runs (2026, 00007) that the compact writing runs together (202600007).

The head of a page (title, 文号, 索引号) now also holds the 索引号 written without its separators; search.js marks the
whole 索引号 when that is where a query matched (tests/browser/test_hostile20_search.py). Keys are typed by hand: a run
of digits or letters is written with a space after it (tokens.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gongkai.search import SearchDoc, files
from gongkai.search.keys import HEAD, doc_keys
from gongkai.site import build_site
from tests.test_search import pages_with

TODAY = dt.date(2026, 11, 27)


def _doc(index_number: str | None) -> SearchDoc:
    return SearchDoc("records/R2026-007.html", "关于印发养老服务补贴实施办法的通知", dt.date(2026, 4, 10),
                     "安民〔2026〕12号", index_number, "各乡镇人民政府：", kind="record")


def test_an_index_number_typed_without_its_hyphens_is_in_the_head() -> None:
    keys = doc_keys(_doc("350524-MZ-2026-00007")).entries
    # as typed without hyphens: 350524 mz 202600007
    for key in ("350524 mz 202600007 ", "mz 202600007 ", "202600007 ", "350524 mz "):
        assert keys.get(key) == HEAD, key
    # as written: 350524 mz 2026 00007 (unchanged)
    for key in ("350524 mz 2026 ", "mz 2026 00007 ", "2026 00007 ", "00007 "):
        assert keys.get(key) == HEAD, key


def test_the_compact_writing_joins_only_the_index_number() -> None:
    """The compact line is a line of its own: no key runs from the 文号 or the 索引号 into it."""
    doc = _doc("350524-MZ-2026-00007")
    assert doc.head.split("\n") == ["关于印发养老服务补贴实施办法的通知", "安民〔2026〕12号", "350524-MZ-2026-00007",
                                    "350524mz202600007"]
    keys = doc_keys(doc).entries
    assert "00007 350524 " not in keys and "号350524 " not in keys


def test_an_index_number_written_without_separators_gets_no_second_line() -> None:
    """Nothing to join: the compact writing would cut the same runs (a line twice adds no key)."""
    assert _doc("350524MZ202600007").head.split("\n")[2:] == ["350524MZ202600007"]
    assert _doc("MZ2026").head.split("\n")[2:] == ["MZ2026"]
    assert _doc(None).head.split("\n") == ["关于印发养老服务补贴实施办法的通知", "安民〔2026〕12号"]


def test_the_bundled_index_finds_an_index_number_typed_without_hyphens(bundled: Path, tmp_path: Path) -> None:
    """R2026-007's 索引号 is 350524-MZ-2026-00007 (catalog/records/2026/R2026-007.yaml); no other page holds it."""
    site = tmp_path / "site"
    build_site(bundled, site, TODAY, use_cache=False)
    assert pages_with(site, "350524 mz 202600007 ") == {"records/R2026-007.html"}
    assert pages_with(site, "mz 202600007 ") == {"records/R2026-007.html"}
    assert pages_with(site, "202600028 ") == {"records/R2026-028.html"}


def test_an_index_cut_without_compact_index_numbers_is_rebuilt() -> None:
    """Tokenizer rules 5 add the compact 索引号: an index of rules 4 lacks those keys and is rebuilt (files.TOKENS is
    what update_index compares; test_hostile_search holds the rebuild itself)."""
    assert files.TOKENS >= 5
