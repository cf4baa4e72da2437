"""公开事项: one row of the standard directory (政务公开事项标准目录)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from gongkai.model import vocab
from gongkai.model.base import CatalogModel, ObjectId, Text

# The vocabularies live in one module (vocab); these Literal types are built from it.
FiveDisclosure = Literal[vocab.FIVE_DISCLOSURES]  # type: ignore[valid-type]
Channel = Literal[vocab.CHANNELS]  # type: ignore[valid-type]
Audience = Literal[vocab.AUDIENCES]  # type: ignore[valid-type]
Mode = Literal[vocab.MODES]  # type: ignore[valid-type]
Level = Literal[vocab.LEVELS]  # type: ignore[valid-type]
Format = Literal[vocab.FORMATS]  # type: ignore[valid-type]
ColumnKind = Literal[vocab.COLUMN_KINDS]  # type: ignore[valid-type]
LawCategory = Literal[vocab.LAW_CATEGORY_NAMES]  # type: ignore[valid-type]


class Item(CatalogModel):
    """A disclosure item with every official column plus 五公开, 领域 and 责任单位."""

    id: ObjectId = Field(alias="编号", title="编号", description="事项编号，永不改变，与文件名一致，如 SHJZ-001")
    domain: Text = Field(alias="领域", title="领域", description="业务领域，须是 gongkai.yaml「领域」中的名称")
    five: FiveDisclosure = Field(alias="五公开", title="五公开", description="决策、执行、管理、服务、结果公开之一")
    law_category: LawCategory | None = Field(
        None, alias="法定类别", title="法定主动公开内容类别", description="《条例》第二十条的类别，如 领导信息、规范性文件"
    )
    level1: Text = Field(alias="一级事项", title="一级事项", description="公开事项（一级）")
    level2: Text | None = Field(None, alias="二级事项", title="二级事项", description="公开事项（二级），可省略")
    level3: Text | None = Field(None, alias="三级事项", title="三级事项", description="公开事项（三级），可省略")
    contents: list[Text] = Field(alias="公开内容", min_length=1, title="公开内容（要素）", description="一条要素一行")
    basis: list[Text] = Field(alias="公开依据", min_length=1, title="公开依据", description="法律法规和文件")
    deadline: Text = Field(alias="公开时限", title="公开时限", description="如：制定或获取信息之日起10个工作日内")
    publisher: Text = Field(alias="公开主体", title="公开主体", description="如：县级人民政府民政部门")
    channels: list[Channel] = Field(alias="公开渠道", min_length=1, title="公开渠道和载体", description="13个标准渠道")
    other_channels: list[Text] = Field(
        default_factory=list, alias="其他渠道", title="其他渠道", description="勾选「其他」时写明的渠道"
    )
    audience: Audience = Field(alias="公开对象", title="公开对象", description="全社会 或 特定群体")
    mode: Mode = Field(alias="公开方式", title="公开方式", description="主动 或 依申请")
    levels: list[Level] = Field(alias="公开层级", min_length=1, title="公开层级", description="县级、乡级，可都选")
    unit: ObjectId = Field(alias="责任单位", title="责任单位", description="gongkai.yaml 中单位的编号")
    formats: list[Format] = Field(default_factory=list, alias="公开格式", title="公开格式", description="文本、图表等")
    phone: Text | None = Field(None, alias="咨询电话", title="咨询电话", description="可选")
    note: Text | None = Field(None, alias="备注", title="备注", description="可选")
    column_kind: ColumnKind | None = Field(
        None, alias="栏目类型", title="栏目类型",
        description="动态要闻、通知公告、政策文件、人事规划、办事服务、基本信息；不填时按事项名称推定",
    )
    blank_note: Text | None = Field(
        None, alias="空白说明", title="空白说明",
        description="没有公开信息时在栏目页上说明原因，如：本机关本年度未产生此类信息",
    )

    @property
    def name(self) -> str:
        """The item's full name: 一级事项 / 二级事项 / 三级事项."""
        return " / ".join(p for p in (self.level1, self.level2, self.level3) if p)

    @property
    def order(self) -> tuple[str, int, str]:
        """Where the item stands among its 领域's items: by the number of its 编号, as the official table lists them
        (SHJZ-9 before SHJZ-10, SHJZ-999 before SHJZ-1000), not by its text."""
        prefix, _, number = self.id.rpartition("-")
        return (prefix, int(number), self.id) if number.isdigit() else (self.id, 0, self.id)
