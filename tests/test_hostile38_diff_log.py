"""Hostile pass 38, angle «diff_log»: the reviewer of a pull request and the county 政务公开办, on real git
repositories in temp dirs, with the real CLI and expected values typed by hand.

Found by this pass:

1. An item file renamed only in case (items/shjz/SHJZ-001.yaml → shjz-001.yaml, as a Windows tool or a zip round trip
   leaves it) was 「[实质性] 删除 公开事项 SHJZ-001」 in `gongkai log SHJZ-001`, though `gongkai diff` of the same
   commit said 移动 and the item was still in the catalog; the edits made to it after the rename were not listed at all.
   `gongkai log shjz-001` then answered 「是否想查「shjz-001」？」, the very id typed. Now the log follows the file under
   any case of its name (移动, then the edits), and the hint names the id the file holds (「SHJZ-001」).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import Run, git

Gk = Callable[..., Run]
ITEM = "catalog/items/shjz/SHJZ-001.yaml"
LOWER = "catalog/items/shjz/shjz-001.yaml"
TEN = "公开时限: 制定或获取信息之日起10个工作日内"
FIVE = "公开时限: 制定或获取信息之日起5个工作日内"


def commit(top: Path, message: str) -> str:
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", message)
    return git(top, "rev-parse", "HEAD").strip()


def _renamed_in_case(top: Path) -> None:
    """Renamed to lower case, shortened there, renamed back."""
    git(top, "mv", ITEM, LOWER)
    commit(top, "文件名改成小写")
    path = top / LOWER
    text = path.read_text(encoding="utf-8")
    assert TEN in text
    path.write_text(text.replace(TEN, FIVE), encoding="utf-8")
    commit(top, "缩短公开时限")
    git(top, "mv", LOWER, ITEM)
    commit(top, "文件名改回")


def test_log_follows_a_file_renamed_only_in_case(repo: Path, gk: Gk) -> None:
    _renamed_in_case(repo)
    run = gk("log", "SHJZ-001", "-C", repo / "catalog")
    assert run.code == 0, run.err
    assert "SHJZ-001 的修改历史（4 次提交，最新的在前）" in run.out
    assert "删除" not in run.out
    blocks = run.out.split("\n\n")[1:]
    assert "> 文件名改回" in blocks[0]
    assert "[文字性] 移动 公开事项 SHJZ-001" in blocks[0]
    assert "文件移动：items/shjz/shjz-001.yaml → items/shjz/SHJZ-001.yaml" in blocks[0]
    assert "> 缩短公开时限" in blocks[1]
    assert "公开时限：「制定或获取信息之日起10个工作日内」→「制定或获取信息之日起5个工作日内」" in blocks[1]
    assert "> 文件名改成小写" in blocks[2]
    assert "文件移动：items/shjz/SHJZ-001.yaml → items/shjz/shjz-001.yaml" in blocks[2]
    assert "> 初始目录" in blocks[3] and "[实质性] 新增 公开事项 SHJZ-001" in blocks[3]

    data = gk("log", "SHJZ-001", "-C", repo / "catalog", "-f", "json", "--no-cache").json()
    assert isinstance(data, dict)
    assert [[c["change"] for c in e["changes"]] for e in data["entries"]] == [
        ["moved"], ["modified"], ["moved"], ["added"]]


def test_log_while_the_file_is_named_in_lower_case(repo: Path, gk: Gk) -> None:
    git(repo, "mv", ITEM, LOWER)
    commit(repo, "文件名改成小写")
    run = gk("log", "SHJZ-001", "-C", repo / "catalog")
    assert run.code == 0, run.err
    newest = run.out.split("\n\n")[1]
    assert "[文字性] 移动 公开事项 SHJZ-001" in newest
    assert "[实质性] 删除" not in run.out

    # the id typed as the file is named: the hint is the id the file holds, not the very text typed
    run = gk("log", "shjz-001", "-C", repo / "catalog")
    assert run.code == 2
    assert "是否想查「SHJZ-001」？" in run.err
    assert "是否想查「shjz-001」" not in run.err
