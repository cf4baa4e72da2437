"""The kinds of catalog file, their labels and folders: what listing the catalog needs, without the models.

A nothing-changed validate lists the catalog and answers from the cache; it must not pay for importing every pydantic
model. The readers of each kind (catalog.files.KINDS) are imported when a file is first parsed; the kinds a
capability reads (calendar/, consultations/) are named here and their module imported on first use (PROVIDERS).
"""

from __future__ import annotations

YAML_SUFFIXES = (".yaml", ".yml")

# What each kind of file holds, as users call it.
LABELS: dict[str, str] = {
    "agency": "机关设置", "item": "公开事项", "record": "公开信息", "ledger": "移交台账", "portal": "门户导出台账",
    "request": "依申请公开登记", "appeal": "行政复议诉讼登记", "annual": "年度报告数据", "notice": "节假日安排",
    "inquiry": "咨询留言登记",
}
# Names a clerk's gongkai.yaml ends up with (lower case, spaces taken out): Notepad adds .txt, Explorer hides it.
AGENCY_SLIPS = frozenset({"gongkai.yaml", "gongkai.yml", "gongkai.yaml.txt", "gongkai.yml.txt", "gongkai.txt"})
# Top folders of the catalog and the kind of YAML file each holds.
FOLDERS: dict[str, str] = {"items": "item", "records": "record", "handover": "ledger", "portal": "portal",
                           "requests": "request", "appeals": "appeal", "annual": "annual", "calendar": "notice",
                           "consultations": "inquiry"}
# Keys of the internal registers whose values may name who asked (申请人, 「陈金水本人的低保审批材料」, 「陈金水来电催办」,
# 「欧阳明远不服答复」): what they hold is shown nowhere outside the file — not under a finding, not in a diff.
# A consultation's 主题 and 备注 the same (「林雅娟询问其父亲低保为何停发」): the model asks for no name there, but clerks
# copy the message as it came.
PRIVATE_KEYS: dict[str, frozenset[str]] = {"request": frozenset({"申请人", "申请内容", "备注"}),
                                           "appeal": frozenset({"案由", "备注"}),
                                           "inquiry": frozenset({"主题", "备注"})}
# Fields of a record that is not 主动公开 whose values a diff, and a line shown under a finding, may show: its marking
# and metadata, never its content (题名, 文号, 正文, 附件 names…) nor free text that may retell it (保密审查's 结论,
# 撤回's 原因), which the gate keeps inside the building.
SHOWN_WHEN_WITHHELD: frozenset[str] = frozenset({
    "编号", "公开属性", "不予公开理由", "责任单位", "责任者", "事项", "文种", "成文日期", "公开日期", "公开渠道", "页数",
    "有效性", "有效性日期", "废止日期", "被替代", "替代", "解读", "转发", "报告年度", "公示期", "公示截止",
})
# The folder of attachments (PDF, CEB, pictures…): files, not YAML; records name them by their path under the catalog.
ATTACHMENTS = "files/"
# Kinds read by a capability outside the catalog package: the module that registers the kind's reader.
PROVIDERS: dict[str, str] = {"notice": "gongkai.holidays", "inquiry": "gongkai.consultations"}


def kind_of(path: str) -> str | None:
    """The kind of a catalog-relative path, or None when gongkai does not read it.

    .yaml and .yml in any case: Windows Explorer shows and keeps R2026-001.YAML as typed.
    """
    if not path.endswith(YAML_SUFFIXES) and not path.lower().endswith(YAML_SUFFIXES):
        return None
    if path == "gongkai.yaml":
        return "agency"
    slash = path.find("/")
    return FOLDERS.get(path[:slash]) if slash > 0 else None


def folder_label(path: str) -> str | None:
    """What the YAML folder holding *path* holds (公开信息, 公开事项…), or None when *path* is elsewhere."""
    slash = path.find("/")
    kind = FOLDERS.get(path[:slash]) if slash > 0 else None
    return LABELS.get(kind) if kind is not None else None
