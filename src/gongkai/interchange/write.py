"""Writing an import plan: new item files in house style, existing ones updated in place with comments kept."""

from __future__ import annotations

from pathlib import Path

from gongkai.authoring import document
from gongkai.catalog import Catalog
from gongkai.catalog.decode import decode
from gongkai.files_io import write_atomic
from gongkai.interchange.plan import ImportPlan
from gongkai.model import Item


def render_plan(catalog: Catalog, plan: ImportPlan) -> dict[str, str]:
    """The new text of every file the plan touches, by catalog-relative path (nothing written yet)."""
    texts: dict[str, str] = {}
    for change in plan.changes:
        if change.added:
            texts[change.path] = document.dump(document.new_document(change.fields, Item))
            continue
        text, _ = decode(catalog.source.read(change.path))
        tree = document.load(text or "")
        document.update(tree, change.fields, Item)
        texts[change.path] = document.dump(tree)
    return texts


def apply_plan(root: Path, catalog: Catalog, plan: ImportPlan) -> list[str]:
    """Write every file of the plan (all rendered before the first is written); the paths written."""
    texts = render_plan(catalog, plan)
    for path, text in sorted(texts.items()):
        write_atomic(root / path, text)
    return sorted(texts)
