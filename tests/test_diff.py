"""gongkai diff on real git repositories: matched by id, field changes, classes, formats, errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import os
import subprocess

import pytest

from conftest import ITEM, Run, git

Gk = Callable[..., Run]


def commit(top: Path, message: str) -> str:
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", message)
    return git(top, "rev-parse", "HEAD").strip()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


ITEM_PATH = "catalog/items/shjz/SHJZ-001.yaml"
RECORD_PATH = "catalog/records/2026/R2026-001.yaml"


def test_no_changes_exits_zero(repo: Path, gk: Gk) -> None:
    run = gk("diff", "-C", repo / "catalog")
    assert run.code == 0
    assert "目录没有变化" in run.out
    assert gk("diff", "-C", repo / "catalog", "--exit-code").code == 0


def test_worktree_field_changes_are_classed(repo: Path, gk: Gk) -> None:
    item = repo / ITEM_PATH
    edit(item, "制定或获取信息之日起10个工作日内", "制定或获取信息之日起5个工作日内")
    edit(item, "  - 低保对象名单及相关信息\n", "  - 低保对象名单\n  - 保障金额\n")
    edit(item, "公开渠道: [政府网站, ", "公开渠道: [政府网站, 两微一端, ")
    run = gk("diff", "-C", repo / "catalog")
    assert run.code == 0, run.err
    assert "实质性 1 处" in run.out
    assert "修改 公开事项 SHJZ-001「最低生活保障 / 审批信息」" in run.out
    assert "公开时限：「制定或获取信息之日起10个工作日内」→「制定或获取信息之日起5个工作日内」" in run.out
    assert "公开内容：新增「低保对象名单」「保障金额」；删除「低保对象名单及相关信息」" in run.out
    assert "公开渠道：新增「两微一端」" in run.out
    assert gk("diff", "-C", repo / "catalog", "--exit-code").code == 1


def test_textual_only_field_is_not_substantive(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "二级事项: 审批信息", "二级事项: 审批结果信息")
    data = gk("diff", "-C", repo / "catalog", "-f", "json").json()
    assert data["summary"]["substantive"] == 0
    [change] = data["changes"]
    assert change["class"] == "文字性"
    assert change["fields"] == [{"field": "二级事项", "how": "changed", "class": "文字性",
                                 "old": "审批信息", "new": "审批结果信息"}]


def test_alias_to_canonical_is_textual(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "公开对象: 全社会", "公开对象: 社会公众")
    first = commit(repo, "用了别称")
    edit(repo / ITEM_PATH, "公开对象: 社会公众", "公开对象: 全社会")
    second = commit(repo, "改为标准名称")
    data = gk("diff", "-C", repo / "catalog", f"{first}..{second}", "-f", "json").json()
    [change] = data["changes"]
    assert change["class"] == "文字性"
    assert change["fields"] == [{"field": "公开对象", "how": "alias", "class": "文字性", "old": "社会公众", "new": "全社会"}]
    text = gk("diff", "-C", repo / "catalog", first, second).out
    assert "公开对象：别称「社会公众」改为标准名称「全社会」" in text


def test_whitespace_and_format_only(repo: Path, gk: Gk) -> None:
    item = repo / ITEM_PATH
    edit(item, "公开主体: 县级人民政府民政部门", "公开主体: 县级人民政府 民政部门")
    edit(item, "一级事项: 最低生活保障", "一级事项: '最低生活保障'   # 引号")
    data = gk("diff", "-C", repo / "catalog", "-f", "json").json()
    [change] = data["changes"]
    assert change["class"] == "文字性"
    assert [(f["field"], f["how"]) for f in change["fields"]] == [("公开主体", "whitespace")]
    edit(item, "公开主体: 县级人民政府 民政部门", "公开主体: 县级人民政府民政部门")
    data = gk("diff", "-C", repo / "catalog", "-f", "json").json()
    assert [(c["change"], c["class"]) for c in data["changes"]] == [("format", "文字性")]


def test_added_removed_and_moved_by_id(repo: Path, gk: Gk) -> None:
    base = git(repo, "rev-parse", "HEAD").strip()
    catalog = repo / "catalog"
    (catalog / "items/shjz/SHJZ-002.yaml").write_text(ITEM.replace("SHJZ-001", "SHJZ-002"), encoding="utf-8")
    git(repo, "mv", "catalog/records/2026/R2026-001.yaml", "catalog/records/2026/R2026-001-moved.yaml")
    head = commit(repo, "新增事项，移动信息")
    run = gk("diff", "-C", catalog, base, head)
    assert "新增 公开事项 SHJZ-002" in run.out
    assert "移动 公开信息 R2026-001" in run.out
    assert "文件移动：records/2026/R2026-001.yaml → records/2026/R2026-001-moved.yaml" in run.out
    assert "实质性 1 处，文字性 1 处" in run.out
    back = gk("diff", "-C", catalog, head, base, "-f", "json").json()
    assert {(c["id"], c["change"], c["class"]) for c in back["changes"]} == {
        ("SHJZ-002", "removed", "实质性"), ("R2026-001", "moved", "文字性"),
    }


def test_record_attribute_change_is_substantive(repo: Path, gk: Gk) -> None:
    record = repo / RECORD_PATH
    edit(record, "公开属性: 主动公开", "公开属性: 依申请公开")
    data = gk("diff", "-C", repo / "catalog", "-f", "json").json()
    [change] = data["changes"]
    assert change["class"] == "实质性"
    assert {"field": "公开属性", "how": "changed", "class": "实质性", "old": "主动公开", "new": "依申请公开"} in change["fields"]


def test_invalid_file_is_reported_not_a_crash(repo: Path, gk: Gk) -> None:
    (repo / ITEM_PATH).write_text(ITEM.replace("公开对象: 全社会", "公开对象: [全社会\n"), encoding="utf-8")
    run = gk("diff", "-C", repo / "catalog")
    assert run.code == 0, run.err
    assert "无法比较 公开事项 SHJZ-001" in run.out
    assert "新版本的文件有错误" in run.out
    assert "items/shjz/SHJZ-001.yaml" in run.out


def test_unknown_revision_exits_2(repo: Path, gk: Gk) -> None:
    run = gk("diff", "-C", repo / "catalog", "no-such-branch")
    assert run.code == 2
    assert "找不到版本「no-such-branch」" in run.err


def test_not_a_git_repository(cat: object, gk: Gk) -> None:
    run = gk("diff", "-C", cat.root)  # type: ignore[attr-defined]
    assert run.code == 2
    assert "不在 git 仓库中" in run.err


def commit_at(top: Path, message: str, date: str) -> None:
    """Commit with a fixed author and committer date (ISO), as --since reads committer dates."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "王五", "GIT_AUTHOR_EMAIL": "w@example.org", "GIT_COMMITTER_NAME": "王五",
           "GIT_COMMITTER_EMAIL": "w@example.org", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "add", "-A"], cwd=top, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=top, check=True, env=env)


