"""gongkai diff -f json, field by field: every kind of field change and an unreadable file, written out in full.

Other tools read this JSON (CI, the 目录调整公告 script): every key and both values of a change that is only spacing
or order must be there, not only its class. Expected values are typed from the fixture (conftest.ITEM).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import ITEM, Run
from test_diff import ITEM_PATH, RECORD_PATH, commit, edit

Gk = Callable[..., Run]


def fields(gk: Gk, repo: Path) -> list[dict[str, object]]:
    data = gk("diff", "-C", repo / "catalog", "-f", "json").json()
    [change] = data["changes"]  # type: ignore[index]
    assert change["change"] == "modified" and change["class"] == "文字性"
    return change["fields"]  # type: ignore[no-any-return]


def test_a_value_respaced_keeps_both_values(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "公开主体: 县级人民政府民政部门", "公开主体: 县级人民政府 民政部门")
    assert fields(gk, repo) == [{"field": "公开主体", "how": "whitespace", "class": "文字性",
                                 "old": "县级人民政府民政部门", "new": "县级人民政府 民政部门"}]


def test_a_list_reordered_keeps_both_orders(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]",
         "公开渠道: [社区/企事业单位/村公示栏（电子屏）, 政府网站]")
    assert fields(gk, repo) == [{"field": "公开渠道", "how": "order", "class": "文字性",
                                 "old": ["政府网站", "社区/企事业单位/村公示栏（电子屏）"],
                                 "new": ["社区/企事业单位/村公示栏（电子屏）", "政府网站"]}]


def test_a_list_element_respaced_is_whitespace_not_order(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "  - 低保对象名单及相关信息\n", "  - 低保对象名单 及相关信息\n")
    assert fields(gk, repo) == [{"field": "公开内容", "how": "whitespace", "class": "文字性",
                                 "old": ["低保对象名单及相关信息"], "new": ["低保对象名单 及相关信息"]}]


def test_an_unreadable_file_names_code_message_file_line_and_column(repo: Path, gk: Gk) -> None:
    (repo / ITEM_PATH).write_text(ITEM.replace("公开对象: 全社会", "公开对象: [全社会\n"), encoding="utf-8")
    data = gk("diff", "-C", repo / "catalog", "-f", "json").json()
    [change] = data["changes"]  # type: ignore[index]
    assert (change["change"], change["side"], change["fields"]) == ("invalid", "new", [])
    # line 13 of the item is 「公开对象: [全社会」: the list opens at its 7th character
    assert change["problems"] == [{"code": "GK001", "message": "这里开始的方括号列表没有闭合或格式不对",
                                   "path": "items/shjz/SHJZ-001.yaml", "line": 13, "column": 7}]


def test_a_full_width_space_inside_a_group_of_fields_is_whitespace(repo: Path, gk: Gk) -> None:
    """保密审查 is a group (审查人, 审查日期, 结论): an ideographic space U+3000 added in 结论 is spacing too."""
    edit(repo / RECORD_PATH, "结论: 不涉及国家秘密，同意主动公开", "结论: 不涉及国家秘密，同意\u3000主动公开")
    assert fields(gk, repo) == [{"field": "保密审查", "how": "whitespace", "class": "文字性",
                                 "old": {"审查人": "张三", "审查日期": "2026-09-01", "结论": "不涉及国家秘密，同意主动公开"},
                                 "new": {"审查人": "张三", "审查日期": "2026-09-01",
                                         "结论": "不涉及国家秘密，同意\u3000主动公开"}}]


def test_a_date_changed_is_written_as_the_catalog_writes_it(repo: Path, gk: Gk) -> None:
    edit(repo / RECORD_PATH, "公开日期: 2026-09-03", "公开日期: 2026-09-04")
    assert fields(gk, repo) == [{"field": "公开日期", "how": "changed", "class": "文字性",
                                 "old": "2026-09-03", "new": "2026-09-04"}]
    assert "公开日期：「2026-09-03」→「2026-09-04」" in gk("diff", "-C", repo / "catalog").out


def committed_changes(repo: Path, gk: Gk, first: tuple[str, str], second: tuple[str, str]) -> list[dict[str, Any]]:
    """The changes between two commits: the fixture's item edited by *first*, then *second* (old, new text)."""
    revs = []
    for old, new in (first, second):
        edit(repo / ITEM_PATH, old, new)
        revs.append(commit(repo, f"{old} → {new}"))
    return gk("diff", "-C", repo / "catalog", *revs, "-f", "json").json()["changes"]  # type: ignore[index, no-any-return]


def test_an_alias_kept_while_the_file_changes_otherwise_is_only_a_format_change(repo: Path, gk: Gk) -> None:
    changes = committed_changes(repo, gk, ("公开对象: 全社会", "公开对象: 社会公众"),
                                ("公开对象: 社会公众", "公开对象: 社会公众  # 别称，沿用"))
    assert [(c["change"], c["class"], c["fields"]) for c in changes] == [("format", "文字性", [])]


def test_an_alias_replaced_by_another_value_is_a_change_not_an_alias(repo: Path, gk: Gk) -> None:
    [change] = committed_changes(repo, gk, ("公开对象: 全社会", "公开对象: 社会公众"), ("公开对象: 社会公众", "公开对象: 特定群体"))
    assert change["fields"] == [{"field": "公开对象", "how": "changed", "class": "实质性", "old": "全社会",
                                 "new": "特定群体"}]


def test_two_aliases_in_one_list_are_named_together(repo: Path, gk: Gk) -> None:
    [change] = committed_changes(repo, gk, ("公开层级: [县级, 乡级]", "公开层级: [县, 乡]"),
                                 ("公开层级: [县, 乡]", "公开层级: [县级, 乡级]"))
    assert change["fields"] == [{"field": "公开层级", "how": "alias", "class": "文字性", "old": "县、乡",
                                 "new": ["县级", "乡级"]}]


BROKEN = ITEM.replace("公开对象: 全社会", "公开对象: [全社会\n")


def invalid(gk: Gk, repo: Path, *revs: str) -> tuple[str, str, str]:
    data = gk("diff", "-C", repo / "catalog", *revs, "-f", "json").json()
    [change] = data["changes"]  # type: ignore[index]
    return change["change"], change["side"], change["class"]


def test_an_unreadable_old_version_is_named_old(repo: Path, gk: Gk) -> None:
    (repo / ITEM_PATH).write_text(BROKEN, encoding="utf-8")
    commit(repo, "写坏了")
    (repo / ITEM_PATH).write_text(ITEM, encoding="utf-8")
    assert invalid(gk, repo) == ("invalid", "old", "文字性")
    assert "旧版本的文件有错误，无法比较内容：" in gk("diff", "-C", repo / "catalog").out


def test_unreadable_on_both_sides_is_named_both(repo: Path, gk: Gk) -> None:
    (repo / ITEM_PATH).write_text(BROKEN, encoding="utf-8")
    commit(repo, "写坏了")
    (repo / ITEM_PATH).write_text(BROKEN.replace("一级事项: 最低生活保障", "一级事项: 最低生活保障金"), encoding="utf-8")
    assert invalid(gk, repo) == ("invalid", "both", "文字性")
    assert "两个版本的文件有错误，无法比较内容：" in gk("diff", "-C", repo / "catalog").out


def test_an_unreadable_file_deleted_is_removed(repo: Path, gk: Gk) -> None:
    (repo / ITEM_PATH).write_text(BROKEN, encoding="utf-8")
    commit(repo, "写坏了")
    (repo / ITEM_PATH).unlink()
    assert invalid(gk, repo)[:2] == ("removed", "old")
