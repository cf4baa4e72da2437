"""咨询/留言: the light register of questions the public sends (consultations/<year>/<id>.yaml).

The yearly inspection (国办秘函〔2019〕19号「互动回应差」) asks whether a site has a working consultation channel and
whether messages go unanswered for more than three months. The register records when each message arrived, through
which channel, what it was about and when it was answered. It is internal: no publisher reads it, and it holds no
name, phone number or address of the person who wrote.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from gongkai.model.base import CatalogModel, Day, ObjectId, Text

CHANNELS: tuple[str, ...] = ("网上留言", "电子邮件", "电话", "信函", "当面", "12345热线", "其他")
CHANNEL_ALIASES: dict[str, str] = {
    "留言": "网上留言", "网站留言": "网上留言", "在线咨询": "网上留言", "局长信箱": "网上留言", "网上": "网上留言",
    "邮件": "电子邮件", "电邮": "电子邮件", "来信": "信函", "邮寄": "信函", "来访": "当面", "现场": "当面",
    "12345": "12345热线", "热线": "12345热线", "12345政务服务热线": "12345热线",
}


def _channel(value: object) -> object:
    return CHANNEL_ALIASES.get(value.strip(), value.strip()) if isinstance(value, str) else value


InquiryChannel = Annotated[Literal["网上留言", "电子邮件", "电话", "信函", "当面", "12345热线", "其他"],
                           BeforeValidator(_channel)]


class Inquiry(CatalogModel):
    """One question or message from the public and when it was answered; kept internal, never published."""

    id: ObjectId = Field(alias="编号", title="编号", description="与文件名一致，如 ZX-2026-001")
    received: Day = Field(alias="收到日期", title="收到日期")
    channel: InquiryChannel = Field(
        alias="渠道", title="渠道", description="网上留言、电子邮件、电话、信函、当面、12345热线、其他"
    )
    topic: Text = Field(alias="主题", title="主题", description="所问的事，如：高龄津贴申领条件；不写留言人的姓名和电话")
    replied: Day | None = Field(None, alias="答复日期", title="答复日期", description="尚未答复时留空")
    unit: ObjectId | None = Field(None, alias="承办单位", title="承办单位", description="gongkai.yaml 中单位的编号")
    note: Text | None = Field(None, alias="备注", title="备注")

    def waited(self, today: dt.date) -> int:
        """Calendar days the message waited for its answer (until today while unanswered)."""
        end = self.replied if self.replied is not None else today
        return max((end - self.received).days, 0)
