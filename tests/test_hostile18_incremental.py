"""Hostile pass on incremental builds (issues 17 and 12 where they meet): after any edits and build-site runs the
site equals a fresh full build of the same catalog for the same --today (byte for byte, the build record aside),
and nothing that must not be published survives in the output folder.

The catalog is tests/portal_catalog.py; its days, worked out by hand on the 2026 calendar (test_publication.py):
- R2026-014 (web and board) 公示 7 working days from Tue 2026-11-24: last day 2026-12-02, names 苏阿森, attachment
  files/2026/R2026-014.pdf;
- R2026-015 (web and board) 公示 ended 2026-09-09, names 陈金水;
- R2026-016 (web) published 2026-10-10, withdrawn (撤回) 2026-11-20;
- R2026-010 (web) an ordinary 通知. The CLI's today is 2026-11-27 (conftest: GONGKAI_TODAY).

Found by this pass (the random sequences of §5 found 4.):
1. A file of the site edited, deleted or added by hand (a page, a list of people copied in, a link to the catalog)
   stayed for good: the next build said 「网站没有变化」 or rewrote only the pages whose inputs changed.
2. An update that took down the last file of a folder left the folder, empty (files/2026/): a fresh build has none.
3. `build-site --today <earlier day>` into the site folder built for a later day put back a 公示's list of names that
   had come down, and a withdrawn record (the open item of the eighteenth closing note).
4. The 指南 lists the channels of every item, but its page was keyed by the 依申请 items only: an item taken off the
   web (or put on 两微一端) left the 指南 naming the old channels until something else changed it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
from pathlib import Path

import pytest

from conftest import CatalogDir
from portal_catalog import BASE, BOARD, NEVER, build

STORE = ".gongkai-build.json"
DAY = "2026-11-27"
TAKEN_BY_HAND = "与上次生成时不一致"  # the start of the notice that a folder changed by hand was built again whole


@pytest.fixture
def pc(cat: CatalogDir) -> CatalogDir:
    return build(cat)


def entries(site: Path) -> dict[str, bytes | str]:
    """Every entry of the site but the build record: files by their bytes, folders and links by what they are."""
    found: dict[str, bytes | str] = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.is_symlink():
            found[name] = "link → " + os.readlink(path)
        elif path.is_dir():
            found[name] = "folder"
        elif name != STORE:
            found[name] = path.read_bytes()
    return found


def text_of(site: Path) -> str:
    return "\n".join(f"{name}\n{value.decode('utf-8', 'replace') if isinstance(value, bytes) else value}"
                     for name, value in entries(site).items())


def build_equals_fresh(gk, catalog: Path, site: Path, today: str = DAY) -> str:
    """Update *site* for *today* through the CLI; it must equal a fresh build made the same day. Its output."""
    run = gk("build-site", catalog, "--out", site, "--today", today)
    assert run.code == 0, run.err
    fresh = site.with_name(site.name + "-fresh")
    shutil.rmtree(fresh, ignore_errors=True)
    assert gk("build-site", catalog, "--out", fresh, "--today", today, "--no-cache").code == 0
    made, expected = entries(site), entries(fresh)
    assert sorted(made) == sorted(expected)
    assert [name for name in expected if made[name] != expected[name]] == []
    return run.out + run.err


# 1. The output folder changed by hand ------------------------------------------------------------------------------

def _same_size_edit(site: Path) -> None:
    page = site / "records/R2026-010.html"
    page.write_bytes(page.read_bytes().replace("网站通知甲".encode(), "网站通知乙".encode()))  # the same 15 bytes


def _appended(site: Path) -> None:
    with (site / "index.html").open("a", encoding="utf-8") as page:
        page.write("<p>手工加的一段</p>\n")


def _deleted(site: Path) -> None:
    (site / "records/R2026-010.html").unlink()


def _planted_page(site: Path) -> None:
    # a page of a 依申请公开 record copied in from somewhere else: a fresh build has no such page
    (site / "records/R2026-011.html").write_text("<h1>依申请公开乙号文件</h1>", encoding="utf-8")


def _planted_list(site: Path) -> None:
    (site / "files/2026/名单.csv").write_text("姓名,身份证号\n陈金水,11010519491231002X\n", encoding="utf-8")


def _empty_folder(site: Path) -> None:
    (site / "old").mkdir()


def _link_to_the_catalog(site: Path) -> None:
    (site / "catalog").symlink_to(site.parent / "catalog", target_is_directory=True)


def _undecodable_name(site: Path) -> None:
    with open(os.fsencode(site) + b"/records/R2026-011\xff.html", "wb") as page:
        page.write("依申请公开乙号文件".encode())


def _store_of_an_older_gongkai(site: Path) -> None:
    # a build record without the folder's entries (as gongkai wrote it before this pass), and a page edited
    store = site / STORE
    head, rest = store.read_text("utf-8").split("\n", 1)
    raw = json.loads(head.removesuffix('"files":{').rstrip(",") + "}")
    assert raw.pop("tree")
    store.write_text(json.dumps(raw, ensure_ascii=False)[:-1] + ',"files":{\n' + rest, encoding="utf-8")
    _same_size_edit(site)


HAND_EDITS = {
    "a page edited in place to the same size": _same_size_edit,
    "a line appended to the home page": _appended,
    "a record's page deleted": _deleted,
    "a 依申请公开 record's page planted": _planted_page,
    "a list of people planted among the attachments": _planted_list,
    "an empty folder made": _empty_folder,
    "a file named in bytes that are no UTF-8": _undecodable_name,
    "a link to the catalog made": _link_to_the_catalog,
    "the build record of an older gongkai, a page edited": _store_of_an_older_gongkai,
}


@pytest.mark.parametrize("edit", HAND_EDITS, ids=list(HAND_EDITS))
def test_a_folder_changed_by_hand_is_built_again_whole(gk, pc, tmp_path, edit):
    site = tmp_path / "site"
    assert gk("build-site", pc.root, "--out", site, "--today", DAY).code == 0
    HAND_EDITS[edit](site)
    shown = build_equals_fresh(gk, pc.root, site)  # nothing changed in the catalog: before, 「网站没有变化」
    assert f"提示：网站文件夹「{site}」与上次生成时不一致" in shown and "手工改动没有保留" in shown
    assert "网站没有变化" not in shown
    text = text_of(site)
    for never in (*NEVER, "陈金水", "手工", "网站通知乙", "gongkai.yaml"):
        assert never not in text, never


def test_a_folder_changed_by_hand_and_a_catalog_edit_in_one_build(gk, pc, tmp_path):
    """The whole folder is made again and what the catalog edit took down is still listed for the portal copy."""
    site = tmp_path / "site"
    assert gk("build-site", pc.root, "--out", site, "--today", DAY).code == 0
    _same_size_edit(site)
    record = pc.root / "records/2026/R2026-010.yaml"
    record.write_text(record.read_text("utf-8").replace("公开属性: 主动公开", "公开属性: 依申请公开"), "utf-8")
    shown = build_equals_fresh(gk, pc.root, site)
    assert TAKEN_BY_HAND in shown
    # (and the 其他 column's page, which listed only it: left on the portal it still gave its title — round 29)
    assert "已从网站撤下 2 个文件" in shown and "\n  qita/index.html\n  records/R2026-010.html\n" in shown
    assert "R2026-010" not in text_of(site)


def test_an_untouched_folder_is_not_built_again_and_a_copy_of_it_is_updated(gk, pc, tmp_path):
    site = tmp_path / "site"
    assert gk("build-site", pc.root, "--out", site, "--today", DAY).code == 0
    again = gk("build-site", pc.root, "--out", site, "--today", DAY)
    assert again.code == 0 and "网站没有变化" in again.out and TAKEN_BY_HAND not in again.err
    # a copy (another folder, another machine): its entries by path and size are the build record's
    copied = tmp_path / "copied"
    shutil.copytree(site, copied)
    assert "网站没有变化" in gk("build-site", pc.root, "--out", copied, "--today", DAY).out
    # and an edit of the catalog updates only what it changed
    record = pc.root / "records/2026/R2026-010.yaml"
    record.write_text(record.read_text("utf-8").replace("网站通知甲", "网站通知丙"), "utf-8")
    shown = build_equals_fresh(gk, pc.root, site)
    assert TAKEN_BY_HAND not in shown and "重新生成 168 个" not in shown


# 2. A folder an update empties -------------------------------------------------------------------------------------

def test_the_folder_of_the_last_attachment_taken_down_goes_with_it(gk, pc, tmp_path):
    site = tmp_path / "site"
    assert gk("build-site", pc.root, "--out", site, "--today", DAY).code == 0
    # on 2026-11-27 R2026-014's list is the only attachment on the web (R2026-015's ended 2026-09-09)
    assert sorted(p.relative_to(site).as_posix() for p in (site / "files").rglob("*")) == [
        "files/2026", "files/2026/R2026-014.pdf"]
    record = pc.root / "records/2026/R2026-014.yaml"
    record.write_text(record.read_text("utf-8").replace(f"公开渠道: [政府网站, {BOARD}]", f"公开渠道: [{BOARD}]"), "utf-8")
    shown = build_equals_fresh(gk, pc.root, site)
    assert "\n  files/2026/R2026-014.pdf\n" in shown
    assert not (site / "files").exists()
    assert "网站没有变化" in gk("build-site", pc.root, "--out", site, "--today", DAY).out


def test_the_folder_of_a_list_whose_period_ends_goes_with_it(gk, pc, tmp_path):
    site = tmp_path / "site"
    assert gk("build-site", pc.root, "--out", site, "--today", "2026-12-02").code == 0  # the 公示's last day
    assert (site / "files/2026/R2026-014.pdf").is_file()
    build_equals_fresh(gk, pc.root, site, "2026-12-03")
    assert not (site / "files").exists() and "苏阿森" not in text_of(site)


# 3. A page that forgot an input: the 指南 lists the channels of every item, its key named only the 依申请 items -------

def test_the_guide_follows_the_channels_of_the_items(gk, pc, tmp_path):
    site = tmp_path / "site"
    assert gk("build-site", pc.root, "--out", site, "--today", DAY).code == 0
    guide = site / "zhinan/index.html"
    assert "通过以下渠道公开：政府网站、公开查阅点、社区/企事业单位/村公示栏（电子屏）。" in guide.read_text("utf-8")
    item = pc.root / "items/shjz/SHJZ-001.yaml"
    item.write_text(item.read_text("utf-8").replace("公开渠道: [政府网站, ", "公开渠道: ["), "utf-8")
    build_equals_fresh(gk, pc.root, site)
    assert "通过以下渠道公开：公开查阅点、社区/企事业单位/村公示栏（电子屏）。" in guide.read_text("utf-8")
    item.write_text(item.read_text("utf-8").replace("公开渠道: [", "公开渠道: [两微一端, "), "utf-8")
    build_equals_fresh(gk, pc.root, site)
    assert "通过以下渠道公开：两微一端、公开查阅点、社区/企事业单位/村公示栏（电子屏）。" in guide.read_text("utf-8")


# 4. A site folder taken back to an earlier day ---------------------------------------------------------------------

@pytest.mark.parametrize(("built", "back", "refused"), [
    ("2026-12-03", "2026-12-02", True),  # the list came down on 12-03: the last day of its 公示 would put it back
    ("2026-12-03", "2026-11-24", True),  # its first day
    ("2026-12-02", "2026-12-01", False),  # built on its last day, the list is still up there: nothing comes back
    ("2026-12-03", "2026-12-03", False),  # the same day
])
def test_a_site_is_not_taken_back_to_a_day_that_shows_an_ended_list(gk, pc, tmp_path, monkeypatch, built, back,
                                                                       refused):
    monkeypatch.setenv("GONGKAI_TODAY", "2026-12-03")  # the real date in this story
    site = tmp_path / "site"
    assert gk("build-site", pc.root, "--out", site, "--today", built).code == 0
    before = entries(site)
    run = gk("build-site", pc.root, "--out", site, "--today", back)
    if refused:
        assert run.code == 2, run.err
        assert f"网站「{site}」上次按 {built} 生成" in run.err and f"--today {back}" in run.err
        assert "R2026-014「湖头镇公示中戊号公示」：公示已于2026年12月2日结束，名单已撤下" in run.err
        assert "请按今天的日期生成（去掉 --today）" in run.err and "Traceback" not in run.err
        assert entries(site) == before and "苏阿森" not in text_of(site)
    else:
        assert run.code == 0, run.err
        fresh = tmp_path / "fresh"
        assert gk("build-site", pc.root, "--out", fresh, "--today", back, "--no-cache").code == 0
        assert entries(site) == entries(fresh)


@pytest.mark.parametrize(("built", "back", "refused"), [
    ("2026-11-20", "2026-11-19", True),  # withdrawn on 11-20: the day before shows it
    ("2026-11-19", "2026-11-18", False),  # not withdrawn yet on either day
])
def test_a_site_is_not_taken_back_to_a_day_that_shows_a_withdrawn_record(gk, pc, tmp_path, built, back, refused):
    site = tmp_path / "site"
    assert gk("build-site", pc.root, "--out", site, "--today", built).code == 0
    run = gk("build-site", pc.root, "--out", site, "--today", back)
    assert (run.code == 2) is refused, run.err
    assert ("R2026-016「已撤回庚号通知」：已于2026年11月20日撤回" in run.err) is refused
    assert ("已撤回庚号通知" in text_of(site)) is not refused


def test_a_day_in_the_past_built_in_another_folder_says_what_has_left_the_web_since(gk, pc, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGKAI_TODAY", "2026-12-03")
    run = gk("build-site", pc.root, "--out", tmp_path / "preview", "--today", "2026-12-02")
    assert run.code == 0
    assert ("提示：--today 2026-12-02 早于今天（2026-12-03）：生成的是过去那一天的网站，其中有今天已不能公开的内容"
            "（R2026-014：公示已于2026年12月2日结束，名单已撤下）。请不要部署到门户网站" in run.err)
    # the day before today, with nothing that has left the web since: no warning
    monkeypatch.setenv("GONGKAI_TODAY", "2026-12-02")
    run = gk("build-site", pc.root, "--out", tmp_path / "other", "--today", "2026-12-01")
    assert run.code == 0 and "早于今天" not in run.err


# 5. A build killed at any moment: the next one makes the site a fresh build makes ---------------------------------

@pytest.mark.parametrize("delay", [0.15, 0.3, 0.45, 0.6, 0.8])
def test_a_killed_update_is_made_good_by_the_next_build(gk, pc, tmp_path, delay):
    import signal
    import subprocess
    import sys
    import time

    site = tmp_path / "site"
    assert gk("build-site", pc.root, "--out", site, "--today", DAY).code == 0
    record = pc.root / "records/2026/R2026-010.yaml"
    record.write_text(record.read_text("utf-8").replace("网站通知甲", "网站通知丙号").replace(
        "公开日期: 2026-11-02", "公开日期: 2026-11-03"), "utf-8")
    _edit(pc.root / "records/2026/R2026-014.yaml", f"公开渠道: [政府网站, {BOARD}]", f"公开渠道: [{BOARD}]")
    run = subprocess.Popen([sys.executable, "-m", "gongkai", "build-site", str(pc.root), "--out", str(site), "--today",
                            DAY], env={**os.environ, "GONGKAI_TODAY": DAY}, start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if run.poll() is None:
        os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    build_equals_fresh(gk, pc.root, site)
    assert not (site / "files").exists() and "苏阿森" not in text_of(site)


# 6. Random sequences: every update equals a fresh build, and nothing that may not be published survives -------------

def _edit(path: Path, old: str, new: str) -> None:
    if path.exists():
        path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")


def _ops(root: Path) -> dict[str, object]:
    records = root / "records/2026"
    return {
        "retitle": lambda n: _edit(records / "R2026-010.yaml", "题名: ", f"题名: 第{n}版"),
        "request only": lambda n: _edit(records / "R2026-010.yaml", "公开属性: 主动公开", "公开属性: 依申请公开"),
        "board only": lambda n: _edit(records / "R2026-014.yaml", f"公开渠道: [政府网站, {BOARD}]", f"公开渠道: [{BOARD}]"),
        "item off the web": lambda n: _edit(root / "items/shjz/SHJZ-001.yaml", "公开渠道: [政府网站, ", "公开渠道: ["),
        "item on wechat": lambda n: _edit(root / "items/shjz/SHJZ-001.yaml", "公开渠道: [", "公开渠道: [两微一端, "),
        "item on request": lambda n: _edit(root / "items/shjz/SHJZ-001.yaml", "公开方式: 主动", "公开方式: 依申请"),
        "renumbered": lambda n: _edit(records / "R2026-010.yaml", "编号: R2026-010", "编号: R2026-090"),
        "moved": lambda n: (records / "R2026-010.yaml").exists() and (records / "R2026-010.yaml").rename(
            root / "records/R2026-010.yaml"),
        "deleted": lambda n: (records / "R2026-016.yaml").unlink(missing_ok=True),
        "attachment gone": lambda n: (root / "files/2026/R2026-014.pdf").unlink(missing_ok=True),
        "withdrawn": lambda n: (records / "R2026-010.yaml").exists() and _append(
            records / "R2026-010.yaml", f"撤回:\n  日期: 2026-11-{20 + n % 10}\n  原因: 误发\n", "撤回:"),
        "shares the list": lambda n: (records / "R2026-010.yaml").exists() and _append(
            records / "R2026-010.yaml", "附件:\n  - 文件: files/2026/R2026-014.pdf\n", "附件:"),
        "published later": lambda n: _edit(records / "R2026-010.yaml", "公开日期: 2026-11-02", f"公开日期: 2026-12-0{1 + n}"),
        "longer period": lambda n: _edit(records / "R2026-014.yaml", "公示期: 7", f"公示期: {8 + n % 5}"),
        "no address": lambda n: _edit(root / "gongkai.yaml", f"  基础地址: {BASE}\n", ""),
        "new title": lambda n: _edit(root / "gongkai.yaml", "  标题: ", f"  标题: 第{n}版"),
    }


def _append(path: Path, text: str, key: str) -> None:
    if key not in path.read_text("utf-8"):
        with path.open("a", encoding="utf-8") as stream:
            stream.write(text)


SITE_EDITS = [_same_size_edit, _appended, _planted_list, _empty_folder, _deleted]


@pytest.mark.parametrize("seed", range(int(os.environ.get("GONGKAI_HOSTILE18_SEEDS", "6"))))
def test_random_edits_days_and_hand_edits_keep_the_site_equal_to_a_fresh_build(gk, pc, tmp_path, seed):
    rng = random.Random(seed)
    ops = _ops(pc.root)
    site = tmp_path / "site"
    day = dt.date(2026, 11, 27)
    assert gk("build-site", pc.root, "--out", site, "--today", day.isoformat()).code == 0
    steps = []
    for n in range(6):
        kind = rng.choice(["catalog", "catalog", "day", "back", "site"])
        if kind == "catalog":
            name = rng.choice(sorted(ops))
            ops[name](n)  # type: ignore[operator]
        elif kind == "day":
            day += dt.timedelta(days=rng.choice([1, 3, 6, 12]))
            name = f"day {day}"
        elif kind == "back":
            day -= dt.timedelta(days=rng.choice([1, 5, 40]))
            name = f"back {day}"
        else:
            edit = rng.choice(SITE_EDITS)
            name = edit.__name__
            if (site / "records/R2026-010.html").exists() and (site / "files/2026").is_dir() and not (site / "old").exists():
                edit(site)
        search = [] if rng.random() < 0.7 else ["--no-search"]  # a preview without the index, then with it again
        steps.append(f"{name} {' '.join(search)}".strip())
        before = entries(site)
        run = gk("build-site", pc.root, "--out", site, "--today", day.isoformat(), *search)
        if run.code == 2 and "上次按" in run.err:  # taken back past an ended list or a withdrawal: nothing written
            assert entries(site) == before, steps
            continue
        assert run.code == 0, (steps, run.err)
        fresh = tmp_path / f"fresh-{n}"
        assert gk("build-site", pc.root, "--out", fresh, "--today", day.isoformat(), "--no-cache", *search).code == 0
        made, expected = entries(site), entries(fresh)
        assert sorted(made) == sorted(expected), steps
        assert [name for name in expected if made[name] != expected[name]] == [], steps
        text = text_of(site)
        for never in (*NEVER, "陈金水", "手工", "网站通知乙"):
            assert never not in text, (steps, never)
        shutil.rmtree(fresh)
