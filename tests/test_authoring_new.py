"""gongkai new item|record: next free id and 索引号, defaults, interactive prompts, a valid file."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from conftest import ITEM, CatalogDir, Run


def test_new_item_from_flags(gk: Callable[..., Run], cat: CatalogDir) -> None:
    run = gk("new", "item", "-C", cat.root, "--domain", "社会救助", "--five", "服务公开", "--level1", "临时救助",
             "--level2", "办事指南", "--content", "办理条件", "--content", "申请材料", "--level", "县级", "--level", "乡级",
             "--unit", "shjzg")
    assert run.code == 0, run.err
    text = (cat.root / "items/shjz/SHJZ-002.yaml").read_text(encoding="utf-8")
    assert text.startswith("编号: SHJZ-002\n领域: 社会救助\n五公开: 服务公开\n")
    assert "公开层级: [县级, 乡级]" in text and "  - 申请材料\n" in text
    assert gk("validate", cat.root).code == 0


def test_new_item_missing_flags_is_usage_error(gk: Callable[..., Run], cat: CatalogDir) -> None:
    run = gk("new", "item", "-C", cat.root, "--domain", "社会救助")
    assert run.code == 2 and "--level1" in run.err and "-i" in run.err
    assert not (cat.root / "items/shjz/SHJZ-002.yaml").exists()


def test_new_item_bad_value_not_written(gk: Callable[..., Run], cat: CatalogDir) -> None:
    run = gk("new", "item", "-C", cat.root, "--domain", "社会救助", "--five", "随便公开", "--level1", "x",
             "--content", "y", "--unit", "shjzg")
    assert run.code == 2 and "未写入" in run.err
    assert not (cat.root / "items/shjz/SHJZ-002.yaml").exists()


def test_new_record_next_index_number(gk: Callable[..., Run], cat: CatalogDir) -> None:
    policy = ITEM.replace("SHJZ-001", "SHJZ-002").replace("审批信息", "政策法规文件").replace("低保对象名单及相关信息", "政策文件")
    cat.item(policy, "items/shjz/SHJZ-002.yaml")
    run = gk("new", "record", "-C", cat.root, "--title", "关于某事的通知", "--kind", "通知", "--unit", "shjzg",
             "--attribute", "主动公开", "--item", "SHJZ-002", "--formed", "2026-11-20",
             "--reviewer", "李四", "--review-date", "2026-11-20")
    assert run.code == 0, run.err
    text = (cat.root / "records/2026/R2026-002.yaml").read_text(encoding="utf-8")
    assert "索引号: 350524-MZ-2026-00002" in text and "公开日期: 2026-11-20" in text
    assert "  审查人: 李四\n  审查日期: 2026-11-20\n  结论: 不涉及国家秘密，同意主动公开\n" in text and "&" not in text


def test_new_record_never_invents_a_review(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Without --reviewer and --review-date no 保密审查 is written: GK303 sends the record back for review."""
    run = gk("new", "record", "-C", cat.root, "--title", "关于某事的通知", "--kind", "通知", "--unit", "shjzg",
             "--attribute", "主动公开", "--item", "SHJZ-001", "--formed", "2026-11-20")
    text = (cat.root / "records/2026/R2026-002.yaml").read_text(encoding="utf-8")
    assert "保密审查" not in text and "张三" not in text  # 张三 is the agency's contact: never the reviewer by default
    assert run.code == 1 and "GK303" in run.out and "没有填写保密审查" in run.out


def test_new_record_review_needs_reviewer_and_date(gk: Callable[..., Run], cat: CatalogDir) -> None:
    run = gk("new", "record", "-C", cat.root, "--title", "关于某事的通知", "--kind", "通知", "--unit", "shjzg",
             "--attribute", "主动公开", "--item", "SHJZ-001", "--formed", "2026-11-20", "--reviewer", "李四")
    assert run.code == 2 and "--review-date" in run.err
    assert not (cat.root / "records/2026/R2026-002.yaml").exists()


def test_new_record_interactive(gk: Callable[..., Run], cat: CatalogDir, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("内部讨论纪要\n其他\nbgs\n\n不予公开\n\n过程性信息\n"))
    run = gk("new", "record", "-C", cat.root, "-i")
    assert run.code == 0, run.err
    text = (cat.root / "records/2026/R2026-002.yaml").read_text(encoding="utf-8")
    assert "不予公开理由: 过程性信息" in text and "成文日期: 2026-11-27" in text and "索引号" not in text
