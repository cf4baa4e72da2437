"""gongkai diff on the edges: what each side is called, and the counts of each kind of change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import ITEM, RECORD, Run, git
from test_diff import ITEM_PATH, commit, edit

Gk = Callable[..., Run]


def test_each_side_is_named_as_the_user_wrote_it_with_its_short_commit(repo: Path, gk: Gk) -> None:
    base = git(repo, "rev-parse", "HEAD").strip()
    edit(repo / ITEM_PATH, "二级事项: 审批信息", "二级事项: 审批结果")
    head = commit(repo, "改二级事项")
    catalog = repo / "catalog"
    run = gk("diff", "-C", catalog, base, "HEAD")
    assert run.out.splitlines()[0] == f"目录变化：{base[:7]} → HEAD（{head[:7]}）"
    run = gk("diff", "-C", catalog, base[:10], "main")
    assert run.out.splitlines()[0] == f"目录变化：{base[:7]} → main（{head[:7]}）"
    edit(repo / ITEM_PATH, "二级事项: 审批结果", "二级事项: 审批信息")
    run = gk("diff", "-C", catalog)
    assert run.out.splitlines()[0] == f"目录变化：HEAD（{head[:7]}） → 工作区"
    run = gk("diff", "-C", catalog, "--since", "2000-01-01")
    assert run.out.splitlines()[0] == "目录变化：（空目录） → 工作区"
    run = gk("diff", "-C", catalog, "--since", "2099-01-01")  # the last commit before that day: HEAD
    assert run.out.splitlines()[0] == f"目录变化：2099-01-01前（{head[:7]}） → 工作区"
    data = gk("diff", "-C", catalog, base, head, "-f", "json").json()
    assert data["from"] == {"rev": base, "commit": base} and data["to"] == {"rev": head, "commit": head}


def test_the_summary_counts_each_kind_of_change(repo: Path, gk: Gk) -> None:
    catalog = repo / "catalog"
    (catalog / "items/shjz/SHJZ-002.yaml").write_text(ITEM.replace("SHJZ-001", "SHJZ-002"), encoding="utf-8")
    (catalog / "items/shjz/SHJZ-003.yaml").write_text(ITEM.replace("SHJZ-001", "SHJZ-003"), encoding="utf-8")
    base = commit(repo, "三个事项")
    (catalog / "items/shjz/SHJZ-003.yaml").unlink()  # removed: 实质性
    edit(catalog / "items/shjz/SHJZ-002.yaml", "二级事项: 审批信息", "二级事项: 审批结果")  # modified: 文字性
    git(repo, "mv", "catalog/records/2026/R2026-001.yaml", "catalog/records/2026/R2026-001-a.yaml")  # moved
    edit(catalog / "items/shjz/SHJZ-001.yaml", "一级事项: 最低生活保障", "一级事项: '最低生活保障'")  # format
    (catalog / "records/2026/R2026-002.yaml").write_text(RECORD.replace("R2026-001", "R2026-002")
                                                         .replace("00001", "00002"), encoding="utf-8")  # added
    (catalog / "records/2026/R2026-003.yaml").write_text("编号: R2026-003\n题名: [未写完\n", encoding="utf-8")
    data = gk("diff", "-C", catalog, base, "-f", "json").json()
    assert data["summary"] == {"total": 6, "substantive": 1, "textual": 5, "added": 1, "removed": 1, "modified": 1,
                               "moved": 1, "format": 1, "invalid": 1}
    assert [(c["kind"], c["id"], c["change"]) for c in data["changes"]] == [
        ("item", "SHJZ-001", "format"), ("item", "SHJZ-002", "modified"), ("item", "SHJZ-003", "removed"),
        ("record", "R2026-001", "moved"), ("record", "R2026-002", "added"), ("record", "R2026-003", "invalid")]
    invalid = data["changes"][-1]
    assert invalid["side"] == "new" and invalid["new_path"] == "records/2026/R2026-003.yaml"
    assert invalid["old_path"] is None and invalid["problems"][0]["path"] == "records/2026/R2026-003.yaml"
    assert data["changes"][3]["moved"] is True and data["changes"][1]["moved"] is False
