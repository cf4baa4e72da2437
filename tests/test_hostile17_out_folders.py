"""An output folder is replaced whole: never the catalog, a repository, or a folder of someone's own files.

Found this session: `gongkai build-site catalog --out catalog` replaced the catalog with the site — gongkai.yaml, every
item and record, every attachment gone — and said 「已生成网站」 with exit 0. `--out .` beside the catalog, `--out
catalog/items`, or a folder of one's own documents went the same way, and so did print, wechat, export portal and
handover, which replace their output folders the same way. Now each refuses such a folder with exit 2, says why, and
leaves every file as it was; a folder the same command wrote before (its build record, index.html, portal.json, the
bags) is replaced as before, and so is an empty one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import git


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under *folder* (relative path → content hash): what must be left exactly as it was."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".gongkai-cache" not in p.parts}


def _refused(run, folder: Path, before: dict[str, str], why: str) -> None:
    assert run.code == 2, run.out + run.err
    assert why in run.err and "所以没有写入" in run.err and "请在 --out 后写一个新的" in run.err
    assert "Traceback" not in run.err
    assert _snapshot(folder) == before


@pytest.mark.parametrize("command", [["build-site"], ["print"], ["wechat"], ["export", "portal"]])
def test_the_catalog_itself_is_refused(gk, bundled, command):
    before = _snapshot(bundled)
    _refused(gk(*command, bundled, "--out", bundled), bundled, before, "是一个目录文件夹（有 gongkai.yaml）")


@pytest.mark.parametrize("command", [["build-site"], ["print"], ["wechat"], ["export", "portal"]])
@pytest.mark.parametrize("inside", ["items", "records", "files"])
def test_a_folder_of_the_catalog_is_refused(gk, bundled, command, inside):
    before = _snapshot(bundled)
    _refused(gk(*command, bundled, "--out", bundled / inside), bundled, before, "中已有不是 gongkai 生成的文件")


@pytest.mark.parametrize("command", [["build-site"], ["print"], ["wechat"], ["export", "portal"]])
def test_a_file_is_refused(gk, bundled, command):
    """build-site --out catalog/gongkai.yaml replaced the catalog's settings with a folder holding the site."""
    before = _snapshot(bundled)
    _refused(gk(*command, bundled, "--out", bundled / "gongkai.yaml"), bundled, before, "是一个文件，不是输出文件夹")


def test_the_folder_holding_the_catalog_is_refused(gk, bundled):
    top = bundled.parent
    before = _snapshot(top)
    _refused(gk("build-site", bundled, "--out", top), top, before, "中已有不是 gongkai 生成的文件（如「catalog」）")


def test_a_repository_is_refused(gk, bundled, tmp_path):
    git(bundled, "init", "-q", "-b", "main")
    before = _snapshot(bundled)
    elsewhere = tmp_path / "other-repo"
    elsewhere.mkdir()
    git(elsewhere, "init", "-q", "-b", "main")
    run = gk("build-site", bundled, "--out", elsewhere)
    assert run.code == 2 and "是一个 git 仓库" in run.err
    assert (elsewhere / ".git").is_dir() and _snapshot(bundled) == before


def test_a_folder_of_ones_own_files_is_refused(gk, bundled, tmp_path):
    mine = tmp_path / "我的文档"
    mine.mkdir()
    (mine / "工作总结.docx").write_bytes(b"PK\x03\x04 mine")
    before = _snapshot(mine)
    _refused(gk("build-site", bundled, "--out", mine), mine, before, "中已有不是 gongkai 生成的文件（如「工作总结.docx」）")


@pytest.mark.parametrize(("command", "mark"), [(["build-site"], ".gongkai-build.json"), (["print"], "index.html"),
                                               (["wechat"], "index.html"), (["export", "portal"], "portal.json")])
def test_its_own_output_and_an_empty_folder_are_replaced(gk, bundled, tmp_path, command, mark):
    out = tmp_path / "out"
    out.mkdir()  # empty: taken
    first = gk(*command, bundled, "--out", out)
    assert first.code == 0, first.err
    assert (out / mark).is_file()
    again = gk(*command, bundled, "--out", out)  # its own earlier output: replaced as before
    assert again.code == 0, again.err


def test_a_site_whose_build_record_was_deleted_is_built_whole_again(gk, bundled, tmp_path):
    """README: to rebuild a site by hand, delete site/.gongkai-build.json: the folder is still the site."""
    site = tmp_path / "site"
    assert gk("build-site", bundled, "--out", site).code == 0
    (site / ".gongkai-build.json").unlink()
    again = gk("build-site", bundled, "--out", site)
    assert again.code == 0, again.err
    assert (site / ".gongkai-build.json").is_file()


def test_handover_refuses_the_catalog_and_replaces_its_own_batch(gk, bundled, tmp_path):
    args = ("handover", "-C", bundled, "--date", "2026-12-07", "--today", "2026-12-07", "--allow-incomplete")
    before = _snapshot(bundled)
    _refused(gk(*args, "--out", bundled), bundled, before, "是一个目录文件夹（有 gongkai.yaml）")
    out = tmp_path / "batch"
    first = gk(*args, "--out", out)
    assert first.code == 0, first.err
    assert any(out.glob("*/bagit.txt"))
    assert gk(*args, "--out", out).code == 0