def test_since_date(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "公开方式: 主动", "公开方式: 依申请")
    commit_at(repo, "改为依申请", "2030-01-10T10:00:00+08:00")
    edit(repo / ITEM_PATH, "二级事项: 审批信息", "二级事项: 审批结果")
    commit_at(repo, "改二级事项", "2030-03-10T10:00:00+08:00")
    run = gk("diff", "-C", repo / "catalog", "--since", "2030-02-01")
    assert "二级事项：「审批信息」→「审批结果」" in run.out
    assert "公开方式" not in run.out
    everything = gk("diff", "-C", repo / "catalog", "--since", "2000-01-01", "HEAD")
    assert "新增 公开事项 SHJZ-001" in everything.out  # nothing existed before 2000: everything is new
    assert gk("diff", "-C", repo / "catalog", "--since", "2000-13-01").code == 2


def test_since_date_up_to_a_revision(repo: Path, gk: Gk) -> None:
    """--since DATE REV: from the last commit before DATE to REV — the revision written is not ignored."""
    edit(repo / ITEM_PATH, "公开方式: 主动", "公开方式: 依申请")
    commit_at(repo, "改为依申请", "2030-01-10T10:00:00+08:00")
    edit(repo / ITEM_PATH, "二级事项: 审批信息", "二级事项: 审批结果")
    commit_at(repo, "改二级事项", "2030-03-10T10:00:00+08:00")
    edit(repo / ITEM_PATH, "公开对象: 全社会", "公开对象: 特定群众")  # not committed
    run = gk("diff", "-C", repo / "catalog", "--since", "2030-02-01", "HEAD")
    assert "二级事项：「审批信息」→「审批结果」" in run.out
    assert "公开对象" not in run.out and "公开方式" not in run.out
    worktree = gk("diff", "-C", repo / "catalog", "--since", "2030-02-01")
    assert "公开对象" in worktree.out and "二级事项" in worktree.out
    both = gk("diff", "-C", repo / "catalog", "--since", "2030-02-01", "HEAD~1", "HEAD")
    assert both.code == 2 and "只能再写一个新版本" in both.err


