"""The build's store (.gongkai-build.json): what it keeps, when it still holds, and that a damaged one is ignored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gongkai.site.store import STORE, Store, digest

D = dt.date
# Written out by hand: one file per line, so a store is diffable.
TEXT = ('{"version": 4, "stamp": "abc", "built_on": "2026-11-27", "next_change": "2026-12-03", "count": 2, '
        '"gate": "g1", "chrome": "c1", "named": ["R2026-002"],"files":{\n'
        '"index.html":["k1", "h1"],\n"records/R2026-001.html":["k2", "h2"]\n}}\n')


def test_a_store_is_written_one_file_a_line_and_read_back(tmp_path: Path) -> None:
    store = Store("abc", D(2026, 11, 27), D(2026, 12, 3),
                  {"records/R2026-001.html": ["k2", "h2"], "index.html": ["k1", "h1"]}, "g1", "c1", ["R2026-002"])
    assert store.dumps() == TEXT
    (tmp_path / STORE).write_text(TEXT, encoding="utf-8")
    assert Store.read(tmp_path) == store


def test_a_store_without_days_keeps_them_empty(tmp_path: Path) -> None:
    text = Store("s", None, None, {"a.html": ["k", "h"]}).dumps()
    assert text == ('{"version": 4, "stamp": "s", "built_on": null, "next_change": null, "count": 1, "gate": "", '
                    '"chrome": "", "named": [],"files":{\n"a.html":["k", "h"]\n}}\n')
    (tmp_path / STORE).write_text(text, encoding="utf-8")
    assert Store.read(tmp_path) == Store("s", None, None, {"a.html": ["k", "h"]})


@pytest.mark.parametrize("text", [
    None,  # no store: a first build
    "not json",
    TEXT.replace('"version": 4', '"version": 3'),  # an older gongkai's store
    TEXT.replace('"version": 4', '"version": "4"'),
    TEXT.replace('["R2026-002"]', "5"),
    TEXT.replace('"stamp": "abc", ', ""),
    TEXT.replace('["k1", "h1"]', '["k1"]'),
    TEXT.replace('["k1", "h1"]', "5"),
    '{"version": 4, "stamp": "abc"}',
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


def test_the_head_of_a_store_tells_its_days_and_count_without_its_entries(tmp_path: Path) -> None:
    (tmp_path / STORE).write_text(TEXT, encoding="utf-8")
    head, count = Store.read_head(tmp_path)
    assert (head, count) == (Store("abc", D(2026, 11, 27), D(2026, 12, 3), {}), 2)
    assert head.holds_days("abc", D(2026, 12, 2)) and not head.holds_days("abc", D(2026, 12, 3))
    assert not head.holds_days("abd", D(2026, 12, 2)) and not head.holds_days("abc", D(2026, 11, 26))
    assert not head.holds("abc", D(2026, 12, 2))  # a head names no files: only a full store can say a build holds


def test_a_store_written_before_heads_had_a_count_is_read_in_full(tmp_path: Path) -> None:
    old = TEXT.replace(' "count": 2,', "")
    (tmp_path / STORE).write_text(old, encoding="utf-8")
    assert Store.read_head(tmp_path) == (Store("abc", D(2026, 11, 27), D(2026, 12, 3), {}), 2)


def test_the_head_is_the_first_line_alone(tmp_path: Path) -> None:
    """read_head reads one line: entries after it that no one could parse change nothing (Store.read would give up)."""
    (tmp_path / STORE).write_text(TEXT.split("\n")[0] + '\n"index.html":["k1"', encoding="utf-8")
    assert Store.read_head(tmp_path) == (Store("abc", D(2026, 11, 27), D(2026, 12, 3), {}), 2)
    assert Store.read(tmp_path) == Store()


def test_a_file_is_named_in_the_store_as_it_is_named_on_the_site(tmp_path: Path) -> None:
    """Paths are written as they are (UTF-8), not as \\u escapes: the store stays readable in a diff."""
    store = Store("s", None, None, {"files/2030/补发/第一批/名单.pdf": ["k", "h"]})
    assert store.dumps() == ('{"version": 4, "stamp": "s", "built_on": null, "next_change": null, "count": 1, '
                             '"gate": "", "chrome": "", "named": [],"files":{\n'
                             '"files/2030/补发/第一批/名单.pdf":["k", "h"]\n}}\n')
    (tmp_path / STORE).write_text(store.dumps(), encoding="utf-8")
    assert Store.read(tmp_path) == store


@pytest.mark.parametrize("text", ["", "{", "not json\n", '{"version": 2, "stamp": "abc", "count": 2,"files":{\n}}\n'])
def test_an_unreadable_or_older_head_means_a_build_has_work(tmp_path: Path, text: str) -> None:
    (tmp_path / STORE).write_text(text, encoding="utf-8")
    assert Store.read_head(tmp_path)[1] == 0
    assert Store.read_head(tmp_path / "missing")[1] == 0


def test_the_templates_fingerprint_does_not_depend_on_where_gongkai_is_installed(tmp_path: Path) -> None:
    """The same templates copied to another folder give the same fingerprint; one changed byte gives another."""
    import shutil
    import subprocess
    import sys

    import gongkai

    package = Path(gongkai.__file__).parent
    copy = tmp_path / "elsewhere" / "gongkai"
    shutil.copytree(package, copy, symlinks=False, ignore=shutil.ignore_patterns("__pycache__"))
    script = "from gongkai.site.fingerprint import templates_fingerprint; print(templates_fingerprint())"

    def fingerprint(root: Path) -> str:
        run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                             env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
        return run.stdout.strip()

    assert fingerprint(copy.parent) == fingerprint(package.parent)
    style = next((copy / "templates" / "site").rglob("*.css"))
    style.write_bytes(style.read_bytes() + b"\n")
    assert fingerprint(copy.parent) != fingerprint(package.parent)
