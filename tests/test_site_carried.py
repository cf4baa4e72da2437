"""Record pages carried over from the last build (gongkai.site.carried): the site stays what a fresh build makes.

A page is carried, not declared again, only when the gate kept its record's outcome from the memo the last build
wrote and the page reads no other record. The edits below attack each condition: a 解读 or 被替代 link made or
removed (a page that reads another record, now or then), a record file broken and put back (an outcome the memo kept
from an older write), a second file declaring the same 编号, a second site folder built in between (a store from
another memo write), the chrome (gongkai.yaml) and the day.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gongkai.site.build as site_build
from gongkai.site import build_site
from gongkai.site.store import Store
from conftest import text_pdf
from test_build_property import RECORDS, START, Catalog
from test_publication import files

# web records of the portal catalog that read no other record: the ones a build can carry (R2026-010's 正文 links
# ../records/R2026-020.html: since the thirty-fifth pass its page reads whether that record is on the web, so it is
# declared on every build, like a page showing a 解读)
PLAIN = ["R2026-015"]


class Linked(Catalog):
    """The portal catalog, with the edits that make pages read other records or take outcomes from an old memo."""

    def __init__(self, top: Path) -> None:
        super().__init__(top)
        self.stash: dict[str, str] = {}

    def add_line(self, rid: str, line: str) -> None:
        path = self.path(rid)
        if path.exists() and rid not in self.stash:
            text = path.read_text("utf-8")
            head, _, body = text.partition("正文: |\n")
            path.write_text(head + line + "\n" + ("正文: |\n" + body if body else ""), "utf-8")

    def drop_lines(self, rid: str, key: str) -> None:
        path = self.path(rid)
        if path.exists() and rid not in self.stash:
            kept = [line for line in path.read_text("utf-8").splitlines(keepends=True) if not line.startswith(key)]
            path.write_text("".join(kept), "utf-8")

    def apply(self, op: tuple[str, int]) -> None:
        name, n = op
        rid, other = RECORDS[n % len(RECORDS)], RECORDS[(n + 1) % len(RECORDS)]
        if name == "interpret":  # rid names other as its 解读: other's page now reads rid
            self.add_line(rid, f"解读: [{other}]")
        elif name == "replaced":  # rid is replaced by other: other's page lists rid as replaced
            self.add_line(rid, f"被替代: {other}")
        elif name == "unlink":
            self.drop_lines(rid, "解读:")
            self.drop_lines(rid, "被替代:")
        elif name == "break":  # unreadable for a while: the memo keeps its old outcome without writing it again
            path = self.path(rid)
            if path.exists() and rid not in self.stash:
                self.stash[rid] = path.read_text("utf-8")
                path.write_text("编号: [坏\n", "utf-8")
        elif name == "restore":
            for stashed, text in self.stash.items():
                self.path(stashed).write_text(text, "utf-8")
            self.stash.clear()
        elif name == "twin":  # another file declaring the same 编号, with another title
            path = self.path(rid)
            if path.exists() and rid not in self.stash:
                twin = path.with_name(f"{rid}-副本.yaml")
                twin.write_text(path.read_text("utf-8").replace("题名: ", "题名: 副本", 1), "utf-8")
        elif name == "untwin":
            for twin in self.path(rid).parent.glob("*-副本.yaml"):
                twin.unlink()
        else:
            super().apply(op)


OPS = st.tuples(st.sampled_from(["interpret", "replaced", "unlink", "break", "restore", "twin", "untwin", "title",
                                 "delete", "agency", "other-site", "day"]), st.integers(0, 20))


@settings(max_examples=int(os.environ.get("GONGKAI_PROPERTY_EXAMPLES", "12")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPS, min_size=1, max_size=6))
def test_a_site_that_carries_pages_equals_a_fresh_build(ops):
    with tempfile.TemporaryDirectory() as folder, listed_beside():
        top = Path(folder)
        catalog = Linked(top / "repo")
        today = START
        site, other = top / "site", top / "other"
        build_site(catalog.root, site, today)
        for step, op in enumerate(ops):
            if op[0] == "day":
                today += dt.timedelta(days=op[1])
            elif op[0] == "other-site":  # another folder built from the same catalog writes the memo in between
                build_site(catalog.root, other, today)
            else:
                catalog.apply(op)
            build_site(catalog.root, site, today)
            fresh = top / f"fresh-{step}"
            build_site(catalog.root, fresh, today, use_cache=False)
            assert files(site) == files(fresh), (ops[: step + 1], today)
            # and each record page is noted under the key a fresh build gives it: a carried key is the real one
            assert pages_in_store(site) == pages_in_store(fresh), (ops[: step + 1], today)
            shutil.rmtree(fresh)


def pages_in_store(site: Path) -> dict[str, list[str]]:
    """The record pages the site's store names, with their key and content hash."""
    return {path: entry for path, entry in Store.read(site).files.items() if path.startswith("records/")}


