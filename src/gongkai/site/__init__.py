"""The department's 政府信息公开 column: built from a catalog, taking records only from the publishing gate."""

from __future__ import annotations

from gongkai.site.build import build_site
from gongkai.site.result import BuildResult

__all__ = ["BuildResult", "build_site"]
