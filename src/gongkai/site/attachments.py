"""Attachments: only files inside the catalog's files/ folder, never a path that climbs out of it."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.catalog import Catalog
from gongkai.model import Record

FOLDER = "files/"


@dataclass(frozen=True)
class Link:
    """An attachment as the site links it: catalog path, site path (same), display name, format."""

    path: str
    name: str
    suffix: str

    @property
    def href(self) -> str:
        return self.path


def safe_path(catalog: Catalog, path: str) -> bool:
    """True for a plain relative path under files/ that names a non-YAML file the catalog holds."""
    parts = path.split("/")
    if not path.startswith(FOLDER) or "\\" in path or ":" in path or any(p in ("", ".", "..") for p in parts):
        return False
    return path in catalog.attachments and catalog.has_file(path)


def links(catalog: Catalog, records: list[Record]) -> tuple[dict[str, list[Link]], list[str]]:
    """Per record id, its safe attachments; and the refused paths (for the build report)."""
    found: dict[str, list[Link]] = {}
    refused: list[str] = []
    for record in records:
        for attachment in record.attachments:
            if not safe_path(catalog, attachment.file):
                refused.append(f"{record.id}: {attachment.file}")
                continue
            name = attachment.name or attachment.file.rsplit("/", 1)[-1]
            found.setdefault(record.id, []).append(Link(attachment.file, name, attachment.suffix.upper()))
    return found, refused
