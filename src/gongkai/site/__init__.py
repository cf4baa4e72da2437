"""The department's 政府信息公开 column: built from a catalog, taking records only from the publishing gate."""

from __future__ import annotations

from gongkai.site.build import BuildResult, build_catalog, build_site

__all__ = ["BuildResult", "build_catalog", "build_site"]
