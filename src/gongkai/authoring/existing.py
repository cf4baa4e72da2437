"""Every item file on disk, valid or not: what `new` and `import` allocate ids around and never clobber."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gongkai.catalog import Catalog
from gongkai.catalog.decode import any_text, decode
from gongkai.catalog.normalize import normalize
from gongkai.catalog.yamlio import YamlFailure, parse_fast
from gongkai.diagnostics import Severity
from gongkai.model import Item


@dataclass(frozen=True)
class ItemFile:
    """One file under items/: its id (编号 inside, else the file name), its values as far as they can be read."""

    path: str
    item_id: str
    values: dict[str, Any]  # YAML key → value: the model's when valid, else the mapping as written (normalised)
    model: Item | None
    problem: str | None  # why the file fails to load (first error, with its line), None when it loads

    @property
    def key(self) -> tuple[str, str, str, str]:
        """(领域, 一级事项, 二级事项, 三级事项): how a row without 编号 finds its item."""
        return tuple(_text(self.values.get(k)) for k in ("领域", "一级事项", "二级事项", "三级事项"))  # type: ignore[return-value]

    @property
    def stem(self) -> str:
        return self.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


def item_files(catalog: Catalog) -> list[ItemFile]:
    """Every file of kind item, by path; those that fail validation included."""
    folders = {d.slug: d.name for d in catalog.agency.domains} if catalog.agency else {}
    found = []
    for path, parsed in sorted(catalog.files.items()):
        if parsed.kind != "item":
            continue
        if parsed.model is not None:
            found.append(ItemFile(path, parsed.model.id, parsed.model.model_dump(by_alias=True), parsed.model, None))
            continue
        raw = _raw(catalog, path)
        if raw and "领域" not in raw and (folder := path.split("/")[1] if path.count("/") > 1 else "") in folders:
            raw["领域"] = folders[folder]
        stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        found.append(ItemFile(path, _text(raw.get("编号")) or stem, raw, None, _first_error(parsed.diagnostics)))
    return found


def unread(catalog: Catalog, kind: str) -> list[tuple[str, dict[str, Any]]]:
    """(path, the mapping as far as it can be read) of every *kind* file that fails to load: a record with an alias,
    a NUL, a GBK encoding still holds its 编号 and 索引号, which no new record may take."""
    return [(path, _raw(catalog, path) or _written(catalog, path)) for path, parsed in sorted(catalog.files.items())
            if parsed.kind == kind and parsed.model is None]


_WRITTEN = re.compile(r"""^[ \t\u3000]*(编号|索引号)[ \t\u3000]*[:：][ \t\u3000]*["'“]?([^\s"'”#]+)""", re.MULTILINE)


def _written(catalog: Catalog, path: str) -> dict[str, Any]:
    """编号 and 索引号 as written on their lines of a file no YAML reader takes (GBK, a NUL, an alias, 10,000 brackets)."""
    text, _ = any_text(catalog.source.read(path).replace(b"\x00", b" "))
    found: dict[str, Any] = {}
    for key, value in _WRITTEN.findall(text or ""):
        found.setdefault(key, value)
    return found


def _raw(catalog: Catalog, path: str) -> dict[str, Any]:
    """The mapping as written, aliases made canonical; empty when the file is no readable YAML mapping."""
    text, _ = decode(catalog.source.read(path))
    try:
        tree = parse_fast(text) if text is not None else None
    except YamlFailure:
        return {}
    return normalize(tree)[0] if isinstance(tree, dict) else {}


def _first_error(diagnostics: list[Any]) -> str:
    errors = [d for d in diagnostics if d.severity is Severity.ERROR] or diagnostics
    if not errors:
        return "文件无法读取"
    first = errors[0]
    where = f"第{first.line}行：" if first.line else ""
    return f"{where}{first.message}"


def taken_ids(files: list[ItemFile]) -> set[str]:
    """Ids no new item may take: every 编号 written in a file and every file name, valid or not."""
    return {f.item_id for f in files} | {f.stem for f in files}


def named_by_records(catalog: Catalog) -> set[str]:
    """The item ids records name (事项), those of records that fail to load included: the id of an item deleted since
    stays named there, and a new item given it would silently take over that item's records (its 公示 listed under
    another 事项 on the site, the dangling reference validate reported gone)."""
    named = {record.item for _, record in catalog.models("record") if record.item}
    return named | {str(values["事项"]).strip() for _, values in unread(catalog, "record") if values.get("事项")}


def next_item_id(code: str, taken: set[str]) -> str:
    """The next free id of a 领域: CODE-NNN after the highest number in use, in any case (a file 「shjz-004.yaml」
    typed by hand is SHJZ-004 on Windows, and a second file of that name would overwrite it there)."""
    numbers = [int(i.rsplit("-", 1)[1]) for i in taken if re.fullmatch(rf"{re.escape(code)}-\d+", i, re.IGNORECASE)]
    return f"{code}-{max(numbers, default=0) + 1:03d}"
