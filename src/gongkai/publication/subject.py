"""主题分类: the subject a record is filed under in the county's 政府信息公开目录 (DOMAIN.md §10, 安溪县's fields: 索引号,
主题分类, 发布机构, 文号 …). The record's page shows it and the portal export carries it: one answer for both."""

from __future__ import annotations

from gongkai.model import Item
from gongkai.model.agency import Agency


def subject_of(agency: Agency, kind: str, item: Item | None) -> str:
    """主题分类: the 领域's own when gongkai.yaml sets one, else 领域/一级事项, else the 文种."""
    if item is None:
        return kind
    domain = agency.domain(item.domain)
    if domain is not None and domain.subject:
        return domain.subject
    return f"{item.domain}/{item.level1}"
