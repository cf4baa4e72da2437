"""移交台账: one file per delivered handover batch (catalog/handover/<YYYY-MM-DD>.yaml), written by gongkai handover."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from gongkai.model.base import CatalogModel, Day, ObjectId, Text


class Period(CatalogModel):
    """The days a batch covers: from the day after the previous batch to the batch date."""

    start: Day = Field(alias="开始", title="开始")
    end: Day = Field(alias="结束", title="结束")


class SentFile(CatalogModel):
    """One electronic document handed over, with its checksum."""

    file: Text = Field(alias="文件", title="文件", description="目录中的附件路径，如 files/2026/R2026-012.pdf")
    sha256: str = Field(alias="sha256", pattern=r"^[0-9a-f]{64}$", title="SHA-256")
    withheld_from: list[ObjectId] = Field(
        default_factory=list, alias="未送", title="未送的接收单位",
        description="这个文件含公示名单（个人信息），没有送交的接收单位编号，如 [tsg]（gongkai handover 写入）",
    )


class SentRecord(CatalogModel):
    """One record handed over in the batch."""

    id: ObjectId = Field(alias="编号", title="信息编号")
    index_number: Text | None = Field(None, alias="索引号", title="索引号")
    # the 目录表 row as the 两馆 signed for it: a batch made again prints these, and GK510 says when the record differs
    title: Text | None = Field(None, alias="题名", title="题名", description="送交时目录表中的题名（gongkai handover 写入）")
    doc_number: Text | None = Field(None, alias="文号", title="文号", description="送交时目录表中的文号（gongkai handover 写入）")
    pages: int | None = Field(None, alias="页数", ge=1, title="页数", description="送交时目录表中的页数（gongkai handover 写入）")
    files: list[SentFile] = Field(default_factory=list, alias="文件", title="电子文件")
    remark: Text | None = Field(None, alias="备注", title="备注")


class RecallEntry(CatalogModel):
    """One record this batch's 撤换公函 asked the 两馆 to withdraw or replace (sent once per record)."""

    id: ObjectId = Field(alias="编号", title="信息编号")
    index_number: Text | None = Field(None, alias="索引号", title="索引号")
    action: Literal["撤回", "替代", "更换"] = Field(
        alias="方式", title="撤换方式", description="撤回：误发布；替代：被新文件替代；更换：送交后文件已修改，随本批送交新版本")
    sent_in: Day = Field(alias="原批次", title="原送交批次", description="这条信息送交两馆的批次日期")
    replaced_by: ObjectId | None = Field(None, alias="替代信息", title="替代信息", description="替代它的信息编号")


class Counts(CatalogModel):
    """What a ledger lists, counted as it was written: a ledger cut short (a bad merge, a copy interrupted, lines
    deleted by hand) loads as a smaller batch — what it lost would be sent again — unless its counts say otherwise."""

    records: int = Field(alias="信息", ge=0, title="信息件数")
    files: int = Field(alias="电子文件", ge=0, title="电子文件件数")
    recalls: int = Field(0, alias="撤换", ge=0, title="撤换件数")


class Ledger(CatalogModel):
    """A delivered handover batch: what went to which recipients, and when."""

    date: Day = Field(alias="批次日期", title="批次日期")
    made: Day | None = Field(None, alias="生成日期", title="生成日期",
                             description="晚于批次日期才生成、送交（补做）的批次：实际送交的日期（gongkai handover 写入）")
    period: Period = Field(alias="覆盖期间", title="覆盖期间")
    recipients: list[ObjectId] = Field(alias="接收单位", min_length=1, title="接收单位", description="接收单位的编号")
    counts: Counts | None = Field(None, alias="件数", title="件数",
                                  description="台账所列的信息、电子文件和撤换的件数（gongkai handover 写入；与所列不符的台账被截断或删改过）")
    records: list[SentRecord] = Field(default_factory=list, alias="信息", title="移交的信息")
    recalls: list[RecallEntry] = Field(default_factory=list, alias="撤换", title="撤换",
                                       description="随本批发出撤换公函的已送交信息（gongkai handover 写入）")
    remark: Text | None = Field(None, alias="备注", title="备注")
    baseline: bool = Field(
        False, alias="补登", title="补登", description="true：启用 gongkai 之前已送交两馆、事后补登的台账（送交日期不详）"
    )

    @property
    def id(self) -> str:
        """The batch date as text: a ledger is known by its date."""
        return self.date.isoformat()

    @property
    def delivered(self) -> dt.date:
        """The day the batch was really handed over: the day it was made, when that was after its batch date."""
        return self.made or self.date

    def listed(self) -> Counts:
        """What the ledger lists now, counted as its 件数 counts."""
        return Counts.model_validate({"信息": len(self.records), "电子文件": sum(len(r.files) for r in self.records),
                                      "撤换": len(self.recalls)})

    def record_ids(self) -> list[str]:
        """Ids of the records handed over in this batch."""
        return [r.id for r in self.records]


WITHDRAWN = "撤回"


def holdings(ledgers: Iterable[Ledger]) -> dict[str, dt.date]:
    """Record id → the batch whose copy of it the 两馆 hold: the last batch that sent it, unless a later batch's
    撤换公函 asked for it back (撤回). A record withdrawn, asked back, then restored (its 撤回 deleted, or re-judged
    主动公开 again) is held by nobody: the next batch sends it again."""
    held: dict[str, dt.date] = {}
    for ledger in sorted(ledgers, key=lambda ledger: ledger.date):
        for entry in ledger.recalls:
            if entry.action == WITHDRAWN:
                held.pop(entry.id, None)
        for sent in ledger.records:
            held[sent.id] = ledger.date
    return held


def ledger_path(day: dt.date) -> str:
    """Where the ledger of a batch lives in the catalog."""
    return f"handover/{day.isoformat()}.yaml"
