"""JSON Schema of the catalog files, with Chinese titles, for editors that check YAML as the user types."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from gongkai.model import Agency, Item, Record

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "item": (Item, "公开事项（政务公开事项标准目录的一行）"),
    "record": (Record, "公开信息（公文、公示、解读等）"),
    "gongkai": (Agency, "机关设置（gongkai.yaml）"),
}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of catalog file."""
    model, title = SCHEMAS[kind]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"gongkai-{kind}.schema.json"
    schema["title"] = title
    return schema


def schema_files() -> dict[str, str]:
    """File name → JSON text for every schema."""
    return {
        f"{kind}.schema.json": json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for kind in SCHEMAS
    }
