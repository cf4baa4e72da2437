"""Columns the official table lacks (五公开, 责任单位), inferred where the text allows it; else left missing."""

from __future__ import annotations

from typing import Any

from gongkai.model import Agency

# Checked in order: the first match wins. Words of the 二级事项 (else 一级事项) → 五公开.
FIVE_BY_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("办事指南", "服务指南", "办理", "咨询", "服务"), "服务公开"),
    (("名单", "审批信息", "审核信息", "结果", "统计", "公示"), "结果公开"),
    (("规划", "计划", "征求意见", "决策"), "决策公开"),
    (("政策", "法规", "文件"), "执行公开"),
    (("监督", "检查", "管理", "备案"), "管理公开"),
)


def infer_five(fields: dict[str, Any]) -> str | None:
    """The 五公开 category the 事项's name points to, or None when it says nothing clear."""
    for key in ("二级事项", "三级事项", "一级事项"):
        text = fields.get(key) or ""
        for words, five in FIVE_BY_WORDS:
            if any(word in text for word in words):
                return five
    return None


def infer_unit(domain: str, agency: Agency) -> str | None:
    """The unit whose name contains the 领域 (社会救助 → 社会救助股), when exactly one does."""
    found = [u.id for u in agency.units if domain in u.name]
    return found[0] if len(found) == 1 else None
