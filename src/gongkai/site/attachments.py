"""Attachments: only those that pass the one attachment check (path, links, regular file, format, content)."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.catalog import Catalog
from gongkai.model import Record
from gongkai.privacy import attachment_problem, mask_log

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
    """True when *path* passes the one attachment check (gongkai.privacy.attachments): the site copies nothing else."""
    return attachment_problem(catalog, path) is None


def links(catalog: Catalog, records: list[Record]) -> tuple[dict[str, list[Link]], list[str]]:
    """Per record id, its safe attachments; and the refused paths (for the build report)."""
    found: dict[str, list[Link]] = {}
    refused: list[str] = []
    for record in records:
        for attachment in record.attachments:
            if not safe_path(catalog, attachment.file):
                refused.append(f"{record.id}: {mask_log(attachment.file)}")
                continue
            name = attachment.name or attachment.file.rsplit("/", 1)[-1]
            found.setdefault(record.id, []).append(Link(attachment.file, name, attachment.suffix.upper()))
    return found, refused
