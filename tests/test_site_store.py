"""The build's store (.gongkai-build.json): what it keeps, when it still holds, and that a damaged one is ignored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gongkai.site.store import STORE, Store, digest

D = dt.date
# Written out by hand: one file per line, so a store is diffable.
TEXT = ('{"version": 3, "stamp": "abc", "built_on": "2026-11-27", "next_change": "2026-12-03","files":{\n'
        '"index.html":["k1", "h1"],\n"records/R2026-001.html":["k2", "h2"]\n}}\n')


def test_a_store_is_written_one_file_a_line_and_read_back(tmp_path: Path) -> None:
    store = Store("abc", D(2026, 11, 27), D(2026, 12, 3),
                  {"records/R2026-001.html": ["k2", "h2"], "index.html": ["k1", "h1"]})
    assert store.dumps() == TEXT
    (tmp_path / STORE).write_text(TEXT, encoding="utf-8")
    assert Store.read(tmp_path) == store


def test_a_store_without_days_keeps_them_empty(tmp_path: Path) -> None:
    text = Store("s", None, None, {"a.html": ["k", "h"]}).dumps()
    assert text == '{"version": 3, "stamp": "s", "built_on": null, "next_change": null,"files":{\n"a.html":["k", "h"]\n}}\n'
    (tmp_path / STORE).write_text(text, encoding="utf-8")
    assert Store.read(tmp_path) == Store("s", None, None, {"a.html": ["k", "h"]})


@pytest.mark.parametrize("text", [
    None,  # no store: a first build
    "not json",
    TEXT.replace('"version": 3', '"version": 2'),  # an older gongkai's store
    TEXT.replace('"version": 3', '"version": "3"'),
    TEXT.replace('"stamp": "abc", ', ""),
    TEXT.replace('["k1", "h1"]', '["k1"]'),
    TEXT.replace('["k1", "h1"]', "5"),
    '{"version": 3, "stamp": "abc"}',
])
def test_a_missing_or_damaged_store_is_an_empty_one(tmp_path: Path, text: str | None) -> None:
    if text is not None:
        (tmp_path / STORE).write_text(text, encoding="utf-8")
    store = Store.read(tmp_path)
    assert store == Store() and store.files == {} and not store.holds("abc", D(2026, 11, 27))


@pytest.mark.parametrize(("stamp", "today", "holds"), [
    ("abc", D(2026, 11, 26), False),  # the day before the build: the gate may decide otherwise
    ("abc", D(2026, 11, 27), True),  # the day of the build
    ("abc", D(2026, 12, 2), True),  # the day before the next change
    ("abc", D(2026, 12, 3), False),  # the day of the next change
    ("abc", D(2026, 12, 4), False),
    ("abd", D(2026, 11, 27), False),  # another listing
])
def test_a_store_holds_from_its_build_day_until_the_next_change(stamp: str, today: dt.date, holds: bool) -> None:
    store = Store("abc", D(2026, 11, 27), D(2026, 12, 3), {"index.html": ["k1", "h1"]})
    assert store.holds(stamp, today) is holds


def test_without_a_next_change_a_store_holds_for_good_but_not_without_files_or_a_day() -> None:
    files = {"index.html": ["k1", "h1"]}
    assert Store("abc", D(2026, 11, 27), None, files).holds("abc", D(2030, 1, 1))
    assert not Store("abc", D(2026, 11, 27), None, {}).holds("abc", D(2026, 11, 27))
    assert not Store("abc", None, None, files).holds("abc", D(2026, 11, 27))


def test_digest_is_128_bit_blake2b_of_the_text_or_bytes() -> None:
    assert digest("") == digest(b"") == "cae66941d9efbd404e4d88758ea67670"  # BLAKE2b-128 of nothing
    assert digest("目录") == digest("目录".encode("utf-8")) and len(digest("目录")) == 32
