"""gongkai log ITEM_ID and substantive_history on real git repositories, shallow clones included."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from conftest import ITEM, Run, git
from gongkai.history import substantive_history

Gk = Callable[..., Run]
ITEM_PATH = "catalog/items/shjz/SHJZ-001.yaml"


def change(top: Path, rel: str, old: str, new: str, message: str) -> None:
    path = top / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", message)


def build_history(repo: Path) -> None:
    change(repo, ITEM_PATH, "公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 实时公开", "低保审批信息改为实时公开\n\n依据县政务公开办意见。")
    change(repo, ITEM_PATH, "二级事项: 审批信息", "二级事项: 审批结果", "改二级事项名称")
    change(repo, "catalog/records/2026/R2026-001.yaml", "页数: 1", "页数: 2", "更正页数")
    (repo / "catalog/items/shjz/moved").mkdir()
    git(repo, "mv", ITEM_PATH, "catalog/items/shjz/moved/SHJZ-001.yaml")
    git(repo, "commit", "-q", "-m", "移动文件")


def test_log_lists_commits_newest_first(repo: Path, gk: Gk) -> None:
    build_history(repo)
    run = gk("log", "SHJZ-001", "-C", repo / "catalog")
    assert run.code == 0, run.err
    out = run.out
    assert out.startswith("SHJZ-001 的修改历史（4 次提交，最新的在前）")
    order = [out.index(s) for s in ("移动文件", "改二级事项名称", "低保审批信息改为实时公开", "初始目录")]
    assert order == sorted(order)
    assert "依据县政务公开办意见。" in out
    assert "[实质性] 修改 公开事项 SHJZ-001" in out
    assert "公开时限：「制定或获取信息之日起10个工作日内」→「实时公开」" in out
    assert "[文字性] 修改 公开事项 SHJZ-001" in out
    assert "文件移动：items/shjz/SHJZ-001.yaml → items/shjz/moved/SHJZ-001.yaml" in out
    assert "[实质性] 新增 公开事项 SHJZ-001" in out
    assert "更正页数" not in out
    assert "测试" in out  # the author


def test_log_json(repo: Path, gk: Gk) -> None:
    build_history(repo)
    data = gk("log", "R2026-001", "-C", repo / "catalog", "-f", "json").json()
    assert data["schema"] == "gongkai.log/1"
    assert [e["message"] for e in data["entries"]] == ["更正页数", "初始目录"]
    assert data["entries"][0]["changes"][0]["fields"][0]["field"] == "页数"


def test_log_unknown_id(repo: Path, gk: Gk) -> None:
    run = gk("log", "NOPE-001", "-C", repo / "catalog")
    assert run.code == 2
    assert "没有编号为「NOPE-001」" in run.err


def test_substantive_history(repo: Path) -> None:
    build_history(repo)
    (repo / "catalog/items/shjz/SHJZ-002.yaml").write_text(ITEM.replace("SHJZ-001", "SHJZ-002"), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "新增事项 SHJZ-002")
    entries = substantive_history(repo / "catalog")
    assert [e.message.splitlines()[0] for e in entries] == ["新增事项 SHJZ-002", "低保审批信息改为实时公开", "初始目录"]
    assert all(c.substantive for e in entries for c in e.changes)
    assert [(c.id, c.what) for c in entries[0].changes] == [("SHJZ-002", "added")]
    assert entries[0].author == "测试" and len(entries[0].commit) == 40
    assert entries[0].date >= entries[-1].date


def test_substantive_history_outside_git(cat: object) -> None:
    assert substantive_history(cat.root) == []  # type: ignore[attr-defined]


def shallow_clone(repo: Path, target: Path, depth: int) -> Path:
    subprocess.run(["git", "clone", "-q", f"--depth={depth}", f"file://{repo}", str(target)], check=True)
    return target


def test_shallow_clone(repo: Path, tmp_path: Path, gk: Gk) -> None:
    build_history(repo)
    clone = shallow_clone(repo, tmp_path / "clone", depth=2)
    run = gk("diff", "-C", clone / "catalog", "HEAD~3")
    assert run.code == 2
    assert "浅克隆" in run.err and "git fetch --unshallow" in run.err
    log = gk("log", "SHJZ-001", "-C", clone / "catalog")
    assert log.code == 0, log.err
    assert "移动文件" in log.out
    assert "浅克隆" in log.out
    assert "初始目录" not in log.out
    assert "新增 公开事项" not in log.out  # the cut-off commit is not mistaken for the item's creation
    entries = substantive_history(clone / "catalog")
    assert entries and entries[-1].truncated and not any(c.what == "added" for e in entries for c in e.changes)
