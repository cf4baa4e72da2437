"""门户导出台账: one file per export to the county portal (catalog/portal/<YYYY-MM-DD>.yaml), written by gongkai export portal."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from gongkai.model.base import CatalogModel, Day, ObjectId, Text

FORMAT_ID = "gongkai.portal/1"

ADDED, CHANGED, WITHDRAWN, BASELINE = "新增", "更新", "撤回", "已在门户"
# What the webmaster does with an exported record; 已在门户 is only ever written to the ledger (--since).
Action = Literal["新增", "更新", "撤回", "已在门户"]


class ExportedRecord(CatalogModel):
    """One record of an export: what was done with it and the fingerprint of what was sent."""

    id: ObjectId = Field(alias="编号", title="信息编号")
    index_number: Text | None = Field(None, alias="索引号", title="索引号")
    title: Text = Field(alias="标题", title="标题")
    action: Action = Field(alias="操作", title="操作", description="新增、更新、撤回，或 已在门户（--since 之前已有）")
    fingerprint: str | None = Field(
        None, alias="指纹", pattern=r"^[0-9a-f]{64}$", title="指纹", description="所导出内容的 SHA-256；撤回时没有"
    )

    @property
    def on_portal(self) -> bool:
        """The portal shows this record after the export (it was not taken down)."""
        return self.action != WITHDRAWN


class PortalLedger(CatalogModel):
    """An export to the county portal: the day, the format, and every record it added, changed or withdrew."""

    date: Day = Field(alias="导出日期", title="导出日期")
    format: Text = Field(FORMAT_ID, alias="格式", title="导出格式")
    since: Day | None = Field(None, alias="起始日期", title="起始日期", description="--since：此前公开的信息已在门户上")
    records: list[ExportedRecord] = Field(default_factory=list, alias="信息", title="导出的信息")

    @property
    def id(self) -> str:
        """The export date as text: a ledger is known by its date."""
        return self.date.isoformat()


def portal_ledger_path(day: dt.date) -> str:
    """Where the ledger of an export lives in the catalog."""
    return f"portal/{day.isoformat()}.yaml"
