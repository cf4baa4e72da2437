"""JSON Schema of the catalog files, with Chinese titles, for editors that check YAML as the user types."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from gongkai.model import Agency, Item, Record

SCHEMAS: dict[str, tuple[type[BaseModel], str, str]] = {
    "item": (Item, "公开事项（政务公开事项标准目录的一行）",
             "标准目录的一行：官方表格的各列，加上五公开、领域和责任单位；一个事项一个文件"),
    "record": (Record, "公开信息（公文、公示、解读等）",
               "登记的一件信息：题名、文号、公开属性、保密审查等；只有主动公开的才有正文和附件上网、移交两馆"),
    "gongkai": (Agency, "机关设置（gongkai.yaml）", "本机关的总配置：机关、领域、单位、移交两馆、依申请公开、领导、网站和检查"),
}

# What the editor shows on hovering a key whose value is one of these parts. pydantic would show the model's class
# name and its docstring, which are written for programmers in English; a part not listed here shows neither.
PARTS: dict[str, tuple[str, str]] = {
    "Attachment": ("附件", "目录文件夹中的文件（files/ 下）；移交两馆只收 PDF 或 CEB"),
    "Review": ("保密审查", "谁审查、哪天审查、结论（《保守国家秘密法》，《条例》第十七条）"),
    "Withdrawal": ("撤回", "误公开的信息从这一天起从各渠道撤下"),
    "Domain": ("领域", "标准目录的业务领域：名称和代码（大写字母）"),
    "HandoverSettings": ("移交两馆", "主动公开信息定期移交县档案馆、图书馆（闽政办函〔2016〕42号）"),
    "Leader": ("领导", "领导信息（《条例》第二十条第（二）项）：姓名、职务"),
    "LintSettings": ("检查设置", "gongkai validate 的设置：规则的严重程度、解读时限、索引号"),
    "Organisation": ("机关", "本机关：名称、区划代码、地址、联系人、联系电话、电子邮箱"),
    "Recipient": ("接收单位", "接收移交的单位（县档案馆、县图书馆）"),
    "RequestDesk": ("依申请公开", "依申请公开的受理机构、地址、电话、办公时间、方式（《条例》第二十九条）"),
    "SiteSettings": ("网站", "政府信息公开栏目的设置：标题、简介、基础地址"),
    "Unit": ("单位", "本机关的股室（内设机构）或下属单位；事项和信息的「责任单位」填它的编号"),
    "Wording": ("严重表述错误", "不再使用的表述和应当改为的写法"),
}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of catalog file."""
    model, title, description = SCHEMAS[kind]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"gongkai-{kind}.schema.json"
    schema["title"], schema["description"] = title, description
    for name, part in schema.get("$defs", {}).items():
        for key in ("title", "description"):
            part.pop(key, None)
        if name in PARTS:
            part["title"], part["description"] = PARTS[name]
    return schema


def schema_files() -> dict[str, str]:
    """File name → JSON text for every schema."""
    return {
        f"{kind}.schema.json": json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for kind in SCHEMAS
    }
