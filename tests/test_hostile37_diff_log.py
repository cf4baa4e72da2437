"""Hostile pass 37, angle «diff_log»: the reviewer of a pull request and the county 政务公开办 reading the 目录调整记录
page, on real git repositories in temp dirs, with the real CLI and expected values typed by hand.

Found by this pass:

1. An edit made in the commit that broke the file was lost from the history: 公开时限 changed from 10 to 5 working days
   and a key mistyped (「备 注」) in one commit, the key mended in the next. Each commit compared with its parent reads
   「无法比较」 (first the new version, then the old one has an error), so `gongkai log` never said that 公开时限 changed
   and the 目录调整记录 page on the portal, which lists only 实质性 changes, did not list it at all. An item that
   entered the catalog with an error and was mended later never appeared there as 新增 either. Now the commit that
   mends a file is compared with the last version of it that could be read (none: the item is 新增), and the log
   says so: 「本次提交修正了自 abc1234 起有错误、无法读取的文件：以下是与那次提交之前的版本相比的变化」
   (JSON: broken_since). In a shallow clone cut off before a readable version it stays 「无法比较」 (the clone's first
   commit would read as 新增).
2. `gongkai log` labelled such a change 「[文字性] 无法比较」 while `gongkai diff` lists it apart, 「是否实质性无法判断」:
   a reviewer skimming for [实质性] passed over it. The log now labels it 「[性质未定]」.

Seen and left alone:

- Comment-only, CRLF-only changes to items and gongkai.yaml: 「格式」, 文字性 (right).
- A record made 不予公开: 实质性, title and 正文 not shown (right).
- A path or a folder written where a revision goes: refused with exit 2 (a folder is only 「找不到版本」; minor).
- JSON keeps class 文字性 for 「无法比较」 as README documents (summary.invalid counts them).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import Run, git

Gk = Callable[..., Run]
ITEM = "catalog/items/shjz/SHJZ-001.yaml"
TEN = "公开时限: 制定或获取信息之日起10个工作日内"
FIVE = "公开时限: 制定或获取信息之日起5个工作日内"


def commit(top: Path, message: str) -> str:
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", message)
    return git(top, "rev-parse", "HEAD").strip()


def _edit(top: Path, old: str, new: str) -> None:
    path = top / ITEM
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _broken_then_mended(top: Path) -> tuple[str, str]:
    """公开时限 shortened in a commit that also breaks the file; the next commit mends only the key."""
    _edit(top, TEN, FIVE + "\n备 注: 按县里要求缩短")
    broke = commit(top, "缩短公开时限")
    _edit(top, "\n备 注: 按县里要求缩短", "")
    mended = commit(top, "修正键名")
    return broke, mended


def test_log_shows_the_edit_made_while_the_file_was_broken(repo: Path, gk: Gk) -> None:
    broke, _ = _broken_then_mended(repo)
    run = gk("log", "SHJZ-001", "-C", repo / "catalog")
    assert run.code == 0, run.err
    newest = run.out.split("\n\n")[1]
    assert "[实质性] 修改 公开事项 SHJZ-001" in newest
    assert "公开时限：「制定或获取信息之日起10个工作日内」→「制定或获取信息之日起5个工作日内」" in newest
    assert f"本次提交修正了自 {broke[:7]} 起有错误、无法读取的文件" in newest
    # the commit that broke it is still listed, and not passed off as 文字性
    older = run.out.split("\n\n")[2]
    assert "[性质未定] 无法比较 公开事项 SHJZ-001" in older
    assert "[文字性]" not in run.out

    data = gk("log", "SHJZ-001", "-C", repo / "catalog", "-f", "json").json()
    assert isinstance(data, dict)
    change = data["entries"][0]["changes"][0]
    assert change["change"] == "modified" and change["class"] == "实质性"
    assert change["broken_since"] == broke
    assert [(f["field"], f["old"], f["new"]) for f in change["fields"]] == [
        ("公开时限", "制定或获取信息之日起10个工作日内", "制定或获取信息之日起5个工作日内")]


def test_directory_changes_page_lists_the_edit(repo: Path, gk: Gk, tmp_path: Path) -> None:
    _broken_then_mended(repo)
    out = tmp_path / "site"
    run = gk("build-site", repo / "catalog", "--out", out)
    assert run.code == 0, run.err
    page = (out / "changes" / "index.html").read_text(encoding="utf-8")
    assert "制定或获取信息之日起5个工作日内" in page
    assert "本次提交" not in page  # the note is for the log's reader, not the portal's


def test_item_added_broken_and_mended_is_added(repo: Path, gk: Gk) -> None:
    item = (repo / ITEM).read_text(encoding="utf-8")
    new = repo / "catalog/items/shjz/SHJZ-002.yaml"
    new.write_text(item.replace("SHJZ-001", "SHJZ-002").replace(TEN, TEN + "\n备 注: 新增"), encoding="utf-8")
    added = commit(repo, "新增事项")
    new.write_text(item.replace("SHJZ-001", "SHJZ-002"), encoding="utf-8")
    commit(repo, "修正")
    run = gk("log", "SHJZ-002", "-C", repo / "catalog")
    assert run.code == 0, run.err
    newest = run.out.split("\n\n")[1]
    assert "[实质性] 新增 公开事项 SHJZ-002" in newest
    assert f"自 {added[:7]} 起" in newest


def test_broken_and_mended_back_to_the_same_stays_uncompared(repo: Path, gk: Gk) -> None:
    _edit(repo, TEN, TEN + "\n备 注: x")
    commit(repo, "写坏")
    _edit(repo, "\n备 注: x", "")
    commit(repo, "改回")
    run = gk("log", "SHJZ-001", "-C", repo / "catalog")
    newest = run.out.split("\n\n")[1]
    assert "[性质未定] 无法比较 公开事项 SHJZ-001" in newest
    assert "本次提交修正了" not in newest


def test_broken_over_several_commits(repo: Path, gk: Gk) -> None:
    _edit(repo, TEN, FIVE + "\n备 注: a")
    broke = commit(repo, "一")
    _edit(repo, "备 注: a", "备 注: b")
    commit(repo, "二")
    _edit(repo, "\n备 注: b", "")
    commit(repo, "三")
    run = gk("log", "SHJZ-001", "-C", repo / "catalog")
    newest = run.out.split("\n\n")[1]
    assert f"自 {broke[:7]} 起" in newest
    assert "公开时限：「制定或获取信息之日起10个工作日内」→「制定或获取信息之日起5个工作日内」" in newest


def test_shallow_clone_cut_before_the_readable_version_is_no_addition(repo: Path, gk: Gk, tmp_path: Path) -> None:
    """CI clones with --depth: the commit that broke the file is the last one fetched, what it was before is not
    there; the mending commit stays 「无法比较」, never 「新增」 (a shallow boundary reads as the file's first commit)."""
    broke, mended = _broken_then_mended(repo)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth=2", repo.as_uri(), str(clone))
    run = gk("log", "SHJZ-001", "-C", clone / "catalog")
    assert run.code == 0, run.err
    newest = run.out.split("\n\n")[1]
    assert mended[:7] in newest
    assert "[性质未定] 无法比较 公开事项 SHJZ-001" in newest
    assert "新增" not in run.out and "本次提交修正了" not in run.out
    assert f"{broke[:7]}  历史到此为止" in run.out
