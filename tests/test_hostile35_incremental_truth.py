"""Hostile pass 35, 「incremental truth」: `validate` answered from the cache must print what `validate --no-cache`
prints, and an incremental `build-site` must leave the site a fresh build makes (issue 18). The edits here are those
the property tests (test_validate_incremental, test_hostile20_cache, test_hostile18_incremental,
test_hostile32_site_build) do not generate: what lies on disk at an attachment's path besides its bytes. Every case
runs the cached command after a warm run, then the same command with --no-cache, and compares with findings typed here.
tools/mutation.py's group "incremental_truth" mutates what these tests guard (docs/mutation.md, thirty-fifth pass).

Found by this pass:
1. An attachment swapped for a symbolic link to the same bytes (files/2026/R2026-002.pdf → a copy beside it), or given
   a hard link outside the catalog (`ln files/2026/R2026-002.pdf ~/备份.pdf`), kept its listing: the listing recorded
   an attachment by path, size and content only. `validate` answered from its memo 「没有发现问题」 while --no-cache
   said GK606 (符号链接 / 硬链接); `build-site` kept R2026-002 and its PDF on the site while a fresh build held it back
   (「是硬链接……公开的可能是别处的文件」). The listing now records, with each attachment, how many names it has and
   whether it is a link: the cached run says GK606 too, and the build holds the record back.
2. What appears at the path of a missing attachment without being a file — a link to a folder on the way (files/lnk →
   2026), a link to nothing, a folder named R2026-002.pdf — was in no listing (the walk kept regular files only), so
   the memo answered 「文件不存在」 (GK607) after --no-cache had said 「其中的文件夹「files/lnk」是符号链接」 (GK606) or
   「是文件夹，不是文件」. So was an empty folder or a dangling link named like an attachment up to case
   (files/2026/r2026-002.pdf/ beside R2026-002.pdf: one file on Windows, GK606): the cached validate and the gate's
   memo kept 「通过」 (test_hostile13_memo had it as a strict xfail). The listing now names the tree's folders and the
   links and pipes it does not read, and they are part of what a cached validate, the gate's memo and a build's stamp
   compare, and of the twins a record's attachments are keyed with.

Seen and left alone: as root (this machine) a read-only cache folder cannot be made, so it is not tried here
(test_hostile20_cache covers an unwritable one where it can); a damaged, truncated, emptied or foreign file in
.gongkai-cache (each of the nine files, five ways) was tried and is ignored and made again — no change needed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run

TODAY = "2026-11-27"
PDF = "files/2026/R2026-002.pdf"
RECORD = "R2026-002"


def _validate_both(gk: Callable[..., Run], root: Path) -> tuple[Run, Run]:
    args = ("validate", root, "--format", "json", "--today", TODAY)
    return gk(*args), gk(*args, "--no-cache")


def _codes(run: Run) -> list[tuple[str, str, str]]:
    return [(d["code"], d["path"], d["id"]) for d in json.loads(run.out)["diagnostics"]]


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and not p.name.startswith(".gongkai")}


def _symbolic(root: Path) -> None:
    pdf = root / PDF
    pdf.rename(pdf.with_name("R2026-002-copy.pdf"))
    pdf.symlink_to("R2026-002-copy.pdf")


def _hard(root: Path) -> None:
    os.link(root / PDF, root.parent / "备份.pdf")


@pytest.mark.parametrize(("make", "said"), [(_symbolic, "文件是符号链接（快捷方式）"),
                                           (_hard, "是硬链接（与另外 1 处的文件是同一个文件）")])
def test_an_attachment_become_a_link_to_the_same_bytes_is_found_by_a_cached_validate(gk, bundled, make, said):
    first = gk("validate", bundled, "--format", "json", "--today", TODAY)
    assert first.code == 0 and _codes(first) == []
    make(bundled)
    cached, full = _validate_both(gk, bundled)
    assert _codes(full) == [("GK606", "records/2026/R2026-002.yaml", RECORD)]
    assert (cached.code, cached.out) == (full.code, full.out)
    assert said in json.loads(cached.out)["diagnostics"][0]["message"]


def test_a_hard_link_taken_away_again_is_clean_again_from_the_cache(gk, bundled):
    gk("validate", bundled, "--today", TODAY)
    _hard(bundled)
    assert gk("validate", bundled, "--today", TODAY).code == 1
    (bundled.parent / "备份.pdf").unlink()
    cached, full = _validate_both(gk, bundled)
    assert (cached.code, cached.out) == (full.code, full.out) and _codes(cached) == []


def test_an_attachment_given_a_hard_link_elsewhere_leaves_the_site_as_a_fresh_build_does(gk, bundled, tmp_path):
    site, fresh = tmp_path / "site", tmp_path / "fresh"
    assert gk("build-site", bundled, "--out", site, "--today", TODAY, "--no-search").code == 0
    assert (site / PDF).is_file() and (site / "records/R2026-002.html").is_file()
    _hard(bundled)
    cached = gk("build-site", bundled, "--out", site, "--today", TODAY, "--no-search")
    full = gk("build-site", bundled, "--out", fresh, "--today", TODAY, "--no-search", "--no-cache")
    assert "R2026-002 没有发布" in full.err and "硬链接" in full.err
    assert "R2026-002 没有发布" in cached.err and "硬链接" in cached.err
    assert not (site / PDF).exists() and not (site / "records/R2026-002.html").exists()
    assert _tree(site) == _tree(fresh)


def _pointed_at(root: Path, path: str) -> None:
    record = root / "records/2026/R2026-002.yaml"
    record.write_text(record.read_text("utf-8").replace(f"文件: {PDF}", f"文件: {path}", 1), "utf-8")


def _folder_link(root: Path) -> None:
    (root / "files/lnk").symlink_to("2026", target_is_directory=True)


def _dangling_link(root: Path) -> None:
    (root / "files/lnk").mkdir()
    (root / "files/lnk/R2026-002.pdf").symlink_to("../../备份.pdf")


def _folder(root: Path) -> None:
    (root / "files/lnk/R2026-002.pdf").mkdir(parents=True)


@pytest.mark.parametrize(("make", "said"), [
    (_folder_link, "附件「files/lnk/R2026-002.pdf」其中的文件夹「files/lnk」是符号链接（快捷方式），公开的可能是别处的文件"),
    (_dangling_link, "附件「files/lnk/R2026-002.pdf」文件是符号链接（快捷方式），公开的可能是别处的文件"),
    (_folder, "附件「files/lnk/R2026-002.pdf」是文件夹，不是文件"),
])
def test_what_appears_at_a_missing_attachments_path_is_found_by_a_cached_validate(gk, bundled, make, said):
    """The listing holds regular files; a link to a folder or to nothing, or a folder, where a record's attachment
    is missing changes what GK606/GK607 say about it, and must change the cached answer as it does the full one."""
    _pointed_at(bundled, "files/lnk/R2026-002.pdf")
    first = gk("validate", bundled, "--format", "json", "--today", TODAY)
    assert [d["message"] for d in json.loads(first.out)["diagnostics"]] == ["附件「files/lnk/R2026-002.pdf」文件不存在"]
    make(bundled)
    cached, full = _validate_both(gk, bundled)
    assert [d["message"] for d in json.loads(full.out)["diagnostics"]] == [said]
    assert (cached.code, cached.out) == (full.code, full.out)


@pytest.mark.parametrize("make", [lambda pdf: pdf.with_name("r2026-002.pdf").mkdir(),
                                  lambda pdf: pdf.with_name("r2026-002.pdf").symlink_to("/nonexistent")])
def test_an_empty_folder_or_a_link_twinning_an_attachment_is_found_by_a_cached_validate(gk, bundled, make):
    """files/2026/r2026-002.pdf/ (an empty folder) or a link to nothing so named beside R2026-002.pdf: on Windows and
    macOS the two are one (GK606). A cached validate re-checks R2026-002 as it does when a file twins it."""
    gk("validate", bundled, "--today", TODAY)
    make(bundled / PDF)
    cached, full = _validate_both(gk, bundled)
    assert [d["message"] for d in json.loads(full.out)["diagnostics"]] == [
        "附件「files/2026/R2026-002.pdf」与「files/2026/r2026-002.pdf」只差大小写或 Unicode 写法，在 Windows 和 macOS 上是同一个文件："
        "检出后公开的可能是另一个"]
    assert (cached.code, cached.out) == (full.code, full.out)
