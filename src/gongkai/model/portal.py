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


PORTAL_CUT_HINT = ("台账由 gongkai export portal 写入，不要手工修改：用 git 恢复原样（git log -- {path} 找到写入它的那次提交，"
                   "再 git checkout 那次提交 -- {path}）。")


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
    count: int | None = Field(None, alias="件数", ge=0, title="件数",
                              description="台账所列信息的条数（gongkai export portal 写入；与所列不符的台账被截断或删改过）")
    records: list[ExportedRecord] = Field(default_factory=list, alias="信息", title="导出的信息")

    @property
    def cut(self) -> str | None:
        """Why the records listed disagree with the 件数 written above them (a ledger cut short: what it lost would be
        sent to the portal again as 新增, a second copy on the portal), or None; a ledger written before gongkai
        counted has no 件数."""
        if self.count is None or self.count == len(self.records):
            return None
        return (f"门户导出台账的件数与所列的不符（件数{self.count}条、所列{len(self.records)}条）：台账被截断或删改过，"
                "gongkai 无从知道这次导出了哪些，照常导出会把缺少的当作新增再导出一次（门户上出现两份）")

    @property
    def id(self) -> str:
        """The export date as text: a ledger is known by its date."""
        return self.date.isoformat()


def portal_ledger_path(day: dt.date) -> str:
    """Where the ledger of an export lives in the catalog."""
    return f"portal/{day.isoformat()}.yaml"
