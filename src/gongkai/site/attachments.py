"""Attachments as the site links them; the files come only through the one attachment check (gongkai.privacy)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from gongkai.catalog import Catalog
from gongkai.model import Record
from gongkai.privacy import attachment_id, read_attachment

__all__ = ["Link", "identity", "links_of", "read_attachment"]


@dataclass(frozen=True)
class Link:
    """An attachment as a page links it: catalog path (the same path on the site), display name, format."""

    path: str
    name: str
    suffix: str

    @property
    def href(self) -> str:
        """The copy's address relative to the column: each part percent-encoded, so that a file named
        「名单#2.pdf」, 「100%名单.pdf」 or 「名单 （终稿）.pdf」 is the file and not a fragment, a bad escape or a gap."""
        return quote(self.path, safe="/")


def links_of(record: Record) -> list[Link]:
    """The record's attachments as links, in the order the record lists them."""
    return [Link(a.file, a.name or a.file.rsplit("/", 1)[-1], a.suffix.upper()) for a in record.attachments]


def identity(catalog: Catalog, path: str) -> str:
    """What the copy of an attachment depends on: its content hash, as the publishing gate's scan knows it (a stamp
    vouches for it only when the file is clearly older than the tick it may change in again unseen: a list masked in
    place within the second after a build, on a FAT stick or a share with a coarse clock, is copied again); the stat
    signature of a file the check refuses; the path in a revision."""
    root = getattr(catalog.source, "root", None)
    if root is None:
        return path
    blob = attachment_id(catalog, path)
    if blob is not None:
        return blob
    try:
        stat = os.lstat(Path(root) / path)
    except OSError:
        return "missing"
    return f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}:{stat.st_ino}:{stat.st_dev}"
