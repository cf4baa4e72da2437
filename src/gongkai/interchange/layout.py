"""The official table layout of the standard directory: its columns, tick marks and multi-line cells."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.model import vocab

TICKED = "■"
UNTICKED = "□"
TICK_MARKS = frozenset("■√✓✔☑✅●▣")
UNTICK_MARKS = frozenset("□☐○×✗")
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

# Header spellings seen in real directories, mapped to the column key.
LABELS: dict[str, str] = {
    "序号": "序号",
    "一级事项": "一级事项",
    "二级事项": "二级事项",
    "三级事项": "三级事项",
    "公开内容（要素）": "公开内容",
    "公开内容(要素)": "公开内容",
    "公开内容": "公开内容",
    "公开依据": "公开依据",
    "公开时限": "公开时限",
    "公开主体": "公开主体",
    "公开渠道和载体": "公开渠道",
    "公开渠道": "公开渠道",
    "五公开": "五公开",
    "五公开类别": "五公开",
    "责任单位": "责任单位",
    "责任科室": "责任单位",
    "责任股室": "责任单位",
    "编号": "编号",
    "事项编号": "编号",
}
SUB_LABELS: dict[str, str] = {
    "全社会": "公开对象=全社会",
    "特定群体": "公开对象=特定群体",
    "特定群众": "公开对象=特定群体",
    "主动": "公开方式=主动",
    "主动公开": "公开方式=主动",
    "依申请": "公开方式=依申请",
    "依申请公开": "公开方式=依申请",
    "县级": "公开层级=县级",
    "县": "公开层级=县级",
    "乡级": "公开层级=乡级",
    "乡镇级": "公开层级=乡级",
    "乡镇": "公开层级=乡级",
}


def columns(with_level3: bool) -> tuple[Column, ...]:
    """The table's columns in order; 三级事项 only when some item has one."""
    head = (SERIAL, LEVEL1, LEVEL2, LEVEL3) if with_level3 else (SERIAL, LEVEL1, LEVEL2)
    return head + TAIL


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
            line += "（" + "、".join(others) + "）"
        lines.append(line)
    return "\n".join(lines)


def list_cell(values: list[str]) -> str:
    """A list in one cell: a single plain line, or one ●-bulleted line per element."""
    if len(values) == 1 and not _SPLITTABLE.search(values[0]) and not _PREFIX.match(values[0]):
        return values[0]
    return "\n".join(f"{BULLET}{v}" for v in values)


_SPLITTABLE = re.compile(r"[；;\n]")
_PREFIX = re.compile(r"^\s*(?:[●•·▪◆◇○\-*]|\d{1,2}\s*[.、．)）]|[（(]\d{1,2}[)）]|[①-⑳])\s*")


def split_list(text: str) -> list[str]:
    """Elements of a list written in one cell: one per line (bulleted or numbered), or separated by ；."""
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip()]
    if len(lines) == 1 and not _PREFIX.match(lines[0]):
        lines = [p.strip() for p in re.split(r"[；;]", lines[0]) if p.strip()]
    elements = [_PREFIX.sub("", line, count=1).strip().rstrip("；;") for line in lines]
    return [e for e in elements if e]