def test_chinese_paths_and_messages(repo: Path, gk: Gk) -> None:
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "mv", ITEM_PATH, "catalog/items/shjz/低保.yaml")
    head = commit(repo, "把文件改成中文名（不推荐）")
    run = gk("diff", "-C", repo / "catalog", f"{base}..{head}")
    assert "文件移动：items/shjz/SHJZ-001.yaml → items/shjz/低保.yaml" in run.out


def test_catalog_in_repo_root(tmp_path: Path, cat: object, gk: Gk) -> None:
    root = cat.root  # type: ignore[attr-defined]
    git(root, "init", "-q", "-b", "main")
    base = commit(root, "初始")
    edit(root / "items/shjz/SHJZ-001.yaml", "公开层级: [县级, 乡级]", "公开层级: [县级]")
    head = commit(root, "只在县级公开")
    run = gk("diff", "-C", root, base, head)
    assert "公开层级：删除「乡级」" in run.out


def test_markdown_for_pull_request(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 实时公开")
    edit(repo / RECORD_PATH, "页数: 1", "页数: 2")
    md = gk("diff", "-C", repo / "catalog", "-f", "markdown").out
    assert md.startswith("## 目录调整：")
    assert "### 实质性调整（1）" in md
    assert "- **修改** 公开事项 `SHJZ-001` 最低生活保障 / 审批信息" in md
    assert "<details><summary>文字性修改（1）</summary>" in md
    assert "  - 页数：「1」→「2」" in md


@pytest.mark.parametrize("args", [("HEAD", "HEAD"), ("HEAD..HEAD",)])
def test_same_revision_twice(repo: Path, gk: Gk, args: tuple[str, ...]) -> None:
    run = gk("diff", "-C", repo / "catalog", *args, "--exit-code")
    assert run.code == 0
    assert "目录没有变化" in run.out


def test_json_shape_is_versioned(repo: Path, gk: Gk) -> None:
    (repo / RECORD_PATH).unlink()
    data = gk("diff", "-C", repo / "catalog", "-f", "json").json()
    assert data["schema"] == "gongkai.diff/1"
    assert data["to"] == {"rev": "worktree", "commit": None}
    assert set(data["summary"]) == {"total", "substantive", "textual", "added", "removed", "modified", "moved",
                                   "format", "invalid"}
    assert data["summary"] == {"total": 1, "substantive": 0, "textual": 1, "added": 0, "removed": 1, "modified": 0,
                               "moved": 0, "format": 0, "invalid": 0}
    assert set(data["from"]) == {"rev", "commit"} and len(data["from"]["commit"]) == 40
    [change] = data["changes"]
    assert change == {"kind": "record", "id": "R2026-001", "name": "测试县民政局关于2026年第三季度低保对象名单的公示",
                      "change": "removed", "class": "文字性", "old_path": "records/2026/R2026-001.yaml",
                      "new_path": None, "moved": False, "fields": [], "problems": [], "side": None}


def test_a_list_field_in_json_names_what_was_added_and_removed(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "  - 低保对象名单及相关信息\n", "  - 低保对象名单\n  - 保障金额\n")
    [change] = gk("diff", "-C", repo / "catalog", "-f", "json").json()["changes"]
    assert change["fields"] == [{"field": "公开内容", "how": "list", "class": "实质性",
                                 "added": ["低保对象名单", "保障金额"], "removed": ["低保对象名单及相关信息"]}]


# The 9 实质性 fields, written out (DOMAIN.md: a change to what the public is owed), each with an edit of the item
# (or, for 公开属性, of the record) that must be classed 实质性 on its own.
SUBSTANTIVE_EDITS = {
    "公开内容": (ITEM_PATH, "  - 低保对象名单及相关信息\n", "  - 低保对象名单\n"),
    "公开依据": (ITEM_PATH, "《社会救助暂行办法》（国务院令第649号）", "《最低生活保障审核确认办法》"),
    "公开时限": (ITEM_PATH, "信息之日起10个工作日内", "信息之日起5个工作日内"),
    "公开主体": (ITEM_PATH, "公开主体: 县级人民政府民政部门", "公开主体: 乡镇人民政府"),
    "公开方式": (ITEM_PATH, "公开方式: 主动", "公开方式: 依申请"),
    "公开对象": (ITEM_PATH, "公开对象: 全社会", "公开对象: 特定群体"),
    "公开层级": (ITEM_PATH, "公开层级: [县级, 乡级]", "公开层级: [县级]"),
    "公开属性": (RECORD_PATH, "公开属性: 主动公开", "公开属性: 依申请公开"),
    "责任单位": (ITEM_PATH, "责任单位: shjzg", "责任单位: bgs"),
}


@pytest.mark.parametrize("field", sorted(SUBSTANTIVE_EDITS))
def test_each_substantive_field_alone_is_substantive(repo: Path, gk: Gk, field: str) -> None:
    path, old, new = SUBSTANTIVE_EDITS[field]
    edit(repo / path, old, new)
    data = gk("diff", "-C", repo / "catalog", "-f", "json").json()
    [change] = data["changes"]
    assert change["class"] == "实质性", change
    assert [(f["field"], f["class"]) for f in change["fields"] if f["field"] == field] == [(field, "实质性")]
    assert data["summary"]["substantive"] == 1


def test_the_substantive_fields_are_exactly_these_nine() -> None:
    from gongkai.diff import SUBSTANTIVE_FIELDS  # noqa: PLC0415

    assert SUBSTANTIVE_FIELDS == {"公开内容", "公开依据", "公开时限", "公开主体", "公开方式", "公开对象", "公开层级",
                                  "公开属性", "责任单位"}


def test_a_list_reordered_is_textual(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "公开层级: [县级, 乡级]", "公开层级: [乡级, 县级]")
    data = gk("diff", "-C", repo / "catalog", "-f", "json").json()
    [change] = data["changes"]
    assert (change["class"], data["summary"]["substantive"]) == ("文字性", 0)
    assert [(f["field"], f["how"], f["class"]) for f in change["fields"]] == [("公开层级", "order", "文字性")]


def test_fields_added_and_removed_names_and_the_order_of_kinds(repo: Path, gk: Gk) -> None:
    catalog = repo / "catalog"
    edit(catalog / "gongkai.yaml", "名称: 测试县民政局", "名称: 测试县民政事务局")
    edit(repo / ITEM_PATH, "责任单位: shjzg\n", "责任单位: shjzg\n备注: 新增的备注\n")
    edit(repo / RECORD_PATH, "文号: 测民〔2026〕1号\n", "")
    (catalog / "appeals/2026").mkdir(parents=True)
    (catalog / "appeals/2026/FY-2026-001.yaml").write_text(
        "编号: FY-2026-001\n类型: 行政复议\n收到日期: 2026-04-20\n", encoding="utf-8")
    data = gk("diff", "-C", catalog, "-f", "json").json()
    # agency first, then the items (the directory), then every other kind by name: appeal before record
    assert [(c["kind"], c["id"], c["name"], c["change"]) for c in data["changes"]] == [
        ("agency", "gongkai.yaml", "测试县民政事务局", "modified"),
        ("item", "SHJZ-001", "最低生活保障 / 审批信息", "modified"),
        ("appeal", "FY-2026-001", "", "added"),
        ("record", "R2026-001", "测试县民政局关于2026年第三季度低保对象名单的公示", "modified"),
    ]
    fields = {c["id"]: c["fields"] for c in data["changes"] if c["change"] == "modified"}
    assert fields["SHJZ-001"] == [{"field": "备注", "how": "added", "class": "文字性", "old": None,
                                   "new": "新增的备注"}]
    assert fields["R2026-001"] == [{"field": "文号", "how": "removed", "class": "文字性", "old": "测民〔2026〕1号",
                                    "new": None}]