@contextlib.contextmanager
def listed_beside() -> Iterator[None]:
    """Builds list the catalog in a worker while they read the gate's memo, as at 100,000 records (site.build)."""
    before = site_build.BESIDE_FROM
    site_build.BESIDE_FROM = 0
    try:
        yield
    finally:
        site_build.BESIDE_FROM = before


def test_a_build_listing_beside_the_memo_stops_when_nothing_changed(tmp_path: Path) -> None:
    catalog = Linked(tmp_path / "repo")
    site = tmp_path / "site"
    with listed_beside():
        build_site(catalog.root, site, START)
        assert build_site(catalog.root, site, START).unchanged
        catalog.apply(("title", 0))
        result = build_site(catalog.root, site, START)
        assert not result.unchanged and carried(result) == {"records/R2026-015.html"}
        assert build_site(catalog.root, site, START).unchanged
        # the site folder is walked in a worker of its own beside the listing: a page edited by hand is built again
        page = site / "records" / "R2026-015.html"
        made = page.read_bytes()
        page.write_bytes(made.replace(b"</body>", b"<p>hand</p></body>"))
        assert not build_site(catalog.root, site, START).unchanged and page.read_bytes() == made
        (site / "planted.csv").write_text("姓名,身份证号\n", encoding="utf-8")
        assert not build_site(catalog.root, site, START).unchanged and not (site / "planted.csv").exists()
        assert build_site(catalog.root, site, START).unchanged
    build_site(catalog.root, tmp_path / "fresh", START, use_cache=False)
    assert files(site) == files(tmp_path / "fresh")


def carried(result) -> set[str]:
    """The pages a build carried over (white box: that the path the property test attacks is taken at all)."""
    return {artifact.path for artifact in result.held[3] if artifact.carried}


def test_after_one_edit_the_other_plain_record_pages_are_carried(tmp_path: Path) -> None:
    catalog = Linked(tmp_path / "repo")
    site = tmp_path / "site"
    first = build_site(catalog.root, site, START)
    assert carried(first) == set()  # a first build declares every page
    catalog.apply(("title", 0))  # R2026-010's title
    assert carried(build_site(catalog.root, site, START)) == {"records/R2026-015.html"}
    catalog.add_line("R2026-015", "解读: [R2026-010]")  # R2026-010's page now lists R2026-015, which names it
    assert carried(build_site(catalog.root, site, START)) == set()
    catalog.drop_lines("R2026-015", "解读:")  # gone: R2026-010 listed R2026-015 in the last build, so it is declared
    assert carried(build_site(catalog.root, site, START)) == set()
    catalog.apply(("title", 2))  # an edit elsewhere: nothing names either any more, both are carried again
    assert carried(build_site(catalog.root, site, START)) == {f"records/{rid}.html" for rid in PLAIN}
    fresh = build_site(catalog.root, tmp_path / "fresh", START, use_cache=False)
    assert carried(fresh) == set() and files(site) == files(tmp_path / "fresh")


