"""The site group's survivors of the tenth mutation session (docs/mutation.md), each killed by a build of a small
real catalog (conftest's `cat`: one 公示, R2026-001, on the web through 2026-12-31) in a temporary folder.

Each case builds in the test itself: mutmut runs for a mutant only the tests that reached the mutated function, and a
build made once for a whole module (test_site_keys.py's `first`) is counted for the first test that asked for it.

- A first build moves the old site aside into .<site>.old.<pid>.<random>, beside the site (one rename on one file
  system; the name is what lets a later build remove it after a crash), and removes that folder.
- Ctrl+C after the new site is in place stops the build with KeyboardInterrupt, not with an error about the staging
  folder that has already become the site.
- gongkai before the staging folders carried a process id made .<site>.update.<random>: a later build removes it.
- A link named like a dead build's folder does not stop the build, and what it points to stays.
- Every link inside a page is relative to the page's folder: «», «../», «../../».
- A record that lists nobody is in the search index with its body's text and its item's filters (领域, 五公开,
  公开主体) besides its year.
- Once a 公示 has ended its attachment (the list) leaves the site with its body, on a first build and on an update
  (test_hostile7_gate.py checks the same through the CLI; this is the group's fast case).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import ITEM, RECORD, CatalogDir
from gongkai.search.files import unpack
from gongkai.site import build_site
from gongkai.site.store import STORE
from test_hostile7_gate import NAMES, holding, with_attachment

TODAY = dt.date(2026, 11, 27)
PAGE = "records/R2026-001.html"


def test_a_first_build_moves_the_old_site_aside_beside_it_and_removes_it(
        cat: CatalogDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    build_site(cat.root, site, TODAY, search=False)
    (site / STORE).unlink()  # without its store the next build is a first build: a new folder replaces the old
    moves: list[tuple[Path, Path]] = []
    rename = os.replace

    def watched(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        moves.append((Path(source).resolve(), Path(target).resolve()))
        rename(source, target)

    monkeypatch.setattr(os, "replace", watched)
    build_site(cat.root, site, TODAY, search=False)
    monkeypatch.undo()
    [aside] = [target for source, target in moves if source == site.resolve()]
    assert aside.parent.parent == tmp_path.resolve()  # beside the site, not in the system's temporary folder
    assert aside.parent.name.startswith(f".site.old.{os.getpid()}.")
    assert not aside.parent.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert "经审核，现将名单予以公示。" in (site / PAGE).read_text(encoding="utf-8")


def test_ctrl_c_once_the_new_site_is_in_place_stops_the_build_as_an_interrupt(
        cat: CatalogDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    build_site(cat.root, site, TODAY, search=False)
    (site / STORE).unlink()  # a whole build over the old site: the old one is moved aside (a first build has none)
    remove = shutil.rmtree

    def interrupted(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        if Path(path).name.startswith(".site.old."):  # the old site, moved aside once the new one is in place
            raise KeyboardInterrupt
        remove(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(shutil, "rmtree", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_site(cat.root, site, TODAY, search=False)
    monkeypatch.undo()
    assert (site / PAGE).is_file() and (site / STORE).is_file()
    [left] = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert left.startswith(f".site.old.{os.getpid()}.")  # named so that a later build removes it


def test_a_folder_an_older_gongkai_left_without_a_process_id_is_removed(cat: CatalogDir, tmp_path: Path) -> None:
    """gongkai before the process id in the name staged an update in .<site>.update.<random> (tempfile.mkdtemp)."""
    site = tmp_path / "site"
    build_site(cat.root, site, TODAY, search=False)
    left = tmp_path / ".site.update.k2x9q7m_"
    left.mkdir()
    (left / "index.html").write_text("旧", encoding="utf-8")
    (site / STORE).unlink()
    build_site(cat.root, site, TODAY, search=False)
    assert not left.exists()
    assert (site / PAGE).is_file()


def test_a_link_named_like_a_dead_builds_folder_leaves_what_it_points_to(cat: CatalogDir, tmp_path: Path) -> None:
    kept = tmp_path / "备份"
    kept.mkdir()
    (kept / "index.html").write_text("备份的首页", encoding="utf-8")
    (tmp_path / ".site.building.999999999.z").symlink_to(kept, target_is_directory=True)
    site = tmp_path / "site"
    build_site(cat.root, site, TODAY, search=False)
    assert (site / PAGE).is_file()
    assert (kept / "index.html").read_text(encoding="utf-8") == "备份的首页"


@pytest.mark.parametrize(("page", "root"), [("index.html", ""), (PAGE, "../"), ("directory/shjz/index.html", "../../")])
def test_every_link_of_a_page_is_relative_to_its_folder(cat: CatalogDir, tmp_path: Path, page: str, root: str) -> None:
    site = tmp_path / "site"
    build_site(cat.root, site, TODAY, search=False)
    html = (site / page).read_text(encoding="utf-8")
    for target in ("assets/site.css", "index.html"):
        assert f'href="{root}{target}"' in html
        assert (site / page).parent.joinpath(root, target).resolve().is_file()
    assert "None" not in html


@pytest.mark.parametrize("build", ["first", "update"])
def test_an_ended_notices_attachment_leaves_the_site(cat: CatalogDir, tmp_path: Path, build: str) -> None:
    """R2026-001's 公示 runs through 2026-12-31: on 2027-01-05 its page says so and neither the body nor the list is
    on the site, in the page or as a copy of the attachment."""
    with_attachment(cat, "files/2026/list.csv", f"姓名,村（社区）\n{NAMES[0]},经兜村\n",
                    RECORD.replace("现将名单予以公示。", f"现将名单予以公示：{NAMES[0]}（经兜村）。"))
    site = tmp_path / "site"
    if build == "update":
        build_site(cat.root, site, TODAY, search=False)
        assert (site / "files/2026/list.csv").is_file()
    build_site(cat.root, site, dt.date(2027, 1, 5), search=False)
    assert "公示已于2026年12月31日结束。按照规定，公示期满后名单不再在网站上公开。" in (site / PAGE).read_text(encoding="utf-8")
    assert not (site / "files/2026/list.csv").exists()
    assert holding(site, NAMES[0]) == []


# An item whose records list nobody (a 通知 under it is indexed), and such a record.
POLICY_ITEM = (ITEM.replace("编号: SHJZ-001", "编号: SHJZ-002").replace("二级事项: 审批信息", "二级事项: 政策文件")
               .replace("低保对象名单及相关信息", "社会救助政策文件"))
POLICY = (RECORD.replace("编号: R2026-001", "编号: R2026-002").replace("事项: SHJZ-001", "事项: SHJZ-002")
          .replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 测试县民政局关于下放临时救助审批权限的通知")
          .replace("文号: 测民〔2026〕1号", "文号: 测民〔2026〕2号").replace("350524-MZ-2026-00001", "350524-MZ-2026-00002")
          .replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
          .replace("经审核，现将名单予以公示。", "乡镇蓝莓种植户的临时救助由乡镇审批。"))


def indexed(site: Path) -> dict[str, dict[str, Any]]:
    """url → what the search index keeps of a page besides its result line: text «x», 索引号 «i», filters «f»."""
    numbers: dict[str, list[Any]] = {}
    texts: dict[str, dict[str, Any]] = {}
    for path in (site / "search/d").glob("*.json.gz"):
        numbers.update(unpack(path.read_bytes()))
    for path in (site / "search/t").glob("*.json.gz"):
        texts.update(unpack(path.read_bytes()))
    return {url: texts[str(entry[0])] for url, entry in numbers.items()}


def test_a_record_is_indexed_with_its_body_and_its_items_filters(cat: CatalogDir, tmp_path: Path) -> None:
    cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.record(POLICY, "records/2026/R2026-002.yaml")
    site = tmp_path / "site"
    build_site(cat.root, site, TODAY, search=True)
    pages = indexed(site)
    assert "records/R2026-001.html" not in pages  # a 公示: never indexed
    entry = pages["records/R2026-002.html"]
    assert "乡镇蓝莓种植户的临时救助由乡镇审批。" in entry["x"]
    assert entry["i"] == "350524-MZ-2026-00002"
    assert entry["f"] == {"领域": "社会救助", "五公开": "结果公开", "公开主体": "县级人民政府民政部门", "年份": "2026"}
