"""Writing an import plan: new item files in house style; existing ones updated in place, nothing else touched."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from gongkai.authoring import document
from gongkai.catalog import Catalog
from gongkai.catalog.decode import BOM, any_text, decode
from gongkai.catalog.invisible import remove
from gongkai.catalog.yamlio import refuse_before_round_trip
from gongkai.errors import UsageProblem, describe_os_error, output_in_place
from gongkai.files_io import read_only, write_all
from gongkai.interchange.plan import ImportPlan
from gongkai.model import Item
from gongkai.processes import interrupts_deferred


def render_plan(catalog: Catalog, plan: ImportPlan) -> dict[str, bytes]:
    """The new bytes of every file the plan touches, by catalog-relative path (nothing written yet)."""
    rendered: dict[str, bytes] = {}
    for change in plan.changes:
        if change.added:
            rendered[change.path] = document.dump(document.new_document(change.fields, Item)).encode("utf-8")
        else:
            rendered[change.path] = updated_bytes(catalog.source.read(change.path), change.fields)
    return rendered


def updated_bytes(data: bytes, fields: dict[str, Any]) -> bytes:
    """*data* (an item file) with *fields* set: comments, key order, BOM and line ends kept."""
    text, _ = decode(data)
    if text is None and (converted := any_text(data)[0]) is not None:  # GBK or UTF-16 (--overwrite-invalid): read as
        # fmt reads it, so that its comments and the keys the table has no column for are kept; written in UTF-8
        text = remove(converted.replace("\r\n", "\n").replace("\r", "\n"))
    try:
        if text is not None:
            refuse_before_round_trip(text)  # GK005, GK014: kept; an alias bomb would be written out value by value
        tree = document.load(text) if text is not None else None
    except Exception:  # noqa: BLE001 - a file YAML cannot read is rebuilt from the row (--overwrite-invalid only)
        tree = None
    if isinstance(tree, CommentedMap):
        document.update(tree, fields, Item)
    else:
        tree = document.new_document(fields, Item)
    out = document.dump(tree)
    if b"\r\n" in data:
        out = out.replace("\n", "\r\n")
    return (BOM if data.startswith(BOM) else b"") + out.encode("utf-8")


@contextmanager
def _all_in(count: int) -> Iterator[None]:
    """The renames of an import's files: a Ctrl+C (or SIGTERM) meanwhile waits until all are in, so an import is never
    half written, and the interrupted command says they are."""
    with interrupts_deferred():
        yield
        output_in_place(f"导入的 {count} 个文件已全部写入目录")


def apply_plan(root: Path, catalog: Catalog, plan: ImportPlan) -> list[str]:
    """Write every file of the plan (all rendered before the first is written); the paths written."""
    rendered = render_plan(catalog, plan)
    added = {c.path for c in plan.changes if c.added}
    if clash := sorted(p for p in added if (root / p).exists()):
        raise UsageProblem(f"{'、'.join(clash)} 在导入时已经存在（可能刚被别人新建），没有写入任何文件。请重新运行导入。")
    if locked := sorted(p for p in rendered if p not in added and read_only(root / p)):
        raise UsageProblem(f"{'、'.join(locked)} 是只读文件，gongkai 不改写只读文件，没有写入任何文件：确要更新，请先去掉只读属性"
                           "（Windows：右键 → 属性 → 取消勾选「只读」；Linux、macOS：chmod u+w 文件名），再运行导入。")
    try:
        write_all({root / path: data for path, data in rendered.items()}, frozenset(root / path for path in added),
                  guard=partial(_all_in, len(rendered)))
    except FileExistsError as exc:
        where = next((p for p in sorted(added) if str(root / p) == exc.filename), "要新建的文件")
        raise UsageProblem(f"{where} 在导入时已经存在（可能刚被别人新建），没有覆盖它。请重新运行导入。") from None
    except OSError as exc:  # every file is written aside first: one that cannot be written stops them all
        raise UsageProblem(f"无法写入（{describe_os_error(exc)}），没有写入任何文件。请改正后重新运行导入。") from None
    return sorted(rendered)
