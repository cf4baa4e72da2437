"""The standard directory's columns in the official order (国办发〔2019〕54号), as rows ready for a table."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.model import Item
from gongkai.model.vocab import CHANNELS

COLUMNS: tuple[str, ...] = (
    "序号", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
    "公开对象", "公开方式", "公开层级",
)


@dataclass(frozen=True)
class Row:
    """One item as the official table shows it (序号 is the position in the table)."""

    item: Item
    level1: str
    level2: str
    contents: list[str]
    basis: list[str]
    deadline: str
    publisher: str
    channels: list[str]
    audience: str
    mode: str
    levels: str

    def cells(self) -> list[str]:
        """Plain-text cells after 序号, for CSV and XLSX."""
        return [self.level1, self.level2, "；".join(self.contents), "；".join(self.basis), self.deadline,
                self.publisher, "；".join(self.channels), self.audience, self.mode, self.levels]


def row(item: Item) -> Row:
    """The item's columns in official order; channels in their printed order, 其他 spelled out."""
    channels = [c for c in CHANNELS if c in item.channels and c != "其他"]
    if "其他" in item.channels:
        channels.append("其他（" + "、".join(item.other_channels) + "）" if item.other_channels else "其他")
    level2 = " / ".join(p for p in (item.level2, item.level3) if p)
    return Row(item, item.level1, level2, list(item.contents), list(item.basis), item.deadline, item.publisher,
               channels, item.audience, item.mode, "、".join(item.levels))
