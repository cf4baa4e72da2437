"""Every file of the site, each with the inputs it is made from: the one list a build works through."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from gongkai.site.artifact import Artifact
from gongkai.site.carried import Carry
from gongkai.site.changes import Adjustment
from gongkai.site.data import FIVE_SLUGS, SiteData
from gongkai.site.pages.column import column_artifacts
from gongkai.site.pages.directory import directory_artifacts
from gongkai.site.pages.files import asset_artifacts, data_artifacts, sitemaps
from gongkai.site.pages.records import FileSource, record_artifacts


def site_artifacts(data: SiteData, files: FileSource, changes: list[Adjustment],
                   forms: dict[str, Callable[[], bytes]], xlsx: Callable[[], bytes],
                   carry: Carry | None = None) -> Iterator[Artifact]:
    """All files of the site in a stable order; sitemap.xml (and its parts) last, listing the pages marked for it
    (*carry*: record pages carried over from the last build, gongkai.site.carried)."""
    common: dict[str, Any] = {"site": data, "fives": FIVE_SLUGS, "fragments": {}}  # header and footer, made once
    listed: list[str] = []
    for artifact in _all(data, common, files, changes, forms, xlsx, carry):
        if artifact.sitemap:
            listed.append(artifact.path)
        yield artifact
    yield from sitemaps(data, listed)


def _all(data: SiteData, common: dict[str, Any], files: FileSource, changes: list[Adjustment],
         forms: dict[str, Callable[[], bytes]], xlsx: Callable[[], bytes], carry: Carry | None) -> Iterator[Artifact]:
    yield from asset_artifacts()
    yield from column_artifacts(data, common, forms)
    yield from directory_artifacts(data, common)
    yield from record_artifacts(data, common, files, carry)
    yield from data_artifacts(data, common, changes, xlsx)


__all__ = ["Artifact", "FileSource", "site_artifacts"]
