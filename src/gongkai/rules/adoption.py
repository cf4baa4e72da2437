"""A new catalog (gongkai init): what init generated and the clerk has not confirmed yet."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ruamel.yaml.comments import CommentedMap

from gongkai.catalog.decode import decode
from gongkai.catalog.yamlio import YamlFailure, parse_positional
from gongkai.diagnostics import Location, Severity
from gongkai.rules.base import FILE, Context, Finding, rule

AGENCY = "gongkai.yaml"
MARK = "待确认"  # the end-of-line comment gongkai init puts on a 空白说明 it wrote (setup.agency_file.CONFIRM)
HINT = "核实「空白说明」的文字（不对就改写），然后删去这一行末尾的「# 待确认」注释。"


@rule("GK550", "blank-note-unconfirmed", "生成的空白说明尚待确认", Severity.INFO,
      what="列出 gongkai init 生成、行尾仍有「# 待确认」注释的空白说明（事项文件和 gongkai.yaml 的乡镇单位中）。",
      why="空白说明会显示在网站的栏目页上，向公众说明栏目为什么没有信息（国办秘函〔2019〕19号：确实没有信息的栏目应作出说明）；"
          "gongkai init 只能写一句通用的说明，是否属实要由本机关核实。",
      example="空白说明: 本栏目自2026年11月27日启用，暂未产生此类信息。  # 待确认",
      instead="空白说明: 本栏目自2026年11月27日启用，暂未产生此类信息。",
      scope=FILE)
def blank_note_unconfirmed(ctx: Context) -> Iterator[Finding]:
    catalog = ctx.catalog
    agency = _marked_tree(ctx, AGENCY)
    units = agency.get("单位") if isinstance(agency, CommentedMap) else None
    for index, unit in enumerate(units if isinstance(units, list) else []):
        if _marked(unit):
            yield Finding(Location(AGENCY, None, ("单位", index, "空白说明")),
                          f"{unit.get('名称', '乡镇单位')}的空白说明是 gongkai init 生成的，尚待确认", HINT)
    for path, item in catalog.models("item"):
        if item.blank_note and _marked(_marked_tree(ctx, path)):
            yield Finding(Location(path, item.id, ("空白说明",)),
                          f"事项 {item.id}「{item.name}」的空白说明是 gongkai init 生成的，尚待确认", HINT)


def _marked_tree(ctx: Context, path: str) -> Any:
    """The file as a round-trip tree when it mentions the mark at all (most files are never parsed twice)."""
    text, _ = decode(ctx.catalog.read(path))
    if text is None or MARK not in text:
        return None
    try:
        return parse_positional(text)
    except YamlFailure:
        return None


def _marked(mapping: Any) -> bool:
    """True when the 空白说明 of *mapping* carries the 待确认 comment."""
    if not isinstance(mapping, CommentedMap) or "空白说明" not in mapping:
        return False
    tokens = mapping.ca.items.get("空白说明") or []
    return any(MARK in getattr(token, "value", "") for token in tokens if token is not None)
