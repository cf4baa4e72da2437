"""gongkai new item|record as a library: next free id and 索引号, a valid file in house style."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from gongkai.authoring import document
from gongkai.authoring.existing import ItemFile, item_files, named_by_records, next_item_id, taken_ids, unread
from gongkai.catalog import Catalog, invisible
from gongkai.catalog.normalize import FIELDS, normalize
from gongkai.catalog.schema_errors import explain_errors
from gongkai.errors import UsageProblem
from gongkai.files_io import write_atomic
from gongkai.model import Item, Record, vocab


def next_record_id(catalog: Catalog, year: int) -> str:
    """R<year>-NNN after the highest number of that year: of the records read, and of the record files that fail to
    load (their file names and the 编号 written in them: `new` once answered 「R2026-002.yaml 已经存在」)."""
    unreadable = unread(catalog, "record")
    taken = [*catalog.records, *(str(values.get("编号", "")) for _, values in unreadable),
             *(path.rsplit("/", 1)[-1].rsplit(".", 1)[0] for path, _ in unreadable)]
    numbers = [int(m.group(1)) for i in taken if (m := re.fullmatch(rf"R{year}-(\d+)", i.strip(), re.IGNORECASE))]
    return f"R{year}-{max(numbers, default=0) + 1:03d}"


def next_index_number(catalog: Catalog, year: int) -> str:
    """The next 索引号 of *year*: the highest one in use with its last number raised, else <前缀>-<year>-00001.

    The prefix is gongkai.yaml 检查 → 索引号前缀, or <区划代码>-MZ when it is not set.
    """
    used = [r.index_number for r in catalog.records.values() if r.index_number] + \
        [str(values["索引号"]).strip() for _, values in unread(catalog, "record") if values.get("索引号")]
    own = [n for n in used if n.startswith(configured_prefix(catalog) + "-")]
    used = own or used  # a record copied from another bureau keeps its 索引号: never number on after that one
    same_year = [n for n in used if f"-{year}-" in n and re.search(r"\d+$", n)]
    if same_year:
        last = max(same_year, key=lambda n: int(re.search(r"(\d+)$", n).group(1)))  # type: ignore[union-attr]
        digits = re.search(r"(\d+)$", last).group(1)  # type: ignore[union-attr]
        return last[: -len(digits)] + f"{int(digits) + 1:0{len(digits)}d}"
    template = next((n for n in used if _NUMBERED.search(n)), None)
    if template:
        return f"{_NUMBERED.sub('', template)}-{year}-{1:0{len(template.rsplit('-', 1)[1])}d}"
    return f"{configured_prefix(catalog)}-{year}-00001"


_NUMBERED = re.compile(r"-\d{4}-\d+$")  # the year and the running number that end a 索引号


def configured_prefix(catalog: Catalog) -> str:
    """The 索引号前缀 of gongkai.yaml, or <区划代码>-MZ when it is not set."""
    agency = catalog.agency
    return (agency.lint.index_prefix or f"{agency.org.division_code}-MZ") if agency else "000000-MZ"


def index_prefixes(catalog: Catalog) -> list[str]:
    """Every 索引号前缀 the agency numbers with: the one new records get, and those of the 索引号 already in use."""
    used = (_NUMBERED.sub("", r.index_number) for r in catalog.records.values()
            if r.index_number and _NUMBERED.search(r.index_number))
    return sorted({configured_prefix(catalog), *used})


def item_path(catalog: Catalog, fields: dict[str, Any]) -> str:
    domain = catalog.agency.domain(fields["领域"]) if catalog.agency else None
    folder = domain.slug if domain else str(fields["编号"]).split("-")[0].lower()
    return f"items/{folder}/{fields['编号']}.yaml"


def new_item_fields(catalog: Catalog, fields: dict[str, Any]) -> dict[str, Any]:
    """*fields* with the next free 编号 of its 领域 (every file under items/ counts, valid or not)."""
    agency = catalog.agency
    domain = agency.domain(fields["领域"]) if agency else None
    if domain is None:
        names = "、".join(d.name for d in agency.domains) if agency else ""
        raise UsageProblem(f"领域「{fields['领域']}」不在 gongkai.yaml 中（可选：{names}）")
    taken = taken_ids(item_files(catalog)) | named_by_records(catalog)  # invalid files count too, and the ids records name
    return {"编号": next_item_id(domain.code, taken), **fields}


def new_record_fields(catalog: Catalog, fields: dict[str, Any], today: dt.date | None = None) -> dict[str, Any]:
    """*fields* with the next 编号, and the next 索引号 when the record is 主动公开; UsageProblem for a 成文日期 after
    *today*: its year names the record for good (R2062-001 for a 2026 typed 2062), so a typo is refused, not kept."""
    formed = dt.date.fromisoformat(str(fields["成文日期"]))
    if today is not None and formed > today:
        raise UsageProblem(f"成文日期 {formed.isoformat()} 在今天（{today.isoformat()}）之后，未新建：成文日期是文件签发的"
                           f"日期，请核对年份和月份（编号和索引号按成文日期的年份取，这里会是 R{formed.year}-…，而编号一经使用不再更改）")
    year = formed.year
    if fields.get("事项"):
        fields["事项"] = item_id(catalog, str(fields["事项"]))
    result = {"编号": next_record_id(catalog, year), **fields}
    if fields.get("公开属性") == "主动公开" and not fields.get("索引号"):
        result["索引号"] = next_index_number(catalog, year)
    return result


def item_id(catalog: Catalog, typed: str) -> str:
    """The id of the item *typed* names, as import matches a 编号 (case and full width aside), or by its name (「最低生活
    保障 / 审批信息」, typed with a space, 「（）」 or 「—」 between the levels, or the 一级事项 alone when one item has
    it); UsageProblem naming the items that fit, or all of them."""
    files = item_files(catalog)
    ids = sorted(taken_ids(files))
    wanted = unicodedata.normalize("NFKC", typed).strip().casefold()
    found = next((i for i in ids if i.casefold() == wanted), None)
    if found is not None:
        return found
    named = _items_named(files, typed)
    if len(named) == 1:
        return named[0].item_id
    if named:
        listed = "、".join(f"{f.item_id}（{_item_name(f)}）" for f in named)
        raise UsageProblem(f"「{typed}」是{len(named)}个事项的名称：{listed}，未新建：请写其中一个的编号，"
                           f"如 --item {named[0].item_id}")
    near = [f for f in files if (key := _name_key(typed)) and key in _name_key(_item_name(f))]
    shown = "、".join(f"{f.item_id}（{_item_name(f)}）" for f in near[:12]) if near else \
        "、".join(ids[:12]) + ("……" if len(ids) > 12 else "")
    raise UsageProblem(f"事项「{typed}」在目录中不存在（{'名称相近的有' if near else 'items/ 下有'}：{shown or '没有事项'}），"
                       "未新建；请写事项编号或名称，或先用 gongkai new item 新建事项")


def chosen(label: str, typed: str, names: tuple[str, ...]) -> str:
    """The one of *names* that *typed* is, as the file reads the field *label* (its aliases, full-width, 繁體: 「主动」 is
    主动公开), in its standard name; UsageProblem naming the choices when it is none of them."""
    spec = FIELDS.get(label)
    found = vocab.canonical(typed, names, spec.aliases if spec else {})
    if found is None:
        raise UsageProblem(f"「{typed.strip()}」不是可选的{label}（可选：{'、'.join(names)}）")
    return found


def chosen_list(label: str, typed: str, names: tuple[str, ...]) -> list[str]:
    """The ones of *names* a line *typed* lists (「、」 「，」 between them), as the file reads the list field *label*
    (「社区、企事业单位、村公示栏（电子屏）」 is one box); UsageProblem at the first that is none of them."""
    read = normalize({label: typed})[0][label] if label in FIELDS else None
    if isinstance(read, list) and all(name in names for name in read):
        return read
    return [chosen(label, part, names) for part in re.split(r"[、，,]", typed) if part.strip()]


def _items_named(files: list[ItemFile], typed: str) -> list[ItemFile]:
    """The items whose whole name is *typed*; else those whose 一级事项 is (several, when the 二级事项 is left out)."""
    key = _name_key(typed)
    whole = [f for f in files if key and _name_key(_item_name(f)) == key]
    return whole or [f for f in files if key and _name_key(f.key[1]) == key]


def _item_name(file: ItemFile) -> str:
    return " / ".join(part for part in file.key[1:] if part)


def _name_key(name: str) -> str:
    """A 事项 name as typed names compare: letters and characters only (no spaces, brackets, slashes or dashes)."""
    return "".join(c for c in unicodedata.normalize("NFKC", name).casefold() if c.isalnum())


def check(fields: dict[str, Any], model: type[BaseModel]) -> None:
    """Refuse to write a file the loader would reject: a Chinese list of what is wrong."""
    try:
        model.model_validate(fields)
    except ValidationError as exc:  # the loader's Chinese explanations, not pydantic's English
        problems = "；".join(f"{note.message}（{note.hint.rstrip('。')}）" for note in explain_errors(exc, model))
        raise UsageProblem(f"填写的内容无效，未写入：{problems}") from None


def write_new(root: Path, path: str, fields: dict[str, Any], model: type[BaseModel]) -> Path:
    """Write a new catalog file (never over an existing one)."""
    target = root / path
    if target.exists():
        raise UsageProblem(f"「{path}」已经存在，未覆盖")
    fields, _ = invisible.clean_tree(fields)  # a title pasted from Word or WeChat into the terminal
    check(fields, model)
    write_atomic(target, document.dump(document.new_document(fields, model)))
    return target


def record_path(fields: dict[str, Any]) -> str:
    return f"records/{str(fields['成文日期'])[:4]}/{fields['编号']}.yaml"


__all__ = ["Item", "Record", "chosen", "chosen_list", "item_id", "item_path", "new_item_fields", "new_record_fields",
           "record_path", "write_new"]