def test_no_page_is_carried_into_a_folder_another_build_wrote_last(tmp_path: Path) -> None:
    catalog = Linked(tmp_path / "repo")
    build_site(catalog.root, tmp_path / "a", START)
    build_site(catalog.root, tmp_path / "b", START)  # the memo now is b's
    catalog.apply(("title", 2))
    assert carried(build_site(catalog.root, tmp_path / "a", START)) == set()
    catalog.apply(("title", 1))  # R2026-013, on the boards only
    assert carried(build_site(catalog.root, tmp_path / "a", START)) == {f"records/{rid}.html" for rid in PLAIN}


def test_a_record_put_back_after_a_break_is_declared_again(tmp_path: Path) -> None:
    """The memo keeps the outcome of a file unreadable for a while; meanwhile another file took its 编号 and its page."""
    catalog = Linked(tmp_path / "repo")
    site = tmp_path / "site"
    build_site(catalog.root, site, START)
    original = catalog.path("R2026-010").read_text("utf-8")
    catalog.apply(("break", 0))  # R2026-010.yaml unreadable: its memo entry is left as it was
    stand_in = catalog.path("R2026-010").with_name("R2026-010b.yaml")
    stand_in.write_text(original.replace("题名: ", "题名: 代替的", 1), "utf-8")
    build_site(catalog.root, site, START)
    assert "代替的" in (site / "records/R2026-010.html").read_text("utf-8")
    stand_in.unlink()
    catalog.apply(("restore", 0))  # the file as it was: the gate takes the outcome it left, the page is made again
    result = build_site(catalog.root, site, START)
    assert "records/R2026-010.html" not in carried(result)
    assert "代替的" not in (site / "records/R2026-010.html").read_text("utf-8")
    build_site(catalog.root, tmp_path / "fresh", START, use_cache=False)
    assert files(site) == files(tmp_path / "fresh")


def test_a_page_not_on_the_last_site_is_declared_though_its_outcome_was_kept(tmp_path: Path) -> None:
    """R2026-010 shares its attachment with a withdrawn record: held back (its outcome in the memo is still 'admitted').
    The withdrawn record lets go of the file: R2026-010 comes back with the kept outcome, and no page to carry."""
    catalog = Linked(tmp_path / "repo")
    (catalog.root / "files/2026/shared.pdf").write_bytes(text_pdf("共用的表格"))
    attached = "附件:\n  - 文件: files/2026/shared.pdf\n    名称: 共用表格"
    catalog.add_line("R2026-010", attached)
    catalog.add_line("R2026-016", attached)  # withdrawn on START
    site = tmp_path / "site"
    build_site(catalog.root, site, START)
    assert not (site / "records/R2026-010.html").exists()
    catalog.drop_lines("R2026-016", "附件:")
    catalog.drop_lines("R2026-016", "  - 文件: files/2026/shared.pdf")
    catalog.drop_lines("R2026-016", "    名称: 共用表格")
    result = build_site(catalog.root, site, START)
    assert "records/R2026-010.html" not in carried(result)
    assert (site / "records/R2026-010.html").is_file()
    build_site(catalog.root, tmp_path / "fresh", START, use_cache=False)
    assert files(site) == files(tmp_path / "fresh") and pages_in_store(site) == pages_in_store(tmp_path / "fresh")


def test_no_page_is_carried_when_the_chrome_changed(tmp_path: Path, monkeypatch) -> None:
    """Templates edited in place (no other file changed, the gate's memo still holds): every page is declared."""
    catalog = Linked(tmp_path / "repo")
    site = tmp_path / "site"
    build_site(catalog.root, site, START)
    catalog.apply(("title", 1))
    import gongkai.site.make as make

    monkeypatch.setattr(make, "templates_fingerprint", lambda: "其他模板")
    assert carried(build_site(catalog.root, site, START)) == set()

