"""The official table layout of the standard directory: its columns, tick marks and multi-line cells."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.interchange.cells import split_list, split_names
from gongkai.model import vocab

TICKED = "■"
UNTICKED = "□"
BULLET = "●"


@dataclass(frozen=True)
class Column:
    """One column of the table: its key, the group header above it (if any), its label and width."""

    key: str
    group: str | None
    label: str
    width: float


# Keys: YAML key of the field, or "<field>=<value>" for a tick sub-column, or "序号".
SERIAL = Column("序号", None, "序号", 6)
LEVEL1 = Column("一级事项", "公开事项", "一级事项", 14)
LEVEL2 = Column("二级事项", "公开事项", "二级事项", 14)
LEVEL3 = Column("三级事项", "公开事项", "三级事项", 14)
TAIL: tuple[Column, ...] = (
    Column("公开内容", None, "公开内容（要素）", 36),
    Column("公开依据", None, "公开依据", 36),
    Column("公开时限", None, "公开时限", 18),
    Column("公开主体", None, "公开主体", 18),
    Column("公开渠道", None, "公开渠道和载体", 30),
    Column("公开对象=全社会", "公开对象", "全社会", 7),
    Column("公开对象=特定群体", "公开对象", "特定群体", 7),
    Column("公开方式=主动", "公开方式", "主动", 7),
    Column("公开方式=依申请", "公开方式", "依申请", 7),
    Column("公开层级=县级", "公开层级", "县级", 7),
    Column("公开层级=乡级", "公开层级", "乡级", 7),
    Column("五公开", None, "五公开", 10),
    Column("责任单位", None, "责任单位", 12),
    Column("编号", None, "编号", 12),
)

# Local columns after 编号, each only when some item of the sheet has it: the official columns keep their place.
EXTRAS: tuple[Column, ...] = (
    Column("公开格式", None, "公开格式", 12),
    Column("咨询电话", None, "咨询电话", 15),
    Column("备注", None, "备注", 24),
    Column("栏目类型", None, "栏目类型", 10),
    Column("法定类别", None, "法定类别", 12),
    Column("空白说明", None, "空白说明", 24),
)


def columns(with_level3: bool, extras: tuple[str, ...] = ()) -> tuple[Column, ...]:
    """The table's columns in order; 三级事项 only when some item has one, local *extras* (keys) at the end."""
    head = (SERIAL, LEVEL1, LEVEL2, LEVEL3) if with_level3 else (SERIAL, LEVEL1, LEVEL2)
    return head + TAIL + tuple(c for c in EXTRAS if c.key in extras)


def title(agency_name: str, domain: str) -> str:
    """The title row, e.g. 安溪县民政局社会救助领域基层政务公开标准目录."""
    return f"{agency_name}{domain}领域基层政务公开标准目录"


def tick(on: bool) -> str:
    return TICKED if on else UNTICKED


def channels_cell(channels: list[str], others: list[str]) -> str:
    """The 13 boxes, one per line in their printed order, ■ for ticked; 其他 names its extras."""
    lines = []
    for name in vocab.CHANNELS:
        line = tick(name in channels) + name
        if name == "其他" and others:
            line += "（" + names_cell(others) + "）"
        lines.append(line)
    return "\n".join(lines)


def list_cell(values: list[str]) -> str:
    """A list in one cell: a single plain line when it reads back as one element, else one ●-bulleted line each."""
    if len(values) == 1 and split_list(values[0]) == values:
        return values[0]
    return "\n".join(f"{BULLET}{v}" for v in values)


def names_cell(values: list[str]) -> str:
    """Names on one line (其他渠道): joined with 「、」, or with 「；」 when one holds a 「、」 or comma (one such name alone
    ends with 「；」), so that they read back as they were (cells.split_names)."""
    joined = "、".join(values)
    return joined if split_names(joined) == values else "；".join(values) + ("；" if len(values) == 1 else "")
